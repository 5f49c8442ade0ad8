/**
 * The whole bot from its composition root: startBot(env) in HTTP mode against the demo cluster (via a
 * KUBECONFIG file) and the Slack stand-in (via SLACK_API_URL), exactly as `exitcode serve` starts it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Writable } from 'node:stream';
import { type DemoCluster, startDemoCluster } from '../src/demo/server.ts';
import { type RunningBot, startBot } from '../src/main.ts';
import type { Scheduler } from '../src/scanner/schedule.ts';
import { send, slashCommand, slashFields } from './helpers/slack-signing.ts';
import { type SlackStandIn, startSlackStandIn } from './helpers/slack-stand-in.ts';

const SECRET = 'main-test-signing-secret-0123456789';
const silentLogs = () =>
  new Writable({
    write(_chunk, _encoding, done) {
      done();
    },
  });

const envFor = (demo: DemoCluster, slack: SlackStandIn, extra: Record<string, string> = {}) => ({
  SLACK_BOT_TOKEN: 'xoxb-main-test',
  SLACK_SIGNING_SECRET: SECRET,
  SLACK_API_URL: slack.apiUrl,
  PORT: '0',
  KUBECONFIG: demo.kubeconfigPath,
  EXITCODE_NAMESPACES: 'shop',
  EXITCODE_CLUSTER_NAME: 'demo-eu',
  LOG_LEVEL: 'info',
  ...extra,
});

/** Waits until the predicate holds, polling (a bounded wait: the test fails rather than hangs). */
const until = async (predicate: () => boolean, what: string, timeoutMs = 20_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe('startBot: the whole bot in HTTP mode', () => {
  let demo: DemoCluster;
  let slack: SlackStandIn;
  let bot: RunningBot;
  let offsetMs = 0;
  let fireScan: (() => Promise<unknown>) | undefined;
  const scheduler: Scheduler = {
    cron: (_expression, fn) => {
      fireScan = fn;
      return { stop: () => {} };
    },
    every: () => ({ stop: () => {} }),
  };
  const base = () => `http://127.0.0.1:${bot.port()}`;
  const get = async (path: string) => {
    const response = await fetch(`${base()}${path}`);
    return { status: response.status, text: await response.text() };
  };

  before(async () => {
    demo = await startDemoCluster({ scenarios: ['checkout-missing-env'], delayMs: 20 });
    slack = await startSlackStandIn();
    bot = await startBot({
      env: envFor(demo, slack, {
        EXITCODE_SCAN_SCHEDULE: '*/5 * * * *',
        EXITCODE_SCAN_CHANNEL: 'C0SCAN1',
        // Explicit, so a CI runner that is itself a pod (with a service account file) still uses the demo's.
        EXITCODE_SCAN_LEASE_NAMESPACE: 'exitcode',
      }),
      host: '127.0.0.1',
      logDestination: silentLogs(),
      now: () => new Date(Date.now() + offsetMs),
      scheduler,
    });
  });
  after(async () => {
    await bot?.stop();
    await slack?.close();
    await demo?.close();
  });

  test('/healthz answers while the process is up, with dependency detail', async () => {
    const response = await get('/healthz');
    assert.equal(response.status, 200);
    assert.equal(JSON.parse(response.text).serving, 'serving');
  });

  test('/readyz stays ready when Slack fails; the gauge and /healthz detail name Slack', async () => {
    assert.deepEqual(await get('/readyz'), { status: 200, text: 'ready\n' });
    await get('/metrics'); // waits for any health round still running (e.g. one /healthz started)
    slack.fail('auth.test', { error: 'invalid_auth' });
    offsetMs += 60_000; // past the health cache
    const scrape = await get('/metrics');
    assert.match(scrape.text, /^exitcode_dependency_up\{dependency="slack"\} 0$/m);
    assert.match(scrape.text, /^exitcode_dependency_up\{dependency="kubernetes"\} 1$/m);
    assert.deepEqual(await get('/readyz'), { status: 200, text: 'ready\n' });
    assert.equal(JSON.parse((await get('/healthz')).text).dependencies.slack, 'invalid_auth');
    offsetMs += 60_000;
  });

  test('a slash command is diagnosed against the cluster and posted; /metrics counts it', async () => {
    const posts = slack.callsOf('chat.postMessage').length;
    const response = await send(
      `${base()}/slack/events`,
      slashCommand(slashFields({ text: 'deploy/checkout -n shop', response_url: slack.responseUrl() }), {
        secret: SECRET,
      }),
    );
    assert.equal(response.status, 200);
    await until(() => slack.callsOf('chat.postMessage').length > posts || slack.responses.length > 0, 'the diagnosis');
    assert.deepEqual(slack.responses, [], 'no error answer');
    const post = slack.callsOf('chat.postMessage').at(-1)?.body as {
      channel: string;
      metadata: { event_payload: { namespace: string; pod: string; cluster: string } };
    };
    assert.equal(post.channel, 'C0001');
    assert.equal(post.metadata.event_payload.namespace, 'shop');
    assert.match(post.metadata.event_payload.pod, /^checkout-/);
    assert.equal(post.metadata.event_payload.cluster, 'demo-eu', 'EXITCODE_CLUSTER_NAME names the cluster');

    const metrics = await get('/metrics');
    assert.equal(metrics.status, 200);
    assert.match(metrics.text, /^exitcode_commands_total\{kind="slash"\} 1$/m);
    assert.match(metrics.text, /^exitcode_diagnosis_duration_seconds_count 1$/m);
    assert.match(metrics.text, /^exitcode_slack_api_calls_total\{method="chat.postMessage"\} [1-9]/m);
    assert.match(metrics.text, /^exitcode_kubernetes_requests_total\{verb="list",resource="pods"\} [1-9]/m);
    assert.match(metrics.text, /^exitcode_process_resident_memory_bytes \d+/m);
  });

  test('a port already in use is a sentence naming PORT, not a crash', async () => {
    await assert.rejects(
      startBot({
        env: envFor(demo, slack, { PORT: String(bot.port()) }),
        host: '127.0.0.1',
        logDestination: silentLogs(),
      }),
      (error: Error & { code?: string }) => {
        assert.equal(error.code, 'config_invalid');
        assert.equal(
          error.message,
          `PORT: port ${bot.port()} is already in use; stop what uses it or set PORT to a free port.`,
        );
        return true;
      },
    );
  });

  test('a forged request is refused', async () => {
    const response = await send(
      `${base()}/slack/events`,
      slashCommand(slashFields({ text: 'deploy/checkout -n shop' }), { secret: 'not-the-secret' }),
    );
    assert.equal(response.status, 401);
  });

  test('the scanner, fired by its trigger, posts the crash-looping pod once to the scan channel', async () => {
    assert.ok(fireScan, 'the scanner was scheduled');
    await fireScan();
    const scanPosts = () => slack.callsOf('chat.postMessage').filter((c) => c.body.channel === 'C0SCAN1');
    assert.equal(scanPosts().length, 1);
    const body = scanPosts()[0]?.body as { metadata: { event_payload: { pod: string } } };
    assert.match(body.metadata.event_payload.pod, /^checkout-/);
    await fireScan();
    assert.equal(scanPosts().length, 1, 'already reported');
    assert.match((await get('/metrics')).text, /^exitcode_commands_total\{kind="scan"\} 1$/m);
    // This replica announced under the scan Lease; the incident ledger (shared with other replicas) holds the message.
    const lock = demo.state.get('leases', 'exitcode', 'exitcode-scan-c0scan1') as
      | { spec: { holderIdentity: string } }
      | undefined;
    assert.ok(lock?.spec.holderIdentity);
    const ledger = demo.state.get('leases', 'exitcode', 'exitcode-incidents-demo-eu') as
      | { metadata: { annotations: Record<string, string> } }
      | undefined;
    assert.match(
      ledger?.metadata.annotations['exitcode.dev/incidents'] ?? '',
      /Deployment\/checkout\|.*"announce":\{"channel":"C0SCAN1","ts":"[\d.]+"\}/,
    );
  });
});

test('stop() waits for an in-flight diagnosis to be posted, then refuses new work', async () => {
  // A slow cluster: every API answer takes 150 ms, so the diagnosis is still running when stop() is called.
  const demo = await startDemoCluster({ scenarios: ['checkout-missing-env'], delayMs: 150 });
  const slack = await startSlackStandIn();
  const bot = await startBot({ env: envFor(demo, slack), host: '127.0.0.1', logDestination: silentLogs() });
  const url = `http://127.0.0.1:${bot.port()}/slack/events`;
  try {
    const response = await send(
      url,
      slashCommand(slashFields({ text: 'deploy/checkout -n shop', response_url: slack.responseUrl() }), {
        secret: SECRET,
      }),
    );
    assert.equal(response.status, 200, 'acked');
    await until(() => bot.inFlight.size > 0, 'the diagnosis to start');
    assert.equal(slack.callsOf('chat.postMessage').length, 0, 'not posted yet');
    const drained = await bot.stop();
    assert.equal(drained, true);
    assert.equal(slack.callsOf('chat.postMessage').length, 1, 'the diagnosis was posted before stop() resolved');
    assert.deepEqual(slack.responses, []);
    await assert.rejects(fetch(`http://127.0.0.1:${bot.port()}/healthz`), 'no longer listening');
  } finally {
    await bot.stop();
    await slack.close();
    await demo.close();
  }
});

test('with OPENAI_API_KEY set, the explain extension is plugged in: the diagnosis carries an Explain button', async () => {
  const demo = await startDemoCluster({ scenarios: ['checkout-missing-env'] });
  const slack = await startSlackStandIn();
  const bot = await startBot({
    // The model is never called here (no click): the base URL only has to be a loopback address.
    env: envFor(demo, slack, { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' }),
    host: '127.0.0.1',
    logDestination: silentLogs(),
  });
  try {
    await send(
      `http://127.0.0.1:${bot.port()}/slack/events`,
      slashCommand(slashFields({ text: 'deploy/checkout -n shop', response_url: slack.responseUrl() }), {
        secret: SECRET,
      }),
    );
    await until(() => slack.callsOf('chat.postMessage').length > 0 || slack.responses.length > 0, 'the diagnosis');
    const blocks = JSON.stringify(slack.callsOf('chat.postMessage')[0]?.body.blocks);
    assert.match(blocks, /"action_id":"exitcode_explain"/);
  } finally {
    await bot.stop();
    await slack.close();
    await demo.close();
  }
});

test('a remediation policy file is loaded at start-up: valid -> action buttons, invalid -> start-up stops with its path', async () => {
  // A failing probe: a cause a restart can fix, so the policy's action is offered.
  const demo = await startDemoCluster({ scenarios: ['recommendations-liveness'] });
  const slack = await startSlackStandIn();
  const files: Record<string, string> = {
    '/etc/exitcode/policy.yaml':
      'rules:\n  - namespaces: [shop]\n    actions: [restart-pod]\n    approvers: { users: [U0001] }\n',
    '/etc/exitcode/bad.yaml': 'rules:\n  - namespaces: [shop]\n    actions: [format-disk]\n',
  };
  const readFile = (path: string): string => {
    const text = files[path];
    if (text === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    return text;
  };
  try {
    await assert.rejects(
      startBot({
        env: envFor(demo, slack, { EXITCODE_POLICY_FILE: '/etc/exitcode/bad.yaml' }),
        readFile,
        logDestination: silentLogs(),
      }),
      (error: Error & { code?: string }) => {
        assert.equal(error.code, 'config_invalid');
        assert.match(error.message, /\/etc\/exitcode\/bad\.yaml/);
        return true;
      },
    );
    const bot = await startBot({
      env: envFor(demo, slack, { EXITCODE_POLICY_FILE: '/etc/exitcode/policy.yaml' }),
      readFile,
      host: '127.0.0.1',
      logDestination: silentLogs(),
    });
    try {
      await send(
        `http://127.0.0.1:${bot.port()}/slack/events`,
        slashCommand(slashFields({ text: 'deploy/recommendations -n shop', response_url: slack.responseUrl() }), {
          secret: SECRET,
        }),
      );
      await until(() => slack.callsOf('chat.postMessage').length > 0 || slack.responses.length > 0, 'the diagnosis');
      assert.match(
        JSON.stringify(slack.callsOf('chat.postMessage')[0]?.body.blocks),
        /"action_id":"exitcode_remediation_/,
      );
    } finally {
      await bot.stop();
    }
  } finally {
    await slack.close();
    await demo.close();
  }
});

test('configuration errors stop start-up before anything is started', async () => {
  await assert.rejects(
    startBot({ env: { SLACK_BOT_TOKEN: 'xoxb-x' }, logDestination: silentLogs() }),
    (error: Error) => {
      assert.match(error.message, /SLACK_SIGNING_SECRET: required/);
      assert.match(error.message, /EXITCODE_NAMESPACES: required/);
      return true;
    },
  );
});
