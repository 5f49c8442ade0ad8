/**
 * Every fault of issue 9, injected by the proxy in front of the demo cluster or by the Slack stand-in,
 * with the shipped retry settings. Each test counts the mutations the server received and checks what
 * the Lease, the thread message and the audit Events say: done, not done or "could not confirm", and
 * never the opposite of what happened.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { Fault } from '../helpers/fault-proxy.ts';
import { CHANNEL, type Harness, offeredValue, startHarness } from './harness.ts';

let h: Harness;
before(async () => {
  h = await startHarness({ scenarios: ['recommendations-liveness', 'ledger-dns-failure'] });
});
after(() => h.close());
beforeEach(() => {
  h.proxy.clear();
  h.slack.heal();
});

interface Outcome {
  threadTs: string;
  deletes: number;
  patches: number;
  leaseCreates: number;
  leaseUpdates: number;
  eventCreates: number;
  /** The live message's last version. */
  message: string;
  messages: number;
  state: string | undefined;
  events: string[];
  refused: string[];
}

const leaseState = (namespace: string, rid: string | undefined) =>
  h.demo.state.list('leases', namespace).find((lease) => lease.metadata.annotations?.['exitcode.dev/rid'] === rid)
    ?.metadata.annotations?.['exitcode.dev/state'];

/** The mrkdwn a reader sees in a stored message version. */
const textOf = (version: string | undefined): string => {
  if (!version) return '';
  const parsed = JSON.parse(version) as string | { text?: { text?: string } }[];
  return typeof parsed === 'string' ? parsed : parsed.map((block) => block.text?.text ?? '').join('\n');
};

const ridOf = (value: string): string =>
  JSON.parse(Buffer.from(value.split('.')[0] ?? '', 'base64url').toString('utf8')).rid;

/** The replacement pod of the previous test may still be starting: wait until the action is offered. */
const offeredWhenReady = async (namespace: string, target: string, action: string): Promise<string> => {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return offeredValue(h.flow, await h.diagnose(namespace, target), action);
    } catch (error) {
      if (attempt > 40) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
};

/** Runs one single-approval request in `shop` under the given faults and reports what each side saw. */
const run = async ({
  action = 'restart-pod',
  faults = [],
  slack,
  value: given,
}: {
  action?: string;
  faults?: Fault[];
  slack?: () => void;
  value?: string;
}): Promise<Outcome & { value: string }> => {
  const threadTs = h.slack.seed(CHANNEL, 'diagnosis');
  const value = given ?? (await offeredWhenReady('shop', 'deploy/recommendations', action));
  const before = {
    deletes: h.mutations('DELETE', 'pods'),
    patches: h.mutations('PATCH', 'deployments'),
    leaseCreates: h.mutations('POST', 'leases'),
    leaseUpdates: h.mutations('PUT', 'leases'),
    eventCreates: h.mutations('POST', 'events'),
    events: h.events('shop').length,
    refused: h.slack.ephemerals.length,
  };
  for (const fault of faults) h.proxy.inject(fault);
  slack?.();
  await h.flow.request({ value, userId: 'UALICE', channel: CHANNEL, threadTs });
  h.proxy.clear();
  h.slack.heal();
  return {
    value,
    threadTs,
    deletes: h.mutations('DELETE', 'pods') - before.deletes,
    patches: h.mutations('PATCH', 'deployments') - before.patches,
    leaseCreates: h.mutations('POST', 'leases') - before.leaseCreates,
    leaseUpdates: h.mutations('PUT', 'leases') - before.leaseUpdates,
    eventCreates: h.mutations('POST', 'events') - before.eventCreates,
    message: textOf(h.slack.replies(threadTs).at(-1)?.versions.at(-1)),
    messages: h.slack.replies(threadTs).length,
    state: leaseState('shop', ridOf(value)),
    events: h
      .events('shop')
      .slice(before.events)
      .map((event) => `${event.reason}: ${event.message}`),
    refused: h.slack.ephemerals.slice(before.refused).map((e) => e.text),
  };
};

/** Prints the row of the fault table this test measured. */
const row = (fault: string, outcome: Outcome) =>
  console.log(
    JSON.stringify({
      fault,
      deletes: outcome.deletes,
      patches: outcome.patches,
      leaseCreates: outcome.leaseCreates,
      state: outcome.state,
      thread: outcome.message.match(/· (:[a-z_]+: [^\n]+)$/m)?.[1],
      result: outcome.message.match(/\*Result:\* ([^\n]+)/)?.[1],
      events: outcome.events,
      refused: outcome.refused,
    }),
  );

describe('Kubernetes faults', () => {
  test('Lease create applied, answered 500: settled as ours by reading it back; one DELETE', async () => {
    const outcome = await run({ faults: [{ method: 'POST', resource: 'leases', mode: 'status-after' }] });
    row('Lease create 500 after apply', outcome);
    assert.equal(outcome.leaseCreates, 1);
    assert.equal(outcome.deletes, 1);
    assert.equal(outcome.state, 'done');
    assert.match(outcome.message, /:white_check_mark: done/);
  });

  test('Lease create refused with 500 before apply: nothing done, said so; pressing again runs it once', async () => {
    const outcome = await run({ faults: [{ method: 'POST', resource: 'leases', mode: 'status-before' }] });
    row('Lease create 500 before apply', outcome);
    assert.equal(outcome.leaseCreates, 0);
    assert.equal(outcome.deletes, 0);
    assert.match(outcome.refused[0] ?? '', /could not be recorded in the cluster, so nothing was done/);
    const again = await run({ value: outcome.value });
    assert.equal(again.deletes, 1);
    assert.equal(again.state, 'done');
  });

  test('Lease create reset after apply: settled as ours; one DELETE', async () => {
    const outcome = await run({ faults: [{ method: 'POST', resource: 'leases', mode: 'reset-after' }] });
    row('Lease create reset after apply', outcome);
    assert.equal(outcome.leaseCreates, 1);
    assert.equal(outcome.deletes, 1);
    assert.equal(outcome.state, 'done');
  });

  test('DELETE applied, answered 500: one DELETE, reported done (confirmed by reading the pod)', async () => {
    const outcome = await run({ faults: [{ method: 'DELETE', resource: 'pods', mode: 'status-after' }] });
    row('DELETE 500 after apply', outcome);
    assert.equal(outcome.deletes, 1);
    assert.equal(outcome.state, 'done');
    assert.match(outcome.message, /done[\s\S]*confirmed by reading it back/);
    assert.match(outcome.events.at(-1) ?? '', /^ExitcodeActionSucceeded: .*confirmed by reading it back/);
  });

  test('DELETE answered 500 three times before apply: sent once, nothing deleted, said so, can be asked again', async () => {
    const outcome = await run({ faults: [{ method: 'DELETE', resource: 'pods', mode: 'status-before', times: 3 }] });
    row('DELETE 500 x3 before apply', outcome);
    assert.equal(outcome.deletes, 0);
    assert.equal(h.proxy.hits.filter((hit) => hit === 'DELETE pods status-before').length, 1, 'not retried');
    assert.equal(outcome.state, 'failed');
    assert.match(outcome.message, /:x: not done[\s\S]*still there \(confirmed by reading it back\): nothing deleted/);
    assert.match(outcome.events.at(-1) ?? '', /^ExitcodeActionFailed: /);
    assert.ok(
      h.slack
        .buttons(h.slack.replies(outcome.threadTs).at(-1))
        .some((b) => b.action_id === 'exitcode_remediation_again'),
    );
  });

  test('DELETE applied and answered 500 three times: one DELETE at the server, done', async () => {
    const outcome = await run({ faults: [{ method: 'DELETE', resource: 'pods', mode: 'status-after', times: 3 }] });
    row('DELETE 500 x3 after apply', outcome);
    assert.equal(outcome.deletes, 1);
    assert.equal(outcome.state, 'done');
  });

  test('rollout PATCH applied, connection reset: one PATCH, done (our restartedAt is on the template)', async () => {
    const outcome = await run({
      action: 'rollout-restart',
      faults: [{ method: 'PATCH', resource: 'deployments', mode: 'reset-after' }],
    });
    row('PATCH reset after apply', outcome);
    assert.equal(outcome.patches, 1);
    assert.equal(outcome.state, 'done');
    assert.match(
      outcome.message,
      /rollout restart of Deployment recommendations started \(confirmed by reading it back\)/,
    );
  });

  test('rollout PATCH answered 500 three times before apply: not sent again, not done', async () => {
    const outcome = await run({
      action: 'rollout-restart',
      faults: [{ method: 'PATCH', resource: 'deployments', mode: 'status-before', times: 3 }],
    });
    row('PATCH 500 x3 before apply', outcome);
    assert.equal(outcome.patches, 0);
    assert.equal(outcome.state, 'failed');
    assert.match(outcome.message, /does not carry our restart \(confirmed by reading it back\): nothing changed/);
  });

  test('DELETE that hangs: the client times out, reading the pod shows it is still there, reported not done', async () => {
    const outcome = await run({ faults: [{ method: 'DELETE', resource: 'pods', mode: 'hang' }] });
    row('DELETE hangs (client timeout)', outcome);
    assert.equal(outcome.deletes, 0);
    assert.equal(outcome.state, 'failed');
    assert.match(outcome.message, /not done[\s\S]*still there/);
  });

  test('DELETE applied but never answered: the client times out, reading the pod shows it deleted, reported done', async () => {
    const outcome = await run({ faults: [{ method: 'DELETE', resource: 'pods', mode: 'hang-after' }] });
    row('DELETE applied, answer never comes (client timeout)', outcome);
    assert.equal(outcome.deletes, 1);
    assert.equal(outcome.state, 'done');
    assert.match(outcome.message, /done[\s\S]*confirmed by reading it back/);
  });

  test('the run claim (Lease update) applied and answered 500: settled as ours; one DELETE', async () => {
    // PUT 1 records the message ts, PUT 2 claims the run.
    const outcome = await run({ faults: [{ method: 'PUT', resource: 'leases', mode: 'status-after', nth: 2 }] });
    row('Lease update (run claim) 500 after apply', outcome);
    assert.equal(outcome.deletes, 1);
    assert.equal(outcome.state, 'done');
  });

  test('the run claim refused: nothing runs now; the request stays approved and recovery runs it once', async () => {
    const outcome = await run({ faults: [{ method: 'PUT', resource: 'leases', mode: 'status-before', nth: 2 }] });
    row('Lease update (run claim) 500 before apply', outcome);
    assert.equal(outcome.deletes, 0);
    assert.equal(outcome.state, 'approved');
    const later = () => new Date(Date.now() + 5 * 60_000);
    const [a, b] = [
      h.replica({ replicaId: 'replica-b', now: later }),
      h.replica({ replicaId: 'replica-c', now: later }),
    ];
    const deletes = h.mutations('DELETE', 'pods');
    await Promise.all([a.recover(['shop']), b.recover(['shop'])]);
    assert.equal(h.mutations('DELETE', 'pods') - deletes, 1, 'two replicas recovering at once: one DELETE');
    assert.equal(leaseState('shop', ridOf(outcome.value)), 'done');
  });

  test('an approved request found by recovery after its expiry is failed visibly, not run late', async () => {
    const outcome = await run({ faults: [{ method: 'PUT', resource: 'leases', mode: 'status-before', nth: 2 }] });
    assert.equal(outcome.state, 'approved');
    const deletes = h.mutations('DELETE', 'pods');
    const counts = await h
      .replica({ replicaId: 'replica-b', now: () => new Date(Date.now() + 60 * 60_000) })
      .recover(['shop']);
    assert.ok(counts.expired >= 1);
    assert.equal(h.mutations('DELETE', 'pods') - deletes, 0);
    assert.equal(leaseState('shop', ridOf(outcome.value)), 'failed');
    assert.match(
      textOf(h.slack.replies(outcome.threadTs).at(-1)?.versions.at(-1)),
      /not run before the request expired/,
    );
  });

  test('the result not recorded (Lease update refused): recovery settles it by reading, without a second DELETE', async () => {
    const outcome = await run({ faults: [{ method: 'PUT', resource: 'leases', mode: 'status-before', nth: 3 }] });
    row('Lease update (result) 500 before apply', outcome);
    assert.equal(outcome.deletes, 1);
    assert.equal(outcome.state, 'executing');
    const deletes = h.mutations('DELETE', 'pods');
    await h.replica({ replicaId: 'replica-b', now: () => new Date(Date.now() + 5 * 60_000) }).recover(['shop']);
    assert.equal(h.mutations('DELETE', 'pods') - deletes, 0);
    assert.equal(leaseState('shop', ridOf(outcome.value)), 'done');
    assert.match(
      h.slack.replies(outcome.threadTs).at(-1)?.versions.at(-1) ?? '',
      /done[\s\S]*confirmed by reading it back/,
    );
  });

  test('Event creates failing: the action still runs once and the Lease records it', async () => {
    const outcome = await run({ faults: [{ method: 'POST', resource: 'events', mode: 'status-before', times: 10 }] });
    row('Event create 500 (every one)', outcome);
    assert.equal(outcome.deletes, 1);
    assert.equal(outcome.eventCreates, 0);
    assert.equal(outcome.state, 'done');
    assert.ok(h.logs.some((line) => line.object.event === 'remediation_audit_event_failed'));
  });

  test('Event create applied and answered 500: never sent twice (three steps, three Events)', async () => {
    const outcome = await run({ faults: [{ method: 'POST', resource: 'events', mode: 'status-after', times: 10 }] });
    row('Event create 500 after apply', outcome);
    assert.equal(outcome.deletes, 1);
    assert.equal(outcome.eventCreates, 3);
    assert.equal(outcome.events.length, 3);
  });
});

describe('Slack faults', () => {
  test('the approval request cannot be posted (two-person): the request fails visibly and can be asked again', async () => {
    const diagnosis = await h.diagnose('payments', 'deploy/ledger');
    const threadTs = h.slack.seed(CHANNEL, 'diagnosis');
    const value = offeredValue(h.flow, diagnosis, 'restart-pod');
    const events = h.events('payments').length;
    const seen = h.slack.ephemerals.length;
    h.slack.fail('post', { always: true });
    await h.flow.request({ value, userId: 'UALICE', channel: CHANNEL, threadTs });
    h.slack.heal();
    const state = leaseState('payments', ridOf(value));
    const refused = h.slack.ephemerals.slice(seen).map((e) => e.text);
    console.log(
      JSON.stringify({
        fault: 'Slack post fails after the claim (two-person)',
        state,
        events: h
          .events('payments')
          .slice(events)
          .map((e) => e.reason),
        refused,
      }),
    );
    assert.equal(state, 'failed');
    assert.deepEqual(
      h
        .events('payments')
        .slice(events)
        .map((e) => e.reason),
      ['ExitcodeActionRequested', 'ExitcodeActionFailed'],
    );
    assert.match(refused.at(-1) ?? '', /could not be posted[\s\S]*request it again/);
    await h.flow.request({ value, userId: 'UALICE', channel: CHANNEL, threadTs });
    assert.equal(leaseState('payments', ridOf(value)), 'requested', 'asked again');
    assert.match(textOf(h.slack.replies(threadTs).at(-1)?.versions.at(-1)), /waiting for approval/);
  });

  test('the first post fails (single approval): the action runs once and later steps post one message', async () => {
    const outcome = await run({ slack: () => h.slack.fail('post', { nth: 1 }) });
    row('Slack post fails once after the claim (single approval)', outcome);
    assert.equal(outcome.deletes, 1);
    assert.equal(outcome.state, 'done');
    assert.equal(outcome.messages, 1);
    assert.match(outcome.message, /done/);
  });

  test('every Slack update fails: the action runs once, the Lease and the Events say done', async () => {
    const outcome = await run({ slack: () => h.slack.fail('update', { always: true }) });
    row('Slack update fails (every one)', outcome);
    assert.equal(outcome.deletes, 1);
    assert.equal(outcome.state, 'done');
    assert.match(outcome.events.at(-1) ?? '', /^ExitcodeActionSucceeded/);
    assert.ok(h.logs.some((line) => line.object.event === 'remediation_slack_failed'));
    assert.doesNotMatch(outcome.message, /done/, 'Slack still shows the old state');
    // Slack is back: the next recovery round shows the recorded outcome, once.
    const lease = () =>
      h.demo.state
        .list('leases', 'shop')
        .find((l) => l.metadata.annotations?.['exitcode.dev/rid'] === ridOf(outcome.value));
    assert.equal(lease()?.metadata.annotations?.['exitcode.dev/unshown'], 'true');
    const counts = await h.replica({ replicaId: 'replica-b' }).recover(['shop']);
    assert.equal(counts.resynced, 1);
    assert.match(textOf(h.slack.replies(outcome.threadTs).at(-1)?.versions.at(-1)), /:white_check_mark: done/);
    assert.equal(lease()?.metadata.annotations?.['exitcode.dev/unshown'], undefined);
    assert.equal((await h.replica({ replicaId: 'replica-b' }).recover(['shop'])).resynced, 0);
  });

  test('ephemeral refusals failing change nothing in the cluster', async () => {
    const first = await run({});
    const deletes = h.mutations('DELETE', 'pods');
    h.slack.fail('ephemeral', { always: true });
    await h.flow.request({ value: first.value, userId: 'UALICE', channel: CHANNEL, threadTs: first.threadTs });
    h.slack.heal();
    assert.equal(h.mutations('DELETE', 'pods') - deletes, 0);
  });
});
