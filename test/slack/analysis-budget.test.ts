/**
 * A diagnosis whose analysis runs past its budget reaches the person as the one too_large sentence,
 * through the real investigator (demo cluster), the worker pool and the Slack app; and the bot keeps
 * answering afterwards. The budget is tiny on purpose so that every analysis is cut (no speed is
 * measured: bench/slack.ts does that).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connectCluster } from '../../src/cluster/connection.ts';
import { startDemoCluster } from '../../src/demo/server.ts';
import { createAnalysisPool, TOO_LARGE_SENTENCE } from '../../src/services/analysis-pool.ts';
import { createInvestigator } from '../../src/services/investigator.ts';
import { startTestBot } from '../helpers/slack-bot.ts';
import { slackRequests } from '../helpers/slack-requests.ts';

test('analysis past its budget: the user reads "too large or too slow to analyse", never a frozen bot', async () => {
  const demo = await startDemoCluster({ scenarios: ['checkout-missing-env'] });
  const analysis = createAnalysisPool({ threads: 1, budgetMs: 1 });
  const investigator = createInvestigator({
    connection: connectCluster({ kubeconfigYaml: demo.kubeconfigYaml }),
    analysis,
  });
  const bot = await startTestBot({ investigator });
  try {
    const requests = slackRequests(bot);
    assert.equal((await requests.slash('deploy/checkout -n shop')).status, 200);
    await bot.slack.waitFor((s) => s.responses.length === 1, 30_000);
    assert.match(JSON.stringify(bot.slack.responses[0]?.body), /too large or too slow to analyse/);
    assert.ok(TOO_LARGE_SENTENCE.includes('too large or too slow to analyse'));
    assert.equal(bot.slack.callsOf('chat.postMessage').length, 0);
    // Still serving: help is answered in the ack.
    const help = await requests.slash('help');
    assert.equal(help.status, 200);
    assert.equal(JSON.parse(help.body).response_type, 'ephemeral');
  } finally {
    await bot.close();
    await analysis.close();
    await demo.close();
  }
});
