/**
 * The incident state machine (pure: no clock, no I/O; `now` comes in, effects go out).
 *
 *   (no incident) --crash, diagnosed--> open --every pod healthy for resolveAfterMs--> resolved
 *   resolved --crash within reopenWithinMs--> open again, same incident, `reopened` + 1 (no new message)
 *   resolved --crash later--> a new incident
 *
 * Hysteresis both ways: resolving waits for a sustained healthy period, and a flapping workload
 * re-opens its incident (an update and a thread note) instead of being announced again.
 */
import { incidentKey, scopeKey, scopeOfKey } from './key.ts';
import type { Incident, IncidentCause, IncidentEffect, IncidentScope, IncidentSettings } from './types.ts';

export type Ledger = Record<string, Incident>;

export interface Transition {
  ledger: Ledger;
  effects: IncidentEffect[];
}

const ms = (iso: string | undefined): number => (iso === undefined ? Number.NaN : Date.parse(iso));
const later = (a: string, b: string): string => (ms(b) > ms(a) ? b : a);

/** The incident a crash in this scope belongs to: open, or resolved recently enough to re-open. */
export const matchingIncident = ({
  ledger,
  scope,
  now,
  settings,
}: {
  ledger: Ledger;
  scope: IncidentScope;
  now: Date;
  settings: IncidentSettings;
}): Incident | undefined => {
  const wanted = scopeKey(scope);
  let best: Incident | undefined;
  for (const incident of Object.values(ledger)) {
    if (scopeOfKey(incident.key) !== wanted) continue;
    const live = incident.status === 'open' || now.getTime() - ms(incident.resolvedAt) <= settings.reopenWithinMs;
    if (!live) continue;
    if (best === undefined || ms(incident.firstSeen) > ms(best.firstSeen)) best = incident;
  }
  return best;
};

/** A pod's crash counted on an incident: named first, restarts counted once per pod at their highest. */
const withPod = (
  incident: Incident,
  { pod, restarts, maxPodNames }: { pod: string; restarts: number; maxPodNames: number },
): Incident => {
  const before = incident.pods[pod];
  const known = before !== undefined;
  const rest = Object.entries(incident.pods).filter(([name]) => name !== pod);
  const highest = Math.max(before ?? 0, restarts);
  const pods = Object.fromEntries([[pod, highest], ...rest].slice(0, maxPodNames));
  return {
    ...incident,
    pods,
    // A pod no longer named (bounded) that comes back counts again: an over-count, never an under-count.
    podCount: incident.podCount + (known ? 0 : 1),
    restarts: incident.restarts + (known ? highest - (before ?? 0) : highest),
  };
};

const changed = (a: Incident, b: Incident): boolean =>
  a.podCount !== b.podCount || a.restarts !== b.restarts || a.lastCrash !== b.lastCrash;

/**
 * A crash seen by a source (watch or alert). When it belongs to an incident, the incident changes;
 * when it does not, `needsDiagnosis` says a cause must be found first (then call openIncident).
 */
export const observeCrash = ({
  ledger,
  scope,
  pod,
  restarts,
  at,
  now,
  settings,
}: {
  ledger: Ledger;
  scope: IncidentScope;
  pod: string;
  restarts: number;
  /** When the crash happened (ISO); `now` when unknown. */
  at?: string;
  now: Date;
  settings: IncidentSettings;
}): Transition & { needsDiagnosis: boolean } => {
  const incident = matchingIncident({ ledger, scope, now, settings });
  if (incident === undefined) return { ledger, effects: [], needsDiagnosis: true };
  const crashAt = at ?? now.toISOString();
  let next = withPod(incident, { pod, restarts, maxPodNames: settings.maxPodNames });
  next = { ...next, lastCrash: later(incident.lastCrash, crashAt) };
  const effects: IncidentEffect[] = [];
  if (incident.status === 'resolved') {
    // Only a crash AFTER the resolution re-opens: an old termination still on a pod does not.
    if (!(ms(crashAt) > ms(incident.resolvedAt))) return { ledger, effects, needsDiagnosis: false };
    const { resolvedAt: _resolved, ...open } = next;
    next = { ...open, status: 'open', reopened: incident.reopened + 1 };
    effects.push({ kind: 'update', key: incident.key });
    effects.push({ kind: 'note', key: incident.key, note: { kind: 'reopened', count: next.reopened } });
  } else if (changed(incident, next)) {
    effects.push({ kind: 'update', key: incident.key });
  } else {
    // Nothing new (a resync, a status change that is not a crash): the same ledger, no allocation.
    return { ledger, effects, needsDiagnosis: false };
  }
  return { ledger: { ...ledger, [incident.key]: next }, effects, needsDiagnosis: false };
};

/** A cause that differs from the incident's current one: shown on the message, noted in the thread. */
export const applyCause = ({
  ledger,
  key,
  cause,
  maxCauses = 10,
}: {
  ledger: Ledger;
  key: string;
  cause: IncidentCause;
  maxCauses?: number;
}): Transition => {
  const incident = ledger[key];
  if (incident === undefined || incident.cause.category === cause.category) {
    // Same category: a sharper title or confidence is kept without a note.
    if (incident && incident.cause.title !== cause.title)
      return { ledger: { ...ledger, [key]: { ...incident, cause } }, effects: [{ kind: 'update', key }] };
    return { ledger, effects: [] };
  }
  const causes = [...incident.causes, cause.category].slice(-maxCauses);
  return {
    ledger: { ...ledger, [key]: { ...incident, cause, causes } },
    effects: [
      { kind: 'update', key },
      { kind: 'note', key, note: { kind: 'cause-changed', from: incident.cause.title, to: cause.title } },
    ],
  };
};

/**
 * After diagnosing the first crash of a scope: opens the incident (announce), or, when another crash
 * of the scope opened one meanwhile, joins it (and changes its cause when the diagnosis differs).
 */
export const openIncident = ({
  ledger,
  scope,
  cause,
  pod,
  restarts,
  at,
  now,
  channel,
  settings,
}: {
  ledger: Ledger;
  scope: IncidentScope;
  cause: IncidentCause;
  pod: string;
  restarts: number;
  at?: string;
  now: Date;
  channel: string;
  settings: IncidentSettings;
}): Transition & { key: string } => {
  const existing = matchingIncident({ ledger, scope, now, settings });
  if (existing !== undefined) {
    const joined = observeCrash({ ledger, scope, pod, restarts, ...(at ? { at } : {}), now, settings });
    const caused = applyCause({ ledger: joined.ledger, key: existing.key, cause });
    return { ledger: caused.ledger, effects: [...joined.effects, ...caused.effects], key: existing.key };
  }
  const key = incidentKey(scope, cause.category);
  const crashAt = at ?? now.toISOString();
  // A resolved incident of the same key and cause, past the re-open window, is replaced.
  const incident: Incident = {
    key,
    scope,
    cause,
    causes: [cause.category],
    status: 'open',
    firstSeen: crashAt,
    lastCrash: crashAt,
    reopened: 0,
    pods: { [pod]: restarts },
    podCount: 1,
    restarts,
    alerts: [],
    announce: 'pending',
    channel,
  };
  return { ledger: { ...ledger, [key]: incident }, effects: [{ kind: 'announce', key }], key };
};

/**
 * Resolution check. `healthySince(scope)` answers, from what the source sees now, since when every pod
 * of the scope has run without failing (undefined: some pod is failing, or not known yet). An incident
 * resolves once that time and its last crash are both at least resolveAfterMs in the past.
 */
export const checkResolution = ({
  ledger,
  now,
  settings,
  healthySince,
}: {
  ledger: Ledger;
  now: Date;
  settings: IncidentSettings;
  healthySince: (scope: IncidentScope) => string | undefined;
}): Transition => {
  let next = ledger;
  const effects: IncidentEffect[] = [];
  for (const incident of Object.values(ledger)) {
    if (incident.status !== 'open') continue;
    const since = healthySince(incident.scope);
    if (since === undefined) continue;
    const healthyFrom = later(since, incident.lastCrash);
    if (now.getTime() - ms(healthyFrom) < settings.resolveAfterMs) continue;
    const durationMs = Math.max(0, ms(healthyFrom) - ms(incident.firstSeen));
    next = { ...next, [incident.key]: { ...incident, status: 'resolved', resolvedAt: now.toISOString() } };
    effects.push({ kind: 'update', key: incident.key });
    effects.push({ kind: 'note', key: incident.key, note: { kind: 'resolved', durationMs } });
  }
  return { ledger: next, effects };
};

/** An Alertmanager alert about an incident's scope, firing or resolved: kept on the incident, noted. */
export const noteAlert = ({
  ledger,
  key,
  alert,
  firing,
}: {
  ledger: Ledger;
  key: string;
  alert: string;
  firing: boolean;
}): Transition => {
  const incident = ledger[key];
  if (incident === undefined) return { ledger, effects: [] };
  const present = incident.alerts.includes(alert);
  if (firing === present) return { ledger, effects: [] };
  const alerts = firing ? [...incident.alerts, alert].slice(-10) : incident.alerts.filter((a) => a !== alert);
  return {
    ledger: { ...ledger, [key]: { ...incident, alerts } },
    effects: [
      { kind: 'update', key },
      { kind: 'note', key, note: firing ? { kind: 'alert-firing', alert } : { kind: 'alert-resolved', alert } },
    ],
  };
};
