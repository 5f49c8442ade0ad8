import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { PodFacts } from '../../src/diagnosis/types.ts';
import { crashSignal, memoryKey, type ScanMemory, scanPods } from '../../src/scanner/scan.ts';
import { containerFacts, podFacts, terminated, waiting } from '../fixtures/pods.ts';

const NOW = new Date('2026-11-25T12:00:00Z');
const at = (minutesAgo: number) => new Date(NOW.getTime() - minutesAgo * 60_000).toISOString();
const OPTIONS = { recentMs: 15 * 60_000, renotifyMs: 60 * 60_000, maxPerScan: 3 };

const healthy = (overrides: Partial<PodFacts> = {}): PodFacts =>
  podFacts({
    containers: [
      containerFacts({
        restartCount: 0,
        state: { kind: 'running', startedAt: at(60) },
        ready: true,
        lastState: undefined,
      }),
    ],
    ...overrides,
  });
const looping = (name: string, uid: string, minutesAgo = 1, restartCount = 4): PodFacts =>
  podFacts({
    name,
    uid,
    containers: [
      containerFacts({
        restartCount,
        state: waiting(),
        lastState: terminated(1, 'Error', { finishedAt: at(minutesAgo) }),
      }),
    ],
  });

describe('crashSignal', () => {
  const cases: { name: string; container: ReturnType<typeof containerFacts>; previous?: number; want?: string }[] = [
    {
      name: 'CrashLoopBackOff',
      container: containerFacts({ state: waiting(), lastState: terminated(1) }),
      want: 'crash-loop',
    },
    {
      name: 'restart since last round ending in failure (termination older than recent)',
      container: containerFacts({
        restartCount: 5,
        state: { kind: 'running' },
        lastState: terminated(137, 'OOMKilled', { finishedAt: at(120) }),
      }),
      previous: 4,
      want: 'restarted',
    },
    {
      name: 'no restart since last round, old termination: not crashing now',
      container: containerFacts({
        restartCount: 5,
        state: { kind: 'running' },
        lastState: terminated(1, 'Error', { finishedAt: at(120) }),
      }),
      previous: 5,
    },
    {
      name: 'recent failed termination, running again',
      container: containerFacts({
        restartCount: 1,
        state: { kind: 'running' },
        lastState: terminated(2, 'Error', { finishedAt: at(3) }),
      }),
      want: 'restarted',
    },
    {
      name: 'failed Job container (terminated now, recent)',
      container: containerFacts({
        restartCount: 0,
        state: terminated(1, 'Error', { finishedAt: at(2) }),
        lastState: undefined,
      }),
      want: 'failed',
    },
    {
      name: 'completed successfully: not a crash',
      container: containerFacts({
        restartCount: 0,
        state: terminated(0, 'Completed', { finishedAt: at(2) }),
        lastState: undefined,
      }),
    },
    {
      name: 'restarted long ago, exit 0 last time: not a crash',
      container: containerFacts({
        restartCount: 3,
        state: { kind: 'running' },
        lastState: terminated(0, 'Completed', { finishedAt: at(2) }),
      }),
    },
    {
      name: 'image pull waiting: not the scanner’s business',
      container: containerFacts({ restartCount: 0, state: waiting('ImagePullBackOff'), lastState: undefined }),
    },
  ];
  for (const { name, container, previous, want } of cases) {
    test(name, () => {
      const found = crashSignal(container, { now: NOW, recentMs: OPTIONS.recentMs, previousRestarts: previous });
      assert.equal(found?.signal, want);
    });
  }
});

describe('scanPods', () => {
  test('reports crash-looping pods once, most recent crash first; healthy pods are ignored', () => {
    const pods = [healthy(), looping('a', 'uid-a', 10), looping('b', 'uid-b', 1)];
    const first = scanPods({ pods, memory: {}, now: NOW, options: OPTIONS });
    assert.deepEqual(
      first.report.map((c) => [c.pod, c.container, c.signal, c.restartCount]),
      [
        ['b', 'api', 'crash-loop', 4],
        ['a', 'api', 'crash-loop', 4],
      ],
    );
    const second = scanPods({
      pods,
      memory: first.memory,
      now: new Date(NOW.getTime() + 5 * 60_000),
      options: OPTIONS,
    });
    assert.deepEqual(second.report, []);
    assert.equal(second.suppressed, 2);
  });

  test('re-reports only after the window AND with more restarts', () => {
    const memory: ScanMemory = { [memoryKey({ podUid: 'uid-a', container: 'api' })]: { restartCount: 4, at: at(61) } };
    const same = scanPods({ pods: [looping('a', 'uid-a', 1, 4)], memory, now: NOW, options: OPTIONS });
    assert.equal(same.report.length, 0, 'no new restarts');
    const more = scanPods({ pods: [looping('a', 'uid-a', 1, 9)], memory, now: NOW, options: OPTIONS });
    assert.equal(more.report.length, 1);
    const tooSoon = scanPods({
      pods: [looping('a', 'uid-a', 1, 9)],
      memory: { [memoryKey({ podUid: 'uid-a', container: 'api' })]: { restartCount: 4, at: at(30) } },
      now: NOW,
      options: OPTIONS,
    });
    assert.equal(tooSoon.report.length, 0, 'inside the window');
  });

  test('a replacement pod (new uid) is a new report', () => {
    const first = scanPods({ pods: [looping('a', 'uid-a')], memory: {}, now: NOW, options: OPTIONS });
    const replaced = scanPods({ pods: [looping('a', 'uid-a2')], memory: first.memory, now: NOW, options: OPTIONS });
    assert.deepEqual(
      replaced.report.map((c) => c.podUid),
      ['uid-a2'],
    );
    assert.ok(!(memoryKey({ podUid: 'uid-a', container: 'api' }) in replaced.memory), 'gone pods are forgotten');
  });

  test('one report per pod even with several crashing containers', () => {
    const pod = podFacts({
      uid: 'uid-multi',
      containers: [
        containerFacts({ name: 'api', state: waiting(), lastState: terminated(1, 'Error', { finishedAt: at(1) }) }),
        containerFacts({ name: 'sidecar', state: waiting(), lastState: terminated(1, 'Error', { finishedAt: at(2) }) }),
      ],
    });
    const result = scanPods({ pods: [pod], memory: {}, now: NOW, options: OPTIONS });
    assert.deepEqual(
      result.report.map((c) => c.container),
      ['api'],
    );
    const again = scanPods({ pods: [pod], memory: result.memory, now: NOW, options: OPTIONS });
    assert.equal(again.report.length, 0, 'the other container was covered by the pod’s diagnosis');
  });

  test('caps reports per round; the rest come in the next round', () => {
    const pods = Array.from({ length: 5 }, (_, i) => looping(`p${i}`, `uid-${i}`, i + 1));
    const first = scanPods({ pods, memory: {}, now: NOW, options: OPTIONS });
    assert.deepEqual(
      first.report.map((c) => c.pod),
      ['p0', 'p1', 'p2'],
    );
    assert.equal(first.suppressed, 2);
    const second = scanPods({ pods, memory: first.memory, now: NOW, options: OPTIONS });
    assert.deepEqual(
      second.report.map((c) => c.pod),
      ['p3', 'p4'],
    );
  });

  test('notices a restart between rounds even after the backoff ended', () => {
    const running = (restartCount: number) =>
      podFacts({
        uid: 'uid-r',
        containers: [
          containerFacts({
            restartCount,
            state: { kind: 'running' },
            lastState: terminated(137, 'OOMKilled', { finishedAt: at(30) }),
          }),
        ],
      });
    const first = scanPods({ pods: [running(2)], memory: {}, now: NOW, options: OPTIONS });
    assert.equal(first.report.length, 0);
    const second = scanPods({ pods: [running(3)], memory: first.memory, now: NOW, options: OPTIONS });
    assert.deepEqual(
      second.report.map((c) => c.signal),
      ['restarted'],
    );
  });
});
