import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLimiter } from '../../src/slack/limit.ts';

test('never more than max at once; everything runs; a failure frees its slot', async () => {
  const limiter = createLimiter(3);
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
  for (let released = 0; released < 10; ) {
    await new Promise((resolve) => setImmediate(resolve));
    assert.ok(limiter.active <= 3);
    const gate = gates.shift();
    if (gate) {
      gate();
      released++;
    }
  }
  assert.deepEqual(await Promise.all(results), ['boom', 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  assert.equal(peak, 3);
  assert.equal(limiter.active, 0);
  assert.equal(limiter.queued, 0);
});
