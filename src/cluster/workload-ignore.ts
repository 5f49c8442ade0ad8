/**
 * Whether a workload carries `exitcode.io/ignore: "true"` (the scanner's opt-out on a Deployment,
 * StatefulSet, DaemonSet, Job or CronJob). Read once per workload and cached for a while: the scanner
 * asks before diagnosing a new incident, not per pod event. Unreadable counts as not ignored (a
 * missing permission must not silence crashes).
 */
import type { ClusterConnection } from './connection.ts';

export const IGNORE_ANNOTATION = 'exitcode.io/ignore';

type Connection = Pick<ClusterConnection, 'apps' | 'batch' | 'call'>;

const annotationsOf = async (
  connection: Connection,
  { namespace, kind, name }: { namespace: string; kind: string; name: string },
): Promise<Record<string, string> | undefined> => {
  const get = <T extends { metadata?: { annotations?: Record<string, string> } }>(
    resource: string,
    read: () => Promise<T>,
  ) => connection.call({ verb: 'get', resource, namespace, name }, read).then((object) => object.metadata?.annotations);
  switch (kind) {
    case 'Deployment':
      return get('deployments', () => connection.apps.readNamespacedDeployment({ name, namespace }));
    case 'StatefulSet':
      return get('statefulsets', () => connection.apps.readNamespacedStatefulSet({ name, namespace }));
    case 'DaemonSet':
      return get('daemonsets', () => connection.apps.readNamespacedDaemonSet({ name, namespace }));
    case 'ReplicaSet':
      return get('replicasets', () => connection.apps.readNamespacedReplicaSet({ name, namespace }));
    case 'Job':
      return get('jobs', () => connection.batch.readNamespacedJob({ name, namespace }));
    case 'CronJob':
      return get('cronjobs', () => connection.batch.readNamespacedCronJob({ name, namespace }));
    default:
      return undefined;
  }
};

export const createWorkloadIgnoreCheck = ({
  connection,
  ttlMs = 5 * 60_000,
  now = () => Date.now(),
}: {
  connection: Connection;
  ttlMs?: number;
  now?: () => number;
}) => {
  const cache = new Map<string, { at: number; ignored: boolean }>();
  return async (namespace: string, workload: { kind: string; name: string }): Promise<boolean> => {
    const key = `${namespace}|${workload.kind}/${workload.name}`;
    const hit = cache.get(key);
    if (hit && now() - hit.at < ttlMs) return hit.ignored;
    let ignored = false;
    try {
      const annotations = await annotationsOf(connection, { namespace, ...workload });
      ignored = annotations?.[IGNORE_ANNOTATION]?.toLowerCase() === 'true';
    } catch {
      ignored = false;
    }
    if (cache.size > 5000) cache.clear();
    cache.set(key, { at: now(), ignored });
    return ignored;
  };
};
