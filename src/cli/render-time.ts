/**
 * Times in the terminal (pure given its inputs): the reader's local time with its zone, and how long
 * ago ("2026-11-25 13:58 CET, 12 min ago"), instead of raw ISO strings. The zone is the process's
 * unless one is given (tests pass one, so their output does not depend on the machine).
 */
import { timeAgo, timeOf } from '../diagnosis/format.ts';

export interface TimeOptions {
  /** What "ago" is measured from; the diagnosis's own time when absent. */
  now?: string | Date;
  /** IANA zone (Europe/Paris, UTC); the process's local zone when absent. */
  timeZone?: string;
}

const parts = (ms: number, timeZone: string | undefined): Record<string, string> => {
  const format = new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
    ...(timeZone ? { timeZone } : {}),
  });
  return Object.fromEntries(format.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
};

/** "2026-11-25 13:58 GMT+1"; the text as given when it is not a time. */
export const localTime = (iso: string, timeZone?: string): string => {
  const ms = timeOf(iso);
  if (ms === undefined) return iso;
  const p = parts(ms, timeZone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute} ${p.timeZoneName ?? ''}`.trim();
};

/** "2026-11-25 13:58 GMT+1, 12 min ago". */
export const localWhen = (iso: string, { now, timeZone }: TimeOptions & { now: string | Date }): string => {
  const relative = timeAgo(iso, now);
  return `${localTime(iso, timeZone)}${relative ? `, ${relative}` : ''}`;
};
