import assert from 'node:assert/strict';
import http from 'node:http';
import { test } from 'node:test';

test('the network guard refuses a socket to a non-loopback address', () => {
  assert.throws(() => http.get('http://192.0.2.10:9/'), /network-guard/);
});

test('the network guard lets loopback through', async () => {
  const server = http.createServer((_req, res) => res.end('ok'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const body = await (await fetch(`http://127.0.0.1:${port}/`)).text();
  server.close();
  assert.equal(body, 'ok');
});
