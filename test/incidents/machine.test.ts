import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { incidentKey, scopeKey, workloadOf } from '../../src/incidents/key.ts';
import { applyCause, checkResolution, noteAlert, observeCrash, openIncident } from '../../src/incidents/machine.ts';
import { INCIDENT_DEFAULTS, type IncidentScope } from '../../src/incidents/types.ts';

const T0 = Date.parse('2026-12-01T10:00:00Z');
const at = (minutes: number): Date => new Date(T0 + minutes * 60_000);
const iso = (minutes: number): string => at(minutes).toISOString();
const SETTINGS = { ...INCIDENT_DEFAULTS, resolveAfterMs: 10 * 60_000, reopenWithinMs: 60 * 60_000, maxPodNames: 3 };
const scope = (over: Partial<IncidentScope> = {}): IncidentScope => ({
  cluster: 'prod',
  namespace: 'shop',
  workload: { kind: 'Deployment', name: 'api' },
  container: 'app',
  ...over,
});
const OOM = { category: 'oom-killed', title: 'Out of memory', confidence: 0.9 };
const CONFIG = { category: 'bad-config', title: 'Bad configuration', confidence: 0.8 };

const opened = (pod = 'api-1', minute = 0): ReturnType<typeof openIncident> =>
  openIncident({
    ledger: {},
    scope: scope(),
    cause: OOM,
    pod,
    restarts: 3,
    at: iso(minute),
    now: at(minute),
    channel: 'C1',
    settings: SETTINGS,
  });

describe('workloadOf', () => {
  const cases: { name: string; input: Parameters<typeof workloadOf>[0]; want: { kind: string; name: string } }[] = [
    { name: 'a bare pod is its own workload', input: { pod: 'solo' }, want: { kind: 'Pod', name: 'solo' } },
    {
      name: "a ReplicaSet's pod belongs to the Deployment named before the pod-template-hash",
      input: {
        pod: 'api-7f9c6-x',
        owner: { kind: 'ReplicaSet', name: 'api-7f9c6' },
        labels: { 'pod-template-hash': '7f9c6' },
      },
      want: { kind: 'Deployment', name: 'api' },
    },
    {
      name: 'a ReplicaSet without the hash label stays a ReplicaSet',
      input: { pod: 'rs-x', owner: { kind: 'ReplicaSet', name: 'rs' } },
      want: { kind: 'ReplicaSet', name: 'rs' },
    },
    {
      name: 'a hash that is the whole ReplicaSet name does not give an empty Deployment name',
      input: { pod: 'x', owner: { kind: 'ReplicaSet', name: 'abc' }, labels: { 'pod-template-hash': 'abc' } },
      want: { kind: 'ReplicaSet', name: 'abc' },
    },
    {
      name: 'a StatefulSet pod belongs to its StatefulSet',
      input: { pod: 'db-0', owner: { kind: 'StatefulSet', name: 'db' } },
      want: { kind: 'StatefulSet', name: 'db' },
    },
  ];
  for (const c of cases) test(c.name, () => assert.deepEqual(workloadOf(c.input), c.want));
});

describe('incident key', () => {
  test('differs by every part of (cluster, namespace, workload, container, cause)', () => {
    const base = incidentKey(scope(), 'oom-killed');
    const variants = [
      incidentKey(scope({ cluster: 'stage' }), 'oom-killed'),
      incidentKey(scope({ namespace: 'pay' }), 'oom-killed'),
      incidentKey(scope({ workload: { kind: 'StatefulSet', name: 'api' } }), 'oom-killed'),
      incidentKey(scope({ workload: { kind: 'Deployment', name: 'web' } }), 'oom-killed'),
      incidentKey(scope({ container: 'sidecar' }), 'oom-killed'),
      incidentKey(scope(), 'bad-config'),
    ];
    assert.equal(new Set([base, ...variants]).size, 7);
    assert.ok(base.startsWith(scopeKey(scope())));
  });
});

describe('incident state machine', () => {
  test('a first crash needs a diagnosis; the diagnosis opens one incident to announce', () => {
    const first = observeCrash({
      ledger: {},
      scope: scope(),
      pod: 'api-1',
      restarts: 3,
      now: at(0),
      settings: SETTINGS,
    });
    assert.equal(first.needsDiagnosis, true);
    const { ledger, effects, key } = opened();
    assert.deepEqual(effects, [{ kind: 'announce', key }]);
    assert.equal(ledger[key]?.status, 'open');
    assert.equal(ledger[key]?.announce, 'pending');
  });

  test('200 failing pods of one Deployment join one incident: one announcement, then updates', () => {
    let { ledger, key } = opened('api-0');
    const kinds: string[] = [];
    for (let i = 1; i < 200; i += 1) {
      const step = observeCrash({
        ledger,
        scope: scope(),
        pod: `api-${i}`,
        restarts: 2,
        at: iso(1),
        now: at(1),
        settings: SETTINGS,
      });
      assert.equal(step.needsDiagnosis, false);
      ledger = step.ledger;
      kinds.push(...step.effects.map((e) => e.kind));
    }
    assert.equal(Object.keys(ledger).length, 1);
    assert.equal(ledger[key]?.podCount, 200);
    assert.equal(ledger[key]?.restarts, 3 + 199 * 2);
    assert.equal(Object.keys(ledger[key]?.pods ?? {}).length, SETTINGS.maxPodNames);
    assert.ok(!kinds.includes('announce'));
    assert.ok(kinds.every((k) => k === 'update'));
  });

  test('seeing the same pod state again changes nothing and asks for nothing', () => {
    const { ledger } = opened();
    const again = observeCrash({
      ledger,
      scope: scope(),
      pod: 'api-1',
      restarts: 3,
      at: iso(0),
      now: at(2),
      settings: SETTINGS,
    });
    assert.deepEqual(again.effects, []);
    assert.equal(again.ledger, ledger);
  });

  test('a restart of a known pod counts only the new restarts', () => {
    const { ledger, key } = opened();
    const more = observeCrash({
      ledger,
      scope: scope(),
      pod: 'api-1',
      restarts: 5,
      at: iso(3),
      now: at(3),
      settings: SETTINGS,
    });
    assert.equal(more.ledger[key]?.restarts, 5);
    assert.equal(more.ledger[key]?.podCount, 1);
    assert.equal(more.ledger[key]?.lastCrash, iso(3));
  });

  test('a changed cause updates the message and is noted in the thread, without a new incident', () => {
    const { ledger, key } = opened();
    const changed = applyCause({ ledger, key, cause: CONFIG });
    assert.equal(Object.keys(changed.ledger).length, 1);
    assert.equal(changed.ledger[key]?.cause.category, 'bad-config');
    assert.deepEqual(changed.ledger[key]?.causes, ['oom-killed', 'bad-config']);
    assert.deepEqual(changed.effects, [
      { kind: 'update', key },
      { kind: 'note', key, note: { kind: 'cause-changed', from: 'Out of memory', to: 'Bad configuration' } },
    ]);
    assert.deepEqual(applyCause({ ledger, key, cause: OOM }).effects, []);
  });

  test('a diagnosis finishing after another pod opened the scope joins it with the new cause', () => {
    const { ledger, key } = opened();
    const second = openIncident({
      ledger,
      scope: scope(),
      cause: CONFIG,
      pod: 'api-2',
      restarts: 1,
      now: at(1),
      channel: 'C1',
      settings: SETTINGS,
    });
    assert.equal(second.key, key);
    assert.equal(Object.keys(second.ledger).length, 1);
    assert.ok(!second.effects.some((e) => e.kind === 'announce'));
    assert.ok(second.effects.some((e) => e.kind === 'note' && e.note.kind === 'cause-changed'));
  });

  const resolutionCases: {
    name: string;
    healthy: (minute: number) => string | undefined;
    now: number;
    resolved: boolean;
  }[] = [
    { name: 'a pod still failing keeps it open', healthy: () => undefined, now: 60, resolved: false },
    { name: 'healthy for less than resolveAfter keeps it open', healthy: () => iso(5), now: 14, resolved: false },
    { name: 'healthy for resolveAfter resolves it', healthy: () => iso(5), now: 15, resolved: true },
    {
      name: 'healthy since before the last crash counts from the last crash',
      healthy: () => iso(-100),
      now: 9,
      resolved: false,
    },
  ];
  for (const c of resolutionCases) {
    test(`resolution: ${c.name}`, () => {
      const { ledger, key } = opened();
      const result = checkResolution({
        ledger,
        now: at(c.now),
        settings: SETTINGS,
        healthySince: () => c.healthy(c.now),
      });
      assert.equal(result.ledger[key]?.status, c.resolved ? 'resolved' : 'open');
      assert.equal(result.effects.length, c.resolved ? 2 : 0);
    });
  }

  test('resolution notes the duration from first seen to healthy', () => {
    const { ledger, key } = opened();
    const result = checkResolution({ ledger, now: at(20), settings: SETTINGS, healthySince: () => iso(7) });
    assert.deepEqual(result.effects[1], { kind: 'note', key, note: { kind: 'resolved', durationMs: 7 * 60_000 } });
    assert.equal(result.ledger[key]?.resolvedAt, iso(20));
  });

  const flapCases: { name: string; crashAt: number; reopens: boolean; needsDiagnosis: boolean }[] = [
    {
      name: 'a crash soon after resolution re-opens the same incident',
      crashAt: 30,
      reopens: true,
      needsDiagnosis: false,
    },
    {
      name: 'an old termination seen after resolution does not re-open it',
      crashAt: 10,
      reopens: false,
      needsDiagnosis: false,
    },
    {
      name: 'a crash after the re-open window is a new incident',
      crashAt: 20 + 61,
      reopens: false,
      needsDiagnosis: true,
    },
  ];
  for (const c of flapCases) {
    test(`hysteresis: ${c.name}`, () => {
      const { ledger, key } = opened();
      const resolved = checkResolution({ ledger, now: at(20), settings: SETTINGS, healthySince: () => iso(5) }).ledger;
      const crash = observeCrash({
        ledger: resolved,
        scope: scope(),
        pod: 'api-1',
        restarts: 4,
        at: iso(c.crashAt),
        now: at(Math.max(c.crashAt, 21)),
        settings: SETTINGS,
      });
      assert.equal(crash.needsDiagnosis, c.needsDiagnosis);
      assert.equal(crash.ledger[key]?.status, c.reopens ? 'open' : 'resolved');
      assert.equal(crash.ledger[key]?.reopened, c.reopens ? 1 : 0);
      assert.equal(
        crash.effects.some((e) => e.kind === 'announce'),
        false,
      );
      if (c.reopens) assert.deepEqual(crash.effects[1], { kind: 'note', key, note: { kind: 'reopened', count: 1 } });
    });
  }

  test('alerts: firing is noted once, resolved is noted and removed, unknown keys change nothing', () => {
    const { ledger, key } = opened();
    const firing = noteAlert({ ledger, key, alert: 'KubePodCrashLooping', firing: true });
    assert.deepEqual(firing.ledger[key]?.alerts, ['KubePodCrashLooping']);
    assert.equal(
      noteAlert({ ledger: firing.ledger, key, alert: 'KubePodCrashLooping', firing: true }).effects.length,
      0,
    );
    const resolved = noteAlert({ ledger: firing.ledger, key, alert: 'KubePodCrashLooping', firing: false });
    assert.deepEqual(resolved.ledger[key]?.alerts, []);
    assert.equal(resolved.effects[1]?.kind, 'note');
    assert.deepEqual(noteAlert({ ledger, key: 'nope', alert: 'x', firing: true }).effects, []);
  });
});
