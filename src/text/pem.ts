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

/**
 * Each line of key material becomes MASK and every line break stays (a real one, or an escaped \n in
 * a JSON string), so a log keeps its line count and line numbers stay valid after redaction.
 */
const maskBody = (body: string): string => {
  if (isEmpty(body)) return body;
  if (body.includes('\n')) return body.replace(/[^\n]+/g, (line) => (line.trim() === '' ? line : MASK));
  if (body.includes('\\n'))
    return body
      .split('\\n')
      .map((piece) => (piece === '' ? piece : MASK))
      .join('\\n');
  return ` ${MASK} `;
};

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

const isKeyChar = (code: number): boolean =>
  (code >= 0x41 && code <= 0x5a) ||
  (code >= 0x61 && code <= 0x7a) ||
  (code >= 0x30 && code <= 0x39) ||
  code === 0x2b ||
  code === 0x2f ||
  code === 0x3d;

/**
 * Key lines joined by escaped \n just before `end` (a PEM block inside a JSON log line): walks back one
 * piece at a time, never past `from`, so the work is the length of what it passes over.
 */
const escapedKeyLinesBefore = (text: string, from: number, end: number): number => {
  let start = end;
  while (start - 2 >= from && text[start - 2] === '\\' && text[start - 1] === 'n') {
    let piece = start - 2;
    // A piece ends at the previous escaped \n (its "n" is a key character too, so look for the backslash).
    while (
      piece > from &&
      isKeyChar(text.charCodeAt(piece - 1)) &&
      !(text[piece - 1] === 'n' && text[piece - 2] === '\\')
    )
      piece--;
    if (start - 2 - piece < 16) break;
    start = piece;
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
      out += maskBody(body) + marker[0];
    } else {
      const escaped = escapedKeyLinesBefore(text, copied, at);
      const start = escaped < at ? escaped : keyLinesBefore(text, copied, at);
      const body = text.slice(start, at);
      out += text.slice(copied, start) + maskBody(body) + marker[0];
    }
    copied = after;
    openAt = -1;
  }
  if (openAt >= 0) {
    const body = text.slice(openAt);
    return out + maskBody(body);
  }
  return out + text.slice(copied);
};
