/**
 * End to end: the real Bolt app in HTTP mode on loopback, requests signed as Slack signs them, the
 * Web API served by the stand-in, the cluster by an in-memory investigator.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { pino } from 'pino';
import { ExitcodeError } from '../../src/errors.ts';
import { createSlackApp } from '../../src/slack/app.ts';
import type { SlackExtension } from '../../src/slack/extension.ts';
import { ACTIONS, encodeRef } from '../../src/slack/ids.ts';
import { diagnosis, type MemoryInvestigator, memoryInvestigator } from '../fixtures/diagnoses.ts';
import { blockViolations } from '../helpers/block-limits.ts';
import { startTestBot, type TestBot } from '../helpers/slack-bot.ts';
import { startSlackStandIn } from '../helpers/slack-stand-in.ts';
import { slackRequests } from '../helpers/slack-requests.ts';
import { type buttonClick, type mentionEvent, send, slashCommand, slashFields } from '../helpers/slack-signing.ts';

const POD = 'checkout-7f9c6b4d5-x2x9z';
const REF = { namespace: 'shop', pod: POD, container: 'app' };

const posts = (bot: TestBot) => bot.slack.callsOf('chat.postMessage');
const lastPost = (bot: TestBot) => posts(bot).at(-1)?.body as Record<string, unknown>;
const json = (value: unknown): string => JSON.stringify(value);

// Every request is built, signed and sent by the shared helper (test/helpers/slack-requests.ts).
const slash = (bot: TestBot, text: string, overrides: Record<string, string> = {}) =>
  slackRequests(bot).slash(text, overrides);

const mention = (bot: TestBot, args: Parameters<typeof mentionEvent>[0], retryNum?: number) =>
  slackRequests(bot).mention(args, retryNum !== undefined ? { retryNum } : {});

const click = (bot: TestBot, args: Parameters<typeof buttonClick>[0]) => slackRequests(bot).click(args);

/** Posts a diagnosis through /exitcode and returns its ts (the thread later verbs work in). */
const diagnoseIntoChannel = async (bot: TestBot): Promise<string> => {
  const before = posts(bot).length;
  await slash(bot, `shop/${POD}`);
  await bot.slack.waitFor(() => posts(bot).length > before);
  const ts = bot.slack.messages.filter((m) => m.metadata).at(-1)?.ts;
  assert.ok(ts);
  return ts;
};

const hostileLogs = [
  'starting',
  'user said <!channel> and <@U999>',
  'see <https://evil.example|this>',
  'token=ghp_abcdefghijklmnopqrstuvwxyz0123456789AB',
  'java.lang.OutOfMemoryError: Java heap space',
];

describe('slack bot end to end', () => {
  let bot: TestBot;
  let investigator: MemoryInvestigator;
  const extensionCalls: string[] = [];
  const extension: SlackExtension = {
    name: 'test-extension',
    buttons: (d) => [
      {
        type: 'button',
        action_id: 'test_ext_button',
        text: { type: 'plain_text', text: `Do it to ${d.pod}` },
        value: 'x',
      },
    ],
    threadCommands: {
      restart: {
        help: 'restart this pod',
        run: async (ctx, args) => {
          extensionCalls.push(`restart ${ctx.ref.namespace}/${ctx.ref.pod} ${args.join(' ')}`);
          await ctx.say('restart requested');
        },
      },
    },
    afterDiagnosis: async ({ diagnosis: d, threadTs }) => {
      extensionCalls.push(`after ${d.pod} ${threadTs}`);
    },
  };

  const counted: string[] = [];
  const metrics = {
    command: (kind: string) => counted.push(`command:${kind}`),
    error: (kind: string) => counted.push(`error:${kind}`),
    slackCall: (method: string) => counted.push(`slack:${method}`),
    startDiagnosis: () => {
      counted.push('diagnosis:start');
      return () => counted.push('diagnosis:end');
    },
  };

  before(async () => {
    investigator = memoryInvestigator({
      pods: [
        {
          diagnosis: diagnosis(),
          logs: hostileLogs,
          events: [
            {
              type: 'Warning',
              reason: 'BackOff',
              message: 'Back-off restarting failed container app',
              count: 12,
              lastSeen: '2026-11-25T11:58:30Z',
            },
          ],
        },
      ],
    });
    bot = await startTestBot({
      investigator,
      metrics,
      extensions: [extension],
      access: { defaultNamespaces: ['*'], channels: { CPAY: ['payments'], CSHOP: ['shop'] } },
    });
  });
  after(async () => bot.close());

  test('/exitcode ns/pod: acked in the request, then the diagnosis posted with blocks and metadata', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const original = investigator.diagnose;
    investigator.diagnose = async (request) => {
      await gate;
      return original(request);
    };
    try {
      const before = posts(bot).length;
      const response = await slash(bot, `shop/${POD}`);
      // The HTTP answer came back while the cluster call is still blocked: the ack precedes it.
      assert.equal(response.status, 200);
      assert.equal(posts(bot).length, before);
      release();
      await bot.slack.waitFor(() => posts(bot).length > before);
    } finally {
      investigator.diagnose = original;
    }
    const body = lastPost(bot);
    assert.equal(body.channel, 'C0001');
    assert.equal(body.thread_ts, undefined, 'a channel message, so it can carry a thread');
    // The thread's pod, plus the incident's facts that `summary` reads (cause, evidence, times).
    assert.partialDeepStrictEqual(body.metadata, {
      event_type: 'exitcode_diagnosis',
      event_payload: {
        cluster: 'demo',
        namespace: 'shop',
        pod: POD,
        uid: '6d0c3a52-8f1e-4c9b-9a39-2f1f0c4c7e11',
        container: 'app',
      },
    });
    const blocks = body.blocks as { type: string }[];
    assert.deepEqual(blockViolations(blocks), []);
    assert.match(json(blocks), /Out of memory/);
    assert.match(json(blocks), /"action_id":"exitcode_show_logs"/);
    assert.match(json(blocks), /"action_id":"test_ext_button"/, 'extension buttons are added');
    assert.match(String(body.text), /shop\/checkout-7f9c6b4d5-x2x9z/);
    await bot.slack.waitFor(() => extensionCalls.some((c) => c.startsWith(`after ${POD}`)));
  });

  test('-n and -c reach the investigator; a mapped channel defaults to its namespace', async () => {
    const before = investigator.requests.length;
    await slash(bot, `${POD} -n shop -c app`);
    await slash(bot, POD, { channel_id: 'CSHOP' });
    await bot.slack.waitFor(() => investigator.requests.length >= before + 2);
    const requests = investigator.requests.slice(before).map((r) => r.args);
    assert.deepEqual(requests, [
      { namespace: 'shop', target: POD, container: 'app' },
      { namespace: 'shop', target: POD },
    ]);
  });

  test('help and malformed input are answered in the ack itself, ephemerally, without a cluster call', async () => {
    const before = investigator.requests.length;
    const help = await slash(bot, 'help');
    assert.equal(help.status, 200);
    const helpBody = JSON.parse(help.body);
    assert.equal(helpBody.response_type, 'ephemeral');
    assert.match(json(helpBody.blocks), /exitcode restart.*restart this pod/);
    const bad = JSON.parse((await slash(bot, 'a b c')).body);
    assert.equal(bad.response_type, 'ephemeral');
    assert.match(bad.text, /Name exactly one pod/);
    assert.equal(investigator.requests.length, before);
  });

  test('a namespace the channel may not see is refused through response_url, never diagnosed', async () => {
    const before = investigator.requests.length;
    const responses = bot.slack.responses.length;
    await slash(bot, `shop/${POD}`, { channel_id: 'CPAY' });
    await bot.slack.waitFor((s) => s.responses.length > responses);
    assert.match(json(bot.slack.responses.at(-1)?.body), /may not query namespace shop/);
    assert.equal(investigator.requests.length, before);
  });

  test('cluster errors are answered as their sentence; unknown errors politely', async () => {
    investigator.failWith = new ExitcodeError(
      'forbidden',
      'exitcode may not read pods in namespace shop; grant it get/list on pods.',
    );
    let responses = bot.slack.responses.length;
    await slash(bot, `shop/${POD}`);
    await bot.slack.waitFor((s) => s.responses.length > responses);
    assert.match(json(bot.slack.responses.at(-1)?.body), /may not read pods in namespace shop/);
    investigator.failWith = Object.assign(new Error('ECONNRESET at socket 10.0.0.1 with body {secret}'), {
      code: 'ECONNRESET',
    });
    responses = bot.slack.responses.length;
    await slash(bot, `shop/${POD}`);
    await bot.slack.waitFor((s) => s.responses.length > responses);
    const answer = json(bot.slack.responses.at(-1)?.body);
    assert.match(answer, /Something went wrong on our side/);
    assert.doesNotMatch(answer, /ECONNRESET|10\.0\.0\.1/);
    investigator.failWith = undefined;
    const missing = bot.slack.responses.length;
    await slash(bot, 'shop/nope-1');
    await bot.slack.waitFor((s) => s.responses.length > missing);
    assert.match(json(bot.slack.responses.at(-1)?.body), /Pod nope-1 was not found in namespace shop/);
  });

  test('not_in_channel: the diagnosis goes to response_url with how to invite the bot', async () => {
    bot.slack.fail('chat.postMessage', { error: 'not_in_channel' });
    const responses = bot.slack.responses.length;
    await slash(bot, `shop/${POD}`, { channel_id: 'CNOTIN' });
    await bot.slack.waitFor((s) => s.responses.length > responses);
    const body = bot.slack.responses.at(-1)?.body as { blocks: unknown[]; response_type: string };
    assert.equal(body.response_type, 'ephemeral');
    assert.match(json(body.blocks), /Out of memory/);
    assert.match(json(body.blocks), /\/invite @exitcode/);
    assert.deepEqual(blockViolations(body.blocks), []);
  });

  test('invalid_blocks: the same message is posted again as plain text', async () => {
    bot.slack.fail('chat.postMessage', { error: 'invalid_blocks', when: (b) => 'blocks' in b });
    const before = posts(bot).length;
    await slash(bot, `shop/${POD}`);
    await bot.slack.waitFor(() => posts(bot).length >= before + 2);
    const [rejected, plain] = posts(bot)
      .slice(before)
      .map((c) => c.body);
    assert.ok(rejected && 'blocks' in rejected);
    assert.ok(plain && !('blocks' in plain));
    assert.match(String(plain.text), /shop\/checkout-7f9c6b4d5-x2x9z/);
    assert.ok(plain.metadata, 'the metadata stays so thread verbs still work');
  });

  test('rate limited: the Web API call is retried after Retry-After', async () => {
    bot.slack.fail('chat.postMessage', { status: 429, retryAfter: 1 });
    const before = posts(bot).length;
    await slash(bot, `shop/${POD}`);
    await bot.slack.waitFor(() => posts(bot).length >= before + 2);
    assert.equal(bot.slack.messages.filter((m) => m.metadata).length > 0, true);
  });

  test('forged signature and stale timestamp are rejected with 401 and not processed', async () => {
    const before = investigator.requests.length;
    const fields = slashFields({ text: `shop/${POD}` });
    const forged = await send(bot.eventsUrl, slashCommand(fields, { secret: 'wrong-secret' }));
    assert.equal(forged.status, 401);
    const stale = await send(
      bot.eventsUrl,
      slashCommand(fields, { secret: bot.secret, timestamp: Math.floor(Date.now() / 1000) - 10 * 60 }),
    );
    assert.equal(stale.status, 401);
    const tampered = slashCommand(fields, { secret: bot.secret });
    tampered.body = tampered.body.replace('shop', 'kube-system');
    assert.equal((await send(bot.eventsUrl, tampered)).status, 401);
    assert.equal(investigator.requests.length, before);
  });

  test('mention with a sentence: diagnosis in the thread of that message', async () => {
    const ts = '1700000100.000001';
    bot.slack.addMessage({ channel: 'CSHOP', ts, user: 'U0001', text: `<@UBOT> why does ${POD} keep dying?` });
    const before = posts(bot).length;
    // No namespace named: the channel is mapped to exactly one, so that one is used.
    const response = await mention(bot, { text: `<@UBOT> why does ${POD} keep dying?`, ts, channel: 'CSHOP' });
    assert.equal(response.status, 200);
    await bot.slack.waitFor(() => posts(bot).length > before);
    const body = lastPost(bot);
    assert.equal(body.thread_ts, ts);
    assert.match(json(body.blocks), /Out of memory/);
    assert.ok(body.metadata);
  });

  test('Slack retries and duplicate event ids never produce a second answer', async () => {
    const ts = '1700000200.000001';
    bot.slack.addMessage({ channel: 'C0001', ts, user: 'U0001', text: 'x' });
    const before = investigator.requests.length;
    const retried = await mention(bot, { text: `<@UBOT> ${POD} -n shop`, ts, eventId: 'EvRETRY1' }, 1);
    assert.equal(retried.status, 200);
    await mention(bot, { text: `<@UBOT> ${POD} -n shop`, ts, eventId: 'EvDUP1' });
    await mention(bot, { text: `<@UBOT> ${POD} -n shop`, ts, eventId: 'EvDUP1' });
    await bot.slack.waitFor(() => posts(bot).filter((p) => p.body.thread_ts === ts).length >= 1);
    // A later, distinct event proves the queue drained: everything before it has been handled.
    const marker = '1700000201.000001';
    bot.slack.addMessage({ channel: 'C0001', ts: marker, user: 'U0001', text: 'x' });
    await mention(bot, { text: `<@UBOT> ${POD} -n shop`, ts: marker, eventId: 'EvMARK' });
    await bot.slack.waitFor(() => posts(bot).some((p) => p.body.thread_ts === marker));
    assert.equal(posts(bot).filter((p) => p.body.thread_ts === ts).length, 1);
    assert.equal(investigator.requests.length, before + 2);
  });

  test('thread verbs act on the pod recovered from the thread parent', async () => {
    const threadTs = await diagnoseIntoChannel(bot);
    const inThread = () => posts(bot).filter((p) => p.body.thread_ts === threadTs);
    const ask = async (text: string, count: number) => {
      // The user's message exists in Slack too (the summary reads it back).
      const ts = `${Number(threadTs) + count}.000000`;
      bot.slack.addMessage({ channel: 'C0001', ts, user: 'U0001', text: `<@UBOT> ${text}`, thread_ts: threadTs });
      await mention(bot, { text: `<@UBOT> ${text}`, ts, threadTs });
      await bot.slack.waitFor(() => inThread().length >= count);
      return inThread().at(-1)?.body as Record<string, unknown>;
    };
    const logs = await ask('logs 20', 1);
    assert.match(json(logs.blocks), /OutOfMemoryError/);
    assert.doesNotMatch(json(logs.blocks), /<!channel>|<@U999>|<https:\/\/evil/);
    assert.doesNotMatch(json(logs.blocks), /ghp_abcdefghijklmnopqrstuvwxyz/);
    assert.deepEqual(blockViolations(logs.blocks as unknown[]), []);
    assert.deepEqual(investigator.requests.filter((r) => r.kind === 'logs').at(-1)?.args, { ...REF, tailLines: 20 });
    const events = await ask('events', 2);
    assert.match(json(events.blocks), /Back-off restarting failed container app/);
    const rediagnosis = await ask('rediagnose', 3);
    assert.ok(rediagnosis.metadata);
    assert.match(json(rediagnosis.blocks), /Out of memory/);
    const help = await ask('help', 4);
    assert.match(json(help.blocks), /@exitcode logs \[N\]/);
    assert.match(json(help.blocks), /restart this pod/);
    await ask('restart now', 5);
    assert.ok(extensionCalls.includes(`restart shop/${POD} now`));
    const summary = await ask('summary', 6);
    const text = json(summary.blocks);
    // Built from the diagnosis message's metadata and a fresh look, never from message text.
    assert.match(text, /Incident summary: checkout/);
    assert.match(text, /\*Cause:\* Out of memory/);
    assert.match(text, /first recorded crash/);
    assert.match(text, /Still failing: Out of memory/);
    assert.deepEqual(blockViolations(summary.blocks as unknown[]), []);
    // And the same as a Markdown file for the postmortem (wait for it, so it cannot leak into the next test).
    await bot.slack.waitFor((s) => s.uploads.some((u) => u.content.startsWith('# Incident: checkout in shop')));
  });

  test('logs all uploads the redacted log as a file in the thread', async () => {
    const threadTs = await diagnoseIntoChannel(bot);
    // Earlier tests upload too (summary's Markdown file): wait for this test's own upload.
    const completed = () =>
      bot.slack
        .callsOf('files.completeUploadExternal')
        .filter((c) => (c.body as { thread_ts?: unknown }).thread_ts === threadTs);
    await mention(bot, { text: '<@UBOT> logs all', ts: `${Number(threadTs) + 1}`, threadTs });
    await bot.slack.waitFor(() => completed().length > 0);
    const complete = completed().at(-1)?.body as Record<string, unknown>;
    assert.equal(complete.channel_id, 'C0001');
    assert.equal(complete.thread_ts, threadTs);
    const upload = bot.slack.uploads.at(-1)?.content ?? '';
    assert.match(upload, /OutOfMemoryError/);
    assert.doesNotMatch(upload, /ghp_abcdefghijklmnopqrstuvwxyz/);
    assert.equal(
      bot.slack
        .callsOf('files.getUploadURLExternal')
        .filter((c) => /\.log$/.test(String((c.body as { filename?: unknown }).filename))).length,
      1,
    );
  });

  test('a thread verb outside a diagnosis thread gets a sentence', async () => {
    const ts = '1700000300.000001';
    bot.slack.addMessage({ channel: 'C0001', ts, user: 'U0001', text: 'hello' });
    await mention(bot, { text: '<@UBOT> logs', ts });
    await bot.slack.waitFor(() => posts(bot).some((p) => p.body.thread_ts === ts));
    assert.match(json(lastPost(bot).blocks), /only do that in a diagnosis thread/);
  });

  test('look-alike metadata posted by another app is not trusted', async () => {
    const ts = '1700000350.000001';
    const metadata = { event_type: 'exitcode_diagnosis', event_payload: { namespace: 'shop', pod: POD } };
    bot.slack.addMessage({ channel: 'C0001', ts, bot_id: 'BOTHER', text: 'not us', metadata });
    const before = investigator.requests.length;
    await mention(bot, { text: '<@UBOT> logs', ts: '1700000351.000001', threadTs: ts });
    await bot.slack.waitFor(() => posts(bot).some((p) => p.body.thread_ts === ts));
    assert.match(json(lastPost(bot).blocks), /only do that in a diagnosis thread/);
    assert.equal(investigator.requests.length, before);
  });

  test('buttons: Show logs, Show events and Re-diagnose answer in the thread', async () => {
    const threadTs = await diagnoseIntoChannel(bot);
    const value = encodeRef({ ...REF, cluster: 'demo' });
    const inThread = () => posts(bot).filter((p) => p.body.thread_ts === threadTs);
    for (const [index, actionId] of [ACTIONS.logs, ACTIONS.events, ACTIONS.rediagnose].entries()) {
      const response = await click(bot, { actionId, value, messageTs: threadTs });
      assert.equal(response.status, 200);
      await bot.slack.waitFor(() => inThread().length > index);
    }
    const [logs, events, rediagnosis] = inThread().map((p) => json(p.body.blocks));
    assert.match(String(logs), /OutOfMemoryError/);
    assert.match(String(events), /BackOff/);
    assert.match(String(rediagnosis), /Out of memory/);
  });

  test('the logs message offers "Upload full log", which uploads the file in the thread', async () => {
    const threadTs = await diagnoseIntoChannel(bot);
    await click(bot, { actionId: ACTIONS.logs, value: encodeRef(REF), messageTs: threadTs });
    await bot.slack.waitFor(() => posts(bot).some((p) => p.body.thread_ts === threadTs));
    const logsMessage = posts(bot).find((p) => p.body.thread_ts === threadTs)?.body.blocks as {
      type: string;
      elements?: { action_id: string; value: string }[];
    }[];
    const upload = logsMessage.at(-1)?.elements?.find((e) => e.action_id === ACTIONS.uploadLogs);
    assert.ok(upload, 'the button is there');
    const uploads = bot.slack.callsOf('files.completeUploadExternal').length;
    await click(bot, {
      actionId: upload.action_id,
      value: upload.value,
      messageTs: `${Number(threadTs) + 1}`,
      threadTs,
    });
    await bot.slack.waitFor((s) => s.callsOf('files.completeUploadExternal').length > uploads);
    assert.equal(bot.slack.callsOf('files.completeUploadExternal').at(-1)?.body.thread_ts, threadTs);
  });

  test('a forged button value cannot reach a namespace the channel may not see', async () => {
    const ts = '1700000400.000001';
    bot.slack.addMessage({ channel: 'CPAY', ts, user: 'UBOT', bot_id: 'BBOT', text: 'diag' });
    const before = investigator.requests.length;
    await click(bot, { actionId: ACTIONS.logs, value: encodeRef(REF), channel: 'CPAY', messageTs: ts });
    await click(bot, {
      actionId: ACTIONS.events,
      value: '{"namespace":"Bad/../ns","pod":"x"}',
      channel: 'CPAY',
      messageTs: ts,
    });
    await bot.slack.waitFor(() => posts(bot).filter((p) => p.body.thread_ts === ts).length >= 2);
    const answers = posts(bot)
      .filter((p) => p.body.thread_ts === ts)
      .map((p) => json(p.body.blocks));
    assert.ok(answers.some((a) => /may not query namespace shop/.test(a)));
    assert.ok(answers.some((a) => /not valid any more/.test(a)));
    assert.equal(investigator.requests.length, before);
  });

  // Produces every counter it checks itself, so it passes alone (--test-name-pattern) as in the suite.
  test('metrics: commands by kind, errors by code, Slack calls, diagnosis timings', async () => {
    counted.length = 0;
    const threadTs = await diagnoseIntoChannel(bot);
    const answered = async (send: () => Promise<unknown>) => {
      const responses = bot.slack.responses.length;
      await send();
      await bot.slack.waitFor((s) => s.responses.length > responses);
    };
    await answered(() => slash(bot, `shop/${POD}`, { channel_id: 'CPAY' }));
    investigator.failWith = new ExitcodeError('forbidden', 'exitcode may not read pods in namespace shop.');
    await answered(() => slash(bot, `shop/${POD}`));
    investigator.failWith = new Error('boom');
    await answered(() => slash(bot, `shop/${POD}`));
    investigator.failWith = undefined;
    const inThread = () => posts(bot).filter((p) => p.body.thread_ts === threadTs).length;
    const before = inThread();
    await mention(bot, { text: '<@UBOT> logs all', ts: `${Number(threadTs) + 1}.000000`, threadTs });
    await bot.slack.waitFor(() => counted.includes('slack:files.uploadV2'));
    await click(bot, { actionId: ACTIONS.events, value: encodeRef(REF), messageTs: threadTs });
    await bot.slack.waitFor(() => inThread() > before);
    const mentionTs = `${Math.floor(Date.now() / 1000)}.000777`;
    await mention(bot, { text: `<@UBOT> why does ${POD} keep dying? -n shop`, ts: mentionTs });
    await bot.slack.waitFor(() => posts(bot).some((p) => p.body.thread_ts === mentionTs));
    for (const expected of [
      'command:slash',
      'command:mention',
      'command:thread',
      'command:action',
      'error:not_allowed',
      'error:forbidden',
      'error:unknown',
      'slack:chat.postMessage',
      'slack:conversations.replies',
      'slack:files.uploadV2',
      'slack:response_url',
    ]) {
      assert.ok(counted.includes(expected), `${expected} was reported`);
    }
    await bot.slack.waitFor(
      () =>
        counted.filter((c) => c === 'diagnosis:start').length === counted.filter((c) => c === 'diagnosis:end').length,
    );
    assert.ok(counted.includes('diagnosis:start'));
  });
});

describe('start-up against a Slack that cannot be used', () => {
  const closedPort = (): Promise<number> =>
    new Promise((resolve) => {
      const server = createServer();
      server.listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
  const appAt = (apiUrl: string) =>
    createSlackApp({
      slack: { botToken: 'xoxb-start-test', signingSecret: 'start-test-secret', apiUrl, port: 0, host: '127.0.0.1' },
      investigator: memoryInvestigator(),
      access: { defaultNamespaces: ['*'], channels: {} },
      logger: pino({ level: 'silent' }),
    });
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);
  before(() => process.on('unhandledRejection', onRejection));
  after(() => process.off('unhandledRejection', onRejection));

  test('Slack unreachable: start() fails with one sentence naming the URL, and nothing is left unhandled', async () => {
    const apiUrl = `http://127.0.0.1:${await closedPort()}/api/`;
    const bot = appAt(apiUrl);
    await assert.rejects(bot.start(), (error: Error & { code?: string }) => {
      assert.ok(error instanceof ExitcodeError);
      assert.equal(error.code, 'slack_error');
      assert.equal(
        error.message,
        `Slack is unreachable at ${apiUrl}: check the network, proxy and SLACK_API_URL, then start again.`,
      );
      return true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(rejections, []);
  });

  test('a rejected bot token: start() names SLACK_BOT_TOKEN and Slack’s error code, not the token', async () => {
    const slack = await startSlackStandIn();
    slack.fail('auth.test', { error: 'invalid_auth', times: Number.POSITIVE_INFINITY });
    try {
      await assert.rejects(appAt(slack.apiUrl).start(), (error: Error & { code?: string }) => {
        assert.equal(error.code, 'slack_error');
        assert.match(error.message, /^Slack rejected SLACK_BOT_TOKEN \(invalid_auth\): /);
        assert.ok(!error.message.includes('xoxb-start-test'));
        return true;
      });
    } finally {
      await slack.close();
    }
  });

  test('a Slack that answers: auth.test is called once at start, not again per event', async () => {
    const slack = await startSlackStandIn();
    const bot = appAt(slack.apiUrl);
    try {
      await bot.start();
      assert.equal(slack.callsOf('auth.test').length, 1);
    } finally {
      await bot.stop();
      await slack.close();
    }
  });
});
