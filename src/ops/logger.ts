/**
 * Structured JSON logs (pino). One logger per process; each command gets `logger.child({ requestId })`
 * so one request's lines can be found together. Every line passes the same redaction as everything
 * else that leaves the process (src/text), applied to the serialized line, so a secret inside a
 * message, an error's text or a nested field is masked wherever it sits; token-like fields are also
 * censored by path. Code should still never log a secret in the first place.
 */
import { randomUUID } from 'node:crypto';
import { type DestinationStream, type Logger, pino } from 'pino';
import type { LogLevel } from '../config.ts';
import { redact, redactDeep } from '../text/outgoing.ts';

export type { Logger };

/** Paths whose values are replaced, at the top level and one level down (e.g. `{ slack: { botToken } }`). */
const SECRET_KEYS = [
  'token',
  'botToken',
  'appToken',
  'signingSecret',
  'actionSecret',
  'apiKey',
  'password',
  'authorization',
  'Authorization',
  'cookie',
];
export const REDACT_PATHS = [
  ...SECRET_KEYS,
  ...SECRET_KEYS.map((key) => `*.${key}`),
  'headers.authorization',
  'req.headers.authorization',
  '*.headers.authorization',
];

/**
 * Redacts one serialized line: each string value on its own (so the escapes of JSON do not hide a key
 * or a command from the patterns), then the whole line again as a net. Not JSON: redacted as text.
 */
const redactLogLine = (line: string): string => {
  try {
    return `${redact(JSON.stringify(redactDeep(JSON.parse(line))))}\n`;
  } catch {
    return redact(line);
  }
};

export const createLogger = ({
  level,
  destination,
}: {
  level: LogLevel;
  /** Where lines go; defaults to stdout. Tests pass a stream to read what was logged. */
  destination?: DestinationStream;
}): Logger =>
  pino(
    {
      level,
      base: { service: 'exitcode' },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      hooks: { streamWrite: redactLogLine },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Level names ("info") rather than numbers: easier to read and filter in any log stack.
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );

/** A short random id to correlate one command's log lines (and quote in a reply to a user). */
export const newRequestId = (): string => randomUUID().slice(0, 8);
