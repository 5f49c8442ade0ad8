/**
 * A bounded concurrency limit for diagnoses. Work beyond the limit waits in a queue without using CPU,
 * so a burst of commands neither floods the Kubernetes API server nor delays the acks of the commands
 * arriving behind it. The queue is bounded in length and in time: a burst beyond it is told at once
 * that the bot is busy (typed error `busy`), and a request that waited past the deadline is told the
 * same instead of getting an answer minutes late, when the person has moved on.
 */
import { ExitcodeError } from '../errors.ts';

export interface Limiter {
  run<T>(work: () => Promise<T>): Promise<T>;
  readonly active: number;
  readonly queued: number;
}

export interface LimiterSettings {
  /** Diagnoses running at once. */
  maxConcurrent: number;
  /** Diagnoses waiting for a slot; one more is refused as busy. */
  maxQueued: number;
  /** The longest a diagnosis waits for a slot before it is refused as busy. */
  queueTimeoutMs: number;
}

export const DEFAULT_LIMITER: LimiterSettings = { maxConcurrent: 8, maxQueued: 32, queueTimeoutMs: 20_000 };

export const BUSY_SENTENCE = 'I am busy with other diagnoses right now; please ask again in a minute.';

const busy = (why: 'queue_full' | 'queue_timeout', settings: LimiterSettings): ExitcodeError =>
  new ExitcodeError('busy', BUSY_SENTENCE, { why, ...settings });

export const createLimiter = (given: number | LimiterSettings): Limiter => {
  const settings: LimiterSettings = typeof given === 'number' ? { ...DEFAULT_LIMITER, maxConcurrent: given } : given;
  let active = 0;
  const queue: { start: () => void }[] = [];
  const release = (): void => {
    active--;
    const next = queue.shift();
    if (next) {
      active++;
      next.start();
    }
  };
  const waitForSlot = (): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      const entry = {
        start: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        const index = queue.indexOf(entry);
        if (index >= 0) queue.splice(index, 1);
        reject(busy('queue_timeout', settings));
      }, settings.queueTimeoutMs);
      timer.unref();
      queue.push(entry);
    });
  return {
    run: async <T>(work: () => Promise<T>): Promise<T> => {
      if (active < settings.maxConcurrent) active++;
      else if (queue.length >= settings.maxQueued) throw busy('queue_full', settings);
      else await waitForSlot();
      try {
        return await work();
      } finally {
        release();
      }
    },
    get active() {
      return active;
    },
    get queued() {
      return queue.length;
    },
  };
};
