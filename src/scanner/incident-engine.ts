/**
 * The scanner's incident engine: the watch feeds it pods, it keeps the incident ledger, and, while
 * this replica leads, it diagnoses each new incident once and posts through the rate-limited queue.
 *
 * Exactly-once announcements: an announcement is written to the ledger as `posting` (a conditional
 * write that fails for a deposed leader) before it is posted, and as the message after. A replica
 * taking over reads the ledger, claims it with a write, re-queues whatever was pending, and
 * reconciles everything its own watch sees: crashes the old leader never recorded are announced then.
 */
import type { Logger } from 'pino';
import type { Diagnosis } from '../diagnosis/types.ts';
import { scopeKey } from '../incidents/key.ts';
import type { LedgerRecord, LedgerStore } from '../incidents/ledger.ts';
import { boundLedger } from '../incidents/ledger.ts';
import {
  checkResolution,
  type Ledger,
  noteAlert,
  observeCrash,
  openIncident,
  type Transition,
  applyCause,
  matchingIncident,
} from '../incidents/machine.ts';
import type { IncidentCause, IncidentScope, IncidentSettings, WorkloadRef } from '../incidents/types.ts';
import { renderDigest, renderIncidentNote } from '../slack/blocks/incident.ts';
import type { SlackGateway } from '../slack/gateway.ts';
import type { PostQueue } from '../slack/post-queue.ts';
import { createSlots } from '../slots.ts';
import type { IncidentRenderer } from './incident-posts.ts';
import type { PodIndex } from './pod-index.ts';
import { containerFailure, type WatchedPod } from './watched-pod.ts';

export interface ScannerSettings extends IncidentSettings {
  /** Restarts before a crash-looping container is announced (failures without a restart count at once). */
  minRestarts: number;
  /** A terminated failure older than this (a Job pod left behind) is history, not news. */
  staleFailureMs: number;
  /** An open incident is diagnosed again at most this often when it keeps crashing (to notice a changed cause). */
  rediagnoseMs: number;
  /** Incidents kept in memory (the durable form has its own byte budget). */
  maxIncidents: number;
  /** Diagnoses run at once. */
  diagnoseConcurrency: number;
}

export interface AlertInput {
  alertname: string;
  namespace: string;
  pod?: string;
  container?: string;
  job?: string;
  firing: boolean;
}

export type AlertOutcome = 'noted' | 'opening' | 'no-pod' | 'not-leader';

export interface IncidentEngine {
  synced(target: string, pods: WatchedPod[]): void;
  upsert(pod: WatchedPod): void;
  remove(uid: string): void;
  /** Call after each leadership renewal with its result. */
  leading(leading: boolean): Promise<void>;
  isLeader(): boolean;
  resolve(): void;
  reconcile(): void;
  alert(input: AlertInput): Promise<AlertOutcome>;
  digest(channel: string): void;
  ledger(): Ledger;
  /** Resolves when no diagnosis, post or ledger write is pending (tests, bench, shutdown). */
  idle(): Promise<void>;
}

const announced = (announce: unknown): announce is { channel: string; ts: string } =>
  typeof announce === 'object' && announce !== null && 'ts' in announce;

export const causeOf = (diagnosis: Diagnosis, container: string): IncidentCause | undefined => {
  const top = diagnosis.containers.find((c) => c.container === container) ?? diagnosis.containers[0];
  if (!top) return undefined;
  const { best } = top.classification;
  return { category: best.category, title: best.title, confidence: best.confidence };
};

export const createIncidentEngine = (deps: {
  cluster: string;
  holder: string;
  settings: ScannerSettings;
  channelFor: (namespace: string) => string;
  diagnose: (request: { namespace: string; pod: string; container: string }) => Promise<Diagnosis>;
  renderer: IncidentRenderer;
  slack: Pick<SlackGateway, 'post' | 'update' | 'incidentPost'>;
  queue: PostQueue;
  store: LedgerStore;
  index: PodIndex;
  workloadIgnored?: (namespace: string, workload: WorkloadRef) => Promise<boolean>;
  now: () => Date;
  logger: Logger;
}): IncidentEngine => {
  const { settings, index, queue, store, logger, holder } = deps;
  let ledger: Ledger = {};
  let record: LedgerRecord | undefined;
  let isLeading = false;
  const diagnosing = new Map<string, Promise<void>>();
  const lastDiagnosed = new Map<string, number>();
  const withSlot = createSlots(settings.diagnoseConcurrency);

  // ---- the ledger's conditional writes, coalesced: at most one in flight and one queued.
  let queuedWrite: Promise<boolean> | undefined;
  let writeTail: Promise<unknown> = Promise.resolve();
  // Conditional, so safe even just after stepping down: a replica that took over makes it conflict.
  const writeNow = async (): Promise<boolean> => {
    const result = await store.write({ ledger, previous: record, holder, now: deps.now() });
    if (result === 'conflict') {
      logger.warn('another replica wrote the incident ledger: no longer announcing');
      stepDown();
      return false;
    }
    record = result;
    return true;
  };
  const persist = (): Promise<boolean> => {
    if (queuedWrite) return queuedWrite;
    const write = writeTail.then(() => {
      queuedWrite = undefined;
      return writeNow();
    });
    queuedWrite = write;
    writeTail = write.catch(() => undefined);
    return write;
  };

  const stepDown = (): void => {
    isLeading = false;
    queue.clear();
  };

  /**
   * A `posting` left in the ledger (a leader died between posting and recording, or a post of ours
   * failed after it may have landed): the channel is asked first, and a message found is recorded and
   * brought up to date instead of posting a second one. Unreadable history is retried, never guessed.
   */
  const adoptEarlierPost = async (key: string): Promise<boolean> => {
    const incident = ledger[key];
    const earlier = incident?.announce;
    if (!incident || typeof earlier !== 'object' || !('posting' in earlier)) return false;
    const sinceMs = Date.parse(earlier.since ?? incident.firstSeen);
    let ts: string | undefined;
    try {
      ts = await deps.slack.incidentPost({ channel: incident.channel, incident: key, sinceMs });
    } catch (error) {
      throw Object.assign(error instanceof Error ? error : new Error(String(error)), { retryAfter: 5 });
    }
    if (!ts || !isLeading || ledger[key] === undefined) return false;
    logger.info({ incident: key, ts }, "found the previous leader's post in the channel; not posting again");
    ledger = {
      ...ledger,
      [key]: { ...(ledger[key] as NonNullable<Ledger[string]>), announce: { channel: incident.channel, ts } },
    };
    await persist();
    queue.enqueue(updateJob(key));
    return true;
  };

  // ---- effects become queued Slack jobs.
  const announceJob = (key: string) => ({
    channel: ledger[key]?.channel ?? '',
    priority: 'new' as const,
    coalesceKey: `announce:${key}`,
    run: async () => {
      if (!isLeading || ledger[key] === undefined || announced(ledger[key]?.announce)) return;
      if (await adoptEarlierPost(key)) return;
      const since = deps.now().toISOString();
      ledger = {
        ...ledger,
        [key]: { ...(ledger[key] as NonNullable<Ledger[string]>), announce: { posting: holder, since } },
      };
      let written: boolean;
      try {
        written = await persist();
      } catch (error) {
        // The ledger could not be written: retried by the queue after a pause, never posted unrecorded.
        throw Object.assign(error instanceof Error ? error : new Error(String(error)), { retryAfter: 5 });
      }
      const incident = ledger[key];
      // Stepped down meanwhile: `posting` stays in the ledger and the next leader announces it.
      if (!written || !incident || !isLeading) return;
      const message = await deps.renderer.render(incident);
      if (!message) return;
      const ts = await deps.slack.post({ channel: incident.channel, ...message });
      if (!ts) throw new Error('Slack returned no message ts');
      const current = ledger[key];
      if (current) ledger = { ...ledger, [key]: { ...current, announce: { channel: incident.channel, ts } } };
      await persist();
    },
  });
  const updateJob = (key: string) => ({
    channel: ledger[key]?.channel ?? '',
    priority: 'update' as const,
    coalesceKey: `update:${key}`,
    run: async () => {
      const incident = ledger[key];
      if (!isLeading || !incident || !announced(incident.announce)) return;
      const message = await deps.renderer.render(incident);
      if (message)
        await deps.slack.update({ channel: incident.announce.channel, ts: incident.announce.ts, ...message });
    },
  });

  const apply = (transition: Transition): void => {
    ledger = transition.ledger;
    if (Object.keys(ledger).length > settings.maxIncidents) {
      const kept = boundLedger(ledger, settings.maxIncidents);
      for (const key of Object.keys(ledger)) if (!(key in kept)) deps.renderer.forget(key);
      ledger = kept;
    }
    for (const effect of transition.effects) {
      if (effect.kind === 'announce') queue.enqueue(announceJob(effect.key));
      else if (effect.kind === 'update') queue.enqueue(updateJob(effect.key));
      else {
        const { note, key } = effect;
        queue.enqueue({
          channel: ledger[key]?.channel ?? '',
          priority: 'update',
          run: async () => {
            const incident = ledger[key];
            if (!isLeading || !incident || !announced(incident.announce)) return;
            await deps.slack.post({
              channel: incident.announce.channel,
              threadTs: incident.announce.ts,
              ...renderIncidentNote({ note, incident }),
            });
          },
        });
      }
    }
    if (transition.effects.length > 0)
      void persist().catch((error: unknown) => logger.warn({ err: error }, 'could not write the incident ledger'));
  };

  // ---- diagnosing a scope's first crash (once at a time per scope), then opening its incident.
  const diagnoseScope = (
    scope: IncidentScope,
    pod: string,
    restarts: number,
    at: string | undefined,
    key?: string,
  ): void => {
    const id = key ?? scopeKey(scope);
    if (diagnosing.has(id)) return;
    const work = withSlot(async () => {
      if (deps.workloadIgnored && (await deps.workloadIgnored(scope.namespace, scope.workload))) return;
      const diagnosis = await deps.diagnose({ namespace: scope.namespace, pod, container: scope.container });
      const cause = causeOf(diagnosis, scope.container);
      if (!isLeading || diagnosis.healthy || !cause) return;
      lastDiagnosed.set(id, deps.now().getTime());
      if (key !== undefined) {
        deps.renderer.remember(key, diagnosis);
        apply(applyCause({ ledger, key, cause }));
        return;
      }
      const opened = openIncident({
        ledger,
        scope,
        cause,
        pod,
        restarts,
        ...(at ? { at } : {}),
        now: deps.now(),
        channel: deps.channelFor(scope.namespace),
        settings,
      });
      deps.renderer.remember(opened.key, diagnosis);
      apply(opened);
      // Pods of the scope seen while it was being diagnosed were not counted: count them now.
      for (const other of index.workloadPods(scope.namespace, scope.workload.kind, scope.workload.name)) {
        if (other.name !== pod) consider(other);
      }
    })
      .catch((error: unknown) => {
        logger.warn(
          { err: error, namespace: scope.namespace, pod, code: (error as { code?: string }).code },
          'scanner could not diagnose',
        );
      })
      .finally(() => diagnosing.delete(id));
    diagnosing.set(id, work);
  };

  const consider = (pod: WatchedPod): void => {
    if (!isLeading || pod.ignored) return;
    const now = deps.now();
    for (const container of pod.containers) {
      const failure = containerFailure(container);
      if (!failure) continue;
      if (!failure.withoutRestart && failure.restarts < settings.minRestarts) continue;
      if (
        container.state === 'terminated' &&
        failure.at &&
        now.getTime() - Date.parse(failure.at) > settings.staleFailureMs
      )
        continue;
      const scope: IncidentScope = {
        cluster: deps.cluster,
        namespace: pod.namespace,
        workload: pod.workload,
        container: container.name,
      };
      const step = observeCrash({
        ledger,
        scope,
        pod: pod.name,
        restarts: failure.restarts,
        ...(failure.at ? { at: failure.at } : {}),
        now,
        settings,
      });
      if (step.needsDiagnosis) {
        diagnoseScope(scope, pod.name, failure.restarts, failure.at);
        continue;
      }
      apply(step);
      // Still crashing: a fresh diagnosis now and then notices a changed cause.
      const incident = matchingIncident({ ledger, scope, now, settings });
      if (
        incident &&
        step.effects.length > 0 &&
        now.getTime() - (lastDiagnosed.get(incident.key) ?? 0) >= settings.rediagnoseMs
      ) {
        diagnoseScope(scope, pod.name, failure.restarts, failure.at, incident.key);
      }
    }
  };

  const reconcile = (): void => {
    if (!isLeading) return;
    for (const [key, incident] of Object.entries(ledger)) {
      if (!announced(incident.announce)) queue.enqueue(announceJob(key));
    }
    for (const pod of index.all()) consider(pod);
  };

  return {
    synced: (target, pods) => {
      for (const pod of index.replace(target, pods)) consider(pod);
    },
    upsert: (pod) => {
      if (index.upsert(pod)) consider(pod);
    },
    remove: (uid) => index.remove(uid),
    isLeader: () => isLeading,
    leading: async (leads) => {
      if (!leads) {
        if (isLeading) stepDown();
        return;
      }
      if (isLeading) return;
      // Taking over: the ledger as the last leader left it, claimed by a write before anything is posted.
      const read = await store.read();
      const claimed = await store.write({ ledger: read?.ledger ?? {}, previous: read, holder, now: deps.now() });
      if (claimed === 'conflict') return;
      record = claimed;
      ledger = claimed.ledger;
      isLeading = true;
      // `posting` by a replica that is gone is kept: its announce job looks for that post first.
      logger.info({ incidents: Object.keys(ledger).length }, 'announcing incidents from this replica');
      reconcile();
    },
    resolve: () => {
      if (isLeading) apply(checkResolution({ ledger, now: deps.now(), settings, healthySince: index.healthySince }));
    },
    reconcile,
    alert: async (input) => {
      if (!isLeading) return 'not-leader';
      const pod =
        (input.pod ? index.byName(input.namespace, input.pod) : undefined) ??
        (input.job ? index.workloadPods(input.namespace, 'Job', input.job)[0] : undefined);
      if (!pod) return 'no-pod';
      const failing = pod.containers.find((c) => containerFailure(c) !== undefined);
      const container = input.container ?? failing?.name ?? pod.containers.find((c) => !c.init)?.name;
      if (!container) return 'no-pod';
      const scope: IncidentScope = {
        cluster: deps.cluster,
        namespace: pod.namespace,
        workload: pod.workload,
        container,
      };
      const incident = matchingIncident({ ledger, scope, now: deps.now(), settings });
      if (incident) {
        apply(noteAlert({ ledger, key: incident.key, alert: input.alertname, firing: input.firing }));
        return 'noted';
      }
      if (!input.firing) return 'noted';
      const status = pod.containers.find((c) => c.name === container);
      diagnoseScope(scope, pod.name, status?.restartCount ?? 0, status?.last?.finishedAt);
      // Not awaited: Alertmanager's webhook call must not wait for a diagnosis.
      void diagnosing.get(scopeKey(scope))?.then(() => {
        const opened = matchingIncident({ ledger, scope, now: deps.now(), settings });
        if (opened && isLeading) apply(noteAlert({ ledger, key: opened.key, alert: input.alertname, firing: true }));
      });
      return 'opening';
    },
    digest: (channel) => {
      if (!isLeading) return;
      const message = renderDigest({ incidents: Object.values(ledger), now: deps.now().toISOString() });
      queue.enqueue({
        channel,
        priority: 'update',
        run: async () => void (await deps.slack.post({ channel, ...message })),
      });
    },
    ledger: () => ledger,
    idle: async () => {
      for (;;) {
        await Promise.allSettled([...diagnosing.values()]);
        await queue.idle();
        await writeTail;
        if (diagnosing.size === 0 && queue.size() === 0 && queuedWrite === undefined) return;
      }
    },
  };
};
