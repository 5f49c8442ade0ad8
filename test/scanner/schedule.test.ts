import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pino } from 'pino';
import type { Diagnosis, PodFacts } from '../../src/diagnosis/types.ts';
import { ExitcodeError } from '../../src/errors.ts';
import type { DiagnoseRequest } from '../../src/services/types.ts';
import { createScanJob, type Scheduler, scheduleScan } from '../../src/scanner/schedule.ts';
import { containerFacts, podFacts, terminated, waiting } from '../fixtures/pods.ts';

const logger = pino({ level: 'silent' });
const NOW = new Date('2026-11-25T12:00:00Z');

const crashing = (namespace: string, name: string): PodFacts =>
  podFacts({
    namespace,
    name,
    uid: `uid-${namespace}-${name}`,
    containers: [
      containerFacts({ state: waiting(), lastState: terminated(1, 'Error', { finishedAt: '2026-11-25T11:59:00Z' }) }),
    ],
  });

const diagnosisOf = (request: DiagnoseRequest, healthy = false): Diagnosis => ({
  cluster: 'test',
  namespace: request.namespace,
  pod: request.target,
  podUid: `uid-${request.namespace}-${request.target}`,
  phase: 'Running',
  healthy,
  containers: [],
  timeline: [],
  missing: [],
  generatedAt: NOW.toISOString(),
});

const setup = (cluster: Record<string, PodFacts[] | Error>, recovered: string[] = []) => {
  const posted: Diagnosis[] = [];
  const diagnosed: DiagnoseRequest[] = [];
  const listedNamespaces: string[] = [];
  let commands = 0;
  const job = createScanJob({
    namespaces: () => Object.keys(cluster),
    listPods: async (namespace) => {
      listedNamespaces.push(namespace);
      const pods = cluster[namespace];
      if (pods instanceof Error) throw pods;
      return pods ?? [];
    },
    investigator: {
      diagnose: async (request) => {
        diagnosed.push(request);
        return diagnosisOf(request, recovered.includes(request.target));
      },
    },
    post: async (diagnosis) => {
      posted.push(diagnosis);
    },
    logger,
    now: () => NOW,
    onCommand: () => {
      commands += 1;
    },
  });
  return { job, posted, diagnosed, listedNamespaces, commands: () => commands };
};

test('the scheduled job runs when its trigger fires (no waiting for cron), without overlap', async () => {
  const { job, posted } = setup({ shop: [crashing('shop', 'api-1')] });
  let fire: (() => Promise<unknown>) | undefined;
  const seen: { expression: string; noOverlap: boolean }[] = [];
  let stopped = false;
  const scheduler: Scheduler = (expression, fn, options) => {
    seen.push({ expression, noOverlap: options.noOverlap });
    fire = fn;
    return {
      stop: () => {
        stopped = true;
      },
    };
  };
  const scheduled = scheduleScan({ expression: '*/5 * * * *', job, scheduler });
  assert.deepEqual(seen, [{ expression: '*/5 * * * *', noOverlap: true }]);
  assert.equal(posted.length, 0, 'nothing happens until the trigger');
  const round = await fire!();
  assert.deepEqual(round, { listed: 1, posted: 1, suppressed: 0, failed: 0, unlisted: [] });
  assert.deepEqual(
    posted.map((d) => d.pod),
    ['api-1'],
  );
  await fire!();
  assert.equal(posted.length, 1, 'already reported');
  await scheduled.stop();
  assert.equal(stopped, true);
});

test('a round diagnoses what the scan found, with the container, and counts it', async () => {
  const { job, diagnosed, commands } = setup({ shop: [crashing('shop', 'api-1')], pay: [crashing('pay', 'ledger-1')] });
  await job.run();
  assert.deepEqual(diagnosed.map((r) => `${r.namespace}/${r.target}/${r.container}`).sort(), [
    'pay/ledger-1/api',
    'shop/api-1/api',
  ]);
  assert.equal(commands(), 2);
});

test("'*' lists all namespaces with one call", async () => {
  const { job, listedNamespaces } = setup({ '*': [crashing('shop', 'api-1')] });
  const round = await job.run();
  assert.deepEqual(listedNamespaces, ['*']);
  assert.equal(round.posted, 1);
});

test('partial failure: a namespace that cannot be listed or a diagnosis that fails does not stop the round', async () => {
  const forbidden = new ExitcodeError('forbidden', 'The bot may not list pods in secret-ns.');
  const posted: Diagnosis[] = [];
  const failing = createScanJob({
    namespaces: () => ['secret-ns', 'shop'],
    listPods: async (namespace) => {
      if (namespace === 'secret-ns') throw forbidden;
      return [crashing('shop', 'api-1'), crashing('shop', 'gone')];
    },
    investigator: {
      diagnose: async (request) => {
        if (request.target === 'gone') throw new ExitcodeError('pod_not_found', 'gone');
        return diagnosisOf(request);
      },
    },
    post: async (diagnosis) => {
      posted.push(diagnosis);
    },
    logger,
    now: () => NOW,
  });
  const round = await failing.run();
  assert.deepEqual(round, { listed: 2, posted: 1, suppressed: 0, failed: 1, unlisted: ['secret-ns'] });
  assert.deepEqual(
    posted.map((d) => d.pod),
    ['api-1'],
  );
});

test('a pod that recovered before its diagnosis is not posted', async () => {
  const { job, posted } = setup({ shop: [crashing('shop', 'api-1')] }, ['api-1']);
  const round = await job.run();
  assert.equal(round.posted, 0);
  assert.equal(posted.length, 0);
});

test('a post that fails is counted, and the round still finishes', async () => {
  const job = createScanJob({
    namespaces: () => ['shop'],
    listPods: async () => [crashing('shop', 'api-1'), crashing('shop', 'api-2')],
    investigator: { diagnose: async (request) => diagnosisOf(request) },
    post: async (diagnosis) => {
      if (diagnosis.pod === 'api-1')
        throw Object.assign(new Error('not_in_channel'), { data: { error: 'not_in_channel' } });
    },
    logger,
    now: () => NOW,
  });
  const round = await job.run();
  assert.equal(round.failed, 1);
  assert.equal(round.posted, 1);
});
