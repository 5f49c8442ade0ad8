/**
 * A name with no namespace: where is it? Searches the namespaces a channel may read, in parallel and
 * in one round (per namespace: pods by name, one page of pods for suggestions, and each workload kind by name), then answers pods
 * first, workloads next, and did-you-mean from what was listed when nothing matched. A namespace that
 * cannot be read (forbidden, unreachable) keeps its error: it is never reported as "no such name".
 */
import type { V1ObjectMeta, V1Pod } from '@kubernetes/client-node';
import { type ExitcodeError, isExitcodeError } from '../errors.ts';
import type { ClusterConnection } from './connection.ts';
import { ownerOf } from './facts.ts';
import { assertName } from './names.ts';
import { POD_PAGE, suggest } from './resolve.ts';
import { type WorkloadKind, workloadNameOf } from './workload-pods.ts';

export interface TargetCandidate {
  namespace: string;
  kind: 'Pod' | WorkloadKind;
  name: string;
  /** What the investigator accepts: the pod name, or kind/name (deploy/checkout). */
  target: string;
}

export type TargetSearch =
  | { kind: 'found'; matches: TargetCandidate[]; unreadable: { namespace: string; error: ExitcodeError }[] }
  | { kind: 'none'; suggestions: TargetCandidate[]; unreadable: { namespace: string; error: ExitcodeError }[] };

const SHORT: Record<WorkloadKind, string> = { Deployment: 'deploy', StatefulSet: 'sts', DaemonSet: 'ds', Job: 'job' };
const KINDS: WorkloadKind[] = ['Deployment', 'StatefulSet', 'DaemonSet', 'Job'];
/** At most this many suggestions or matches are offered as buttons. */
export const MAX_CANDIDATES = 5;

const candidate = (namespace: string, kind: 'Pod' | WorkloadKind, name: string): TargetCandidate => ({
  namespace,
  kind,
  name,
  target: kind === 'Pod' ? name : `${SHORT[kind]}/${name}`,
});

type Listed = { items: { metadata?: V1ObjectMeta }[] };

const listWorkloads = (
  connection: ClusterConnection,
  kind: WorkloadKind,
  namespace: string | undefined,
  fieldSelector: string,
): Promise<Listed> => {
  const resource = { Deployment: 'deployments', StatefulSet: 'statefulsets', DaemonSet: 'daemonsets', Job: 'jobs' }[
    kind
  ];
  return connection.call<Listed>({ verb: 'list', resource, ...(namespace ? { namespace } : {}) }, () => {
    if (namespace === undefined) {
      if (kind === 'Deployment') return connection.apps.listDeploymentForAllNamespaces({ fieldSelector });
      if (kind === 'StatefulSet') return connection.apps.listStatefulSetForAllNamespaces({ fieldSelector });
      if (kind === 'DaemonSet') return connection.apps.listDaemonSetForAllNamespaces({ fieldSelector });
      return connection.batch.listJobForAllNamespaces({ fieldSelector });
    }
    if (kind === 'Deployment') return connection.apps.listNamespacedDeployment({ namespace, fieldSelector });
    if (kind === 'StatefulSet') return connection.apps.listNamespacedStatefulSet({ namespace, fieldSelector });
    if (kind === 'DaemonSet') return connection.apps.listNamespacedDaemonSet({ namespace, fieldSelector });
    return connection.batch.listNamespacedJob({ namespace, fieldSelector });
  });
};

/**
 * Pods by exact name (a field selector, so a pod past the first page is still found), or one page of
 * pods for did-you-mean when `fieldSelector` is absent.
 */
const listPods = (
  connection: ClusterConnection,
  namespace: string | undefined,
  fieldSelector?: string,
): Promise<{ items: V1Pod[] }> => {
  const query = fieldSelector ? { fieldSelector } : { limit: POD_PAGE };
  return connection.call({ verb: 'list', resource: 'pods', ...(namespace ? { namespace } : {}) }, () =>
    namespace === undefined
      ? connection.core.listPodForAllNamespaces(query)
      : connection.core.listNamespacedPod({ namespace, ...query }),
  );
};

type Settled<T> = { ok: true; value: T } | { ok: false; error: ExitcodeError };

const settle = async <T>(promise: Promise<T>): Promise<Settled<T>> => {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    if (isExitcodeError(error)) return { ok: false, error };
    throw error;
  }
};

/**
 * Namespaces searched at once (six requests each): a channel mapped to fifty namespaces must not open
 * 250 requests against the API server in one burst. Still one logical round: nothing waits on an answer.
 */
export const MAX_NAMESPACES_IN_FLIGHT = 8;

/** Like Promise.all over `items`, with at most `limit` calls running; results in input order. */
const mapBounded = async <T, R>(items: T[], limit: number, run: (item: T) => Promise<R>): Promise<R[]> => {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await run(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
};

/** One scope: a namespace, or every namespace at once (undefined) for a channel that may read all. */
interface ScopeResult {
  scope: string | undefined;
  /** Pods with exactly the name asked for. */
  named: Settled<{ items: V1Pod[] }>;
  /** One page of pods, for suggestions. */
  pods: Settled<{ items: V1Pod[] }>;
  workloads: { kind: WorkloadKind; listed: Settled<Listed> }[];
}

const searchScope = async (connection: ClusterConnection, scope: string | undefined, name: string) => {
  const fieldSelector = `metadata.name=${name}`;
  const [named, pods, ...workloads] = await Promise.all([
    settle(listPods(connection, scope, fieldSelector)),
    settle(listPods(connection, scope)),
    ...KINDS.map((kind) => settle(listWorkloads(connection, kind, scope, fieldSelector))),
  ]);
  return {
    scope,
    named: named as Settled<{ items: V1Pod[] }>,
    pods: pods as Settled<{ items: V1Pod[] }>,
    workloads: KINDS.map((kind, i) => ({ kind, listed: workloads[i] as Settled<Listed> })),
  } satisfies ScopeResult;
};

const namespaceOf = (object: { metadata?: V1ObjectMeta }, scope: string | undefined): string =>
  object.metadata?.namespace ?? scope ?? '';

/**
 * Searches `namespaces` (['*'] for all) for a pod, then a workload, called `name`. Throws the first
 * error when no namespace could be read at all; otherwise reports unreadable ones beside the answer.
 */
export const findTarget = async (
  connection: ClusterConnection,
  { name, namespaces }: { name: string; namespaces: string[] },
): Promise<TargetSearch> => {
  assertName('pod', name);
  const scopes: (string | undefined)[] = namespaces.includes('*')
    ? [undefined]
    : [...new Set(namespaces)].map((n) => assertName('namespace', n));
  const results = await mapBounded(scopes, MAX_NAMESPACES_IN_FLIGHT, (scope) => searchScope(connection, scope, name));
  const unreadable = results.flatMap((r) => (r.pods.ok ? [] : [{ namespace: r.scope ?? '*', error: r.pods.error }]));
  if (unreadable.length === results.length && unreadable[0]) throw unreadable[0].error;

  const pods = results.flatMap((r) => (r.pods.ok ? r.pods.value.items.map((pod) => ({ pod, scope: r.scope })) : []));
  const podMatches = results.flatMap((r) =>
    r.named.ok
      ? r.named.value.items
          .filter((pod) => pod.metadata?.name === name)
          .map((pod) => candidate(namespaceOf(pod, r.scope), 'Pod', name))
      : [],
  );
  if (podMatches.length > 0) return { kind: 'found', matches: podMatches.slice(0, MAX_CANDIDATES), unreadable };

  const workloadMatches = results.flatMap((r) =>
    r.workloads.flatMap(({ kind, listed }) =>
      listed.ok
        ? listed.value.items
            .filter((w) => w.metadata?.name === name)
            .map((w) => candidate(namespaceOf(w, r.scope), kind, name))
        : [],
    ),
  );
  if (workloadMatches.length > 0)
    return { kind: 'found', matches: workloadMatches.slice(0, MAX_CANDIDATES), unreadable };

  // Did you mean: workload names (as people type them) and pod names, across every namespace read.
  const byName = new Map<string, TargetCandidate[]>();
  const add = (c: TargetCandidate): void => {
    const list = byName.get(c.name) ?? [];
    if (!list.some((o) => o.namespace === c.namespace && o.target === c.target)) list.push(c);
    byName.set(c.name, list);
  };
  for (const { pod, scope } of pods) {
    const namespace = namespaceOf(pod, scope);
    const workload = workloadNameOf(pod);
    const ownerKind = ownerOf(pod.metadata)?.kind;
    if (workload && ownerKind === 'ReplicaSet') add(candidate(namespace, 'Deployment', workload));
    else if (workload && (ownerKind === 'StatefulSet' || ownerKind === 'DaemonSet' || ownerKind === 'Job'))
      add(candidate(namespace, ownerKind, workload));
    if (pod.metadata?.name) add(candidate(namespace, 'Pod', pod.metadata.name));
  }
  const names = suggest(name, [...byName.keys()], MAX_CANDIDATES);
  const suggestions = names.flatMap((n) => byName.get(n) ?? []).slice(0, MAX_CANDIDATES);
  return { kind: 'none', suggestions, unreadable };
};
