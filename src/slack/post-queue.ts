/**
 * Posting that respects Slack: one queue per channel, at most one message per `intervalMs` in each
 * (Slack allows about one chat.postMessage per second per channel), Retry-After honoured when Slack
 * answers rate_limited, no cap per round. New incidents go before updates and thread notes; a queued
 * update of the same message is replaced by the newer one (only the latest content matters).
 * Channels are served in parallel: a burst in one does not delay another.
 */

export type PostPriority = 'new' | 'update';

export interface PostJob {
  channel: string;
  priority: PostPriority;
  /** Jobs with the same key replace each other while queued (updates of one message). */
  coalesceKey?: string;
  /** Does the Slack call(s). Throwing a rate-limit error (see retryAfterMs) retries it after the wait. */
  run: () => Promise<void>;
}

export interface PostQueue {
  enqueue(job: PostJob): void;
  /** Jobs waiting (not counting one being run). */
  size(): number;
  /** Resolves when every queue is empty and nothing is running. */
  idle(): Promise<void>;
  /** Drops what waits; the job being run finishes. */
  clear(): void;
}

/** Slack's wait, in ms, when the error says rate-limited (WebClient's RateLimitedError carries retryAfter in s). */
export const retryAfterMs = (error: unknown): number | undefined => {
  const e = error as { retryAfter?: unknown; code?: unknown; data?: { error?: unknown; retryAfter?: unknown } };
  const seconds = typeof e?.retryAfter === 'number' ? e.retryAfter : e?.data?.retryAfter;
  if (typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds, 600) * 1000;
  if (e?.code === 'slack_webapi_rate_limited_error' || e?.data?.error === 'ratelimited') return 30_000;
  return undefined;
};

interface Lane {
  new: PostJob[];
  update: PostJob[];
  nextAt: number;
  running: boolean;
}

export const createPostQueue = ({
  intervalMs = 1_100,
  now = () => Date.now(),
  sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
  maxRateLimitRetries = 5,
  onFailed = () => {},
}: {
  /** Gap between two messages in one channel (a little over Slack's one per second). */
  intervalMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** A job still rate-limited after this many waits is dropped (and reported). */
  maxRateLimitRetries?: number;
  onFailed?: (job: PostJob, error: unknown) => void;
} = {}): PostQueue => {
  const lanes = new Map<string, Lane>();
  let waiters: (() => void)[] = [];

  const pending = (): number =>
    [...lanes.values()].reduce((sum, lane) => sum + lane.new.length + lane.update.length, 0);
  const busy = (): boolean => [...lanes.values()].some((lane) => lane.running);
  const settle = (): void => {
    if (pending() > 0 || busy()) return;
    const ready = waiters;
    waiters = [];
    for (const resolve of ready) resolve();
  };

  const drain = async (lane: Lane): Promise<void> => {
    lane.running = true;
    try {
      for (;;) {
        const job = lane.new.shift() ?? lane.update.shift();
        if (job === undefined) break;
        let attempts = 0;
        for (;;) {
          const wait = lane.nextAt - now();
          if (wait > 0) await sleep(wait);
          try {
            await job.run();
            lane.nextAt = now() + intervalMs;
            break;
          } catch (error) {
            const retryAfter = retryAfterMs(error);
            if (retryAfter === undefined || attempts >= maxRateLimitRetries) {
              lane.nextAt = now() + intervalMs;
              onFailed(job, error);
              break;
            }
            attempts += 1;
            lane.nextAt = now() + Math.max(retryAfter, intervalMs);
          }
        }
      }
    } finally {
      // The lane (and its nextAt) is kept: a message enqueued right after must still wait its turn.
      lane.running = false;
      settle();
    }
  };

  return {
    enqueue: (job) => {
      let lane = lanes.get(job.channel);
      if (lane === undefined) {
        lane = { new: [], update: [], nextAt: 0, running: false };
        lanes.set(job.channel, lane);
      }
      const queue = lane[job.priority];
      const same = job.coalesceKey === undefined ? -1 : queue.findIndex((q) => q.coalesceKey === job.coalesceKey);
      if (same >= 0) queue[same] = job;
      else queue.push(job);
      if (!lane.running) void drain(lane);
    },
    size: pending,
    idle: () =>
      new Promise<void>((resolve) => {
        waiters.push(resolve);
        settle();
      }),
    clear: () => {
      for (const lane of lanes.values()) {
        lane.new.length = 0;
        lane.update.length = 0;
      }
      settle();
    },
  };
};
