/**
 * Issue 11 end to end: the real Bolt app against the Slack stand-in and the demo cluster, through the
 * real client library. A channel mapped to several namespaces, as a new user's would be.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { connectCluster } from '../../src/cluster/connection.ts';
import { startDemoCluster } from '../../src/demo/server.ts';
import { createInvestigator } from '../../src/services/investigator.ts';
import { blockViolations } from '../helpers/block-limits.ts';
import { startTestBot, type TestBot } from '../helpers/slack-bot.ts';
import { slackRequests } from '../helpers/slack-requests.ts';
import { buttonClick, interaction, send } from '../helpers/slack-signing.ts';

type Post = {
  channel: string;
  thread_ts?: string;
  text: string;
  blocks?: { type: string; elements?: { action_id: string; value: string; text: { text: string } }[] }[];
  metadata?: { event_payload: Record<string, string> };
};

let demo: Awaited<ReturnType<typeof startDemoCluster>>;
let bot: TestBot;
let requests: ReturnType<typeof slackRequests>;

const posts = (): Post[] => bot.slack.callsOf('chat.postMessage').map((c) => c.body as unknown as Post);
const json = (value: unknown): string => JSON.stringify(value);
const buttons = (blocks: Post['blocks'] | unknown): { action_id: string; value: string; text: { text: string } }[] =>
  ((blocks ?? []) as Post['blocks'] & object).flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : []));
const lastResponse = () => bot.slack.responses.at(-1)?.body as { text: string; blocks: unknown[] } | undefined;

/** A click on a button of a message only its user sees (a slash command's answer): no message, no thread. */
const ephemeralClick = (actionId: string, value: string) => {
  const payload = buttonClick({ actionId, value, responseUrl: bot.slack.responseUrl() });
  delete payload.message;
  payload.container = { type: 'message', message_ts: '1700000000.000200', channel_id: 'C0001', is_ephemeral: true };
  return send(bot.eventsUrl, interaction(payload, { secret: bot.secret }));
};

/** Posts a diagnosis with /exitcode and returns its ts (the thread for verbs). */
const diagnose = async (text: string): Promise<{ ts: string; post: Post }> => {
  const count = posts().length;
  const answered = bot.slack.responses.length;
  await requests.slash(text);
  await bot.slack.waitFor(() => posts().length > count || bot.slack.responses.length > answered);
  assert.deepEqual(
    bot.slack.responses.slice(answered).map((r) => r.body.text),
    [],
    'no error answer',
  );
  const post = posts()[count] as Post;
  const ts = bot.slack.messages
    .filter((m) => m.channel === post.channel && !m.thread_ts && m.text === post.text)
    .at(-1)?.ts;
  assert.ok(ts);
  return { ts, post };
};

const inThread = (ts: string): Post[] => posts().filter((p) => p.thread_ts === ts);

const ask = async (ts: string, text: string): Promise<Post> => {
  const count = inThread(ts).length;
  await requests.mention({ text: `<@UBOT> ${text}`, ts: `${Number(ts) + count + 1}.000000`, threadTs: ts });
  await bot.slack.waitFor(() => inThread(ts).length > count);
  return inThread(ts).at(-1) as Post;
};

before(async () => {
  demo = await startDemoCluster({
    scenarios: ['checkout-missing-env', 'catalog-healthy', 'ledger-dns-failure', 'assets-image-pull'],
  });
  const connection = connectCluster({ kubeconfigYaml: demo.kubeconfigYaml });
  bot = await startTestBot({
    investigator: createInvestigator({ connection }),
    access: { defaultNamespaces: [], channels: { C0001: ['shop', 'payments'] } },
  });
  requests = slackRequests({ eventsUrl: bot.eventsUrl, secret: bot.secret, slack: bot.slack });
});

after(async () => {
  await bot.close();
  await demo.close();
});

describe('1. finding the target across the channel’s namespaces', () => {
  test('a workload name with no namespace: diagnosed where it is, not refused for "default"', async () => {
    const { post } = await diagnose('checkout');
    assert.equal(post.metadata?.event_payload.namespace, 'shop');
    assert.doesNotMatch(json(post), /may not query namespace default/);
  });

  test('the README’s mention with a pod name: diagnosed in the thread', async () => {
    const pod = demo.state.list('pods', 'shop').find((p) => p.metadata.name?.startsWith('checkout-'))?.metadata.name;
    assert.ok(pod);
    const ts = '1700001000.000100';
    await requests.mention({ text: `<@UBOT> why does ${pod} keep dying?`, ts });
    await bot.slack.waitFor(() => inThread(ts).length > 0);
    const reply = inThread(ts)[0] as Post;
    assert.equal(reply.metadata?.event_payload.pod, pod);
  });

  test('a typo: did-you-mean buttons; clicking one diagnoses it', async () => {
    const before = bot.slack.responses.length;
    await requests.slash('chekout');
    await bot.slack.waitFor(() => bot.slack.responses.length > before);
    const answer = lastResponse();
    assert.match(String(answer?.text), /No pod or workload named "chekout"/);
    assert.deepEqual(blockViolations(answer?.blocks ?? []), []);
    const suggestion = buttons(answer?.blocks).find((b) => b.text.text === 'shop/deploy/checkout');
    assert.ok(suggestion, json(answer?.blocks));
    const count = posts().length;
    await ephemeralClick(suggestion.action_id, suggestion.value);
    await bot.slack.waitFor(() => posts().length > count);
    const diagnosis = posts()[count] as Post;
    assert.equal(diagnosis.thread_ts, undefined, 'a channel message, so it carries a thread');
    assert.equal(diagnosis.metadata?.event_payload.namespace, 'shop');
  });

  test('a typo in a namespace named by the user: its did-you-mean is buttons too', async () => {
    const before = bot.slack.responses.length;
    await requests.slash('chekout -n shop');
    await bot.slack.waitFor(() => bot.slack.responses.length > before);
    const answer = lastResponse();
    assert.ok(
      buttons(answer?.blocks).some((b) => b.text.text === 'shop/checkout'),
      json(answer?.blocks),
    );
  });

  test('a mention with a typo: did-you-mean buttons in its thread; the click answers in that thread', async () => {
    const ts = '1700001500.000100';
    await requests.mention({ text: '<@UBOT> chekout', ts });
    await bot.slack.waitFor(() => inThread(ts).length > 0);
    const suggestion = buttons(inThread(ts)[0]?.blocks).find((b) => b.text.text === 'shop/deploy/checkout');
    assert.ok(suggestion, json(inThread(ts)[0]));
    await requests.click({
      actionId: suggestion.action_id,
      value: suggestion.value,
      messageTs: '1700001500.000200',
      threadTs: ts,
    });
    await bot.slack.waitFor(() => inThread(ts).length > 1);
    assert.equal(inThread(ts)[1]?.metadata?.event_payload.namespace, 'shop');
  });

  test('the same name in two namespaces: a short list of buttons to pick from', async () => {
    const deployment = demo.state.list('deployments', 'shop').find((d) => d.metadata.name === 'checkout');
    assert.ok(deployment);
    const copy = structuredClone(deployment);
    copy.metadata = { name: 'checkout', namespace: 'payments', labels: copy.metadata.labels ?? {} };
    demo.state.put(copy);
    const before = bot.slack.responses.length;
    await requests.slash('checkout');
    await bot.slack.waitFor(() => bot.slack.responses.length > before);
    const answer = lastResponse();
    assert.deepEqual(
      buttons(answer?.blocks)
        .map((b) => b.text.text)
        .sort(),
      ['payments/deploy/checkout', 'shop/deploy/checkout'],
    );
  });

  test('a forged pick naming a namespace the channel may not read: refused, nothing read', async () => {
    const before = bot.slack.callsOf('chat.postEphemeral').length;
    await ephemeralClick('exitcode_pick_target_0', JSON.stringify({ namespace: 'kube-system', target: 'etcd-0' }));
    await bot.slack.waitFor(() => bot.slack.callsOf('chat.postEphemeral').length > before);
    assert.match(json(bot.slack.callsOf('chat.postEphemeral').at(-1)?.body), /may not query namespace kube-system/);
  });
});

describe('2 and 3: thread verbs and a cause-first message', () => {
  test('cause first, about a dozen lines, times as Slack dates, commands in code blocks', async () => {
    const { post } = await diagnose('deploy/checkout -n shop');
    const header = post.blocks?.[0] as unknown as { text: { text: string } };
    assert.match(
      header.text.text,
      /^🔴 checkout is crash-looping: STRIPE_API_KEY is not set \(\d+ %, (high|likely|unsure)\)$/,
    );
    const text = json(post.blocks);
    assert.match(text, /<!date\^\d+\^\{date_short_pretty\} \{time\}\|/);
    assert.doesNotMatch(text, /\d{4}-\d\d-\d\dT\d\d:\d\d/, 'no raw ISO time');
    assert.doesNotMatch(text, /phase Running/);
    assert.doesNotMatch(text, /picked/, 'one pod: no "picked"');
    assert.deepEqual(blockViolations(post.blocks ?? []), []);
  });

  test('restart and explain, not configured, say what enables them; a typo gets did-you-mean buttons', async () => {
    const { ts } = await diagnose('deploy/checkout -n shop');
    assert.match((await ask(ts, 'restart')).text, /EXITCODE_POLICY_FILE/);
    assert.match((await ask(ts, 'explain')).text, /OPENAI_API_KEY/);
    const typo = await ask(ts, 'sumary');
    assert.match(typo.text, /Did you mean `summary`/);
    const button = buttons(typo.blocks).find((b) => b.text.text === 'summary');
    assert.ok(button);
    const count = inThread(ts).length;
    await send(
      bot.eventsUrl,
      interaction(
        buttonClick({
          actionId: button.action_id,
          value: button.value,
          messageTs: `${Number(ts) + 9}.000000`,
          threadTs: ts,
        }),
        {
          secret: bot.secret,
        },
      ),
    );
    await bot.slack.waitFor(() => inThread(ts).length > count);
    assert.match(json(inThread(ts).at(-1)), /Incident summary: checkout/);
  });
});

describe('4 to 7: severity, times, commands, noise', () => {
  const header = (post: Post): string =>
    (post.blocks?.[0] as unknown as { text?: { text: string } } | undefined)?.text?.text ?? '';

  test('an image that cannot be pulled is orange, failing to start', async () => {
    const { post } = await diagnose('deploy/assets -n shop');
    assert.match(header(post), /^🟠 assets is failing to start: /);
    assert.equal(post.metadata?.event_payload.severity, 'failing_to_start');
  });

  test('a healthy pod is green and says so in one line', async () => {
    const { post } = await diagnose('deploy/catalog -n shop');
    assert.match(header(post), /^✅ catalog is healthy$/);
    assert.doesNotMatch(json(post.blocks), /Details/, 'nothing to detail');
  });

  test('each command is alone in its code block, evidence lines once, about a dozen lines before the buttons', async () => {
    const { post } = await diagnose('deploy/checkout -n shop');
    const text = json(post.blocks);
    for (const fenced of text.matchAll(/```(.*?)```/g)) {
      const body = fenced[1] as string;
      if (/kubectl /.test(body)) assert.equal(body.split('\\n').length, 1, `one command per block: ${body}`);
    }
    const evidence = text.match(/```(.*?)```/)?.[1]?.split('\\n') ?? [];
    assert.equal(new Set(evidence).size, evidence.length, 'no evidence line twice');
    const lines = (post.blocks ?? [])
      .filter((b) => b.type !== 'actions')
      .map((b) => JSON.stringify(b).split('\\n').length)
      .reduce((a, b) => a + b, 0);
    assert.ok(lines <= 14, `${lines} rendered lines`);
  });
});

describe('11 and 12: summary and small defects', () => {
  test('summary: from structured state, readable in Slack and uploaded as Markdown', async () => {
    const { ts } = await diagnose('deploy/checkout -n shop');
    const uploads = bot.slack.uploads.length;
    const summary = await ask(ts, 'summary');
    const text = json(summary.blocks);
    assert.match(text, /\*Cause:\* [^"]*STRIPE_API_KEY|\*Cause:\* /);
    assert.match(text, /Still failing/);
    for (const fenced of text.matchAll(/```(.*?)```/g)) assert.doesNotMatch(fenced[1] as string, /:[a-z_]+:/);
    await bot.slack.waitFor(() => bot.slack.uploads.length > uploads);
    const markdown = bot.slack.uploads.at(-1)?.content ?? '';
    assert.match(markdown, /^# Incident: checkout in shop/);
    assert.match(markdown, /## Timeline \(UTC\)/);
    assert.doesNotMatch(markdown, /:[a-z_]+:/);
  });

  test('logs 5 shows 5 lines', async () => {
    const { ts } = await diagnose('deploy/checkout -n shop');
    const logs = await ask(ts, 'logs 5');
    const fenced = json(logs.blocks).match(/```(.*?)```/)?.[1] ?? '';
    assert.equal(fenced.split('\\n').length, 5, json(logs.blocks));
    assert.match(json(logs.blocks), /Last 5 log lines/);
  });

  test('Upload full log works for a healthy pod (no container in the diagnosis)', async () => {
    const { ts, post } = await diagnose('deploy/catalog -n shop');
    const show = buttons(post.blocks).find((b) => b.action_id === 'exitcode_show_logs');
    assert.ok(show);
    const count = inThread(ts).length;
    await requests.click({ actionId: show.action_id, value: show.value, messageTs: ts });
    await bot.slack.waitFor(() => inThread(ts).length > count);
    const upload = buttons(inThread(ts).at(-1)?.blocks).find((b) => b.text.text === 'Upload full log');
    assert.ok(upload);
    const uploads = bot.slack.uploads.length;
    await requests.click({
      actionId: upload.action_id,
      value: upload.value,
      messageTs: `${Number(ts) + 1}.000000`,
      threadTs: ts,
    });
    await bot.slack.waitFor(() => bot.slack.uploads.length > uploads || inThread(ts).length > count + 1);
    assert.doesNotMatch(json(inThread(ts).slice(count + 1)), /not valid any more/);
    assert.equal(bot.slack.uploads.length, uploads + 1);
  });

  test('a thread longer than 200 messages is read in full: a diagnosis at message 230 is found', async () => {
    const parent = '1700002000.000100';
    bot.slack.addMessage({ channel: 'C0001', ts: parent, user: 'U0001', text: 'checkout is down again' });
    for (let i = 1; i <= 230; i++)
      bot.slack.addMessage({
        channel: 'C0001',
        ts: `1700002000.${String(1000 + i).padStart(6, '0')}`,
        user: 'U0002',
        text: `looking ${i}`,
        thread_ts: parent,
      });
    await requests.mention({ text: '<@UBOT> deploy/checkout -n shop', ts: '1700002001.000100', threadTs: parent });
    await bot.slack.waitFor(() => inThread(parent).length > 0);
    const logs = await ask(parent, 'logs 3');
    assert.match(json(logs.blocks), /Last 3 log lines/);
  });
});

describe('11: summary with the action history from the request Leases', () => {
  test('every action with who and when, in order, the outcome and the duration; no raw emoji code', async () => {
    const calls: unknown[] = [];
    const withHistory = await startTestBot({
      investigator: createInvestigator({
        connection: connectCluster({ kubeconfigYaml: demo.kubeconfigYaml }),
      }),
      access: { defaultNamespaces: [], channels: { C0001: ['shop', 'payments'] } },
      actionHistory: async (args) => {
        calls.push(args);
        return [
          {
            label: 'Roll back',
            pod: 'checkout-1',
            workload: { kind: 'Deployment', name: 'checkout' },
            result: 'deployment/checkout is back on revision 11',
            followUp: 'the new pod is ready',
            // Out of order on purpose: the summary orders by time, not by list position.
            steps: [
              { state: 'requested', by: 'U0001', at: '2026-12-02T10:00:00Z' },
              { state: 'approved', by: 'U0002', at: '2026-12-02T10:01:00Z' },
              { state: 'executing', by: 'exitcode-7d9f-abc', at: '2026-12-02T10:01:01Z' },
              { state: 'done', by: 'exitcode-7d9f-abc', at: '2026-12-02T10:01:03Z' },
            ],
          },
        ];
      },
    });
    withHistory.slack.users.U0001 = { name: 'alice', real_name: 'Alice Martin' };
    withHistory.slack.users.U0002 = { name: 'bob', real_name: 'Bob Chen' };
    const own = slackRequests({
      eventsUrl: withHistory.eventsUrl,
      secret: withHistory.secret,
      slack: withHistory.slack,
    });
    try {
      await own.slash('deploy/checkout -n shop');
      await withHistory.slack.waitFor((s) => s.callsOf('chat.postMessage').length === 1);
      const ts = withHistory.slack.messages.find((m) => !m.thread_ts)?.ts as string;
      await own.mention({ text: '<@UBOT> summary', ts: `${Number(ts) + 1}.000000`, threadTs: ts });
      await withHistory.slack.waitFor((s) => s.uploads.some((u) => u.content.startsWith('# Incident')));
      assert.deepEqual(calls, [{ namespace: 'shop', channel: 'C0001', threadTs: ts }]);
      const summary = withHistory.slack.callsOf('chat.postMessage').at(-1)?.body as unknown as Post;
      const text = json(summary.blocks);
      assert.match(text, /\*Who acted:\* Alice Martin, Bob Chen/);
      const order = ['*Alice Martin* requested', '*Bob Chen* approved', 'executing:', 'done:'].map((w) =>
        text.indexOf(w),
      );
      assert.ok(order.every((at) => at > 0));
      assert.deepEqual(
        [...order].sort((a, b) => a - b),
        order,
      );
      const markdown = withHistory.slack.uploads.find((u) => u.content.startsWith('# Incident'))?.content ?? '';
      assert.match(markdown, /\| Alice Martin \| requested: roll back \(deployment\/checkout\) \|/);
      assert.match(
        markdown,
        /done: roll back \(deployment\/checkout\) \(deployment\/checkout is back on revision 11; the new pod is ready\)/,
      );
      assert.match(markdown, /\*\*Outcome:\*\* Still failing/);
      assert.doesNotMatch(markdown, /:[a-z_]+:/);
    } finally {
      await withHistory.close();
    }
  });
});
