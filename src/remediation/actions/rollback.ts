/**
 * "Roll back": `kubectl rollout undo` for a Deployment whose latest rollout broke it. The template is
 * set back to the previous revision's (the newest older ReplicaSet's template), so the Deployment
 * controller scales the old ReplicaSet back up. Offered only for a bad rollout. The patch carries our
 * stamp in the Deployment's annotations, so a lost answer is settled by reading the Deployment.
 */
import type { Diagnosis } from '../../diagnosis/types.ts';
import { ROLLBACK_STAMP } from '../../cluster/mutations.ts';
import type { Action } from './action.ts';

export const rollback: Action = {
  id: 'rollback',
  label: 'Roll back',
  verb: 'rollback',
  available: (diagnosis: Diagnosis) => {
    const workload = diagnosis.workload;
    if (workload?.kind !== 'Deployment')
      return {
        ok: false,
        reason: `pod ${diagnosis.pod} is not owned by a Deployment, so there is no revision to roll back to`,
      };
    const failing = diagnosis.containers[0];
    if (diagnosis.healthy || !failing) return { ok: false, reason: `pod ${diagnosis.pod} is not failing now` };
    if (failing.classification.best.category !== 'bad_rollout')
      return {
        ok: false,
        reason: 'the diagnosis does not blame the latest rollout, so rolling it back would not fix the cause',
      };
    return { ok: true };
  },
  describe: (target, plan) =>
    `Roll Deployment ${target.workload?.name ?? '?'} in namespace ${target.namespace} back to ${plan?.revision ? `revision ${plan.revision}` : 'its previous revision'} (kubectl rollout undo)?`,
  involved: (target) => ({ kind: 'Deployment', apiVersion: 'apps/v1', name: target.workload?.name ?? target.pod }),
  plan: async (target, { gateway, requestId, now }) => {
    const name = target.workload?.name ?? '';
    const previous = await gateway.previousRevision({ namespace: target.namespace, name });
    return { stamp: `${requestId}.${now().getTime()}`, ...(previous ? { revision: previous.revision } : {}) };
  },
  run: async (target, plan, { gateway }) => {
    const name = target.workload?.name ?? '';
    // Read again at run time: the revision to return to is the one before the current, now.
    const previous = await gateway.previousRevision({ namespace: target.namespace, name });
    if (!previous)
      return { outcome: 'not_done', summary: `Deployment ${name} has no earlier revision: nothing changed` };
    if (plan.revision && previous.revision !== plan.revision)
      return {
        outcome: 'not_done',
        summary: `Deployment ${name} changed since the request (the previous revision is now ${previous.revision}, not ${plan.revision}): nothing changed`,
      };
    await gateway.rollBack({ namespace: target.namespace, name, template: previous.template, stamp: plan.stamp });
    return { outcome: 'done', summary: `Deployment ${name} rolled back to revision ${previous.revision}` };
  },
  settle: async (target, plan, { gateway }) => {
    const name = target.workload?.name ?? '';
    const state = await gateway.readWorkload({ namespace: target.namespace, kind: 'Deployment', name });
    if (state?.annotations[ROLLBACK_STAMP] === plan.stamp)
      return {
        outcome: 'done',
        summary: `Deployment ${name} rolled back${plan.revision ? ` to revision ${plan.revision}` : ''} (confirmed by reading it back)`,
      };
    return {
      outcome: 'not_done',
      summary: `Deployment ${name} does not carry our rollback (confirmed by reading it back): nothing changed`,
    };
  },
};
