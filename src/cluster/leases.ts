/**
 * coordination.k8s.io/v1 Leases as shared, replica-safe state (remediation's requests, the scanner's
 * leadership and ledger): created if absent (409 means somebody else holds it) and changed only with
 * its resourceVersion (409 means somebody changed it first). No local state, so several replicas agree.
 * Writes are sent once (never retried like reads): a write answered 5xx or cut off throws with
 * `details.mayHaveApplied`, and the caller reads the Lease to learn whose it is.
 */
import { CoordinationV1Api, type V1Lease, V1MicroTime } from '@kubernetes/client-node';
import type { LeaseRecord, LeaseStore } from './lease-store.ts';
import { type ClusterConnection, makeClient } from './connection.ts';
import { createJsonRequests, type JsonRequest } from './json-requests.ts';
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

/** The five Lease calls the store makes, over client-node or over plain JSON requests. */
interface LeaseApi {
  create(namespace: string, body: V1Lease): Promise<V1Lease>;
  read(namespace: string, name: string): Promise<V1Lease>;
  replace(namespace: string, name: string, body: V1Lease): Promise<V1Lease>;
  remove(namespace: string, name: string): Promise<void>;
  list(
    namespace: string,
    labelSelector: string,
    cont: string | undefined,
  ): Promise<{ items: V1Lease[]; cont?: string }>;
}

const clientNodeApi = (connection: Connection): LeaseApi => {
  const api = makeClient(connection.kubeConfig, CoordinationV1Api, connection.requestTimeoutMs);
  return {
    create: (namespace, body) => api.createNamespacedLease({ namespace, body }),
    read: (namespace, name) => api.readNamespacedLease({ name, namespace }),
    replace: (namespace, name, body) => api.replaceNamespacedLease({ name, namespace, body }),
    remove: async (namespace, name) => {
      await api.deleteNamespacedLease({ name, namespace });
    },
    list: async (namespace, labelSelector, cont) => {
      const page = await api.listNamespacedLease({ namespace, labelSelector, limit: LIST_PAGE_SIZE, _continue: cont });
      return { items: page.items, ...(page.metadata?._continue ? { cont: page.metadata._continue } : {}) };
    },
  };
};

const jsonApi = (send: JsonRequest): LeaseApi => {
  const base = (namespace: string) => `/apis/coordination.k8s.io/v1/namespaces/${encodeURIComponent(namespace)}/leases`;
  const one = (namespace: string, name: string) => `${base(namespace)}/${encodeURIComponent(name)}`;
  return {
    create: async (namespace, body) => (await send({ method: 'POST', path: base(namespace), body })) as V1Lease,
    read: async (namespace, name) => (await send({ method: 'GET', path: one(namespace, name) })) as V1Lease,
    replace: async (namespace, name, body) =>
      (await send({ method: 'PUT', path: one(namespace, name), body })) as V1Lease,
    remove: async (namespace, name) => {
      await send({ method: 'DELETE', path: one(namespace, name) });
    },
    list: async (namespace, labelSelector, cont) => {
      const query = new URLSearchParams({
        labelSelector,
        limit: String(LIST_PAGE_SIZE),
        ...(cont ? { continue: cont } : {}),
      });
      const page = (await send({ method: 'GET', path: `${base(namespace)}?${query}` })) as {
        items?: V1Lease[];
        metadata?: { continue?: string };
      };
      return { items: page.items ?? [], ...(page.metadata?.continue ? { cont: page.metadata.continue } : {}) };
    },
  };
};

/**
 * The Lease store. `transport: 'json'` sends plain JSON requests (src/cluster/json-requests.ts) for a
 * caller that renews all day, the scanner; through an HTTP proxy it stays on client-node, which knows
 * proxies. Both give the same records and the same errors.
 */
export const createLeaseStore = (
  connection: Connection,
  { transport = 'client-node' }: { transport?: 'client-node' | 'json' } = {},
): LeaseStore => {
  const viaProxy = Boolean(connection.kubeConfig.getCurrentCluster()?.proxyUrl);
  const api =
    transport === 'json' && !viaProxy ? jsonApi(createJsonRequests(connection).send) : clientNodeApi(connection);
  return {
    createLease: async (record) => {
      try {
        const created = await sendOnce({ verb: 'create', resource: 'leases', namespace: record.namespace }, () =>
          api.create(record.namespace, toLease(record)),
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
          await connection.call({ verb: 'get', resource: 'leases', namespace, name }, () => api.read(namespace, name)),
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
          () => api.replace(record.namespace, record.name, toLease(record)),
        );
        return toRecord(replaced);
      } catch (error) {
        if (statusOf(error) === 409) return 'conflict';
        throw error;
      }
    },
    deleteLease: async ({ namespace, name }) => {
      try {
        await sendOnce({ verb: 'delete', resource: 'leases', namespace, name }, () => api.remove(namespace, name));
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
          api.list(namespace, selector, cont),
        );
        records.push(...page.items.map(toRecord));
        cont = page.cont;
      } while (cont);
      return records;
    },
  };
};
