/**
 * Socket Mode: the bot connects out over a WebSocket (no ingress), yet /healthz, /readyz and /metrics
 * must still be served on PORT for the kubelet and Prometheus. A tiny loopback stand-in answers
 * apps.connections.open and auth.test and speaks just enough WebSocket to say hello.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { startDemoCluster } from '../src/demo/server.ts';
import { startBot } from '../src/main.ts';

const WS_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

const textFrame = (text: string): Buffer => {
  const payload = Buffer.from(text);
  const header =
    payload.length < 126
      ? Buffer.from([0x81, payload.length])
      : Buffer.from([0x81, 126, payload.length >> 8, payload.length & 0xff]);
  return Buffer.concat([header, payload]);
};

const listen = (server: Server, port = 0): Promise<number> =>
  new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });

const freePort = async (): Promise<number> => {
  const probe = createServer();
  const port = await listen(probe);
  await new Promise((resolve) => probe.close(resolve));
  return port;
};

const startSocketModeStandIn = async () => {
  const calls: string[] = [];
  const sockets = new Set<Duplex>();
  let helloSent = 0;
  const server = createServer((req, res) => {
    const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0] ?? '';
    calls.push(method);
    req.resume();
    const answers: Record<string, unknown> = {
      'apps.connections.open': { ok: true, url: `ws://127.0.0.1:${port}/link` },
      'auth.test': {
        ok: true,
        url: 'https://acme.slack.com/',
        team: 'acme',
        user: 'exitcode',
        team_id: 'T0001',
        user_id: 'UBOT',
        bot_id: 'BBOT',
      },
    };
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(answers[method] ?? { ok: false, error: 'unknown_method' }));
  });
  server.on('upgrade', (req, socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    const accept = createHash('sha1').update(`${req.headers['sec-websocket-key']}${WS_GUID}`).digest('base64');
    socket.write(
      `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
    );
    socket.write(
      textFrame(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0001' } })),
    );
    helloSent += 1;
    socket.on('data', (data: Buffer) => {
      const opcode = (data[0] ?? 0) & 0x0f;
      if (opcode === 0x8) socket.end(Buffer.from([0x88, 0x00])); // close -> close
      if (opcode === 0x9) socket.write(Buffer.from([0x8a, 0x00])); // ping -> pong
    });
  });
  const port = await listen(server);
  return {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    calls,
    helloSent: () => helloSent,
    /** Resolves once every WebSocket has completed its close handshake (bounded). */
    closed: async () => {
      for (let i = 0; i < 500 && sockets.size > 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
      return sockets.size === 0;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
};

test('Socket Mode: connects out over the WebSocket and still serves /healthz /readyz /metrics on PORT', async () => {
  const demo = await startDemoCluster({ scenarios: ['checkout-missing-env'] });
  const slack = await startSocketModeStandIn();
  const port = await freePort();
  const bot = await startBot({
    env: {
      SLACK_BOT_TOKEN: 'xoxb-socket-test',
      SLACK_SIGNING_SECRET: 'socket-test-signing-secret',
      SLACK_APP_TOKEN: 'xapp-1-A0001-socket-test',
      SLACK_API_URL: slack.apiUrl,
      PORT: String(port),
      KUBECONFIG: demo.kubeconfigPath,
      EXITCODE_NAMESPACES: 'shop',
    },
    logDestination: new Writable({ write: (_chunk, _encoding, done) => done() }),
  });
  try {
    assert.equal(slack.helloSent(), 1, 'the WebSocket session was opened');
    assert.ok(slack.calls.includes('apps.connections.open'), 'the stand-in URL reached the Socket Mode client');
    const get = async (path: string) => {
      const response = await fetch(`http://127.0.0.1:${port}${path}`);
      return { status: response.status, text: await response.text() };
    };
    const healthz = await get('/healthz');
    assert.equal(healthz.status, 200);
    assert.equal(JSON.parse(healthz.text).serving, 'serving');
    assert.deepEqual(await get('/readyz'), { status: 200, text: 'ready\n' });
    const metrics = await get('/metrics');
    assert.equal(metrics.status, 200);
    assert.match(metrics.text, /^exitcode_slack_api_calls_total\{method="auth.test"\} 1$/m);
    // Socket Mode has no /slack/events endpoint: Slack requests only arrive over the socket.
    assert.equal((await get('/slack/events')).status, 404);
  } finally {
    await bot.stop();
    // Bolt's stop() does not wait for the WebSocket close handshake; let it finish before the stand-in goes.
    assert.equal(await slack.closed(), true, 'the bot closed its WebSocket on stop()');
    await slack.close();
    await demo.close();
  }
});
