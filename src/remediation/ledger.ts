/**
 * The exactly-once ledger: one Lease per action request, named from a hash of the request id. The
 * request is claimed by creating the Lease (only one creator wins); approval and denial move its
 * state with an optimistic replace (only one writer wins). So double clicks, two approvers at once,
 * Slack retries and several replicas still produce one action.
 */
import { createHash } from 'node:crypto';
import type { LeaseRecord, LeaseStore } from '../cluster/lease-store.ts';

export const STATES = ['requested', 'approved', 'denied', 'done', 'failed'] as const;
export type RequestState = (typeof STATES)[number];

const KEY = 'exitcode.dev/';
export const ANNOTATIONS = {
  state: `${KEY}state`,
  action: `${KEY}action`,
  pod: `${KEY}pod`,
  requestedBy: `${KEY}requested-by`,
  approvedBy: `${KEY}approved-by`,
  deniedBy: `${KEY}denied-by`,
  result: `${KEY}result`,
} as const;

export interface RequestView {
  state: RequestState;
  action: string;
  pod: string;
  requestedBy: string;
  approvedBy?: string;
  deniedBy?: string;
  result?: string;
}

export const leaseName = (rid: string): string =>
  `exitcode-action-${createHash('sha256').update(rid).digest('hex').slice(0, 32)}`;

export const viewOf = (record: LeaseRecord): RequestView => {
  const a = record.annotations;
  const state = STATES.find((candidate) => candidate === a[ANNOTATIONS.state]) ?? 'failed';
  return {
    state,
    action: a[ANNOTATIONS.action] ?? '',
    pod: a[ANNOTATIONS.pod] ?? '',
    requestedBy: a[ANNOTATIONS.requestedBy] ?? '',
    ...(a[ANNOTATIONS.approvedBy] ? { approvedBy: a[ANNOTATIONS.approvedBy] } : {}),
    ...(a[ANNOTATIONS.deniedBy] ? { deniedBy: a[ANNOTATIONS.deniedBy] } : {}),
    ...(a[ANNOTATIONS.result] ? { result: a[ANNOTATIONS.result] } : {}),
  };
};

const annotationsOf = (view: RequestView): Record<string, string> => {
  const out: Record<string, string> = {
    [ANNOTATIONS.state]: view.state,
    [ANNOTATIONS.action]: view.action,
    [ANNOTATIONS.pod]: view.pod,
    [ANNOTATIONS.requestedBy]: view.requestedBy,
  };
  if (view.approvedBy) out[ANNOTATIONS.approvedBy] = view.approvedBy;
  if (view.deniedBy) out[ANNOTATIONS.deniedBy] = view.deniedBy;
  if (view.result) out[ANNOTATIONS.result] = view.result.slice(0, 500);
  return out;
};

export interface Ledger {
  /** Creates the request's Lease; `won: false` with the existing view when somebody got there first. */
  claim(args: {
    namespace: string;
    rid: string;
    view: RequestView;
  }): Promise<{ won: true; record: LeaseRecord } | { won: false; existing?: RequestView }>;
  read(args: { namespace: string; rid: string }): Promise<LeaseRecord | undefined>;
  /** Moves the request from one state to the next; `won: false` when it was not in `from` or lost a race. */
  move(args: {
    record: LeaseRecord;
    from: RequestState;
    to: Partial<RequestView> & { state: RequestState };
  }): Promise<{ won: true; record: LeaseRecord } | { won: false; existing?: RequestView }>;
  /** Deletes this namespace's action Leases whose lifetime has passed. */
  sweep(args: { namespace: string }): Promise<number>;
}

export const createLedger = ({
  store,
  holder,
  durationSeconds,
  now,
}: {
  store: LeaseStore;
  holder: string;
  durationSeconds: number;
  now: () => Date;
}): Ledger => ({
  claim: async ({ namespace, rid, view }) => {
    const name = leaseName(rid);
    const created = await store.createLease({
      namespace,
      name,
      holder,
      annotations: annotationsOf(view),
      renewTime: now().toISOString(),
      durationSeconds,
    });
    if (created !== 'exists') return { won: true, record: created };
    const existing = await store.readLease({ namespace, name });
    return { won: false, ...(existing ? { existing: viewOf(existing) } : {}) };
  },
  read: ({ namespace, rid }) => store.readLease({ namespace, name: leaseName(rid) }),
  move: async ({ record, from, to }) => {
    const current = viewOf(record);
    if (current.state !== from) return { won: false, existing: current };
    const next = { ...current, ...to };
    const replaced = await store.replaceLease({
      ...record,
      holder,
      annotations: { ...record.annotations, ...annotationsOf(next) },
      renewTime: now().toISOString(),
      durationSeconds,
    });
    if (replaced !== 'conflict') return { won: true, record: replaced };
    const latest = await store.readLease({ namespace: record.namespace, name: record.name });
    return { won: false, ...(latest ? { existing: viewOf(latest) } : {}) };
  },
  sweep: async ({ namespace }) => {
    const leases = await store.listLeases({ namespace });
    const expired = leases.filter((lease) => {
      if (!lease.name.startsWith('exitcode-action-') || !lease.renewTime) return false;
      return Date.parse(lease.renewTime) + lease.durationSeconds * 1000 < now().getTime();
    });
    for (const lease of expired) await store.deleteLease({ namespace, name: lease.name });
    return expired.length;
  },
});
