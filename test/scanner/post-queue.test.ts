import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createPostQueue, type PostJob, retryAfterMs } from '../../src/slack/post-queue.ts';

/** A virtual clock shared by all channels: sleeping moves it to the wake-up time (never back). */
const virtualClock = () => {
  let t = 0;
  return {
    now: () => t,
    sleep: async (ms: number) => {
      const until = t + ms;
      await Promise.resolve();
      t = Math.max(t, until);
    },
  };
};

const rateLimited = (seconds: number) =>
  Object.assign(new Error('rate limited'), { code: 'slack_webapi_rate_limited_error', retryAfter: seconds });

describe('post queue', () => {
  test('one message per interval per channel, channels in parallel, no cap on how many', async () => {
    const clock = virtualClock();
    const queue = createPostQueue({ intervalMs: 1000, ...clock });
    const runs: { channel: string; at: number }[] = [];
    for (let i = 0; i < 200; i += 1) {
      for (const channel of ['C1', 'C2']) {
        queue.enqueue({ channel, priority: 'new', run: async () => void runs.push({ channel, at: clock.now() }) });
      }
    }
    await queue.idle();
    assert.equal(runs.length, 400);
    for (const channel of ['C1', 'C2']) {
      const times = runs.filter((r) => r.channel === channel).map((r) => r.at);
      for (let i = 1; i < times.length; i += 1) assert.ok((times[i] ?? 0) - (times[i - 1] ?? 0) >= 1000);
      // As fast as the limit allows: the 200th message goes out after 199 intervals, not later.
      assert.equal(times.at(-1), 199 * 1000);
    }
  });

  test('new incidents go before updates queued earlier', async () => {
    const clock = virtualClock();
    const queue = createPostQueue({ intervalMs: 1000, ...clock });
    const order: string[] = [];
    const job = (name: string, priority: PostJob['priority']): PostJob => ({
      channel: 'C1',
      priority,
      run: async () => void order.push(name),
    });
    queue.enqueue(job('first', 'new'));
    queue.enqueue(job('u1', 'update'));
    queue.enqueue(job('u2', 'update'));
    queue.enqueue(job('n2', 'new'));
    await queue.idle();
    assert.deepEqual(order, ['first', 'n2', 'u1', 'u2']);
  });

  test('a queued update of the same message is replaced by the newer one', async () => {
    const clock = virtualClock();
    const queue = createPostQueue({ intervalMs: 1000, ...clock });
    const order: string[] = [];
    queue.enqueue({ channel: 'C1', priority: 'new', run: async () => void order.push('announce') });
    for (const version of ['v1', 'v2', 'v3']) {
      queue.enqueue({ channel: 'C1', priority: 'update', coalesceKey: 'k', run: async () => void order.push(version) });
    }
    await queue.idle();
    assert.deepEqual(order, ['announce', 'v3']);
  });

  test("Slack's Retry-After is waited out, then the same message is sent", async () => {
    const clock = virtualClock();
    const queue = createPostQueue({ intervalMs: 1000, ...clock });
    const attempts: number[] = [];
    queue.enqueue({
      channel: 'C1',
      priority: 'new',
      run: async () => {
        attempts.push(clock.now());
        if (attempts.length === 1) throw rateLimited(7);
      },
    });
    await queue.idle();
    assert.deepEqual(attempts, [0, 7000]);
  });

  test('a failure that is not a rate limit is reported once and the queue goes on', async () => {
    const clock = virtualClock();
    const failed: unknown[] = [];
    const queue = createPostQueue({ intervalMs: 1000, ...clock, onFailed: (_job, error) => failed.push(error) });
    const done: string[] = [];
    queue.enqueue({ channel: 'C1', priority: 'new', run: async () => Promise.reject(new Error('channel_not_found')) });
    queue.enqueue({ channel: 'C1', priority: 'new', run: async () => void done.push('second') });
    await queue.idle();
    assert.equal(failed.length, 1);
    assert.deepEqual(done, ['second']);
  });

  test('retryAfterMs reads WebClient errors and Slack error bodies', () => {
    assert.equal(retryAfterMs(rateLimited(3)), 3000);
    assert.equal(retryAfterMs({ data: { error: 'ratelimited' } }), 30_000);
    assert.equal(retryAfterMs(new Error('other')), undefined);
  });
});
