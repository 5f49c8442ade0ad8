/**
 * What the HTTP receiver checks before Bolt sees a request, beyond Bolt's own signature check (which
 * only refuses timestamps older than 5 minutes):
 *
 * - a signature that does not match is refused (401) here already, so nothing below runs for forgeries;
 * - a timestamp more than 5 minutes in the future is refused (401): a request signed "later" by
 *   whoever holds the secret would otherwise stay replayable for as long as its skew;
 * - the same signed request again (same signature) within the window is dropped (401): a captured
 *   slash command replayed would run twice. The cache is keyed by signature, holds each entry only as
 *   long as the timestamp window makes it acceptable, and is bounded (the oldest go first);
 * - a body that is not an object (`null`, a number, malformed JSON, a `payload` that is not an object)
 *   is answered 400, never left to throw inside Bolt as an unhandled rejection.
 *
 * The body is buffered here once and handed on as `rawBody`, which Bolt reuses instead of reading the
 * stream again. Paths other than the Slack endpoints (health, metrics) pass untouched.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';

/** Slack's window: a request more than this far from our clock, either way, is refused. */
export const TIMESTAMP_WINDOW_SECONDS = 5 * 60;
export const REPLAY_CACHE_CAPACITY = 50_000;
/** Slack's payloads are small; 1 MiB is generous and bounds what a stranger can make us buffer. */
export const MAX_BODY_BYTES = 1024 * 1024;

export type GuardRefusal = 'bad_signature' | 'future_timestamp' | 'stale_timestamp' | 'replay' | 'malformed_body';

export interface RequestGuardOptions {
  signingSecret: string;
  endpoints: string[];
  /** Seconds since the epoch. */
  nowSeconds?: () => number;
  onRefused?: (why: GuardRefusal) => void;
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
};

const readBody = async (req: IncomingMessage): Promise<Buffer | undefined> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
};

const signatureMatches = (secret: string, timestamp: string, body: string, signature: string): boolean => {
  const expected = Buffer.from(`v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`);
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
};

const isObject = (value: unknown): boolean => typeof value === 'object' && value !== null && !Array.isArray(value);

/** True when the body parses as Bolt will parse it, into an object. */
const wellFormed = (body: string, contentType: string | undefined): boolean => {
  try {
    if (contentType === 'application/x-www-form-urlencoded') {
      const form = parseQuery(body);
      return typeof form.payload === 'string' ? isObject(JSON.parse(form.payload)) : true;
    }
    return isObject(JSON.parse(body));
  } catch {
    return false;
  }
};

/** Remembers signatures until their timestamp leaves the window; bounded, oldest dropped first. */
const replayCache = (capacity: number) => {
  const seen = new Map<string, number>();
  return {
    /** True when `signature` was seen and is still within its window; records it otherwise. */
    seenBefore: (signature: string, expiresAt: number, now: number): boolean => {
      for (const [key, until] of seen) {
        if (until >= now) break;
        seen.delete(key);
      }
      const until = seen.get(signature);
      if (until !== undefined && until >= now) return true;
      seen.set(signature, expiresAt);
      if (seen.size > capacity) seen.delete(seen.keys().next().value as string);
      return false;
    },
  };
};

export const guardRequests = (next: RequestListener, options: RequestGuardOptions): RequestListener => {
  const nowSeconds = options.nowSeconds ?? (() => Math.floor(Date.now() / 1000));
  const cache = replayCache(REPLAY_CACHE_CAPACITY);
  const refuse = (res: ServerResponse, status: number, why: GuardRefusal): void => {
    options.onRefused?.(why);
    res.writeHead(status);
    res.end();
  };
  const check = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const raw = await readBody(req);
    if (raw === undefined) return refuse(res, 413, 'malformed_body');
    const body = raw.toString('utf8');
    const contentType = header(req, 'content-type');
    // Slack's ssl_check carries no signature; Bolt strips everything else from it.
    if (contentType === 'application/x-www-form-urlencoded' && parseQuery(body).ssl_check === '1') {
      (req as IncomingMessage & { rawBody?: Buffer }).rawBody = raw;
      return next(req, res);
    }
    const timestamp = header(req, 'x-slack-request-timestamp') ?? '';
    const signature = header(req, 'x-slack-signature') ?? '';
    if (!/^\d{1,12}$/.test(timestamp) || !signatureMatches(options.signingSecret, timestamp, body, signature)) {
      return refuse(res, 401, 'bad_signature');
    }
    const now = nowSeconds();
    const skew = Number(timestamp) - now;
    if (skew > TIMESTAMP_WINDOW_SECONDS) return refuse(res, 401, 'future_timestamp');
    if (skew < -TIMESTAMP_WINDOW_SECONDS) return refuse(res, 401, 'stale_timestamp');
    if (!wellFormed(body, contentType)) return refuse(res, 400, 'malformed_body');
    if (cache.seenBefore(signature, Number(timestamp) + TIMESTAMP_WINDOW_SECONDS, now)) {
      return refuse(res, 401, 'replay');
    }
    (req as IncomingMessage & { rawBody?: Buffer }).rawBody = raw;
    return next(req, res);
  };
  return (req, res) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    if (req.method !== 'POST' || !options.endpoints.includes(path)) return next(req, res);
    check(req, res).catch(() => {
      if (!res.headersSent) refuse(res, 400, 'malformed_body');
      else res.end();
    });
  };
};
