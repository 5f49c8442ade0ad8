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

export interface ActionGateway {
  /** Deletes the pod only if it still has this uid ('replaced' on a precondition conflict). */
  deletePod(args: { namespace: string; name: string; uid: string }): Promise<DeleteOutcome>;
  /** The change `kubectl rollout restart` makes: a restartedAt annotation on the pod template. */
  restartWorkload(args: { namespace: string; kind: string; name: string; restartedAt: string }): Promise<void>;
}

export const EVENT_REASONS = [
  'ExitcodeActionRequested',
  'ExitcodeActionApproved',
  'ExitcodeActionDenied',
  'ExitcodeActionSucceeded',
  'ExitcodeActionFailed',
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
