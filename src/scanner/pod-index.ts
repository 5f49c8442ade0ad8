/**
 * What the watch knows now (in memory, rebuilt from a list at start): the watched pods by uid, and by
 * workload, so a resolution check reads only the incident's own pods. Ignored pods are not kept.
 */
import type { IncidentScope } from '../incidents/types.ts';
import { healthySince, type WatchedPod } from './watched-pod.ts';

const workloadKey = (namespace: string, kind: string, name: string): string => `${namespace}|${kind}/${name}`;
const EPOCH = '1970-01-01T00:00:00.000Z';

export interface PodIndex {
  /** Replaces every pod of the target ('*' = all namespaces) with this list; returns the pods kept. */
  replace(target: string, pods: WatchedPod[]): WatchedPod[];
  /** Adds or replaces one pod; false when it is ignored (and so not kept). */
  upsert(pod: WatchedPod): boolean;
  remove(uid: string): void;
  all(): IterableIterator<WatchedPod>;
  size(): number;
  byName(namespace: string, name: string): WatchedPod | undefined;
  workloadPods(namespace: string, kind: string, name: string): WatchedPod[];
  /**
   * Since when every pod of the scope has run its container without failing; undefined while one is
   * failing or not running yet. No pod left (scaled down, deleted) counts as healthy since long ago.
   */
  healthySince(scope: IncidentScope): string | undefined;
}

export const createPodIndex = (): PodIndex => {
  const pods = new Map<string, WatchedPod>();
  const byWorkload = new Map<string, Set<string>>();
  const byName = new Map<string, string>();

  const unlink = (pod: WatchedPod): void => {
    const key = workloadKey(pod.namespace, pod.workload.kind, pod.workload.name);
    const set = byWorkload.get(key);
    set?.delete(pod.uid);
    if (set?.size === 0) byWorkload.delete(key);
    if (byName.get(`${pod.namespace}/${pod.name}`) === pod.uid) byName.delete(`${pod.namespace}/${pod.name}`);
  };
  const remove = (uid: string): void => {
    const pod = pods.get(uid);
    if (!pod) return;
    unlink(pod);
    pods.delete(uid);
  };
  const upsert = (pod: WatchedPod): boolean => {
    remove(pod.uid);
    if (pod.ignored) return false;
    pods.set(pod.uid, pod);
    const key = workloadKey(pod.namespace, pod.workload.kind, pod.workload.name);
    let set = byWorkload.get(key);
    if (!set) {
      set = new Set();
      byWorkload.set(key, set);
    }
    set.add(pod.uid);
    byName.set(`${pod.namespace}/${pod.name}`, pod.uid);
    return true;
  };
  const workloadPods = (namespace: string, kind: string, name: string): WatchedPod[] =>
    [...(byWorkload.get(workloadKey(namespace, kind, name)) ?? [])]
      .map((uid) => pods.get(uid))
      .filter((pod): pod is WatchedPod => pod !== undefined);

  return {
    replace: (target, list) => {
      for (const pod of [...pods.values()]) if (target === '*' || pod.namespace === target) remove(pod.uid);
      return list.filter(upsert);
    },
    upsert,
    remove,
    all: () => pods.values(),
    size: () => pods.size,
    byName: (namespace, name) => {
      const uid = byName.get(`${namespace}/${name}`);
      return uid === undefined ? undefined : pods.get(uid);
    },
    workloadPods,
    healthySince: (scope) => {
      let latest = EPOCH;
      for (const pod of workloadPods(scope.namespace, scope.workload.kind, scope.workload.name)) {
        const container = pod.containers.find((c) => c.name === scope.container);
        // A pod still pending (no status for the container yet) is not known to be healthy.
        if (!container) return undefined;
        const since = healthySince(container);
        if (since === undefined) return undefined;
        if (since > latest) latest = since;
      }
      return latest;
    },
  };
};
