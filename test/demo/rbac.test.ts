import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO_USER, type DemoCluster, startDemoCluster } from '../../src/demo/server.ts';
import type { KubeObject } from '../../src/demo/types.ts';
import { clientsFor, failureOf } from './client.ts';

const RBAC = 'rbac.authorization.k8s.io/v1';
const bot = { kind: 'ServiceAccount', name: 'exitcode', namespace: 'exitcode' };

const objects: KubeObject[] = [
  {
    apiVersion: RBAC,
    kind: 'ClusterRole',
    metadata: { name: 'reader' },
    rules: [{ apiGroups: [''], resources: ['pods', 'pods/log'], verbs: ['get', 'list'] }],
  },
  {
    apiVersion: RBAC,
    kind: 'RoleBinding',
    metadata: { name: 'reader', namespace: 'shop' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'reader' },
    subjects: [bot],
  },
  {
    apiVersion: RBAC,
    kind: 'Role',
    metadata: { name: 'one-lease', namespace: 'shop' },
    rules: [{ apiGroups: ['coordination.k8s.io'], resources: ['leases'], verbs: ['get'], resourceNames: ['mine'] }],
  },
  {
    apiVersion: RBAC,
    kind: 'RoleBinding',
    metadata: { name: 'one-lease', namespace: 'shop' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'one-lease' },
    subjects: [{ kind: 'Group', name: 'system:serviceaccounts:exitcode' }],
  },
  {
    apiVersion: RBAC,
    kind: 'ClusterRole',
    metadata: { name: 'nodes' },
    rules: [{ apiGroups: [''], resources: ['nodes'], verbs: ['get'] }],
  },
  {
    apiVersion: RBAC,
    kind: 'ClusterRoleBinding',
    metadata: { name: 'nodes' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'nodes' },
    subjects: [bot],
  },
];

describe('demo cluster: RBAC from Role and binding objects', () => {
  let cluster: DemoCluster;
  let api: ReturnType<typeof clientsFor>;
  before(async () => {
    cluster = await startDemoCluster({ rbac: { tokens: { 'other-token': 'system:serviceaccount:shop:default' } } });
    for (const object of objects) cluster.state.put(object);
    cluster.state.put({
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: { name: 'mine', namespace: 'shop' },
      spec: {},
    });
    api = clientsFor(cluster.kubeconfigYaml);
  });
  after(async () => cluster.close());

  test('a ClusterRole bound by a RoleBinding grants only in that namespace', async () => {
    const pods = await api.core.listNamespacedPod({ namespace: 'shop' });
    assert.ok(pods.items.length > 0);
    const name = String(pods.items[0]?.metadata?.name);
    const container = String(pods.items[0]?.spec?.containers[0]?.name);
    await api.core.readNamespacedPodLog({ namespace: 'shop', name, container }).catch((error: { code?: number }) => {
      assert.notEqual(error.code, 403, 'pods/log is granted');
    });
    const elsewhere = await failureOf(() => api.core.listNamespacedPod({ namespace: 'payments' }));
    assert.equal(elsewhere.code, 403);
    assert.equal(
      elsewhere.body.message,
      `pods is forbidden: User "${DEMO_USER}" cannot list resource "pods" in API group "" in the namespace "payments"`,
    );
  });

  test('verbs not granted are refused with the real wording, naming the object', async () => {
    const name = String((await api.core.listNamespacedPod({ namespace: 'shop' })).items[0]?.metadata?.name);
    const refused = await failureOf(() => api.core.deleteNamespacedPod({ namespace: 'shop', name }));
    assert.equal(refused.code, 403);
    assert.equal(refused.body.reason, 'Forbidden');
    assert.equal(
      refused.body.message,
      `pods "${name}" is forbidden: User "${DEMO_USER}" cannot delete resource "pods" in API group "" in the namespace "shop"`,
    );
    assert.deepEqual(refused.body.details, { name, kind: 'pods' });
    const watch = await fetch(`${cluster.url}/api/v1/namespaces/shop/pods?watch=true`, {
      headers: { authorization: 'Bearer exitcode-demo-token' },
    });
    assert.equal(watch.status, 403, 'watch is a verb of its own');
  });

  test('resourceNames narrow a rule; a Group subject matches the ServiceAccount', async () => {
    const mine = await api.coordination.readNamespacedLease({ namespace: 'shop', name: 'mine' });
    assert.equal(mine.metadata?.name, 'mine');
    const other = await failureOf(() => api.coordination.readNamespacedLease({ namespace: 'shop', name: 'theirs' }));
    assert.equal(other.code, 403);
    const listing = await failureOf(() => api.coordination.listNamespacedLease({ namespace: 'shop' }));
    assert.equal(
      listing.body.message,
      `leases.coordination.k8s.io is forbidden: User "${DEMO_USER}" cannot list resource "leases" in API group "coordination.k8s.io" in the namespace "shop"`,
    );
  });

  test('cluster-scoped: a ClusterRoleBinding grants get on nodes, not list', async () => {
    const node = await api.core.readNode({ name: 'node-amd64-1' });
    assert.equal(node.metadata?.name, 'node-amd64-1');
    const list = await failureOf(() => api.core.listNode());
    assert.equal(
      list.body.message,
      `nodes is forbidden: User "${DEMO_USER}" cannot list resource "nodes" in API group "" at the cluster scope`,
    );
  });

  test('another token is another user; an unknown token is a 401', async () => {
    const other = await fetch(`${cluster.url}/api/v1/namespaces/shop/pods`, {
      headers: { authorization: 'Bearer other-token' },
    });
    assert.equal(other.status, 403);
    assert.match(((await other.json()) as { message: string }).message, /User "system:serviceaccount:shop:default"/);
    const unknown = await fetch(`${cluster.url}/api/v1/namespaces/shop/pods`, {
      headers: { authorization: 'Bearer nope' },
    });
    assert.equal(unknown.status, 401);
    const anonymous = await fetch(`${cluster.url}/version`);
    assert.equal(anonymous.status, 401);
  });

  test('every decision is recorded with its attributes', async () => {
    cluster.resetRequests();
    await api.core.listNamespacedPod({ namespace: 'shop' });
    await failureOf(() => api.core.listNamespacedPod({ namespace: 'data' }));
    assert.deepEqual(cluster.authorizations(), [
      { user: DEMO_USER, verb: 'list', group: '', resource: 'pods', namespace: 'shop', allowed: true },
      { user: DEMO_USER, verb: 'list', group: '', resource: 'pods', namespace: 'data', allowed: false },
    ]);
  });
});

test('RBAC is off by default: no bindings needed, any token works', async () => {
  const cluster = await startDemoCluster({ scenarios: ['checkout-missing-env'] });
  try {
    const pods = await clientsFor(cluster.kubeconfigYaml).core.listNamespacedPod({ namespace: 'shop' });
    assert.ok(pods.items.length > 0);
  } finally {
    await cluster.close();
  }
});
