/**
 * coordination.k8s.io/v1 Leases as remediation's shared, replica-safe state: one Lease per action
 * request, created if absent (409 means somebody else holds it) and changed only with its
 * resourceVersion (409 means somebody changed it first). No local state, so several replicas agree.
 * Writes are sent once (never retried like reads): a write answered 5xx or cut off throws with
 * `details.mayHaveApplied`, and the caller reads the Lease to learn whose it is.
 */
import { CoordinationV1Api, type V1Lease, V1MicroTime } from '@kubernetes/client-node';
import type { LeaseRecord, LeaseStore } from './lease-store.ts';
import { type ClusterConnection, makeClient } from './connection.ts';
import { sendOnce } from './retry.ts';

type Connection = Pick<ClusterConnection, 'call' | 'kubeConfig' | 'requestTimeoutMs'>;

export const LEASE_LABEL = 'app.kubernetes.io/managed-by';
export const LEASE_LABEL_VALUE = 'exitcode';
const LIST_PAGE_SIZE = 200;

const statusOf = (error: unknown): number | undefined =>
  (error as { details?: { status?: unknown } }).details?.status as number | undefined;

const ownLabels = (labels: Record<string, string> | undefined): Record<string, string> | undefined => {
  const rest = Object.entries(labels ?? {}).filter(([key]) => key !== LEASE_LABEL);
  return rest.length > 0 ? Object.fromEntries(rest) : undefined;
};

const toRecord = (lease: V1Lease): LeaseRecord => ({
  namespace: lease.metadata?.namespace ?? '',
  name: lease.metadata?.name ?? '',
  resourceVersion: lease.metadata?.resourceVersion ?? '',
  holder: lease.spec?.holderIdentity ?? '',
  annotations: { ...(lease.metadata?.annotations ?? {}) },
  labels: ownLabels(lease.metadata?.labels),
  renewTime: lease.spec?.renewTime ? new Date(lease.spec.renewTime).toISOString() : undefined,
  acquireTime: lease.spec?.acquireTime ? new Date(lease.spec.acquireTime).toISOString() : undefined,
  durationSeconds: lease.spec?.leaseDurationSeconds ?? 0,
});

const toLease = (record: Omit<LeaseRecord, 'resourceVersion'> & { resourceVersion?: string }): V1Lease => ({
  apiVersion: 'coordination.k8s.io/v1',
  kind: 'Lease',
  metadata: {
    name: record.name,
    namespace: record.namespace,
    labels: { ...(record.labels ?? {}), [LEASE_LABEL]: LEASE_LABEL_VALUE },
    annotations: record.annotations,
    ...(record.resourceVersion ? { resourceVersion: record.resourceVersion } : {}),
  },
  spec: {
    holderIdentity: record.holder,
    leaseDurationSeconds: record.durationSeconds,
    // MicroTime, not Date: the API server parses renewTime with six fractional digits and refuses a
    // plain Date's milliseconds (client-node's V1MicroTime formats it that way).
    ...(record.renewTime ? { renewTime: new V1MicroTime(record.renewTime) } : {}),
    ...(record.acquireTime ? { acquireTime: new V1MicroTime(record.acquireTime) } : {}),
  },
});

export const createLeaseStore = (connection: Connection): LeaseStore => {
  const api = makeClient(connection.kubeConfig, CoordinationV1Api, connection.requestTimeoutMs);
  return {
    createLease: async (record) => {
      try {
        const created = await sendOnce({ verb: 'create', resource: 'leases', namespace: record.namespace }, () =>
          api.createNamespacedLease({ namespace: record.namespace, body: toLease(record) }),
        );
        return toRecord(created);
      } catch (error) {
        if (statusOf(error) === 409) return 'exists';
        throw error;
      }
    },
    readLease: async ({ namespace, name }) => {
      try {
        return toRecord(
          await connection.call({ verb: 'get', resource: 'leases', namespace, name }, () =>
            api.readNamespacedLease({ name, namespace }),
          ),
        );
      } catch (error) {
        if (statusOf(error) === 404) return undefined;
        throw error;
      }
    },
    replaceLease: async (record) => {
      try {
        const replaced = await sendOnce(
          { verb: 'update', resource: 'leases', namespace: record.namespace, name: record.name },
          () => api.replaceNamespacedLease({ name: record.name, namespace: record.namespace, body: toLease(record) }),
        );
        return toRecord(replaced);
      } catch (error) {
        if (statusOf(error) === 409) return 'conflict';
        throw error;
      }
    },
    deleteLease: async ({ namespace, name }) => {
      try {
        await sendOnce({ verb: 'delete', resource: 'leases', namespace, name }, () =>
          api.deleteNamespacedLease({ name, namespace }),
        );
      } catch (error) {
        if (statusOf(error) !== 404) throw error;
      }
    },
    listLeases: async ({ namespace, labels }) => {
      const selector = Object.entries({ ...(labels ?? {}), [LEASE_LABEL]: LEASE_LABEL_VALUE })
        .map(([key, value]) => `${key}=${value}`)
        .join(',');
      const records: LeaseRecord[] = [];
      let cont: string | undefined;
      do {
        const page = await connection.call({ verb: 'list', resource: 'leases', namespace }, () =>
          api.listNamespacedLease({ namespace, labelSelector: selector, limit: LIST_PAGE_SIZE, _continue: cont }),
        );
        records.push(...page.items.map(toRecord));
        cont = page.metadata?._continue || undefined;
      } while (cont);
      return records;
    },
  };
};
