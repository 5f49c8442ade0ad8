import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { jsonErrorLocation, jsonErrorOffset } from '../../src/cli/json-error.ts';

test('valid JSON has no error offset', () => {
  for (const text of ['{}', '[]', ' [1, -2.5e3, "a\\u00e9\\n", true, false, null, {"k": [{}]}] ', '"x"', '0']) {
    assert.equal(jsonErrorOffset(text), -1, text);
  }
});

test('points at the first offending character', () => {
  assert.deepEqual(jsonErrorLocation('[\n  1,\n  2,,\n]'), { offset: 11, line: 3, column: 5, found: '","' });
  assert.deepEqual(jsonErrorLocation('{"a": 1'), { offset: 7, line: 1, column: 8, found: 'end of input' });
  assert.equal(jsonErrorLocation('{a: 1}')?.column, 2);
  assert.equal(jsonErrorLocation('["tab\there"]')?.column, 6);
  assert.equal(jsonErrorLocation('[1] x')?.column, 5);
  assert.equal(jsonErrorLocation('["\\q"]')?.column, 4);
  assert.equal(jsonErrorLocation('[01]')?.column, 3);
  assert.deepEqual(jsonErrorLocation(''), { offset: 0, line: 1, column: 1, found: 'end of input' });
});

test('agrees with JSON.parse on what is valid', () => {
  fc.assert(
    fc.property(fc.oneof(fc.json(), fc.string()), (text) => {
      let valid = true;
      try {
        JSON.parse(text);
      } catch {
        valid = false;
      }
      assert.equal(jsonErrorOffset(text) === -1, valid, text);
    }),
    { numRuns: 300 },
  );
});

test('nesting too deep to scan gives no location rather than a crash', () => {
  assert.equal(jsonErrorOffset('['.repeat(200_000)), -1);
});
