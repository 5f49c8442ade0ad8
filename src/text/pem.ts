/**
 * Private key blocks in text taken as a whole, so a key is caught wherever its lines fall (also the
 * last, short line). One pass collects every BEGIN/END marker; each stretch of text is then looked at
 * once, so many BEGIN lines without END, or END lines without BEGIN, cost linear time.
 */
import { MASK } from './mask.ts';

const MARKER = /-----(BEGIN|END) [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----/g;
/** A line of key material: base64 (with PEM headers such as Proc-Type allowed to stay visible). */
const KEY_LINE = /^[ \t]*[A-Za-z0-9+/=]+[ \t]*$/;

const isEmpty = (body: string): boolean => body.trim() === '' || body.trim() === MASK;

/** The base64 lines just before `end` (key material whose BEGIN line fell outside the text). */
const keyLinesBefore = (text: string, from: number, end: number): number => {
  let start = end;
  while (start > from) {
    const lineStart = Math.max(from, text.lastIndexOf('\n', start - 2) + 1);
    const line = text.slice(lineStart, start).replace(/\r?\n$/, '');
    if (!KEY_LINE.test(line) && line.trim() !== '') break;
    start = lineStart;
    if (lineStart === from) break;
  }
  return start;
};

export const redactPem = (text: string): string => {
  if (!text.includes('PRIVATE KEY')) return text;
  let out = '';
  let copied = 0;
  let openAt = -1;
  for (const marker of text.matchAll(MARKER)) {
    const at = marker.index;
    const after = at + marker[0].length;
    if (marker[1] === 'BEGIN') {
      if (openAt < 0) {
        out += text.slice(copied, after);
        copied = after;
        openAt = after;
      }
      continue;
    }
    if (openAt >= 0) {
      const body = text.slice(openAt, at);
      out += (isEmpty(body) ? body : `\n${MASK}\n`) + marker[0];
    } else {
      const start = keyLinesBefore(text, copied, at);
      const body = text.slice(start, at);
      out += text.slice(copied, start) + (isEmpty(body) ? body : `${MASK}\n`) + marker[0];
    }
    copied = after;
    openAt = -1;
  }
  if (openAt >= 0) {
    const body = text.slice(openAt);
    return out + (isEmpty(body) ? body : `\n${MASK}`);
  }
  return out + text.slice(copied);
};
