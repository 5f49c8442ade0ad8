import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ApiException } from '@kubernetes/client-node';
import {
  backoffMs,
  isRetryable,
  mayHaveApplied,
  mayHaveAppliedError,
  retryAfterMs,
  sendOnce,
  withRetry,
} from '../../src/cluster/retry.ts';

const api = (code: number, headers: Record<string, string> = {}) =>
  new ApiException(code, 'body with secrets', {}, headers);
const reset = () =>
  Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('socket'), { code: 'ECONNRESET' }) });
const refused = () =>
  Object.assign(new TypeError('fetch failed'), {
    cause: Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }),
  });

describe('retry', () => {
  test('retries 429, 5xx and resets; not 4xx, refusals or timeouts', () => {
    assert.equal(isRetryable(api(429)), true);
    assert.equal(isRetryable(api(500)), true);
    assert.equal(isRetryable(api(503)), true);
    assert.equal(isRetryable(reset()), true);
    for (const code of [400, 401, 403, 404, 409, 422]) assert.equal(isRetryable(api(code)), false, String(code));
    assert.equal(isRetryable(refused()), false);
    assert.equal(isRetryable(new DOMException('timed out', 'TimeoutError')), false);
  });

  test('backoff doubles with jitter and is capped', () => {
    const options = { baseDelayMs: 200, maxDelayMs: 2000, random: () => 0 };
    assert.deepEqual(
      [0, 1, 2, 3, 4].map((n) => backoffMs(api(500), n, options)),
      [200, 400, 800, 1600, 2000],
    );
    assert.equal(backoffMs(api(500), 0, { ...options, random: () => 1 }), 300);
  });

  test('Retry-After is honoured and capped', () => {
    assert.equal(retryAfterMs(api(429, { 'retry-after': '1' })), 1000);
    assert.equal(backoffMs(api(429, { 'retry-after': '1' }), 0, { random: () => 0 }), 1000);
    assert.equal(backoffMs(api(429, { 'retry-after': '120' }), 0, { maxDelayMs: 2000 }), 2000);
    assert.equal(retryAfterMs(api(429, { 'retry-after': new Date(10_000).toUTCString() }), 5000), 5000);
    assert.equal(retryAfterMs(api(429, { 'retry-after': 'soon' })), undefined);
  });

  test('gives up after the attempts, sleeping between them', async () => {
    const waits: number[] = [];
    let calls = 0;
    await assert.rejects(
      withRetry(
        async () => {
          calls += 1;
          throw api(503);
        },
        { attempts: 3, sleep: async (ms) => void waits.push(ms), random: () => 0 },
      ),
      (error: unknown) => error instanceof ApiException && error.code === 503,
    );
    assert.equal(calls, 3);
    assert.deepEqual(waits, [200, 400]);
  });

  test('succeeds after a transient failure; a 404 is not retried', async () => {
    let calls = 0;
    const value = await withRetry(
      async () => {
        calls += 1;
        if (calls === 1) throw reset();
        return 'ok';
      },
      { sleep: async () => {} },
    );
    assert.equal(value, 'ok');
    assert.equal(calls, 2);
    let notFoundCalls = 0;
    await assert.rejects(
      withRetry(
        async () => {
          notFoundCalls += 1;
          throw api(404);
        },
        { sleep: async () => {} },
      ),
    );
    assert.equal(notFoundCalls, 1);
  });

  test('a mutating verb is sent once, whatever the failure and the attempts configured', async () => {
    for (const verb of ['create', 'update', 'patch', 'delete']) {
      let calls = 0;
      await assert.rejects(
        withRetry(
          async () => {
            calls += 1;
            throw api(503);
          },
          { verb, attempts: 5, sleep: async () => {} },
        ),
      );
      assert.equal(calls, 1, verb);
    }
  });
});

describe('mutations: may it have applied?', () => {
  const timeout = () => new DOMException('timed out', 'TimeoutError');
  test('5xx, resets and timeouts may have applied; 4xx and refused connections did not', () => {
    assert.equal(mayHaveApplied(api(500)), true);
    assert.equal(mayHaveApplied(api(504)), true);
    assert.equal(mayHaveApplied(reset()), true);
    assert.equal(mayHaveApplied(timeout()), true);
    for (const code of [400, 403, 404, 409, 422, 429]) assert.equal(mayHaveApplied(api(code)), false, String(code));
    assert.equal(mayHaveApplied(refused()), false);
  });

  test('sendOnce maps the failure to the coded error and marks whether it may have applied', async () => {
    const what = { verb: 'delete', resource: 'pods', namespace: 'shop', name: 'api-1' };
    let calls = 0;
    const failing = (error: unknown) => () => {
      calls += 1;
      return Promise.reject(error);
    };
    await assert.rejects(sendOnce(what, failing(api(500))), (error) => mayHaveAppliedError(error));
    await assert.rejects(sendOnce(what, failing(api(403))), (error) => !mayHaveAppliedError(error));
    await assert.rejects(sendOnce(what, failing(refused())), (error) => !mayHaveAppliedError(error));
    assert.equal(calls, 3);
  });
});
