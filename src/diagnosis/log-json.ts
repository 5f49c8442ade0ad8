/**
 * Structured log lines (pino, bunyan, zap, logrus, Serilog, ECS, GCP, MongoDB, PostgreSQL's jsonlog, the
 * Docker json-file wrapper): the message, the error and its stack are read from the fields each library
 * uses, so the rules see the same words a text log would show them.
 */
import { normalizeLevel, plainLevel } from './log-levels.ts';

/** JSON lines larger than this are not parsed: a crash message is small, a huge object is payload. */
export const MAX_JSON_LINE = 64 * 1024;
/** Stack lines unpacked from one JSON record: enough for the top frames, not a whole dump. */
const MAX_STACK_LINES = 40;

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

/** A machine code of an error object ("ECONNREFUSED", "ConnectionRefused", "ENOTFOUND"): one word. */
const ERROR_CODE = /^[A-Za-z_][\w.-]{1,39}$/;
const ERROR_ADDRESS_KEYS = ['address', 'host', 'hostname', 'url', 'path'];

/**
 * What an error object knows beyond its message: its code and, when it is a loopback default, the address
 * it dialled. A serialized Node error keeps them as fields ("fetch failed" with cause.code "ECONNREFUSED";
 * Bun's "Unable to connect" with code "ConnectionRefused" and path "http://localhost:8123/"), so the words
 * a text log would print are added after the message, unless the text already says them.
 */
const errorDetails = (record: Record<string, unknown>, text: string): string => {
  let added = '';
  const add = (words: string, part: string) => {
    if (!text.includes(words) && !added.includes(words)) added += part;
  };
  for (const path of ['err', 'error', 'err.cause', 'error.cause']) {
    const value = field(record, path);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) continue;
    const error = value as Record<string, unknown>;
    const cause = path.endsWith('cause') ? str(error['message']) : undefined;
    if (cause !== undefined && cause.length <= MAX_ADDRESS_CHARS) add(cause, ` cause: ${cause}`);
    const code = error['code'];
    if (typeof code === 'string' && ERROR_CODE.test(code)) add(code, ` code=${code}`);
    for (const key of ERROR_ADDRESS_KEYS) {
      const address = str(error[key]);
      if (address !== undefined && address.length <= MAX_ADDRESS_CHARS && LOOPBACK.test(address))
        add(address, ` ${key}=${address}`);
    }
  }
  return added;
};

export interface Unpacked {
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
export const unpackJson = (line: string, depth = 0): Unpacked | null => {
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
  else text += errorDetails(record, text) + telltaleAddresses(record);
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
