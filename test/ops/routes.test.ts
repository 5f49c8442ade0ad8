import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { ExitcodeError } from '../../src/errors.ts';
import { createMetrics } from '../../src/ops/metrics.ts';
import { createOpsRoutes, createReadiness, serveRoutes } from '../../src/ops/routes.ts';

describe('ops routes over HTTP', async () => {
  const state = { kube: true, slack: true, kubeCalls: 0 };
  let clock = 0;
  const metrics = createMetrics({ processMetrics: false });
  const readiness = createReadiness({
    cacheMs: 1_000,
    now: () => new Date(clock),
    checks: {
      kubernetes: async () => {
        state.kubeCalls += 1;
        if (!state.kube) throw new ExitcodeError('cluster_unreachable', 'The API server did not answer.');
      },
      slack: async () => {
        if (!state.slack)
          throw Object.assign(new Error('An API error occurred: invalid_auth'), { data: { error: 'invalid_auth' } });
      },
    },
  });
  const served = await serveRoutes({ routes: createOpsRoutes({ metrics, readiness }), port: 0, host: '127.0.0.1' });
  after(() => served.close());
  const get = async (path: string) => {
    const response = await fetch(`http://127.0.0.1:${served.port}${path}`);
    return { status: response.status, text: await response.text(), type: response.headers.get('content-type') };
  };

  test('/healthz answers 200 while the process is up', async () => {
    assert.deepEqual(await get('/healthz'), { status: 200, text: 'ok\n', type: 'text/plain; charset=utf-8' });
  });

  test('/readyz: 200 when both parts are ok, 503 naming the failing part, cached briefly', async () => {
    assert.equal((await get('/readyz')).status, 200);
    state.kube = false;
    // Within the cache window the earlier answer stands, and the cluster is not asked again.
    const calls = state.kubeCalls;
    assert.equal((await get('/readyz')).status, 200);
    assert.equal(state.kubeCalls, calls);
    clock += 1_001;
    assert.deepEqual(await get('/readyz'), {
      status: 503,
      text: 'not ready: kubernetes (cluster_unreachable)\n',
      type: 'text/plain; charset=utf-8',
    });
    state.kube = true;
    state.slack = false;
    clock += 1_001;
    assert.equal((await get('/readyz')).text, 'not ready: slack (invalid_auth)\n');
    state.slack = true;
    clock += 1_001;
    assert.equal((await get('/readyz')).status, 200);
  });

  test('/metrics serves the Prometheus exposition of this app', async () => {
    metrics.command('slash');
    const response = await get('/metrics');
    assert.equal(response.status, 200);
    assert.match(response.type ?? '', /^text\/plain; version=0\.0\.4/);
    assert.match(response.text, /^exitcode_commands_total\{kind="slash"\} 1$/m);
  });

  test('unknown paths and methods get 404', async () => {
    assert.equal((await get('/nope')).status, 404);
    const post = await fetch(`http://127.0.0.1:${served.port}/metrics`, { method: 'POST' });
    await post.text();
    assert.equal(post.status, 404);
  });
});

test('readiness: a check that hangs fails by timeout; concurrent probes share one round', async () => {
  let calls = 0;
  const readiness = createReadiness({
    timeoutMs: 20,
    checks: {
      kubernetes: () => {
        calls += 1;
        return new Promise(() => {});
      },
    },
  });
  const [a, b] = await Promise.all([readiness(), readiness()]);
  assert.equal(calls, 1);
  assert.deepEqual(a, { ready: false, checks: { kubernetes: 'timeout' } });
  assert.equal(a, b);
});

test('readiness never reports a raw error message', async () => {
  const readiness = createReadiness({
    checks: { slack: () => Promise.reject(new Error('token xoxb-SECRET rejected by https://internal')) },
  });
  const result = await readiness();
  assert.deepEqual(result, { ready: false, checks: { slack: 'failed' } });
});
