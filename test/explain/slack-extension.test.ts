/**
 * The explain extension in the real Bolt app (HTTP mode, signed requests) with the Slack stand-in and a
 * loopback model stand-in: button, thread verb, auto mode, escaping, failures, and the disabled case.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { pino } from 'pino';
import { createExplainer } from '../../src/explain/explainer.ts';
import { createExplainExtension, EXPLAIN_ACTION } from '../../src/explain/slack-extension.ts';
import type { ExplainSource } from '../../src/explain/source.ts';
import type { ExplainMode } from '../../src/config.ts';
import type { NamespaceAccess } from '../../src/slack/access.ts';
import { encodeRef } from '../../src/slack/ids.ts';
import { containerDiagnosis, diagnosis, finding, memoryInvestigator } from '../fixtures/diagnoses.ts';
import { blockViolations } from '../helpers/block-limits.ts';
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
import { type ModelStandIn, startModelStandIn } from './model-stand-in.ts';

const POD = 'checkout-7f9c6b4d5-x2x9z';
const UNSURE_POD = 'ledger-5d8f7c9b6-abcde';
/** Distinct crashes (other images), so one test's cached explanation is not another's answer. */
const VERB_POD = 'api-6c7d8e9f0-aaaaa';
const FAILING_POD = 'worker-1b2c3d4e5-bbbbb';

const REPLY = {
  summary: 'The JVM ran out of heap. <!channel> see <https://evil.example|this> @here',
  likelyCause: 'The heap is too small for the catalog.',
  category: 'oom_killed',
  evidenceLines: [118],
  suggestedSteps: ['kubectl top pod -n shop checkout-7f9c6b4d5-x2x9z', 'kubectl delete ns prod'],
  confidence: 0.8,
};

type Post = { channel: string; thread_ts?: string; text: string; blocks?: unknown[]; unfurl_links?: boolean };
const posts = (bot: TestBot) => bot.slack.callsOf('chat.postMessage').map((c) => c.body as unknown as Post);
const json = (value: unknown): string => JSON.stringify(value);

const pods = [
  { diagnosis: diagnosis(), logs: [], events: [] },
  {
    diagnosis: diagnosis({
      pod: UNSURE_POD,
      workload: { kind: 'Deployment', name: 'ledger' },
      containers: [containerDiagnosis({ image: 'shop/ledger:2.0.0', best: finding({ confidence: 0.4 }) })],
    }),
    logs: [],
    events: [],
  },
  { diagnosis: diagnosis({ pod: 'healthy-1', healthy: true, containers: [] }), logs: [], events: [] },
  ...[
    [VERB_POD, 'shop/api:3.1.0'],
    [FAILING_POD, 'shop/worker:1.0.0'],
  ].map(([pod, image]) => ({
    diagnosis: diagnosis({ pod, containers: [containerDiagnosis({ image })] }),
    logs: [],
    events: [],
  })),
];

const startBot = async ({
  mode,
  model,
  access,
}: {
  mode: ExplainMode;
  model: ModelStandIn;
  access?: NamespaceAccess;
}) => {
  const investigator = memoryInvestigator({ pods });
  const source: ExplainSource = async (ref) => ({
    diagnosis: await investigator.diagnose({ namespace: ref.namespace, target: ref.pod }),
  });
  const logger = pino({ level: 'silent' });
  const explainer = createExplainer({
    settings: {
      apiKey: 'sk-test-0000000000000000000000',
      baseUrl: model.baseUrl,
      model: 'test-model',
      anonymize: false,
      cacheTtlMs: 60_000,
      maxTokens: 800,
      timeoutMs: 5000,
      maxRetries: 0,
    },
    clock: () => new Date('2026-11-25T12:00:00Z'),
    logger,
  });
  const extension = createExplainExtension({
    explainer,
    mode,
    threshold: 0.6,
    source,
    access: access ?? { defaultNamespaces: ['*'], channels: {} },
    logger,
  });
  return startTestBot({ investigator, extensions: [extension], ...(access ? { access } : {}) });
};

const slash = async (bot: TestBot, text: string): Promise<string> => {
  const before = posts(bot).length;
  await send(
    bot.eventsUrl,
    slashCommand(slashFields({ text, response_url: bot.slack.responseUrl() }), { secret: bot.secret }),
  );
  await bot.slack.waitFor(() => posts(bot).length > before);
  const ts = bot.slack.messages.filter((m) => m.metadata).at(-1)?.ts;
  assert.ok(ts);
  return ts;
};

const buttonsOf = (post: Post | undefined): { action_id: string; value: string }[] =>
  ((post?.blocks ?? []) as { type: string; elements?: { action_id: string; value: string }[] }[])
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements ?? []);

const assertIsExplanation = (post: Post | undefined, threadTs: string) => {
  assert.ok(post);
  assert.equal(post.thread_ts, threadTs);
  const blocks = post.blocks as { type: string; text?: { verbatim?: boolean }; elements?: { verbatim?: boolean }[] }[];
  assert.match(json(blocks), /AI-generated explanation/);
  assert.ok(!blocks.some((b) => b.type === 'actions'), 'an explanation never gets a button');
  for (const block of blocks) {
    for (const text of [block.text, ...(block.elements ?? [])]) if (text) assert.equal(text.verbatim, true);
  }
  assert.deepEqual(blockViolations(blocks), []);
  assert.equal(String(post.unfurl_links), 'false', 'no link previews either');
};

describe('explain extension (enabled, on request)', () => {
  let model: ModelStandIn;
  let bot: TestBot;
  before(async () => {
    model = await startModelStandIn();
    bot = await startBot({ mode: 'on-request', model, access: { defaultNamespaces: ['shop'], channels: {} } });
  });
  after(async () => {
    await bot.close();
    await model.close();
  });

  test('a failing pod gets an Explain button; a healthy one does not', async () => {
    await slash(bot, `shop/${POD}`);
    const explain = buttonsOf(posts(bot).at(-1)).find((b) => b.action_id === EXPLAIN_ACTION);
    assert.ok(explain);
    assert.equal(JSON.parse(explain.value).pod, POD);
    await slash(bot, 'shop/healthy-1');
    assert.ok(!buttonsOf(posts(bot).at(-1)).some((b) => b.action_id === EXPLAIN_ACTION));
  });

  test('Explain click: the explanation follows in the thread, AI-marked, escaped, without buttons', async () => {
    const threadTs = await slash(bot, `shop/${POD}`);
    const value = buttonsOf(posts(bot).at(-1)).find((b) => b.action_id === EXPLAIN_ACTION)?.value ?? '';
    model.answer(JSON.stringify(REPLY));
    const before = posts(bot).length;
    const response = await send(
      bot.eventsUrl,
      interaction(buttonClick({ actionId: EXPLAIN_ACTION, value, messageTs: threadTs }), { secret: bot.secret }),
    );
    assert.equal(response.status, 200);
    await bot.slack.waitFor(() => posts(bot).length > before);
    const post = posts(bot).at(-1);
    assertIsExplanation(post, threadTs);
    const text = json(post?.blocks);
    assert.match(text, /&lt;!channel&gt;/);
    assert.doesNotMatch(text, /<!channel>|<https:\/\/evil/);
    assert.doesNotMatch(text, /delete ns prod/);
    assert.match(text, /1 suggested step was withheld/);
    assert.match(text, /https:\/\/evil\.example/, 'shown as text (escaped, verbatim), not as a link');
  });

  test('the same crash again: the cached explanation, no second model call', async () => {
    const asked = model.requests.length;
    const threadTs = await slash(bot, `shop/${POD}`);
    const value = buttonsOf(posts(bot).at(-1)).find((b) => b.action_id === EXPLAIN_ACTION)?.value ?? '';
    const before = posts(bot).length;
    await send(
      bot.eventsUrl,
      interaction(buttonClick({ actionId: EXPLAIN_ACTION, value, messageTs: threadTs }), { secret: bot.secret }),
    );
    await bot.slack.waitFor(() => posts(bot).length > before);
    assertIsExplanation(posts(bot).at(-1), threadTs);
    assert.match(json(posts(bot).at(-1)?.blocks), /reused for an identical crash/);
    assert.equal(model.requests.length, asked);
  });

  test('@exitcode explain in the thread, and help lists the verb', async () => {
    const threadTs = await slash(bot, `shop/${VERB_POD}`);
    model.answer(JSON.stringify({ ...REPLY, summary: 'Heap exhausted.' }));
    const before = posts(bot).length;
    const ts = `${Number(threadTs) + 1}.000000`;
    await send(
      bot.eventsUrl,
      eventCallback(mentionEvent({ text: '<@UBOT> explain', ts, threadTs }), { secret: bot.secret }),
    );
    await bot.slack.waitFor(() => posts(bot).length > before);
    assertIsExplanation(posts(bot).at(-1), threadTs);
    assert.match(json(posts(bot).at(-1)?.blocks), /Heap exhausted/);

    await send(
      bot.eventsUrl,
      eventCallback(mentionEvent({ text: '<@UBOT> help', ts: `${Number(threadTs) + 2}.000000`, threadTs }), {
        secret: bot.secret,
      }),
    );
    await bot.slack.waitFor(() => posts(bot).length > before + 1);
    assert.match(json(posts(bot).at(-1)?.blocks), /@exitcode explain/);
  });

  test('an unparsable reply on request: its own sentence, nothing raw', async () => {
    const threadTs = await slash(bot, `shop/${FAILING_POD}`);
    model.answer('I think it is memory, but here is my raw <script> answer');
    const before = posts(bot).length;
    const ts = `${Number(threadTs) + 1}.000000`;
    await send(
      bot.eventsUrl,
      eventCallback(mentionEvent({ text: '<@UBOT> explain', ts, threadTs }), { secret: bot.secret }),
    );
    await bot.slack.waitFor(() => posts(bot).length > before);
    const post = posts(bot).at(-1);
    assert.equal(post?.thread_ts, threadTs);
    assert.match(post?.text ?? '', /The model answered, but not in the JSON exitcode asked for/);
    assert.doesNotMatch(json(post), /raw/);
  });

  test('a forged button naming a namespace the channel may not see: refused, the model is not asked', async () => {
    const asked = model.requests.length;
    const before = posts(bot).length;
    const value = encodeRef({ namespace: 'kube-system', pod: 'etcd-0' });
    await send(
      bot.eventsUrl,
      interaction(buttonClick({ actionId: EXPLAIN_ACTION, value, messageTs: '1700000000.000100' }), {
        secret: bot.secret,
      }),
    );
    await bot.slack.waitFor(() => posts(bot).length > before);
    assert.match(posts(bot).at(-1)?.text ?? '', /may not query namespace kube-system/);
    assert.equal(model.requests.length, asked);
  });
});

describe('explain extension (auto mode)', () => {
  let model: ModelStandIn;
  let bot: TestBot;
  before(async () => {
    model = await startModelStandIn();
    bot = await startBot({ mode: 'auto', model });
  });
  after(async () => {
    await bot.close();
    await model.close();
  });

  test('confident rules: no automatic explanation; unsure rules: the diagnosis first, then the explanation', async () => {
    await slash(bot, `shop/${POD}`);
    assert.equal(model.requests.length, 0, 'confidence 0.92 is above the 0.6 threshold');

    model.answer(JSON.stringify({ ...REPLY, evidenceLines: [] }));
    const before = posts(bot).length;
    const threadTs = await slash(bot, `shop/${UNSURE_POD}`);
    await bot.slack.waitFor(() => posts(bot).length >= before + 2);
    const [diagnosisPost, explanationPost] = posts(bot).slice(before);
    assert.match(json(diagnosisPost?.blocks), /"type":"header"[^}]*(crash-looping|crashed|failing to start)/);
    assert.equal(diagnosisPost?.thread_ts, undefined);
    assertIsExplanation(explanationPost, threadTs);
    assert.equal(model.requests.length, 1);
  });
});

describe('explain extension (mode off)', () => {
  test('no button, no verb, no hook, no model call', async () => {
    const model = await startModelStandIn();
    const bot = await startBot({ mode: 'off', model });
    try {
      await slash(bot, `shop/${UNSURE_POD}`);
      assert.ok(!buttonsOf(posts(bot).at(-1)).some((b) => b.action_id === EXPLAIN_ACTION));
      assert.ok(!json(posts(bot)).includes('AI-generated'));
      assert.equal(model.requests.length, 0);
      const extension = createExplainExtension({
        explainer: { explain: async () => null },
        mode: 'off',
        threshold: 0.6,
        source: async () => ({ diagnosis: diagnosis() }),
        access: { defaultNamespaces: ['*'], channels: {} },
        logger: pino({ level: 'silent' }),
      });
      assert.deepEqual(Object.keys(extension), ['name']);
    } finally {
      await bot.close();
      await model.close();
    }
  });
});
