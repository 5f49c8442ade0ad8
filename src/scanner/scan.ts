/**
 * The scanner's decision (pure): given the pods listed this round and what was already reported, which
 * containers are crash-looping and worth a diagnosis now. No clock, no I/O: `now` and the memory of
 * past reports come in, the next memory goes out.
 */
import type { ContainerFacts, PodFacts } from '../diagnosis/types.ts';

export interface ScanOptions {
  /** A terminated-with-failure container counts as crashing only if it ended this recently. */
  recentMs: number;
  /** A container already reported is reported again only after this long AND more restarts. */
  renotifyMs: number;
  /** At most this many reports per round, so a cluster-wide outage does not flood the channel. */
  maxPerScan: number;
}

export const SCAN_DEFAULTS: ScanOptions = { recentMs: 15 * 60_000, renotifyMs: 6 * 3_600_000, maxPerScan: 10 };

export type CrashSignal = 'crash-loop' | 'restarted' | 'failed';

export interface ScanCandidate {
  namespace: string;
  pod: string;
  podUid: string;
  container: string;
  init: boolean;
  restartCount: number;
  signal: CrashSignal;
  /** When the last failure ended (ISO 8601), when known. */
  lastCrashAt?: string;
}

/** What was reported, per pod uid + container. */
export interface Reported {
  restartCount: number;
  at: string;
}
export type ScanMemory = Record<string, Reported>;

export interface ScanResult {
  /** Containers to diagnose and post now, most recent crash first. */
  report: ScanCandidate[];
  /** Crashing but not reported: already reported (nothing new) or over the per-round cap. */
  suppressed: number;
  /** Pass to the next round (entries of pods that no longer exist are dropped). */
  memory: ScanMemory;
}

export const memoryKey = (candidate: Pick<ScanCandidate, 'podUid' | 'container'>): string =>
  `${candidate.podUid}/${candidate.container}`;

const failedTermination = (
  state: ContainerFacts['state'] | undefined,
): state is Extract<ContainerFacts['state'], { kind: 'terminated' }> =>
  state?.kind === 'terminated' && (state.exitCode !== 0 || state.reason === 'OOMKilled');

const ageMs = (at: string | undefined, now: Date): number => {
  const time = at === undefined ? Number.NaN : Date.parse(at);
  return Number.isNaN(time) ? Number.POSITIVE_INFINITY : now.getTime() - time;
};

/** Why this container looks like it is crashing, or undefined when it does not. */
export const crashSignal = (
  container: ContainerFacts,
  { now, recentMs, previousRestarts }: { now: Date; recentMs: number; previousRestarts?: number },
): { signal: CrashSignal; lastCrashAt?: string } | undefined => {
  const last = failedTermination(container.lastState) ? container.lastState : undefined;
  const current = failedTermination(container.state) ? container.state : undefined;
  const lastCrashAt = current?.finishedAt ?? last?.finishedAt;
  const at = lastCrashAt === undefined ? {} : { lastCrashAt };
  if (container.state.kind === 'waiting' && container.state.reason === 'CrashLoopBackOff')
    return { signal: 'crash-loop', ...at };
  // A restart since the last round that ended in a failure: crashing, even if the backoff has not kicked in.
  if (previousRestarts !== undefined && container.restartCount > previousRestarts && last)
    return { signal: 'restarted', ...at };
  // A failure that ended recently: a container between restarts, or a Job pod that will not restart.
  if (current && ageMs(current.finishedAt, now) <= recentMs) return { signal: 'failed', ...at };
  if (last && container.restartCount > 0 && ageMs(last.finishedAt, now) <= recentMs)
    return { signal: 'restarted', ...at };
  return undefined;
};

/**
 * One round. `seen` is the restart count seen last round per key (to notice restarts between rounds
 * even when the termination is older than `recentMs`); it is kept in the memory with `at: ''`.
 */
export const scanPods = ({
  pods,
  memory,
  now,
  options = SCAN_DEFAULTS,
}: {
  pods: PodFacts[];
  memory: ScanMemory;
  now: Date;
  options?: ScanOptions;
}): ScanResult => {
  const crashing: ScanCandidate[] = [];
  const next: ScanMemory = {};
  let suppressed = 0;
  for (const pod of pods) {
    for (const container of [...pod.initContainers, ...pod.containers]) {
      const key = memoryKey({ podUid: pod.uid, container: container.name });
      const before = memory[key];
      const found = crashSignal(container, { now, recentMs: options.recentMs, previousRestarts: before?.restartCount });
      if (!found) {
        // Remember reports (for the re-notify window) and counts (to notice the next restart).
        next[key] = before?.at ? before : { restartCount: container.restartCount, at: '' };
        continue;
      }
      const candidate: ScanCandidate = {
        namespace: pod.namespace,
        pod: pod.name,
        podUid: pod.uid,
        container: container.name,
        init: container.init,
        restartCount: container.restartCount,
        signal: found.signal,
        ...(found.lastCrashAt === undefined ? {} : { lastCrashAt: found.lastCrashAt }),
      };
      const reportedBefore = before?.at ? before : undefined;
      const isNew =
        reportedBefore === undefined ||
        (container.restartCount > reportedBefore.restartCount && ageMs(reportedBefore.at, now) >= options.renotifyMs);
      if (isNew) crashing.push(candidate);
      else suppressed += 1;
      next[key] = reportedBefore ?? { restartCount: container.restartCount, at: '' };
    }
  }
  crashing.sort((a, b) => (b.lastCrashAt ?? '').localeCompare(a.lastCrashAt ?? ''));
  // One report per pod: its diagnosis covers every failing container.
  const perPod = new Set<string>();
  const report: ScanCandidate[] = [];
  for (const candidate of crashing) {
    if (perPod.has(candidate.podUid) || report.length >= options.maxPerScan) {
      suppressed += 1;
      continue;
    }
    perPod.add(candidate.podUid);
    report.push(candidate);
  }
  // Every crashing container of a reported pod counts as reported (its diagnosis covered it).
  for (const candidate of crashing) {
    if (!perPod.has(candidate.podUid)) continue;
    next[memoryKey(candidate)] = { restartCount: candidate.restartCount, at: now.toISOString() };
  }
  return { report, suppressed, memory: next };
};
