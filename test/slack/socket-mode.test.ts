/**
 * Socket Mode: with an app token the bot opens its connection through apps.connections.open at the
 * configured Web API URL (so it can run against a stand-in), and still serves the ops routes on a port.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { test } from 'node:test';
import { pino } from 'pino';
import { createSlackApp } from '../../src/slack/app.ts';
import { memoryInvestigator } from '../fixtures/diagnoses.ts';
import { startSlackStandIn } from '../helpers/slack-stand-in.ts';

const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

test('socket mode: connection opened with the app token at the configured API URL; ops routes on the port', async () => {
  const slack = await startSlackStandIn();
  // Refusing the connection keeps the test off websockets; what matters is where and how it asked.
  slack.fail('apps.connections.open', { error: 'invalid_auth', times: Number.POSITIVE_INFINITY });
  const port = await freePort();
  const bot = createSlackApp({
    slack: {
      botToken: 'xoxb-test',
      signingSecret: 'unused-in-socket-mode',
      appToken: 'xapp-1-test',
      apiUrl: slack.apiUrl,
      port,
    },
    investigator: memoryInvestigator(),
    access: { defaultNamespaces: ['*'], channels: {} },
    logger: pino({ level: 'silent' }),
    customRoutes: [
      {
        path: '/healthz',
        method: ['GET'],
        handler: (_req, res) => {
          res.writeHead(200);
          res.end('ok');
        },
      },
    ],
  });
  try {
    await assert.rejects(
      bot.start(),
      /^ExitcodeError: Slack rejected SLACK_APP_TOKEN \(invalid_auth\): copy the token again/,
    );
    const open = slack.callsOf('apps.connections.open');
    assert.ok(open.length >= 1);
    assert.equal(open[0]?.token, 'xapp-1-test');
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    assert.equal(health.status, 200);
    assert.equal(await health.text(), 'ok');
  } finally {
    await bot.stop().catch(() => {});
    await slack.close();
  }
});
