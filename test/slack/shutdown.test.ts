/**
 * Shutdown within its deadline while a Slack call hangs: the whole bot from main.ts (shipped settings:
 * a 10 s Slack call timeout, the worker pool), the demo cluster, and a Slack stand-in whose
 * chat.postMessage never answers. What is measured: stop() resolves, reports that the drain ran out,
 * and leaves no Slack call pending; the hanging call ends as a slack_error instead of outliving the
 * process. The watchdog only turns a hang into a failure with a message (no speed is asserted).
 */
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { startDemoCluster } from '../../src/demo/server.ts';
import { startBot } from '../../src/main.ts';
import { slackRequests } from '../helpers/slack-requests.ts';
import { startSlackStandIn } from '../helpers/slack-stand-in.ts';

const SECRET = 'shutdown-test-signing-secret-0123456789';
const DRAIN_DEADLINE_MS = 300;

test('a hanging Slack call does not hold shutdown past its deadline', async () => {
  const demo = await startDemoCluster({ scenarios: ['checkout-missing-env'] });
  const slack = await startSlackStandIn();
  const bot = await startBot({
    env: {
      SLACK_BOT_TOKEN: 'xoxb-shutdown-test',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
      PORT: '0',
      KUBECONFIG: demo.kubeconfigPath,
      EXITCODE_NAMESPACES: 'shop',
      LOG_LEVEL: 'silent',
    },
    host: '127.0.0.1',
    logDestination: new Writable({ write: (_chunk, _encoding, done) => done() }),
    drainTimeoutMs: DRAIN_DEADLINE_MS,
  });
  try {
    slack.fail('chat.postMessage', { hang: true, times: Number.POSITIVE_INFINITY });
    const requests = slackRequests({ eventsUrl: `http://127.0.0.1:${bot.port()}/slack/events`, secret: SECRET, slack });
    assert.equal((await requests.slash('deploy/checkout -n shop')).status, 200);
    await slack.waitFor((s) => s.callsOf('chat.postMessage').length === 1, 30_000);
    assert.equal(bot.slack.gateway.pending, 1, 'the post is waiting on Slack');

    let watchdog: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      bot.stop().then((drained) => ({ drained })),
      new Promise<'hung'>((resolve) => {
        watchdog = setTimeout(() => resolve('hung'), 8_000);
      }),
    ]);
    clearTimeout(watchdog);
    assert.notEqual(outcome, 'hung', 'stop() returned before the Slack call timeout could have ended the call');
    assert.deepEqual(outcome, { drained: false });
    assert.equal(bot.slack.gateway.pending, 0);
    // The abandoned request finishes with its error answer (response_url), not with a late post.
    await slack.waitFor((s) => s.responses.length === 1);
    assert.match(JSON.stringify(slack.responses[0]?.body), /Slack/);
    assert.equal(slack.messages.length, 0);
  } finally {
    await bot.stop();
    await slack.close();
    await demo.close();
  }
});
