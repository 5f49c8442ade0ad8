/**
 * Recovery, run by every replica at start and then periodically: approved requests nobody ran (their
 * replica crashed) run once; runs left half-way are settled by reading the cluster; requests nobody
 * approved in time, or approved but found after their expiry, fail visibly; outcomes Slack did not
 * take are shown again; old finished requests are swept.
 */
import { userSentence } from '../errors.ts';
import type { FlowLogger } from './audit.ts';
import type { Executor } from './execute.ts';
import type { Ledger, Request } from './ledger.ts';
import { isExpired } from './request-state.ts';

export interface RecoveryCounts {
  ran: number;
  settled: number;
  expired: number;
  resynced: number;
}

export const createRecovery =
  ({
    ledger,
    executor,
    now,
    logger,
    approvedAfterMs,
    executingAfterMs,
    retentionMs,
  }: {
    ledger: Ledger;
    executor: Executor;
    now: () => Date;
    logger: FlowLogger;
    /** An approved request left this long without a run is taken over. */
    approvedAfterMs: number;
    /** A run left executing this long is settled. */
    executingAfterMs: number;
    retentionMs: number;
  }) =>
  async (namespaces: readonly string[]): Promise<RecoveryCounts> => {
    const counts = { ran: 0, settled: 0, expired: 0, resynced: 0 };
    for (const namespace of namespaces) {
      let requests: Request[];
      try {
        requests = await ledger.list({ namespace });
      } catch (error) {
        logger.warn(
          { event: 'remediation_recover_failed', namespace, error: userSentence(error) },
          'cannot list requests',
        );
        continue;
      }
      for (const found of requests) {
        const current = found;
        const { view } = current;
        const age = (at: string | undefined) => now().getTime() - Date.parse(at ?? '');
        if (view.state === 'approved' && age(view.approvedAt) >= approvedAfterMs) {
          if (isExpired(view, now())) {
            counts.expired += 1;
            await executor.fail(
              current,
              'not done: approved, but not run before the request expired (exitcode was not running); request it again',
              'exitcode',
            );
          } else {
            counts.ran += 1;
            await executor.execute(current, view.approvedBy ?? 'exitcode');
          }
        } else if (view.state === 'requested' && isExpired(view, now())) {
          // The thread must not keep offering Approve on a request nobody can approve any more.
          counts.expired += 1;
          await executor.fail(current, 'not done: nobody approved it before it expired; request it again', 'exitcode');
        } else if (view.state === 'executing' && age(view.executingAt) >= executingAfterMs) {
          counts.settled += 1;
          await executor.settleInterrupted(current);
        } else if (view.unshown) {
          counts.resynced += 1;
          await executor.resync(current);
        }
      }
      await ledger
        .sweep({ namespace, retentionMs })
        .catch((error: unknown) =>
          logger.warn({ event: 'remediation_sweep_failed', error: userSentence(error) }, 'sweep failed'),
        );
    }
    return counts;
  };
