import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { test } from 'node:test';
import { pino } from 'pino';
import { createInFlightTracker, handleCrashes, handleSignals } from '../../src/ops/shutdown.ts';

const silent = pino({ level: 'silent' });

const deferred = <T = void>() => {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
};

test('tracker: drain waits for every in-flight promise, including ones that reject', async () => {
  const tracker = createInFlightTracker();
  const a = deferred();
  const b = deferred();
  const trackedB = tracker.track(b.promise).catch(() => 'rejected');
  tracker.track(a.promise);
  assert.equal(tracker.size, 2);
  let drained: boolean | undefined;
  const draining = tracker.drain(60_000).then((value) => {
    drained = value;
  });
  a.resolve();
  await a.promise;
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(drained, undefined, 'still waiting for b');
  b.reject(new Error('boom'));
  assert.equal(await trackedB, 'rejected');
  await draining;
  assert.equal(drained, true);
  assert.equal(tracker.size, 0);
});

test('tracker: drain gives up after the bound and says so', async () => {
  const tracker = createInFlightTracker();
  tracker.track(new Promise(() => {}));
  assert.equal(await tracker.drain(10), false);
  assert.equal(await createInFlightTracker().drain(10), true);
});

test('signals: the first SIGTERM stops once and exits 0; a second is ignored', async () => {
  const proc = new EventEmitter();
  const gate = deferred();
  let stops = 0;
  const exits: number[] = [];
  const remove = handleSignals({
    proc,
    logger: silent,
    exit: (code) => exits.push(code),
    stop: async () => {
      stops += 1;
      await gate.promise;
    },
  });
  proc.emit('SIGTERM', 'SIGTERM');
  proc.emit('SIGINT', 'SIGINT');
  assert.equal(stops, 1);
  assert.deepEqual(exits, [], 'no exit before stop finished');
  gate.resolve();
  await gate.promise;
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(exits, [0]);
  remove();
  assert.equal(proc.listenerCount('SIGTERM'), 0);
});

test('signals: a failing stop exits 1', async () => {
  const proc = new EventEmitter();
  const exits: number[] = [];
  handleSignals({ proc, logger: silent, exit: (code) => exits.push(code), stop: () => Promise.reject(new Error('x')) });
  proc.emit('SIGTERM', 'SIGTERM');
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(exits, [1]);
});

test('crashes: an unhandled rejection is counted and the process keeps running; an exception stops and exits 1', async () => {
  const proc = new EventEmitter();
  const exits: number[] = [];
  const counted: string[] = [];
  let stopped = false;
  const remove = handleCrashes({
    proc,
    logger: silent,
    exit: (code) => exits.push(code),
    onError: (kind) => counted.push(kind),
    stop: async () => {
      stopped = true;
    },
  });
  proc.emit('unhandledRejection', new Error('lost promise'));
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(exits, []);
  proc.emit('uncaughtException', new Error('bug'));
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(stopped, true);
  assert.deepEqual(exits, [1]);
  assert.deepEqual(counted, ['unhandled_rejection', 'uncaught_exception']);
  remove();
  assert.equal(proc.listenerCount('uncaughtException'), 0);
});

test('crashes: a stop that hangs does not prevent the exit', async () => {
  const proc = new EventEmitter();
  const exited = deferred<number>();
  handleCrashes({ proc, logger: silent, exit: exited.resolve, stop: () => new Promise(() => {}), stopTimeoutMs: 10 });
  proc.emit('uncaughtException', new Error('bug'));
  assert.equal(await exited.promise, 1);
});
