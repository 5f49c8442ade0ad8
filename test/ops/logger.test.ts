import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { createLogger, newRequestId } from '../../src/ops/logger.ts';

const capture = () => {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, stream };
};

test('JSON lines with service, level name, time and a per-request child id', async () => {
  const { lines, stream } = capture();
  const logger = createLogger({ level: 'info', destination: stream });
  const requestId = newRequestId();
  logger.child({ requestId }).info({ namespace: 'shop' }, 'diagnosing');
  logger.debug('hidden at info level');
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(lines.length, 1);
  const [line] = lines;
  assert.equal(line?.service, 'exitcode');
  assert.equal(line?.level, 'info');
  assert.equal(line?.requestId, requestId);
  assert.equal(line?.msg, 'diagnosing');
  assert.equal(typeof line?.time, 'string');
  assert.ok(!Number.isNaN(Date.parse(String(line?.time))));
});

test('token-like fields are redacted at the top level and one level down', async () => {
  const { lines, stream } = capture();
  const logger = createLogger({ level: 'info', destination: stream });
  logger.info(
    {
      token: 'xoxb-TOP',
      slack: { botToken: 'xoxb-NESTED', signingSecret: 'SIGN' },
      headers: { authorization: 'Bearer X' },
    },
    'settings',
  );
  await new Promise((resolve) => setImmediate(resolve));
  const text = JSON.stringify(lines);
  for (const secret of ['xoxb-TOP', 'xoxb-NESTED', 'SIGN', 'Bearer X']) assert.ok(!text.includes(secret), secret);
  assert.deepEqual(lines[0]?.slack, { botToken: '[redacted]', signingSecret: '[redacted]' });
});

test('request ids are short and distinct', () => {
  const ids = new Set(Array.from({ length: 100 }, newRequestId));
  assert.equal(ids.size, 100);
  for (const id of ids) assert.match(id, /^[0-9a-f]{8}$/);
});
