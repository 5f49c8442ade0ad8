/**
 * The scanner's lock AND its memory in one coordination.k8s.io/v1 Lease in the bot's own namespace.
 *
 * Design, and why:
 * - Lock: the Lease's holder is the replica that scans; it renews the Lease every round; another
 *   replica skips its round while the Lease is held and not expired (renewTime + duration, the duration
 *   a bit longer than the schedule's interval), and takes it over once it has expired (a dead replica)
 *   or was released (a replica that shut down cleanly: rolling updates lose no round).
 * - Memory: what was reported (restart count and time per pod uid + container) lives in an annotation
 *   of the same Lease, written in the same update that renews it. Every write carries the
 *   resourceVersion read at the start of the round, so the API server accepts it only if nobody wrote
 *   in between (409 otherwise). A round posts ONLY after its write was accepted. Hence each crash is
 *   posted at most once even when the lock itself is wrong (clock skew between replicas, a replica
 *   paused past its lease): a stale replica's write fails and it posts nothing. The lock only saves
 *   the other replicas the work (listing, diagnosing); exactly-once comes from the conditional write.
 * - Not Slack history: reading the channel back would need history scopes on the scan channel, one
 *   more API call per round under Slack's rate limits, and it cannot be made atomic (two replicas can
 *   both read "not posted" and both post). The Lease is already the project's replica-safe state.
 * - Bounded: only entries that matter are kept (reported containers first, most recent first, then
 *   containers that have restarted), at most `maxEntries`; entries of pods that no longer exist are
 *   dropped each round by scan.ts. 1000 entries are about 70 KB, under the 256 KB annotation limit.
 * - Order: memory first, post second. If the replica dies in between, those reports are lost rather
 *   than posted twice, as before (the in-process memory also marked reports before posting).
 */
import { z } from 'zod';
import type { LeaseRecord, LeaseStore } from '../cluster/lease-store.ts';
import type { ScanCoordinator } from './coordinator.ts';
import type { ScanMemory } from './scan.ts';

export const MEMORY_ANNOTATION = 'exitcode.dev/scan-memory';
export const CHANNEL_ANNOTATION = 'exitcode.dev/scan-channel';
export const MAX_MEMORY_ENTRIES = 1000;

/** One Lease per scan channel: two installs posting to different channels do not share a lock or memory. */
export const scanLeaseName = (channel: string): string => `exitcode-scan-${channel.toLowerCase()}`;

/** "a bit longer than the interval": a quarter more, at least 30 s more (scheduling jitter, clock skew). */
export const leaseSecondsFor = (intervalMs: number): number =>
  Math.ceil(Math.max(intervalMs * 1.25, intervalMs + 30_000) / 1000);

export type LeaseVerdict = 'absent' | 'mine' | 'free' | 'held';

/** Whether this replica may scan, from the Lease as read now. */
export const leaseVerdict = ({
  record,
  holder,
  now,
}: {
  record: LeaseRecord | undefined;
  holder: string;
  now: Date;
}): LeaseVerdict => {
  if (record === undefined) return 'absent';
  if (record.holder === holder) return 'mine';
  if (record.holder === '' || record.renewTime === undefined) return 'free';
  const expiresAt = Date.parse(record.renewTime) + record.durationSeconds * 1000;
  return Number.isNaN(expiresAt) || expiresAt <= now.getTime() ? 'free' : 'held';
};

/** [restartCount, reported at in epoch seconds or 0 for "seen, not reported"]: compact, so more fits. */
const stored = z.record(z.string().max(400), z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]));

export const encodeMemory = (memory: ScanMemory, maxEntries = MAX_MEMORY_ENTRIES): string => {
  const entries = Object.entries(memory);
  const reported = entries.filter(([, entry]) => entry.at !== '').sort(([, a], [, b]) => b.at.localeCompare(a.at));
  // A restart count seen but not reported only matters for a container that has restarted at all.
  const seen = entries
    .filter(([, entry]) => entry.at === '' && entry.restartCount > 0)
    .sort(([, a], [, b]) => b.restartCount - a.restartCount);
  const kept = [...reported, ...seen].slice(0, maxEntries);
  return JSON.stringify(
    Object.fromEntries(
      kept.map(([key, entry]) => [
        key,
        [entry.restartCount, entry.at === '' ? 0 : Math.floor(Date.parse(entry.at) / 1000)],
      ]),
    ),
  );
};

/** The memory in an annotation; anything unreadable counts as empty (the worst case is one repost). */
export const decodeMemory = (text: string | undefined): ScanMemory => {
  if (text === undefined) return {};
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {};
  }
  const parsed = stored.safeParse(json);
  if (!parsed.success) return {};
  return Object.fromEntries(
    Object.entries(parsed.data).map(([key, [restartCount, at]]) => [
      key,
      { restartCount, at: at === 0 ? '' : new Date(at * 1000).toISOString() },
    ]),
  );
};

export const createLeaseCoordinator = ({
  store,
  namespace,
  name,
  holder,
  durationSeconds,
  channel,
  now,
  maxEntries = MAX_MEMORY_ENTRIES,
}: {
  store: Pick<LeaseStore, 'createLease' | 'readLease' | 'replaceLease'>;
  namespace: string;
  name: string;
  /** This replica's identity (its pod name). */
  holder: string;
  durationSeconds: number;
  channel: string;
  now: () => Date;
  maxEntries?: number;
}): ScanCoordinator => {
  // The Lease as this replica last wrote it, to release it at shutdown.
  let written: LeaseRecord | undefined;
  return {
    begin: async () => {
      const record = await store.readLease({ namespace, name });
      if (leaseVerdict({ record, holder, now: now() }) === 'held') return { heldBy: record?.holder ?? '' };
      return {
        turn: {
          memory: decodeMemory(record?.annotations[MEMORY_ANNOTATION]),
          commit: async (memory) => {
            const next = {
              namespace,
              name,
              holder,
              annotations: {
                ...(record?.annotations ?? {}),
                [MEMORY_ANNOTATION]: encodeMemory(memory, maxEntries),
                [CHANNEL_ANNOTATION]: channel,
              },
              renewTime: now().toISOString(),
              durationSeconds,
            };
            // Create-if-absent or replace-if-unchanged: either way only one replica's write wins.
            const result =
              record === undefined
                ? await store.createLease(next)
                : await store.replaceLease({ ...next, resourceVersion: record.resourceVersion });
            written = result === 'exists' || result === 'conflict' ? undefined : result;
            return written !== undefined;
          },
        },
      };
    },
    release: async () => {
      const mine = written;
      written = undefined;
      if (mine === undefined) return;
      // No holder and no renew time: free for the next replica's round. A conflict means someone else
      // already wrote (took it over): nothing to release then.
      const { renewTime: _renewed, ...rest } = mine;
      await store.replaceLease({ ...rest, holder: '' });
    },
  };
};
