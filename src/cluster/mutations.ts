/**
 * The cluster changes remediation makes (delete a pod with a UID precondition, the rollout-restart
 * patch, the rollout-undo patch, audit Events) and the reads that settle them. Every write is sent
 * exactly once, never through the read path's retry: a write answered 5xx or cut off may have been
 * applied, so it throws with `details.mayHaveApplied` and the action settles it by reading the state.
 */
import { PatchStrategy, setHeaderOptions, type V1ReplicaSet } from '@kubernetes/client-node';
import type { ActionGateway, AuditEvent, DeleteOutcome, EventSink, RemediationGateway } from '../remediation/types.ts';
import type { ClusterConnection } from './connection.ts';
import { createLeaseStore } from './leases.ts';
import { sendOnce } from './retry.ts';

type Connection = Pick<ClusterConnection, 'core' | 'apps' | 'call' | 'kubeConfig' | 'requestTimeoutMs'>;

const statusOf = (error: unknown): number | undefined =>
  (error as { details?: { status?: unknown } }).details?.status as number | undefined;

const RESOURCES: Record<string, string> = {
  Deployment: 'deployments',
  StatefulSet: 'statefulsets',
  DaemonSet: 'daemonsets',
};

const REVISION = 'deployment.kubernetes.io/revision';
/** The annotation a rollback stamps on the Deployment (not its template), so the patch can be settled. */
export const ROLLBACK_STAMP = 'exitcode.dev/rollback-request';

/** kubectl rollout restart sends this strategic merge patch; the annotation value is the time. */
export const restartPatch = (restartedAt: string) => ({
  spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': restartedAt } } } },
});

const notFoundAsUndefined = async <T>(read: () => Promise<T>): Promise<T | undefined> => {
  try {
    return await read();
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw error;
  }
};

const templateOf = (replicaSet: V1ReplicaSet): Record<string, unknown> => {
  const template = structuredClone(replicaSet.spec?.template ?? {}) as {
    metadata?: { labels?: Record<string, string> };
  };
  if (template.metadata?.labels) delete template.metadata.labels['pod-template-hash'];
  return template as Record<string, unknown>;
};

export const createActionGateway = (connection: Connection): ActionGateway => {
  const readWorkloadObject = ({ namespace, kind, name }: { namespace: string; kind: string; name: string }) => {
    const resource = RESOURCES[kind];
    if (!resource) throw new Error(`rollout is not defined for ${kind}`);
    return notFoundAsUndefined(() =>
      connection.call({ verb: 'get', resource, namespace, name }, async () => {
        if (kind === 'Deployment') return connection.apps.readNamespacedDeployment({ name, namespace });
        if (kind === 'StatefulSet') return connection.apps.readNamespacedStatefulSet({ name, namespace });
        return connection.apps.readNamespacedDaemonSet({ name, namespace });
      }),
    );
  };

  return {
    deletePod: async ({ namespace, name, uid }): Promise<DeleteOutcome> => {
      try {
        await sendOnce({ verb: 'delete', resource: 'pods', namespace, name }, () =>
          connection.core.deleteNamespacedPod({ name, namespace, body: { preconditions: { uid } } }),
        );
        return 'deleted';
      } catch (error) {
        // 409: the name now belongs to a different pod (the precondition failed), so nothing was deleted.
        if (statusOf(error) === 409) return 'replaced';
        if (statusOf(error) === 404) return 'gone';
        throw error;
      }
    },
    readPod: async ({ namespace, name }) => {
      const pod = await notFoundAsUndefined(() =>
        connection.call({ verb: 'get', resource: 'pods', namespace, name }, () =>
          connection.core.readNamespacedPod({ name, namespace }),
        ),
      );
      if (!pod) return undefined;
      return { uid: pod.metadata?.uid ?? '', deleting: Boolean(pod.metadata?.deletionTimestamp) };
    },
    restartWorkload: async ({ namespace, kind, name, restartedAt }) => {
      const resource = RESOURCES[kind];
      if (!resource) throw new Error(`rollout restart is not defined for ${kind}`);
      // The generated client picks json-patch as the content type; kubectl sends a strategic merge patch.
      const options = setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch);
      const body = restartPatch(restartedAt);
      await sendOnce({ verb: 'patch', resource, namespace, name }, async () => {
        if (kind === 'Deployment') return connection.apps.patchNamespacedDeployment({ name, namespace, body }, options);
        if (kind === 'StatefulSet')
          return connection.apps.patchNamespacedStatefulSet({ name, namespace, body }, options);
        return connection.apps.patchNamespacedDaemonSet({ name, namespace, body }, options);
      });
    },
    readWorkload: async (args) => {
      const workload = await readWorkloadObject(args);
      if (!workload) return undefined;
      const annotations = { ...(workload.metadata?.annotations ?? {}) };
      return {
        annotations,
        templateAnnotations: { ...(workload.spec?.template?.metadata?.annotations ?? {}) },
        ...(annotations[REVISION] ? { revision: annotations[REVISION] } : {}),
      };
    },
    previousRevision: async ({ namespace, name }) => {
      const deployment = await readWorkloadObject({ namespace, kind: 'Deployment', name });
      if (!deployment) return undefined;
      const current = Number(deployment.metadata?.annotations?.[REVISION] ?? 0);
      const owned: V1ReplicaSet[] = [];
      let cont: string | undefined;
      do {
        const page = await connection.call({ verb: 'list', resource: 'replicasets', namespace }, () =>
          connection.apps.listNamespacedReplicaSet({ namespace, limit: 500, ...(cont ? { _continue: cont } : {}) }),
        );
        owned.push(
          ...page.items.filter((rs) =>
            (rs.metadata?.ownerReferences ?? []).some(
              (owner) => owner.kind === 'Deployment' && owner.uid === deployment.metadata?.uid,
            ),
          ),
        );
        cont = page.metadata?._continue || undefined;
      } while (cont);
      const older = owned
        .map((rs) => ({ rs, revision: Number(rs.metadata?.annotations?.[REVISION] ?? 0) }))
        .filter(({ revision }) => revision > 0 && revision < current)
        .sort((a, b) => b.revision - a.revision)[0];
      if (!older) return undefined;
      return {
        revision: String(older.revision),
        replicaSet: older.rs.metadata?.name ?? '',
        template: templateOf(older.rs),
      };
    },
    rollBack: async ({ namespace, name, template, stamp }) => {
      // What `kubectl rollout undo` sends: the whole template replaced (a JSON patch), so fields the bad
      // revision added are removed too; the stamp rides in the same patch, so it is there only if applied.
      const options = setHeaderOptions('Content-Type', PatchStrategy.JsonPatch);
      const body = [
        { op: 'replace', path: '/spec/template', value: template },
        { op: 'add', path: `/metadata/annotations/${ROLLBACK_STAMP.replace('/', '~1')}`, value: stamp },
      ];
      await sendOnce({ verb: 'patch', resource: 'deployments', namespace, name }, () =>
        connection.apps.patchNamespacedDeployment({ name, namespace, body }, options),
      );
    },
  };
};

export const createEventSink = (connection: Connection): EventSink => ({
  postEvent: async (event: AuditEvent) => {
    const suffix = `${Date.parse(event.at).toString(16)}${Math.random().toString(16).slice(2, 8)}`;
    await sendOnce({ verb: 'create', resource: 'events', namespace: event.namespace }, () =>
      connection.core.createNamespacedEvent({
        namespace: event.namespace,
        body: {
          metadata: { name: `${event.involved.name}.exitcode.${suffix}`.slice(0, 253), namespace: event.namespace },
          involvedObject: { ...event.involved, namespace: event.namespace },
          reason: event.reason,
          message: event.message,
          type: event.type,
          source: { component: 'exitcode' },
          reportingComponent: 'exitcode',
          firstTimestamp: new Date(event.at),
          lastTimestamp: new Date(event.at),
          count: 1,
        },
      }),
    );
  },
});

/** Everything remediation needs from the cluster, over one connection. */
export const createRemediationGateway = (connection: Connection): RemediationGateway => ({
  ...createActionGateway(connection),
  ...createEventSink(connection),
  ...createLeaseStore(connection),
});
