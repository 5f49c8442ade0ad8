import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import type { TLSSocket } from 'node:tls';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { after, describe, test } from 'node:test';
import { connectCluster } from '../../src/cluster/connection.ts';
import { createJsonRequests } from '../../src/cluster/json-requests.ts';
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

/** A kubeconfig for the TLS stand-in with a CA and a client certificate, paths relative to its directory. */
const certKubeconfig = (port: number, dir: string): string =>
  [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '- name: tls',
    '  cluster:',
    `    server: https://127.0.0.1:${port}`,
    `    certificate-authority: ${dir}ca.crt`,
    'users:',
    '- name: me',
    '  user:',
    `    client-certificate: ${dir}client.crt`,
    `    client-key: ${dir}client.key`,
    'contexts:',
    '- name: tls',
    '  context: { cluster: tls, user: me }',
    'current-context: tls',
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

const TLS = join(import.meta.dirname, '..', 'fixtures', 'tls');
const tlsFile = (name: string): Buffer => readFileSync(join(TLS, name));

/** A ServiceAccount mount (token, namespace, CA) under a temporary root, as the kubelet lays it out. */
const serviceAccount = (token: string): string => {
  const root = mkdtempSync(join(tmpdir(), 'exitcode-sa-'));
  const dir = join(root, 'var/run/secrets/kubernetes.io/serviceaccount');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'token'), token);
  writeFileSync(join(dir, 'namespace'), 'shop');
  writeFileSync(join(dir, 'ca.crt'), tlsFile('ca.crt'));
  return root;
};

/** An HTTPS API server stand-in with the test CA's certificate, recording each request's token and client certificate. */
const serveTls = async (): Promise<{
  port: number;
  seen: Array<{ auth?: string; client?: string; socket?: number }>;
}> => {
  const seen: Array<{ auth?: string; client?: string; socket?: number }> = [];
  const server = createHttpsServer(
    {
      key: tlsFile('server.key'),
      cert: tlsFile('server.crt'),
      ca: tlsFile('ca.crt'),
      requestCert: true,
      rejectUnauthorized: false,
    },
    (req, res) => {
      const peer = (req.socket as TLSSocket).getPeerCertificate();
      const client = typeof peer?.subject?.CN === 'string' ? peer.subject.CN : undefined;
      seen.push({
        ...(req.headers.authorization ? { auth: req.headers.authorization } : {}),
        ...(client ? { client } : {}),
        socket: req.socket.remotePort,
      });
      res.writeHead(200, { 'content-type': 'application/json' }).end(podJson);
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push({
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  });
  return { port: (server.address() as AddressInfo).port, seen };
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

  test('kubeconfig from a path (or a KUBECONFIG-style list), else ~/.kube/config; a missing file is a clear error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'exitcode-kc-'));
    const file = join(dir, 'config');
    writeFileSync(file, kubeconfig('http://127.0.0.1:1', 'from-file'));
    assert.equal(connectCluster({ kubeconfigPath: file }).defaultNamespace, 'from-file');
    // An explicit kubeconfig wins over in-cluster: a choice beats the environment we happen to run in.
    assert.equal(
      connectCluster({
        kubeconfigPath: `${join(dir, 'absent')}${delimiter}${file}`,
        inCluster: { host: '10.0.0.1', port: '443' },
      }).defaultNamespace,
      'from-file',
    );
    assert.throws(
      () => connectCluster({ home: dir }),
      (error: unknown) => error instanceof ExitcodeError && error.code === 'file_unreadable',
    );
  });

  test('in-cluster when no kubeconfig is given', () => {
    const root = serviceAccount('token-1');
    const connection = connectCluster({ inCluster: { host: '10.0.0.1', port: '443', serviceAccountRoot: root } });
    assert.equal(connection.clusterName, 'in-cluster');
    assert.equal(connection.defaultNamespace, 'shop');
    assert.equal(connection.kubeConfig.getCurrentCluster()?.server, 'https://10.0.0.1:443');
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

describe('credentials are read per request, as client-node loads them', () => {
  const readPod = (connection: ReturnType<typeof connectCluster>) =>
    connection.call({ verb: 'get', resource: 'pods', namespace: 'shop', name: 'api-1' }, () =>
      connection.core.readNamespacedPod({ namespace: 'shop', name: 'api-1' }),
    );

  test('a rotated ServiceAccount token file is used by the very next request (in-cluster, over TLS)', async () => {
    const server = await serveTls();
    const root = serviceAccount('token-before');
    const connection = connectCluster({
      inCluster: { host: '127.0.0.1', port: String(server.port), serviceAccountRoot: root },
      retry: noSleep,
    });
    await readPod(connection);
    // The kubelet rotates the projected token by swapping the file; no restart, no wait.
    writeFileSync(join(root, 'var/run/secrets/kubernetes.io/serviceaccount/token'), 'token-after\n');
    await readPod(connection);
    assert.deepEqual(
      server.seen.map((s) => s.auth),
      ['Bearer token-before', 'Bearer token-after'],
    );
  });

  test('relative certificate paths resolve against the kubeconfig directory; rotated client certificates are used next', async () => {
    const server = await serveTls();
    const dir = mkdtempSync(join(tmpdir(), 'exitcode-kc-tls-'));
    mkdirSync(join(dir, 'pki'));
    copyFileSync(join(TLS, 'ca.crt'), join(dir, 'pki', 'ca.crt'));
    copyFileSync(join(TLS, 'alice.crt'), join(dir, 'pki', 'client.crt'));
    copyFileSync(join(TLS, 'alice.key'), join(dir, 'pki', 'client.key'));
    const file = join(dir, 'config');
    writeFileSync(file, certKubeconfig(server.port, 'pki/'));
    // The test runs from the repository root, so "pki/..." resolves only against the kubeconfig's directory.
    assert.notEqual(process.cwd(), dir);
    const connection = connectCluster({ kubeconfigPath: file, retry: noSleep });
    for (let i = 0; i < 4; i += 1) await readPod(connection);
    copyFileSync(join(TLS, 'bob.crt'), join(dir, 'pki', 'client.crt'));
    copyFileSync(join(TLS, 'bob.key'), join(dir, 'pki', 'client.key'));
    await readPod(connection);
    assert.deepEqual(
      server.seen.map((s) => s.client),
      ['alice', 'alice', 'alice', 'alice', 'bob'],
    );
    const before = new Set(server.seen.slice(0, 4).map((s) => s.socket));
    assert.ok(before.size < 4, 'the keep-alive pool reuses connections while the certificate is unchanged');
    assert.ok(!before.has(server.seen[4]?.socket), 'a rotated certificate gets a new connection');
  });

  test("the scanner's plain JSON requests read credentials the same way: the CA verified, a rotated token and client certificate used next", async () => {
    const server = await serveTls();
    const root = serviceAccount('token-before');
    const connection = connectCluster({
      inCluster: { host: '127.0.0.1', port: String(server.port), serviceAccountRoot: root },
      retry: noSleep,
    });
    const json = createJsonRequests(connection);
    const get = () => json.send({ method: 'GET', path: '/api/v1/namespaces/shop/pods/api-1' });
    assert.deepEqual(await get(), JSON.parse(podJson));
    await get();
    writeFileSync(join(root, 'var/run/secrets/kubernetes.io/serviceaccount/token'), 'token-after\n');
    await get();
    assert.deepEqual(
      server.seen.map((s) => s.auth),
      ['Bearer token-before', 'Bearer token-before', 'Bearer token-after'],
    );
    assert.equal(
      new Set(server.seen.map((s) => s.socket)).size,
      1,
      'one kept-alive connection while the TLS material is unchanged',
    );
    json.close();

    const dir = mkdtempSync(join(tmpdir(), 'exitcode-kc-json-'));
    for (const [from, to] of [
      ['ca.crt', 'ca.crt'],
      ['alice.crt', 'client.crt'],
      ['alice.key', 'client.key'],
    ] as const)
      copyFileSync(join(TLS, from), join(dir, to));
    const file = join(dir, 'config');
    writeFileSync(file, certKubeconfig(server.port, ''));
    const byCert = createJsonRequests(connectCluster({ kubeconfigPath: file, retry: noSleep }));
    const seenBefore = server.seen.length;
    await byCert.send({ method: 'GET', path: '/api/v1/namespaces/shop/pods/api-1' });
    copyFileSync(join(TLS, 'bob.crt'), join(dir, 'client.crt'));
    copyFileSync(join(TLS, 'bob.key'), join(dir, 'client.key'));
    await byCert.send({ method: 'GET', path: '/api/v1/namespaces/shop/pods/api-1' });
    assert.deepEqual(
      server.seen.slice(seenBefore).map((s) => s.client),
      ['alice', 'bob'],
    );
    byCert.close();
  });

  test('an exec plugin whose credential expired is run again by the next request, and its new token used', async () => {
    let auth: string | undefined;
    const server = await serve((req, res) => {
      auth = req.headers.authorization;
      res.writeHead(200, { 'content-type': 'application/json' }).end(podJson);
    });
    const dir = mkdtempSync(join(tmpdir(), 'exitcode-exec-'));
    const tokenFile = join(dir, 'token');
    const plugin = join(dir, 'plugin.mjs');
    // Like a cloud provider's plugin: prints an ExecCredential; this one expires at once, so every request asks again.
    writeFileSync(
      plugin,
      `import { readFileSync } from 'node:fs';
process.stdout.write(JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential',
  status: { token: readFileSync(${JSON.stringify(tokenFile)}, 'utf8').trim(), expirationTimestamp: new Date(Date.now() - 1000).toISOString() } }));`,
    );
    writeFileSync(tokenFile, 'exec-token-1');
    const yaml = [
      'apiVersion: v1',
      'kind: Config',
      'clusters:',
      '- name: local',
      '  cluster:',
      `    server: ${server.url}`,
      '    insecure-skip-tls-verify: true',
      'users:',
      '- name: me',
      '  user:',
      '    exec:',
      '      apiVersion: client.authentication.k8s.io/v1',
      `      command: ${JSON.stringify(process.execPath)}`,
      `      args: [${JSON.stringify(plugin)}]`,
      '      interactiveMode: Never',
      'contexts:',
      '- name: local',
      '  context: { cluster: local, user: me }',
      'current-context: local',
      '',
    ].join('\n');
    const connection = connectCluster({ kubeconfigYaml: yaml, retry: noSleep });
    await readPod(connection);
    assert.equal(auth, 'Bearer exec-token-1');
    writeFileSync(tokenFile, 'exec-token-2');
    await readPod(connection);
    assert.equal(auth, 'Bearer exec-token-2');
  });
});
