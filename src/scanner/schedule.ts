import cron from 'node-cron';

export interface ScheduledTask {
  stop(): void | Promise<void>;
}

/**
 * The scanner's clockwork, injectable so tests fire the jobs themselves. `cron` is node-cron, for the
 * periodic work an operator configures (reconciliation, resolution checks, the digest); `every` is a
 * plain timer, for the leadership renewal: it runs six times a minute on every replica, and node-cron's
 * bookkeeping per tick (ids, tracked promises, next-match search) costs more than the renewal's own
 * work in a quiet cluster. client-go's elector renews on a plain timer too.
 */
export interface Scheduler {
  cron(expression: string, fn: () => Promise<unknown>, options: { noOverlap: boolean; name: string }): ScheduledTask;
  /** Runs `fn` every `intervalMs`, never two at once: the next wait starts when a run ends. */
  every(intervalMs: number, fn: () => Promise<unknown>): ScheduledTask;
}

const every = (intervalMs: number, fn: () => Promise<unknown>): ScheduledTask => {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const tick = () => {
    // fn reports its own failures; a rejection here must not stop the loop.
    void fn()
      .catch(() => {})
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, intervalMs);
      });
  };
  timer = setTimeout(tick, intervalMs);
  return {
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
};

export const realScheduler: Scheduler = {
  cron: (expression, fn, options) => cron.schedule(expression, fn, options),
  every,
};
