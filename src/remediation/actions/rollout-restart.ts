/**
 * "Rollout restart": the change `kubectl rollout restart` makes, a restartedAt annotation on the pod
 * template of the owning Deployment, StatefulSet or DaemonSet, so the controller rolls every pod.
 */
import type { Diagnosis } from '../../diagnosis/types.ts';
import type { Action } from './action.ts';

export const ROLLABLE_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet'];

export const rolloutRestart: Action = {
  id: 'rollout-restart',
  label: 'Rollout restart',
  verb: 'rollout',
  available: (diagnosis: Diagnosis) =>
    diagnosis.workload && ROLLABLE_KINDS.includes(diagnosis.workload.kind)
      ? { ok: true }
      : { ok: false, reason: `pod ${diagnosis.pod} is not owned by a Deployment, StatefulSet or DaemonSet` },
  describe: (target) =>
    `Rollout restart ${target.workload?.kind ?? 'workload'} ${target.workload?.name ?? '?'} in namespace ${target.namespace} (all its pods are replaced)?`,
  involved: (target) => ({
    kind: target.workload?.kind ?? 'Pod',
    apiVersion: target.workload ? 'apps/v1' : 'v1',
    name: target.workload?.name ?? target.pod,
  }),
  run: async (target, { gateway, now }) => {
    const workload = target.workload;
    if (!workload || !ROLLABLE_KINDS.includes(workload.kind)) {
      return { ok: false, summary: 'no Deployment, StatefulSet or DaemonSet to restart: nothing changed' };
    }
    await gateway.restartWorkload({
      namespace: target.namespace,
      kind: workload.kind,
      name: workload.name,
      restartedAt: now().toISOString(),
    });
    return { ok: true, summary: `rollout restart of ${workload.kind} ${workload.name} started` };
  },
};
