/**
 * The one live thread message of an action request (pure): what will be done and why, who asked and
 * who approved, until when it may be approved, and where it stands (waiting, approved, running, done,
 * not done, could not confirm, and the replacement pod's fate). It is posted once and updated in
 * place at every step, so a thread shows one message per action, not four.
 */
import type { KnownBlock } from '../extension.ts';
import { splitStep } from './steps.ts';
import { clipEscaped, codeBlock, LIMITS, plain, safe } from './text.ts';

export type ActionMessageState =
  | 'requested'
  | 'approved'
  | 'executing'
  | 'done'
  | 'not_done'
  | 'unconfirmed'
  | 'denied'
  | 'expired';

export interface ActionMessage {
  /** Button label of the action ("Restart pod"). */
  label: string;
  state: ActionMessageState;
  namespace: string;
  pod: string;
  /** What will be done, as a sentence (the confirm dialog's question, without the question mark). */
  what: string;
  /** The diagnosed cause: why this is being done. */
  cause?: string;
  requestedBy: string;
  requestedAt: string;
  approvedBy?: string;
  approvedAt?: string;
  deniedBy?: string;
  expiresAt: string;
  /** Who may still approve, already formatted as Slack mentions (users and groups). */
  approvers?: string;
  /** The outcome's sentence (done, not done, could not confirm). */
  result?: string;
  /** The replacement pod's outcome, once followed. */
  followUp?: string;
  /** Signed button values; each button is shown only when its value is given. */
  approveValue?: string;
  denyValue?: string;
  askAgainValue?: string;
  actionIds: { approve: string; deny: string; askAgain: string };
}

const epoch = (iso: string): number => Math.floor(Date.parse(iso) / 1000);

/** Slack renders this in each reader's time zone; the fallback is UTC. */
export const slackDate = (iso: string): string => {
  const seconds = epoch(iso);
  if (!Number.isFinite(seconds)) return 'an unknown time';
  const fallback = `${new Date(seconds * 1000).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return `<!date^${seconds}^{date_short_pretty} {time}|${fallback}>`;
};

/** Slack user ids only ever become mentions; anything else is shown as escaped text. */
const mention = (user: string): string => (/^[UW][A-Z0-9]{2,}$/.test(user) ? `<@${user}>` : safe(user));

const HEADLINE: Record<ActionMessageState, string> = {
  requested: ':hourglass_flowing_sand: waiting for approval',
  approved: ':large_green_circle: approved, about to run',
  executing: ':gear: running',
  done: ':white_check_mark: done',
  not_done: ':x: not done',
  unconfirmed: ':warning: could not confirm',
  denied: ':no_entry_sign: denied',
  expired: ':hourglass: expired',
};

const button = (actionId: string, text: string, value: string, style?: 'primary' | 'danger') => ({
  type: 'button' as const,
  action_id: actionId,
  text: { type: 'plain_text' as const, text: plain(text, LIMITS.buttonText) },
  value,
  ...(style ? { style } : {}),
});

export const renderActionMessage = (message: ActionMessage): { text: string; blocks: KnownBlock[] } => {
  const subject = `pod \`${safe(message.pod)}\` in \`${safe(message.namespace)}\``;
  const lines = [`*${safe(message.label)}* · ${subject} · ${HEADLINE[message.state]}`, `*What:* ${safe(message.what)}`];
  if (message.cause) lines.push(`*Why:* ${safe(message.cause)}`);
  const people = [`requested by ${mention(message.requestedBy)} ${slackDate(message.requestedAt)}`];
  if (message.approvedBy)
    people.push(
      `approved by ${mention(message.approvedBy)}${message.approvedAt ? ` ${slackDate(message.approvedAt)}` : ''}`,
    );
  if (message.deniedBy) people.push(`denied by ${mention(message.deniedBy)}`);
  lines.push(`*Who:* ${people.join(' · ')}`);
  if (message.state === 'requested') {
    lines.push(`*Expires:* ${slackDate(message.expiresAt)}`);
    if (message.approvers) lines.push(`*Can approve:* ${message.approvers}`);
  }
  if (message.result) lines.push(`*Result:* ${safe(message.result)}`);
  if (message.followUp) lines.push(`*Afterwards:* ${safe(message.followUp)}`);
  const blocks: KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text: clipEscaped(lines.join('\n'), LIMITS.sectionText) } },
  ];
  const buttons = [
    ...(message.approveValue ? [button(message.actionIds.approve, 'Approve', message.approveValue, 'primary')] : []),
    ...(message.denyValue ? [button(message.actionIds.deny, 'Deny', message.denyValue)] : []),
    ...(message.askAgainValue ? [button(message.actionIds.askAgain, 'Request again', message.askAgainValue)] : []),
  ];
  if (buttons.length > 0) blocks.push({ type: 'actions', elements: buttons });
  const text = `${message.label} on pod ${message.pod} in ${message.namespace}: ${HEADLINE[message.state].replace(/^:[a-z_]+: /, '')}`;
  return { text: plain(text, LIMITS.fallbackText), blocks };
};

/** Why an allowed action is not offered for this diagnosis, and the fix to run instead (a step). */
export interface NotOffered {
  label: string;
  reason: string;
  fix?: string;
}

/** The thread note under a diagnosis whose allowed actions cannot help: the reason, then the fix to copy. */
export const renderNotOffered = (notes: readonly NotOffered[]): { text: string; blocks: KnownBlock[] } => {
  const text = notes
    .map((note) => {
      const { prose, command } = splitStep(note.fix ?? '');
      const instead = [prose, command ? codeBlock({ lines: [command] }) : ''].filter(Boolean).join('\n');
      return `*${safe(note.label)}* is not offered: ${safe(note.reason)}.${instead ? `\nInstead: ${instead}` : ''}`;
    })
    .join('\n');
  return {
    text: plain(notes.map((note) => `${note.label} is not offered: ${note.reason}.`).join(' '), LIMITS.fallbackText),
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: clipEscaped(text, LIMITS.sectionText) } }],
  };
};
