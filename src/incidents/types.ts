/**
 * The incident domain's shapes (pure, serializable). An incident is what a person is told about once:
 * one workload's container failing for one cause in one cluster, however many pods it takes down.
 */

export interface WorkloadRef {
  /** Deployment, StatefulSet, DaemonSet, Job, CronJob, ReplicaSet, or Pod for a bare pod. */
  kind: string;
  name: string;
}

/** Where an incident happens: everything of the key but the cause. */
export interface IncidentScope {
  cluster: string;
  namespace: string;
  workload: WorkloadRef;
  container: string;
}

export interface IncidentCause {
  /** The taxonomy category (oom-killed, bad-config, ...). */
  category: string;
  /** One short sentence: the diagnosis headline. */
  title: string;
  /** 0..1, the diagnosis confidence. */
  confidence: number;
}

/** Where the incident's message lives in Slack, once announced. */
export interface IncidentMessage {
  channel: string;
  ts: string;
}

export type IncidentStatus = 'open' | 'resolved';

export interface Incident {
  /** The key it was opened with: scope + the cause it opened with (see key.ts). */
  key: string;
  scope: IncidentScope;
  /** The cause now; the one it opened with is in the key and in `causes[0]`. */
  cause: IncidentCause;
  /** Every cause seen in order, oldest first (bounded): a change is noted in the thread. */
  causes: string[];
  status: IncidentStatus;
  /** ISO times. */
  firstSeen: string;
  lastCrash: string;
  resolvedAt?: string;
  /** Times it failed again within the hysteresis window after being resolved. */
  reopened: number;
  /** Affected pods -> highest restart count seen, most recent first (bounded by maxPodNames). */
  pods: Record<string, number>;
  /** Every pod ever affected, including those no longer named. */
  podCount: number;
  /** The highest restart count seen per pod, summed (a pod counts once, at its highest). */
  restarts: number;
  /** Alertmanager alerts (alertname) that named it and are still firing. */
  alerts: string[];
  /**
   * Announcement state: 'pending' until the channel message is committed, 'posting' while a leader
   * posts it (written BEFORE posting, with when it began), then the message itself. See ledger.ts for
   * failover.
   */
  announce: 'pending' | { posting: string; since?: string } | IncidentMessage;
  /** Where it is announced (the namespace's channel). */
  channel: string;
}

export interface IncidentSettings {
  /** Every pod of the incident must have run healthy this long before it counts as resolved. */
  resolveAfterMs: number;
  /** A crash within this long after resolution re-opens the same incident instead of announcing anew. */
  reopenWithinMs: number;
  /** Pods named on the incident (the count is always exact). */
  maxPodNames: number;
}

export const INCIDENT_DEFAULTS: IncidentSettings = {
  resolveAfterMs: 10 * 60_000,
  reopenWithinMs: 60 * 60_000,
  maxPodNames: 20,
};

/** What the outside must do after a transition, in order: post, update, or note in the thread. */
export type IncidentEffect =
  | { kind: 'announce'; key: string }
  | { kind: 'update'; key: string }
  | { kind: 'note'; key: string; note: IncidentNote };

export type IncidentNote =
  | { kind: 'cause-changed'; from: string; to: string }
  | { kind: 'resolved'; durationMs: number }
  | { kind: 'reopened'; count: number }
  | { kind: 'alert-firing'; alert: string }
  | { kind: 'alert-resolved'; alert: string };
