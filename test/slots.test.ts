import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createSlots } from '../src/slots.ts';

test('createSlots runs at most count at once, the rest in arrival order, and passes results and errors through', async () => {
  const withSlot = createSlots(2);
  let running = 0;
  let most = 0;
  const started: number[] = [];
  const releases: (() => void)[] = [];
  const jobs = [0, 1, 2, 3].map((i) =>
    withSlot(async () => {
      started.push(i);
      running += 1;
      most = Math.max(most, running);
      await new Promise<void>((resolve) => releases.push(resolve));
      running -= 1;
      return i;
    }),
  );
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(started, [0, 1]);
  while (releases.length > 0 || started.length < 4) {
    releases.shift()?.();
    await new Promise((resolve) => setImmediate(resolve));
  }
  assert.deepEqual(await Promise.all(jobs), [0, 1, 2, 3]);
  assert.deepEqual(started, [0, 1, 2, 3]);
  assert.equal(most, 2);
  await assert.rejects(
    withSlot(() => Promise.reject(new Error('boom'))),
    /boom/,
  );
  assert.equal(await withSlot(async () => 'after'), 'after');
});
