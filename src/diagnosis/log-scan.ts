/**
 * Turns a raw container log into the normalized tail the rules read. Only the tail matters for a crash,
 * and logs can be huge or hostile, so every step is bounded: at most `maxBytes` of the end are decoded,
 * at most `maxLines` lines kept, and each line cut to `maxLineLength`. All patterns here are linear
 * (no nested quantifiers, disjoint alternatives) so no input can make them backtrack.
 */
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

/** JSON lines larger than this are not parsed: a crash message is small, a huge object is payload. */
const MAX_JSON_LINE = 64 * 1024;
/** Stack lines unpacked from one JSON record: enough for the top frames, not a whole dump. */
const MAX_STACK_LINES = 40;

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

const LEVEL_WORDS: Record<string, string> = {
  trace: 'trace',
  debug: 'debug',
  // Kong/OpenResty "[verbose]", winston "verbose": chattier than info.
  verbose: 'debug',
  info: 'info',
  information: 'info',
  notice: 'info',
  note: 'info',
  warn: 'warn',
  warning: 'warn',
  error: 'error',
  err: 'error',
  severe: 'error',
  fatal: 'fatal',
  critical: 'fatal',
  crit: 'fatal',
  panic: 'fatal',
  emerg: 'fatal',
  emergency: 'fatal',
  alert: 'fatal',
};

const normalizeLevel = (value: unknown): string | undefined => {
  if (typeof value === 'number') {
    // pino/bunyan numeric levels
    if (value >= 60) return 'fatal';
    if (value >= 50) return 'error';
    if (value >= 40) return 'warn';
    if (value >= 30) return 'info';
    if (value >= 20) return 'debug';
    return 'trace';
  }
  if (typeof value !== 'string') return undefined;
  return LEVEL_WORDS[value.trim().toLowerCase()];
};

// Upper-case level words near the start (postgres "FATAL:", log4j "ERROR [main]", nginx "[emerg]",
// mysql "[ERROR]", logfmt "level=error", celery "ERROR/MainProcess").
const PLAIN_LEVEL =
  /(?:^|[\s[|(:])(TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|ERR|SEVERE|FATAL|CRITICAL|CRIT|PANIC|EMERG|ALERT)(?=[\]\s:|)/,]|$)/;
const BRACKET_LEVEL = /\[(trace|debug|verbose|info|notice|note|warn|warning|error|crit|alert|emerg|fatal|critical)\]/i;
const KV_LEVEL = /\b(?:level|lvl|severity)=["']?([A-Za-z]{3,9})/i;

// glog/klog's one-letter severity (Kubernetes components, TensorFlow, gRPC C++): "E0311 09:12:44.102311
// 1 reflector.go:138] ..." or TensorFlow's "2024-03-11 09:12:44.102311: W tensorflow/.../dso_loader.cc:64] ...".
const GLOG_LEVEL =
  /^(?:([IWEF])\d{4} \d{2}:\d{2}:\d{2}\.\d{1,9} {1,12}\d{1,10} |\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{1,9}: ([IWEF]) )[\w./-]{1,300}:\d{1,6}\] /;
const GLOG_LETTERS: Record<string, string> = { I: 'info', W: 'warn', E: 'error', F: 'fatal' };

const plainLevel = (text: string): string | undefined => {
  const glog = GLOG_LEVEL.exec(text);
  if (glog) return GLOG_LETTERS[glog[1] ?? glog[2] ?? ''];
  const head = text.slice(0, 100);
  const kv = KV_LEVEL.exec(head);
  if (kv) return normalizeLevel(kv[1]);
  const bracket = BRACKET_LEVEL.exec(head);
  if (bracket) return normalizeLevel(bracket[1]);
  const word = PLAIN_LEVEL.exec(head);
  if (word) return normalizeLevel(word[1]);
  return undefined;
};

const ERROR_LOOKING =
  /\b(?:[Ee]rror|ERROR|[Ee]xception|EXCEPTION|[Ff]atal|FATAL|[Pp]anic|PANIC|[Ff]ailed|FAILED|Traceback|[Cc]ritical|CRITICAL|[Dd]enied|[Rr]efused|[Aa]bort)/;

/** A line that reads as an error: logged at error or fatal level, or carrying an error word. */
export const errorLooking = (line: LogLine): boolean =>
  line.level === 'error' || line.level === 'fatal' || ERROR_LOOKING.test(line.text);

const str = (value: unknown): string | undefined => (typeof value === 'string' && value.length > 0 ? value : undefined);

const field = (record: Record<string, unknown>, path: string): unknown => {
  let current: unknown = record;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
};

const firstString = (record: Record<string, unknown>, paths: string[]): string | undefined => {
  for (const path of paths) {
    const value = str(record[path]) ?? str(field(record, path));
    if (value) return value;
  }
  return undefined;
};

const MESSAGE_KEYS = ['msg', 'message', '@m', '@mt', 'MessageTemplate', 'log', 'event', 'text'];
const ERROR_KEYS = [
  'error.message',
  'err.message',
  'exception.message',
  'error',
  'err',
  'exception',
  'exc_info',
  'attr.error',
  // MongoDB: WiredTiger errors and fatal assertions carry their text here.
  'attr.message',
  'attr.reason',
];
/**
 * Fields of an error object worth reading when the error is an object (MongoDB attr.error; WiredTiger's
 * attr.message, whose `msg` and `error_str` carry the errno's words, "Too many open files").
 */
const ERROR_OBJECT_KEYS = ['codeName', 'errmsg', 'message', 'reason', 'code', 'msg', 'error_str'];

const errorObjectText = (record: Record<string, unknown>): string | undefined => {
  for (const path of ['error', 'err', 'attr.error', 'attr.message', 'exception']) {
    const value = field(record, path);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) continue;
    const parts = ERROR_OBJECT_KEYS.map((key) => (value as Record<string, unknown>)[key]).filter(
      (part): part is string | number => (typeof part === 'string' && part.length > 0) || typeof part === 'number',
    );
    if (parts.length > 0) return parts.join(': ');
  }
  return undefined;
};
// error.stack_trace: Elastic Common Schema (Elasticsearch 8, Logstash, the ecs-logging libraries).
const STACK_KEYS = [
  'stack',
  'error.stack',
  'err.stack',
  'stack_trace',
  'stacktrace',
  'error.stack_trace',
  'exception.stacktrace',
  '@x',
];
const LEVEL_KEYS = ['level', 'severity', 'lvl', '@l', 'levelname', 'log.level', 'loglevel'];

// Words that name where a dependency lives: a key made with one of them is an address setting.
const ADDRESS_WORDS = ['addr', 'host', 'url', 'uri', 'dsn', 'endpoint', 'server'];
const SAFE_KEY = /^[\w.-]{1,64}$/;

/**
 * True when a setting's key names an address ("redis_addr", "DATABASE_URL", "baseURL", "hostname"): one
 * of its words starts or ends with an address word, so "security" or "dsnap" do not count.
 */
export const isAddressKey = (key: string): boolean => {
  if (!SAFE_KEY.test(key)) return false;
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/);
  return words.some((word) => ADDRESS_WORDS.some((a) => word.startsWith(a) || word.endsWith(a)));
};

/** Telltale address fields rendered on one line: more would be a whole config, not a clue. */
const MAX_TELLTALE_ADDRESSES = 4;
/** A loopback address in a client's config is, inside a pod, nearly always the library's default. */
const LOOPBACK =
  /^(?:[a-z][a-z0-9+.-]{0,20}:\/\/)?(?:[^@/\s]{0,200}@)?(?:localhost|127\.0\.0\.1|\[::1\]|::1)(?::\d{1,5})?(?:\/[^\s]{0,200})?$/i;
const MAX_ADDRESS_CHARS = 200;

/**
 * A printed config whose address is empty (`"redis_addr":""`) or a loopback default
 * (`"url":"nats://127.0.0.1:4222"`) followed by a refusal on localhost is the one log signal that tells an
 * unset variable from an unreachable dependency: those fields are kept as ` key=""` or ` key=value` after
 * the message (top-level keys only). Other addresses are left out: they say nothing about the cause.
 */
const telltaleAddresses = (record: Record<string, unknown>): string => {
  const out: string[] = [];
  for (const [key, value] of Object.entries(record)) {
    if (typeof value !== 'string' || !isAddressKey(key)) continue;
    if (value === '') out.push(` ${key}=""`);
    else if (value.length <= MAX_ADDRESS_CHARS && LOOPBACK.test(value)) out.push(` ${key}=${value}`);
    if (out.length >= MAX_TELLTALE_ADDRESSES) break;
  }
  return out.join('');
};

interface Unpacked {
  text: string;
  level?: string;
  stack: string[];
}

/**
 * PostgreSQL's own JSON records (log_destination=jsonlog; CloudNativePG wraps each as {"msg":"record",
 * "record":{...}}) keep the severity, message, detail and hint in fields of their own. They are read
 * back as PostgreSQL prints them as text ("FATAL:  message", then "DETAIL:  ..." and "HINT:  ..."), so
 * what the rules know of PostgreSQL's text applies to them too.
 */
const postgresRecord = (value: unknown): Unpacked | null => {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const record = value as Record<string, unknown>;
  const severity = str(record['error_severity']);
  const message = str(record['message']);
  if (severity === undefined || message === undefined) return null;
  const extra = ['detail', 'hint'].flatMap((key) => {
    const text = str(record[key]);
    return text === undefined ? [] : [`${key.toUpperCase()}:  ${text}`];
  });
  // LOG, the DEBUGn levels and the like are PostgreSQL's informational ones.
  return { text: `${severity}:  ${message}`, level: normalizeLevel(severity) ?? 'info', stack: extra };
};

/** Reads a structured log record; null when the line is not a JSON object. */
const unpackJson = (line: string, depth = 0): Unpacked | null => {
  if (line.length > MAX_JSON_LINE || line.charCodeAt(0) !== 123 /* { */) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return null;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
  const record = parsed as Record<string, unknown>;
  // Docker json-file wrapper: the payload may itself be a JSON record.
  const wrapped = str(record['log']);
  if (wrapped !== undefined && ('stream' in record || 'time' in record) && depth === 0) {
    const inner = wrapped.replace(/\r?\n$/, '');
    return unpackJson(inner.trimStart(), 1) ?? { text: inner, level: plainLevel(inner), stack: [] };
  }
  const postgres = postgresRecord(record) ?? postgresRecord(record['record']);
  if (postgres) return postgres;
  let level: string | undefined;
  for (const key of LEVEL_KEYS) {
    level = normalizeLevel(record[key] ?? field(record, key));
    if (level) break;
  }
  const message = firstString(record, MESSAGE_KEYS);
  const error = firstString(record, ERROR_KEYS) ?? errorObjectText(record);
  const stack = firstString(record, STACK_KEYS);
  const parts = [message, error && error !== message && !stack?.startsWith(error) ? error : undefined];
  let text = parts.filter(Boolean).join(': ');
  // No known message field: keep the compact record so rules still see its words (errno, code, ...).
  if (!text) text = line;
  else text += telltaleAddresses(record);
  const stackLines = stack
    ? stack
        .split(/\r?\n/)
        .map((s) => s.trimEnd())
        .filter((s) => s.trim().length > 0)
        .slice(0, MAX_STACK_LINES)
    : [];
  // A stack usually repeats the message as its first line.
  if (stackLines[0] && text.includes(stackLines[0].trim())) stackLines.shift();
  return { text, level, stack: stackLines };
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
