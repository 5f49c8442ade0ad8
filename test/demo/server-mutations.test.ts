import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { startDemoCluster } from '../../src/demo/server.ts';
import type { DemoClusterOptions } from '../../src/demo/types.ts';
import { clientsFor, eventually, failureOf } from './client.ts';

const withCluster = async (
  options: DemoClusterOptions,
  run: (c: Awaited<ReturnType<typeof startDemoCluster>>, api: ReturnType<typeof clientsFor>) => Promise<void>,
) => {
  const cluster = await startDemoCluster({ recreateDelayMs: 10, ...options });
  try {
    await run(cluster, clientsFor(cluster.kubeconfigYaml));
  } finally {
    await cluster.close();
  }
};

const podsOf = async (api: ReturnType<typeof clientsFor>, namespace: string, selector: string) =>
  (await api.core.listNamespacedPod({ namespace, labelSelector: selector })).items;

describe('demo cluster: delete with a UID precondition and controller recreation', () => {
  test('a mismatched UID is a 409 Conflict and nothing is deleted', () =>
    withCluster({ scenarios: ['checkout-missing-env'] }, async (_, api) => {
      const [pod] = await podsOf(api, 'shop', 'app=checkout');
      const name = pod?.metadata?.name ?? '';
      const conflict = await failureOf(() =>
        api.core.deleteNamespacedPod({ namespace: 'shop', name, body: { preconditions: { uid: 'not-the-uid' } } }),
      );
      assert.equal(conflict.code, 409);
      assert.equal(conflict.body.reason, 'Conflict');
      assert.equal(
        conflict.body.message,
        `Precondition failed: UID in precondition: not-the-uid, UID in object meta: ${pod?.metadata?.uid}`,
      );
      assert.equal((await api.core.readNamespacedPod({ namespace: 'shop', name })).metadata?.uid, pod?.metadata?.uid);
    }));

  test('a Deployment pod is replaced: new name and uid, same labels and owner; it crashes again', () =>
    withCluster({ scenarios: ['checkout-missing-env'] }, async (_, api) => {
      const [pod] = await podsOf(api, 'shop', 'app=checkout');
      const deleted = await api.core.deleteNamespacedPod({
        namespace: 'shop',
        name: pod?.metadata?.name ?? '',
        body: { preconditions: { uid: pod?.metadata?.uid ?? '' } },
      });
      assert.equal(deleted.metadata?.uid, pod?.metadata?.uid);
      assert.ok(deleted.metadata?.deletionTimestamp);
      const replacement = await eventually(async () => (await podsOf(api, 'shop', 'app=checkout'))[0]);
      assert.notEqual(replacement.metadata?.name, pod?.metadata?.name);
      assert.notEqual(replacement.metadata?.uid, pod?.metadata?.uid);
      assert.deepEqual(replacement.metadata?.labels, pod?.metadata?.labels);
      assert.deepEqual(replacement.metadata?.ownerReferences, pod?.metadata?.ownerReferences);
      assert.match(
        replacement.metadata?.name ?? '',
        new RegExp(`^${pod?.metadata?.ownerReferences?.[0]?.name}-[a-z0-9]{5}$`),
      );
      const status = replacement.status?.containerStatuses?.[0];
      assert.equal(status?.state?.waiting?.reason, 'CrashLoopBackOff');
      assert.equal(status?.lastState?.terminated?.exitCode, 1);
      const log = await api.core.readNamespacedPodLog({
        namespace: 'shop',
        name: replacement.metadata?.name ?? '',
        previous: true,
      });
      assert.match(log, /STRIPE_API_KEY/);
    }));

  test('a scenario marked afterRestart healthy comes back Running and ready', () =>
    withCluster({ scenarios: ['fraud-scorer-connection-refused'] }, async (_, api) => {
      const [pod] = await podsOf(api, 'payments', 'app=fraud-scorer');
      await api.core.deleteNamespacedPod({ namespace: 'payments', name: pod?.metadata?.name ?? '' });
      const replacement = await eventually(async () => (await podsOf(api, 'payments', 'app=fraud-scorer'))[0]);
      assert.equal(replacement.status?.phase, 'Running');
      assert.equal(replacement.status?.containerStatuses?.[0]?.ready, true);
      assert.equal(replacement.status?.containerStatuses?.[0]?.restartCount, 0);
      const events = await api.core.listNamespacedEvent({
        namespace: 'payments',
        fieldSelector: `involvedObject.name=${replacement.metadata?.name}`,
      });
      assert.ok(events.items.some((e) => e.reason === 'Started'));
    }));

  test('a StatefulSet pod comes back with the same name and a new uid', () =>
    withCluster({ scenarios: ['postgres-data-dir'] }, async (_, api) => {
      const before = await api.core.readNamespacedPod({ namespace: 'data', name: 'warehouse-db-0' });
      await api.core.deleteNamespacedPod({ namespace: 'data', name: 'warehouse-db-0' });
      const after = await eventually(async () => {
        const [pod] = await podsOf(api, 'data', 'app=warehouse-db');
        return pod?.metadata?.uid !== before.metadata?.uid ? pod : undefined;
      });
      assert.equal(after.metadata?.name, 'warehouse-db-0');
      assert.equal(after.metadata?.labels?.['statefulset.kubernetes.io/pod-name'], 'warehouse-db-0');
    }));

  test('a bare pod is just gone', () =>
    withCluster({ scenarios: ['debug-shell-bare-pod', 'checkout-missing-env'] }, async (_, api) => {
      const [owned] = await podsOf(api, 'shop', 'app=checkout');
      await api.core.deleteNamespacedPod({ namespace: 'shop', name: 'debug-shell' });
      await api.core.deleteNamespacedPod({ namespace: 'shop', name: owned?.metadata?.name ?? '' });
      // Both deletes were scheduled with the same controller delay: once the owned pod is back, a
      // replacement of the bare pod would be too.
      await eventually(async () => (await podsOf(api, 'shop', 'app=checkout'))[0]);
      const pods = await api.core.listNamespacedPod({ namespace: 'shop' });
      assert.deepEqual(
        pods.items.map((p) => p.metadata?.labels?.['app']),
        ['checkout'],
      );
      const missing = await failureOf(() => api.core.readNamespacedPod({ namespace: 'shop', name: 'debug-shell' }));
      assert.equal(missing.code, 404);
    }));
});

describe('demo cluster: rollout restart patches', () => {
  const restartedAt = {
    spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': '2026-11-25T19:00:00Z' } } } },
  };

  for (const strategy of [PatchStrategy.StrategicMergePatch, PatchStrategy.MergePatch] as const) {
    test(`a ${strategy} on a Deployment bumps generation and revision and replaces its pods`, () =>
      withCluster({ scenarios: ['cart-missing-module'] }, async (_, api) => {
        const before = await api.apps.readNamespacedDeployment({ namespace: 'shop', name: 'cart' });
        const oldPods = await podsOf(api, 'shop', 'app=cart');
        const patched = await api.apps.patchNamespacedDeployment(
          { namespace: 'shop', name: 'cart', body: restartedAt },
          setHeaderOptions('Content-Type', strategy),
        );
        assert.equal(patched.metadata?.generation, (before.metadata?.generation ?? 0) + 1);
        assert.equal(patched.metadata?.annotations?.['deployment.kubernetes.io/revision'], '5');
        assert.equal(
          patched.spec?.template.metadata?.annotations?.['kubectl.kubernetes.io/restartedAt'],
          '2026-11-25T19:00:00Z',
        );
        const sets = await api.apps.listNamespacedReplicaSet({ namespace: 'shop', labelSelector: 'app=cart' });
        const current = sets.items.find(
          (rs) => rs.metadata?.annotations?.['deployment.kubernetes.io/revision'] === '5',
        );
        assert.ok(current);
        assert.equal(sets.items.find((rs) => rs !== current)?.spec?.replicas, 0);
        const fresh = await eventually(async () => {
          const pods = await podsOf(api, 'shop', 'app=cart');
          return pods.length === oldPods.length ? pods : undefined;
        });
        const hash = current.metadata?.labels?.['pod-template-hash'];
        assert.ok(fresh.every((p) => p.metadata?.labels?.['pod-template-hash'] === hash));
        assert.ok(fresh.every((p) => p.metadata?.ownerReferences?.[0]?.uid === current.metadata?.uid));
        assert.ok(fresh.every((p) => !oldPods.some((o) => o.metadata?.uid === p.metadata?.uid)));
      }));
  }

  test('a JSON patch on a StatefulSet makes a new ControllerRevision and replaces the pod under its name', () =>
    withCluster({ scenarios: ['postgres-data-dir'] }, async (_, api) => {
      const before = await api.core.readNamespacedPod({ namespace: 'data', name: 'warehouse-db-0' });
      const patched = await api.apps.patchNamespacedStatefulSet(
        {
          namespace: 'data',
          name: 'warehouse-db',
          body: [
            {
              op: 'add',
              path: '/spec/template/metadata/annotations',
              value: { 'kubectl.kubernetes.io/restartedAt': 'now' },
            },
          ],
        },
        setHeaderOptions('Content-Type', PatchStrategy.JsonPatch),
      );
      const revisions = await api.apps.listNamespacedControllerRevision({ namespace: 'data' });
      const newest = revisions.items.find((r) => r.revision === 2);
      assert.equal(newest?.metadata?.name, patched.status?.updateRevision);
      const after = await eventually(async () => {
        const pod = (await podsOf(api, 'data', 'app=warehouse-db'))[0];
        return pod && pod.metadata?.uid !== before.metadata?.uid ? pod : undefined;
      });
      assert.equal(after.metadata?.name, 'warehouse-db-0');
      assert.equal(after.metadata?.labels?.['controller-revision-hash'], newest?.metadata?.name);
    }));

  test('an unsupported patch is refused; a patch that does not touch the template replaces nothing', () =>
    withCluster({ scenarios: ['metrics-agent-healthy'] }, async (cluster, api) => {
      const bad = await failureOf(() =>
        api.apps.patchNamespacedDaemonSet(
          { namespace: 'data', name: 'metrics-agent', body: [{ op: 'replace', path: '/spec/nope', value: 1 }] },
          setHeaderOptions('Content-Type', PatchStrategy.JsonPatch),
        ),
      );
      assert.equal(bad.code, 422);
      const uids = cluster.state.list('pods').map((p) => p.metadata.uid);
      await api.apps.patchNamespacedDaemonSet(
        { namespace: 'data', name: 'metrics-agent', body: { metadata: { labels: { team: 'obs' } } } },
        setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
      );
      const ds = await api.apps.readNamespacedDaemonSet({ namespace: 'data', name: 'metrics-agent' });
      assert.equal(ds.metadata?.labels?.['team'], 'obs');
      assert.deepEqual(
        cluster.state.list('pods').map((p) => p.metadata.uid),
        uids,
      );
    }));
});

describe('demo cluster: leases for exactly-once', () => {
  test('create, AlreadyExists, get, update with resourceVersion (Conflict when stale), delete', () =>
    withCluster({ scenarios: [] }, async (_, api) => {
      const body = {
        metadata: { name: 'exitcode-action-abc' },
        spec: { holderIdentity: 'replica-1', leaseDurationSeconds: 30 },
      };
      const created = await api.coordination.createNamespacedLease({ namespace: 'exitcode', body });
      assert.equal(created.spec?.holderIdentity, 'replica-1');
      const exists = await failureOf(() => api.coordination.createNamespacedLease({ namespace: 'exitcode', body }));
      assert.equal(exists.code, 409);
      assert.equal(exists.body.reason, 'AlreadyExists');
      assert.equal(exists.body.message, 'leases.coordination.k8s.io "exitcode-action-abc" already exists');
      const read = await api.coordination.readNamespacedLease({ namespace: 'exitcode', name: 'exitcode-action-abc' });
      const updated = await api.coordination.replaceNamespacedLease({
        namespace: 'exitcode',
        name: 'exitcode-action-abc',
        body: { ...read, spec: { ...read.spec, holderIdentity: 'replica-2' } },
      });
      assert.equal(updated.spec?.holderIdentity, 'replica-2');
      assert.notEqual(updated.metadata?.resourceVersion, read.metadata?.resourceVersion);
      const stale = await failureOf(() =>
        api.coordination.replaceNamespacedLease({
          namespace: 'exitcode',
          name: 'exitcode-action-abc',
          body: { ...read, spec: { ...read.spec, holderIdentity: 'replica-3' } },
        }),
      );
      assert.equal(stale.code, 409);
      assert.equal(stale.body.reason, 'Conflict');
      assert.match(stale.body.message, /the object has been modified/);
      await api.coordination.deleteNamespacedLease({ namespace: 'exitcode', name: 'exitcode-action-abc' });
      const gone = await failureOf(() =>
        api.coordination.readNamespacedLease({ namespace: 'exitcode', name: 'exitcode-action-abc' }),
      );
      assert.equal(gone.code, 404);
      assert.equal(gone.body.message, 'leases.coordination.k8s.io "exitcode-action-abc" not found');
    }));
});

describe('demo cluster: options', () => {
  test('forbidden answers 403 with the RBAC message, scoped to its verb, resource and namespace', () =>
    withCluster(
      {
        scenarios: ['checkout-missing-env', 'ledger-dns-failure'],
        forbidden: [
          { verb: 'get', resource: 'pods/log' },
          { verb: 'list', resource: 'pods', namespace: 'payments' },
          { verb: 'delete', resource: 'pods' },
        ],
      },
      async (_, api) => {
        const [pod] = await podsOf(api, 'shop', 'app=checkout');
        const name = pod?.metadata?.name ?? '';
        const logs = await failureOf(() => api.core.readNamespacedPodLog({ namespace: 'shop', name, previous: true }));
        assert.equal(logs.code, 403);
        assert.equal(logs.body.reason, 'Forbidden');
        assert.equal(
          logs.body.message,
          `pods "${name}" is forbidden: User "system:serviceaccount:exitcode:exitcode" cannot get resource "pods/log" in API group "" in the namespace "shop"`,
        );
        const list = await failureOf(() => api.core.listNamespacedPod({ namespace: 'payments' }));
        assert.equal(
          list.body.message,
          'pods is forbidden: User "system:serviceaccount:exitcode:exitcode" cannot list resource "pods" in API group "" in the namespace "payments"',
        );
        const remove = await failureOf(() => api.core.deleteNamespacedPod({ namespace: 'shop', name }));
        assert.equal(remove.code, 403);
        assert.equal((await api.core.readNamespacedPod({ namespace: 'shop', name })).metadata?.name, name);
      },
    ));

  test('rotatedLogs: previous logs are gone', () =>
    withCluster({ scenarios: ['checkout-missing-env'], rotatedLogs: true }, async (_, api) => {
      const [pod] = await podsOf(api, 'shop', 'app=checkout');
      const name = pod?.metadata?.name ?? '';
      const gone = await failureOf(() => api.core.readNamespacedPodLog({ namespace: 'shop', name, previous: true }));
      assert.equal(gone.code, 400);
      assert.equal(gone.body.message, `previous terminated container "checkout" in pod "${name}" not found`);
      assert.equal(await api.core.readNamespacedPodLog({ namespace: 'shop', name }), '');
    }));

  test('delayMs still answers every request, and each is counted', () =>
    withCluster({ scenarios: ['report-builder-oom'], delayMs: 5 }, async (cluster, api) => {
      cluster.resetRequests();
      const [a, b] = await Promise.all([
        api.core.readNamespace({ name: 'data' }),
        api.core.readNode({ name: 'node-amd64-1' }),
      ]);
      assert.equal(a.metadata?.name, 'data');
      assert.equal(b.metadata?.name, 'node-amd64-1');
      assert.equal(cluster.requestCount(), 2);
    }));

  test('hang never answers: an aborted request fails, and close() still returns', async () => {
    const cluster = await startDemoCluster({ scenarios: [], hang: true });
    const controller = new AbortController();
    const pending = fetch(`${cluster.url}/api/v1/namespaces/shop`, { signal: controller.signal });
    await eventually(async () => (cluster.requestCount() === 1 ? true : undefined));
    controller.abort();
    await assert.rejects(pending, { name: 'AbortError' });
    const second = fetch(`${cluster.url}/version`).catch((error: unknown) => error);
    await eventually(async () => (cluster.requestCount() === 2 ? true : undefined));
    await cluster.close();
    assert.ok((await second) instanceof Error, 'the open request fails when the server closes');
  });
});
