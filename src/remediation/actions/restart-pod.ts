/**
 * "Restart pod": delete the pod so that its controller recreates it. Never offered for a bare pod
 * (nothing would bring it back). The delete carries a UID precondition: if the pod the diagnosis
 * showed has been replaced meanwhile, nothing is deleted, and a repeated delete can never take a
 * second pod. Settled by reading the pod of that name: gone or terminating means deleted.
 */
import type { Diagnosis } from '../../diagnosis/types.ts';
import type { Action } from './action.ts';
import { restartFits } from './causes.ts';

export const restartPod: Action = {
  id: 'restart-pod',
  label: 'Restart pod',
  verb: 'restart',
  available: (diagnosis: Diagnosis) =>
    diagnosis.workload
      ? restartFits(diagnosis, 'pod restart')
      : { ok: false, reason: `pod ${diagnosis.pod} has no controller, so a deleted pod would not come back` },
  describe: (target) =>
    `Delete pod ${target.pod} in namespace ${target.namespace} so that its ${target.workload?.kind ?? 'controller'} recreates it?`,
  involved: (target) => ({ kind: 'Pod', apiVersion: 'v1', name: target.pod, uid: target.uid }),
  plan: async (target) => ({ stamp: target.uid }),
  run: async (target, _plan, { gateway }) => {
    const outcome = await gateway.deletePod({ namespace: target.namespace, name: target.pod, uid: target.uid });
    if (outcome === 'deleted')
      return { outcome: 'done', summary: `deleted pod ${target.pod}; its controller recreates it` };
    if (outcome === 'gone')
      return { outcome: 'not_done', replaced: true, summary: `pod ${target.pod} was already gone: nothing deleted` };
    return { outcome: 'not_done', replaced: true, summary: 'the pod was replaced meanwhile: nothing deleted' };
  },
  settle: async (target, _plan, { gateway }) => {
    const pod = await gateway.readPod({ namespace: target.namespace, name: target.pod });
    if (!pod || (pod.uid === target.uid && pod.deleting))
      return {
        outcome: 'done',
        summary: `deleted pod ${target.pod} (confirmed by reading it back); its controller recreates it`,
      };
    if (pod.uid !== target.uid)
      return {
        outcome: 'done',
        summary: `pod ${target.pod} was deleted and already replaced (confirmed by reading it back)`,
      };
    return {
      outcome: 'not_done',
      summary: `pod ${target.pod} is still there (confirmed by reading it back): nothing deleted`,
    };
  },
};
