/**
 * Hostile logs: huge single lines of the shapes that hurt regex engines and parsers, and a log far
 * beyond the byte bound. classifyText must answer (no throw); how long it takes is the bench's job
 * (bench/classify.ts), never a test assertion.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { classifyText } from '../../src/diagnosis/engine.ts';
import { parseEventsText } from '../../src/diagnosis/events-text.ts';
import { LOG_BOUNDS } from '../../src/diagnosis/log-scan.ts';
import { redact } from '../../src/text/outgoing.ts';

const MIB = 1024 * 1024;

/** Repeats `unit` to exactly `bytes` characters. */
const fill = (unit: string, bytes = MIB): string => unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);

const HOSTILE_SHAPES: Record<string, string> = {
  'a*': fill('a'),
  'ESC[*': fill('\x1b['),
  '{"*': fill('{"'),
  'spaces and tabs': fill(' \t'),
  'Error: *': fill('Error: '),
  'a.a.* (word boundaries everywhere)': fill('a.'),
  'key=*': fill('password='),
  '--flag *': fill('--token '),
  backslashes: fill('\\'),
  quotes: fill('"\''),
  'BEGIN PRIVATE KEY*': fill('-----BEGIN PRIVATE KEY-----'),
  digits: fill('0'),
  'at frames': fill('    at x (/app/a.js:1:1)'),
  'NUL bytes': fill('\0'),
  unicode: fill('é漢😀'),
};

describe('1 MiB single-line hostile logs', () => {
  for (const [name, log] of Object.entries(HOSTILE_SHAPES)) {
    test(name, () => {
      const result = classifyText({
        log,
        exitCode: 1,
        reason: 'Error',
        events: parseEventsText(log.slice(0, 64 * 1024)),
      });
      assert.ok(result.best.category.length > 0);
      assert.ok(result.log.bytesRead <= LOG_BOUNDS.maxBytes);
      assert.equal(result.log.truncated, true);
    });
  }
  test('the same shapes as bytes, and through redact', () => {
    for (const log of Object.values(HOSTILE_SHAPES)) {
      const bytes = Buffer.from(log);
      assert.ok(classifyText({ log: bytes, exitCode: null, reason: null }).log.bytesRead <= LOG_BOUNDS.maxBytes);
      const once = redact(log);
      assert.equal(redact(once), once);
    }
  });
});

describe('a 50 MiB log', () => {
  test('only the tail is read and the crash at its end is still found', () => {
    const noise = '2026-11-25T10:00:00.000Z INFO request served path=/api/v1/items status=200 duration=3ms\n';
    const crash = "Error: Cannot find module 'express'\nRequire stack:\n- /usr/src/app/server.js\n";
    const log = Buffer.concat([Buffer.from(fill(noise, 50 * MIB)), Buffer.from(crash)]);
    const result = classifyText({ log, exitCode: 1, reason: 'Error' });
    assert.equal(result.log.totalBytes, log.length);
    assert.equal(result.log.bytesRead, LOG_BOUNDS.maxBytes);
    assert.equal(result.log.truncated, true);
    assert.equal(result.best.category, 'missing_dependency');
  });
  test('50 MiB with no newline at all', () => {
    const result = classifyText({ log: fill('x', 50 * MIB), exitCode: 137, reason: 'OOMKilled' });
    assert.equal(result.best.category, 'oom_killed');
    assert.ok(result.log.linesRead <= 1);
  });
});
