import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, mock, test } from 'node:test';
import { realScheduler } from '../../src/scanner/schedule.ts';

/** Lets pending promise callbacks (a run's end, the re-arm in its finally) settle. */
const settle = async () => {
  for (let i = 0; i < 5; i += 1) await Promise.resolve();
};

describe('realScheduler.every: the renewal timer', () => {
  beforeEach(() => mock.timers.enable({ apis: ['setTimeout'] }));
  afterEach(() => mock.timers.reset());

  test('runs once per interval, the first after one interval, not at once', async () => {
    let runs = 0;
    const task = realScheduler.every(10_000, async () => {
      runs += 1;
    });
    assert.equal(runs, 0);
    mock.timers.tick(9_999);
    assert.equal(runs, 0);
    mock.timers.tick(1);
    await settle();
    assert.equal(runs, 1);
    mock.timers.tick(10_000);
    await settle();
    assert.equal(runs, 2);
    task.stop();
  });

  test('never runs two at once: the next wait starts when a slow run ends', async () => {
    let running = 0;
    let most = 0;
    let finish: (() => void) | undefined;
    const task = realScheduler.every(1_000, async () => {
      running += 1;
      most = Math.max(most, running);
      await new Promise<void>((resolve) => {
        finish = resolve;
      });
      running -= 1;
    });
    mock.timers.tick(1_000);
    await settle();
    mock.timers.tick(5_000); // the run is still going: no second one starts
    await settle();
    assert.equal(most, 1);
    finish?.();
    await settle();
    mock.timers.tick(1_000);
    await settle();
    assert.equal(running, 1, 'the next run starts one interval after the slow one ended');
    assert.equal(most, 1);
    task.stop();
    finish?.();
  });

  test('a failed run does not stop the loop; stop() does', async () => {
    let runs = 0;
    const task = realScheduler.every(1_000, async () => {
      runs += 1;
      throw new Error('API server unreachable');
    });
    mock.timers.tick(1_000);
    await settle();
    mock.timers.tick(1_000);
    await settle();
    assert.equal(runs, 2);
    task.stop();
    mock.timers.tick(5_000);
    await settle();
    assert.equal(runs, 2);
  });
});
