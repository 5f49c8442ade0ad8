/**
 * Listing pods for the scanner (H7): the pods of one namespace, or of every namespace for '*', as
 * PodFacts. A separate function rather than a method on the investigator, which answers questions about
 * one pod; the scanner only needs the statuses to decide which pods are worth a diagnosis.
 */
import type { PodFacts } from '../diagnosis/types.ts';
import { ExitcodeError, isExitcodeError } from '../errors.ts';
import type { ClusterConnection } from './connection.ts';
import { podFacts } from './facts.ts';
import { assertName } from './names.ts';

/** Pods per page: a bounded response even in a namespace with thousands of pods. */
const PAGE = 500;
/**
 * At most this many pages are followed (a server may answer fewer items than the limit, so pages are
 * counted, not items): a server that keeps answering `continue` cannot keep the scanner busy forever.
 */
export const MAX_POD_PAGES = 2000;

export const listPods = async (
  connection: Pick<ClusterConnection, 'core' | 'call'>,
  namespace: string,
): Promise<PodFacts[]> => {
  const all = namespace === '*';
  if (!all) assertName('namespace', namespace);
  let pods: PodFacts[] = [];
  let cont: string | undefined;
  let pages = 0;
  let restarted = false;
  for (;;) {
    pages += 1;
    if (pages > MAX_POD_PAGES) {
      throw new ExitcodeError(
        'too_large',
        `Listing pods in ${all ? 'every namespace' : `namespace ${namespace}`} took more than ${MAX_POD_PAGES} pages: narrow EXITCODE_NAMESPACES.`,
        { pages: MAX_POD_PAGES },
      );
    }
    const token = cont;
    let page: Awaited<ReturnType<typeof connection.core.listNamespacedPod>>;
    try {
      page = await connection.call({ verb: 'list', resource: 'pods', ...(all ? {} : { namespace }) }, () =>
        all
          ? connection.core.listPodForAllNamespaces({ limit: PAGE, ...(token ? { _continue: token } : {}) })
          : connection.core.listNamespacedPod({ namespace, limit: PAGE, ...(token ? { _continue: token } : {}) }),
      );
    } catch (error) {
      // 410: the continue token's snapshot was compacted mid-list. Start over once, as kubectl does.
      if (token === undefined || restarted || !isExitcodeError(error) || error.details['status'] !== 410) throw error;
      restarted = true;
      pods = [];
      cont = undefined;
      continue;
    }
    for (const pod of page.items) pods.push(podFacts(pod));
    const next = page.metadata?._continue || undefined;
    if (next !== undefined && next === token) {
      throw new ExitcodeError(
        'cluster_error',
        'The Kubernetes API answered the same list page twice: try again later.',
        {
          verb: 'list',
          resource: 'pods',
        },
      );
    }
    if (next === undefined) break;
    cont = next;
  }
  return pods;
};
