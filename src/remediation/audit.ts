/**
 * The audit trail: every request, approval, denial and result becomes a thread message (who, what,
 * when), a Kubernetes Event on the affected object (so `kubectl describe` shows it) and a structured
 * log line. The Event is best effort: a missing permission for events must not undo an action.
 */
import { userSentence } from '../errors.ts';
import type { Action } from './actions/action.ts';
import type { RequestView } from './ledger.ts';
import type { PolicyRule } from './policy.ts';
import type { ActionTarget, EventReason, EventSink } from './types.ts';

export interface FlowLogger {
  info(object: Record<string, unknown>, message: string): void;
  warn(object: Record<string, unknown>, message: string): void;
}

/** How the flow talks back; slack-extension.ts implements it over the Web API. */
export interface Notifier {
  /** A message in the diagnosis thread (the audit trail people read). */
  say(text: string): Promise<void>;
  /** Only the clicking user sees it: refusals. */
  refuse(text: string): Promise<void>;
  /** Posts the approval request in the thread with Approve/Deny buttons carrying these values. */
  askApproval(args: { text: string; approveValue: string; denyValue: string; confirm: string }): Promise<void>;
  /** Shows the request's state on the original message and removes stale buttons. */
  showState(text: string): Promise<void>;
}

export const who = (user: string | undefined): string => (user ? `<@${user}>` : 'somebody');

/** The approvers who may answer, as Slack mentions, without the requester. */
export const eligible = (rule: PolicyRule, requester: string): string =>
  [
    ...rule.approvers.users.filter((user) => user !== requester).map((user) => `<@${user}>`),
    ...rule.approvers.groups.map((group) => `<!subteam^${group}>`),
  ].join(', ') || 'nobody else is listed in the policy';

export const stateText = (view: RequestView, label: string, at: string): string => {
  const parts = [`${label} on pod ${view.pod}: ${view.state}`, `requested by ${who(view.requestedBy)}`];
  if (view.approvedBy) parts.push(`approved by ${who(view.approvedBy)}`);
  if (view.deniedBy) parts.push(`denied by ${who(view.deniedBy)}`);
  if (view.result) parts.push(view.result);
  return `${parts.join(', ')} (${at})`;
};

export type Auditor = (args: {
  reason: EventReason;
  action: Action;
  target: ActionTarget;
  actor: string;
  text: string;
  notifier: Notifier;
}) => Promise<void>;

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
    await args.notifier.say(`${args.text} (${who(args.actor)}, ${at})`);
    try {
      await gateway.postEvent({
        namespace: args.target.namespace,
        involved: args.action.involved(args.target),
        reason: args.reason,
        message: `${args.text} (Slack user ${args.actor})`.slice(0, 1000),
        type: args.reason === 'ExitcodeActionFailed' || args.reason === 'ExitcodeActionDenied' ? 'Warning' : 'Normal',
        at,
      });
    } catch (error) {
      logger.warn(
        { event: 'remediation_audit_event_failed', reason: args.reason, error: userSentence(error) },
        'audit event not recorded',
      );
    }
  };
