import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { connectCluster } from '../../src/cluster/connection.ts';
import { createRemediationGateway } from '../../src/cluster/mutations.ts';
import { isExitcodeError } from '../../src/errors.ts';
import { startKubeStandIn } from '../remediation/kube-stand-in.ts';

const kube = await startKubeStandIn();
after(() => kube.close());
const gateway = createRemediationGateway(connectCluster({ kubeconfigYaml: kube.kubeconfigYaml }));

test('rollout restart patches each workload kind with a strategic merge patch', async () => {
  for (const [kind, resource] of [
    ['StatefulSet', 'statefulsets'],
    ['DaemonSet', 'daemonsets'],
  ] as const) {
    await gateway.restartWorkload({ namespace: 'shop', kind, name: 'db', restartedAt: '2026-11-25T12:00:00.000Z' });
    const patch = kube.requests.at(-1);
    assert.equal(patch?.path.split('?')[0], `/apis/apps/v1/namespaces/shop/${resource}/db`);
    assert.equal(patch?.contentType, 'application/strategic-merge-patch+json');
  }
});

test('delete outcomes: deleted, replaced (409 on the UID precondition), gone (404)', async () => {
  kube.addPod('shop', { name: 'api-1', uid: 'uid-1', owned: false });
  assert.equal(await gateway.deletePod({ namespace: 'shop', name: 'api-1', uid: 'uid-2' }), 'replaced');
  assert.equal(await gateway.deletePod({ namespace: 'shop', name: 'api-1', uid: 'uid-1' }), 'deleted');
  assert.equal(await gateway.deletePod({ namespace: 'shop', name: 'api-1', uid: 'uid-1' }), 'gone');
});

test('a forbidden patch names the missing permission', async () => {
  kube.forbid('patch', 'deployments');
  await assert.rejects(
    gateway.restartWorkload({
      namespace: 'shop',
      kind: 'Deployment',
      name: 'api',
      restartedAt: '2026-11-25T12:00:00.000Z',
    }),
    (error) =>
      isExitcodeError(error) &&
      error.code === 'forbidden' &&
      /may not patch deployments in namespace shop/.test(error.message),
  );
});

test('audit events carry the involved object, reason and source component', async () => {
  await gateway.postEvent({
    namespace: 'shop',
    involved: { kind: 'Pod', apiVersion: 'v1', name: 'api-1', uid: 'uid-1' },
    reason: 'ExitcodeActionRequested',
    message: 'Restart pod requested',
    type: 'Normal',
    at: '2026-11-25T12:00:00.000Z',
  });
  const event = kube.events.at(-1) as Record<string, unknown>;
  assert.deepEqual(event.involvedObject, {
    kind: 'Pod',
    apiVersion: 'v1',
    name: 'api-1',
    uid: 'uid-1',
    namespace: 'shop',
  });
  assert.equal(event.reason, 'ExitcodeActionRequested');
  assert.deepEqual(event.source, { component: 'exitcode' });
  assert.equal(event.firstTimestamp, '2026-11-25T12:00:00.000Z');
});
