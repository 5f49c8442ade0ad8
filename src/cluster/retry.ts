/**
 * Bounded retries for reads, for the failures that are worth a second try: a connection reset
 * mid-request, 429 (honouring Retry-After, capped) and 5xx. Never a 4xx other than 429 (it will not
 * change), never a timeout (the user already waited once) and never a refused connection (the cluster
 * is not there). Never a mutation: a DELETE or PATCH answered 500 or cut off may have been applied, so
 * it is settled by reading the state (`mayHaveApplied`), not sent again.
 */
import { ApiException } from '@kubernetes/client-node';
import type { ExitcodeError } from '../errors.ts';
import { isAbort, isConnectionReset, networkCode, type RequestDescription, toExitcodeError } from './errors.ts';

/** RBAC verbs that change the cluster: `withRetry` refuses to repeat them. */
export const MUTATING_VERBS: ReadonlySet<string> = new Set(['create', 'update', 'patch', 'delete', 'deletecollection']);

const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * Whether a failed mutation may nevertheless have been applied: the server answered 5xx, or the
 * connection was reset or timed out after the request went out. A 4xx (429 included) was refused by
 * the server, and a refused or unresolvable connection never sent it.
 */
export const mayHaveApplied = (error: unknown): boolean => {
  if (error instanceof ApiException) return error.code >= 500;
  const code = networkCode(error);
  if (code && NEVER_SENT.has(code)) return false;
  return isAbort(error) || isConnectionReset(error) || code !== undefined;
};

export interface RetryOptions {
  /** Total attempts, including the first. */
  attempts?: number;
  baseDelayMs?: number;
  /** Upper bound on any wait, including a server's Retry-After. */
  maxDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** 0..1, for jitter; injected so tests are deterministic. */
  random?: () => number;
  /** The request's RBAC verb: a mutating verb is never retried. */
  verb?: string;
}

export const RETRY_DEFAULTS = { attempts: 3, baseDelayMs: 200, maxDelayMs: 2000 } as const;

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export const isRetryable = (error: unknown): boolean => {
  if (error instanceof ApiException) return error.code === 429 || error.code >= 500;
  return isConnectionReset(error);
};

/** Retry-After in milliseconds (seconds or an HTTP date), or undefined when absent or unreadable. */
export const retryAfterMs = (error: unknown, now: number = Date.now()): number | undefined => {
  if (!(error instanceof ApiException)) return undefined;
  const headers = (error.headers ?? {}) as Record<string, string>;
  const raw = headers['retry-after'] ?? headers['Retry-After'];
  if (raw === undefined) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
};

/** The wait before retry number `retry` (0-based): exponential with up to 50% jitter, or Retry-After. */
export const backoffMs = (error: unknown, retry: number, options: RetryOptions = {}): number => {
  const base = options.baseDelayMs ?? RETRY_DEFAULTS.baseDelayMs;
  const max = options.maxDelayMs ?? RETRY_DEFAULTS.maxDelayMs;
  const random = options.random ?? Math.random;
  const fromServer = retryAfterMs(error);
  const wait = fromServer ?? base * 2 ** retry * (1 + random() / 2);
  return Math.min(max, Math.round(wait));
};

export const withRetry = async <T>(call: () => Promise<T>, options: RetryOptions = {}): Promise<T> => {
  const attempts =
    options.verb && MUTATING_VERBS.has(options.verb) ? 1 : Math.max(1, options.attempts ?? RETRY_DEFAULTS.attempts);
  const sleep = options.sleep ?? defaultSleep;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= attempts || !isRetryable(error)) throw error;
      await sleep(backoffMs(error, attempt - 1, options));
    }
  }
};

/** An ExitcodeError from a mutation, saying whether the change may have been applied all the same. */
export const mayHaveAppliedError = (error: unknown): boolean =>
  (error as ExitcodeError | undefined)?.details?.mayHaveApplied === true;

/**
 * Sends a mutation exactly once. A failure becomes the coded error a read would give, with
 * `details.mayHaveApplied` set when the outcome is unknown, so the caller settles it by reading.
 */
export const sendOnce = async <T>(what: RequestDescription, request: () => Promise<T>): Promise<T> => {
  try {
    return await request();
  } catch (error) {
    const mapped = toExitcodeError(error, what);
    if (mapped !== error) mapped.details.mayHaveApplied = mayHaveApplied(error);
    throw mapped;
  }
};
