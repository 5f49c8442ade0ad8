/**
 * Clipping lines before anything else looks at them: the diagnosis reads lines of at most 4 KiB, and
 * every other path (logs N, logs all, events, the model request) now reads the same bound.
 */

/** The longest line kept, in UTF-16 code units; the rest of the line is replaced by a marker. */
export const MAX_LINE_LENGTH = 4096;

const CUT = '… [line cut]';

/** Cuts each line to `max` characters (never splitting a surrogate pair). Linear: one indexOf per line. */
export const clipLines = (text: string, max: number = MAX_LINE_LENGTH): string => {
  if (text.length <= max) return text;
  let out = '';
  let start = 0;
  let changed = false;
  while (start <= text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    if (end - start > max) {
      let cutAt = start + max;
      const code = text.charCodeAt(cutAt - 1);
      if (code >= 0xd800 && code <= 0xdbff) cutAt--;
      out += text.slice(start, cutAt) + CUT;
      changed = true;
    } else out += text.slice(start, end);
    if (newline < 0) break;
    out += '\n';
    start = newline + 1;
  }
  return changed ? out : text;
};
