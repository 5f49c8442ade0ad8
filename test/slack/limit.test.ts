import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ExitcodeError } from '../../src/errors.ts';
import { BUSY_SENTENCE, createLimiter } from '../../src/services/limit.ts';
import { limitInvestigator } from '../../src/services/limited-investigator.ts';
import { diagnosis, memoryInvestigator } from '../fixtures/diagnoses.ts';

test('never more than max at once; everything runs; a failure frees its slot', async () => {
  const limiter = createLimiter({ maxConcurrent: 3, maxQueued: 20, queueTimeoutMs: 60_000 });
  let running = 0;
  let peak = 0;
  const gates: (() => void)[] = [];
  const work = (i: number) =>
    limiter.run(async () => {
      running++;
      peak = Math.max(peak, running);
      await new Promise<void>((resolve) => gates.push(resolve));
      running--;
      if (i === 0) throw new Error('boom');
      return i;
    });
  const results = Array.from({ length: 10 }, (_, i) => work(i).catch((e: Error) => e.message));
  // Release whatever is waiting until all ten have run.
  while (gates.length > 0 || limiter.active > 0) {
    await new Promise((resolve) => setImmediate(resolve));
    gates.shift()?.();
  }
  assert.deepEqual(await Promise.all(results), ['boom', 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  assert.equal(peak, 3);
});

const isBusy = (why: string) => (error: unknown) => {
  assert.ok(error instanceof ExitcodeError);
  assert.equal(error.code, 'busy');
  assert.equal(error.message, BUSY_SENTENCE);
  assert.equal(error.details.why, why);
  return true;
};

test('a full queue refuses at once with the busy sentence; nothing is queued beyond the bound', async () => {
  const limiter = createLimiter({ maxConcurrent: 1, maxQueued: 2, queueTimeoutMs: 60_000 });
  let release: () => void = () => {};
  const first = limiter.run(() => new Promise<void>((resolve) => (release = resolve)));
  const queued = [limiter.run(async () => 'a'), limiter.run(async () => 'b')];
  await assert.rejects(
    limiter.run(async () => 'c'),
    isBusy('queue_full'),
  );
  assert.equal(limiter.queued, 2);
  release();
  await first;
  assert.deepEqual(await Promise.all(queued), ['a', 'b']);
});

test('a request that waited past the deadline is refused as busy and never runs late', async () => {
  const limiter = createLimiter({ maxConcurrent: 1, maxQueued: 5, queueTimeoutMs: 30 });
  let release: () => void = () => {};
  const first = limiter.run(() => new Promise<void>((resolve) => (release = resolve)));
  let ranLate = false;
  await assert.rejects(
    limiter.run(async () => {
      ranLate = true;
    }),
    isBusy('queue_timeout'),
  );
  assert.equal(limiter.queued, 0);
  release();
  await first;
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(ranLate, false);
  assert.equal(limiter.active, 0);
});

test('the limited investigator bounds diagnose and passes every other use case through', async () => {
  const inner = memoryInvestigator({ pods: [{ diagnosis: diagnosis(), logs: ['one'], events: [] }] });
  const original = inner.diagnose;
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  inner.diagnose = async (request) => {
    await gate;
    return original(request);
  };
  const limiter = createLimiter({ maxConcurrent: 1, maxQueued: 0, queueTimeoutMs: 60_000 });
  const investigator = limitInvestigator({ investigator: inner, limiter });
  const ref = { namespace: 'shop', target: 'checkout-7f9c6b4d5-x2x9z' };
  const both = Promise.allSettled([investigator.diagnose(ref), investigator.diagnose(ref)]);
  await new Promise((resolve) => setTimeout(resolve, 10));
  release();
  const [first, second] = await both;
  assert.equal(first.status, 'fulfilled');
  assert.equal(second.status, 'rejected');
  assert.equal((second as PromiseRejectedResult).reason.code, 'busy');
  const log = await investigator.logs({ namespace: 'shop', pod: 'checkout-7f9c6b4d5-x2x9z', tailLines: 5 });
  assert.deepEqual(log.lines, ['one']);
  assert.equal(investigator.clusterName, inner.clusterName);
});
