/**
 * The incident scanner's wiring: the pod list-watch feeds the engine; node-cron keeps the periodic
 * work (resolution checks, a reconciliation safety net over what the watch holds, and the optional
 * daily digest) and a plain timer renews leadership. Everything outside is injected, so tests fire
 * the jobs themselves.
 */
import type { Logger } from 'pino';
import type { LeaseStore } from '../cluster/lease-store.ts';
import type { PodWatch, PodWatchOptions } from '../cluster/watch-pods.ts';
import type { LedgerStore } from '../incidents/ledger.ts';
import type { Diagnosis } from '../diagnosis/types.ts';
import type { WorkloadRef } from '../incidents/types.ts';
import type { Button } from '../slack/extension.ts';
import type { SlackGateway } from '../slack/gateway.ts';
import { createPostQueue, type PostQueue } from '../slack/post-queue.ts';
import { createIncidentEngine, type IncidentEngine, type ScannerSettings } from './incident-engine.ts';
import { createIncidentRenderer } from './incident-posts.ts';
import { createLeadership } from './leadership.ts';
import { createPodIndex } from './pod-index.ts';
import { realScheduler, type Scheduler } from './schedule.ts';

export const SCANNER_DEFAULTS: ScannerSettings = {
  resolveAfterMs: 10 * 60_000,
  reopenWithinMs: 60 * 60_000,
  maxPodNames: 20,
  minRestarts: 3,
  staleFailureMs: 60 * 60_000,
  rediagnoseMs: 15 * 60_000,
  maxIncidents: 1000,
  diagnoseConcurrency: 4,
};

export interface CronPlan {
  resolve: string;
  reconcile: string;
  /** Daily digest of open incidents; off when undefined. */
  digest?: string;
}

export const CRON_DEFAULTS: CronPlan = { resolve: '*/30 * * * * *', reconcile: '*/5 * * * *' };
/**
 * The scanner's Lease lasts 30 s and is renewed every 10 s, a third of it, so two missed renewals still
 * hold it (client-go's elector renews a 15 s Lease every 2 s; a crash announcer can afford a slower
 * failover, and each renewal wakes every replica).
 */
export const LEADERSHIP_SECONDS = 30;
export const RENEW_EVERY_MS = 10_000;

export interface IncidentScanner {
  engine: IncidentEngine;
  watch: PodWatch;
  queue: PostQueue;
  /** One leadership round (what the renew job runs). */
  renew(): Promise<boolean>;
  /** One reconciliation (what the reconcile job runs). */
  reconcile(): Promise<void>;
  /** Hands over: stops posting, finishes the message in flight and its ledger write, frees the Lease. */
  stop(): Promise<void>;
}

export const startIncidentScanner = ({
  watchPods,
  watchOptions,
  cluster,
  holder,
  settings = SCANNER_DEFAULTS,
  plan = CRON_DEFAULTS,
  channelFor,
  digestChannel,
  diagnose,
  extraButtons,
  slack,
  leases,
  leaseNamespace,
  lockName,
  ledger,
  workloadIgnored,
  now = () => new Date(),
  logger,
  scheduler = realScheduler,
  queue = createPostQueue({
    onFailed: (_job, error) =>
      logger.warn({ err: error, code: (error as { code?: string }).code }, 'scanner could not post to Slack'),
  }),
}: {
  watchPods: (options: PodWatchOptions) => PodWatch;
  watchOptions: Omit<PodWatchOptions, 'handlers'>;
  cluster: string;
  holder: string;
  settings?: ScannerSettings;
  plan?: CronPlan;
  channelFor: (namespace: string) => string;
  digestChannel?: string;
  diagnose: (request: { namespace: string; pod: string; container: string }) => Promise<Diagnosis>;
  extraButtons?: (diagnosis: Diagnosis, channel: string) => Promise<Button[]>;
  slack: Pick<SlackGateway, 'post' | 'update' | 'message' | 'incidentPost'>;
  leases: Pick<LeaseStore, 'createLease' | 'readLease' | 'replaceLease'>;
  leaseNamespace: string;
  lockName: string;
  ledger: LedgerStore;
  workloadIgnored?: (namespace: string, workload: WorkloadRef) => Promise<boolean>;
  now?: () => Date;
  logger: Logger;
  scheduler?: Scheduler;
  queue?: PostQueue;
}): IncidentScanner => {
  const index = createPodIndex();
  const renderer = createIncidentRenderer({ diagnose, ...(extraButtons ? { extraButtons } : {}), slack, now });
  const engine = createIncidentEngine({
    cluster,
    holder,
    settings,
    channelFor,
    diagnose,
    renderer,
    slack,
    queue,
    store: ledger,
    index,
    ...(workloadIgnored ? { workloadIgnored } : {}),
    now,
    logger,
  });
  const watch = watchPods({
    ...watchOptions,
    handlers: {
      synced: (target, pods) => engine.synced(target, pods),
      upsert: (pod) => engine.upsert(pod),
      remove: (pod) => engine.remove(pod.uid),
      failed: (target, error) =>
        logger.warn(
          { err: error, namespace: target, code: (error as { code?: string }).code },
          'pod watch failed; retrying',
        ),
    },
  });
  const leadership = createLeadership({
    leases,
    namespace: leaseNamespace,
    name: lockName,
    holder,
    durationSeconds: LEADERSHIP_SECONDS,
    now,
  });
  // One renewal at a time (the first one at start-up can meet a scheduled one): two at once would
  // race each other's conditional writes and step down a replica that does lead.
  let renewing: Promise<boolean> | undefined;
  const renew = (): Promise<boolean> => {
    renewing ??= renewOnce().finally(() => {
      renewing = undefined;
    });
    return renewing;
  };
  const renewOnce = async (): Promise<boolean> => {
    let leads = false;
    try {
      leads = await leadership.renew();
    } catch (error) {
      logger.warn(
        { err: error, code: (error as { code?: string }).code },
        'scanner could not renew its Lease; not announcing',
      );
    }
    try {
      await engine.leading(leads);
    } catch (error) {
      logger.warn(
        { err: error, code: (error as { code?: string }).code },
        'scanner could not read or claim the incident ledger',
      );
    }
    return engine.isLeader();
  };
  /**
   * The safety net: everything the watch holds checked against the ledger again (a lost event, a
   * failed post), after a renewal if this replica does not lead yet. Resolves when its posts are done.
   */
  const reconcile = async (): Promise<void> => {
    await watch.ready;
    if (!engine.isLeader()) await renew();
    engine.reconcile();
    await engine.idle();
  };
  const tasks = [
    scheduler.every(RENEW_EVERY_MS, renew),
    scheduler.cron(plan.resolve, async () => engine.resolve(), { noOverlap: true, name: 'exitcode-scan-resolve' }),
    ...(plan.digest && digestChannel
      ? [
          scheduler.cron(plan.digest, async () => engine.digest(digestChannel), {
            noOverlap: true,
            name: 'exitcode-scan-digest',
          }),
        ]
      : []),
    scheduler.cron(plan.reconcile, reconcile, { noOverlap: true, name: 'exitcode-scan-reconcile' }),
  ];
  // The first renewal now, not at the first tick: a lone replica starts announcing at once.
  void watch.ready.then(renew);
  return {
    engine,
    watch,
    queue,
    renew,
    reconcile,
    stop: async () => {
      for (const task of tasks) await task.stop();
      const wasLeading = engine.isLeader();
      await engine.leading(false);
      await engine.idle();
      if (wasLeading) {
        await leadership.release().catch((error: unknown) => {
          logger.warn({ err: error, code: (error as { code?: string }).code }, 'could not release the scanner Lease');
        });
      }
      await watch.stop();
    },
  };
};
