import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type V1Pod, Watch, makeInformer } from '@kubernetes/client-node';
import { type DemoCluster, startDemoCluster } from '../../src/demo/server.ts';
import type { KubeObject } from '../../src/demo/types.ts';
import { clientsFor, eventually } from './client.ts';

type Seen = { type: string; object: { metadata?: Record<string, unknown>; [key: string]: unknown } };

/** Starts a client-node Watch and collects its events until `done`. */
const watchWith = async (input: { cluster: DemoCluster; path: string; query: Record<string, string> }) => {
  const { kubeConfig } = clientsFor(input.cluster.kubeconfigYaml);
  const seen: Seen[] = [];
  let ended: ((error: unknown) => void) | undefined;
  const done = new Promise<unknown>((resolve) => {
    ended = resolve;
  });
  const controller = await new Watch(kubeConfig).watch(
    input.path,
    input.query,
    (type, object) => seen.push({ type, object }),
    (error) => ended?.(error ?? null),
  );
  return { seen, done, stop: () => controller.abort() };
};

const pod = (name: string, labels: Record<string, string>): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'shop', labels },
  spec: { containers: [{ name: 'app', image: 'busybox' }], nodeName: 'node-amd64-1' },
  status: { phase: 'Running' },
});

describe('demo cluster: watches like a real API server', () => {
  let cluster: DemoCluster;
  let api: ReturnType<typeof clientsFor>;
  before(async () => {
    cluster = await startDemoCluster({ scenarios: ['checkout-missing-env'], watchBookmarkIntervalMs: 40 });
    api = clientsFor(cluster.kubeconfigYaml);
  });
  after(async () => cluster.close());

  test('from a list resourceVersion: ADDED, MODIFIED, DELETED in order, with increasing resourceVersions', async () => {
    const list = await api.core.listNamespacedPod({ namespace: 'shop' });
    const from = String(list.metadata?.resourceVersion);
    const again = await api.core.listNamespacedPod({ namespace: 'shop' });
    assert.equal(again.metadata?.resourceVersion, from, 'a list does not bump the resourceVersion');
    const watch = await watchWith({ cluster, path: '/api/v1/namespaces/shop/pods', query: { resourceVersion: from } });
    const created = cluster.state.put(pod('watched-1', { app: 'watched' }));
    cluster.state.put({ ...created, metadata: { ...created.metadata, labels: { app: 'watched', step: '2' } } });
    await api.core.deleteNamespacedPod({ namespace: 'shop', name: 'watched-1' });
    cluster.state.put({ ...pod('elsewhere', {}), metadata: { name: 'elsewhere', namespace: 'payments' } });
    await eventually(async () => (watch.seen.length >= 3 ? true : undefined));
    watch.stop();
    assert.deepEqual(
      watch.seen.map((e) => [e.type, e.object.metadata?.['name']]),
      [
        ['ADDED', 'watched-1'],
        ['MODIFIED', 'watched-1'],
        ['DELETED', 'watched-1'],
      ],
    );
    const versions = watch.seen.map((e) => Number(e.object.metadata?.['resourceVersion']));
    assert.ok(
      versions.every((v, i) => v > Number(from) && (i === 0 || v > (versions[i - 1] ?? 0))),
      String(versions),
    );
  });

  test('a resumed watch replays what happened after its resourceVersion (watch=1 too)', async () => {
    const from = String((await api.core.listNamespacedPod({ namespace: 'shop' })).metadata?.resourceVersion);
    cluster.state.put(pod('while-away', { app: 'away' }));
    const watch = await watchWith({
      cluster,
      path: '/api/v1/namespaces/shop/pods',
      query: { resourceVersion: from, watch: '1' },
    });
    await eventually(async () => (watch.seen.length >= 1 ? true : undefined));
    watch.stop();
    assert.deepEqual(watch.seen[0]?.type, 'ADDED');
    assert.equal(watch.seen[0]?.object.metadata?.['name'], 'while-away');
  });

  test('without a resourceVersion: synthetic ADDED for every existing object', async () => {
    const existing = await api.core.listNamespacedPod({ namespace: 'shop' });
    const watch = await watchWith({ cluster, path: '/api/v1/namespaces/shop/pods', query: {} });
    await eventually(async () => (watch.seen.length >= existing.items.length ? true : undefined));
    watch.stop();
    assert.deepEqual(
      watch.seen.map((e) => e.object.metadata?.['name']).sort(),
      existing.items.map((p) => p.metadata?.name).sort(),
    );
    assert.ok(watch.seen.every((e) => e.type === 'ADDED'));
  });

  test('label and field selectors: moving out of the selection is a DELETED, into it an ADDED', async () => {
    const from = String((await api.core.listNamespacedPod({ namespace: 'shop' })).metadata?.resourceVersion);
    const watch = await watchWith({
      cluster,
      path: '/api/v1/namespaces/shop/pods',
      query: { resourceVersion: from, labelSelector: 'team in (a,b)', fieldSelector: 'status.phase=Running' },
    });
    const first = cluster.state.put(pod('selected', { team: 'a' }));
    cluster.state.put(pod('never', { team: 'c' }));
    cluster.state.put({ ...first, status: { phase: 'Failed' } });
    cluster.state.put({ ...first, status: { phase: 'Running' } });
    await eventually(async () => (watch.seen.length >= 3 ? true : undefined));
    watch.stop();
    assert.deepEqual(
      watch.seen.map((e) => [e.type, e.object.metadata?.['name']]),
      [
        ['ADDED', 'selected'],
        ['DELETED', 'selected'],
        ['ADDED', 'selected'],
      ],
    );
  });

  test('an unsupported field selector is refused with 400, in the real server words', async () => {
    const watch = await watchWith({
      cluster,
      path: '/api/v1/namespaces/shop/pods',
      query: { fieldSelector: 'spec.containers=x' },
    });
    const error = (await watch.done) as { statusCode?: number };
    assert.equal(error?.statusCode, 400);
    const response = await fetch(`${cluster.url}/api/v1/namespaces/shop/pods?watch=true&fieldSelector=spec.foo%3Dx`);
    assert.equal(((await response.json()) as { message: string }).message, 'field label not supported: spec.foo');
  });

  test('bookmarks carry only the resourceVersion, at the configured interval, when allowed', async () => {
    const watch = await watchWith({
      cluster,
      path: '/api/v1/namespaces/shop/pods',
      query: {
        resourceVersion: String(cluster.state.currentRevision()),
        allowWatchBookmarks: 'true',
      },
    });
    await eventually(async () => (watch.seen.filter((e) => e.type === 'BOOKMARK').length >= 2 ? true : undefined));
    watch.stop();
    const bookmark = watch.seen.find((e) => e.type === 'BOOKMARK');
    assert.deepEqual(Object.keys(bookmark?.object.metadata ?? {}), ['resourceVersion']);
    assert.equal(bookmark?.object['kind'], 'Pod');
    assert.ok(cluster.watchCounters().bookmarks >= 2);
  });

  test('timeoutSeconds ends the stream cleanly', async () => {
    const watch = await watchWith({
      cluster,
      path: '/api/v1/namespaces/shop/pods',
      query: { resourceVersion: String(cluster.state.currentRevision()), timeoutSeconds: '1' },
    });
    assert.equal(await watch.done, null);
  });

  test('after compaction an old resourceVersion gets an ERROR event with a 410 Expired Status, then the end', async () => {
    const old = String((await api.core.listNamespacedPod({ namespace: 'shop' })).metadata?.resourceVersion);
    cluster.state.put(pod('after-old', {}));
    cluster.compactWatchHistory();
    const watch = await watchWith({ cluster, path: '/api/v1/namespaces/shop/pods', query: { resourceVersion: old } });
    assert.equal(await watch.done, null);
    assert.equal(watch.seen.length, 1);
    assert.equal(watch.seen[0]?.type, 'ERROR');
    assert.equal(watch.seen[0]?.object['code'], 410);
    assert.equal(watch.seen[0]?.object['reason'], 'Expired');
    assert.match(String(watch.seen[0]?.object['message']), /^too old resource version: \d+ \(\d+\)$/);
  });

  test('compaction ends open watches; coming back even from the latest bookmark meets the 410', async () => {
    const watch = await watchWith({
      cluster,
      path: '/api/v1/namespaces/shop/pods',
      query: { resourceVersion: String(cluster.state.currentRevision()), allowWatchBookmarks: 'true' },
    });
    await eventually(async () => (watch.seen.some((e) => e.type === 'BOOKMARK') ? true : undefined));
    cluster.compactWatchHistory();
    assert.equal(await watch.done, null, 'the server ended the stream');
    const latest = String(watch.seen.at(-1)?.object.metadata?.['resourceVersion']);
    const again = await watchWith({
      cluster,
      path: '/api/v1/namespaces/shop/pods',
      query: { resourceVersion: latest },
    });
    await again.done;
    assert.equal(again.seen[0]?.type, 'ERROR');
    assert.equal(again.seen[0]?.object['code'], 410);
  });

  test('a bounded history: a watch from before the window is expired without any compaction call', async () => {
    const small = await startDemoCluster({ scenarios: ['checkout-missing-env'], watchHistory: 3 });
    try {
      const from = String(small.state.currentRevision());
      for (let i = 0; i < 4; i += 1) small.state.put(pod(`churn-${i}`, {}));
      const watch = await watchWith({ cluster: small, path: '/api/v1/pods', query: { resourceVersion: from } });
      await watch.done;
      assert.equal(watch.seen[0]?.object['code'], 410);
    } finally {
      await small.close();
    }
  });
});

describe("client-node's informer over the demo's watch", () => {
  test('lists, follows changes, and relists after a 410 when its resourceVersion was compacted', async () => {
    const cluster = await startDemoCluster({ scenarios: ['checkout-missing-env'], watchTimeoutSeconds: 1 });
    try {
      const { kubeConfig, core } = clientsFor(cluster.kubeconfigYaml);
      const informer = makeInformer<V1Pod>(kubeConfig, '/api/v1/namespaces/shop/pods', () =>
        core.listNamespacedPod({ namespace: 'shop' }),
      );
      const added: string[] = [];
      informer.on('add', (p) => added.push(String(p.metadata?.name)));
      await informer.start();
      const initial = added.length;
      assert.ok(initial > 0);
      cluster.state.put(pod('informed', { app: 'informed' }));
      await eventually(async () => (added.includes('informed') ? true : undefined));
      const lists = () => cluster.requests().filter((r) => r.path.endsWith('/pods') && !r.search.includes('watch'));
      const listsBefore = lists().length;
      cluster.state.put(pod('after-compaction', {}));
      // A write the informer does not watch moves the store on, so compacting now leaves it behind.
      cluster.state.put({ ...pod('elsewhere', {}), metadata: { name: 'elsewhere', namespace: 'payments' } });
      cluster.compactWatchHistory();
      // The server ends the watch after 1 s; the informer reconnects from a compacted version: 410, relist.
      await eventually(async () => (lists().length > listsBefore ? true : undefined), 400);
      await eventually(async () => (informer.get('after-compaction', 'shop') ? true : undefined), 200);
      await informer.stop();
      assert.ok(cluster.watchCounters().expired >= 1);
    } finally {
      await cluster.close();
    }
  });
});
