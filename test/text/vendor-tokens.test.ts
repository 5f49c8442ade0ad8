import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BOUNDARY, VENDOR_GROUP_SOURCES, VENDOR_TOKENS } from '../../src/text/vendor-tokens.ts';

test('every vendor shape starts behind the shared look-behind (the groups strip it once)', () => {
  for (const pattern of VENDOR_TOKENS) assert.ok(pattern.source.startsWith(BOUNDARY), pattern.source);
});

test('the composed groups hold every vendor shape exactly once', () => {
  const inner = VENDOR_TOKENS.map((p) => p.source.slice(BOUNDARY.length));
  const joined = VENDOR_GROUP_SOURCES.join('\n');
  for (const source of inner) assert.ok(joined.includes(source), source);
  assert.equal(VENDOR_GROUP_SOURCES.reduce((n, group) => n + group.split('|').length, 0) >= inner.length, true);
});
