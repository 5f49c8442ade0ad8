/**
 * End to end: signed Slack requests into the real Bolt app, the real Slack gateway against the Slack
 * Web API stand-in, and the demo cluster through the real client-node with the shipped retry settings.
 * A diagnosis offers "Restart pod"; the requester clicks it, a second approver (through a user group)
 * approves, the demo cluster sees exactly one DELETE, and the thread holds ONE action message, updated
 * in place from the request to the replacement pod's outcome; the diagnosis message's state line agrees.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { pino } from 'pino';
import { connectCluster } from '../../src/cluster/connection.ts';
import { startDemoCluster } from '../../src/demo/server.ts';
import { parsePolicy } from '../../src/remediation/policy.ts';
import { APPROVE_ID, ASK_AGAIN_ID, createRemediation } from '../../src/remediation/slack-extension.ts';
import { createInvestigator } from '../../src/services/investigator.ts';
import { startTestBot, type TestBot } from '../helpers/slack-bot.ts';
import {
  buttonClick,
  eventCallback,
  interaction,
  mentionEvent,
  send,
  slashCommand,
  slashFields,
} from '../helpers/slack-signing.ts';
import type { StoredMessage } from '../helpers/slack-stand-in.ts';

const POLICY = `
rules:
  - namespaces: [payments]
    actions: [restart-pod, rollout-restart]
    approvers: { users: [UALICE], groups: [SONCALL] }
    twoPersonApproval: true
  - namespaces: [shop, data]
    actions: [restart-pod, rollout-restart]
    approvers: { users: [UALICE, UBOB] }
`;
const ACCESS = { defaultNamespaces: ['*'], channels: { CSHOPONLY: ['shop'] } };

type Demo = Awaited<ReturnType<typeof startDemoCluster>>;
let demo: Demo;
let bot: TestBot;

const buttonsOf = (message: StoredMessage | undefined): { action_id: string; value: string; confirm?: unknown }[] =>
  ((message?.blocks ?? []) as { type: string; elements?: { action_id: string; value: string; confirm?: unknown }[] }[])
    .filter((block) => block.type === 'actions')
    .flatMap((block) => block.elements ?? []);

const textOf = (message: StoredMessage | undefined): string =>
  ((message?.blocks ?? []) as { type: string; text?: { text?: string }; elements?: { text?: string }[] }[])
    .map((block) => block.text?.text ?? (block.elements ?? []).map((element) => element.text ?? '').join(' '))
    .join('\n');

const podDeletes = () =>
  demo.requests().filter((request) => request.method === 'DELETE' && /\/pods\//.test(request.path));

before(async () => {
  demo = await startDemoCluster({ forbidden: [{ verb: 'delete', resource: 'pods', namespace: 'data' }] });
  const connection = connectCluster({ kubeconfigYaml: demo.kubeconfigYaml });
  const investigator = createInvestigator({ connection });
  const { policy } = parsePolicy(POLICY);
  assert.ok(policy);
  const remediation = createRemediation({
    policy,
    access: ACCESS,
    connection,
    actionSecret: 'e2e-action-secret-0123456789abcdef0123',
    actionTtlMs: 15 * 60_000,
    clock: () => new Date(),
    logger: pino({ level: 'silent' }),
    replicaId: 'e2e',
    investigator,
    // The demo controller recreates the pod shortly after the delete: poll briefly, a bounded number of times.
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    followUpAttempts: 60,
    followUpIntervalMs: 100,
  });
  bot = await startTestBot({ investigator, extensions: [remediation], access: ACCESS });
  bot.slack.usergroups.SONCALL = ['UCAROL', 'UDAVE'];
});

after(async () => {
  await bot?.close();
  await demo?.close();
});

/** Runs `/exitcode <text>` as the user and returns the diagnosis message posted for it. */
const diagnose = async (text: string, user = 'UALICE', channel = 'C0001'): Promise<StoredMessage> => {
  const before = new Set(bot.slack.messages.map((m) => m.ts));
  await send(
    bot.eventsUrl,
    slashCommand(slashFields({ text, user_id: user, channel_id: channel, response_url: bot.slack.responseUrl() }), {
      secret: bot.secret,
    }),
  );
  await bot.slack.waitFor((s) => s.messages.some((m) => !before.has(m.ts) && !m.thread_ts));
  const message = bot.slack.messages.find((m) => !before.has(m.ts) && !m.thread_ts);
  assert.ok(message);
  return message;
};

const click = (actionId: string, value: string, user: string, messageTs: string, threadTs?: string, channel?: string) =>
  send(
    bot.eventsUrl,
    interaction(
      buttonClick({
        actionId,
        value,
        user,
        messageTs,
        ...(threadTs ? { threadTs } : {}),
        ...(channel ? { channel } : {}),
      }),
      { secret: bot.secret },
    ),
  );

const replies = (ts: string): StoredMessage[] => bot.slack.messages.filter((m) => m.thread_ts === ts);
const ephemeral = (pattern: RegExp) =>
  bot.slack.callsOf('chat.postEphemeral').some((call) => pattern.test(String(call.body.text)));

describe('remediation end to end', () => {
  test('request, self-approval refused, group approver approves: one DELETE, one live message, resolved', async () => {
    const diagnosis = await diagnose('payments/deploy/fraud-scorer');
    const restart = buttonsOf(diagnosis).find((b) => b.action_id === 'exitcode_remediation_req_restart-pod');
    assert.ok(restart);
    assert.match(JSON.stringify(restart.confirm), /pod fraud-scorer-[a-z0-9-]+ in namespace payments/);

    await click(restart.action_id, restart.value, 'UALICE', diagnosis.ts);
    await bot.slack.waitFor(() =>
      replies(diagnosis.ts).some((m) => buttonsOf(m).some((b) => b.action_id === APPROVE_ID)),
    );
    const request = replies(diagnosis.ts).find((m) => buttonsOf(m).some((b) => b.action_id === APPROVE_ID));
    const approve = buttonsOf(request).find((b) => b.action_id === APPROVE_ID);
    assert.ok(request && approve);
    assert.match(textOf(request), /waiting for approval[\s\S]*\*Why:\*[\s\S]*\*Expires:\* <!date\^/);
    assert.equal(podDeletes().length, 0);

    await click(APPROVE_ID, approve.value, 'UALICE', request.ts, diagnosis.ts);
    await bot.slack.waitFor(() => ephemeral(/two-person rule/));
    assert.equal(podDeletes().length, 0);

    await click(APPROVE_ID, approve.value, 'UCAROL', request.ts, diagnosis.ts);
    await bot.slack.waitFor(
      () => /came up healthy|crashed again|not settled/.test(textOf(replies(diagnosis.ts)[0])),
      20_000,
    );
    assert.equal(podDeletes().length, 1);
    assert.equal(replies(diagnosis.ts).length, 1, 'one thread message for the whole action');
    const final = textOf(replies(diagnosis.ts)[0]);
    assert.match(final, /done[\s\S]*requested by <@UALICE>[\s\S]*approved by <@UCAROL>/);
    assert.match(final, /resolved: replacement pod fraud-scorer-[a-z0-9-]+ came up healthy/);
    // The diagnosis message turns resolved, with no action buttons on the recovered pod.
    await bot.slack.waitFor(() =>
      /Restart pod: done · resolved/.test(textOf(bot.slack.messages.find((m) => m.ts === diagnosis.ts))),
    );
    const resolved = bot.slack.messages.find((m) => m.ts === diagnosis.ts);
    assert.match(JSON.stringify(resolved?.blocks?.[0]), /✅ fraud-scorer/);
    assert.ok(!buttonsOf(resolved).some((b) => b.action_id.startsWith('exitcode_remediation_')));
    const events = demo.requests().filter((r) => r.method === 'POST' && /\/events$/.test(r.path));
    assert.equal(events.length, 3);
  });

  test('two approvals arriving at once give one DELETE at the cluster', async () => {
    const diagnosis = await diagnose('payments/deploy/ledger');
    const restart = buttonsOf(diagnosis).find((b) => b.action_id === 'exitcode_remediation_req_restart-pod');
    assert.ok(restart);
    await click(restart.action_id, restart.value, 'UALICE', diagnosis.ts);
    await bot.slack.waitFor(() =>
      replies(diagnosis.ts).some((m) => buttonsOf(m).some((b) => b.action_id === APPROVE_ID)),
    );
    const request = replies(diagnosis.ts)[0];
    const approve = buttonsOf(request).find((b) => b.action_id === APPROVE_ID);
    assert.ok(request && approve);
    const deletesBefore = podDeletes().length;
    await Promise.all([
      click(APPROVE_ID, approve.value, 'UCAROL', request.ts, diagnosis.ts),
      click(APPROVE_ID, approve.value, 'UDAVE', request.ts, diagnosis.ts),
    ]);
    await bot.slack.waitFor(
      () => /came up healthy|crashed again|not settled/.test(textOf(replies(diagnosis.ts)[0])),
      20_000,
    );
    assert.equal(podDeletes().length, deletesBefore + 1);
    assert.ok(ephemeral(/already (approved|running|done)/));
  });

  test('a cause a restart cannot fix gets no button, and the thread says why and what to run instead', async () => {
    const diagnosis = await diagnose('shop/deploy/checkout', 'UBOB');
    assert.ok(!buttonsOf(diagnosis).some((b) => b.action_id.startsWith('exitcode_remediation_')));
    await bot.slack.waitFor(() => replies(diagnosis.ts).some((m) => /is not offered/.test(textOf(m))));
    const note = textOf(replies(diagnosis.ts).find((m) => /is not offered/.test(textOf(m))));
    assert.match(note, /does not fix this cause[\s\S]*Instead: [\s\S]*```kubectl set env -n shop deployment\/checkout/);
    assert.equal((note.match(/is not offered/g) ?? []).length, 1, 'one note for one fix');
  });

  test('forbidden by RBAC: the action message names the missing permission and nothing is deleted', async () => {
    const diagnosis = await diagnose('data/deploy/report-builder');
    const restart = buttonsOf(diagnosis).find((b) => b.action_id === 'exitcode_remediation_req_restart-pod');
    assert.ok(restart);
    await click(restart.action_id, restart.value, 'UALICE', diagnosis.ts);
    await bot.slack.waitFor(() => /not done/.test(textOf(replies(diagnosis.ts)[0])));
    assert.match(textOf(replies(diagnosis.ts)[0]), /may not delete pods in namespace data/);
    await bot.slack.waitFor(() =>
      /Restart pod: not done/.test(textOf(bot.slack.messages.find((m) => m.ts === diagnosis.ts))),
    );
    // "Request again" on the same message: asked anew (still forbidden here), the same message updated.
    const action = replies(diagnosis.ts)[0];
    const again = buttonsOf(action).find((b) => b.action_id === ASK_AGAIN_ID);
    assert.ok(action && again);
    const updates = bot.slack.callsOf('chat.update').filter((c) => c.body.ts === action.ts).length;
    await click(ASK_AGAIN_ID, again.value, 'UBOB', action.ts, diagnosis.ts);
    await bot.slack.waitFor(
      () => bot.slack.callsOf('chat.update').filter((c) => c.body.ts === action.ts).length >= updates + 2,
    );
    await bot.slack.waitFor(() => /not done/.test(textOf(replies(diagnosis.ts)[0])));
    assert.equal(replies(diagnosis.ts).length, 1);
    assert.match(textOf(replies(diagnosis.ts)[0]), /requested by <@UBOB>/);
  });

  test('a click from a channel whose mapping excludes the namespace deletes nothing', async () => {
    const diagnosis = await diagnose('payments/deploy/ledger');
    const restart = buttonsOf(diagnosis).find((b) => b.action_id === 'exitcode_remediation_req_restart-pod');
    assert.ok(restart);
    const deletesBefore = podDeletes().length;
    await click(restart.action_id, restart.value, 'UALICE', diagnosis.ts, undefined, 'CSHOPONLY');
    await bot.slack.waitFor(() => ephemeral(/may not act on namespace payments/));
    assert.equal(podDeletes().length, deletesBefore);
  });

  test('bare pod: no button, and `@exitcode restart` in its thread is refused with the reason', async () => {
    const diagnosis = await diagnose('shop/debug-shell');
    assert.ok(!buttonsOf(diagnosis).some((b) => b.action_id.startsWith('exitcode_remediation_')));
    await send(
      bot.eventsUrl,
      eventCallback(mentionEvent({ text: '<@UBOT> restart', user: 'UALICE', threadTs: diagnosis.ts }), {
        secret: bot.secret,
      }),
    );
    await bot.slack.waitFor(() => ephemeral(/no controller/));
    assert.equal(podDeletes().filter((r) => r.path.includes('debug-shell')).length, 0);
  });
});
