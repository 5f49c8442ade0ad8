/**
 * Our own logs leave the process too: every pino line passes the one redaction step, and stays one
 * valid JSON line.
 */
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { createLogger } from '../../src/ops/logger.ts';
import { SECRET_CORPUS } from './secret-corpus.ts';

const capture = (): { lines: string[]; stream: Writable } => {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(
        ...String(chunk)
          .split('\n')
          .filter((l) => l !== ''),
      );
      done();
    },
  });
  return { lines, stream };
};

test('no corpus secret survives in a log line, in the message, a field, a nested object or an error', () => {
  const { lines, stream } = capture();
  const logger = createLogger({ level: 'info', destination: stream });
  for (const { line } of SECRET_CORPUS) {
    logger.info(line);
    logger.info({ detail: line, nested: { text: [line] } }, 'request failed');
    logger.error({ err: new Error(line) }, 'handler threw');
  }
  assert.equal(lines.length, SECRET_CORPUS.length * 3, 'one line per call: no line was split');
  const all = lines.join('\n');
  for (const { kind, secret } of SECRET_CORPUS) assert.ok(!all.includes(secret), `${kind} survived`);
  for (const line of lines) assert.doesNotThrow(() => JSON.parse(line), line);
});

test('ordinary fields come through unchanged', () => {
  const { lines, stream } = capture();
  createLogger({ level: 'info', destination: stream }).info(
    { requestId: 'a1b2c3d4', pod: 'api-7c9f8d6b5-x2x7z', ms: 12 },
    'diagnosis posted',
  );
  const parsed = JSON.parse(lines[0] as string) as Record<string, unknown>;
  assert.equal(parsed.requestId, 'a1b2c3d4');
  assert.equal(parsed.pod, 'api-7c9f8d6b5-x2x7z');
  assert.equal(parsed.msg, 'diagnosis posted');
});
