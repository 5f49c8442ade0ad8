/**
 * What the Slack gateway does to every message before it leaves (pure): every text passes the one exit
 * for text (sanitizeOutgoing), and Block Kit's limits are enforced by cutting, never by letting Slack
 * refuse the message. A cut keeps mrkdwn well formed: no half entity (`&am`), no half link (`<http`),
 * no unclosed code fence, so what is left still renders as the renderer meant it.
 *
 * Button values, action_ids and block_ids are identifiers (signed payloads among them): they are never
 * rewritten, because redaction or a cut would only break them.
 */
import { sanitizeOutgoing } from '../text/outgoing.ts';
import type { KnownBlock } from './extension.ts';

/** Slack's documented limits (api.slack.com/reference/block-kit and chat.postMessage). */
export const SLACK_LIMITS = {
  blocks: 50,
  sectionText: 3000,
  field: 2000,
  fields: 10,
  header: 150,
  buttonText: 75,
  contextElements: 10,
  contextText: 3000,
  actionsElements: 25,
  messageText: 40_000,
} as const;

const MARK = '…';

/**
 * The bot never means to notify a whole channel or group: `<!here>`, `<!channel>`, `<!everyone>` and
 * `<!subteam^ID>` in any text it sends are shown as text. This holds even where a renderer forgot to
 * escape cluster text (a log line quoted in a rule title). `<!date^…>` and user mentions stay markup.
 */
const BROADCAST = /<!(here|channel|everyone|subteam\^[A-Za-z0-9]+)(\|[^<>]*)?>/g;

export const defuseBroadcasts = (text: string): string =>
  text.includes('<!') ? text.replace(BROADCAST, (_, what: string, label = '') => `&lt;!${what}${label}&gt;`) : text;

/** The one exit for text, then broadcasts defused. */
const clean = (text: string): string => defuseBroadcasts(sanitizeOutgoing(text));

/** Cuts text to `max` characters keeping mrkdwn well formed (see the header). */
export const clipMarkup = (text: string, max: number): string => {
  if (text.length <= max) return text;
  // Room for the mark and a closing fence.
  let cut = text.slice(0, Math.max(0, max - MARK.length - 4));
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  // A half entity or a half <link|label> at the end would render as garbage or swallow the rest.
  const amp = cut.lastIndexOf('&');
  if (amp >= 0 && amp >= cut.length - 6 && !cut.slice(amp).includes(';')) cut = cut.slice(0, amp);
  const open = cut.lastIndexOf('<');
  if (open >= 0 && open > cut.lastIndexOf('>')) cut = cut.slice(0, open);
  const fences = cut.split('```').length - 1;
  return fences % 2 === 1 ? `${cut}${MARK}\n\`\`\`` : `${cut}${MARK}`;
};

type TextObject = { type: 'plain_text' | 'mrkdwn'; text: string; emoji?: boolean; verbatim?: boolean };
type Json = Record<string, unknown>;

const isTextObject = (value: unknown): value is TextObject =>
  typeof value === 'object' &&
  value !== null &&
  ((value as Json).type === 'mrkdwn' || (value as Json).type === 'plain_text') &&
  typeof (value as Json).text === 'string';

/** A copy of `value` in which every text object's text is sanitized (and cut to `max` when given). */
const sanitizeTexts = (value: unknown, max?: number): unknown => {
  if (Array.isArray(value)) return value.map((item) => sanitizeTexts(item, max));
  if (typeof value !== 'object' || value === null) return value;
  if (isTextObject(value)) {
    const safe = clean(value.text);
    return { ...value, text: max === undefined ? safe : clipMarkup(safe, max) };
  }
  const out: Json = {};
  for (const [key, child] of Object.entries(value)) out[key] = sanitizeTexts(child, undefined);
  return out;
};

const textOf = (value: unknown, max: number): unknown => (value === undefined ? value : sanitizeTexts(value, max));

/** One block, its texts sanitized and within limits. */
const limitBlock = (block: KnownBlock): KnownBlock => {
  const raw = block as unknown as Json;
  const sanitized = sanitizeTexts(raw) as Json;
  switch (raw.type) {
    case 'header':
      return { ...sanitized, text: textOf(raw.text, SLACK_LIMITS.header) } as unknown as KnownBlock;
    case 'section': {
      const fields = raw.fields as unknown[] | undefined;
      return {
        ...sanitized,
        ...(raw.text !== undefined ? { text: textOf(raw.text, SLACK_LIMITS.sectionText) } : {}),
        ...(fields ? { fields: fields.slice(0, SLACK_LIMITS.fields).map((f) => textOf(f, SLACK_LIMITS.field)) } : {}),
      } as unknown as KnownBlock;
    }
    case 'context': {
      const elements = (raw.elements as unknown[]).slice(0, SLACK_LIMITS.contextElements);
      return {
        ...sanitized,
        elements: elements.map((e) => (isTextObject(e) ? textOf(e, SLACK_LIMITS.contextText) : sanitizeTexts(e))),
      } as unknown as KnownBlock;
    }
    case 'actions': {
      const elements = (raw.elements as Json[]).slice(0, SLACK_LIMITS.actionsElements);
      return {
        ...sanitized,
        elements: elements.map((element) => {
          const copy = sanitizeTexts(element) as Json;
          return element.type === 'button' ? { ...copy, text: textOf(element.text, SLACK_LIMITS.buttonText) } : copy;
        }),
      } as unknown as KnownBlock;
    }
    default:
      return sanitized as unknown as KnownBlock;
  }
};

/**
 * At most 50 blocks: the leading blocks are kept (the cause comes first), the action rows are kept
 * (they carry the buttons), and one line says how many were left out.
 */
const fitBlockCount = (blocks: KnownBlock[]): KnownBlock[] => {
  if (blocks.length <= SLACK_LIMITS.blocks) return blocks;
  const actions = blocks.filter((b) => b.type === 'actions').slice(0, SLACK_LIMITS.blocks - 2);
  const others = blocks.filter((b) => b.type !== 'actions');
  const room = SLACK_LIMITS.blocks - actions.length - 1;
  const left = others.length - room;
  const notice: KnownBlock = {
    type: 'context',
    elements: [{ type: 'mrkdwn', text: `${left} more part${left === 1 ? '' : 's'} not shown (Slack's limit).` }],
  };
  return [...others.slice(0, room), notice, ...actions];
};

/** The blocks as they may leave: sanitized, every limit enforced. */
export const prepareBlocks = (blocks: KnownBlock[]): KnownBlock[] => fitBlockCount(blocks.map(limitBlock));

/** A message's top-level text as it may leave. */
export const prepareText = (text: string): string => clipMarkup(clean(text), SLACK_LIMITS.messageText);
