/**
 * The cluster changes remediation makes: delete a pod with a UID precondition, the rollout-restart
 * patch, and audit Events. Implements remediation's gateway interfaces over the real client; every
 * failure becomes a coded error (a 403 names the missing permission), except the outcomes the flow
 * handles itself (a 409 on the precondition means the pod was replaced).
 */
import { PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import type { ActionGateway, AuditEvent, DeleteOutcome, EventSink, RemediationGateway } from '../remediation/types.ts';
import type { ClusterConnection } from './connection.ts';
import { createLeaseStore } from './leases.ts';

type Connection = Pick<ClusterConnection, 'core' | 'apps' | 'call' | 'kubeConfig' | 'requestTimeoutMs'>;

const statusOf = (error: unknown): number | undefined =>
  (error as { details?: { status?: unknown } }).details?.status as number | undefined;

const RESOURCES: Record<string, string> = {
  Deployment: 'deployments',
  StatefulSet: 'statefulsets',
  DaemonSet: 'daemonsets',
};

/** kubectl rollout restart sends this strategic merge patch; the annotation value is the time. */
export const restartPatch = (restartedAt: string) => ({
  spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': restartedAt } } } },
});

export const createActionGateway = (connection: Connection): ActionGateway => ({
  deletePod: async ({ namespace, name, uid }): Promise<DeleteOutcome> => {
    try {
      await connection.call({ verb: 'delete', resource: 'pods', namespace, name }, () =>
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
  restartWorkload: async ({ namespace, kind, name, restartedAt }) => {
    const resource = RESOURCES[kind];
    if (!resource) throw new Error(`rollout restart is not defined for ${kind}`);
    // The generated client picks json-patch as the content type; kubectl sends a strategic merge patch.
    const options = setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch);
    const body = restartPatch(restartedAt);
    await connection.call({ verb: 'patch', resource, namespace, name }, async () => {
      if (kind === 'Deployment') return connection.apps.patchNamespacedDeployment({ name, namespace, body }, options);
      if (kind === 'StatefulSet') return connection.apps.patchNamespacedStatefulSet({ name, namespace, body }, options);
      return connection.apps.patchNamespacedDaemonSet({ name, namespace, body }, options);
    });
  },
});

export const createEventSink = (connection: Connection): EventSink => ({
  postEvent: async (event: AuditEvent) => {
    const suffix = `${Date.parse(event.at).toString(16)}${Math.random().toString(16).slice(2, 8)}`;
    await connection.call({ verb: 'create', resource: 'events', namespace: event.namespace }, () =>
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
