/**
 * The event loop never waits for a log: classifying a pod and redacting log text run in a small pool of
 * worker threads (node:worker_threads; no dependency: the pool is one queue and a few workers). Each
 * job has a time budget: a job past it has its worker terminated (a regex that went quadratic cannot
 * be interrupted any other way) and answers the typed error `too_large`, "too large or too slow to
 * analyse", never a frozen bot. A fresh worker replaces the terminated one on the next job.
 *
 * With no threads (threads: 0) the same jobs run in-process: that is what the CLI does, and what a
 * test compares the pool's results with.
 */
import { Worker } from 'node:worker_threads';
import type { BuildDiagnosisInput } from '../diagnosis/diagnose-pod.ts';
import type { Diagnosis } from '../diagnosis/types.ts';
import { ExitcodeError } from '../errors.ts';
import { analysisJobs, type JobName, type LogLinesInput } from './analysis-jobs.ts';

export interface AnalysisRunner {
  diagnose(input: BuildDiagnosisInput): Promise<Diagnosis>;
  logLines(input: LogLinesInput): Promise<string[]>;
  sanitize(text: string): Promise<string>;
  /** Terminates the workers; jobs still queued or running fail. */
  close(): Promise<void>;
}

export interface AnalysisPoolSettings {
  /** Worker threads; 0 runs the jobs in-process. */
  threads: number;
  /** The time one job may take in its worker. */
  budgetMs: number;
  /** Jobs waiting for a worker; one more is refused as busy. */
  maxQueued?: number;
}

/** Heap per analysis worker: inputs are bounded (log bytes, lines, line length), so this is generous. */
export const WORKER_HEAP_MB = 128;

export const TOO_LARGE_SENTENCE =
  'That log is too large or too slow to analyse here; read it with `kubectl logs` instead, or ask for fewer lines.';

export const inProcessAnalysis = (): AnalysisRunner => ({
  diagnose: async (input) => analysisJobs.diagnose(input),
  logLines: async (input) => analysisJobs.logLines(input),
  sanitize: async (text) => analysisJobs.sanitize(text),
  close: async () => {},
});

interface Job {
  id: number;
  job: JobName;
  input: unknown;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

interface Slot {
  worker: Worker;
  /** The worker has loaded its modules and takes jobs. */
  ready: boolean;
  current?: Job;
  timer?: NodeJS.Timeout;
}

/** The worker file next to this one: .ts when running the sources, .js when running dist/. */
const workerUrl = (): URL =>
  new URL(import.meta.url.endsWith('.ts') ? './analysis-worker.ts' : './analysis-worker.js', import.meta.url);

export const createAnalysisPool = (settings: AnalysisPoolSettings): AnalysisRunner => {
  if (settings.threads <= 0) return inProcessAnalysis();
  const maxQueued = settings.maxQueued ?? 256;
  const slots: Slot[] = [];
  const queue: Job[] = [];
  let nextId = 0;
  let closed = false;

  const finish = (slot: Slot): Job | undefined => {
    const job = slot.current;
    clearTimeout(slot.timer);
    slot.current = undefined;
    slot.timer = undefined;
    slot.worker.unref();
    return job;
  };

  const retire = (slot: Slot): void => {
    const index = slots.indexOf(slot);
    if (index >= 0) slots.splice(index, 1);
    slot.worker.removeAllListeners();
    void slot.worker.terminate();
  };

  const spawn = (): Slot => {
    // A bounded heap per worker: a job that would grow past it ends as too_large, not as an OOM-killed pod.
    const worker = new Worker(workerUrl(), { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    const slot: Slot = { worker, ready: false };
    slot.worker.unref();
    type Reply = { ready?: true; id: number; ok: boolean; result?: unknown; message?: string };
    slot.worker.on('message', (message: Reply) => {
      if (message.ready) {
        slot.ready = true;
        return pump();
      }
      if (slot.current?.id !== message.id) return;
      const job = finish(slot);
      if (message.ok) job?.resolve(message.result);
      else job?.reject(new Error(message.message ?? 'analysis failed'));
      pump();
    });
    const lost = (error: unknown): void => {
      const job = finish(slot);
      retire(slot);
      const outOfMemory = (error as { code?: string } | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
      job?.reject(
        outOfMemory
          ? new ExitcodeError('too_large', TOO_LARGE_SENTENCE, { job: job.job, heapMb: WORKER_HEAP_MB })
          : error instanceof Error
            ? error
            : new Error(`analysis worker stopped (${String(error)})`),
      );
      pump();
    };
    slot.worker.on('error', lost);
    slot.worker.on('exit', (code) => lost(new Error(`analysis worker exited with code ${code}`)));
    slots.push(slot);
    return slot;
  };

  const dispatch = (slot: Slot, job: Job): void => {
    slot.current = job;
    slot.worker.ref();
    slot.timer = setTimeout(() => {
      const late = finish(slot);
      retire(slot);
      late?.reject(new ExitcodeError('too_large', TOO_LARGE_SENTENCE, { job: late.job, budgetMs: settings.budgetMs }));
      pump();
    }, settings.budgetMs);
    slot.worker.postMessage({ id: job.id, job: job.job, input: job.input });
  };

  function pump(): void {
    while (!closed && queue.length > 0) {
      const idle = slots.find((slot) => slot.ready && !slot.current);
      if (!idle) {
        // Start a worker if there is room; the job goes to it (or another) once one is ready.
        if (slots.length < settings.threads && slots.every((slot) => slot.ready)) spawn();
        return;
      }
      dispatch(idle, queue.shift() as Job);
    }
  }

  const run = <T>(job: JobName, input: unknown): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (closed) return reject(new Error('the analysis pool is closed'));
      if (queue.length >= maxQueued) {
        return reject(
          new ExitcodeError('busy', 'I am busy analysing other logs right now; please ask again in a minute.', {
            queued: queue.length,
          }),
        );
      }
      queue.push({ id: ++nextId, job, input, resolve: resolve as (value: unknown) => void, reject });
      pump();
    });

  return {
    diagnose: (input) => run<Diagnosis>('diagnose', input),
    logLines: (input) => run<string[]>('logLines', input),
    sanitize: (text) => run<string>('sanitize', text),
    close: async () => {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error('the analysis pool is closed'));
      await Promise.all(
        slots.splice(0).map(async (slot) => {
          const job = finish(slot);
          slot.worker.removeAllListeners();
          job?.reject(new Error('the analysis pool is closed'));
          await slot.worker.terminate();
        }),
      );
    },
  };
};
