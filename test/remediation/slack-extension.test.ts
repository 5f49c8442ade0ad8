import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parsePolicy } from '../../src/remediation/policy.ts';
import { connectCluster } from '../../src/cluster/connection.ts';
import { createRemediationGateway } from '../../src/cluster/mutations.ts';
import { createRemediation, recoveryNamespaces } from '../../src/remediation/slack-extension.ts';
import { ALL_NAMESPACES, CHANNEL, offeredValue, POLICY_YAML, SECRET, startHarness, TTL_MS } from './harness.ts';

test('recovery looks in literal policy namespaces and in mapped namespaces a policy pattern covers', () => {
  const { policy } = parsePolicy(`
rules:
  - namespaces: [shop, payments-*]
    actions: [restart-pod]
    approvers: { users: [UALICE] }
`);
  assert.ok(policy);
  assert.deepEqual(
    recoveryNamespaces(policy, {
      defaultNamespaces: ['*'],
      channels: { C1: ['payments-eu', 'data'], C2: ['payments-us', 'shop'] },
    }),
    ['shop', 'payments-eu', 'payments-us'],
  );
  assert.deepEqual(recoveryNamespaces(policy), ['shop']);
});

test('startRecovery runs a round at start: an approved request left by a crashed replica runs once', async () => {
  const h = await startHarness({ scenarios: ['recommendations-liveness'] });
  try {
    const diagnosis = await h.failing('shop', 'deploy/recommendations');
    const threadTs = h.slack.seed(CHANNEL, 'diagnosis');
    // The run claim is refused, as if the replica died right after approval: the request stays approved.
    h.proxy.inject({ method: 'PUT', resource: 'leases', mode: 'status-before', nth: 2 });
    await h.flow.request({
      value: offeredValue(h.flow, diagnosis, 'restart-pod'),
      userId: 'UALICE',
      channel: CHANNEL,
      threadTs,
    });
    h.proxy.clear();
    assert.equal(h.mutations('DELETE', 'pods'), 0);
    const { policy } = parsePolicy(POLICY_YAML);
    assert.ok(policy);
    const remediation = createRemediation({
      policy,
      access: ALL_NAMESPACES,
      gateway: createRemediationGateway(connectCluster({ kubeconfigYaml: h.proxy.kubeconfigYaml })),
      slack: h.slack,
      actionSecret: SECRET,
      actionTtlMs: TTL_MS,
      clock: () => new Date(Date.now() + 60_000),
      logger: { info: () => {}, warn: () => {} },
      replicaId: 'replica-restarted',
    });
    const stop = remediation.startRecovery({ namespaces: ['shop'], intervalMs: 60_000 });
    try {
      for (let i = 0; i < 200 && h.mutations('DELETE', 'pods') === 0; i += 1)
        await new Promise((resolve) => setTimeout(resolve, 25));
      assert.equal(h.mutations('DELETE', 'pods'), 1);
    } finally {
      stop();
    }
  } finally {
    await h.close();
  }
});
