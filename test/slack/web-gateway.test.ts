/**
 * The Slack gateway over a real WebClient (built as app.ts builds it: one attempt per call, a timeout)
 * against the strict Slack stand-in. What is measured: text safety on every field, Block Kit limits
 * that the stand-in (as strict as Slack) accepts, the invalid_blocks fallback, thread pagination,
 * retries per method (reads retried, posts settled by reading and never doubled), timeouts, close().
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { WebClient } from '@slack/web-api';
import { pino } from 'pino';
import { analysisJobs } from '../../src/services/analysis-jobs.ts';
import { DEFAULT_SLACK_TIMEOUT_MS, timedFetch } from '../../src/slack/app.ts';
import type { KnownBlock } from '../../src/slack/extension.ts';
import { SLACK_LIMITS } from '../../src/slack/outgoing-blocks.ts';
import { createWebGateway, THREAD_MAX_MESSAGES, type WebGateway } from '../../src/slack/web-gateway.ts';
import { blocksError } from '../helpers/slack-validate.ts';
import { type SlackStandIn, startSlackStandIn } from '../helpers/slack-stand-in.ts';

const SECRET = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789AB';

const counted: string[] = [];
const metrics = {
  command: () => {},
  error: (kind: string) => counted.push(`error:${kind}`),
  slackCall: (method: string) => counted.push(`call:${method}`),
  startDiagnosis: () => () => {},
};

const gatewayFor = (slack: SlackStandIn, timeoutMs = DEFAULT_SLACK_TIMEOUT_MS): WebGateway =>
  createWebGateway({
    client: new WebClient('xoxb-test', {
      slackApiUrl: slack.apiUrl,
      timeout: timeoutMs,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
    }),
    metrics,
    logger: pino({ level: 'silent' }),
    policy: { maxAttempts: 3, maxRetryAfterMs: 30_000, backoffMs: 10 },
  });

const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });

describe('SlackGateway over the Web API', () => {
  let slack: SlackStandIn;
  let gateway: WebGateway;
  before(async () => {
    slack = await startSlackStandIn();
    gateway = gatewayFor(slack);
  });
  after(async () => {
    gateway.close();
    await slack.close();
  });
  beforeEach(() => {
    counted.length = 0;
  });

  test('every text field is redacted and display-safe; button values and ids are left alone', async () => {
    const value = JSON.stringify({ pod: 'api-1', token: 'not-a-secret-shape' });
    await gateway.post({
      channel: 'C1',
      text: `fallback ${SECRET}`,
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'evil \u202Eexe.txt' } },
        {
          type: 'section',
          text: { type: 'mrkdwn', text: `log: ${SECRET}` },
          fields: [{ type: 'mrkdwn', text: `f ${SECRET}` }],
        },
        { type: 'context', elements: [{ type: 'mrkdwn', text: 'bell \u0007 here' }] },
        {
          type: 'actions',
          elements: [{ type: 'button', action_id: 'a1', text: { type: 'plain_text', text: `b ${SECRET}` }, value }],
        },
      ],
    });
    const body = slack.callsOf('chat.postMessage').at(-1)?.body as Record<string, unknown>;
    const sent = JSON.stringify(body);
    assert.ok(!sent.includes(SECRET), 'no secret in any field');
    assert.ok(!sent.includes('\u202E') && !sent.includes('\u0007'), 'no bidi or control characters');
    assert.match(sent, /\\\\u202E/);
    const actions = (body.blocks as { type: string; elements?: { value?: string }[] }[]).find(
      (b) => b.type === 'actions',
    );
    assert.equal(actions?.elements?.[0]?.value, value);
    assert.equal(String(body.unfurl_links), 'false');
  });

  test('Block Kit limits are enforced so that Slack (the strict stand-in) accepts the message', async () => {
    const blocks: KnownBlock[] = [
      { type: 'header', text: { type: 'plain_text', text: 'h'.repeat(400) } },
      section(`\`\`\`${'line of log\n'.repeat(600)}\`\`\``),
      {
        type: 'section',
        fields: Array.from({ length: 14 }, () => ({ type: 'mrkdwn' as const, text: 'x'.repeat(2500) })),
      },
      ...Array.from({ length: 70 }, (_, i) => section(`part ${i} &amp; more`)),
      {
        type: 'actions',
        elements: [{ type: 'button', action_id: 'b', text: { type: 'plain_text', text: 'y'.repeat(120) }, value: 'v' }],
      },
    ];
    const before = slack.messages.length;
    await gateway.post({ channel: 'C1', text: 't'.repeat(50_000), blocks });
    const body = slack.callsOf('chat.postMessage').at(-1)?.body as { blocks: KnownBlock[]; text: string };
    assert.equal(blocksError(body.blocks), undefined);
    assert.equal(body.blocks.length, SLACK_LIMITS.blocks);
    assert.equal(body.blocks.at(-1)?.type, 'actions', 'the buttons survive the cut');
    assert.ok(body.text.length <= SLACK_LIMITS.messageText);
    const code = (body.blocks[1] as { text: { text: string } }).text.text;
    assert.ok(code.length <= SLACK_LIMITS.sectionText);
    assert.equal((code.split('```').length - 1) % 2, 0, 'a cut code block is closed again');
    assert.equal(slack.messages.length, before + 1);
    assert.ok(!counted.some((c) => c.startsWith('error:')));
  });

  test('invalid_blocks: the same message again as plain text, metadata kept; both calls and the code counted', async () => {
    slack.fail('chat.postMessage', { error: 'invalid_blocks', when: (b) => 'blocks' in b });
    const metadata = { event_type: 'exitcode_diagnosis', event_payload: { pod: 'api-1' } };
    const ts = await gateway.post({ channel: 'C1', text: 'plain', blocks: [section('rich')], metadata });
    const stored = slack.messages.find((m) => m.ts === ts);
    assert.equal(stored?.text, 'plain');
    assert.equal(stored?.blocks, undefined);
    assert.deepEqual(stored?.metadata, metadata);
    assert.deepEqual(counted, ['call:chat.postMessage', 'error:slack_invalid_blocks', 'call:chat.postMessage']);
  });

  test('thread() follows the cursor past one page, parent first, each message once', async () => {
    slack.pageLimit = 200;
    const parent = slack.addMessage({ channel: 'CT', text: 'parent', user: 'U1' });
    for (let i = 0; i < 450; i++) slack.addMessage({ channel: 'CT', text: `r${i}`, user: 'U1', thread_ts: parent.ts });
    const calls = slack.callsOf('conversations.replies').length;
    const messages = await gateway.thread({ channel: 'CT', threadTs: parent.ts });
    assert.equal(messages.length, 451);
    assert.equal(messages[0]?.text, 'parent');
    assert.equal(messages.at(-1)?.text, 'r449');
    assert.equal(new Set(messages.map((m) => m.ts)).size, 451);
    assert.equal(slack.callsOf('conversations.replies').length - calls, 3);
  });

  test('thread() is bounded: a huge thread returns its oldest messages up to the bound', async () => {
    const parent = slack.addMessage({ channel: 'CH', text: 'parent', user: 'U1' });
    for (let i = 0; i < THREAD_MAX_MESSAGES + 300; i++)
      slack.addMessage({ channel: 'CH', text: `r${i}`, user: 'U1', thread_ts: parent.ts });
    const messages = await gateway.thread({ channel: 'CH', threadTs: parent.ts });
    assert.equal(messages.length, THREAD_MAX_MESSAGES);
    assert.equal(messages[1]?.text, 'r0');
  });

  test("incidentPost finds our own channel message naming the incident, past a page of newer ones; not another app's, a reply's or an older one", async () => {
    slack.pageLimit = 200;
    const metadata = (incident: string) => ({
      event_type: 'exitcode_diagnosis',
      event_payload: { namespace: 'shop', pod: 'api-1', incident },
    });
    const sinceMs = Date.now();
    const ours = await gateway.post({ channel: 'CI', text: 'api crashed', metadata: metadata('prod|shop|api|app') });
    slack.addMessage({ channel: 'CI', text: 'look-alike', bot_id: 'BOTHER', metadata: metadata('prod|shop|web|app') });
    await gateway.post({ channel: 'CI', text: 'reply', threadTs: ours, metadata: metadata('prod|shop|web|app') });
    for (let i = 0; i < 250; i++) slack.addMessage({ channel: 'CI', text: `chatter ${i}`, user: 'U1' });
    const calls = slack.callsOf('conversations.history').length;
    assert.equal(await gateway.incidentPost({ channel: 'CI', incident: 'prod|shop|api|app', sinceMs }), ours);
    assert.equal(slack.callsOf('conversations.history').length - calls, 2, 'read past the first page');
    assert.equal(await gateway.incidentPost({ channel: 'CI', incident: 'prod|shop|web|app', sinceMs }), undefined);
    assert.equal(
      await gateway.incidentPost({ channel: 'CI', incident: 'prod|shop|api|app', sinceMs: Date.now() + 60_000 }),
      undefined,
      'posted before the window',
    );
    slack.pageLimit = 1000;
  });

  test('a read answered 500, then reset, is retried and succeeds', async () => {
    const parent = slack.addMessage({ channel: 'CR', text: 'p', user: 'U1' });
    slack.fail('conversations.replies', { status: 500 });
    slack.fail('conversations.replies', { reset: true });
    const found = await gateway.message({ channel: 'CR', ts: parent.ts });
    assert.equal(found?.text, 'p');
    assert.deepEqual(
      counted.filter((c) => c.includes('replies') || c.startsWith('error')),
      [
        'call:conversations.replies',
        'error:slack_http_500',
        'call:conversations.replies',
        'error:slack_request_error',
        'call:conversations.replies',
      ],
    );
  });

  test('429 with Retry-After: a post waits and goes out once', async () => {
    slack.fail('chat.postMessage', { status: 429, retryAfter: 1 });
    const before = slack.messages.length;
    const ts = await gateway.post({ channel: 'C1', text: 'after the rate limit' });
    assert.ok(ts);
    assert.equal(slack.messages.length, before + 1);
  });

  test('a post applied by Slack but answered 500 is settled by reading: one message, its ts returned', async () => {
    slack.fail('chat.postMessage', { status: 500, after: true });
    const before = slack.messages.filter((m) => m.channel === 'CP').length;
    const ts = await gateway.post({ channel: 'CP', text: 'exactly once' });
    const posted = slack.messages.filter((m) => m.channel === 'CP');
    assert.equal(posted.length, before + 1);
    assert.equal(posted.at(-1)?.ts, ts);
    assert.equal(slack.callsOf('conversations.history').length > 0, true);
  });

  test('a post whose connection reset before Slack stored it is posted again, once', async () => {
    slack.fail('chat.postMessage', { reset: true });
    const ts = await gateway.post({ channel: 'CQ', text: 'lost then sent' });
    assert.deepEqual(
      slack.messages.filter((m) => m.channel === 'CQ').map((m) => m.ts),
      [ts],
    );
  });

  test('a reply in a thread applied but reset is found in the thread, not posted twice', async () => {
    const parent = slack.addMessage({ channel: 'CX', text: 'p', user: 'U1' });
    slack.fail('chat.postMessage', { reset: true, after: true });
    await gateway.post({ channel: 'CX', threadTs: parent.ts, text: 'reply once' });
    assert.equal(slack.messages.filter((m) => m.thread_ts === parent.ts).length, 1);
  });

  test('a post that cannot be confirmed is reported (slack_error), never repeated blindly', async () => {
    slack.fail('chat.postMessage', { status: 503, after: true });
    slack.fail('conversations.history', { status: 500, times: 3 });
    const before = slack.messages.filter((m) => m.channel === 'CU').length;
    await assert.rejects(gateway.post({ channel: 'CU', text: 'maybe' }), { code: 'slack_error' });
    assert.equal(slack.messages.filter((m) => m.channel === 'CU').length, before + 1);
  });

  test('not_in_channel is Slack’s answer: no retry, the code reaches the caller', async () => {
    slack.leave('CNOPE');
    await assert.rejects(gateway.post({ channel: 'CNOPE', text: 'x' }), (error: { data?: { error?: string } }) => {
      assert.equal(error.data?.error, 'not_in_channel');
      return true;
    });
    assert.deepEqual(counted, ['call:chat.postMessage', 'error:slack_not_in_channel']);
  });

  test('upload: the content is redacted and the SDK flow (URL, bytes, complete) passes the strict stand-in', async () => {
    const parent = slack.addMessage({ channel: 'CF', text: 'p', user: 'U1' });
    await gateway.upload({
      channel: 'CF',
      threadTs: parent.ts,
      filename: 'api.log',
      title: 'Log',
      content: `line one\n${SECRET}\nline three`,
      comment: 'Last 3 lines',
    });
    const file = slack.uploads.at(-1);
    assert.ok(file?.content.includes('line three'));
    assert.ok(!file?.content.includes(SECRET));
    assert.equal(slack.callsOf('files.completeUploadExternal').length, 1);
    assert.ok(slack.messages.some((m) => m.thread_ts === parent.ts && m.text === 'Last 3 lines'));
  });

  test('userName and groupMembers are cached', async () => {
    slack.usergroups.S1 = ['U1', 'U2'];
    assert.equal(await gateway.userName('U0001'), 'alice');
    assert.equal(await gateway.userName('U0001'), 'alice');
    assert.equal(await gateway.userName('UNOBODY'), undefined);
    assert.deepEqual(await gateway.groupMembers('S1'), ['U1', 'U2']);
    assert.deepEqual(await gateway.groupMembers('S1'), ['U1', 'U2']);
    assert.equal(counted.filter((c) => c === 'call:users.info').length, 2);
    assert.equal(counted.filter((c) => c === 'call:usergroups.users.list').length, 1);
  });
});

describe('SlackGateway offloading', () => {
  test('a large upload is sanitized by the given runner (the analysis pool in the bot), a small one in place', async () => {
    const slack = await startSlackStandIn();
    const offloaded: number[] = [];
    const gateway = createWebGateway({
      client: new WebClient('xoxb-test', { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } }),
      metrics,
      logger: pino({ level: 'silent' }),
      sanitizeLarge: async (text) => {
        offloaded.push(text.length);
        return analysisJobs.sanitize(text);
      },
    });
    try {
      const big = `${'ordinary line\n'.repeat(6000)}${SECRET}\n`;
      await gateway.upload({ channel: 'C1', filename: 'big.log', title: 'Log', content: big });
      await gateway.upload({ channel: 'C1', filename: 'small.log', title: 'Log', content: `x ${SECRET}` });
      assert.deepEqual(offloaded, [big.length]);
      assert.ok(slack.uploads.every((u) => !u.content.includes(SECRET)));
    } finally {
      gateway.close();
      await slack.close();
    }
  });
});

describe('SlackGateway time limits', () => {
  test('a call that never answers fails with slack_error after the timeout (reads: each attempt timed)', async () => {
    const slack = await startSlackStandIn();
    const gateway = gatewayFor(slack, 200);
    try {
      slack.fail('users.info', { hang: true, times: 3 });
      await assert.rejects(gateway.userName('U0001'), { code: 'slack_error' });
      assert.equal(slack.callsOf('users.info').length, 3);
    } finally {
      gateway.close();
      await slack.close();
    }
  });

  test('response_url posts (Bolt respond() uses the client fetch) have the same time limit', async () => {
    const slack = await startSlackStandIn();
    try {
      slack.fail('response_url', { hang: true });
      await assert.rejects(timedFetch(200)(slack.responseUrl(), { method: 'POST', body: '{}' }), {
        name: 'TimeoutError',
      });
      const answered = await timedFetch(200)(slack.responseUrl(), { method: 'POST', body: '{}' });
      assert.equal(answered.status, 200);
    } finally {
      await slack.close();
    }
  });

  test('close() ends a hanging call at once with slack_error (shutdown never waits on Slack)', async () => {
    const slack = await startSlackStandIn();
    const gateway = gatewayFor(slack);
    try {
      slack.fail('chat.update', { hang: true });
      const posted = await gateway.post({ channel: 'C1', text: 'x' });
      const pending = gateway.update({ channel: 'C1', ts: posted as string, text: 'y' });
      await slack.waitFor((s) => s.callsOf('chat.update').length === 1);
      assert.equal(gateway.pending, 1);
      gateway.close();
      await assert.rejects(pending, { code: 'slack_error' });
      await assert.rejects(gateway.post({ channel: 'C1', text: 'after close' }), { code: 'slack_error' });
    } finally {
      await slack.close();
    }
  });
});
