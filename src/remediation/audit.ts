/**
 * The audit trail in the cluster: every request, approval, denial and result becomes a Kubernetes
 * Event on the affected object (so `kubectl describe` shows who did what) and a structured log line.
 * It is written after the request's Lease records the step and before anything is said in Slack. The
 * Event is sent once and is best effort: a missing permission for events must not undo an action.
 */
import { userSentence } from '../errors.ts';
import type { Action } from './actions/action.ts';
import type { PolicyRule } from './policy.ts';
import type { ActionTarget, EventReason, EventSink } from './types.ts';

export interface FlowLogger {
  info(object: Record<string, unknown>, message: string): void;
  warn(object: Record<string, unknown>, message: string): void;
}

export const who = (user: string | undefined): string => (user ? `<@${user}>` : 'somebody');

/** The approvers who may answer, as Slack mentions (users and groups), without the requester. */
export const eligible = (rule: PolicyRule, requester?: string): string =>
  [
    ...rule.approvers.users.filter((user) => user !== requester).map((user) => `<@${user}>`),
    ...rule.approvers.groups.map((group) => `<!subteam^${group}>`),
  ].join(', ') || 'nobody else is listed in the policy';

export type Auditor = (args: {
  reason: EventReason;
  action: Action;
  target: ActionTarget;
  actor: string;
  text: string;
}) => Promise<void>;

const WARNINGS: ReadonlySet<EventReason> = new Set([
  'ExitcodeActionFailed',
  'ExitcodeActionDenied',
  'ExitcodeActionUnconfirmed',
]);

export const createAuditor =
  ({ gateway, logger, now }: { gateway: EventSink; logger: FlowLogger; now: () => Date }): Auditor =>
  async (args) => {
    const at = now().toISOString();
    logger.info(
      {
        event: 'remediation',
        reason: args.reason,
        action: args.action.id,
        namespace: args.target.namespace,
        pod: args.target.pod,
        uid: args.target.uid,
        actor: args.actor,
      },
      args.text,
    );
    try {
      await gateway.postEvent({
        namespace: args.target.namespace,
        involved: args.action.involved(args.target),
        reason: args.reason,
        message:
          `${args.text} (by ${args.actor.startsWith('U') || args.actor.startsWith('W') ? `Slack user ${args.actor}` : args.actor})`.slice(
            0,
            1000,
          ),
        type: WARNINGS.has(args.reason) ? 'Warning' : 'Normal',
        at,
      });
    } catch (error) {
      logger.warn(
        { event: 'remediation_audit_event_failed', reason: args.reason, error: userSentence(error) },
        'audit event not recorded',
      );
    }
  };
