/**
 * "Rollout restart": the change `kubectl rollout restart` makes, a restartedAt annotation on the pod
 * template of the owning Deployment, StatefulSet or DaemonSet, so the controller rolls every pod. The
 * annotation's value is decided and recorded before the patch, so a lost answer is settled by reading
 * the template: our value there means the patch applied.
 */
import type { Diagnosis } from '../../diagnosis/types.ts';
import type { Action } from './action.ts';
import { restartFits } from './causes.ts';

export const ROLLABLE_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet'];
const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';

export const rolloutRestart: Action = {
  id: 'rollout-restart',
  label: 'Rollout restart',
  verb: 'rollout',
  available: (diagnosis: Diagnosis) => {
    const workload = diagnosis.workload;
    if (!workload || !ROLLABLE_KINDS.includes(workload.kind))
      return { ok: false, reason: `pod ${diagnosis.pod} is not owned by a Deployment, StatefulSet or DaemonSet` };
    const fits = restartFits(diagnosis, 'rollout restart');
    if (!fits.ok) return fits;
    // The StatefulSet controller replaces pods one at a time and waits for each to be Ready: with this
    // pod never Ready, a rollout restart changes the template and then waits for ever.
    if (workload.kind === 'StatefulSet')
      return {
        ok: false,
        reason: `StatefulSet ${workload.name} rolls one pod at a time and waits for each to become Ready; pod ${diagnosis.pod} never does, so a rollout restart would not move. Restart the pod instead`,
        fix: `kubectl delete pod ${diagnosis.pod} -n ${diagnosis.namespace}`,
      };
    return { ok: true };
  },
  describe: (target) =>
    `Rollout restart ${target.workload?.kind ?? 'workload'} ${target.workload?.name ?? '?'} in namespace ${target.namespace} (all its pods are replaced)?`,
  involved: (target) => ({
    kind: target.workload?.kind ?? 'Pod',
    apiVersion: target.workload ? 'apps/v1' : 'v1',
    name: target.workload?.name ?? target.pod,
  }),
  plan: async (_target, { now }) => ({ stamp: now().toISOString() }),
  run: async (target, plan, { gateway }) => {
    const workload = target.workload;
    if (!workload || !ROLLABLE_KINDS.includes(workload.kind)) {
      return { outcome: 'not_done', summary: 'no Deployment, StatefulSet or DaemonSet to restart: nothing changed' };
    }
    await gateway.restartWorkload({
      namespace: target.namespace,
      kind: workload.kind,
      name: workload.name,
      restartedAt: plan.stamp,
    });
    return { outcome: 'done', summary: `rollout restart of ${workload.kind} ${workload.name} started` };
  },
  settle: async (target, plan, { gateway }) => {
    const workload = target.workload;
    if (!workload) return { outcome: 'not_done', summary: 'no workload to restart: nothing changed' };
    const state = await gateway.readWorkload({ namespace: target.namespace, ...workload });
    if (state?.templateAnnotations[RESTARTED_AT] === plan.stamp)
      return {
        outcome: 'done',
        summary: `rollout restart of ${workload.kind} ${workload.name} started (confirmed by reading it back)`,
      };
    return {
      outcome: 'not_done',
      summary: `${workload.kind} ${workload.name} does not carry our restart (confirmed by reading it back): nothing changed`,
    };
  },
};
