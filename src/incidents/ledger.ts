/**
 * The incident ledger's durable form and its storage port (pure). The ledger is what a new leader
 * needs to carry on without announcing anything twice or losing anything: every incident, its state
 * and where its message is. The cluster keeps it (src/cluster/incident-store.ts); this module encodes,
 * decodes and bounds it.
 *
 * Exactly-once across failover (issue 7's sense): an announcement is recorded as `posting` by this
 * leader in a conditional write BEFORE it is posted, and as the message (channel, ts) after. A
 * deposed leader's write fails (another replica wrote in between), so it posts nothing more. A new
 * leader that finds `posting` by another holder (which died mid-post) first looks in the channel for
 * that post: our own message since `since` whose metadata names the incident. Found, it is adopted;
 * not found, the incident is announced. A duplicate remains possible only when Slack has not yet
 * shown a post that did land, or the channel's history cannot be read.
 */
import { z } from 'zod';
import type { Ledger } from './machine.ts';
import type { Incident } from './types.ts';

/** What the store holds: the ledger, and which replica announces (the lock lives with the data). */
export interface LedgerRecord {
  ledger: Ledger;
  /** Opaque version for conditional writes (the Lease's resourceVersion). */
  version: string;
  holder: string;
  renewedAt?: string;
  durationSeconds: number;
}

export interface LedgerStore {
  read(): Promise<LedgerRecord | undefined>;
  /** Writes the ledger and (re)takes the lock in one conditional write: 'conflict' when someone wrote first. */
  write(args: {
    ledger: Ledger;
    previous: LedgerRecord | undefined;
    holder: string;
    now: Date;
  }): Promise<LedgerRecord | 'conflict'>;
  /** Gives the lock up (shutdown), keeping the ledger. */
  release(record: LedgerRecord): Promise<void>;
}

/** Whether `holder` may announce now, from the record as read. */
export const mayLead = ({
  record,
  holder,
  now,
}: {
  record: LedgerRecord | undefined;
  holder: string;
  now: Date;
}): boolean => {
  if (record === undefined || record.holder === holder || record.holder === '') return true;
  if (record.renewedAt === undefined) return true;
  return Date.parse(record.renewedAt) + record.durationSeconds * 1000 <= now.getTime();
};

/** Under the 256 KiB a Lease's annotations may hold, with room for the other annotations. */
export const LEDGER_BUDGET_BYTES = 200_000;
/** Pod names kept in the durable form (counts stay exact). */
const DURABLE_POD_NAMES = 5;

const name = z.string().max(253);
const incidentSchema = z.object({
  key: z.string().max(1200),
  scope: z.object({
    cluster: z.string().max(253),
    namespace: name,
    workload: z.object({ kind: z.string().max(63), name }),
    container: name,
  }),
  cause: z.object({ category: z.string().max(80), title: z.string().max(300), confidence: z.number().min(0).max(1) }),
  causes: z.array(z.string().max(80)).max(20),
  status: z.enum(['open', 'resolved']),
  firstSeen: z.string().max(40),
  lastCrash: z.string().max(40),
  resolvedAt: z.string().max(40).optional(),
  reopened: z.number().int().nonnegative(),
  pods: z.record(name, z.number().int().nonnegative()),
  podCount: z.number().int().nonnegative(),
  restarts: z.number().int().nonnegative(),
  alerts: z.array(z.string().max(200)).max(20),
  announce: z.union([
    z.literal('pending'),
    z.object({ posting: z.string().max(253), since: z.string().max(40).optional() }),
    z.object({ channel: z.string().max(40), ts: z.string().max(40) }),
  ]),
  channel: z.string().max(40),
});

/** Open incidents first (most recent crash first), then resolved ones (most recently resolved first). */
const byImportance = (a: Incident, b: Incident): number => {
  if (a.status !== b.status) return a.status === 'open' ? -1 : 1;
  const at = (i: Incident): string => (i.status === 'open' ? i.lastCrash : (i.resolvedAt ?? ''));
  return at(b).localeCompare(at(a));
};

/** The durable text, within `budgetBytes`: the least important incidents are dropped first. */
export const encodeLedger = (ledger: Ledger, budgetBytes = LEDGER_BUDGET_BYTES): string => {
  const parts: string[] = [];
  let size = 2;
  for (const incident of Object.values(ledger).sort(byImportance)) {
    const pods = Object.fromEntries(Object.entries(incident.pods).slice(0, DURABLE_POD_NAMES));
    const text = JSON.stringify({ ...incident, pods });
    if (size + text.length + 1 > budgetBytes) continue;
    size += text.length + 1;
    parts.push(text);
  }
  return `[${parts.join(',')}]`;
};

/** The ledger from its durable text; unreadable entries are dropped, unreadable text is an empty ledger. */
export const decodeLedger = (text: string | undefined): Ledger => {
  if (text === undefined) return {};
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {};
  }
  if (!Array.isArray(json)) return {};
  const ledger: Ledger = {};
  for (const entry of json) {
    const parsed = incidentSchema.safeParse(entry);
    if (parsed.success) ledger[parsed.data.key] = parsed.data as Incident;
  }
  return ledger;
};

/** Keeps at most `max` incidents in memory, by the same importance order as the durable form. */
export const boundLedger = (ledger: Ledger, max: number): Ledger => {
  const all = Object.values(ledger);
  if (all.length <= max) return ledger;
  return Object.fromEntries(
    all
      .sort(byImportance)
      .slice(0, max)
      .map((incident) => [incident.key, incident]),
  );
};
