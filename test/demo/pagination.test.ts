import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { connectCluster } from '../../src/cluster/connection.ts';
import { listPods } from '../../src/cluster/list-pods.ts';
import { type DemoCluster, startDemoCluster } from '../../src/demo/server.ts';
import { clientsFor, failureOf } from './client.ts';

describe('demo cluster: list chunking with limit and continue', () => {
  let cluster: DemoCluster;
  let api: ReturnType<typeof clientsFor>;
  before(async () => {
    cluster = await startDemoCluster({ maxPageSize: 2 });
    api = clientsFor(cluster.kubeconfigYaml);
  });
  after(async () => cluster.close());

  test('a page holds at most maxPageSize items whatever the limit; following continue gives every pod once, in key order', async () => {
    const whole = await api.core.listPodForAllNamespaces();
    assert.equal(whole.metadata?._continue, undefined, 'no limit: no chunking');
    const keys = whole.items.map((p) => `${p.metadata?.namespace}/${p.metadata?.name}`);
    assert.deepEqual(keys, [...keys].sort(), 'key order');
    const seen: string[] = [];
    const versions = new Set<string>();
    let cont: string | undefined;
    let pages = 0;
    do {
      const page = await api.core.listPodForAllNamespaces({ limit: 500, ...(cont ? { _continue: cont } : {}) });
      pages += 1;
      assert.ok(page.items.length <= 2);
      versions.add(String(page.metadata?.resourceVersion));
      for (const pod of page.items) seen.push(`${pod.metadata?.namespace}/${pod.metadata?.name}`);
      cont = page.metadata?._continue || undefined;
      if (cont) assert.equal(page.metadata?.remainingItemCount, keys.length - seen.length);
    } while (cont);
    assert.deepEqual(seen, keys);
    assert.equal(pages, Math.ceil(keys.length / 2));
    assert.equal(versions.size, 1, 'every page answers the first page resourceVersion');
  });

  test('selectors apply before chunking; remainingItemCount is left out with a selector', async () => {
    const page = await api.core.listNamespacedEvent({ namespace: 'shop', limit: 1, fieldSelector: 'type=Warning' });
    assert.equal(page.items.length, 1);
    assert.ok(page.metadata?._continue);
    assert.equal(page.metadata?.remainingItemCount, undefined);
    assert.ok(page.items.every((e) => e.type === 'Warning'));
  });

  test('a malformed continue token is a 400; a compacted one a 410 Expired', async () => {
    const bad = await failureOf(() =>
      api.core.listNamespacedPod({ namespace: 'shop', limit: 1, _continue: 'nonsense' }),
    );
    assert.equal(bad.code, 400);
    const first = await api.core.listNamespacedPod({ namespace: 'shop', limit: 1 });
    cluster.state.put({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'moved-on' } });
    cluster.compactWatchHistory();
    const expired = await failureOf(() =>
      api.core.listNamespacedPod({ namespace: 'shop', limit: 1, _continue: String(first.metadata?._continue) }),
    );
    assert.equal(expired.code, 410);
    assert.equal(expired.body.reason, 'Expired');
    assert.match(expired.body.message, /^The provided continue parameter is too old/);
  });

  test("the scanner's listPods follows continue across pages and gets what one unchunked list holds", async () => {
    const connection = connectCluster({ kubeconfigYaml: cluster.kubeconfigYaml });
    cluster.resetRequests();
    const pods = await listPods(connection, '*');
    const pages = cluster.requests().filter((r) => r.path === '/api/v1/pods').length;
    const whole = await api.core.listPodForAllNamespaces();
    assert.deepEqual(pods.map((p) => p.uid).sort(), whole.items.map((p) => String(p.metadata?.uid)).sort());
    assert.equal(pages, Math.ceil(whole.items.length / 2));
    assert.ok(pages > 5, `pages: ${pages}`);
  });

  test('listPods starts over once when its continue token expires mid-list', async () => {
    const connection = connectCluster({ kubeconfigYaml: cluster.kubeconfigYaml });
    let calls = 0;
    const compactingAfterFirstPage = {
      core: connection.core,
      call: async <T>(what: Parameters<typeof connection.call>[0], request: () => Promise<T>): Promise<T> => {
        const result = await connection.call(what, request);
        calls += 1;
        if (calls === 1) {
          cluster.state.put({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: `moved-on-${calls}` } });
          cluster.compactWatchHistory();
        }
        return result;
      },
    };
    const pods = await listPods(compactingAfterFirstPage, 'shop');
    const whole = await api.core.listNamespacedPod({ namespace: 'shop' });
    assert.deepEqual(pods.map((p) => p.uid).sort(), whole.items.map((p) => String(p.metadata?.uid)).sort());
    assert.ok(calls > Math.ceil(whole.items.length / 2), 'the first page was read twice');
  });
});
