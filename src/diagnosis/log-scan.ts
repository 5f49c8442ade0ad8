/**
 * Turns a raw container log into the normalized tail the rules read. Only the tail matters for a crash,
 * and logs can be huge or hostile, so every step is bounded: at most `maxBytes` of the end are decoded,
 * at most `maxLines` lines kept, and each line cut to `maxLineLength`. All patterns here are linear
 * (no nested quantifiers, disjoint alternatives) so no input can make them backtrack.
 */
import { MAX_JSON_LINE, unpackJson } from './log-json.ts';
import { plainLevel } from './log-levels.ts';
import type { LogLine, ScannedLog } from './types.ts';

export interface LogBounds {
  /** Bytes read from the end of the log; the head before them is never decoded. */
  maxBytes: number;
  /** Lines kept from the end of what was read. */
  maxLines: number;
  /** Characters kept of one line (a minified bundle or base64 blob must not dominate). */
  maxLineLength: number;
}

export const LOG_BOUNDS: LogBounds = { maxBytes: 256 * 1024, maxLines: 2000, maxLineLength: 4096 };

// CSI (ESC [ params intermediates final), OSC (ESC ] ... BEL or ST), other two-byte escapes.
// Each class is disjoint from the next, so the engine never has two ways to match.
const CSI = /\x1b\[[0-?]*[ -/]*[@-~]?/g;
const OSC = /\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?/g;
const ESC_OTHER = /\x1b[@-Z\\-_]?/g;
// A colour code whose ESC byte was lost when the log was copied ("[31m", "[0;1m").
const ORPHAN_SGR = /\[[0-9]{1,3}(?:;[0-9]{1,3}){0,7}m/g;
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]/g;
const K8S_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2}) /;

// `docker compose logs` prefixes every line with the service name: "db_1  | ", "server-1  | ".
const COMPOSE_PREFIX = /^[A-Za-z0-9][\w.-]{0,62} {0,40}\| /;
const COMPOSE_MARKER =
  /^Attaching to [\w.-]|^[\w.-]{1,80} exited with code \d{1,3}\s*$|^(?:Creating|Recreating|Starting) [\w.-]{1,80} \.\.\. done\s*$/;

/**
 * Strips the compose service prefix when (nearly) every line carries one, so rules see the program's
 * own text; a single "a | b" line is left alone.
 */
const stripComposePrefix = (lines: string[]): string[] => {
  let prefixed = 0;
  let nonEmpty = 0;
  for (const line of lines) {
    if (line.trim().length === 0) continue;
    nonEmpty++;
    if (COMPOSE_PREFIX.test(line)) prefixed++;
  }
  // Compose's own lines (Attaching to, exited with code) vouch for the prefixes among them.
  const composeOutput = lines.some((line) => COMPOSE_MARKER.test(line));
  if (nonEmpty < 1 || prefixed / nonEmpty < (composeOutput ? 0.2 : 0.8)) return lines;
  return lines.map((line) => line.replace(COMPOSE_PREFIX, ''));
};

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: false });

/** Cuts the input to its last `maxBytes` bytes and decodes only that part. */
const readTail = (input: string | Uint8Array, maxBytes: number): { text: string; total: number; cut: boolean } => {
  if (typeof input === 'string') {
    // A UTF-8 character is at most 4 bytes, but never fewer code units than bytes/4: slicing the last
    // maxBytes code units before encoding bounds the work without scanning the head. The head is counted
    // in code units (exact for ASCII), because measuring it exactly would mean reading it.
    const slice = input.length > maxBytes ? input.slice(input.length - maxBytes) : input;
    const bytes = encoder.encode(slice);
    const head = input.length - slice.length;
    if (bytes.length <= maxBytes) return { text: slice, total: head + bytes.length, cut: head > 0 };
    return { text: decoder.decode(bytes.subarray(bytes.length - maxBytes)), total: head + bytes.length, cut: true };
  }
  if (input.length <= maxBytes) return { text: decoder.decode(input), total: input.length, cut: false };
  return { text: decoder.decode(input.subarray(input.length - maxBytes)), total: input.length, cut: true };
};

/** Binary when many characters are neither text nor layout (NUL, control bytes, undecodable bytes). */
const looksBinary = (text: string): boolean => {
  if (text.length === 0) return false;
  let odd = 0;
  let nul = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) nul++;
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 27) || c === 0xfffd) odd++;
  }
  // A few stray control bytes in a text log are noise, not binary.
  if (odd < 8) return false;
  return nul / text.length > 0.01 || odd / text.length > 0.1;
};

const clean = (text: string): string => text.replace(CONTROL, '').replace(/\t/g, '  ');

/** Longest text after a CR that can still be the rest of a shell error rather than a redrawn line. */
const MAX_CR_TAIL = 120;

/** A path echoed twice in one error ("x.hcl\r: stat x.hcl\r: no such file") carries a CR for each echo. */
const MAX_KEPT_CRS = 3;

/**
 * A bare CR is either a progress bar redrawing its line ("10%\r20%\r30%": one line per state) or a
 * literal CR that a shell printed inside an error about a CRLF script ("set: -\r: invalid option",
 * "env: 'bash\r': No such file"). The latter has at most MAX_KEPT_CRS CRs, each with a short tail that
 * continues the message with ':' or a closing quote: it is kept on its line, each CR shown as the two
 * characters \r.
 */
const splitCarriageReturns = (line: string): string[] => {
  if (!line.includes('\r')) return [line];
  const [head = '', ...tails] = line.split('\r');
  const restOfAnError = (tail: string) => tail.length <= MAX_CR_TAIL && /^[:'’"]/.test(tail);
  if (head !== '' && tails.length <= MAX_KEPT_CRS && tails.every(restOfAnError)) return [[head, ...tails].join('\\r')];
  return [head, ...tails];
};

export const scanLog = (input: string | Uint8Array, bounds: LogBounds = LOG_BOUNDS): ScannedLog => {
  const { text: rawTail, total, cut } = readTail(input, bounds.maxBytes);
  const bytesRead = Math.min(total, bounds.maxBytes);
  const binary = looksBinary(rawTail);
  let tail = rawTail.replace(OSC, '').replace(CSI, '').replace(ESC_OTHER, '').replace(ORPHAN_SGR, '');
  tail = tail.replace(/\r\n/g, '\n');
  // In binary data NUL and control runs are the separators between printable strings.
  if (binary) tail = tail.replace(/[\x00-\x08\x0b-\x1f\x7f\ufffd]+/g, '\n');
  let rawLines = tail.split('\n').flatMap(splitCarriageReturns);
  let truncated = cut;
  // The first line of a cut tail is usually a fragment; drop it unless it is all there is.
  if (cut && rawLines.length > 1) rawLines = rawLines.slice(1);
  if (rawLines.length > bounds.maxLines) {
    rawLines = rawLines.slice(rawLines.length - bounds.maxLines);
    truncated = true;
  }
  rawLines = stripComposePrefix(rawLines);
  const lines: LogLine[] = [];
  rawLines.forEach((raw, index) => {
    const number = index + 1;
    let text = raw.replace(K8S_TIMESTAMP, '');
    const unpacked = text.length <= MAX_JSON_LINE ? unpackJson(text.trimStart()) : null;
    let level: string | undefined;
    let stack: string[] = [];
    if (unpacked) {
      // A CR decoded from the JSON string ("config.yaml\r: no such file") follows the plain lines' rule.
      const crParts = splitCarriageReturns(unpacked.text);
      text = crParts.length === 1 ? (crParts[0] as string) : unpacked.text;
      level = unpacked.level ?? plainLevel(unpacked.text);
      stack = unpacked.stack;
    }
    // Cut before cleaning: the work per line must not grow with an enormous line.
    if (text.length > bounds.maxLineLength) {
      text = text.slice(0, bounds.maxLineLength);
      truncated = true;
    }
    text = clean(text).trimEnd().slice(0, bounds.maxLineLength);
    if (binary && text.trim().length < 4) return;
    if (text.trim().length === 0 && stack.length === 0) return;
    level ??= plainLevel(text);
    lines.push(level ? { line: number, text, level } : { line: number, text });
    for (const frame of stack) {
      const frameText = clean(frame).slice(0, bounds.maxLineLength);
      lines.push(level ? { line: number, text: frameText, level } : { line: number, text: frameText });
    }
  });
  return { lines, totalBytes: total, bytesRead, truncated, binary, empty: lines.length === 0 };
};

/** The lines as one string (for quick tests and fallbacks), newline-separated. */
export const logText = (log: ScannedLog): string => log.lines.map((l) => l.text).join('\n');
