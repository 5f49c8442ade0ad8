/**
 * "Restart pod": delete the pod so that its controller recreates it. Never offered for a bare pod
 * (nothing would bring it back). The delete carries a UID precondition: if the pod the diagnosis
 * showed has been replaced meanwhile, nothing is deleted.
 */
import type { Diagnosis } from '../../diagnosis/types.ts';
import type { Action } from './action.ts';

export const restartPod: Action = {
  id: 'restart-pod',
  label: 'Restart pod',
  verb: 'restart',
  available: (diagnosis: Diagnosis) =>
    diagnosis.workload
      ? { ok: true }
      : { ok: false, reason: `pod ${diagnosis.pod} has no controller, so a deleted pod would not come back` },
  describe: (target) =>
    `Delete pod ${target.pod} in namespace ${target.namespace} so that its ${target.workload?.kind ?? 'controller'} recreates it?`,
  involved: (target) => ({ kind: 'Pod', apiVersion: 'v1', name: target.pod, uid: target.uid }),
  run: async (target, { gateway }) => {
    const outcome = await gateway.deletePod({ namespace: target.namespace, name: target.pod, uid: target.uid });
    if (outcome === 'deleted') return { ok: true, summary: `deleted pod ${target.pod}; its controller recreates it` };
    if (outcome === 'gone')
      return { ok: false, replaced: true, summary: `pod ${target.pod} is already gone: nothing deleted` };
    return { ok: false, replaced: true, summary: `the pod was replaced meanwhile: nothing deleted` };
  },
};
