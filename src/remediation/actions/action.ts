/** The shape of one remediation action: adding an action is one module like restart-pod.ts. */
import type { Diagnosis } from '../../diagnosis/types.ts';
import type { ActionGateway, ActionTarget } from '../types.ts';
import type { ActionId } from './ids.ts';

export interface ActionResult {
  ok: boolean;
  /** One sentence for the thread and the audit trail. */
  summary: string;
  /** True when the target was no longer the pod the diagnosis showed: offer a re-diagnosis. */
  replaced?: boolean;
}

export interface Action {
  id: ActionId;
  /** The button text. */
  label: string;
  /** The thread verb that starts it (`@exitcode restart`). */
  verb: string;
  /** Whether the action makes sense for this pod; the reason is shown when a typed request is refused. */
  available(diagnosis: Diagnosis): { ok: true } | { ok: false; reason: string };
  /** The confirm dialog's question, naming the pod, namespace and action. */
  describe(target: ActionTarget): string;
  /** The object the audit Event is attached to. */
  involved(target: ActionTarget): { kind: string; apiVersion: string; name: string; uid?: string };
  run(target: ActionTarget, deps: { gateway: ActionGateway; now: () => Date }): Promise<ActionResult>;
}
