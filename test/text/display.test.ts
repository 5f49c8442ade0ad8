import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  clipLines,
  displaySafeJson,
  MAX_LINE_LENGTH,
  neutralizeDisplay,
  sanitizeOutgoing,
} from '../../src/text/outgoing.ts';

describe('neutralizeDisplay', () => {
  test('bidi overrides and isolates become visible escapes', () => {
    assert.equal(neutralizeDisplay('invoice\u202Efdp.exe'), 'invoice\\u202Efdp.exe');
    for (const code of [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]) {
      const shown = neutralizeDisplay(`a${String.fromCharCode(code)}b`);
      assert.equal(shown, `a\\u${code.toString(16).toUpperCase()}b`);
    }
  });
  test('C0 and C1 controls become \\xHH; tab and newline stay in multi-line text', () => {
    assert.equal(neutralizeDisplay('\x1b[31mred\x07\x00'), '\\x1b[31mred\\x07\\x00');
    assert.equal(neutralizeDisplay('a\x9bb\x7f'), 'a\\x9bb\\x7f');
    assert.equal(neutralizeDisplay('line 1\n\tline 2'), 'line 1\n\tline 2');
    assert.equal(neutralizeDisplay('over\rwrite'), 'over\\x0dwrite');
    assert.equal(neutralizeDisplay('windows line\r\nnext'), 'windows line\nnext', 'a CRLF ending is a line break');
    assert.equal(neutralizeDisplay('a\r\nb', { multiline: false }), 'a\\x0d\\nb');
  });
  test('single-line fields show newlines and tabs too', () => {
    assert.equal(neutralizeDisplay('pod\nFAKE LINE', { multiline: false }), 'pod\\nFAKE LINE');
  });
  test('zero-width characters inside names are shown', () => {
    assert.equal(neutralizeDisplay('api\u200Bserver'), 'api\\u200Bserver');
    assert.equal(neutralizeDisplay('\uFEFFapi\u2060x\u200D'), '\\uFEFFapi\\u2060x\\u200D');
  });
  test('ordinary text, accents, emoji and CJK pass unchanged', () => {
    const text = 'café ✓ 日本語 😀 — “quoted” · tabs\tand\nnewlines';
    assert.equal(neutralizeDisplay(text), text);
  });
  test('lone surrogates and tag characters are shown, pairs pass', () => {
    assert.equal(neutralizeDisplay('a\uD800b'), 'a\\uD800b');
    assert.equal(neutralizeDisplay('x\u{E0041}y'), 'x\\u{E0041}y');
  });
  test('the output never holds a display-unsafe character (fast-check)', () => {
    const unsafe = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\u2060\ufeff]/;
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => assert.ok(!unsafe.test(neutralizeDisplay(text)))),
      { numRuns: 300 },
    );
  });
});

describe('displaySafeJson', () => {
  test('escapes what JSON.stringify leaves raw, and parses back to the same value', () => {
    const value = { name: 'a\u202Eb', note: 'x\u200By\u0085z', plain: 'ok' };
    const json = displaySafeJson(JSON.stringify(value));
    assert.ok(!/[\u202E\u200B\u0085]/.test(json));
    assert.deepEqual(JSON.parse(json), value);
  });
});

describe('clipLines and sanitizeOutgoing', () => {
  test('lines longer than the bound are cut and marked; others are untouched', () => {
    const long = 'x'.repeat(MAX_LINE_LENGTH + 10);
    const out = clipLines(`short\n${long}\nend`).split('\n');
    assert.equal(out[0], 'short');
    assert.ok((out[1] as string).length < MAX_LINE_LENGTH + 20 && (out[1] as string).endsWith('[line cut]'));
    assert.equal(out[2], 'end');
  });
  test('the one exit redacts and neutralises', () => {
    const out = sanitizeOutgoing('DB_PASSWORD=hunter2 \u202Eevil');
    assert.equal(out, 'DB_PASSWORD=[REDACTED] \\u202Eevil');
  });
});
