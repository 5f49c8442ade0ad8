/**
 * The exactly-once ledger: one Lease per action request, named from a hash of the request id. The
 * request is claimed by creating the Lease (only one creator wins) or by taking over a failed, denied
 * or expired one; every later step is an optimistic replace on the resourceVersion (only one writer
 * wins). A write whose answer is lost (5xx, reset, timeout) is settled by reading the Lease back: each
 * write carries a fresh write id, so "is it ours?" has an exact answer.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { LeaseRecord, LeaseStore } from '../cluster/lease-store.ts';
import { ExitcodeError } from '../errors.ts';
import { mayHaveAppliedError } from '../cluster/retry.ts';
import { annotationsOf, isFree, REQUEST_ANNOTATION_PREFIX, type RequestView, viewOf } from './request-state.ts';

export const LEASE_PREFIX = 'exitcode-action-';
export const THREAD_LABELS = { channel: 'exitcode.dev/channel', thread: 'exitcode.dev/thread' } as const;

export const leaseName = (rid: string): string =>
  `${LEASE_PREFIX}${createHash('sha256').update(rid).digest('hex').slice(0, 32)}`;

export interface Request {
  record: LeaseRecord;
  view: RequestView;
}

export type WriteResult = { won: true; request: Request } | { won: false; existing?: RequestView };

/** Annotations that are not the request's: kept as they are; the request's own are rewritten whole. */
const foreign = (annotations: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(annotations).filter(([key]) => !key.startsWith(REQUEST_ANNOTATION_PREFIX)));

const newWriteId = (): string => randomBytes(9).toString('base64url');

/** Label values must be DNS-label-like; Slack channel ids and message timestamps are. */
const labelValue = (value: string | undefined): string | undefined =>
  value && /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/.test(value) ? value : undefined;

export const threadLabels = (view: Pick<RequestView, 'channel' | 'threadTs'>): Record<string, string> => {
  const channel = labelValue(view.channel);
  const thread = labelValue(view.threadTs);
  return {
    ...(channel ? { [THREAD_LABELS.channel]: channel } : {}),
    ...(thread ? { [THREAD_LABELS.thread]: thread } : {}),
  };
};

const unrecorded = (details: Record<string, unknown>): ExitcodeError =>
  new ExitcodeError(
    'action_failed',
    'The request could not be recorded in the cluster, so nothing was done: try again in a moment.',
    details,
  );

const unconfirmed = (details: Record<string, unknown>): ExitcodeError =>
  new ExitcodeError(
    'action_failed',
    'The cluster did not confirm that the request was recorded, and reading it back failed too: press the button again in a minute (a repeated press never runs an action twice).',
    details,
  );

export interface Ledger {
  claim(args: { view: Omit<RequestView, 'writeId'> }): Promise<WriteResult>;
  read(args: { namespace: string; rid: string }): Promise<Request | undefined>;
  /** Replaces the request's view if nobody changed the Lease since `request` was read. */
  write(args: { request: Request; next: Omit<RequestView, 'writeId'> }): Promise<WriteResult>;
  /** Every request in the namespace (optionally of one Slack thread). */
  list(args: { namespace: string; channel?: string; threadTs?: string }): Promise<Request[]>;
  /** Deletes final or expired requests older than the retention. */
  sweep(args: { namespace: string; retentionMs: number }): Promise<number>;
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
}): Ledger => {
  const toRequest = (record: LeaseRecord): Request | undefined => {
    const view = viewOf(record.annotations);
    return view ? { record, view } : undefined;
  };

  /** After a lost answer: ours if the Lease carries our write id; not applied if it is unchanged. */
  const settle = async (args: {
    namespace: string;
    name: string;
    writeId: string;
    before?: string;
    error: unknown;
  }): Promise<WriteResult> => {
    let latest: LeaseRecord | undefined;
    try {
      latest = await store.readLease({ namespace: args.namespace, name: args.name });
    } catch {
      throw unconfirmed({ lease: args.name });
    }
    const request = latest && toRequest(latest);
    if (request?.view.writeId === args.writeId) return { won: true, request };
    if (!latest || latest.resourceVersion === args.before) throw unrecorded({ lease: args.name });
    return { won: false, ...(request ? { existing: request.view } : {}) };
  };

  const replace = async (record: LeaseRecord, next: Omit<RequestView, 'writeId'>): Promise<WriteResult> => {
    const view: RequestView = { ...next, writeId: newWriteId() };
    const at = now().toISOString();
    try {
      const replaced = await store.replaceLease({
        ...record,
        holder,
        annotations: { ...foreign(record.annotations), ...annotationsOf(view) },
        labels: { ...(record.labels ?? {}), ...threadLabels(view) },
        renewTime: at,
        durationSeconds,
      });
      if (replaced !== 'conflict') return { won: true, request: { record: replaced, view } };
    } catch (error) {
      if (!mayHaveAppliedError(error)) throw error;
      return settle({ ...record, writeId: view.writeId, before: record.resourceVersion, error });
    }
    const latest = await store.readLease({ namespace: record.namespace, name: record.name });
    const existing = latest && toRequest(latest);
    return { won: false, ...(existing ? { existing: existing.view } : {}) };
  };

  return {
    claim: async ({ view: given }) => {
      const name = leaseName(given.rid);
      const view: RequestView = { ...given, writeId: newWriteId() };
      const at = now().toISOString();
      let created: LeaseRecord | 'exists';
      try {
        created = await store.createLease({
          namespace: view.namespace,
          name,
          holder,
          annotations: annotationsOf(view),
          labels: threadLabels(view),
          acquireTime: at,
          renewTime: at,
          durationSeconds,
        });
      } catch (error) {
        if (!mayHaveAppliedError(error)) throw error;
        return settle({ namespace: view.namespace, name, writeId: view.writeId, error });
      }
      if (created !== 'exists') return { won: true, request: { record: created, view } };
      const latest = await store.readLease({ namespace: view.namespace, name });
      const existing = latest && toRequest(latest);
      if (!latest) return { won: false };
      if (existing && !isFree(existing.view, now())) return { won: false, existing: existing.view };
      // A failed, denied or expired request (or a Lease we cannot read as one) is free: ask again.
      return replace({ ...latest, acquireTime: at }, given);
    },
    read: async ({ namespace, rid }) => {
      const record = await store.readLease({ namespace, name: leaseName(rid) });
      return record && toRequest(record);
    },
    write: ({ request, next }) => replace(request.record, next),
    list: async ({ namespace, channel, threadTs }) => {
      const labels = threadLabels({ channel, threadTs });
      const records = await store.listLeases({ namespace, labels });
      return records
        .filter((record) => record.name.startsWith(LEASE_PREFIX))
        .map(toRequest)
        .filter((request): request is Request => request !== undefined);
    },
    sweep: async ({ namespace, retentionMs }) => {
      const records = await store.listLeases({ namespace });
      const cutoff = now().getTime() - retentionMs;
      let deleted = 0;
      for (const record of records) {
        if (!record.name.startsWith(LEASE_PREFIX)) continue;
        const request = toRequest(record);
        const last = Date.parse(record.renewTime ?? '');
        const settled = !request || isFree(request.view, now()) || request.view.state === 'done';
        if (!settled || !(last < cutoff)) continue;
        await store.deleteLease({ namespace, name: record.name });
        deleted += 1;
      }
      return deleted;
    },
  };
};
