import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decide, EMPTY_POLICY, matchesPattern, offered, parsePolicy } from '../../src/remediation/policy.ts';

const YAML = `
rules:
  - namespaces: [shop, payments-*]
    actions: [restart-pod, rollout-restart]
    approvers: { users: [U111], groups: [S999] }
    twoPersonApproval: true
  - namespaces: ["*"]
    actions: [restart-pod]
    approvers: { users: [U222] }
`;

describe('parsePolicy', () => {
  test('reads YAML and JSON alike', () => {
    const yaml = parsePolicy(YAML);
    assert.deepEqual(yaml.problems, []);
    const json = parsePolicy(JSON.stringify(yaml.policy));
    assert.deepEqual(json.policy, yaml.policy);
    assert.equal(yaml.policy?.rules[1]?.twoPersonApproval, false);
  });

  test('lists every problem with its path', () => {
    const { policy, problems } = parsePolicy(`
rules:
  - namespaces: [Shop]
    actions: [reboot-node]
    approvers: { users: [alice] }
    twoPersonApproval: yes
  - namespaces: []
    actions: [restart-pod]
    approvers: {}
    extra: 1
`);
    assert.equal(policy, undefined);
    const paths = problems.map((problem) => problem.split(':')[0]);
    for (const path of [
      'rules[0].namespaces[0]',
      'rules[0].actions[0]',
      'rules[0].approvers.users[0]',
      'rules[0].twoPersonApproval',
      'rules[1].namespaces',
      'rules[1].approvers',
      'rules[1]',
    ]) {
      assert.ok(paths.includes(path), `expected a problem at ${path} in ${problems.join(' | ')}`);
    }
  });

  test('missing approvers are named as such, not as a type error', () => {
    const { problems } = parsePolicy('rules:\n  - namespaces: [shop]\n    actions: [restart-pod]\n');
    assert.deepEqual(problems, ['rules[0].approvers: expected approvers: { users: [U...], groups: [S...] }']);
  });

  test('bad YAML names the line', () => {
    assert.match(parsePolicy('rules: [\n  - a: b\n  c').problems[0] ?? '', /not valid YAML/);
  });
});

describe('matchesPattern', () => {
  const cases: [string, string, boolean][] = [
    ['shop', 'shop', true],
    ['shop', 'shopx', false],
    ['payments-*', 'payments-eu', true],
    ['payments-*', 'payments', false],
    ['*', 'anything', true],
    ['*-prod', 'api-prod', true],
    ['a*b*c', 'abc', true],
    ['a*b*c', 'aXbYc', true],
    ['a*b*c', 'acb', false],
    ['ab*ba', 'aba', false],
  ];
  for (const [pattern, name, expected] of cases) {
    test(`${pattern} ~ ${name} = ${expected}`, () => assert.equal(matchesPattern(pattern, name), expected));
  }
});

describe('decide', () => {
  const policy = parsePolicy(YAML).policy ?? EMPTY_POLICY;
  test('no policy: nothing allowed, nothing offered', () => {
    assert.equal(
      decide(EMPTY_POLICY, { action: 'restart-pod', namespace: 'shop', userId: 'U111', userGroups: [] }).allowed,
      false,
    );
    assert.equal(offered(EMPTY_POLICY, { action: 'restart-pod', namespace: 'shop' }), undefined);
  });
  test('approver by user id, two-person from the first matching rule', () => {
    const decision = decide(policy, {
      action: 'rollout-restart',
      namespace: 'payments-eu',
      userId: 'U111',
      userGroups: [],
    });
    assert.deepEqual(decision.allowed && decision.twoPerson, true);
  });
  test('approver through a group', () => {
    assert.equal(
      decide(policy, { action: 'restart-pod', namespace: 'shop', userId: 'U333', userGroups: ['S999'] }).allowed,
      true,
    );
  });
  test('first match wins: the catch-all does not widen shop', () => {
    const decision = decide(policy, { action: 'restart-pod', namespace: 'shop', userId: 'U222', userGroups: [] });
    assert.equal(decision.allowed, false);
    assert.match(decision.allowed ? '' : decision.reason, /not an approver/);
  });
  test('action not in the rule', () => {
    const decision = decide(policy, { action: 'rollout-restart', namespace: 'other', userId: 'U222', userGroups: [] });
    assert.match(decision.allowed ? '' : decision.reason, /does not allow rollout-restart/);
  });
  test('channels restrict where actions are offered', () => {
    const restricted = parsePolicy(
      `rules: [{ namespaces: [shop], actions: [restart-pod], approvers: { users: [U1A] }, channels: [C0OPS] }]`,
    ).policy;
    assert.ok(restricted);
    assert.ok(offered(restricted, { action: 'restart-pod', namespace: 'shop', channel: 'C0OPS' }));
    assert.equal(offered(restricted, { action: 'restart-pod', namespace: 'shop', channel: 'C0DEV' }), undefined);
  });
});
