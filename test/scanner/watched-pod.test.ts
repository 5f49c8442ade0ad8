import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decodeWatchedPod } from '../../src/cluster/watched-pod-decode.ts';
import { containerFailure, healthySince, type WatchedContainer } from '../../src/scanner/watched-pod.ts';

const container = (over: Partial<WatchedContainer>): WatchedContainer => ({
  name: 'app',
  init: false,
  restartCount: 0,
  ready: true,
  state: 'running',
  since: '2026-12-02T10:00:00Z',
  ...over,
});

describe('watched pods', () => {
  test('decodes only what the scanner keeps, from plain JSON, with the Deployment as workload', () => {
    const pod = decodeWatchedPod({
      metadata: {
        name: 'api-7f9c6-x',
        namespace: 'shop',
        uid: 'u1',
        labels: { 'pod-template-hash': '7f9c6' },
        annotations: { big: 'x'.repeat(10_000) },
        ownerReferences: [{ kind: 'ReplicaSet', name: 'api-7f9c6', controller: true }],
        managedFields: [{ manager: 'kubelet' }],
      },
      spec: { containers: [{ name: 'app', env: [{ name: 'SECRET', value: 'hunter2' }] }] },
      status: {
        phase: 'Running',
        containerStatuses: [
          {
            name: 'app',
            restartCount: 4,
            ready: false,
            state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off' } },
            lastState: { terminated: { exitCode: 137, reason: 'OOMKilled', finishedAt: '2026-12-02T10:00:00Z' } },
          },
        ],
      },
    });
    assert.deepEqual(pod, {
      uid: 'u1',
      namespace: 'shop',
      name: 'api-7f9c6-x',
      workload: { kind: 'Deployment', name: 'api' },
      phase: 'Running',
      ignored: false,
      containers: [
        {
          name: 'app',
          init: false,
          restartCount: 4,
          ready: false,
          state: 'waiting',
          reason: 'CrashLoopBackOff',
          last: { exitCode: 137, reason: 'OOMKilled', finishedAt: '2026-12-02T10:00:00Z' },
        },
      ],
    });
  });

  const malformed: unknown[] = [
    null,
    'pod',
    {},
    { metadata: { name: 'x' } },
    { metadata: { name: 'x', namespace: 'y', uid: 3 } },
  ];
  for (const value of malformed) {
    test(`a malformed object (${JSON.stringify(value)}) decodes to nothing, never throws`, () => {
      assert.equal(decodeWatchedPod(value), undefined);
    });
  }

  test('wrongly typed status fields give fewer facts, not an exception', () => {
    const pod = decodeWatchedPod({
      metadata: { name: 'x', namespace: 'y', uid: 'z', labels: 'nope', ownerReferences: 'nope' },
      status: { containerStatuses: [{ name: 'app', restartCount: 'many', state: [] }, 'junk'] },
    });
    assert.equal(pod?.containers.length, 1);
    assert.equal(pod?.containers[0]?.restartCount, 0);
    assert.deepEqual(pod?.workload, { kind: 'Pod', name: 'x' });
  });

  const failures: { name: string; c: Partial<WatchedContainer>; failing: boolean; withoutRestart?: boolean }[] = [
    { name: 'running is not failing', c: {}, failing: false },
    {
      name: 'CrashLoopBackOff after crashes',
      c: { state: 'waiting', reason: 'CrashLoopBackOff', restartCount: 3, last: { exitCode: 1 } },
      failing: true,
      withoutRestart: false,
    },
    {
      name: 'an image that cannot be pulled fails without a restart',
      c: { state: 'waiting', reason: 'ImagePullBackOff' },
      failing: true,
      withoutRestart: true,
    },
    {
      name: 'ContainerCreating is not a failure',
      c: { state: 'waiting', reason: 'ContainerCreating' },
      failing: false,
    },
    {
      name: 'a Job pod that exited 1',
      c: { state: 'terminated', exitCode: 1, since: '2026-12-02T10:00:00Z' },
      failing: true,
      withoutRestart: true,
    },
    { name: 'completed with 0', c: { state: 'terminated', exitCode: 0 }, failing: false },
    { name: 'OOMKilled even with exit 0', c: { state: 'terminated', exitCode: 0, reason: 'OOMKilled' }, failing: true },
  ];
  for (const f of failures) {
    test(`failure: ${f.name}`, () => {
      const found = containerFailure(container(f.c));
      assert.equal(found !== undefined, f.failing);
      if (f.withoutRestart !== undefined) assert.equal(found?.withoutRestart, f.withoutRestart);
      if (f.failing) assert.equal(healthySince(container(f.c)), undefined);
    });
  }

  test('healthy since: running since its start; a completed container since it ended', () => {
    assert.equal(healthySince(container({})), '2026-12-02T10:00:00Z');
    assert.equal(
      healthySince(container({ state: 'terminated', exitCode: 0, since: '2026-12-02T11:00:00Z' })),
      '2026-12-02T11:00:00Z',
    );
    assert.equal(healthySince(container({ state: 'waiting', reason: 'ContainerCreating' })), undefined);
  });
});
