/**
 * End to end: the real Bolt app (HTTP mode) with the Slack stand-in, the demo cluster through the real
 * client library, the real openai SDK against a loopback model stand-in. A signed "Explain" click puts
 * an AI-marked explanation in the diagnosis thread; the request carried the demo pod's log lines, spec
 * and events with every name masked (anonymize on), and the posted answer has the real names back.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pino } from 'pino';
import { connectCluster } from '../../src/cluster/connection.ts';
import { startDemoCluster } from '../../src/demo/server.ts';
import { createExplainer } from '../../src/explain/explainer.ts';
import { createExplainExtension, EXPLAIN_ACTION } from '../../src/explain/slack-extension.ts';
import { clusterExplainSource } from '../../src/explain/source.ts';
import { createMetrics } from '../../src/ops/metrics.ts';
import { createInvestigator } from '../../src/services/investigator.ts';
import { blockViolations } from '../helpers/block-limits.ts';
import { startTestBot } from '../helpers/slack-bot.ts';
import { buttonClick, interaction, send, slashCommand, slashFields } from '../helpers/slack-signing.ts';
import { startModelStandIn } from './model-stand-in.ts';

test('signed Explain click -> demo cluster facts -> model stand-in -> explanation in the thread', async () => {
  const demo = await startDemoCluster({ scenarios: ['checkout-missing-env'] });
  const model = await startModelStandIn();
  const connection = connectCluster({ kubeconfigYaml: demo.kubeconfigYaml });
  const now = () => new Date();
  const logger = pino({ level: 'silent' });
  const metrics = createMetrics({ processMetrics: false });
  const explainer = createExplainer({
    settings: {
      apiKey: 'sk-test-0000000000000000000000',
      baseUrl: model.baseUrl,
      model: 'test-model',
      anonymize: true,
      cacheTtlMs: 60_000,
      maxTokens: 600,
      timeoutMs: 5000,
    },
    clock: now,
    metrics,
    logger,
  });
  const extension = createExplainExtension({
    explainer,
    mode: 'on-request',
    threshold: 0.6,
    source: clusterExplainSource({ connection, now }),
    access: { defaultNamespaces: ['shop'], channels: {} },
    logger,
  });
  const bot = await startTestBot({ investigator: createInvestigator({ connection }), extensions: [extension] });
  try {
    await send(
      bot.eventsUrl,
      slashCommand(slashFields({ text: 'deploy/checkout -n shop', response_url: bot.slack.responseUrl() }), {
        secret: bot.secret,
      }),
    );
    await bot.slack.waitFor((s) => s.callsOf('chat.postMessage').length === 1 || s.responses.length > 0);
    assert.deepEqual(bot.slack.responses, [], 'no error answer');
    const diagnosisPost = bot.slack.callsOf('chat.postMessage')[0]?.body as {
      blocks: { type: string; elements?: { action_id: string; value: string }[] }[];
      metadata: { event_payload: { pod: string } };
    };
    const pod = diagnosisPost.metadata.event_payload.pod;
    const explain = diagnosisPost.blocks
      .filter((b) => b.type === 'actions')
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id === EXPLAIN_ACTION);
    assert.ok(explain, 'the diagnosis offers Explain');

    // The stand-in answers like a model would: with the placeholders it was given, citing a line it saw.
    model.answer((request) => {
      const user = request.messages[1]?.content ?? '';
      const line = /^(\d+)\| Error: Missing required environment variable/m.exec(user)?.[1];
      return JSON.stringify({
        summary: 'pod-1 (workload-1 in ns-1) exits at start-up because STRIPE_API_KEY is not set.',
        likelyCause: 'The STRIPE_API_KEY variable is missing from the container environment.',
        category: 'missing_env_var',
        evidenceLines: line ? [Number(line)] : [],
        suggestedSteps: ['kubectl describe pod -n ns-1 pod-1', 'Add STRIPE_API_KEY from its Secret to workload-1.'],
        confidence: 0.9,
      });
    });
    const threadTs = bot.slack.messages[0]?.ts as string;
    await send(
      bot.eventsUrl,
      interaction(buttonClick({ actionId: EXPLAIN_ACTION, value: explain.value, messageTs: threadTs }), {
        secret: bot.secret,
      }),
    );
    await bot.slack.waitFor((s) => s.callsOf('chat.postMessage').length === 2);

    // What the model received: the facts, masked.
    assert.equal(model.requests.length, 1);
    const user = model.requests[0]?.messages[1]?.content ?? '';
    assert.match(user, /\d+\| Error: Missing required environment variable: STRIPE_API_KEY/);
    assert.match(user, /readiness: httpGet \/ready port 8080/);
    assert.match(user, /image: image-1/);
    assert.match(user, /BackOff/);
    for (const real of [pod, 'checkout', 'shop', 'ghcr.io', 'acme']) {
      assert.ok(!user.includes(real), `${real} was sent`);
    }
    assert.ok(!user.includes('orders-api') && !user.includes('ORDERS_URL'), 'env values and names stay home');

    // What was posted: in the thread, marked, real names back, no buttons.
    const post = bot.slack.callsOf('chat.postMessage')[1]?.body as { thread_ts: string; blocks: { type: string }[] };
    assert.equal(post.thread_ts, threadTs);
    const text = JSON.stringify(post.blocks);
    assert.match(text, /AI-generated explanation/);
    assert.ok(text.includes(`${pod} (checkout in shop) exits at start-up`));
    assert.match(text, /kubectl describe pod -n shop checkout-/);
    assert.match(text, /Relies on log line \d+/);
    assert.ok(!post.blocks.some((b) => b.type === 'actions'));
    assert.deepEqual(blockViolations(post.blocks), []);
    assert.match(await metrics.render(), /exitcode_llm_tokens_total\{kind="prompt"\} 100/);
  } finally {
    await bot.close();
    await model.close();
    await demo.close();
  }
});
