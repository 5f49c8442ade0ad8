/**
 * The composition root wires explanations from the environment alone: with OPENAI_API_KEY (and a base
 * URL pointing at the model stand-in) the diagnosis offers Explain and, in auto mode below the
 * threshold, the explanation follows in the thread with tokens counted in /metrics; without the key,
 * nothing about explanations shows.
 */
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { startDemoCluster } from '../../src/demo/server.ts';
import { EXPLAIN_ACTION } from '../../src/explain/slack-extension.ts';
import { startBot } from '../../src/main.ts';
import { send, slashCommand, slashFields } from '../helpers/slack-signing.ts';
import { startSlackStandIn } from '../helpers/slack-stand-in.ts';
import { startModelStandIn } from './model-stand-in.ts';

const SECRET = 'explain-wiring-signing-secret-0123456789';
const silent = () =>
  new Writable({
    write(_chunk, _encoding, done) {
      done();
    },
  });

const run = async (extra: Record<string, string>) => {
  const demo = await startDemoCluster({ scenarios: ['checkout-missing-env'] });
  const slack = await startSlackStandIn();
  const bot = await startBot({
    env: {
      SLACK_BOT_TOKEN: 'xoxb-explain-wiring',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
      PORT: '0',
      KUBECONFIG: demo.kubeconfigPath,
      EXITCODE_NAMESPACES: 'shop',
      LOG_LEVEL: 'silent',
      ...extra,
    },
    host: '127.0.0.1',
    logDestination: silent(),
  });
  const url = `http://127.0.0.1:${bot.port()}/slack/events`;
  await send(
    url,
    slashCommand(slashFields({ text: 'deploy/checkout -n shop', response_url: slack.responseUrl() }), {
      secret: SECRET,
    }),
  );
  await slack.waitFor((s) => s.callsOf('chat.postMessage').length >= 1 || s.responses.length > 0);
  return {
    bot,
    slack,
    close: async () => {
      await bot.stop();
      await slack.close();
      await demo.close();
    },
  };
};

const explainButton = (body: Record<string, unknown> | undefined) =>
  ((body?.blocks ?? []) as { type: string; elements?: { action_id: string }[] }[])
    .flatMap((b) => b.elements ?? [])
    .find((e) => e.action_id === EXPLAIN_ACTION);

test('OPENAI_API_KEY set, auto mode below the threshold: Explain button and an explanation in the thread', async () => {
  const model = await startModelStandIn();
  model.answer(
    JSON.stringify({
      summary: 'It exits because STRIPE_API_KEY is not set.',
      likelyCause: 'A required variable is missing.',
      category: 'missing_env_var',
      evidenceLines: [],
      suggestedSteps: [],
      confidence: 0.9,
    }),
  );
  const { slack, bot, close } = await run({
    OPENAI_API_KEY: 'sk-test-0000000000000000000000',
    OPENAI_BASE_URL: model.baseUrl,
    EXITCODE_EXPLAIN_MODE: 'auto',
    EXITCODE_EXPLAIN_THRESHOLD: '0.99',
  });
  try {
    await slack.waitFor((s) => s.callsOf('chat.postMessage').length >= 2);
    const [diagnosis, explanation] = slack.callsOf('chat.postMessage').map((c) => c.body);
    assert.ok(explainButton(diagnosis));
    assert.equal(explanation?.thread_ts, slack.messages[0]?.ts);
    assert.match(JSON.stringify(explanation?.blocks), /AI-generated explanation.*STRIPE_API_KEY is not set/);
    assert.equal(model.requests.length, 1);
    assert.match(await bot.metrics.render(), /exitcode_llm_tokens_total\{kind="completion"\} 20/);
  } finally {
    await close();
    await model.close();
  }
});

test('no OPENAI_API_KEY: no button, no explanation', async () => {
  const { slack, close } = await run({});
  try {
    const [diagnosis] = slack.callsOf('chat.postMessage').map((c) => c.body);
    assert.ok(diagnosis);
    assert.equal(explainButton(diagnosis), undefined);
    assert.doesNotMatch(JSON.stringify(diagnosis), /AI-generated|Explain/);
  } finally {
    await close();
  }
});
