/**
 * Listing pods for the scanner (H7): the pods of one namespace, or of every namespace for '*', as
 * PodFacts. A separate function rather than a method on the investigator, which answers questions about
 * one pod; the scanner only needs the statuses to decide which pods are worth a diagnosis.
 */
import type { PodFacts } from '../diagnosis/types.ts';
import type { ClusterConnection } from './connection.ts';
import { podFacts } from './facts.ts';
import { assertName } from './names.ts';

/** Pods per page: a bounded response even in a namespace with thousands of pods. */
const PAGE = 500;

export const listPods = async (
  connection: Pick<ClusterConnection, 'core' | 'call'>,
  namespace: string,
): Promise<PodFacts[]> => {
  const all = namespace === '*';
  if (!all) assertName('namespace', namespace);
  const pods: PodFacts[] = [];
  let cont: string | undefined;
  do {
    const page = await connection.call({ verb: 'list', resource: 'pods', ...(all ? {} : { namespace }) }, () =>
      all
        ? connection.core.listPodForAllNamespaces({ limit: PAGE, ...(cont ? { _continue: cont } : {}) })
        : connection.core.listNamespacedPod({ namespace, limit: PAGE, ...(cont ? { _continue: cont } : {}) }),
    );
    for (const pod of page.items) pods.push(podFacts(pod));
    cont = page.metadata?._continue || undefined;
  } while (cont);
  return pods;
};
