import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isExitcodeError } from '../../src/errors.ts';
import { allowedNamespaces, assertAllowed, isAllowed } from '../../src/slack/access.ts';

const access = { defaultNamespaces: ['shop', 'payments'], channels: { CPAY: ['payments'], CALL: ['*'], CNONE: [] } };

test('a mapped channel gets its list, others the default', () => {
  assert.deepEqual(allowedNamespaces(access, 'CPAY'), ['payments']);
  assert.deepEqual(allowedNamespaces(access, 'COTHER'), ['shop', 'payments']);
  assert.equal(isAllowed(access, 'CPAY', 'shop'), false);
  assert.equal(isAllowed(access, 'COTHER', 'shop'), true);
  assert.equal(isAllowed(access, 'CALL', 'kube-system'), true);
  assert.equal(isAllowed(access, 'CNONE', 'shop'), false);
});

test('a refusal is a not_allowed error naming the namespace and what the channel may query', () => {
  assert.throws(
    () => assertAllowed({ access, channelId: 'CPAY', namespace: 'shop' }),
    (error) =>
      isExitcodeError(error) &&
      error.code === 'not_allowed' &&
      /namespace shop/.test(error.message) &&
      /payments/.test(error.message),
  );
  assert.doesNotThrow(() => assertAllowed({ access, channelId: 'CPAY', namespace: 'payments' }));
  assert.throws(() => assertAllowed({ access, channelId: 'CNONE', namespace: 'shop' }), /may not query any namespace/);
});
