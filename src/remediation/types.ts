/**
 * What remediation needs from the cluster, owned here and implemented by src/cluster/mutations.ts and
 * src/cluster/leases.ts, so the flow is tested against the real client and a local API server.
 */
import type { LeaseStore } from '../cluster/lease-store.ts';

export interface WorkloadRef {
  kind: string;
  name: string;
}

/** The exact object an action touches, taken from a verified button payload. */
export interface ActionTarget {
  namespace: string;
  pod: string;
  uid: string;
  workload?: WorkloadRef;
}

export type DeleteOutcome = 'deleted' | 'replaced' | 'gone';

/** What settling a delete needs to know about the pod of that name now. */
export interface PodState {
  uid: string;
  /** True once a deletion has been accepted (deletionTimestamp set): the pod is on its way out. */
  deleting: boolean;
}

/** What settling a workload change, or deciding whether to offer one, needs to know. */
export interface WorkloadState {
  annotations: Record<string, string>;
  templateAnnotations: Record<string, string>;
  /** Deployment revision (deployment.kubernetes.io/revision), when set. */
  revision?: string;
}

/** A Deployment's earlier revision, from the ReplicaSet that carries it. */
export interface RevisionTemplate {
  revision: string;
  replicaSet: string;
  /** The ReplicaSet's pod template without its pod-template-hash label. */
  template: Record<string, unknown>;
}

/**
 * The cluster writes actions make and the reads that settle them. Every write is sent once: a failure
 * that may nevertheless have been applied throws with `details.mayHaveApplied` (src/cluster/retry.ts).
 */
export interface ActionGateway {
  /** Deletes the pod only if it still has this uid ('replaced' on a precondition conflict). */
  deletePod(args: { namespace: string; name: string; uid: string }): Promise<DeleteOutcome>;
  readPod(args: { namespace: string; name: string }): Promise<PodState | undefined>;
  /** The change `kubectl rollout restart` makes: a restartedAt annotation on the pod template. */
  restartWorkload(args: { namespace: string; kind: string; name: string; restartedAt: string }): Promise<void>;
  readWorkload(args: { namespace: string; kind: string; name: string }): Promise<WorkloadState | undefined>;
  /** The revision `kubectl rollout undo` would go back to: the newest ReplicaSet older than the current one. */
  previousRevision(args: { namespace: string; name: string }): Promise<RevisionTemplate | undefined>;
  /** `kubectl rollout undo`: the Deployment's template replaced, plus our stamp in its annotations. */
  rollBack(args: { namespace: string; name: string; template: Record<string, unknown>; stamp: string }): Promise<void>;
}

export const EVENT_REASONS = [
  'ExitcodeActionRequested',
  'ExitcodeActionApproved',
  'ExitcodeActionDenied',
  'ExitcodeActionSucceeded',
  'ExitcodeActionFailed',
  'ExitcodeActionUnconfirmed',
] as const;
export type EventReason = (typeof EVENT_REASONS)[number];

export interface AuditEvent {
  namespace: string;
  involved: { kind: string; name: string; uid?: string; apiVersion: string };
  reason: EventReason;
  message: string;
  type: 'Normal' | 'Warning';
  at: string;
}

export interface EventSink {
  /** POST core/v1 events, so `kubectl describe` on the object shows the action. */
  postEvent(event: AuditEvent): Promise<void>;
}

export type RemediationGateway = ActionGateway & LeaseStore & EventSink;
