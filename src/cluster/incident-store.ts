/**
 * The incident ledger's storage: one coordination.k8s.io/v1 Lease in the bot's own namespace, whose
 * holder is the replica that announces and whose annotation holds the ledger (encoded and bounded by
 * src/incidents/ledger.ts).
 *
 * Why a Lease and not a ConfigMap: the lock and the ledger are ONE object, so one conditional write
 * (with the resourceVersion read before) both renews leadership and records what is about to be
 * posted; a deposed leader's write fails with 409 and it posts nothing. Two objects (a Lease for the
 * lock, a ConfigMap for the data) could not be changed atomically. The bot already has get/create/
 * update on Leases in its namespace (the scanner and remediation use them), so no new RBAC, and no
 * ConfigMap access that could read other configuration. The cost: annotations hold at most 256 KiB,
 * hence the ledger's byte budget (about 300 incidents; resolved ones are dropped first).
 */
import { trimEndOf } from '../diagnosis/format.ts';
import { decodeLedger, encodeLedger, type LedgerRecord, type LedgerStore } from '../incidents/ledger.ts';
import type { LeaseRecord, LeaseStore } from './lease-store.ts';

export const LEDGER_ANNOTATION = 'exitcode.dev/incidents';
export const INCIDENT_LEASE_LABEL = 'exitcode.dev/role';

/** One ledger per install and cluster name: two installs posting elsewhere do not share one. */
export const incidentLeaseName = (clusterName: string): string => {
  const slug = trimEndOf(
    clusterName
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+/, ''),
    '-',
  ).slice(0, 40);
  return `exitcode-incidents${slug ? `-${slug}` : ''}`;
};

const toLedgerRecord = (lease: LeaseRecord): LedgerRecord => ({
  ledger: decodeLedger(lease.annotations[LEDGER_ANNOTATION]),
  version: lease.resourceVersion,
  holder: lease.holder,
  ...(lease.renewTime ? { renewedAt: lease.renewTime } : {}),
  durationSeconds: lease.durationSeconds,
});

export const createIncidentStore = ({
  leases,
  namespace,
  name,
  durationSeconds,
}: {
  leases: Pick<LeaseStore, 'createLease' | 'readLease' | 'replaceLease'>;
  namespace: string;
  name: string;
  /** How long the announcing replica's hold lasts without renewal (renewed at least every few seconds). */
  durationSeconds: number;
}): LedgerStore => {
  const lease = (args: { ledger: LedgerRecord['ledger']; holder: string; now?: Date; acquired?: string }) => ({
    namespace,
    name,
    holder: args.holder,
    annotations: { [LEDGER_ANNOTATION]: encodeLedger(args.ledger) },
    labels: { [INCIDENT_LEASE_LABEL]: 'incident-ledger' },
    ...(args.now ? { renewTime: args.now.toISOString() } : {}),
    ...(args.acquired ? { acquireTime: args.acquired } : {}),
    durationSeconds,
  });
  return {
    read: async () => {
      const record = await leases.readLease({ namespace, name });
      return record === undefined ? undefined : toLedgerRecord(record);
    },
    write: async ({ ledger, previous, holder, now }) => {
      const acquired = previous?.holder === holder ? undefined : now.toISOString();
      const next = lease({ ledger, holder, now, ...(acquired ? { acquired } : {}) });
      const result =
        previous === undefined
          ? await leases.createLease(next)
          : await leases.replaceLease({ ...next, resourceVersion: previous.version });
      if (result === 'exists' || result === 'conflict') return 'conflict';
      return toLedgerRecord(result);
    },
    release: async (record) => {
      // Free for the next replica at once (no wait for expiry); the ledger stays.
      await leases.replaceLease({ ...lease({ ledger: record.ledger, holder: '' }), resourceVersion: record.version });
    },
  };
};
