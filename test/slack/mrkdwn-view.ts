/**
 * A message as a reader sees it, in text: the header, every section and context text (mrkdwn as Slack
 * receives it), and the buttons as [labels]. Snapshots of this are reviewable in a diff, and the same
 * text is what the note quotes as "each message kind, as Slack mrkdwn".
 */
type Text = { type: string; text: string };
type Block = { type: string; text?: Text; elements?: (Text & { action_id?: string; text?: Text | string })[] };

export const mrkdwnView = (message: { text: string; blocks: unknown[] }): string => {
  const out: string[] = [];
  for (const raw of message.blocks as Block[]) {
    if (raw.type === 'header' || raw.type === 'section') out.push(raw.text?.text ?? '');
    else if (raw.type === 'context') out.push((raw.elements ?? []).map((e) => `> ${e.text as string}`).join(' '));
    else if (raw.type === 'divider') out.push('---');
    else if (raw.type === 'actions')
      out.push((raw.elements ?? []).map((e) => `[${(e.text as Text | undefined)?.text ?? ''}]`).join(' '));
  }
  return `${out.join('\n')}\n(notification: ${message.text})`;
};

/** Rendered lines: what a reader scrolls through before the buttons (a code block's lines count). */
export const renderedLines = (message: { blocks: unknown[] }): number =>
  (message.blocks as Block[])
    .filter((b) => b.type !== 'actions')
    .map((b) => (b.type === 'context' ? 1 : (b.text?.text ?? '').split('\n').length))
    .reduce((a, b) => a + b, 0);
