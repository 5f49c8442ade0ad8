/**
 * The scanner's wiring: on a cron schedule, list the pods of the namespaces the scan channel may see,
 * decide with scan.ts what is new, diagnose it and post it. Everything outside is injected (listing,
 * diagnosing, posting, the scheduler itself), so a test triggers a round without waiting for cron.
 */
import cron from 'node-cron';
import type { Logger } from 'pino';
import type { Diagnosis, PodFacts } from '../diagnosis/types.ts';
import type { Investigator } from '../services/types.ts';
import { localCoordinator, type ScanCoordinator, type TurnResult } from './coordinator.ts';
import { type ScanOptions, SCAN_DEFAULTS, scanPods } from './scan.ts';

export interface ScanRound {
  listed: number;
  posted: number;
  suppressed: number;
  failed: number;
  /** Namespaces that could not be listed (forbidden, unreachable): the round goes on without them. */
  unlisted: string[];
  /**
   * Set when this replica posted nothing this round: another replica holds the scan lease, another
   * replica wrote it first (lost), or it could not be read or written (unavailable).
   */
  skipped?: 'lease-held' | 'lease-lost' | 'lease-unavailable';
}

export interface ScanJob {
  /** One round; never throws (a scheduled job has nobody to throw to). */
  run(): Promise<ScanRound>;
}

export const createScanJob = ({
  namespaces,
  listPods,
  investigator,
  post,
  logger,
  now = () => new Date(),
  options = SCAN_DEFAULTS,
  onCommand,
  coordinator = localCoordinator(),
}: {
  /** The namespaces the scan channel may see ('*' = all), read each round. */
  namespaces: () => string[];
  listPods: (namespace: string) => Promise<PodFacts[]>;
  investigator: Pick<Investigator, 'diagnose'>;
  /** Posts one diagnosis to the scan channel (with its thread metadata). */
  post: (diagnosis: Diagnosis) => Promise<void>;
  logger: Logger;
  now?: () => Date;
  options?: ScanOptions;
  /** Counts each diagnosis the scanner starts (metrics: commands_total{kind="scan"}). */
  onCommand?: () => void;
  /** Which replica scans and what was posted before (default: this process alone, memory in memory). */
  coordinator?: ScanCoordinator;
}): ScanJob => {
  const unavailable = (round: ScanRound, error: unknown): ScanRound => {
    logger.warn(
      { err: error, code: (error as { code?: string }).code },
      'scanner could not read or write its lease (API unreachable, or no Role for leases in its namespace); skipping this round',
    );
    return { ...round, skipped: 'lease-unavailable' };
  };
  return {
    run: async () => {
      const round: ScanRound = { listed: 0, posted: 0, suppressed: 0, failed: 0, unlisted: [] };
      let begun: TurnResult;
      try {
        begun = await coordinator.begin();
      } catch (error) {
        return unavailable(round, error);
      }
      if ('heldBy' in begun) {
        logger.debug({ holder: begun.heldBy }, 'another replica holds the scan lease; skipping this round');
        return { ...round, skipped: 'lease-held' };
      }
      const { turn } = begun;
      const wanted = namespaces();
      const targets = wanted.includes('*') ? ['*'] : [...new Set(wanted)];
      const pods: PodFacts[] = [];
      for (const namespace of targets) {
        try {
          pods.push(...(await listPods(namespace)));
        } catch (error) {
          round.unlisted.push(namespace);
          logger.warn(
            { err: error, namespace, code: (error as { code?: string }).code },
            'scanner could not list pods',
          );
        }
      }
      round.listed = pods.length;
      const result = scanPods({ pods, memory: turn.memory, now: now(), options });
      round.suppressed = result.suppressed;
      // Pods in namespaces that failed to list keep their memory, so a blip does not re-post them.
      const memory = { ...(round.unlisted.length ? turn.memory : {}), ...result.memory };
      // Recorded BEFORE posting, and posting only if recorded: a replica that lost the race posts nothing.
      let committed: boolean;
      try {
        committed = await turn.commit(memory);
      } catch (error) {
        return unavailable(round, error);
      }
      if (!committed) {
        logger.info({ ...round }, 'another replica recorded this round first; posting nothing');
        return { ...round, skipped: 'lease-lost' };
      }
      for (const candidate of result.report) {
        onCommand?.();
        try {
          const diagnosis = await investigator.diagnose({
            namespace: candidate.namespace,
            target: candidate.pod,
            container: candidate.container,
          });
          // The pod may have recovered between listing and diagnosing: nothing to say then.
          if (diagnosis.healthy) continue;
          await post(diagnosis);
          round.posted += 1;
        } catch (error) {
          round.failed += 1;
          logger.warn(
            { err: error, namespace: candidate.namespace, pod: candidate.pod, code: (error as { code?: string }).code },
            'scanner could not diagnose or post',
          );
        }
      }
      logger.info({ ...round }, 'scan round finished');
      return round;
    },
  };
};

/** The part of node-cron used here, injectable so tests fire the job themselves. */
export type Scheduler = (
  expression: string,
  fn: () => Promise<unknown>,
  options: { noOverlap: boolean; name: string },
) => { stop(): void | Promise<void> };

/**
 * The longest gap between two runs of the expression (over its next 100 runs), to size the scan lease:
 * "0 9 * * 1-5" gives three days (the weekend), not one.
 */
export const scanIntervalMs = (expression: string): number => {
  const task = cron.createTask(expression, () => {});
  try {
    const runs = task.getNextRuns(100).map((date) => date.getTime());
    let longest = 0;
    for (let i = 1; i < runs.length; i += 1) longest = Math.max(longest, (runs[i] ?? 0) - (runs[i - 1] ?? 0));
    return longest;
  } finally {
    void task.destroy();
  }
};

const nodeCron: Scheduler = (expression, fn, options) => cron.schedule(expression, fn, options);

/** Runs the job on the schedule, never two rounds at once. Returns a stop function. */
export const scheduleScan = ({
  expression,
  job,
  scheduler = nodeCron,
}: {
  expression: string;
  job: ScanJob;
  scheduler?: Scheduler;
}): { stop: () => Promise<void> } => {
  const task = scheduler(expression, () => job.run(), { noOverlap: true, name: 'exitcode-scan' });
  return {
    stop: async () => {
      await task.stop();
    },
  };
};
