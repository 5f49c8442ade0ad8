/**
 * The analysis pool runs the same pure jobs the CLI runs in-process, in worker threads (loaded here as
 * TypeScript sources), with a time budget per job. What is measured: equal results to the in-process
 * functions, the typed too_large error past the budget, and a working pool after a job was cut.
 * (How fast acks stay while a hostile log is analysed is measured in bench/slack.ts, not here.)
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { scanLog } from '../../src/diagnosis/log-scan.ts';
import { ExitcodeError } from '../../src/errors.ts';
import { analysisJobs } from '../../src/services/analysis-jobs.ts';
import { createAnalysisPool, TOO_LARGE_SENTENCE } from '../../src/services/analysis-pool.ts';
import { containerFacts, event, OBSERVED_AT, podFacts, terminated, workloadFacts } from '../fixtures/pods.ts';

const LOG = [
  'starting api on :8080',
  'connecting to postgres://app:s3cr3t-passw0rd@db:5432/app',
  'token=ghp_abcdefghijklmnopqrstuvwxyz0123456789AB',
  '\u202Eexe.txt',
  'java.lang.OutOfMemoryError: Java heap space',
].join('\n');

const input = () => ({
  cluster: 'prod',
  observedAt: OBSERVED_AT,
  missing: [],
  pod: podFacts({
    containers: [containerFacts({ name: 'api', restartCount: 7, lastState: terminated(137, 'OOMKilled') })],
  }),
  workload: workloadFacts(),
  events: [event()],
  logs: { api: scanLog(LOG) },
});

describe('analysis pool (worker threads)', () => {
  const pool = createAnalysisPool({ threads: 2, budgetMs: 10_000 });
  after(() => pool.close());

  test('a diagnosis from a worker equals the in-process buildDiagnosis + redaction', async () => {
    const fromWorker = await pool.diagnose(input());
    assert.deepEqual(fromWorker, analysisJobs.diagnose(input()));
    assert.equal(fromWorker.containers[0]?.classification.best.category, 'oom_killed');
    assert.ok(!JSON.stringify(fromWorker).includes('s3cr3t-passw0rd'));
  });

  test('log lines from a worker equal the in-process job: tail kept, lines clipped, secrets masked', async () => {
    const raw = `${'x'.repeat(10_000)}\n${LOG}\n`;
    const fromWorker = await pool.logLines({ raw, tailLines: 4 });
    assert.deepEqual(fromWorker, analysisJobs.logLines({ raw, tailLines: 4 }));
    assert.equal(fromWorker.length, 4);
    assert.ok(!fromWorker.join('\n').includes('ghp_abcdefghijklmnopqrstuvwxyz0123456789AB'));
  });

  test('sanitize from a worker equals the one exit for text in-process', async () => {
    const text = `${LOG}\n${'y'.repeat(9000)}`;
    assert.equal(await pool.sanitize(text), analysisJobs.sanitize(text));
    assert.ok(!(await pool.sanitize(text)).includes('\u202E'));
  });

  test('jobs at once all answer, each with its own result', async () => {
    const raws = Array.from({ length: 6 }, (_, i) => `line ${i}\nsecond ${i}`);
    const results = await Promise.all(raws.map((raw) => pool.logLines({ raw, tailLines: 1 })));
    assert.deepEqual(
      results,
      raws.map((_, i) => [`second ${i}`]),
    );
  });
});

describe('analysis pool budget', () => {
  const pool = createAnalysisPool({ threads: 1, budgetMs: 100 });
  after(() => pool.close());

  test('a job past its budget answers too_large ("too large or too slow to analyse"), and the pool goes on', async () => {
    // 16 MB of key=value lines: far more redaction work than 100 ms allows, even on a fast machine.
    const hostile = `${'a=a=a='.repeat(680)}\n`.repeat(4000);
    await assert.rejects(pool.logLines({ raw: hostile, tailLines: 5000 }), (error: unknown) => {
      assert.ok(error instanceof ExitcodeError);
      assert.equal(error.code, 'too_large');
      assert.equal(error.message, TOO_LARGE_SENTENCE);
      return true;
    });
    // The cut worker was terminated; a fresh one takes the next job (its start-up is not billed).
    assert.deepEqual(await pool.logLines({ raw: 'one\ntwo', tailLines: 1 }), ['two']);
  });
});

describe('in-process analysis (threads: 0), as the CLI runs it', () => {
  test('same jobs, same results', async () => {
    const pool = createAnalysisPool({ threads: 0, budgetMs: 1 });
    assert.deepEqual(await pool.diagnose(input()), analysisJobs.diagnose(input()));
  });
});
