/**
 * A worker thread of the analysis pool: runs one job at a time and answers with its result or a plain
 * error. Loaded as TypeScript under Node's type stripping (tests, `npm start`) and as compiled
 * JavaScript from dist/ (the image): the pool picks the file next to itself.
 */
import { parentPort } from 'node:worker_threads';
import { analysisJobs, type JobName } from './analysis-jobs.ts';

interface JobMessage {
  id: number;
  job: JobName;
  input: unknown;
}

// Modules are loaded once this line runs: budgets count jobs from here on, not the worker's start-up.
parentPort?.postMessage({ ready: true });

parentPort?.on('message', ({ id, job, input }: JobMessage) => {
  try {
    const run = analysisJobs[job] as (input: unknown) => unknown;
    parentPort?.postMessage({ id, ok: true, result: run(input) });
  } catch (error) {
    parentPort?.postMessage({ id, ok: false, message: error instanceof Error ? error.message : String(error) });
  }
});
