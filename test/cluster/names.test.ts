import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { assertName, isDnsLabel, isDnsSubdomain } from '../../src/cluster/names.ts';
import { ExitcodeError } from '../../src/errors.ts';

describe('DNS-1123 names', () => {
  const valid: Array<[Parameters<typeof assertName>[0], string]> = [
    ['pod', 'api-7f9c6d8b5-x2x9k'],
    ['pod', 'web.v2'],
    ['namespace', 'shop'],
    ['container', 'a'],
    ['pod', 'a'.repeat(63)],
    ['deployment', '0abc'],
  ];
  for (const [kind, value] of valid) {
    test(`accepts ${kind} ${value.slice(0, 20)}`, () => assert.equal(assertName(kind, value), value));
  }

  const invalid: Array<[Parameters<typeof assertName>[0], string]> = [
    ['pod', ''],
    ['pod', '../secrets'],
    ['pod', 'api/log'],
    ['pod', 'Api'],
    ['pod', '-api'],
    ['pod', 'api-'],
    ['pod', 'a..b'],
    ['pod', 'api?x=1'],
    ['pod', 'api%2F..'],
    ['pod', 'a'.repeat(254)],
    ['namespace', 'web.v2'],
    ['namespace', 'a'.repeat(64)],
    ['container', 'my_container'],
    ['pod', 'api\n'],
  ];
  for (const [kind, value] of invalid) {
    test(`rejects ${kind} ${JSON.stringify(value.slice(0, 20))}`, () => {
      assert.throws(
        () => assertName(kind, value),
        (error: unknown) =>
          error instanceof ExitcodeError && error.code === 'invalid_name' && error.message.includes(kind),
      );
    });
  }

  test('no accepted name can leave its path segment', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (value) => {
        if (isDnsSubdomain(value)) {
          assert.doesNotMatch(value, /[/?#%\\\s]|\.\./);
          assert.equal(encodeURIComponent(value), value);
        }
        if (isDnsLabel(value)) assert.doesNotMatch(value, /\./);
      }),
    );
  });
});
