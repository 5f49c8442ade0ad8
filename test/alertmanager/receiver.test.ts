import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import pino from 'pino';
import { alertmanagerRoute } from '../../src/alertmanager/receiver.ts';
import type { DemoCluster } from '../../src/demo/server.ts';
import type { AlertInput, AlertOutcome } from '../../src/scanner/incident-engine.ts';
import { crashLoop, putPod, slackStandIn, startCluster, startScanner, until } from '../scanner/harness.ts';

const TOKEN = 'am-token-0123456789abcdef0123456789';

const serve = async (alert: (input: AlertInput) => Promise<AlertOutcome>): Promise<{ server: Server; url: string }> => {
  const route = alertmanagerRoute({ token: TOKEN, alert, logger: pino({ level: 'silent' }) });
  const server = createServer((req, res) => {
    if (req.url === route.path && req.method === 'POST') route.handler(req, res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${route.path}` };
};

const send = (url: string, body: unknown, token: string | undefined = TOKEN) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

const webhook = (alerts: { status?: string; labels: Record<string, string> }[]) => ({
  version: '4',
  status: 'firing',
  receiver: 'exitcode',
  groupLabels: {},
  commonLabels: {},
  alerts: alerts.map((a) => ({
    status: a.status ?? 'firing',
    labels: a.labels,
    annotations: {},
    startsAt: '2026-12-02T10:00:00Z',
  })),
});

describe('Alertmanager receiver', () => {
  const received: AlertInput[] = [];
  let server: Server;
  let url: string;
  before(async () => {
    ({ server, url } = await serve(async (input) => {
      received.push(input);
      return 'noted';
    }));
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const bad: { name: string; body: unknown; status: number; error: RegExp }[] = [
    { name: 'not JSON', body: '{nope', status: 400, error: /not JSON/ },
    { name: 'another version', body: { ...webhook([]), version: '3' }, status: 400, error: /version/ },
    { name: 'alerts missing', body: { version: '4' }, status: 400, error: /alerts/ },
    {
      name: 'a bad alert status',
      body: webhook([{ status: 'weird', labels: {} }]),
      status: 400,
      error: /alerts\.0\.status/,
    },
  ];
  for (const c of bad) {
    test(`a payload that is ${c.name} gets ${c.status} with the reason`, async () => {
      const response = await send(url, c.body);
      assert.equal(response.status, c.status);
      assert.match(((await response.json()) as { error: string }).error, c.error);
    });
  }

  test('no token or a wrong token gets 401 and nothing is acted on', async () => {
    const before = received.length;
    assert.equal((await send(url, webhook([]), '')).status, 401);
    assert.equal((await send(url, webhook([]), 'wrong')).status, 401);
    assert.equal(received.length, before);
  });

  test('known alerts are mapped by their labels; the scrape `job` label is never taken for a Kubernetes Job', async () => {
    received.length = 0;
    const response = await send(
      url,
      webhook([
        {
          labels: {
            alertname: 'KubePodCrashLooping',
            namespace: 'shop',
            pod: 'api-1',
            container: 'app',
            job: 'kube-state-metrics',
          },
        },
        {
          status: 'resolved',
          labels: { alertname: 'KubeContainerWaiting', namespace: 'shop', pod: 'api-2', container: 'app' },
        },
        {
          labels: {
            alertname: 'KubeJobFailed',
            namespace: 'batch',
            job_name: 'nightly-29412345',
            job: 'kube-state-metrics',
          },
        },
        { labels: { alertname: 'KubePodNotReady', namespace: 'shop', pod: 'web-0' } },
      ]),
    );
    assert.equal(response.status, 200);
    assert.deepEqual(received, [
      { alertname: 'KubePodCrashLooping', namespace: 'shop', pod: 'api-1', container: 'app', firing: true },
      { alertname: 'KubeContainerWaiting', namespace: 'shop', pod: 'api-2', container: 'app', firing: false },
      { alertname: 'KubeJobFailed', namespace: 'batch', job: 'nightly-29412345', firing: true },
      { alertname: 'KubePodNotReady', namespace: 'shop', pod: 'web-0', firing: true },
    ]);
  });

  test('unknown alerts, and known ones naming nothing usable, are acknowledged and not acted on', async () => {
    received.length = 0;
    const response = await send(
      url,
      webhook([
        { labels: { alertname: 'Watchdog' } },
        { labels: { alertname: 'KubePodCrashLooping', namespace: 'shop' } },
        { labels: { alertname: 'KubePodCrashLooping', namespace: 'shop', pod: '../../etc' } },
      ]),
    );
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { ok: true, ignored: 3 });
    assert.equal(received.length, 0);
  });

  test('an alert naming a pod the scanner does not watch is acknowledged and logged with the pod, nothing opened', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
    const route = alertmanagerRoute({ token: TOKEN, alert: async () => 'no-pod', logger });
    const server = createServer((req, res) => route.handler(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const response = await send(
      `http://127.0.0.1:${(server.address() as AddressInfo).port}${route.path}`,
      webhook([
        { labels: { alertname: 'KubePodCrashLooping', namespace: 'elsewhere', pod: 'api-1', container: 'app' } },
      ]),
    );
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { ok: true, 'no-pod': 1 });
    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    assert.ok(
      logged.some((l) => l.namespace === 'elsewhere' && l.pod === 'api-1' && String(l.msg).includes('nothing opened')),
    );
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  test('a replica that does not announce answers 503 so Alertmanager retries elsewhere', async () => {
    const follower = await serve(async () => 'not-leader');
    const response = await send(
      follower.url,
      webhook([{ labels: { alertname: 'KubePodNotReady', namespace: 'shop', pod: 'x' } }]),
    );
    assert.equal(response.status, 503);
    await new Promise<void>((resolve) => follower.server.close(() => resolve()));
  });
});

describe('Alertmanager alerts open or join incidents (demo cluster)', () => {
  let cluster: DemoCluster;
  before(async () => {
    cluster = await startCluster();
  });
  after(() => cluster.close());

  test('an alert for a pod below the restart minimum opens its incident; resolved is noted in the thread', async () => {
    const slack = slackStandIn();
    putPod(cluster, { name: 'cart-5d8f7c6b9-a', deployment: 'cart', status: crashLoop(1) });
    const scanner = startScanner({ cluster, holder: 'replica-a', slack, settings: { minRestarts: 5 } });
    await until(() => scanner.engine.isLeader());
    const { server, url } = await serve((input) => scanner.engine.alert(input));
    const labels = { alertname: 'KubePodCrashLooping', namespace: 'load', pod: 'cart-5d8f7c6b9-a', container: 'app' };
    assert.equal((await send(url, webhook([{ labels }]))).status, 200);
    await until(() => slack.calls.some((c) => c.kind === 'post' && !c.message.threadTs));
    await scanner.engine.idle();
    const incident = Object.values(scanner.engine.ledger())[0];
    assert.deepEqual(incident?.alerts, ['KubePodCrashLooping']);
    assert.equal((await send(url, webhook([{ status: 'resolved', labels }]))).status, 200);
    await scanner.engine.idle();
    const replies = slack.calls.filter((c) => c.kind === 'post' && c.message.threadTs).map((c) => c.message.text);
    assert.ok(replies.some((text) => text.includes('resolved') && text.includes('KubePodCrashLooping')));
    assert.equal(slack.calls.filter((c) => c.kind === 'post' && !c.message.threadTs).length, 1);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await scanner.stop();
  });
});
