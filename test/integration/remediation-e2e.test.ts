/**
 * End to end: signed Slack requests into the real Bolt app, the Slack Web API stand-in, and the demo
 * cluster through the real client-node. A diagnosis offers "Restart pod"; the requester clicks it,
 * a second approver (through a user group) approves, the demo cluster sees exactly one DELETE, and
 * the thread gets the audit trail and the follow-up about the replacement pod.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { pino } from 'pino';
import { connectCluster } from '../../src/cluster/connection.ts';
import { startDemoCluster } from '../../src/demo/server.ts';
import { parsePolicy } from '../../src/remediation/policy.ts';
import { APPROVE_ID, createRemediation } from '../../src/remediation/slack-extension.ts';
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

type Demo = Awaited<ReturnType<typeof startDemoCluster>>;
let demo: Demo;
let bot: TestBot;

const buttonsOf = (message: StoredMessage | undefined): { action_id: string; value: string; confirm?: unknown }[] =>
  ((message?.blocks ?? []) as { type: string; elements?: { action_id: string; value: string; confirm?: unknown }[] }[])
    .filter((block) => block.type === 'actions')
    .flatMap((block) => block.elements ?? []);

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
    access: { defaultNamespaces: ['*'], channels: {} },
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
  bot = await startTestBot({ investigator, extensions: [remediation] });
  bot.slack.usergroups.SONCALL = ['UCAROL', 'UDAVE'];
});

after(async () => {
  await bot?.close();
  await demo?.close();
});

describe('remediation end to end', () => {
  test('request, approve, restart, follow-up', async () => {
    const { slack } = bot;
    await send(
      bot.eventsUrl,
      slashCommand(
        slashFields({ text: 'payments/deploy/fraud-scorer', user_id: 'UALICE', response_url: slack.responseUrl() }),
        {
          secret: bot.secret,
        },
      ),
    );
    await slack.waitFor((s) =>
      s.messages.some((m) => buttonsOf(m).some((b) => b.action_id.startsWith('exitcode_remediation_req_'))),
    );
    const diagnosis = slack.messages.find((m) =>
      buttonsOf(m).some((b) => b.action_id === 'exitcode_remediation_req_restart-pod'),
    );
    assert.ok(diagnosis);
    const restart = buttonsOf(diagnosis).find((b) => b.action_id === 'exitcode_remediation_req_restart-pod');
    assert.ok(restart);
    assert.match(JSON.stringify(restart.confirm), /pod fraud-scorer-[a-z0-9-]+ in namespace payments/);

    // The requester clicks (confirmed in Slack's dialog): an approval request appears in the thread.
    await send(
      bot.eventsUrl,
      interaction(
        buttonClick({ actionId: restart.action_id, value: restart.value, user: 'UALICE', messageTs: diagnosis.ts }),
        { secret: bot.secret },
      ),
    );
    await slack.waitFor((s) =>
      s.messages.some((m) => m.thread_ts === diagnosis.ts && buttonsOf(m).some((b) => b.action_id === APPROVE_ID)),
    );
    const request = slack.messages.find(
      (m) => m.thread_ts === diagnosis.ts && buttonsOf(m).some((b) => b.action_id === APPROVE_ID),
    );
    const approve = buttonsOf(request).find((b) => b.action_id === APPROVE_ID);
    assert.ok(request && approve);
    assert.equal(podDeletes().length, 0);
    // The diagnosis message now shows the state and no longer offers the action.
    assert.ok(
      !buttonsOf(slack.messages.find((m) => m.ts === diagnosis.ts)).some((b) =>
        b.action_id.startsWith('exitcode_remediation_'),
      ),
    );

    // The requester cannot approve their own request.
    await send(
      bot.eventsUrl,
      interaction(
        buttonClick({
          actionId: APPROVE_ID,
          value: approve.value,
          user: 'UALICE',
          messageTs: request.ts,
          threadTs: diagnosis.ts,
        }),
        {
          secret: bot.secret,
        },
      ),
    );
    await slack.waitFor((s) =>
      s.callsOf('chat.postEphemeral').some((c) => /two-person rule/.test(String(c.body.text))),
    );
    assert.equal(podDeletes().length, 0);

    // A second approver, an approver through the SONCALL group, approves: one delete, then the follow-up.
    await send(
      bot.eventsUrl,
      interaction(
        buttonClick({
          actionId: APPROVE_ID,
          value: approve.value,
          user: 'UCAROL',
          messageTs: request.ts,
          threadTs: diagnosis.ts,
        }),
        {
          secret: bot.secret,
        },
      ),
    );
    await slack.waitFor(
      (s) =>
        s.messages.some(
          (m) => m.thread_ts === diagnosis.ts && /came up healthy|crashed again|not settled/.test(m.text ?? ''),
        ),
      20_000,
    );
    assert.equal(podDeletes().length, 1);
    const thread = slack.messages.filter((m) => m.thread_ts === diagnosis.ts).map((m) => m.text ?? '');
    assert.ok(thread.some((text) => /Restart pod requested.*<@UALICE>/.test(text)));
    assert.ok(thread.some((text) => /approved.*<@UCAROL>/.test(text)));
    assert.ok(thread.some((text) => /Restart pod done/.test(text)));
    assert.ok(
      thread.some((text) => /came up healthy/.test(text)),
      thread.join('\n'),
    );
    const finalState = slack
      .callsOf('chat.update')
      .filter((c) => c.body.ts === diagnosis.ts)
      .at(-1);
    assert.match(String(finalState?.body.text), /done.*approved by <@UCAROL>/);
    const events = demo.requests().filter((r) => r.method === 'POST' && /\/events$/.test(r.path.split('?')[0] ?? ''));
    assert.equal(events.length, 3);
  });
});

/** Runs `/exitcode <text>` as the user and returns the diagnosis message posted for it. */
const diagnose = async (text: string, user = 'UALICE'): Promise<StoredMessage> => {
  const before = new Set(bot.slack.messages.map((m) => m.ts));
  await send(
    bot.eventsUrl,
    slashCommand(slashFields({ text, user_id: user, response_url: bot.slack.responseUrl() }), { secret: bot.secret }),
  );
  await bot.slack.waitFor((s) => s.messages.some((m) => !before.has(m.ts) && !m.thread_ts));
  const message = bot.slack.messages.find((m) => !before.has(m.ts) && !m.thread_ts);
  assert.ok(message);
  return message;
};

const click = (actionId: string, value: string, user: string, messageTs: string, threadTs?: string) =>
  send(
    bot.eventsUrl,
    interaction(buttonClick({ actionId, value, user, messageTs, ...(threadTs ? { threadTs } : {}) }), {
      secret: bot.secret,
    }),
  );

const threadTexts = (ts: string): string[] =>
  bot.slack.messages.filter((m) => m.thread_ts === ts).map((m) => m.text ?? '');

describe('remediation end to end: more paths', () => {
  test('single approval; the replacement crashes again and the thread gets a fresh diagnosis', async () => {
    const diagnosis = await diagnose('shop/deploy/checkout', 'UBOB');
    const restart = buttonsOf(diagnosis).find((b) => b.action_id === 'exitcode_remediation_req_restart-pod');
    assert.ok(restart);
    const deletesBefore = podDeletes().length;
    await click(restart.action_id, restart.value, 'UBOB', diagnosis.ts);
    await bot.slack.waitFor(
      () => threadTexts(diagnosis.ts).some((t) => /crashed again|came up healthy|not settled/.test(t)),
      20_000,
    );
    assert.equal(podDeletes().length, deletesBefore + 1);
    assert.ok(
      threadTexts(diagnosis.ts).some((t) => /crashed again\. Fresh diagnosis: pod checkout-/.test(t)),
      threadTexts(diagnosis.ts).join('\n'),
    );
  });

  test('two approvals arriving at once give one delete at the cluster', async () => {
    const diagnosis = await diagnose('payments/deploy/ledger');
    const restart = buttonsOf(diagnosis).find((b) => b.action_id === 'exitcode_remediation_req_restart-pod');
    assert.ok(restart);
    await click(restart.action_id, restart.value, 'UALICE', diagnosis.ts);
    await bot.slack.waitFor((s) =>
      s.messages.some((m) => m.thread_ts === diagnosis.ts && buttonsOf(m).some((b) => b.action_id === APPROVE_ID)),
    );
    const request = bot.slack.messages.find(
      (m) => m.thread_ts === diagnosis.ts && buttonsOf(m).some((b) => b.action_id === APPROVE_ID),
    );
    const approve = buttonsOf(request).find((b) => b.action_id === APPROVE_ID);
    assert.ok(request && approve);
    const deletesBefore = podDeletes().length;
    await Promise.all([
      click(APPROVE_ID, approve.value, 'UCAROL', request.ts, diagnosis.ts),
      click(APPROVE_ID, approve.value, 'UDAVE', request.ts, diagnosis.ts),
    ]);
    await bot.slack.waitFor(
      () => threadTexts(diagnosis.ts).some((t) => /crashed again|came up healthy|not settled/.test(t)),
      20_000,
    );
    assert.equal(podDeletes().length, deletesBefore + 1);
    assert.equal(
      bot.slack.callsOf('chat.postEphemeral').filter((c) => /already approved/.test(String(c.body.text))).length,
      1,
    );
  });

  test('forbidden by RBAC: the thread names the missing permission and nothing is deleted', async () => {
    const diagnosis = await diagnose('data/deploy/ingest-worker');
    const restart = buttonsOf(diagnosis).find((b) => b.action_id === 'exitcode_remediation_req_restart-pod');
    assert.ok(restart);
    const deletesBefore = podDeletes().filter((r) => r.path.includes('/namespaces/data/')).length;
    await click(restart.action_id, restart.value, 'UALICE', diagnosis.ts);
    await bot.slack.waitFor(() => threadTexts(diagnosis.ts).some((t) => /not done/.test(t)));
    assert.ok(
      threadTexts(diagnosis.ts).some((t) => /may not delete pods in namespace data/.test(t)),
      threadTexts(diagnosis.ts).join('\n'),
    );
    // The demo answered 403: the request reached it and was refused, no pod was removed.
    assert.equal(podDeletes().filter((r) => r.path.includes('/namespaces/data/')).length, deletesBefore + 1);
    await bot.slack.waitFor((s) =>
      s.callsOf('chat.update').some((c) => c.body.ts === diagnosis.ts && /: failed/.test(String(c.body.text))),
    );
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
    await bot.slack.waitFor((s) =>
      s.callsOf('chat.postEphemeral').some((c) => /no controller/.test(String(c.body.text))),
    );
    assert.equal(podDeletes().filter((r) => r.path.includes('debug-shell')).length, 0);
  });
});
