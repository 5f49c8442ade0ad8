import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { signPayload } from '../../src/remediation/token.ts';
import type { KubeStandIn } from './kube-stand-in.ts';
import { deletes, diagnosisOf, makeFlow, POD_UID, recordingNotifier, SECRET } from './harness.ts';

const opened: KubeStandIn[] = [];
after(async () => {
  for (const kube of opened) await kube.close();
});
const setUp = async (options: Parameters<typeof makeFlow>[0] = {}) => {
  const made = await makeFlow(options);
  opened.push(made.kube);
  return made;
};
const restartValue = (flow: Awaited<ReturnType<typeof makeFlow>>['flow'], namespace = 'shop') => {
  const button = flow.buttons(diagnosisOf({ namespace }), 'C0OPS').find((b) => b.label === 'Restart pod');
  assert.ok(button, 'restart button offered');
  return button.value;
};

describe('single approval', () => {
  test('an approver restarts the pod: one delete with the UID precondition, audited three ways', async () => {
    const { kube, flow, logs } = await setUp();
    const notifier = recordingNotifier();
    const value = restartValue(flow);
    await flow.request({ value, userId: 'UALICE', channel: 'C0OPS', notifier });
    assert.deepEqual(notifier.refused, []);
    const sent = deletes(kube);
    assert.equal(sent.length, 1);
    assert.deepEqual(sent[0]?.body?.preconditions, { uid: POD_UID });
    assert.deepEqual(
      kube.events.map((event) => event.reason),
      ['ExitcodeActionRequested', 'ExitcodeActionApproved', 'ExitcodeActionSucceeded'],
    );
    assert.deepEqual((kube.events[0] as { source: unknown }).source, { component: 'exitcode' });
    assert.deepEqual((kube.events[0] as { involvedObject: { uid: string } }).involvedObject.uid, POD_UID);
    assert.ok(notifier.said.some((text) => /Restart pod done/.test(text) && /<@UALICE>/.test(text)));
    assert.match(notifier.states.at(-1) ?? '', /done/);
    assert.deepEqual(
      logs.filter((line) => line.object.event === 'remediation').map((line) => line.object.reason),
      ['ExitcodeActionRequested', 'ExitcodeActionApproved', 'ExitcodeActionSucceeded'],
    );
  });

  test('double click and Slack retry: the same button three times at once gives one delete', async () => {
    const { kube, flow } = await setUp();
    const value = restartValue(flow);
    const notifiers = [recordingNotifier(), recordingNotifier(), recordingNotifier()];
    await Promise.all(
      notifiers.map((notifier) => flow.request({ value, userId: 'UALICE', channel: 'C0OPS', notifier })),
    );
    assert.equal(deletes(kube).length, 1);
    assert.equal(notifiers.flatMap((n) => n.refused).filter((text) => /already/.test(text)).length, 2);
  });

  test('rollout restart sends the kubectl strategic merge patch', async () => {
    const { kube, flow } = await setUp();
    const button = flow.buttons(diagnosisOf(), 'C0OPS').find((b) => b.label === 'Rollout restart');
    assert.ok(button);
    assert.match(button.confirm, /Deployment api in namespace shop/);
    await flow.request({ value: button.value, userId: 'UBOB', channel: 'C0OPS', notifier: recordingNotifier() });
    const patch = kube.requests.find((request) => request.method === 'PATCH');
    assert.equal(patch?.path.split('?')[0], '/apis/apps/v1/namespaces/shop/deployments/api');
    assert.equal(patch?.contentType, 'application/strategic-merge-patch+json');
    assert.deepEqual(patch?.body, {
      spec: {
        template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': '2026-11-25T12:00:00.000Z' } } },
      },
    });
  });
});

describe('refusals', () => {
  test('user not an approver', async () => {
    const { kube, flow } = await setUp();
    const notifier = recordingNotifier();
    await flow.request({ value: restartValue(flow), userId: 'UMALLORY', channel: 'C0OPS', notifier });
    assert.match(notifier.refused[0] ?? '', /not an approver for restart-pod in namespace shop/);
    assert.equal(deletes(kube).length, 0);
    assert.equal(kube.leases.size, 0);
  });

  test('namespace not in the policy: no buttons, and a signed request is refused at click time', async () => {
    const { kube, flow } = await setUp();
    assert.deepEqual(flow.buttons(diagnosisOf({ namespace: 'kube-system' }), 'C0OPS'), []);
    const value = signPayload(
      {
        v: 1,
        s: 'req',
        a: 'restart-pod',
        ns: 'kube-system',
        pod: 'api-7f9c6-abcde',
        uid: POD_UID,
        kind: 'Deployment',
        wl: 'api',
        exp: Date.parse('2026-11-25T13:00:00Z'),
        rid: 'rid-kube-system',
      },
      SECRET,
    );
    const notifier = recordingNotifier();
    await flow.request({ value, userId: 'UALICE', channel: 'C0OPS', notifier });
    assert.match(notifier.refused[0] ?? '', /no remediation policy covers namespace kube-system/);
    assert.equal(deletes(kube).length, 0);
  });

  test('bare pod: no restart button, typed request refused with the reason', async () => {
    const { kube, flow } = await setUp();
    const bare = diagnosisOf({ workload: undefined, pod: 'debug' });
    assert.deepEqual(flow.buttons(bare, 'C0OPS'), []);
    const notifier = recordingNotifier();
    await flow.typed({ verb: 'restart', diagnosis: bare, userId: 'UALICE', channel: 'C0OPS', notifier });
    assert.match(notifier.refused[0] ?? '', /no controller/);
    assert.equal(deletes(kube).length, 0);
  });

  test('expired button', async () => {
    let clock = new Date('2026-11-25T12:00:00Z');
    const { kube, flow } = await setUp({ now: () => clock });
    const value = restartValue(flow);
    clock = new Date('2026-11-25T12:16:00Z');
    const notifier = recordingNotifier();
    await flow.request({ value, userId: 'UALICE', channel: 'C0OPS', notifier });
    assert.match(notifier.refused[0] ?? '', /expired/);
    assert.equal(deletes(kube).length, 0);
  });

  test('forged payloads: bad HMAC, and an altered namespace', async () => {
    const { kube, flow } = await setUp();
    const value = restartValue(flow);
    const forged = signPayload(
      {
        v: 1,
        s: 'req',
        a: 'restart-pod',
        ns: 'shop',
        pod: 'db-0',
        uid: POD_UID,
        kind: 'StatefulSet',
        wl: 'db',
        exp: Date.parse('2026-11-25T13:00:00Z'),
        rid: 'rid-forged-1',
      },
      'x'.repeat(40),
    );
    const [body, signature] = value.split('.');
    const decoded = JSON.parse(Buffer.from(body ?? '', 'base64url').toString('utf8'));
    const altered = `${Buffer.from(JSON.stringify({ ...decoded, ns: 'payments-eu' })).toString('base64url')}.${signature}`;
    for (const attempt of [forged, altered]) {
      const notifier = recordingNotifier();
      await flow.request({ value: attempt, userId: 'UALICE', channel: 'C0OPS', notifier });
      assert.match(notifier.refused[0] ?? '', /not made by exitcode or was altered/);
    }
    assert.equal(deletes(kube).length, 0);
  });

  test('pod replaced meanwhile: the UID precondition deletes nothing and a re-diagnosis is offered', async () => {
    const { kube, flow } = await setUp();
    const value = restartValue(flow);
    kube.addPod('shop', { name: 'api-7f9c6-abcde', uid: 'another-uid-0000', owned: true });
    const notifier = recordingNotifier();
    await flow.request({ value, userId: 'UALICE', channel: 'C0OPS', notifier });
    assert.ok(notifier.said.some((text) => /the pod was replaced meanwhile: nothing deleted/.test(text)));
    assert.ok(notifier.said.some((text) => /rediagnose/.test(text)));
    assert.ok(kube.pods.has('shop/api-7f9c6-abcde'));
    assert.match(notifier.states.at(-1) ?? '', /failed/);
    assert.equal(kube.events.at(-1)?.reason, 'ExitcodeActionFailed');
  });

  test('forbidden by RBAC: the message names the missing permission', async () => {
    const { kube, flow } = await setUp();
    kube.forbid('delete', 'pods');
    const notifier = recordingNotifier();
    await flow.request({ value: restartValue(flow), userId: 'UALICE', channel: 'C0OPS', notifier });
    assert.ok(
      notifier.said.some((text) => /may not delete pods in namespace shop/.test(text)),
      notifier.said.join('\n'),
    );
    assert.match(notifier.states.at(-1) ?? '', /failed/);
  });
});

describe('two-person approval', () => {
  const requestIn = async (made: Awaited<ReturnType<typeof makeFlow>>) => {
    const notifier = recordingNotifier();
    await made.flow.request({
      value: restartValue(made.flow, 'payments-eu'),
      userId: 'UALICE',
      channel: 'C0OPS',
      notifier,
    });
    const approval = notifier.approvals[0];
    assert.ok(approval, 'approval request posted');
    return { notifier, approval };
  };

  test('request, self-approval refused, non-approver refused, second approver restarts', async () => {
    const made = await setUp();
    const { notifier, approval } = await requestIn(made);
    assert.equal(deletes(made.kube).length, 0);
    assert.match(notifier.states[0] ?? '', /requested by <@UALICE>/);

    const self = recordingNotifier();
    await made.flow.answer({ value: approval.approveValue, userId: 'UALICE', channel: 'C0OPS', notifier: self });
    assert.match(self.refused[0] ?? '', /cannot approve or deny it: under the two-person rule/);

    const stranger = recordingNotifier();
    await made.flow.answer({ value: approval.approveValue, userId: 'UMALLORY', channel: 'C0OPS', notifier: stranger });
    assert.match(stranger.refused[0] ?? '', /not an approver/);
    assert.equal(deletes(made.kube).length, 0);

    const carol = recordingNotifier(); // approver through the SONCALL group
    await made.flow.answer({ value: approval.approveValue, userId: 'UCAROL', channel: 'C0OPS', notifier: carol });
    assert.deepEqual(carol.refused, []);
    assert.equal(deletes(made.kube).length, 1);
    assert.match(carol.states.at(-1) ?? '', /done.*approved by <@UCAROL>|approved by <@UCAROL>.*/);
    assert.deepEqual(
      made.kube.events.map((event) => event.reason),
      ['ExitcodeActionRequested', 'ExitcodeActionApproved', 'ExitcodeActionSucceeded'],
    );
  });

  test('two approvals arriving at once give one delete', async () => {
    const made = await setUp();
    const { approval } = await requestIn(made);
    const both = [recordingNotifier(), recordingNotifier()];
    await Promise.all([
      made.flow.answer({
        value: approval.approveValue,
        userId: 'UCAROL',
        channel: 'C0OPS',
        notifier: both[0] as never,
      }),
      made.flow.answer({ value: approval.approveValue, userId: 'UDAVE', channel: 'C0OPS', notifier: both[1] as never }),
    ]);
    assert.equal(deletes(made.kube).length, 1);
    assert.equal(both.flatMap((n) => n.refused).filter((text) => /already/.test(text)).length, 1);
  });

  test('deny: nothing deleted, audited, later approval refused', async () => {
    const made = await setUp();
    const { approval } = await requestIn(made);
    const dave = recordingNotifier();
    await made.flow.answer({ value: approval.denyValue, userId: 'UDAVE', channel: 'C0OPS', notifier: dave });
    assert.match(dave.states.at(-1) ?? '', /denied by <@UDAVE>/);
    const carol = recordingNotifier();
    await made.flow.answer({ value: approval.approveValue, userId: 'UCAROL', channel: 'C0OPS', notifier: carol });
    assert.match(carol.refused[0] ?? '', /already denied/);
    assert.equal(deletes(made.kube).length, 0);
    assert.equal(made.kube.events.at(-1)?.reason, 'ExitcodeActionDenied');
  });
});

describe('typed requests', () => {
  test('`restart` typed twice in the same thread runs once', async () => {
    const { kube, flow } = await setUp();
    const first = recordingNotifier();
    const second = recordingNotifier();
    const typed = (notifier: ReturnType<typeof recordingNotifier>) =>
      flow.typed({
        verb: 'restart',
        diagnosis: diagnosisOf(),
        userId: 'UALICE',
        channel: 'C0OPS',
        notifier,
        requestKey: 'C0OPS:1700000000.000100:' + POD_UID,
      });
    await typed(first);
    await typed(second);
    assert.equal(deletes(kube).length, 1);
    assert.match(second.refused[0] ?? '', /already done/);
  });

  test('`rollout` on a pod without a Deployment/StatefulSet/DaemonSet is refused with the reason', async () => {
    const { kube, flow } = await setUp();
    const notifier = recordingNotifier();
    await flow.typed({
      verb: 'rollout',
      diagnosis: diagnosisOf({ workload: { kind: 'Job', name: 'migrate' } }),
      userId: 'UALICE',
      channel: 'C0OPS',
      notifier,
    });
    assert.match(notifier.refused[0] ?? '', /not owned by a Deployment, StatefulSet or DaemonSet/);
    assert.equal(kube.requests.filter((r) => r.method === 'PATCH').length, 0);
  });
});

describe('buttons', () => {
  test('a pod owned by a custom controller may be restarted, but has no rollout restart', async () => {
    const { flow } = await setUp();
    const labels = flow
      .buttons(diagnosisOf({ workload: { kind: 'Rollout', name: 'api' } }), 'C0OPS')
      .map((b) => b.label);
    assert.deepEqual(labels, ['Restart pod']);
  });

  test('Deployment-owned pods get both, with a confirm text naming pod, namespace and action', async () => {
    const { flow } = await setUp();
    const offered = flow.buttons(diagnosisOf(), 'C0OPS');
    assert.deepEqual(
      offered.map((b) => b.label),
      ['Restart pod', 'Rollout restart'],
    );
    assert.match(offered[0]?.confirm ?? '', /Delete pod api-7f9c6-abcde in namespace shop/);
  });
});
