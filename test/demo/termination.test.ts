import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startDemoCluster } from '../../src/demo/server.ts';
import { clientsFor, eventually } from './client.ts';

test('podTerminationMs: a deleted pod stays Terminating, a second delete is answered the same, then it is replaced', async () => {
  const cluster = await startDemoCluster({
    scenarios: ['checkout-missing-env'],
    podTerminationMs: 150,
    recreateDelayMs: 10,
  });
  try {
    const { core } = clientsFor(cluster.kubeconfigYaml);
    const [pod] = (await core.listNamespacedPod({ namespace: 'shop', labelSelector: 'app=checkout' })).items;
    const name = String(pod?.metadata?.name);
    const uid = String(pod?.metadata?.uid);
    const answered = await core.deleteNamespacedPod({ namespace: 'shop', name, body: { preconditions: { uid } } });
    assert.ok(answered.metadata?.deletionTimestamp);
    const terminating = await core.readNamespacedPod({ namespace: 'shop', name });
    assert.equal(terminating.metadata?.uid, uid, 'still there, with the same uid');
    assert.ok(terminating.metadata?.deletionTimestamp);
    const again = await core.deleteNamespacedPod({ namespace: 'shop', name, body: { preconditions: { uid } } });
    assert.equal(again.metadata?.deletionTimestamp?.getTime(), terminating.metadata?.deletionTimestamp?.getTime());
    const replacement = await eventually(async () => {
      const pods = (await core.listNamespacedPod({ namespace: 'shop', labelSelector: 'app=checkout' })).items;
      return pods.some((p) => p.metadata?.uid === uid) ? undefined : pods[0];
    });
    assert.notEqual(replacement.metadata?.uid, uid);
    assert.equal(replacement.metadata?.deletionTimestamp, undefined);
  } finally {
    await cluster.close();
  }
});
