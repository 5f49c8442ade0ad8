/**
 * Property tests over the log parser and redaction: arbitrary text, bytes, unicode, ANSI and JSON
 * mixes never throw and keep the invariants the rest of the code relies on.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { parseEventsText } from '../../src/diagnosis/events-text.ts';
import { type LogBounds, scanLog } from '../../src/diagnosis/log-scan.ts';
import { MASK, redact, redactDeep } from '../../src/text/outgoing.ts';

const RUNS = { numRuns: 300 };

/** Fragments real logs are made of, including the hostile ones. */
const fragment = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.constantFrom(
    '\n',
    '\r\n',
    '\r',
    '\t',
    '\x1b[31m',
    '\x1b[0m',
    '\x1b]0;title\x07',
    '[0;1m',
    '\0',
    '\ufffd',
    'Error: ',
    '    at Object.<anonymous> (/app/index.js:1:1)',
    'Traceback (most recent call last):',
    '{"level":"error","msg":"boom","stack":"Error: boom\\n    at x"}',
    '{"',
    '2026-11-25T10:00:00.000000000Z ',
    'password=',
    'Bearer ',
    '-----BEGIN PRIVATE KEY-----',
  ),
  fc.json(),
);
const logText = fc.array(fragment, { maxLength: 40 }).map((parts) => parts.join(''));
const logBytes = fc.uint8Array({ maxLength: 4096 });
const bounds: fc.Arbitrary<LogBounds> = fc.record({
  maxBytes: fc.integer({ min: 1, max: 4096 }),
  maxLines: fc.integer({ min: 1, max: 200 }),
  maxLineLength: fc.integer({ min: 1, max: 512 }),
});

const checkScan = (input: string | Uint8Array, b: LogBounds): void => {
  const scanned = scanLog(input, b);
  assert.ok(scanned.bytesRead <= b.maxBytes, 'bytesRead within the bound');
  assert.ok(scanned.bytesRead <= scanned.totalBytes);
  // Frames unpacked from a JSON record's stack keep the record's line number (evidence points at the
  // physical line), so numbers never decrease and at most maxLines distinct lines are kept.
  assert.ok(new Set(scanned.lines.map((l) => l.line)).size <= b.maxLines);
  let previous = 0;
  for (const line of scanned.lines) {
    assert.ok(Number.isInteger(line.line) && line.line >= previous, 'line numbers never decrease');
    assert.ok(line.line >= 1 && line.line <= b.maxLines);
    previous = line.line;
    assert.equal(typeof line.text, 'string');
    assert.ok(!line.text.includes('\n'), 'one line has no newline');
  }
  if (scanned.empty) assert.equal(scanned.lines.length, 0);
};

describe('scanLog', () => {
  test('arbitrary text never throws and keeps its invariants', () => {
    fc.assert(
      fc.property(logText, bounds, (text, b) => checkScan(text, b)),
      RUNS,
    );
  });
  test('arbitrary bytes never throw and keep their invariants', () => {
    fc.assert(
      fc.property(logBytes, bounds, (bytes, b) => checkScan(bytes, b)),
      RUNS,
    );
  });
  test('default bounds on arbitrary mixes', () => {
    fc.assert(
      fc.property(logText, (text) => {
        const scanned = scanLog(text);
        assert.ok(scanned.lines.every((l, i, all) => i === 0 || l.line >= (all[i - 1]?.line ?? 0)));
        const physical = text.split(/\r\n|\r|\n/).length;
        // Binary input is split on control runs as well, so only text is checked against newlines.
        if (!scanned.binary)
          assert.ok(
            scanned.lines.every((l) => l.line >= 1 && l.line <= physical),
            'real lines',
          );
      }),
      RUNS,
    );
  });
});

describe('redact', () => {
  test('never throws and is idempotent on arbitrary text', () => {
    fc.assert(
      fc.property(logText, (text) => {
        const once = redact(text);
        assert.equal(redact(once), once);
      }),
      RUNS,
    );
  });
  test('leaves text without secret-shaped content unchanged', () => {
    // Lower-case words and spaces only: no key=value, no token prefixes, no URLs.
    const plain = fc
      .array(
        fc.constantFrom(
          'error',
          'the',
          'pod',
          'crashed',
          'while',
          'starting',
          'token',
          'password',
          'failed',
          'for',
          'user',
          'app',
          'secret',
          'not',
          'found',
        ),
        { maxLength: 20 },
      )
      .map((words) => words.join(' '));
    fc.assert(
      fc.property(plain, (text) => assert.equal(redact(text), text)),
      RUNS,
    );
  });
  test('a generated secret after a secret key never survives, whatever surrounds it', () => {
    const secret = fc.stringMatching(/^[A-Za-z0-9]{8,40}$/).map((s) => `Zq9${s}`);
    const key = fc.constantFrom('password', 'DB_PASSWORD', 'api_key', 'clientSecret', 'AUTH_TOKEN', 'secret');
    const sep = fc.constantFrom('=', ': ', '="', "='", '":"');
    fc.assert(
      fc.property(fc.string(), key, sep, secret, fc.string(), (before, k, s, value, afterText) => {
        const close = s.endsWith('"') ? '"' : s.endsWith("'") ? "'" : ' ';
        const text = `${before} ${s === '":"' ? `"${k}` : k}${s}${value}${close}${afterText}`;
        const out = redact(text);
        assert.ok(!out.includes(value), `${JSON.stringify(text)} -> ${JSON.stringify(out)}`);
        assert.ok(out.includes(MASK));
      }),
      RUNS,
    );
  });
  test('redactDeep keeps the shape of any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const out = redactDeep(value);
        assert.equal(Array.isArray(out), Array.isArray(value));
        assert.equal(typeof out, typeof value);
        assert.deepEqual(redactDeep(out), out);
      }),
      RUNS,
    );
  });
});

describe('parseEventsText', () => {
  test('never throws; every event has a message and a positive count', () => {
    fc.assert(
      fc.property(fc.oneof(logText, fc.array(logText, { maxLength: 5 })), (input) => {
        for (const event of parseEventsText(input)) {
          assert.ok(event.message.length > 0);
          assert.ok(Number.isInteger(event.count) && event.count >= 0);
          assert.ok(event.type === '' || event.type === 'Normal' || event.type === 'Warning');
        }
      }),
      RUNS,
    );
  });
});
