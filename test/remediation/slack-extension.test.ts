import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parsePolicy } from '../../src/remediation/policy.ts';
import { recoveryNamespaces } from '../../src/remediation/slack-extension.ts';

test('recovery looks in literal policy namespaces and in mapped namespaces a policy pattern covers', () => {
  const { policy } = parsePolicy(`
rules:
  - namespaces: [shop, payments-*]
    actions: [restart-pod]
    approvers: { users: [UALICE] }
`);
  assert.ok(policy);
  assert.deepEqual(
    recoveryNamespaces(policy, {
      defaultNamespaces: ['*'],
      channels: { C1: ['payments-eu', 'data'], C2: ['payments-us', 'shop'] },
    }),
    ['shop', 'payments-eu', 'payments-us'],
  );
  assert.deepEqual(recoveryNamespaces(policy), ['shop']);
});
