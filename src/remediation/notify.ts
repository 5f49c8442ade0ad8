/**
 * How remediation talks in Slack, only through the SlackGateway: the request's one live thread message
 * (posted once, then updated in place), the state line on the diagnosis message, and ephemeral
 * refusals. Every call is best effort and logged on failure: the request's Lease is the record, and a
 * Slack failure never changes what happened in the cluster.
 */
import { renderActionMessage, type ActionMessageState } from '../slack/blocks/action.ts';
import { renderDiagnosis } from '../slack/blocks/diagnosis.ts';
import { safe } from '../slack/blocks/text.ts';
import type { Button, KnownBlock } from '../slack/extension.ts';
import type { SlackGateway } from '../slack/gateway.ts';
import { actionById } from './actions/index.ts';
import type { FlowLogger } from './audit.ts';
import type { FollowUpReport } from './follow-up.ts';
import { isExpired, type RequestView } from './request-state.ts';

export const ACTION_PREFIX = 'exitcode_remediation_';
export const APPROVE_ID = `${ACTION_PREFIX}ok`;
export const DENY_ID = `${ACTION_PREFIX}no`;
export const ASK_AGAIN_ID = `${ACTION_PREFIX}again`;
export const STATE_BLOCK = `${ACTION_PREFIX}state`;

/** The message's blocks without our buttons, plus the state line (replacing an earlier one). */
export const withState = (blocks: KnownBlock[], text: string): KnownBlock[] => {
  const kept: KnownBlock[] = [];
  for (const block of blocks) {
    if (block.block_id === STATE_BLOCK) continue;
    if (block.type === 'actions') {
      const elements = block.elements.filter(
        (element) => !('action_id' in element && element.action_id?.startsWith(ACTION_PREFIX)),
      );
      if (elements.length > 0) kept.push({ ...block, elements });
      continue;
    }
    kept.push(block);
  }
  return [...kept, stateBlock(text)];
};

const stateBlock = (text: string): KnownBlock => ({
  type: 'context',
  block_id: STATE_BLOCK,
  elements: [{ type: 'mrkdwn', text: text.slice(0, 3000) }],
});

const plainText = (text: string) => ({ type: 'plain_text' as const, text: text.slice(0, 75) });

/** An offered action as a Block Kit button with Slack's confirm dialog. */
export const actionButton = (offer: { actionId: string; label: string; value: string; confirm: string }): Button => ({
  type: 'button',
  action_id: offer.actionId,
  text: plainText(offer.label),
  style: 'danger',
  value: offer.value,
  confirm: {
    title: plainText(`${offer.label}?`),
    text: { type: 'plain_text', text: offer.confirm.slice(0, 300) },
    confirm: plainText(offer.label),
    deny: plainText('Cancel'),
    style: 'danger',
  },
});

export const messageState = (view: RequestView, now: Date): ActionMessageState => {
  if (view.state === 'requested' && isExpired(view, now)) return 'expired';
  if (view.state === 'done') return 'done';
  if (view.state === 'failed') return view.outcome === 'unconfirmed' ? 'unconfirmed' : 'not_done';
  return view.state;
};

/** The diagnosis message's state line, agreeing with the Lease. */
export const stateLine = (view: RequestView, now: Date): string => {
  const label = actionById(view.action).label;
  const words: Record<ActionMessageState, string> = {
    requested: 'waiting for approval',
    approved: 'approved',
    executing: 'running',
    done: 'done',
    not_done: 'not done',
    unconfirmed: 'could not confirm',
    denied: 'denied',
    expired: 'expired',
  };
  const base = `${label}: ${words[messageState(view, now)]}`;
  return view.followUp ? `${base} · ${view.followUp}` : base;
};

export interface Buttons {
  approveValue?: string;
  denyValue?: string;
  askAgainValue?: string;
}

export interface Notifier {
  /** Posts the live message (no messageTs yet) or updates it; resolves to its ts when Slack has it. */
  show(view: RequestView, extras: { approvers?: string; buttons?: Buttons }): Promise<string | undefined>;
  /** Rewrites the diagnosis message's state line (and removes its action buttons). */
  showOnDiagnosis(view: RequestView, line: string): Promise<boolean>;
  /**
   * After the follow-up: the diagnosis message re-rendered from the replacement pod (resolved when it
   * is healthy, the new cause when it crashed again, with `buttons` for it), plus the state line.
   */
  showOutcome(view: RequestView, report: FollowUpReport, line: string, buttons: Button[]): Promise<boolean>;
  refuse(args: { channel: string; user: string; threadTs?: string; text: string }): Promise<void>;
  say(args: { channel: string; threadTs: string; text: string }): Promise<void>;
}

export const createNotifier = ({
  slack,
  logger,
  now,
  describe,
}: {
  slack: SlackGateway;
  logger: FlowLogger;
  now: () => Date;
  describe: (view: RequestView) => string;
}): Notifier => {
  const logged = (what: string, error: unknown) =>
    logger.warn({ event: 'remediation_slack_failed', what, error: String(error) }, `Slack ${what} failed`);

  return {
    show: async (view, { approvers, buttons = {} }) => {
      if (!view.channel || !view.threadTs) return undefined;
      const rendered = renderActionMessage({
        label: actionById(view.action).label,
        state: messageState(view, now()),
        namespace: view.namespace,
        pod: view.pod,
        what: describe(view).replace(/\?$/, ''),
        ...(view.cause ? { cause: view.cause } : {}),
        requestedBy: view.requestedBy,
        requestedAt: view.requestedAt,
        ...(view.approvedBy
          ? { approvedBy: view.approvedBy, ...(view.approvedAt ? { approvedAt: view.approvedAt } : {}) }
          : {}),
        ...(view.deniedBy ? { deniedBy: view.deniedBy } : {}),
        expiresAt: view.expiresAt,
        ...(approvers ? { approvers } : {}),
        ...(view.result ? { result: view.result } : {}),
        ...(view.followUp ? { followUp: view.followUp } : {}),
        ...buttons,
        actionIds: { approve: APPROVE_ID, deny: DENY_ID, askAgain: ASK_AGAIN_ID },
      });
      try {
        if (view.messageTs) {
          await slack.update({ channel: view.channel, ts: view.messageTs, ...rendered });
          return view.messageTs;
        }
        return await slack.post({ channel: view.channel, threadTs: view.threadTs, ...rendered });
      } catch (error) {
        logged(view.messageTs ? 'update of the action message' : 'post of the action message', error);
        throw error;
      }
    },
    showOnDiagnosis: async (view, line) => {
      const ts = view.diagnosisTs ?? view.threadTs;
      if (!view.channel || !ts) return true;
      try {
        const message = await slack.message({ channel: view.channel, ts });
        if (!message) return true;
        await slack.update({
          channel: view.channel,
          ts,
          text: message.text ?? line,
          blocks: withState(message.blocks ?? [], safe(line)),
        });
        return true;
      } catch (error) {
        logged('update of the diagnosis state line', error);
        return false;
      }
    },
    showOutcome: async (view, report, line, buttons) => {
      const ts = view.diagnosisTs ?? view.threadTs;
      if (!view.channel || !ts || !report.diagnosis) return true;
      const at = now().toISOString();
      const rendered = renderDiagnosis({
        diagnosis: report.diagnosis,
        extraButtons: buttons,
        now: at,
        ...(report.outcome === 'healthy'
          ? { state: { kind: 'resolved' as const, failingSince: view.requestedAt, resolvedAt: at } }
          : {}),
      });
      try {
        await slack.update({
          channel: view.channel,
          ts,
          text: rendered.text,
          blocks: [...rendered.blocks.slice(0, 48), stateBlock(safe(line))],
          metadata: rendered.metadata,
        });
        return true;
      } catch (error) {
        logged('update of the diagnosis after the follow-up', error);
        return false;
      }
    },
    refuse: async ({ channel, user, threadTs, text }) => {
      try {
        await slack.ephemeral({ channel, user, text, ...(threadTs ? { threadTs } : {}) });
      } catch (error) {
        logged('ephemeral', error);
      }
    },
    say: async ({ channel, threadTs, text }) => {
      try {
        await slack.post({ channel, threadTs, text });
      } catch (error) {
        logged('thread post', error);
      }
    },
  };
};
