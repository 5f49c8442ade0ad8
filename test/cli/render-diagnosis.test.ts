import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { renderDiagnosis } from '../../src/cli/render-diagnosis.ts';
import { buildDiagnosis } from '../../src/diagnosis/diagnose-pod.ts';
import { scanLog } from '../../src/diagnosis/log-scan.ts';
import { OBSERVED_AT, containerFacts, podFacts, terminated, workloadFacts } from '../fixtures/pods.ts';

const failing = buildDiagnosis({
  cluster: 'prod',
  pod: podFacts({
    containers: [
      containerFacts({ name: 'api', lastState: terminated(1, 'Error', { finishedAt: '2026-11-25T11:59:00Z' }) }),
      containerFacts({
        name: 'sidecar',
        lastState: terminated(137, 'OOMKilled', { finishedAt: '2026-11-25T11:40:00Z' }),
      }),
    ],
  }),
  workload: workloadFacts(),
  logs: { api: scanLog("boot\n\x1b]0;owned\x07Error: Cannot find module 'express'\n") },
  events: [],
  missing: [{ what: 'previous logs of container sidecar', why: 'forbidden (get pods/log)' }],
  observedAt: OBSERVED_AT,
});

describe('renderDiagnosis', () => {
  test('plain text: headline, each failing container, missing evidence, timeline', () => {
    const text = renderDiagnosis(failing, { color: false });
    assert.match(
      text,
      /^Pod shop\/api-7f9c6d5b8-x2k4q \(deployment\/api, revision 7\) on prod: Running, node node-a\n/,
    );
    assert.match(text, /2 containers are failing/);
    assert.match(text, /\nContainer api \(/);
    assert.match(text, /\nContainer sidecar \(/);
    assert.match(
      text,
      /Container api [^\n]*\n( {2}Restarted [^\n]*\n)? {2}Exit: exited with status 1[^\n]*\n[^\n]*\n {2}Cause: [^\n]+ \[[a-z_]+, \d+% confident\]/,
    );
    assert.match(text, /Cause: .*\[oom_killed, \d+% confident\]/);
    // The OOMKilled summary does not carry the code: the exit line adds it, once.
    assert.match(text, /\n {2}Exit: exit 137: killed by SIGKILL \(memory limit: OOMKilled\)\n/);
    assert.match(text, /Next steps:\n {4}1\. /);
    assert.match(
      text,
      /Could not read \(diagnosed without it\):\n {2}- previous logs of container sidecar: forbidden \(get pods\/log\)/,
    );
    assert.match(text, /Timeline:\n/);
    assert.doesNotMatch(text, /\x1b/, 'no escape sequences without a TTY, not even from the log');
  });

  test('evidence beyond six lines is counted, not silently dropped', () => {
    const [first, ...rest] = failing.containers;
    assert.ok(first);
    const evidence = Array.from({ length: 9 }, (_, i) => ({
      line: i + 1,
      text: `Error ${i + 1}`,
      source: 'log' as const,
    }));
    const many = {
      ...failing,
      containers: [
        { ...first, classification: { ...first.classification, best: { ...first.classification.best, evidence } } },
        ...rest,
      ],
    };
    const text = renderDiagnosis(many, { color: false });
    assert.match(text, /log line 6: Error 6\n {4}… 3 more \(--json shows all\)\n/);
    assert.doesNotMatch(text, /Error 7/);
  });

  test('colour only when asked', () => {
    assert.match(renderDiagnosis(failing, { color: true }), /\x1b\[31mContainer api/);
  });

  test('healthy pod', () => {
    const healthy = buildDiagnosis({
      cluster: 'prod',
      pod: podFacts({
        containers: [
          containerFacts({
            state: { kind: 'running', startedAt: '2026-11-25T11:00:00Z' },
            ready: true,
            restartCount: 1,
            lastState: terminated(1),
          }),
        ],
      }),
      logs: {},
      events: [],
      missing: [],
      observedAt: OBSERVED_AT,
    });
    const text = renderDiagnosis(healthy, { color: false });
    assert.match(text, /Healthy: no container is failing right now\./);
    assert.match(text, /History:\n[\s\S]*container api: ready, 1 restart, last exited with code 1 \(Error\)/);
  });

  test("a CronJob's pod: no made-up revision, and the timeline says which job was created", () => {
    const cron = buildDiagnosis({
      cluster: 'prod',
      pod: podFacts({ containers: [containerFacts({ name: 'api', lastState: terminated(127, 'Error') })] }),
      workload: workloadFacts({
        kind: 'CronJob',
        name: 'nightly-etl',
        chain: [
          { kind: 'Job', name: 'nightly-etl-29410560' },
          { kind: 'CronJob', name: 'nightly-etl' },
        ],
        current: { revision: '1', createdAt: '2026-11-25T11:00:00Z', images: {} },
        previous: undefined,
      }),
      logs: { api: scanLog('/app/run.sh: line 2: psql: command not found\n') },
      events: [],
      missing: [],
      observedAt: OBSERVED_AT,
    });
    const text = renderDiagnosis(cron, { color: false, time: { timeZone: 'UTC' } });
    assert.match(text, /^Pod shop\/api-7f9c6d5b8-x2k4q \(cronjob\/nightly-etl\) on prod/);
    assert.doesNotMatch(text, /revision/);
    assert.match(text, /2026-11-25 11:00 UTC {2}job\/nightly-etl-29410560 created by cronjob\/nightly-etl\n/);
  });

  test('the cause is the finding’s subject-bearing headline when it has one', () => {
    const failing = buildDiagnosis({
      cluster: 'prod',
      pod: podFacts({ containers: [containerFacts({ name: 'api', lastState: terminated(1, 'Error') })] }),
      logs: { api: scanLog('Error: Missing required environment variable: STRIPE_API_KEY\n') },
      events: [],
      missing: [],
      observedAt: OBSERVED_AT,
    });
    const best = failing.containers[0]?.classification.best;
    assert.ok(best?.headline, 'the engine sets a headline');
    const text = renderDiagnosis(failing, { color: false });
    assert.ok(text.includes(`Cause: ${best.headline} [`), text);
  });

  test('times read in the reader’s zone and relative to now, never as raw ISO strings', () => {
    const failing = buildDiagnosis({
      cluster: 'prod',
      pod: podFacts({ containers: [containerFacts({ name: 'api', lastState: terminated(127, 'Error') })] }),
      logs: { api: scanLog('/app/run.sh: line 2: psql: command not found\n') },
      events: [],
      missing: [],
      observedAt: OBSERVED_AT,
    });
    const paris = renderDiagnosis(failing, {
      color: false,
      time: { timeZone: 'Europe/Paris', now: new Date(Date.parse(OBSERVED_AT) + 12 * 60_000) },
    });
    assert.doesNotMatch(paris, /\d{4}-\d\d-\d\dT\d\d:\d\d/);
    const last = failing.containers[0]?.lastCrashAt as string;
    const local = new Date(Date.parse(last) + 60 * 60_000).toISOString().slice(11, 16);
    assert.match(paris, new RegExp(`last failed \\d{4}-\\d\\d-\\d\\d ${local} GMT\\+1, \\d+ min ago`));
  });

  test('a pending pod is not called healthy', () => {
    const pending = buildDiagnosis({
      cluster: 'prod',
      pod: podFacts({
        phase: 'Pending',
        containers: [
          containerFacts({
            state: { kind: 'waiting', reason: 'ContainerCreating' },
            lastState: undefined,
            restartCount: 0,
          }),
        ],
      }),
      logs: {},
      events: [],
      missing: [],
      observedAt: OBSERVED_AT,
    });
    const text = renderDiagnosis(pending, { color: false });
    assert.doesNotMatch(text, /Healthy/);
    assert.match(text, /No container has failed, but the pod is Pending/);
  });
});
