/**
 * How the Slack gateway calls the Web API: one attempt at a time through a WebClient built with no
 * retries of its own (`retryConfig: { retries: 0 }`, `rejectRateLimitedCalls: true`, a `timeout`), so
 * every retry decision is made here, where we know whether a method is safe to repeat:
 *
 * - 429: Slack did not run the call; every method waits Retry-After (capped) and tries again.
 * - 5xx, a reset or a timeout: the call may or may not have run. Reads and idempotent writes
 *   (chat.update to the same content) try again; a post is never repeated blindly (the gateway settles
 *   it by reading, see web-gateway.ts); ephemerals and uploads report the failure.
 * - Slack's own errors (ok:false: not_in_channel, invalid_blocks, ...) are answers, never retried.
 *
 * Every attempt is counted per method, every failure per code. close() ends pending calls and waits at
 * once, so shutdown never waits on Slack.
 */
import { ExitcodeError } from '../errors.ts';
import type { SlackMetrics } from './deliver.ts';

export type CallKind = 'read' | 'idempotent' | 'write';

export interface CallPolicySettings {
  /** Attempts per call, the first included. */
  maxAttempts: number;
  /** A Retry-After longer than this fails the call instead of holding the answer. */
  maxRetryAfterMs: number;
  /** Pause before retrying a 5xx or a reset (doubles per attempt). */
  backoffMs: number;
}

export const DEFAULT_CALL_POLICY: CallPolicySettings = { maxAttempts: 3, maxRetryAfterMs: 30_000, backoffMs: 250 };

/** Why an attempt failed, as far as retrying is concerned. */
export type FailureKind = 'rate_limited' | 'ambiguous' | 'answer';

interface WebError {
  code?: string;
  retryAfter?: number;
  statusCode?: number;
  data?: { error?: unknown };
  original?: { name?: string; message?: string };
}

export const failureKind = (error: unknown): FailureKind => {
  const code = (error as WebError | undefined)?.code;
  if (code === 'slack_webapi_rate_limited_error') return 'rate_limited';
  if (code === 'slack_webapi_request_error' || code === 'slack_webapi_http_error') return 'ambiguous';
  return 'answer';
};

/** The label a failure is counted under: Slack's code, or what went wrong on the way. */
export const failureCode = (error: unknown): string => {
  const e = error as WebError | undefined;
  if (typeof e?.data?.error === 'string') return e.data.error;
  if (e?.code === 'slack_webapi_rate_limited_error') return 'ratelimited';
  if (e?.code === 'slack_webapi_http_error') return `http_${e.statusCode ?? 'error'}`;
  if (e?.code === 'slack_webapi_request_error') {
    const name = e.original?.name ?? '';
    return name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'request_error';
  }
  return 'unknown';
};

export const slackUnavailable = (method: string, cause: string): ExitcodeError =>
  new ExitcodeError(
    'slack_error',
    cause === 'timeout'
      ? 'Slack did not answer in time, so this answer may be missing; please try again in a minute.'
      : 'Slack could not be reached, so this answer may be missing; please try again in a minute.',
    { method, cause },
  );

const SHUTTING_DOWN = 'shutting_down';

export interface CallPolicy {
  call<T>(method: string, kind: CallKind, attempt: () => Promise<T>): Promise<T>;
  /** Ends every pending call and wait with a slack_error (shutdown). */
  close(): void;
  readonly pending: number;
}

export const createCallPolicy = ({
  metrics,
  settings = DEFAULT_CALL_POLICY,
}: {
  metrics: SlackMetrics;
  settings?: CallPolicySettings;
}): CallPolicy => {
  const aborts = new Set<(error: Error) => void>();
  let closed = false;

  /** Races `work` against close(); the loser is ignored. */
  const abortable = <T>(work: Promise<T>, method: string): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const abort = (error: Error) => reject(error);
      aborts.add(abort);
      // Handled even after an abort: the late outcome of an abandoned call is dropped, never unhandled.
      work.then(resolve, reject).finally(() => aborts.delete(abort));
      if (closed) abort(slackUnavailable(method, SHUTTING_DOWN));
    });

  const wait = (ms: number, method: string): Promise<void> =>
    abortable(new Promise<void>((resolve) => setTimeout(resolve, ms).unref()), method);

  return {
    get pending() {
      return aborts.size;
    },
    close: () => {
      closed = true;
      for (const abort of aborts) abort(slackUnavailable('any', SHUTTING_DOWN));
      aborts.clear();
    },
    call: async <T>(method: string, kind: CallKind, attempt: () => Promise<T>): Promise<T> => {
      for (let n = 1; ; n++) {
        if (closed) throw slackUnavailable(method, SHUTTING_DOWN);
        metrics.slackCall(method);
        try {
          return await abortable(attempt(), method);
        } catch (error) {
          if (error instanceof ExitcodeError) throw error;
          const code = failureCode(error);
          metrics.error(`slack_${code}`);
          const why = failureKind(error);
          const retryable = why === 'rate_limited' || (why === 'ambiguous' && kind !== 'write');
          if (!retryable) throw error;
          if (n >= settings.maxAttempts) {
            throw why === 'rate_limited'
              ? new ExitcodeError('slack_error', 'Slack is rate-limiting this app; please try again in a minute.', {
                  method,
                })
              : slackUnavailable(method, code);
          }
          const retryAfterMs = ((error as WebError).retryAfter ?? 1) * 1000;
          if (why === 'rate_limited' && retryAfterMs > settings.maxRetryAfterMs) {
            throw new ExitcodeError('slack_error', 'Slack is rate-limiting this app; please try again in a minute.', {
              method,
              retryAfterMs,
            });
          }
          await wait(why === 'rate_limited' ? retryAfterMs : settings.backoffMs * 2 ** (n - 1), method);
        }
      }
    },
  };
};
