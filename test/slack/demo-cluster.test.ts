/**
 * The bot against the demo cluster through the real client library: slash command -> diagnosis,
 * a button -> logs in the thread, and an RBAC refusal answered as a sentence.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connectCluster } from '../../src/cluster/connection.ts';
import { startDemoCluster } from '../../src/demo/server.ts';
import { createInvestigator } from '../../src/services/investigator.ts';
import { blockViolations } from '../helpers/block-limits.ts';
import { startTestBot } from '../helpers/slack-bot.ts';
import { buttonClick, interaction, send, slashCommand, slashFields } from '../helpers/slack-signing.ts';

const startWithDemo = async (options: Parameters<typeof startDemoCluster>[0]) => {
  const demo = await startDemoCluster({ scenarios: ['checkout-missing-env'], ...options });
  const connection = connectCluster({ kubeconfigYaml: demo.kubeconfigYaml });
  const bot = await startTestBot({ investigator: createInvestigator({ connection }) });
  return {
    demo,
    bot,
    close: async () => {
      await bot.close();
      await demo.close();
    },
  };
};

test('demo cluster: /exitcode deploy/checkout -> diagnosis; Show logs -> the log in the thread', async () => {
  const { bot, close } = await startWithDemo({});
  try {
    const response = await send(
      bot.eventsUrl,
      slashCommand(slashFields({ text: 'deploy/checkout -n shop', response_url: bot.slack.responseUrl() }), {
        secret: bot.secret,
      }),
    );
    assert.equal(response.status, 200);
    await bot.slack.waitFor((s) => s.callsOf('chat.postMessage').length === 1 || s.responses.length > 0);
    assert.deepEqual(bot.slack.responses, [], 'no error answer');
    const post = bot.slack.callsOf('chat.postMessage')[0]?.body as {
      blocks: { type: string; elements?: { action_id: string; value: string }[] }[];
      metadata: { event_payload: { pod: string; namespace: string } };
    };
    assert.deepEqual(blockViolations(post.blocks), []);
    assert.equal(post.metadata.event_payload.namespace, 'shop');
    assert.match(post.metadata.event_payload.pod, /^checkout-/);
    // Cause first: severity, workload, state, the finding's title and its confidence as a number and a word.
    assert.match(JSON.stringify(post.blocks), /"🔴 checkout is crash-looping: [^"]+ \(\d+ %, (high|likely|unsure)\)"/);
    assert.match(JSON.stringify(post.blocks), /STRIPE_API_KEY/);
    const logsButton = post.blocks.at(-1)?.elements?.find((e) => e.action_id === 'exitcode_show_logs');
    assert.ok(logsButton);
    const ts = bot.slack.messages[0]?.ts as string;
    await send(
      bot.eventsUrl,
      interaction(buttonClick({ actionId: logsButton.action_id, value: logsButton.value, messageTs: ts }), {
        secret: bot.secret,
      }),
    );
    await bot.slack.waitFor((s) => s.callsOf('chat.postMessage').length === 2);
    const logs = bot.slack.callsOf('chat.postMessage')[1]?.body as { thread_ts: string; blocks: unknown[] };
    assert.equal(logs.thread_ts, ts);
    assert.match(JSON.stringify(logs.blocks), /log lines/);
    assert.deepEqual(blockViolations(logs.blocks), []);
  } finally {
    await close();
  }
});

test('demo cluster: an RBAC refusal is answered as a sentence naming the permission', async () => {
  const { bot, close } = await startWithDemo({
    forbidden: [
      { verb: 'list', resource: 'pods', namespace: 'shop' },
      { verb: 'get', resource: 'pods', namespace: 'shop' },
    ],
  });
  try {
    await send(
      bot.eventsUrl,
      slashCommand(slashFields({ text: 'deploy/checkout -n shop', response_url: bot.slack.responseUrl() }), {
        secret: bot.secret,
      }),
    );
    await bot.slack.waitFor((s) => s.responses.length > 0);
    const answer = JSON.stringify(bot.slack.responses[0]?.body);
    assert.match(answer, /pods/);
    assert.doesNotMatch(answer, /Something went wrong/);
    assert.equal(bot.slack.callsOf('chat.postMessage').length, 0);
  } finally {
    await close();
  }
});
