/**
 * A store, pid or lock file that another process holds or left behind, in the words the data-dir-conflict
 * rule reads for it. Shared with probe-failure.ts, for which such a log makes a liveness kill a symptom:
 * the process waits or loops on the lock and never listens.
 */
import type { RuleContext } from '../rule.ts';
import type { LogLine } from '../types.ts';
import { weighLockReading } from './data-dir-conflict-eagain.ts';
import { LOCK_SIGNATURES } from './data-dir-conflict-locks.ts';
import { SHARED_ACCESS_SIGNATURES } from './data-dir-conflict-shared-access.ts';
import { STALE_MARKER_SIGNATURES } from './data-dir-conflict-stale-markers.ts';
import { matchSignatures } from './log-helpers.ts';

const HELD_STORE_SIGNATURES = [...LOCK_SIGNATURES, ...SHARED_ACCESS_SIGNATURES, ...STALE_MARKER_SIGNATURES];

/** The line that shows the store held, when the reading is firm (>= 0.7 after the lock weighing). */
export const heldStoreLine = (ctx: RuleContext): LogLine | undefined => {
  const hit = matchSignatures(ctx, HELD_STORE_SIGNATURES);
  return hit && weighLockReading(ctx, hit) >= 0.7 ? hit.line : undefined;
};
