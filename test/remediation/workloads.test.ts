/**
 * Workload semantics: rollback of a bad rollout (`kubectl rollout undo`), no rollout restart for a
 * StatefulSet whose pod never became Ready, and a rollout whose new pods crash too reported as stalled.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import type { Diagnosis } from '../../src/diagnosis/types.ts';
import { actionById } from '../../src/remediation/actions/index.ts';
import { followUp } from '../../src/remediation/follow-up.ts';
import type { Investigator } from '../../src/services/types.ts';
import { CHANNEL, type Harness, offeredValue, startHarness } from './harness.ts';

let h: Harness;
before(async () => {
  h = await startHarness({ scenarios: ['pricing-bad-rollout', 'postgres-data-dir', 'recommendations-liveness'] });
});
after(() => h.close());
beforeEach(() => h.proxy.clear());

const templateOf = (object: unknown) => {
  const template = structuredClone(
    (object as { spec: { template: { metadata?: { labels?: Record<string, string> } } } }).spec.template,
  );
  delete template.metadata?.labels?.['pod-template-hash'];
  return template;
};

test('a bad rollout offers "Roll back"; it sets the template back to the previous ReplicaSet\'s, with one PATCH', async () => {
  const diagnosis = await h.diagnose('shop', 'deploy/pricing');
  assert.equal(diagnosis.containers[0]?.classification.best.category, 'bad_rollout');
  const offered = h.flow.buttons(diagnosis, CHANNEL).map((b) => b.label);
  assert.ok(offered.includes('Roll back'), offered.join());
  assert.ok(!offered.includes('Restart pod'), 'a restart does not undo a bad rollout');
  const deployment = h.demo.state.get('deployments', 'shop', 'pricing');
  const revision = Number(deployment?.metadata.annotations?.['deployment.kubernetes.io/revision']);
  const previous = h.demo.state
    .list('replicasets', 'shop')
    .find((rs) => rs.metadata.annotations?.['deployment.kubernetes.io/revision'] === String(revision - 1));
  assert.ok(previous, 'the demo keeps the previous ReplicaSet');
  const threadTs = h.slack.seed(CHANNEL, 'diagnosis');
  const patches = h.mutations('PATCH', 'deployments');
  await h.flow.request({
    value: offeredValue(h.flow, diagnosis, 'rollback'),
    userId: 'UALICE',
    channel: CHANNEL,
    threadTs,
  });
  assert.equal(h.mutations('PATCH', 'deployments') - patches, 1);
  const after = h.demo.state.get('deployments', 'shop', 'pricing');
  assert.deepEqual(templateOf(after), templateOf(previous));
  assert.match(after?.metadata.annotations?.['exitcode.dev/rollback-request'] ?? '', /^exitcode-action-/);
  const message = h.slack.replies(threadTs).at(-1)?.versions.at(-1) ?? '';
  assert.match(message, new RegExp(`rolled back to revision ${revision - 1}`));
  assert.match(message, new RegExp(`back to revision ${revision - 1} \\(kubectl rollout undo\\)`));
});

test('rollback PATCH applied and answered 500: one PATCH, done, confirmed by the stamp', async () => {
  const fresh = await startHarness({ scenarios: ['pricing-bad-rollout'] });
  try {
    const diagnosis = await fresh.diagnose('shop', 'deploy/pricing');
    fresh.proxy.inject({ method: 'PATCH', resource: 'deployments', mode: 'status-after', times: 3 });
    const threadTs = fresh.slack.seed(CHANNEL, 'diagnosis');
    await fresh.flow.request({
      value: offeredValue(fresh.flow, diagnosis, 'rollback'),
      userId: 'UALICE',
      channel: CHANNEL,
      threadTs,
    });
    assert.equal(fresh.mutations('PATCH', 'deployments'), 1);
    assert.match(
      fresh.slack.replies(threadTs).at(-1)?.versions.at(-1) ?? '',
      /done[\s\S]*confirmed by reading it back/,
    );
  } finally {
    await fresh.close();
  }
});

test('a StatefulSet whose pod never became Ready gets no rollout restart: the reason, and restart-pod instead', async () => {
  const diagnosis = await h.diagnose('data', 'sts/warehouse-db');
  assert.equal(diagnosis.workload?.kind, 'StatefulSet');
  // Whatever the cause, a rollout restart cannot move this StatefulSet.
  const restartable: Diagnosis = {
    ...diagnosis,
    containers: diagnosis.containers.map((c, i) =>
      i === 0
        ? {
            ...c,
            classification: {
              ...c.classification,
              best: { ...c.classification.best, category: 'dependency_unreachable' },
            },
          }
        : c,
    ),
  };
  const rollout = actionById('rollout-restart').available(restartable);
  assert.equal(rollout.ok, false);
  assert.match(rollout.ok ? '' : rollout.reason, /waits for each to become Ready/);
  assert.match(rollout.ok ? '' : (rollout.fix ?? ''), /^kubectl delete pod warehouse-db-0 -n data$/);
  assert.deepEqual(actionById('restart-pod').available(restartable), { ok: true });
});

test('a rollout whose new pod crashes too is reported as stalled, with the old ReplicaSet serving and rollout undo next', async () => {
  const diagnosis = await h.diagnose('shop', 'deploy/recommendations');
  const replacement: Diagnosis = { ...diagnosis, podUid: 'replacement-uid', pod: 'recommendations-new-abcde' };
  const investigator: Investigator = {
    clusterName: 'demo',
    diagnose: async () => replacement,
    logs: async () => ({ container: 'x', previous: false, lines: [], truncated: false }),
    events: async () => [],
    ping: async () => {},
  } as unknown as Investigator;
  const report = await followUp({
    investigator,
    target: {
      namespace: 'shop',
      pod: diagnosis.pod,
      uid: diagnosis.podUid,
      workload: { kind: 'Deployment', name: 'recommendations' },
    },
    actionId: 'rollout-restart',
    sleep: async () => {},
    attempts: 3,
    intervalMs: 1,
    startedAt: new Date(),
    now: () => new Date(),
  });
  assert.equal(report.outcome, 'stalled');
  assert.match(report.text, /rollout stalled: the new pod recommendations-new-abcde crashes too/);
  assert.match(report.text, /old ReplicaSet keeps serving/);
  assert.match(report.text, /kubectl rollout undo deployment\/recommendations -n shop/);
});
