/**
 * Making cluster text safe for Slack (pure). Everything that came from a cluster or a user goes
 * through `safe` (redact, then escape) or `codeBlock`: a log line must never mention @channel or a
 * user, render a link, or break out of its code block, and secrets never leave the process.
 */
import { clip } from '../../diagnosis/format.ts';
import { redact } from '../../text/outgoing.ts';

/** Slack's limits (https://api.slack.com/reference/block-kit). */
export const LIMITS = {
  blocks: 50,
  sectionText: 3000,
  header: 150,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  blockId: 255,
  contextElements: 10,
  actionsElements: 25,
  /** chat.postMessage `text`: Slack truncates after 40k; we stay far below for notifications. */
  fallbackText: 3000,
} as const;

/** mrkdwn control characters: only these three need escaping (Slack's own rule). */
export const escapeMrkdwn = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Redacted and escaped: the only way cluster text enters an mrkdwn field. */
export const safe = (text: string): string => escapeMrkdwn(redact(text));

/**
 * Cut escaped text without splitting an entity (&amp; &lt; &gt;): a half entity would show garbage.
 */
export const clipEscaped = (text: string, max: number): string => {
  if (text.length <= max) return text;
  let out = clip(text, max);
  out = out.replace(/&[a-z]{0,3}…$/, '…');
  return out;
};

/** Backticks in a line cannot close the fence: a zero-width space splits every run of three. */
const breakFences = (line: string): string => line.replace(/`(?=``)/g, '`\u200b');

/** Plain text for plain_text fields (headers, button labels): redacted and clipped, no escaping needed. */
export const plain = (text: string, max: number): string => clip(redact(text).replace(/\s+/g, ' ').trim(), max);

/**
 * A code block of lines within `maxChars`, each line clipped to `maxLine`; when lines do not fit,
 * the earliest are dropped (the end of a log is what explains a crash) and a marker says how many.
 */
export const codeBlock = ({
  lines,
  maxChars = LIMITS.sectionText - 100,
  maxLine = 300,
  keep = 'tail',
}: {
  lines: string[];
  maxChars?: number;
  maxLine?: number;
  keep?: 'head' | 'tail';
}): string => {
  if (lines.length === 0) return '```(nothing)```';
  const prepared = lines.map((line) => clipEscaped(breakFences(safe(line)), maxLine));
  const budget = maxChars - 40; // fences, newlines and the marker
  const kept: string[] = [];
  let used = 0;
  const ordered = keep === 'tail' ? [...prepared].reverse() : prepared;
  for (const line of ordered) {
    if (used + line.length + 1 > budget) break;
    kept.push(line);
    used += line.length + 1;
  }
  if (keep === 'tail') kept.reverse();
  const dropped = lines.length - kept.length;
  const marker = dropped > 0 ? `… ${dropped} more line${dropped === 1 ? '' : 's'}` : '';
  // A blank log line is a line too (dropping it made `logs 5` show 4); at a fence's edge Slack would
  // swallow it, so it becomes one space there.
  const body = marker === '' ? kept : keep === 'tail' ? [marker, ...kept] : [...kept, marker];
  const last = body.length - 1;
  const edged = body.map((line, i) => ((i === 0 || i === last) && line === '' ? ' ' : line));
  return `\`\`\`${edged.join('\n')}\`\`\``;
};

/**
 * Whole lines up to `maxChars`, then "… N more": a cut inside a line could split a date token or an
 * entity and leave markup broken.
 */
export const linesWithin = (lines: string[], maxChars: number): string => {
  const kept: string[] = [];
  let used = 0;
  for (const line of lines) {
    if (used + line.length + 1 > maxChars - 20) break;
    kept.push(line);
    used += line.length + 1;
  }
  const more = lines.length - kept.length;
  return `${kept.join('\n')}${more > 0 ? `\n… ${more} more` : ''}`;
};
