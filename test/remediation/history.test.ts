/**
 * The incident thread's action history, read from the request Leases (labelled with channel and
 * thread): every request of that thread only, each step's actor and time in order. Also what the Lease
 * itself carries: MicroTime acquire/renew times and the labels that make it listable.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { connectCluster } from '../../src/cluster/connection.ts';
import { createLeaseStore } from '../../src/cluster/leases.ts';
import { readActionHistory } from '../../src/remediation/history.ts';
import { CHANNEL, type Harness, offeredValue, startHarness } from './harness.ts';

let h: Harness;
before(async () => {
  h = await startHarness({ scenarios: ['ledger-dns-failure', 'recommendations-liveness'] });
});
after(() => h.close());

test("readActionHistory lists the thread's requests with who and when at every step, in order", async () => {
  const threadA = h.slack.seed(CHANNEL, 'diagnosis A');
  const threadB = h.slack.seed(CHANNEL, 'diagnosis B');
  const ledger = await h.failing('payments', 'deploy/ledger');
  await h.flow.request({
    value: offeredValue(h.flow, ledger, 'restart-pod'),
    userId: 'UALICE',
    channel: CHANNEL,
    threadTs: threadA,
  });
  const message = h.slack.replies(threadA)[0];
  const approve = h.slack.buttons(message).find((b) => b.action_id === 'exitcode_remediation_ok');
  assert.ok(message && approve);
  await h.flow.answer({
    value: approve.value,
    userId: 'UCAROL',
    channel: CHANNEL,
    threadTs: threadA,
    messageTs: message.ts,
  });
  const other = await h.failing('payments', 'deploy/ledger');
  await h.flow.request({
    value: offeredValue(h.flow, other, 'rollout-restart'),
    userId: 'UALICE',
    channel: CHANNEL,
    threadTs: threadB,
  });

  const store = createLeaseStore(connectCluster({ kubeconfigYaml: h.proxy.kubeconfigYaml }));
  const history = await readActionHistory({ store, namespace: 'payments', channel: CHANNEL, threadTs: threadA });
  assert.equal(history.length, 1);
  const [record] = history;
  assert.equal(record?.action, 'restart-pod');
  assert.equal(record?.state, 'done');
  assert.equal(record?.outcome, 'done');
  assert.deepEqual(
    record?.steps.map((step) => [step.state, step.by]),
    [
      ['requested', 'UALICE'],
      ['approved', 'UCAROL'],
      ['executing', 'replica-a'],
      ['done', 'replica-a'],
    ],
  );
  const times = record?.steps.map((step) => Date.parse(step.at)) ?? [];
  assert.deepEqual(
    times,
    [...times].sort((a, b) => a - b),
  );
  const inB = await readActionHistory({ store, namespace: 'payments', channel: CHANNEL, threadTs: threadB });
  assert.deepEqual(
    inB.map((r) => [r.action, r.state]),
    [['rollout-restart', 'requested']],
  );

  const lease = h.demo.state
    .list('leases', 'payments')
    .find((l) => l.metadata.labels?.['exitcode.dev/thread'] === threadA);
  const spec = lease?.['spec'] as { acquireTime?: string; renewTime?: string; leaseDurationSeconds?: number };
  assert.match(spec.acquireTime ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
  assert.match(spec.renewTime ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
  assert.ok((spec.leaseDurationSeconds ?? 0) > 0);
  assert.equal(lease?.metadata.labels?.['exitcode.dev/channel'], CHANNEL);
});
