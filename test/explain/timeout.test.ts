/**
 * Timeout against the real openai SDK: a loopback model stand-in that accepts the request and never
 * answers. The per-attempt timeout and the bounded retries end it; the answer is "no explanation".
 */
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { createExplainer } from '../../src/explain/explainer.ts';
import { diagnosis } from '../fixtures/diagnoses.ts';

test('timeout: a model that never answers gives no explanation after the bounded attempts', async () => {
  const held: ServerResponse[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    held.push(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const logs: { event?: string; kind?: unknown }[] = [];
  try {
    const explainer = createExplainer({
      settings: {
        apiKey: 'sk-test-0000000000000000000000',
        baseUrl: `http://127.0.0.1:${port}/v1`,
        model: 'test-model',
        anonymize: false,
        cacheTtlMs: 60_000,
        maxTokens: 800,
        timeoutMs: 200,
        maxRetries: 1,
      },
      clock: () => new Date('2026-11-25T12:00:00Z'),
      logger: { info: (obj) => logs.push(obj), warn: (obj) => logs.push(obj) },
    });
    const explanation = await explainer.explain({ diagnosis: diagnosis() });
    assert.equal(explanation, null);
    assert.equal(held.length, 2, 'one attempt and one retry, then it gave up');
    assert.ok(logs.some((l) => l.event === 'explain_failed' && l.kind === 'timeout'));
  } finally {
    for (const res of held) res.destroy();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
