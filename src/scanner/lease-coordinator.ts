/**
 * The scanner's Lease: its name and the verdict on who holds it (pure). The replica holding it
 * announces incidents (src/scanner/leadership.ts renews it); a Lease whose renewTime + duration has
 * passed, or that was released (no holder), is free for the next replica.
 */
import type { LeaseRecord } from '../cluster/lease-store.ts';

/** One Lease per scan channel: two installs posting to different channels do not share a lock. */
export const scanLeaseName = (channel: string): string => `exitcode-scan-${channel.toLowerCase()}`;

export type LeaseVerdict = 'absent' | 'mine' | 'free' | 'held';

/** Whether this replica may take or keep the Lease, from the Lease as read now. */
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
