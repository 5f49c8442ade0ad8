/**
 * How often a container crashes. Not a cause, so not a rule: a restart rate never explains a crash,
 * but it tells the on-call how urgent it is and when it started, so diagnose puts it on the timeline
 * and in the headline. Pure: the observation time comes with the facts, not from a clock.
 */
import type { ContainerFacts, EventFact } from './types.ts';
import { formatDuration, timeOf } from './format.ts';

export interface CrashFrequency {
  restartCount: number;
  /** Earliest sign of trouble: the first BackOff/crash event, else the container's oldest known start. */
  since?: string;
  /** Restarts per hour over [since, observedAt]; undefined when the window is unknown or under a minute. */
  perHour?: number;
  /** True when the kubelet is waiting before the next restart (CrashLoopBackOff). */
  backingOff: boolean;
  /** One sentence: "Restarted 14 times in 2 h 10 min (about 6.5 per hour); now in CrashLoopBackOff." */
  summary: string;
}

const CRASH_EVENT = /^(BackOff|Failed|Unhealthy|Killing|OOMKilling)$/;

export const crashFrequency = (input: {
  container: ContainerFacts;
  events: EventFact[];
  observedAt?: string;
  /** The pod's creation time: the lower bound when no event reaches further back. */
  podCreatedAt?: string;
}): CrashFrequency => {
  const { container, events, observedAt, podCreatedAt } = input;
  const restartCount = container.restartCount;
  const backingOff = container.state.kind === 'waiting' && container.state.reason === 'CrashLoopBackOff';
  const mine = events.filter(
    (e) => e.type === 'Warning' && CRASH_EVENT.test(e.reason) && (!e.container || e.container === container.name),
  );
  // The last instance's start only bounds the latest restart, so it is a lower bound for one restart only.
  const lastStart =
    restartCount <= 1 && container.lastState?.kind === 'terminated' ? timeOf(container.lastState.startedAt) : undefined;
  const candidates = [...mine.map((e) => timeOf(e.firstSeen)), lastStart].filter((t): t is number => t !== undefined);
  // With restarts but no dated event, the pod's creation is the only honest lower bound.
  if (candidates.length === 0 && restartCount > 0) {
    const created = timeOf(podCreatedAt);
    if (created !== undefined) candidates.push(created);
  }
  const sinceMs = candidates.length > 0 ? Math.min(...candidates) : undefined;
  const now = timeOf(observedAt);
  const windowMs = sinceMs !== undefined && now !== undefined ? now - sinceMs : undefined;
  const perHour =
    windowMs !== undefined && windowMs >= 60_000 && restartCount > 0
      ? Math.round((restartCount / (windowMs / 3_600_000)) * 10) / 10
      : undefined;

  const times = restartCount === 1 ? 'once' : `${restartCount} times`;
  let summary =
    restartCount === 0
      ? 'Not restarted yet'
      : windowMs !== undefined && windowMs >= 60_000
        ? `Restarted ${times} in ${formatDuration(windowMs)} (about ${perHour} per hour)`
        : `Restarted ${times}`;
  summary += backingOff ? '; now in CrashLoopBackOff.' : '.';
  return {
    restartCount,
    ...(sinceMs !== undefined ? { since: new Date(sinceMs).toISOString() } : {}),
    ...(perHour !== undefined ? { perHour } : {}),
    backingOff,
    summary,
  };
};
