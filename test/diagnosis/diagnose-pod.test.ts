import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildDiagnosis, failingContainers, isFailing, revisionLabel } from '../../src/diagnosis/diagnose-pod.ts';
import { scanLog } from '../../src/diagnosis/log-scan.ts';
import type { ContainerFacts } from '../../src/diagnosis/types.ts';
import { OBSERVED_AT, containerFacts, event, podFacts, terminated, waiting, workloadFacts } from '../fixtures/pods.ts';

const running = (startedAt = '2026-11-25T11:00:00Z') => ({ kind: 'running' as const, startedAt });

const base = {
  cluster: 'prod',
  logs: {},
  events: [],
  missing: [],
  observedAt: OBSERVED_AT,
};

describe('which containers are failing', () => {
  const cases: Array<[string, Partial<ContainerFacts>, boolean]> = [
    ['crash loop after exit 1', { state: waiting(), lastState: terminated(1) }, true],
    [
      'config error, never ran',
      { state: waiting('CreateContainerConfigError', 'secret "db" not found'), lastState: undefined, restartCount: 0 },
      true,
    ],
    ['image pull back-off', { state: waiting('ImagePullBackOff'), lastState: undefined, restartCount: 0 }, true],
    ['terminated non-zero (restartPolicy Never)', { state: terminated(2), lastState: undefined }, true],
    [
      'running again, not ready, after OOM',
      { state: running(), ready: false, lastState: terminated(137, 'OOMKilled') },
      true,
    ],
    [
      'running and ready with old restarts',
      { state: running(), ready: true, lastState: terminated(137, 'OOMKilled') },
      false,
    ],
    ['running, never restarted', { state: running(), ready: true, lastState: undefined, restartCount: 0 }, false],
    ['completed (exit 0, job done)', { state: terminated(0), lastState: undefined }, false],
    ['crash looping on exit 0', { state: waiting(), lastState: terminated(0) }, true],
    ['plain ContainerCreating', { state: waiting('ContainerCreating'), lastState: undefined, restartCount: 0 }, false],
  ];
  for (const [name, overrides, expected] of cases) {
    test(name, () => assert.equal(isFailing(containerFacts(overrides)), expected));
  }

  test('most recent termination first, init containers included, never-ran ones last', () => {
    const pod = podFacts({
      initContainers: [
        containerFacts({
          name: 'migrate',
          init: true,
          state: waiting(),
          lastState: terminated(1, 'Error', { finishedAt: '2026-11-25T11:50:00Z' }),
        }),
      ],
      containers: [
        containerFacts({
          name: 'config',
          state: waiting('CreateContainerConfigError'),
          lastState: undefined,
          restartCount: 0,
        }),
        containerFacts({
          name: 'api',
          lastState: terminated(137, 'OOMKilled', { finishedAt: '2026-11-25T11:59:00Z' }),
        }),
        containerFacts({ name: 'ok', state: running(), ready: true, lastState: undefined, restartCount: 0 }),
      ],
    });
    assert.deepEqual(
      failingContainers(pod).map((c) => c.name),
      ['api', 'migrate', 'config'],
    );
    assert.deepEqual(
      failingContainers(pod, 'migrate').map((c) => c.name),
      ['migrate'],
    );
    assert.deepEqual(failingContainers(pod, 'ok'), []);
  });
});

describe('buildDiagnosis', () => {
  test('an OOM-killed container: classification with real names, workload revision and timeline', () => {
    const pod = podFacts({
      containers: [
        containerFacts({
          lastState: terminated(137, 'OOMKilled'),
          resources: { limits: { memory: '256Mi' }, requests: { memory: '128Mi' } },
        }),
      ],
    });
    const diagnosis = buildDiagnosis({
      ...base,
      pod,
      workload: workloadFacts(),
      events: [event()],
      logs: { api: scanLog('starting\nallocating cache\n') },
    });
    assert.equal(diagnosis.healthy, false);
    assert.equal(diagnosis.cluster, 'prod');
    assert.deepEqual(diagnosis.workload, {
      kind: 'Deployment',
      name: 'api',
      revision: '7',
      rolledOutAt: '2026-11-25T11:27:00Z',
    });
    const [first] = diagnosis.containers;
    assert.equal(first?.container, 'api');
    assert.equal(first?.classification.exit.code, 137);
    assert.equal(first?.classification.best.category, 'oom_killed');
    assert.equal(first?.lastCrashAt, '2026-11-25T11:59:00Z');
    const steps = first?.classification.best.nextSteps.join('\n') ?? '';
    assert.match(steps, /-n shop/);
    assert.doesNotMatch(steps, /<namespace>|<pod>/);
    const what = diagnosis.timeline.map((t) => t.what);
    assert.ok(
      what.some((w) => /deployment\/api revision 7 rolled out \(api: .*1\.4\.2 -> .*1\.5\.0\)/.test(w)),
      what.join('\n'),
    );
    assert.ok(what.some((w) => /container api exited with code 137 \(OOMKilled\)/.test(w)));
    assert.ok(what.some((w) => /BackOff/.test(w)));
    const times = diagnosis.timeline.map((t) => t.at);
    assert.deepEqual(times, [...times].sort());
    assert.deepEqual(JSON.parse(JSON.stringify(diagnosis)), diagnosis, 'serializable');
  });

  test('a missing Secret (CreateContainerConfigError) is diagnosed from the waiting reason without a log', () => {
    const pod = podFacts({
      containers: [
        containerFacts({
          state: waiting('CreateContainerConfigError', 'secret "db-credentials" not found'),
          lastState: undefined,
          restartCount: 0,
          envReferences: [
            { variable: 'DB_PASSWORD', source: 'Secret', name: 'db-credentials', key: 'password', optional: false },
          ],
        }),
      ],
    });
    const diagnosis = buildDiagnosis({ ...base, pod, missing: [{ what: 'events', why: 'forbidden (list events)' }] });
    const [first] = diagnosis.containers;
    assert.equal(first?.classification.exit.code, null);
    assert.equal(first?.classification.exit.reason, 'CreateContainerConfigError');
    assert.equal(first?.classification.best.category, 'missing_config_reference');
    assert.deepEqual(diagnosis.missing, [{ what: 'events', why: 'forbidden (list events)' }]);
  });

  test('several failing containers are each diagnosed; -c narrows to one', () => {
    const pod = podFacts({
      containers: [
        containerFacts({ name: 'api', lastState: terminated(1, 'Error', { finishedAt: '2026-11-25T11:59:00Z' }) }),
        containerFacts({
          name: 'sidecar',
          lastState: terminated(137, 'OOMKilled', { finishedAt: '2026-11-25T11:40:00Z' }),
        }),
      ],
    });
    const all = buildDiagnosis({ ...base, pod });
    assert.deepEqual(
      all.containers.map((c) => c.container),
      ['api', 'sidecar'],
    );
    assert.equal(all.containers[1]?.classification.best.category, 'oom_killed');
    const one = buildDiagnosis({ ...base, pod, container: 'sidecar' });
    assert.deepEqual(
      one.containers.map((c) => c.container),
      ['sidecar'],
    );
  });

  test('a healthy pod says so, with its restart history', () => {
    const pod = podFacts({
      containers: [
        containerFacts({
          state: running(),
          ready: true,
          restartCount: 2,
          lastState: terminated(137, 'OOMKilled', { finishedAt: '2026-11-24T08:00:00Z' }),
        }),
      ],
    });
    const diagnosis = buildDiagnosis({ ...base, pod, selectedBecause: 'picked it' });
    assert.equal(diagnosis.healthy, true);
    assert.deepEqual(diagnosis.containers, []);
    assert.equal(diagnosis.selectedBecause, 'picked it');
    const last = diagnosis.timeline.at(-1);
    assert.equal(last?.at, OBSERVED_AT);
    assert.match(
      last?.what ?? '',
      /container api: ready, 2 restarts, last exited with code 137 \(OOMKilled\) at 2026-11-24T08:00:00Z/,
    );
  });

  test('an evicted pod with no failing container is still diagnosed, from the pod reason', () => {
    const pod = podFacts({
      phase: 'Failed',
      reason: 'Evicted',
      message:
        'The node was low on resource: memory. Container api was using 1.2Gi, which exceeds its request of 256Mi.',
      containers: [containerFacts({ state: terminated(0, 'Completed'), lastState: undefined, restartCount: 0 })],
    });
    const diagnosis = buildDiagnosis({ ...base, pod });
    assert.equal(diagnosis.healthy, false);
    assert.equal(diagnosis.containers[0]?.classification.best.category, 'evicted');
    assert.equal(diagnosis.containers[0]?.classification.exit.reason, 'Evicted');
  });

  test('events of another container are not evidence for this one', () => {
    const pod = podFacts({
      containers: [
        containerFacts({ name: 'api', state: running(), ready: false, lastState: terminated(137, 'Error') }),
      ],
    });
    const probe = event({
      reason: 'Unhealthy',
      message: 'Liveness probe failed: connection refused',
      count: 6,
      container: 'other',
    });
    const killing = event({
      reason: 'Killing',
      message: 'Container other failed liveness probe, will be restarted',
      container: 'other',
    });
    const diagnosis = buildDiagnosis({ ...base, pod, events: [probe, killing] });
    assert.notEqual(diagnosis.containers[0]?.classification.best.category, 'probe_failure');
    const mine = buildDiagnosis({
      ...base,
      pod,
      events: [
        { ...probe, container: 'api' },
        { ...killing, container: 'api', message: 'Container api failed liveness probe, will be restarted' },
      ],
    });
    assert.equal(mine.containers[0]?.classification.best.category, 'probe_failure');
  });
});

describe('crash frequency', () => {
  test('a restarting container says how often, from its first back-off event', () => {
    const pod = podFacts({
      containers: [containerFacts({ name: 'api', restartCount: 12, state: waiting(), lastState: terminated(1) })],
    });
    const backOff = event({
      type: 'Warning',
      reason: 'BackOff',
      message: 'Back-off restarting failed container',
      firstSeen: new Date(Date.parse(OBSERVED_AT) - 2 * 3_600_000).toISOString(),
    });
    const diagnosis = buildDiagnosis({ ...base, pod, events: [backOff] });
    assert.equal(
      diagnosis.containers[0]?.frequency,
      'Restarted 12 times in 2 h (about 6 per hour); now in CrashLoopBackOff.',
    );
  });

  test('a container that never restarted carries no frequency', () => {
    const pod = podFacts({
      containers: [
        containerFacts({
          name: 'api',
          restartCount: 0,
          state: waiting('CreateContainerConfigError'),
          lastState: undefined,
        }),
      ],
    });
    assert.equal(buildDiagnosis({ ...base, pod }).containers[0]?.frequency, undefined);
  });
});

describe('the revision a pod runs', () => {
  const failing = () =>
    podFacts({
      containers: [containerFacts({ name: 'api', restartCount: 3, state: waiting(), lastState: terminated(1) })],
    });

  test('a pod of the current revision shows that revision only', () => {
    const diagnosis = buildDiagnosis({ ...base, pod: failing(), workload: workloadFacts({ podRevision: '7' }) });
    assert.equal(diagnosis.workload?.revision, '7');
    assert.equal(diagnosis.workload?.podRevision, undefined);
    assert.equal(revisionLabel(diagnosis.workload!), 'revision 7');
  });

  test('a pod an older rollout left behind says so, and is not blamed on the latest rollout', () => {
    const diagnosis = buildDiagnosis({ ...base, pod: failing(), workload: workloadFacts({ podRevision: '6' }) });
    assert.equal(diagnosis.workload?.podRevision, '6');
    assert.equal(revisionLabel(diagnosis.workload!), 'pod on revision 6 (current 7)');
    const categories = diagnosis.containers[0]!.classification;
    assert.ok(![categories.best, ...categories.alternatives].some((f) => f.category === 'bad_rollout'));
  });
});
