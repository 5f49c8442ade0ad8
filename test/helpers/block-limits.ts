/**
 * Checks a Block Kit message against Slack's documented limits and the bot's escaping rules; returns
 * the list of violations (empty when fine). Reusable by any test that renders blocks:
 *
 *   assert.deepEqual(blockViolations(message.blocks), []);
 */
type AnyBlock = Record<string, unknown> & { type: string };
type TextObject = { type: 'plain_text' | 'mrkdwn'; text: string };

const textsOf = (block: AnyBlock): TextObject[] => {
  const out: TextObject[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (value && typeof value === 'object') {
      const object = value as Record<string, unknown>;
      if ((object.type === 'mrkdwn' || object.type === 'plain_text') && typeof object.text === 'string')
        out.push(object as TextObject);
      for (const child of Object.values(object)) visit(child);
    }
  };
  visit(block);
  return out;
};

/** mrkdwn that could mention, link or break a fence: '<' must only appear escaped, fences paired. */
/** Slack date tokens the renderers build from a number (<!date^EPOCH^{format}|fallback>): markup, not data. */
const DATE_TOKEN = /<!date\^\d{1,12}\^\{date_short_pretty\} \{time\}\|[0-9: -]+UTC>/g;

/** Mentions the renderers build from validated Slack ids (users, user groups): markup, not data. */
const MENTION_TOKEN = /<@[UW][A-Z0-9]{2,}>|<!subteam\^S[A-Z0-9]{2,}>/g;

export const unsafeMrkdwn = (raw: string): string | undefined => {
  const text = raw.replace(DATE_TOKEN, '').replace(MENTION_TOKEN, '');
  if (text.includes('<')) return `unescaped "<" in ${JSON.stringify(text.slice(0, 80))}`;
  const fences = text.split('```').length - 1;
  if (fences % 2 !== 0) return `unbalanced code fences (${fences}) in ${JSON.stringify(text.slice(0, 80))}`;
  return undefined;
};

export const blockViolations = (blocks: unknown[]): string[] => {
  const problems: string[] = [];
  if (blocks.length > 50) problems.push(`${blocks.length} blocks > 50`);
  for (const [index, raw] of blocks.entries()) {
    const block = raw as AnyBlock;
    const where = `block ${index} (${block.type})`;
    if (typeof block.block_id === 'string' && block.block_id.length > 255) problems.push(`${where}: block_id > 255`);
    if (block.type === 'header') {
      const text = (block.text as TextObject).text;
      if (text.length > 150) problems.push(`${where}: header ${text.length} > 150`);
    }
    if (block.type === 'section') {
      const text = (block.text as TextObject | undefined)?.text ?? '';
      if (text.length > 3000) problems.push(`${where}: section text ${text.length} > 3000`);
      const fields = (block.fields as TextObject[] | undefined) ?? [];
      if (fields.length > 10) problems.push(`${where}: ${fields.length} fields > 10`);
    }
    if (block.type === 'context') {
      const elements = block.elements as unknown[];
      if (elements.length > 10) problems.push(`${where}: ${elements.length} context elements > 10`);
    }
    if (block.type === 'actions') {
      const elements = block.elements as Record<string, unknown>[];
      if (elements.length > 25) problems.push(`${where}: ${elements.length} action elements > 25`);
      for (const element of elements) {
        const label = (element.text as TextObject | undefined)?.text ?? '';
        if (label.length > 75) problems.push(`${where}: button text > 75`);
        if (typeof element.value === 'string' && element.value.length > 2000)
          problems.push(`${where}: button value > 2000`);
        if (typeof element.action_id === 'string' && element.action_id.length > 255)
          problems.push(`${where}: action_id > 255`);
      }
    }
    for (const text of textsOf(block)) {
      if (text.text.length === 0) problems.push(`${where}: empty text`);
      if (text.type === 'mrkdwn') {
        const unsafe = unsafeMrkdwn(text.text);
        if (unsafe) problems.push(`${where}: ${unsafe}`);
      }
    }
  }
  return problems;
};
