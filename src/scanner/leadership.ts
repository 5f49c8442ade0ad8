/**
 * Which replica announces: the holder of the scanner's Lease (src/scanner/lease-coordinator.ts's
 * verdict), renewed every few seconds. Holding it is necessary but not sufficient to post: every
 * announcement is also recorded by a conditional write of the ledger first (src/incidents/ledger.ts),
 * so a replica that lost the Lease without noticing posts nothing.
 */
import type { LeaseRecord, LeaseStore } from '../cluster/lease-store.ts';
import { leaseVerdict } from './lease-coordinator.ts';

export interface Leadership {
  /** Renews or takes the Lease when free; true while this replica holds it. Throws when unreadable. */
  renew(): Promise<boolean>;
  /** Frees the Lease at shutdown, so another replica takes over at its next renewal. */
  release(): Promise<void>;
}

export const createLeadership = ({
  leases,
  namespace,
  name,
  holder,
  durationSeconds,
  now,
}: {
  leases: Pick<LeaseStore, 'createLease' | 'readLease' | 'replaceLease'>;
  namespace: string;
  name: string;
  holder: string;
  durationSeconds: number;
  now: () => Date;
}): Leadership => {
  let mine: LeaseRecord | undefined;
  /**
   * While it holds the Lease, a replica renews with one conditional replace on the version it wrote
   * last (half the requests of read-then-write); a conflict means somebody else wrote it, so it
   * reads and judges again. A failed write leaves `mine` unknown: the next round reads.
   */
  const renewHeld = async (held: LeaseRecord): Promise<boolean> => {
    mine = undefined;
    const result = await leases.replaceLease({ ...held, renewTime: now().toISOString() });
    if (result === 'conflict') return false;
    mine = result;
    return true;
  };
  return {
    renew: async () => {
      if (mine !== undefined && (await renewHeld(mine))) return true;
      const record = await leases.readLease({ namespace, name });
      const verdict = leaseVerdict({ record, holder, now: now() });
      if (verdict === 'held') {
        mine = undefined;
        return false;
      }
      const at = now().toISOString();
      const next = {
        namespace,
        name,
        holder,
        annotations: { ...(record?.annotations ?? {}) },
        renewTime: at,
        acquireTime: verdict === 'mine' ? (record?.acquireTime ?? at) : at,
        durationSeconds,
      };
      const result =
        record === undefined
          ? await leases.createLease(next)
          : await leases.replaceLease({ ...next, resourceVersion: record.resourceVersion });
      mine = result === 'exists' || result === 'conflict' ? undefined : result;
      return mine !== undefined;
    },
    release: async () => {
      const held = mine;
      mine = undefined;
      if (held === undefined) return;
      const { renewTime: _renewed, ...rest } = held;
      await leases.replaceLease({ ...rest, holder: '' });
    },
  };
};
