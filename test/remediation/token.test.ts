import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { isExitcodeError } from '../../src/errors.ts';
import { type ActionPayload, MAX_TOKEN_LENGTH, signPayload, verifyPayload } from '../../src/remediation/token.ts';

const SECRET = 'a'.repeat(40);
const NOW = new Date('2026-11-25T12:00:00Z');
const payload: ActionPayload = {
  v: 1,
  s: 'req',
  a: 'restart-pod',
  ns: 'shop',
  pod: 'api-7f9c6-abcde',
  uid: '0b5c7e1e-1111-2222-3333-444455556666',
  kind: 'Deployment',
  wl: 'api',
  exp: NOW.getTime() + 60_000,
  rid: 'abcdefghijkl',
};

const refused = (pattern: RegExp) => (error: unknown) =>
  isExitcodeError(error) && error.code === 'action_refused' && pattern.test(error.message);

describe('button tokens', () => {
  test('round trip and size bound', () => {
    const token = signPayload(payload, SECRET);
    assert.ok(token.length <= MAX_TOKEN_LENGTH);
    assert.deepEqual(verifyPayload(token, { secret: SECRET, now: NOW }), payload);
  });

  test('expired button is refused', () => {
    const token = signPayload(payload, SECRET);
    assert.throws(() => verifyPayload(token, { secret: SECRET, now: new Date(payload.exp) }), refused(/expired/));
  });

  test('bad HMAC (other secret) is refused', () => {
    const token = signPayload(payload, 'b'.repeat(40));
    assert.throws(() => verifyPayload(token, { secret: SECRET, now: NOW }), refused(/altered/));
  });

  test('altered namespace with the old signature is refused', () => {
    const [, signature] = signPayload(payload, SECRET).split('.');
    const body = Buffer.from(JSON.stringify({ ...payload, ns: 'kube-system' })).toString('base64url');
    assert.throws(() => verifyPayload(`${body}.${signature}`, { secret: SECRET, now: NOW }), refused(/altered/));
  });

  test('a signed value with an invalid name is refused (names checked after the signature)', () => {
    const body = Buffer.from(JSON.stringify({ ...payload, pod: '../../nodes/x' })).toString('base64url');
    const signature = createHmac('sha256', SECRET).update(body).digest('base64url');
    assert.throws(() => verifyPayload(`${body}.${signature}`, { secret: SECRET, now: NOW }), refused(/altered/));
  });

  test('any single-character change to a token is refused', () => {
    const token = signPayload(payload, SECRET);
    fc.assert(
      fc.property(fc.nat({ max: token.length - 1 }), fc.constantFrom(...'ABCxyz019-_.'), (at, char) => {
        const changed = `${token.slice(0, at)}${char}${token.slice(at + 1)}`;
        if (changed === token) return true;
        try {
          const result = verifyPayload(changed, { secret: SECRET, now: NOW });
          // base64url may decode two strings to the same bytes in the last char: then nothing changed.
          return JSON.stringify(result) === JSON.stringify(payload);
        } catch (error) {
          return isExitcodeError(error) && error.code === 'action_refused';
        }
      }),
    );
  });
});
