import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { connectCluster } from '../../src/cluster/connection.ts';
import { ExitcodeError } from '../../src/errors.ts';

const kubeconfig = (server: string, namespace?: string): string =>
  [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '- name: local',
    '  cluster:',
    `    server: ${server}`,
    '    insecure-skip-tls-verify: true',
    'users:',
    '- name: me',
    '  user:',
    '    token: test-token',
    'contexts:',
    '- name: local',
    '  context:',
    '    cluster: local',
    '    user: me',
    ...(namespace ? [`    namespace: ${namespace}`] : []),
    '- name: other',
    '  context:',
    '    cluster: local',
    '    user: me',
    'current-context: local',
    '',
  ].join('\n');

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const servers: Array<{ close: () => void }> = [];
after(() => {
  for (const server of servers) server.close();
});

const serve = async (handler: Handler): Promise<{ url: string; hits: () => number; close: () => void }> => {
  let hits = 0;
  const server = createServer((req, res) => {
    hits += 1;
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const close = () => {
    server.closeAllConnections();
    server.close();
  };
  servers.push({ close });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits: () => hits, close };
};

const podJson = JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'api-1', namespace: 'shop' } });
const noSleep = { sleep: async () => {} };

describe('connectCluster', () => {
  test('reads the context namespace and name; unknown context lists the contexts', () => {
    const yaml = kubeconfig('http://127.0.0.1:1', 'shop');
    const connection = connectCluster({ kubeconfigYaml: yaml });
    assert.equal(connection.clusterName, 'local');
    assert.equal(connection.defaultNamespace, 'shop');
    assert.equal(connectCluster({ kubeconfigYaml: yaml, context: 'other' }).defaultNamespace, 'default');
    assert.throws(
      () => connectCluster({ kubeconfigYaml: yaml, context: 'prod' }),
      (error: unknown) =>
        error instanceof ExitcodeError && error.code === 'bad_input' && /local, other/.test(error.message),
    );
  });

  test('kubeconfig from --kubeconfig, then KUBECONFIG; a missing file is a clear error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'exitcode-kc-'));
    const file = join(dir, 'config');
    writeFileSync(file, kubeconfig('http://127.0.0.1:1', 'from-file'));
    assert.equal(connectCluster({ kubeconfigPath: file, env: {} }).defaultNamespace, 'from-file');
    // KUBECONFIG wins over in-cluster: an explicit choice beats the environment we happen to run in.
    assert.equal(
      connectCluster({ env: { KUBECONFIG: file, KUBERNETES_SERVICE_HOST: '10.0.0.1' } }).defaultNamespace,
      'from-file',
    );
    assert.throws(
      () => connectCluster({ env: { HOME: dir } }),
      (error: unknown) => error instanceof ExitcodeError && error.code === 'file_unreadable',
    );
  });

  test('in-cluster when KUBERNETES_SERVICE_HOST is set and no kubeconfig is given', () => {
    const connection = connectCluster({ env: { KUBERNETES_SERVICE_HOST: '10.0.0.1', KUBERNETES_SERVICE_PORT: '443' } });
    assert.equal(connection.clusterName, 'in-cluster');
  });

  test('a request carries the token and returns the object', async () => {
    let auth: string | undefined;
    const server = await serve((req, res) => {
      auth = req.headers.authorization;
      res.writeHead(200, { 'content-type': 'application/json' }).end(podJson);
    });
    const connection = connectCluster({ kubeconfigYaml: kubeconfig(server.url) });
    const pod = await connection.call({ verb: 'get', resource: 'pods', namespace: 'shop', name: 'api-1' }, () =>
      connection.core.readNamespacedPod({ namespace: 'shop', name: 'api-1' }),
    );
    assert.equal(pod.metadata?.name, 'api-1');
    assert.equal(auth, 'Bearer test-token');
  });

  test('a server that never answers times out instead of hanging', async () => {
    const server = await serve(() => {});
    const connection = connectCluster({
      kubeconfigYaml: kubeconfig(server.url),
      requestTimeoutMs: 300,
      retry: noSleep,
    });
    await assert.rejects(
      connection.call({ verb: 'get', resource: 'pods', namespace: 'shop', name: 'api-1' }, () =>
        connection.core.readNamespacedPod({ namespace: 'shop', name: 'api-1' }),
      ),
      (error: unknown) => error instanceof ExitcodeError && error.code === 'cluster_timeout',
    );
    assert.equal(server.hits(), 1, 'a timeout is not retried');
  });

  test('503 then 200 is retried; 403 is not, and names verb and resource', async () => {
    let calls = 0;
    const flaky = await serve((_req, res) => {
      calls += 1;
      if (calls === 1) res.writeHead(503, { 'content-type': 'application/json' }).end('{"kind":"Status","code":503}');
      else res.writeHead(200, { 'content-type': 'application/json' }).end(podJson);
    });
    const connection = connectCluster({ kubeconfigYaml: kubeconfig(flaky.url), retry: noSleep });
    const pod = await connection.call({ verb: 'get', resource: 'pods' }, () =>
      connection.core.readNamespacedPod({ namespace: 'shop', name: 'api-1' }),
    );
    assert.equal(pod.metadata?.name, 'api-1');
    assert.equal(flaky.hits(), 2);

    const forbidden = await serve((_req, res) =>
      res
        .writeHead(403, { 'content-type': 'application/json' })
        .end('{"kind":"Status","code":403,"message":"secret-ish body"}'),
    );
    const denied = connectCluster({ kubeconfigYaml: kubeconfig(forbidden.url), retry: noSleep });
    await assert.rejects(
      denied.call({ verb: 'get', resource: 'pods/log', namespace: 'shop', name: 'api-1' }, () =>
        denied.core.readNamespacedPodLog({ namespace: 'shop', name: 'api-1' }),
      ),
      (error: unknown) =>
        error instanceof ExitcodeError &&
        error.code === 'forbidden' &&
        error.message === 'The service account may not get pods/log in namespace shop: add that verb to its Role.',
    );
    assert.equal(forbidden.hits(), 1);
  });

  test('429 honours Retry-After through the real client', async () => {
    const waits: number[] = [];
    let calls = 0;
    const limited = await serve((_req, res) => {
      calls += 1;
      if (calls < 3) res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '1' }).end('{}');
      else res.writeHead(200, { 'content-type': 'application/json' }).end(podJson);
    });
    const connection = connectCluster({
      kubeconfigYaml: kubeconfig(limited.url),
      retry: { sleep: async (ms) => void waits.push(ms) },
    });
    await connection.call({ verb: 'get', resource: 'pods' }, () =>
      connection.core.readNamespacedPod({ namespace: 'shop', name: 'api-1' }),
    );
    assert.deepEqual(waits, [1000, 1000]);
  });

  test('a closed port is cluster_unreachable', async () => {
    const server = await serve(() => {});
    const url = server.url;
    server.close();
    const connection = connectCluster({ kubeconfigYaml: kubeconfig(url), retry: noSleep });
    await assert.rejects(
      connection.call({ verb: 'get', resource: 'pods' }, () =>
        connection.core.readNamespacedPod({ namespace: 'shop', name: 'api-1' }),
      ),
      (error: unknown) => error instanceof ExitcodeError && error.code === 'cluster_unreachable',
    );
  });
});
