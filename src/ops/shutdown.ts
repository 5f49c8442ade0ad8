/**
 * Graceful shutdown: on SIGTERM stop taking new work, let in-flight diagnoses finish (bounded: the
 * kubelet sends SIGKILL after terminationGracePeriodSeconds), then stop. And the process-level safety
 * nets: an unhandled rejection is logged and the bot keeps serving; an uncaught exception leaves the
 * process in an unknown state, so it is logged and the process exits after a bounded clean stop.
 */
import type { Logger } from 'pino';

export interface InFlightTracker {
  /** Counts the promise as in flight until it settles; returns it unchanged. */
  track<T>(work: Promise<T>): Promise<T>;
  readonly size: number;
  /** Resolves true when nothing is in flight, or false when `timeoutMs` passed first. */
  drain(timeoutMs: number): Promise<boolean>;
}

export const createInFlightTracker = (): InFlightTracker => {
  const pending = new Set<Promise<unknown>>();
  let waiters: (() => void)[] = [];
  const settle = (entry: Promise<unknown>) => {
    pending.delete(entry);
    if (pending.size > 0) return;
    for (const wake of waiters) wake();
    waiters = [];
  };
  return {
    track: (work) => {
      const entry = work.then(
        () => undefined,
        () => undefined,
      );
      pending.add(entry);
      entry.then(() => settle(entry));
      return work;
    },
    get size() {
      return pending.size;
    },
    drain: (timeoutMs) =>
      pending.size === 0
        ? Promise.resolve(true)
        : new Promise<boolean>((resolve) => {
            const timer = setTimeout(() => resolve(false), timeoutMs);
            waiters.push(() => {
              clearTimeout(timer);
              resolve(true);
            });
          }),
  };
};

/** The bits of `process` used here, injected so tests emit signals on an EventEmitter. */
export interface ProcessLike {
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  off(event: string, listener: (...args: unknown[]) => void): unknown;
}

/**
 * Calls `stop` once on the first SIGTERM/SIGINT, then `exit(0)` (or `exit(1)` if stop failed).
 * Returns a function that removes the handlers.
 */
export const handleSignals = ({
  stop,
  logger,
  exit,
  proc,
  signals = ['SIGTERM', 'SIGINT'],
}: {
  stop: () => Promise<void>;
  logger: Logger;
  exit: (code: number) => void;
  proc: ProcessLike;
  signals?: string[];
}): (() => void) => {
  let stopping = false;
  const onSignal = (signal: unknown) => {
    if (stopping) {
      logger.warn({ signal }, 'shutdown already in progress');
      return;
    }
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight work');
    stop().then(
      () => {
        logger.info('stopped');
        exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        exit(1);
      },
    );
  };
  for (const signal of signals) proc.on(signal, onSignal);
  return () => {
    for (const signal of signals) proc.off(signal, onSignal);
  };
};

export const handleCrashes = ({
  logger,
  exit,
  proc,
  stop,
  stopTimeoutMs = 5_000,
  onError,
}: {
  logger: Logger;
  exit: (code: number) => void;
  proc: ProcessLike;
  /** A best-effort clean stop before exiting on an uncaught exception. */
  stop?: () => Promise<void>;
  stopTimeoutMs?: number;
  /** Counts the error (metrics). */
  onError?: (kind: string) => void;
}): (() => void) => {
  const onRejection = (reason: unknown) => {
    onError?.('unhandled_rejection');
    logger.error({ err: reason }, 'unhandled promise rejection (the bot keeps running)');
  };
  let exiting = false;
  const onException = (error: unknown) => {
    onError?.('uncaught_exception');
    logger.fatal({ err: error }, 'uncaught exception: stopping');
    if (exiting) return;
    exiting = true;
    const bounded = new Promise<void>((resolve) => setTimeout(resolve, stopTimeoutMs).unref());
    Promise.race([stop?.() ?? Promise.resolve(), bounded])
      .catch(() => undefined)
      .finally(() => exit(1));
  };
  proc.on('unhandledRejection', onRejection);
  proc.on('uncaughtException', onException);
  return () => {
    proc.off('unhandledRejection', onRejection);
    proc.off('uncaughtException', onException);
  };
};
