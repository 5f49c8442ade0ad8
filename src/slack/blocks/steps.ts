/**
 * Next steps as a reader copies them (pure): the prose as a bullet and the kubectl command in its own
 * code block, one per line, so a long command never wraps mid-token inside inline code.
 */
import { trimEndOf } from '../../diagnosis/format.ts';
import { clipEscaped, safe } from './text.ts';

export interface SplitStep {
  /** What to do, in words (escaped); '' when the step is only a command. */
  prose: string;
  /** The command as typed (raw: fenced by the renderer), when the step has one. */
  command?: string;
}

/**
 * Where a command that starts at `at` ends: before a prose aside (" (or add it to ...)") or a closing
 * parenthesis the command did not open, outside quotes; else at the end of the step.
 */
const commandEnd = (text: string, at: number): number => {
  let quote: string | null = null;
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
    } else if (ch === '(') {
      if (depth === 0 && text[i - 1] === ' ') return i - 1;
      depth += 1;
    } else if (ch === ')') {
      if (depth === 0) return i;
      depth -= 1;
    }
  }
  return text.length;
};

const COMMAND = /(?:^|[\s:(`])(kubectl|helm|docker) /;

/** Splits one next step into its prose and its command (the first kubectl, helm or docker invocation). */
export const splitStep = (step: string): SplitStep => {
  const match = COMMAND.exec(step);
  if (!match) return { prose: clipEscaped(safe(step), 400) };
  const at = match.index + match[0].length - match[1]!.length - 1;
  const end = commandEnd(step, at);
  const command = trimEndOf(step.slice(at, end), '`.;,').trim();
  const before = trimEndOf(step.slice(0, at), ' \t\n\r\f\v\u00a0:(`').trim();
  const after = step
    .slice(end)
    .replace(/^[\s`).;,]+/, '')
    .trim();
  const prose = [before, after ? `(${after.replace(/^\(|\)$/g, '')})` : ''].filter(Boolean).join(' ');
  return { prose: clipEscaped(safe(prose), 400), command };
};
