/**
 * The approval flow against the demo cluster with the shipped retry settings: authorization (policy
 * and channel mapping), two-person approval, forged/expired/altered buttons, concurrency, the live
 * action message and the Lease's state machine. Mutations are counted at the server.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { signPayload } from '../../src/remediation/token.ts';
import { CHANNEL, type Harness, offeredValue, SECRET, startHarness } from './harness.ts';

let h: Harness;
before(async () => {
  h = await startHarness({
    scenarios: [
      'recommendations-liveness',
      'fraud-scorer-connection-refused',
      'checkout-missing-env',
      'catalog-healthy',
    ],
    access: { defaultNamespaces: ['*'], channels: { CSHOPONLY: ['shop'] } },
  });
});
after(() => h.close());
beforeEach(() => h.proxy.clear());

const leaseStates = (namespace: string) =>
  h.demo.state.list('leases', namespace).map((lease) => lease.metadata.annotations?.['exitcode.dev/state']);

const lastVersion = (threadTs: string) => h.slack.replies(threadTs).at(-1)?.versions.at(-1) ?? '';
const buttonIds = (threadTs: string) => h.slack.buttons(h.slack.replies(threadTs).at(-1)).map((b) => b.action_id);
const ephemeralsSince = (count: number) => h.slack.ephemerals.slice(count).map((e) => e.text);

describe('single approval', () => {
  test('one DELETE, the Lease done, Events requested/approved/succeeded, one live message, the state line agrees', async () => {
    const diagnosis = await h.failing('shop', 'deploy/recommendations');
    const threadTs = h.slack.seed(CHANNEL, 'diagnosis', [{ type: 'section', text: { type: 'mrkdwn', text: 'x' } }]);
    const deletes = h.mutations('DELETE', 'pods');
    const events = h.events('shop').length;
    await h.flow.request({
      value: offeredValue(h.flow, diagnosis, 'restart-pod'),
      userId: 'UALICE',
      channel: CHANNEL,
      threadTs,
    });
    assert.equal(h.mutations('DELETE', 'pods') - deletes, 1);
    assert.deepEqual(
      h
        .events('shop')
        .slice(events)
        .map((e) => e.reason),
      ['ExitcodeActionRequested', 'ExitcodeActionApproved', 'ExitcodeActionSucceeded'],
    );
    assert.equal(h.slack.replies(threadTs).length, 1, 'one thread message for the whole action');
    assert.match(lastVersion(threadTs), /done/);
    assert.match(lastVersion(threadTs), /Why:\* Killed by the kubelet after its liveness probe failed/);
    assert.match(lastVersion(threadTs), /<!date\^\d+\^\{date_short_pretty\} \{time\}\|/);
    assert.ok(leaseStates('shop').includes('done'));
    const diagnosisMessage = h.slack.messages.find((m) => m.ts === threadTs);
    assert.match(JSON.stringify(diagnosisMessage?.blocks), /Restart pod: done/);
  });

  test('the same button three times at once gives one DELETE and two "already" answers', async () => {
    const diagnosis = await h.failing('shop', 'deploy/recommendations');
    const threadTs = h.slack.seed(CHANNEL, 'diagnosis');
    const value = offeredValue(h.flow, diagnosis, 'restart-pod');
    const deletes = h.mutations('DELETE', 'pods');
    const seen = h.slack.ephemerals.length;
    await Promise.all([1, 2, 3].map(() => h.flow.request({ value, userId: 'UALICE', channel: CHANNEL, threadTs })));
    assert.equal(h.mutations('DELETE', 'pods') - deletes, 1);
    assert.equal(ephemeralsSince(seen).filter((text) => /already/.test(text)).length, 2);
  });

  test('a pod replaced meanwhile: the UID precondition deletes nothing and the request says so', async () => {
    const diagnosis = await h.failing('shop', 'deploy/recommendations');
    const threadTs = h.slack.seed(CHANNEL, 'diagnosis');
    const value = offeredValue(h.flow, diagnosis, 'restart-pod');
    const pod = h.demo.state.get('pods', 'shop', diagnosis.pod);
    assert.ok(pod);
    h.demo.state.put({ ...pod, metadata: { ...pod.metadata, uid: 'another-uid-0000' } });
    const deletes = h.mutations('DELETE', 'pods');
    await h.flow.request({ value, userId: 'UALICE', channel: CHANNEL, threadTs });
    assert.equal(h.mutations('DELETE', 'pods') - deletes, 1, 'sent once, refused by the precondition');
    assert.ok(h.demo.state.get('pods', 'shop', diagnosis.pod), 'the replacement is still there');
    assert.match(lastVersion(threadTs), /not done[\s\S]*replaced meanwhile: nothing deleted/);
    assert.ok(buttonIds(threadTs).includes('exitcode_remediation_again'), 'it can be asked again');
  });

  test('a 403 names the missing permission; fixed in RBAC, the same typed request can be asked again', async () => {
    const diagnosis = await h.failing('shop', 'deploy/recommendations');
    const threadTs = h.slack.seed(CHANNEL, 'diagnosis');
    h.proxy.inject({ method: 'DELETE', resource: 'pods', mode: 'status-before', status: 403 });
    const typed = {
      verb: 'restart',
      diagnosis,
      userId: 'UALICE',
      channel: CHANNEL,
      threadTs,
      requestKey: `k:${threadTs}`,
    };
    await h.flow.typed(typed);
    assert.match(lastVersion(threadTs), /may not delete pods in namespace shop/);
    const deletes = h.mutations('DELETE', 'pods');
    await h.flow.typed(typed);
    assert.equal(h.mutations('DELETE', 'pods') - deletes, 1, 'the failed request was asked again and ran');
    assert.match(lastVersion(threadTs), /done/);
  });
});

describe('authorization', () => {
  test('a channel whose mapping excludes the namespace is refused at click time, and offered nothing', async () => {
    const diagnosis = await h.failing('payments', 'deploy/fraud-scorer');
    assert.deepEqual(h.flow.buttons(diagnosis, 'CSHOPONLY'), []);
    const value = offeredValue(h.flow, diagnosis, 'restart-pod');
    const seen = h.slack.ephemerals.length;
    const deletes = h.mutations('DELETE', 'pods');
    await h.flow.request({ value, userId: 'UALICE', channel: 'CSHOPONLY', threadTs: h.slack.seed('CSHOPONLY', 'x') });
    assert.equal(h.mutations('DELETE', 'pods') - deletes, 0);
    assert.match(ephemeralsSince(seen)[0] ?? '', /may not act on namespace payments/);
  });

  test('forged, altered and expired buttons are refused and change nothing', async () => {
    const diagnosis = await h.failing('shop', 'deploy/recommendations');
    const value = offeredValue(h.flow, diagnosis, 'restart-pod');
    const [body, signature] = value.split('.');
    const decoded = JSON.parse(Buffer.from(body ?? '', 'base64url').toString('utf8'));
    const altered = `${Buffer.from(JSON.stringify({ ...decoded, ns: 'payments' })).toString('base64url')}.${signature}`;
    const forged = signPayload({ ...decoded, rid: 'forged-rid-1' }, 'x'.repeat(40));
    const expired = signPayload({ ...decoded, exp: Date.now() - 1000, rid: 'expired-rid-1' }, SECRET);
    const seen = h.slack.ephemerals.length;
    const deletes = h.mutations('DELETE', 'pods');
    const leases = h.mutations('POST', 'leases');
    for (const attempt of [altered, forged, expired])
      await h.flow.request({
        value: attempt,
        userId: 'UALICE',
        channel: CHANNEL,
        threadTs: h.slack.seed(CHANNEL, 'x'),
      });
    assert.equal(h.mutations('DELETE', 'pods') - deletes, 0);
    assert.equal(h.mutations('POST', 'leases') - leases, 0);
    const refused = ephemeralsSince(seen);
    assert.match(refused[0] ?? '', /not made by exitcode or was altered/);
    assert.match(refused[1] ?? '', /not made by exitcode or was altered/);
    assert.match(refused[2] ?? '', /expired/);
  });
});

describe('two-person approval', () => {
  const requestIn = async () => {
    const diagnosis = await h.failing('payments', 'deploy/fraud-scorer');
    const threadTs = h.slack.seed(CHANNEL, 'diagnosis');
    await h.flow.request({
      value: offeredValue(h.flow, diagnosis, 'restart-pod'),
      userId: 'UALICE',
      channel: CHANNEL,
      threadTs,
    });
    const message = h.slack.replies(threadTs)[0];
    const buttons = h.slack.buttons(message);
    const approve = buttons.find((b) => b.action_id === 'exitcode_remediation_ok')?.value ?? '';
    const deny = buttons.find((b) => b.action_id === 'exitcode_remediation_no')?.value ?? '';
    assert.ok(message && approve && deny);
    return { threadTs, message, approve, deny };
  };

  test('the request says what, why, who, until when and who can approve; self and non-approvers are refused', async () => {
    const { threadTs, message, approve } = await requestIn();
    const text = message.versions.at(-1) ?? '';
    assert.match(text, /waiting for approval/);
    assert.match(text, /\*What:\* Delete pod fraud-scorer-/);
    assert.match(text, /\*Why:\* /);
    assert.match(text, /\*Expires:\* <!date\^/);
    assert.match(text, /\*Can approve:\* <!subteam\^SONCALL>/);
    const seen = h.slack.ephemerals.length;
    await h.flow.answer({ value: approve, userId: 'UALICE', channel: CHANNEL, threadTs, messageTs: message.ts });
    await h.flow.answer({ value: approve, userId: 'UMALLORY', channel: CHANNEL, threadTs, messageTs: message.ts });
    const refused = ephemeralsSince(seen);
    assert.match(refused[0] ?? '', /two-person rule/);
    assert.match(refused[1] ?? '', /not an approver[\s\S]*Who can approve: <@UALICE>, <!subteam\^SONCALL>/);
  });

  test('deny: nothing deleted, a later approval refused, and "Request again" starts a fresh request', async () => {
    const { threadTs, message, approve, deny } = await requestIn();
    const deletes = h.mutations('DELETE', 'pods');
    await h.flow.answer({ value: deny, userId: 'UCAROL', channel: CHANNEL, threadTs, messageTs: message.ts });
    const seen = h.slack.ephemerals.length;
    await h.flow.answer({ value: approve, userId: 'UDAVE', channel: CHANNEL, threadTs, messageTs: message.ts });
    assert.match(ephemeralsSince(seen)[0] ?? '', /already denied/);
    assert.equal(h.mutations('DELETE', 'pods') - deletes, 0);
    assert.match(lastVersion(threadTs), /denied by <@UCAROL>/);
    const again = h.slack
      .buttons(h.slack.replies(threadTs)[0])
      .find((b) => b.action_id === 'exitcode_remediation_again');
    assert.ok(again);
    await h.flow.request({
      value: again.value,
      userId: 'UALICE',
      channel: CHANNEL,
      threadTs,
      actionMessageTs: message.ts,
    });
    assert.equal(h.slack.replies(threadTs).length, 1, 'the same message, updated');
    assert.match(lastVersion(threadTs), /waiting for approval/);
    assert.doesNotMatch(lastVersion(threadTs), /denied by/, 'nothing of the earlier request is left');
  });

  test('an expired request: Approve is refused, recovery marks it expired, and it can be asked again', async () => {
    const { threadTs, message, approve } = await requestIn();
    const later = () => new Date(Date.now() + 20 * 60_000);
    const lateReplica = h.replica({ replicaId: 'replica-late', now: later });
    const seen = h.slack.ephemerals.length;
    const deletes = h.mutations('DELETE', 'pods');
    await lateReplica.answer({ value: approve, userId: 'UCAROL', channel: CHANNEL, threadTs, messageTs: message.ts });
    assert.match(ephemeralsSince(seen)[0] ?? '', /expired/);
    const counts = await lateReplica.recover(['payments']);
    assert.ok(counts.expired >= 1);
    assert.match(lastVersion(threadTs), /not done[\s\S]*nobody approved it before it expired/);
    assert.equal(h.mutations('DELETE', 'pods') - deletes, 0);
    const again = h.slack
      .buttons(h.slack.replies(threadTs)[0])
      .find((b) => b.action_id === 'exitcode_remediation_again');
    assert.ok(again);
    await lateReplica.request({
      value: again.value,
      userId: 'UALICE',
      channel: CHANNEL,
      threadTs,
      actionMessageTs: message.ts,
    });
    assert.match(lastVersion(threadTs), /waiting for approval/);
    assert.equal(h.slack.replies(threadTs).length, 1);
  });

  test('ten approvals at once give exactly one DELETE, and one message updated in place', async () => {
    const { threadTs, message, approve } = await requestIn();
    const deletes = h.mutations('DELETE', 'pods');
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        h.flow.answer({
          value: approve,
          userId: i % 2 ? 'UCAROL' : 'UDAVE',
          channel: CHANNEL,
          threadTs,
          messageTs: message.ts,
        }),
      ),
    );
    assert.equal(h.mutations('DELETE', 'pods') - deletes, 1);
    assert.equal(h.slack.replies(threadTs).length, 1);
    assert.match(lastVersion(threadTs), /done[\s\S]*approved by <@U(CAROL|DAVE)>/);
  });
});

describe('what is offered', () => {
  test('a missing variable gets no restart button, but the reason and the fix; a healthy pod gets nothing', async () => {
    const missing = await h.diagnose('shop', 'deploy/checkout');
    assert.deepEqual(h.flow.buttons(missing, CHANNEL), []);
    const notes = h.flow.notOffered(missing, CHANNEL);
    assert.ok(notes.some((note) => note.label === 'Restart pod' && /does not fix this cause/.test(note.reason)));
    assert.ok(notes.every((note) => note.fix === undefined || note.fix.length > 0));
    const healthy = await h.diagnose('shop', 'deploy/catalog');
    assert.deepEqual(h.flow.buttons(healthy, CHANNEL), []);
  });
});
