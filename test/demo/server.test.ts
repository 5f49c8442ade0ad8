import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { type DemoCluster, startDemoCluster } from '../../src/demo/server.ts';
import { SCENARIOS } from '../../src/demo/scenarios/index.ts';
import { isCategoryId } from '../../src/diagnosis/taxonomy.ts';
import { clientsFor, failureOf } from './client.ts';

describe('demo cluster: reads through the real client-node', () => {
  let cluster: DemoCluster;
  let api: ReturnType<typeof clientsFor>;
  before(async () => {
    cluster = await startDemoCluster();
    api = clientsFor(cluster.kubeconfigYaml);
  });
  after(async () => cluster.close());

  const failingPod = async (namespace: string, app: string) => {
    const pods = await api.core.listNamespacedPod({ namespace, labelSelector: `app=${app}` });
    const pod = pods.items.find((p) => p.status?.containerStatuses?.some((s) => !s.ready));
    assert.ok(pod?.metadata?.name, `a failing ${app} pod`);
    return pod;
  };

  test('the kubeconfig file holds the same config and points at the server', () => {
    assert.equal(readFileSync(cluster.kubeconfigPath, 'utf8'), cluster.kubeconfigYaml);
    assert.match(cluster.kubeconfigYaml, /insecure-skip-tls-verify: true/);
    assert.equal(api.kubeConfig.getCurrentCluster()?.server, cluster.url);
  });

  test('discovery: /version, /api, /apis and resource lists', async () => {
    const version = await api.version.getCode();
    assert.equal(version.major, '1');
    const versions = await api.coreGroup.getAPIVersions();
    assert.deepEqual(versions.versions, ['v1']);
    const groups = await api.apis.getAPIVersions();
    assert.deepEqual(groups.groups.map((g) => g.name).sort(), ['apps', 'batch', 'coordination.k8s.io']);
    const resources = await api.core.getAPIResources();
    assert.ok(resources.resources.some((r) => r.name === 'pods/log'));
  });

  test('namespaces: get, list, and a NotFound Status for a missing one', async () => {
    const shop = await api.core.readNamespace({ name: 'shop' });
    assert.equal(shop.status?.phase, 'Active');
    const all = await api.core.listNamespace();
    assert.ok(['shop', 'payments', 'data'].every((n) => all.items.some((i) => i.metadata?.name === n)));
    const missing = await failureOf(() => api.core.readNamespace({ name: 'nope' }));
    assert.equal(missing.code, 404);
    assert.deepEqual(
      {
        kind: missing.body.kind,
        status: missing.body.status,
        reason: missing.body.reason,
        message: missing.body.message,
      },
      { kind: 'Status', status: 'Failure', reason: 'NotFound', message: 'namespaces "nope" not found' },
    );
  });

  test('pods: list with equality label selectors, get, all namespaces, NotFound', async () => {
    const cart = await api.core.listNamespacedPod({ namespace: 'shop', labelSelector: 'app=cart' });
    assert.equal(cart.items.length, 2);
    const none = await api.core.listNamespacedPod({ namespace: 'shop', labelSelector: 'app=cart,tier=nope' });
    assert.equal(none.items.length, 0);
    const notCart = await api.core.listNamespacedPod({ namespace: 'shop', labelSelector: 'app!=cart' });
    assert.ok(notCart.items.length > 0 && notCart.items.every((p) => p.metadata?.labels?.['app'] !== 'cart'));
    const name = cart.items[0]?.metadata?.name ?? '';
    const pod = await api.core.readNamespacedPod({ namespace: 'shop', name });
    assert.equal(pod.metadata?.uid, cart.items[0]?.metadata?.uid);
    const everywhere = await api.core.listPodForAllNamespaces();
    assert.deepEqual(
      new Set(everywhere.items.map((p) => p.metadata?.namespace)),
      new Set(['shop', 'payments', 'data']),
    );
    const missing = await failureOf(() => api.core.readNamespacedPod({ namespace: 'shop', name: 'checkout-x' }));
    assert.equal(missing.code, 404);
    assert.equal(missing.body.message, 'pods "checkout-x" not found');
  });

  test('a Deployment pod has the owner chain, pod-template-hash and a crash-loop status', async () => {
    const pod = await failingPod('shop', 'checkout');
    const owner = pod.metadata?.ownerReferences?.[0];
    assert.equal(owner?.kind, 'ReplicaSet');
    const rs = await api.apps.readNamespacedReplicaSet({ namespace: 'shop', name: owner?.name ?? '' });
    assert.equal(rs.metadata?.uid, owner?.uid);
    assert.equal(pod.metadata?.labels?.['pod-template-hash'], rs.metadata?.labels?.['pod-template-hash']);
    assert.equal(rs.metadata?.ownerReferences?.[0]?.kind, 'Deployment');
    const status = pod.status?.containerStatuses?.[0];
    assert.equal(status?.state?.waiting?.reason, 'CrashLoopBackOff');
    assert.equal(status?.lastState?.terminated?.exitCode, 1);
    assert.ok((status?.restartCount ?? 0) > 0);
    assert.ok(status?.lastState?.terminated?.finishedAt instanceof Date);
  });

  test('previous logs honour tailLines, limitBytes and timestamps', async () => {
    const pod = await failingPod('shop', 'checkout');
    const name = pod.metadata?.name ?? '';
    const full = await api.core.readNamespacedPodLog({ namespace: 'shop', name, previous: true });
    const lines = full.trimEnd().split('\n');
    assert.ok(lines.length > 5);
    assert.ok(full.includes('Missing required environment variable: STRIPE_API_KEY'));
    const tail = await api.core.readNamespacedPodLog({ namespace: 'shop', name, previous: true, tailLines: 2 });
    assert.deepEqual(tail.trimEnd().split('\n'), lines.slice(-2));
    const limited = await api.core.readNamespacedPodLog({ namespace: 'shop', name, previous: true, limitBytes: 10 });
    assert.equal(limited, full.slice(0, 10));
    const stamped = await api.core.readNamespacedPodLog({
      namespace: 'shop',
      name,
      previous: true,
      tailLines: 1,
      timestamps: true,
    });
    assert.match(stamped, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z Node\.js v22/);
  });

  test('logs: 400 Status without a previous instance, for a waiting container, and for a bad container', async () => {
    const healthy = await api.core.listNamespacedPod({ namespace: 'shop', labelSelector: 'app=catalog' });
    const name = healthy.items[0]?.metadata?.name ?? '';
    const noPrevious = await failureOf(() =>
      api.core.readNamespacedPodLog({ namespace: 'shop', name, previous: true }),
    );
    assert.equal(noPrevious.code, 400);
    assert.equal(noPrevious.body.message, `previous terminated container "catalog" in pod "${name}" not found`);
    const current = await api.core.readNamespacedPodLog({ namespace: 'shop', name });
    assert.match(current, /listening/);
    const notifier = (await api.core.listNamespacedPod({ namespace: 'payments', labelSelector: 'app=notifier' }))
      .items[0];
    const waiting = await failureOf(() =>
      api.core.readNamespacedPodLog({ namespace: 'payments', name: notifier?.metadata?.name ?? '' }),
    );
    assert.equal(waiting.code, 400);
    assert.match(waiting.body.message, /is waiting to start: CreateContainerConfigError$/);
    const bad = await failureOf(() => api.core.readNamespacedPodLog({ namespace: 'shop', name, container: 'nope' }));
    assert.equal(bad.body.message, `container nope is not valid for pod ${name}`);
  });

  test('an init container has its own log and status', async () => {
    const pod = (await api.core.listNamespacedPod({ namespace: 'payments', labelSelector: 'app=accounts-api' }))
      .items[0];
    assert.equal(pod?.status?.phase, 'Pending');
    assert.equal(pod?.status?.initContainerStatuses?.[0]?.state?.waiting?.reason, 'CrashLoopBackOff');
    const log = await api.core.readNamespacedPodLog({
      namespace: 'payments',
      name: pod?.metadata?.name ?? '',
      container: 'migrate',
      previous: true,
    });
    assert.match(log, /UniqueViolation/);
  });

  test('events: field selectors on the involved object (name, namespace, uid, kind)', async () => {
    const pod = await failingPod('shop', 'recommendations');
    const name = pod.metadata?.name ?? '';
    const byName = await api.core.listNamespacedEvent({
      namespace: 'shop',
      fieldSelector: `involvedObject.name=${name},involvedObject.namespace=shop`,
    });
    assert.ok(byName.items.length >= 5);
    assert.ok(byName.items.every((e) => e.involvedObject.name === name));
    assert.ok(byName.items.some((e) => e.reason === 'Unhealthy' && e.type === 'Warning'));
    assert.ok(byName.items.some((e) => e.reason === 'Killing'));
    const byUid = await api.core.listNamespacedEvent({
      namespace: 'shop',
      fieldSelector: `involvedObject.uid=${pod.metadata?.uid},involvedObject.kind=Pod`,
    });
    assert.equal(byUid.items.length, byName.items.length);
    const other = await api.core.listNamespacedEvent({
      namespace: 'shop',
      fieldSelector: 'involvedObject.name=nothing',
    });
    assert.equal(other.items.length, 0);
    const bad = await failureOf(() =>
      api.core.listNamespacedEvent({ namespace: 'shop', fieldSelector: 'involvedObject.name' }),
    );
    assert.equal(bad.code, 400);
  });

  test('events: a created event shows in later lists', async () => {
    const created = await api.core.createNamespacedEvent({
      namespace: 'shop',
      body: {
        metadata: { generateName: 'exitcode-audit-' },
        involvedObject: { kind: 'Pod', namespace: 'shop', name: 'checkout-audit-target' },
        reason: 'ExitcodeRestartRequested',
        message: 'restart requested by U123',
        type: 'Normal',
      },
    });
    assert.match(created.metadata?.name ?? '', /^exitcode-audit-/);
    const found = await api.core.listNamespacedEvent({
      namespace: 'shop',
      fieldSelector: 'involvedObject.name=checkout-audit-target',
    });
    assert.deepEqual(
      found.items.map((e) => e.reason),
      ['ExitcodeRestartRequested'],
    );
  });

  test('nodes: architecture, OS and conditions', async () => {
    const arm = await api.core.readNode({ name: 'node-arm64-1' });
    assert.equal(arm.status?.nodeInfo?.architecture, 'arm64');
    assert.equal(arm.status?.nodeInfo?.operatingSystem, 'linux');
    assert.ok(arm.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'));
    const resizer = await failingPod('shop', 'image-resizer');
    assert.equal(resizer.spec?.nodeName, 'node-arm64-1');
    const missing = await failureOf(() => api.core.readNode({ name: 'node-x' }));
    assert.equal(missing.body.message, 'nodes "node-x" not found');
  });

  test('apps: deployments with revisions, ReplicaSets by selector, StatefulSets, DaemonSets, ControllerRevisions', async () => {
    const orders = await api.apps.readNamespacedDeployment({ namespace: 'shop', name: 'orders-api' });
    assert.equal(orders.metadata?.annotations?.['deployment.kubernetes.io/revision'], '7');
    const sets = await api.apps.listNamespacedReplicaSet({ namespace: 'shop', labelSelector: 'app=orders-api' });
    const byRevision = new Map(
      sets.items.map((rs) => [rs.metadata?.annotations?.['deployment.kubernetes.io/revision'], rs]),
    );
    assert.equal(byRevision.get('7')?.spec?.template?.spec?.containers[0]?.image, 'ghcr.io/acme/orders-api:2.14.0');
    assert.equal(byRevision.get('6')?.spec?.template?.spec?.containers[0]?.image, 'ghcr.io/acme/orders-api:2.13.2');
    const rolledOut = byRevision.get('7')?.metadata?.creationTimestamp?.getTime() ?? 0;
    const minutes = (Date.now() - rolledOut) / 60_000;
    assert.ok(minutes > 3 && minutes < 6, 'revision 7 rolled out about 4 minutes ago');
    const deployments = await api.apps.listNamespacedDeployment({ namespace: 'shop' });
    assert.ok(deployments.items.length >= 8);
    const sts = await api.apps.readNamespacedStatefulSet({ namespace: 'data', name: 'warehouse-db' });
    const revisions = await api.apps.listNamespacedControllerRevision({
      namespace: 'data',
      labelSelector: 'app=warehouse-db',
    });
    assert.ok(revisions.items.some((r) => r.metadata?.name === sts.status?.currentRevision && r.revision === 1));
    const ds = await api.apps.readNamespacedDaemonSet({ namespace: 'data', name: 'metrics-agent' });
    assert.equal(ds.kind, 'DaemonSet');
    const missing = await failureOf(() => api.apps.readNamespacedDeployment({ namespace: 'shop', name: 'nope' }));
    assert.equal(missing.body.message, 'deployments.apps "nope" not found');
    assert.equal(missing.body.details?.['group'], 'apps');
  });

  test('batch: a Job owned by a CronJob, its pod with a completed init container', async () => {
    const job = await api.batch.readNamespacedJob({ namespace: 'data', name: 'nightly-etl-29410560' });
    assert.equal(job.metadata?.ownerReferences?.[0]?.kind, 'CronJob');
    const cron = await api.batch.readNamespacedCronJob({ namespace: 'data', name: 'nightly-etl' });
    assert.equal(cron.metadata?.uid, job.metadata?.ownerReferences?.[0]?.uid);
    const jobs = await api.batch.listNamespacedJob({ namespace: 'data' });
    assert.equal(jobs.items.length, 1);
    const pods = await api.core.listNamespacedPod({
      namespace: 'data',
      labelSelector: 'job-name=nightly-etl-29410560',
    });
    assert.equal(pods.items[0]?.status?.initContainerStatuses?.[0]?.state?.terminated?.exitCode, 0);
  });

  test('unknown paths answer a 404 Status', async () => {
    const response = await fetch(`${cluster.url}/apis/nope/v1/things`);
    assert.equal(response.status, 404);
    assert.equal(((await response.json()) as { kind: string }).kind, 'Status');
  });

  test('requests are recorded with method and path', async () => {
    cluster.resetRequests();
    await api.core.readNamespace({ name: 'data' });
    await api.core.listNamespacedPod({ namespace: 'data', labelSelector: 'app=report-builder' });
    assert.equal(cluster.requestCount(), 2);
    assert.deepEqual(
      cluster.requests().map((r) => `${r.method} ${r.path}`),
      ['GET /api/v1/namespaces/data', 'GET /api/v1/namespaces/data/pods'],
    );
    assert.equal(cluster.requests()[1]?.search, '?labelSelector=app%3Dreport-builder');
  });
});

describe('demo scenarios', () => {
  test('at least 14 failing scenarios and some healthy ones, each with a known expected category', () => {
    const failing = SCENARIOS.filter((s) => s.expectedCategory !== null);
    assert.ok(failing.length >= 14);
    assert.ok(SCENARIOS.length - failing.length >= 2);
    for (const s of failing) assert.ok(isCategoryId(String(s.expectedCategory)), s.id);
    assert.equal(new Set(SCENARIOS.map((s) => s.id)).size, SCENARIOS.length);
    assert.ok(SCENARIOS.some((s) => s.expectedCategory !== null && s.afterRestart === 'healthy'));
  });

  test('selecting scenarios loads only those; unknown ids are refused', async () => {
    const cluster = await startDemoCluster({ scenarios: ['report-builder-oom'] });
    try {
      const api = clientsFor(cluster.kubeconfigYaml);
      const pods = await api.core.listPodForAllNamespaces();
      assert.deepEqual(
        pods.items.map((p) => p.metadata?.labels?.['app']),
        ['report-builder'],
      );
      const oom = pods.items[0]?.status?.containerStatuses?.[0];
      assert.equal(oom?.lastState?.terminated?.reason, 'OOMKilled');
      assert.equal(oom?.lastState?.terminated?.exitCode, 137);
      assert.equal(
        await api.core.readNamespacedPodLog({
          namespace: 'data',
          name: pods.items[0]?.metadata?.name ?? '',
          previous: true,
        }),
        '',
      );
    } finally {
      await cluster.close();
    }
    await assert.rejects(startDemoCluster({ scenarios: ['nope'] }), /unknown scenario/);
  });

  test('close() removes the kubeconfig file and stops answering', async () => {
    const cluster = await startDemoCluster({ scenarios: [] });
    await cluster.close();
    assert.equal(existsSync(cluster.kubeconfigPath), false);
    await assert.rejects(fetch(`${cluster.url}/version`));
  });
});
