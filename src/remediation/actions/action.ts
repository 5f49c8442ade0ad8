/** The shape of one remediation action: adding an action is one module like restart-pod.ts. */
import type { Diagnosis } from '../../diagnosis/types.ts';
import type { Outcome } from '../request-state.ts';
import type { ActionGateway, ActionTarget } from '../types.ts';
import type { ActionId } from './ids.ts';

export interface ActionResult {
  outcome: Outcome;
  /** One sentence for the thread and the audit trail. */
  summary: string;
  /** True when the target was no longer the pod the diagnosis showed: offer a re-diagnosis. */
  replaced?: boolean;
}

/** Why an action is not offered, and what to do instead (a command to copy), when there is one. */
export type Availability = { ok: true } | { ok: false; reason: string; fix?: string };

/** What a run needs beyond the target, decided before the change is sent and kept in the request. */
export interface Plan {
  /** The value that marks our change in the cluster, so an unanswered write can be settled by reading. */
  stamp: string;
  /** For a rollback: the revision it returns to. */
  revision?: string;
}

export interface ActionDeps {
  gateway: ActionGateway;
  now: () => Date;
}

export interface Action {
  id: ActionId;
  /** The button text. */
  label: string;
  /** The thread verb that starts it (`@exitcode restart`). */
  verb: string;
  /** Whether the action can help this pod now; the reason is shown when it is not offered or refused. */
  available(diagnosis: Diagnosis): Availability;
  /** The confirm dialog's question, naming the pod, namespace and action. */
  describe(target: ActionTarget, plan?: { revision?: string }): string;
  /** The object the audit Event is attached to. */
  involved(target: ActionTarget): { kind: string; apiVersion: string; name: string; uid?: string };
  /** Decides the stamp (and the revision for a rollback) before anything changes. */
  plan(target: ActionTarget, deps: ActionDeps & { requestId: string }): Promise<Plan>;
  /** Sends the change once. Throws when it fails; `details.mayHaveApplied` when it may have applied. */
  run(target: ActionTarget, plan: Plan, deps: ActionDeps): Promise<ActionResult>;
  /** Reads the cluster to tell whether the change was applied, after a lost answer or a crash. */
  settle(target: ActionTarget, plan: Plan, deps: ActionDeps): Promise<ActionResult>;
}
