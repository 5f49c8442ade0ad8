/**
 * One exit for text, checked end to end: the secret corpus is planted in a demo-cluster pod's previous
 * log and in its events, then every output is driven through the real code (the Bolt app against the
 * Slack stand-in, the real client library against the demo cluster, the openai SDK against a loopback
 * model, pino) and no planted secret may appear in any of them. A failure names, per output, the kinds
 * that got through.
 */
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { pino } from 'pino';
import { connectCluster } from '../../src/cluster/connection.ts';
import { classifyCommand } from '../../src/cli/classify.ts';
import { createDiagnoseCommand } from '../../src/cli/diagnose.ts';
import type { CliIo } from '../../src/cli/io.ts';
import { buildEvent } from '../../src/demo/build-events.ts';
import { type DemoCluster, startDemoCluster } from '../../src/demo/server.ts';
import { createExplainer } from '../../src/explain/explainer.ts';
import { createExplainExtension, EXPLAIN_ACTION } from '../../src/explain/slack-extension.ts';
import { clusterExplainSource } from '../../src/explain/source.ts';
import { createLogger } from '../../src/ops/logger.ts';
import { createMetrics } from '../../src/ops/metrics.ts';
import { createInvestigator } from '../../src/services/investigator.ts';
import { startModelStandIn } from '../explain/model-stand-in.ts';
import {
  crashLoop,
  putPod,
  NAMESPACE as SCAN_NAMESPACE,
  slackStandIn,
  startCluster,
  startScanner,
  until,
} from '../scanner/harness.ts';
import { type TestBot, startTestBot } from '../helpers/slack-bot.ts';
import { buttonClick, interaction, send } from '../helpers/slack-signing.ts';
import { slackRequests } from '../helpers/slack-requests.ts';
import { SECRET_CORPUS } from './secret-corpus.ts';

const NAMESPACE = 'shop';
const corpusLines = SECRET_CORPUS.map((s) => s.line);

/** A line that would reorder, hide or drive what a person reads if it were rendered raw. */
const DISPLAY_HOSTILE = 'Error: open /data/report\u202Efdp.exe: denied \x1b[2J\x07 api\u200Bserver \u2066x\u2069';
/** The characters that must never reach a rendered output raw. */
const DISPLAY_UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;

/** Rendered outputs (terminal text and Slack text), by name, as the strings a person would see. */
const rendered = new Map<string, string[]>();
const strings = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : Array.isArray(value)
      ? value.flatMap(strings)
      : value !== null && typeof value === 'object'
        ? Object.values(value).flatMap(strings)
        : [];

/** What every output produced, by name. */
const outputs = new Map<string, string>();
const record = (name: string, text: string): void => {
  outputs.set(name, (outputs.get(name) ?? '') + text);
};

/** Kinds whose secret appears in an output. */
const leaks = (text: string): string[] => [
  ...new Set(SECRET_CORPUS.filter((s) => text.includes(s.secret)).map((s) => s.kind)),
];

const capture = (stdin = ''): { io: CliIo; text: () => string } => {
  const out: string[] = [];
  return {
    io: {
      stdout: (text) => void out.push(text),
      stderr: (text) => void out.push(text),
      readStdin: async () => Buffer.from(stdin),
      isTTY: false,
      env: { HOME: '/nonexistent' },
    },
    text: () => out.join(''),
  };
};

/** Plants the corpus before the scenario's own previous log (so the crash still reads as itself). */
const plant = (demo: DemoCluster, pod: string, container: string): void => {
  const own = demo.state.getLogs(NAMESPACE, pod, container)?.previous ?? [];
  const at = new Date().toISOString();
  const planted = [...corpusLines, DISPLAY_HOSTILE].flatMap((line) => line.split('\n')).map((text) => ({ at, text }));
  demo.state.setLogs(NAMESPACE, pod, container, { previous: [...planted, ...own] });
  const object = { kind: 'Pod', apiVersion: 'v1', namespace: NAMESPACE, name: pod, uid: `uid-${pod}` };
  for (let i = 0; i < corpusLines.length; i += 12)
    demo.state.put(
      buildEvent({
        object,
        event: {
          reason: 'BackOff',
          type: 'Warning',
          message: corpusLines.slice(i, i + 12).join(' | '),
          firstAgo: 60 + i,
          fieldPath: `spec.containers{${container}}`,
        },
        now: new Date(),
        seed: `corpus-${i}`,
      }),
    );
};

describe('no planted secret leaves through any output', { timeout: 240_000 }, () => {
  let demo: DemoCluster;
  let bot: TestBot;
  let model: Awaited<ReturnType<typeof startModelStandIn>>;
  let pod = '';

  before(async () => {
    demo = await startDemoCluster({ scenarios: ['checkout-missing-env'] });
    const found = demo.state.list('pods', NAMESPACE).find((p) => p.metadata.name.startsWith('checkout-'));
    assert.ok(found, 'the scenario has a checkout pod');
    pod = found.metadata.name;
    const container = (found as unknown as { spec: { containers: { name: string }[] } }).spec.containers[0]?.name;
    plant(demo, pod, container as string);
    model = await startModelStandIn();
    const connection = connectCluster({ kubeconfigYaml: demo.kubeconfigYaml });
    const logger = pino({ level: 'silent' });
    const now = () => new Date();
    const explainer = createExplainer({
      settings: {
        apiKey: 'sk-test-0000000000000000000000',
        baseUrl: model.baseUrl,
        model: 'test-model',
        anonymize: false,
        cacheTtlMs: 60_000,
        maxTokens: 600,
        timeoutMs: 5000,
      },
      clock: now,
      metrics: createMetrics({ processMetrics: false }),
      logger,
    });
    const extension = createExplainExtension({
      explainer,
      mode: 'on-request',
      threshold: 0.6,
      source: clusterExplainSource({ connection, now }),
      access: { defaultNamespaces: [NAMESPACE], channels: {} },
      logger,
    });
    bot = await startTestBot({ investigator: createInvestigator({ connection }), extensions: [extension] });
  });
  after(async () => {
    await bot?.close();
    await model?.close();
    await demo?.close();
  });

  test('CLI classify, text and JSON', async () => {
    for (const argv of [[], ['--json']]) {
      const run = capture(corpusLines.join('\n'));
      await classifyCommand(['--exit-code', '1', ...argv], run.io);
      record(`CLI classify ${argv.join(' ') || 'text'}`, run.text());
    }
  });

  test('CLI diagnose, text and JSON', async () => {
    for (const argv of [[], ['--json']]) {
      const run = capture();
      const command = createDiagnoseCommand({
        connect: connectCluster,
      });
      const code = await command(['--kubeconfig', demo.kubeconfigPath, '-n', NAMESPACE, pod, ...argv], run.io);
      record(`CLI diagnose ${argv.join(' ') || 'text'}`, run.text());
      rendered.set(`CLI diagnose ${argv.join(' ') || 'text'}`, [run.text()]);
      assert.equal(code, 0, run.text());
    }
  });

  test('Slack: diagnosis message, logs 200, logs all, events, summary, Explain (the model request)', async () => {
    const requests = slackRequests({ eventsUrl: bot.eventsUrl, secret: bot.secret, slack: bot.slack });
    await requests.slash(`${pod} -n ${NAMESPACE}`);
    await bot.slack.waitFor((s) => s.callsOf('chat.postMessage').length >= 1 || s.responses.length > 0);
    const threadTs = bot.slack.messages[0]?.ts as string;
    assert.ok(threadTs, `a diagnosis was posted: ${JSON.stringify(bot.slack.responses)}`);
    let posts = bot.slack.calls.length;
    for (const verb of ['logs 200', 'logs all', 'events', 'summary']) {
      await requests.mention({ text: `<@UBOT> ${verb}`, threadTs });
      await bot.slack.waitFor((s) => s.calls.length > posts);
      // Uploads take several calls: wait for the file's completion when one started.
      if (bot.slack.calls.slice(posts).some((c) => c.method === 'files.getUploadURLExternal'))
        await bot.slack.waitFor((s) => s.calls.slice(posts).some((c) => c.method === 'files.completeUploadExternal'));
      posts = bot.slack.calls.length;
    }
    const diagnosisPost = bot.slack.callsOf('chat.postMessage')[0]?.body as {
      blocks: { type: string; elements?: { action_id: string; value: string }[] }[];
    };
    const explain = diagnosisPost.blocks
      .filter((b) => b.type === 'actions')
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id === EXPLAIN_ACTION);
    if (explain) {
      // A model that quotes secrets back (it read them somewhere): the explanation must still be clean.
      const quoted = corpusLines.filter(
        (line) => !/\b(?:curl|docker|helm|kubectl|mysql|sshpass|htpasswd|redis-cli|psql|exec|rm|env)\b/.test(line),
      );
      model.answer(
        JSON.stringify({
          summary: quoted.join(' ').slice(0, 1400),
          likelyCause: quoted.slice(40).join(' ').slice(0, 480),
          category: 'missing_env_var',
          evidenceLines: [],
          suggestedSteps: ['kubectl describe pod -n shop checkout'],
          confidence: 0.7,
        }),
      );
      await send(
        bot.eventsUrl,
        interaction(buttonClick({ actionId: explain.action_id, value: explain.value, messageTs: threadTs }), {
          secret: bot.secret,
        }),
      );
      await bot.slack.waitFor(() => model.requests.length > 0 && model.pending() === 0);
      await bot.slack.waitFor(
        (s) => s.callsOf('chat.postMessage').length + s.callsOf('chat.update').length > 0 && s.calls.length > posts,
      );
    }
    record('Slack messages (every Web API call)', JSON.stringify(bot.slack.calls.map((c) => c.body)));
    rendered.set(
      'Slack messages',
      bot.slack.calls.flatMap((c) => strings(c.body)),
    );
    rendered.set(
      'Slack file uploads',
      bot.slack.uploads.map((u) => u.content),
    );
    record('Slack response_url answers', JSON.stringify(bot.slack.responses));
    record('Slack file uploads (logs all, summary)', bot.slack.uploads.map((u) => u.content).join('\n'));
    record('model request body', JSON.stringify(model.requests));
    assert.ok(bot.slack.uploads.length >= 1, 'logs all uploaded a file');
    assert.ok(explain, 'the diagnosis offers Explain');
    assert.ok(model.requests.length > 0, 'the model was asked');
  });

  test('scanner post', async () => {
    const cluster = await startCluster();
    try {
      putPod(cluster, { name: 'api-5d8f7c6b9-0', deployment: 'api', status: crashLoop() });
      cluster.state.setLogs(SCAN_NAMESPACE, 'api-5d8f7c6b9-0', 'app', { previous: corpusLines.join('\n') });
      const slack = slackStandIn();
      const scanner = startScanner({ cluster, holder: 'replica-a', slack });
      await scanner.watch.ready;
      await until(() => slack.calls.length > 0);
      await scanner.engine.idle();
      await scanner.stop();
      record('scanner post', JSON.stringify(slack.calls));
    } finally {
      await cluster.close();
    }
  });

  test('pino log of what the bot handled', () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = createLogger({ level: 'info', destination: stream });
    logger.info({ log: corpusLines.join('\n') }, 'previous log read');
    logger.warn({ err: new Error(corpusLines.join('\n')) }, 'diagnosis failed');
    record('pino log', lines.join(''));
  });

  test('no rendered output shows a bidi, control or zero-width character raw', () => {
    const raw = [...rendered.entries()].flatMap(([name, texts]) =>
      texts.filter((text) => DISPLAY_UNSAFE.test(text)).map((text) => `${name}: ${JSON.stringify(text.slice(0, 200))}`),
    );
    assert.ok(rendered.size >= 3);
    assert.deepEqual(raw, []);
    // The planted line did reach them, shown: the check above is not vacuous.
    const shown = [...rendered.entries()].filter(([, texts]) => texts.some((t) => t.includes('fdp.exe')));
    assert.ok(shown.length >= 2, `the display-hostile line reached ${shown.map(([n]) => n).join(', ')}`);
  });

  test('every output is free of every planted secret', () => {
    const table = [...outputs.entries()].map(([name, text]) => ({ name, leaked: leaks(text), bytes: text.length }));
    const leaked = table.filter((row) => row.leaked.length > 0);
    assert.ok(table.length >= 8, `outputs driven: ${table.map((r) => r.name).join(', ')}`);
    for (const row of table) assert.ok(row.bytes > 0, `${row.name} produced nothing`);
    assert.deepEqual(
      leaked.map((row) => `${row.name}: ${row.leaked.join(', ')}`),
      [],
      'kinds that got through, by output',
    );
  });
});
