import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { ExitcodeError } from '../../src/errors.ts';
import { createMetrics } from '../../src/ops/metrics.ts';
import { createDependencyMonitor, createOpsRoutes, serveRoutes } from '../../src/ops/routes.ts';

describe('ops routes over HTTP', async () => {
  const state = { kube: true, slack: true, kubeCalls: 0, serving: 'starting' as 'starting' | 'serving' | 'stopping' };
  let clock = 0;
  const metrics = createMetrics({ processMetrics: false });
  const health = createDependencyMonitor({
    cacheMs: 1_000,
    now: () => new Date(clock),
    onResult: (dependency, up) => metrics.dependencyUp(dependency, up),
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
  const served = await serveRoutes({
    routes: createOpsRoutes({ metrics, health, serving: () => state.serving }),
    port: 0,
    host: '127.0.0.1',
  });
  after(() => served.close());
  const get = async (path: string) => {
    const response = await fetch(`http://127.0.0.1:${served.port}${path}`);
    return { status: response.status, text: await response.text(), type: response.headers.get('content-type') };
  };
  const healthz = async () => {
    const response = await get('/healthz');
    assert.equal(response.status, 200, 'liveness never depends on a dependency');
    return JSON.parse(response.text) as { status: string; serving: string; dependencies: Record<string, string> };
  };

  test('/readyz follows only whether this process serves: starting, serving, stopping', async () => {
    assert.deepEqual(await get('/readyz'), {
      status: 503,
      text: 'not ready: starting\n',
      type: 'text/plain; charset=utf-8',
    });
    state.serving = 'serving';
    assert.deepEqual(await get('/readyz'), { status: 200, text: 'ready\n', type: 'text/plain; charset=utf-8' });
  });

  test('Kubernetes or Slack down: still ready; /healthz detail and the gauges say which one', async () => {
    state.serving = 'serving';
    await health.refresh();
    assert.deepEqual((await healthz()).dependencies, { kubernetes: 'ok', slack: 'ok' });
    state.kube = false;
    // Within the cache window the earlier answer stands, and the cluster is not asked again.
    const calls = state.kubeCalls;
    await health.refresh();
    assert.equal(state.kubeCalls, calls);
    clock += 1_001;
    await health.refresh();
    assert.equal((await get('/readyz')).status, 200, 'an API-server blip does not mark the replica unready');
    assert.deepEqual((await healthz()).dependencies, { kubernetes: 'cluster_unreachable', slack: 'ok' });
    state.kube = true;
    state.slack = false;
    clock += 1_001;
    const scrape = await get('/metrics');
    assert.match(scrape.text, /^exitcode_dependency_up\{dependency="kubernetes"\} 1$/m);
    assert.match(scrape.text, /^exitcode_dependency_up\{dependency="slack"\} 0$/m);
    assert.equal((await get('/readyz')).status, 200);
    assert.equal((await healthz()).dependencies.slack, 'invalid_auth');
  });

  test('stopping: not ready, so traffic drains to other replicas; still alive', async () => {
    state.serving = 'stopping';
    assert.equal((await get('/readyz')).text, 'not ready: stopping\n');
    assert.equal((await healthz()).serving, 'stopping');
    state.serving = 'serving';
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

test('dependency health: a check that hangs fails by timeout; concurrent callers share one round', async () => {
  let calls = 0;
  const health = createDependencyMonitor({
    timeoutMs: 20,
    now: () => new Date(0),
    checks: {
      kubernetes: () => {
        calls += 1;
        return new Promise(() => {});
      },
    },
  });
  const [a, b] = await Promise.all([health.refresh(), health.refresh()]);
  assert.equal(calls, 1);
  assert.deepEqual(a, {
    healthy: false,
    dependencies: { kubernetes: 'timeout' },
    checkedAt: new Date(0).toISOString(),
  });
  assert.equal(a, b);
});

test('dependency health never reports a raw error message', async () => {
  const health = createDependencyMonitor({
    checks: { slack: () => Promise.reject(new Error('token xoxb-SECRET rejected by https://internal')) },
  });
  const result = await health.refresh();
  assert.deepEqual(result.dependencies, { slack: 'failed' });
});
