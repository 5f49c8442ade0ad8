/**
 * The demo cluster's documented programmatic API, used exactly as tests outside this repository use it
 * (they import it from the built dist/demo/server.js): startDemoCluster({ port, delayMs,
 * recreateDelayMs }) -> url, close(), state.list(kind, namespace), state.put(object) and
 * state.setLogs(namespace, pod, container, { previous, current }). Plain fetch, no client library.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { test } from 'node:test';
import { startDemoCluster } from '../../src/demo/server.ts';

const freePort = async (): Promise<number> => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
};

const crashedPod = (name: string) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'shop', labels: { app: name } },
  spec: { containers: [{ name: 'app', image: 'registry.example/app:1' }], nodeName: 'node-amd64-1' },
  status: {
    phase: 'Running',
    containerStatuses: [
      {
        name: 'app',
        ready: false,
        restartCount: 3,
        image: 'registry.example/app:1',
        state: { waiting: { reason: 'CrashLoopBackOff' } },
        lastState: { terminated: { exitCode: 1, reason: 'Error' } },
      },
    ],
  },
});

test('startDemoCluster({ port, delayMs, recreateDelayMs }): url, state.put/list/setLogs and close()', async () => {
  const port = await freePort();
  const cluster = await startDemoCluster({ port, delayMs: 5, recreateDelayMs: 10 });
  try {
    assert.equal(cluster.url, `http://127.0.0.1:${port}`);

    const stored = cluster.state.put(crashedPod('external-test'));
    assert.ok(stored.metadata.uid && stored.metadata.resourceVersion && stored.metadata.creationTimestamp);
    const listed = cluster.state.list('pods', 'shop').map((p) => p.metadata.name);
    assert.ok(listed.includes('external-test'));
    assert.deepEqual(
      cluster.state.list('Pod', 'shop').map((p) => p.metadata.name),
      listed,
      'the kind works as well as the resource',
    );
    assert.ok(!cluster.state.list('pods', 'payments').some((p) => p.metadata.name === 'external-test'));

    cluster.state.setLogs('shop', 'external-test', 'app', {
      previous: [{ at: '2026-12-02T10:00:00Z', text: 'Error: DATABASE_URL is not set' }],
      current: 'starting\nlistening on :8080\n',
    });
    const previous = await fetch(
      `${cluster.url}/api/v1/namespaces/shop/pods/external-test/log?container=app&previous=true`,
    );
    assert.equal(previous.status, 200);
    assert.equal(await previous.text(), 'Error: DATABASE_URL is not set\n');
    const current = await fetch(`${cluster.url}/api/v1/namespaces/shop/pods/external-test/log?container=app`);
    assert.equal(await current.text(), 'starting\nlistening on :8080\n');

    const pod = (await (await fetch(`${cluster.url}/api/v1/namespaces/shop/pods/external-test`)).json()) as {
      metadata: { uid: string };
    };
    assert.equal(pod.metadata.uid, stored.metadata.uid);
    const deleted = await fetch(`${cluster.url}/api/v1/namespaces/shop/pods/external-test`, { method: 'DELETE' });
    assert.equal(deleted.status, 200);
    assert.ok(!cluster.state.list('pods', 'shop').some((p) => p.metadata.name === 'external-test'));
  } finally {
    await cluster.close();
  }
  await assert.rejects(fetch(`${cluster.url}/version`), 'closed: nothing answers');
});

test('a Deployment pod deleted through the API is replaced after recreateDelayMs', async () => {
  const cluster = await startDemoCluster({ recreateDelayMs: 10 });
  try {
    const before = cluster.state.list('pods', 'shop').find((p) => p.metadata.labels?.['app'] === 'checkout');
    assert.ok(before);
    await fetch(`${cluster.url}/api/v1/namespaces/shop/pods/${before.metadata.name}`, { method: 'DELETE' });
    let replacement: string | undefined;
    for (let i = 0; i < 100 && !replacement; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      replacement = cluster.state
        .list('pods', 'shop')
        .find((p) => p.metadata.labels?.['app'] === 'checkout' && p.metadata.uid !== before.metadata.uid)
        ?.metadata.name;
    }
    assert.ok(replacement, 'a new checkout pod');
  } finally {
    await cluster.close();
  }
});
