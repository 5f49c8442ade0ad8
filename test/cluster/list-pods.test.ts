import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { connectCluster } from '../../src/cluster/connection.ts';
import { listPods } from '../../src/cluster/list-pods.ts';
import { type DemoCluster, startDemoCluster } from '../../src/demo/server.ts';

let demo: DemoCluster;
before(async () => {
  // Pages of two pods: listPods must follow continue to see every pod.
  demo = await startDemoCluster({ maxPageSize: 2 });
});
after(() => demo.close());

const connect = () => connectCluster({ kubeconfigYaml: demo.kubeconfigYaml });

test('lists one namespace as PodFacts', async () => {
  const pods = await listPods(connect(), 'shop');
  assert.ok(pods.length > 0);
  for (const pod of pods) {
    assert.equal(pod.namespace, 'shop');
    assert.ok(pod.uid && pod.name);
    assert.ok(pod.containers.length > 0);
  }
});

test("'*' lists every namespace", async () => {
  const all = await listPods(connect(), '*');
  const namespaces = new Set(all.map((pod) => pod.namespace));
  assert.ok(namespaces.size > 1, [...namespaces].join(','));
  assert.equal(all.filter((pod) => pod.namespace === 'shop').length, (await listPods(connect(), 'shop')).length);
});

test('an invalid namespace name is refused before any request', async () => {
  const before = demo.requestCount();
  await assert.rejects(listPods(connect(), '../secrets'), { code: 'invalid_name' });
  assert.equal(demo.requestCount(), before);
});
