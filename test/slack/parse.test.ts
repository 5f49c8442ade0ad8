import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseLogsArgs, parseMention, parseSlashCommand } from '../../src/slack/parse.ts';

describe('parseSlashCommand', () => {
  test('a thread verb is never looked up as a pod, unless named with a namespace or a kind', () => {
    for (const verb of ['logs', 'summary', 'restart', 'explain']) {
      const parsed = parseSlashCommand(verb);
      assert.equal(parsed.kind, 'invalid');
      assert.match(parsed.kind === 'invalid' ? parsed.reason : '', new RegExp(`@exitcode ${verb}`));
    }
    assert.deepEqual(parseSlashCommand('logs -n shop'), { kind: 'diagnose', target: 'logs', namespace: 'shop' });
    assert.deepEqual(parseSlashCommand('deploy/logs'), { kind: 'diagnose', target: 'deploy/logs' });
  });
  const cases: [string, unknown][] = [
    ['checkout-7f9c6', { kind: 'diagnose', target: 'checkout-7f9c6' }],
    ['  shop/checkout-7f9c6  ', { kind: 'diagnose', namespace: 'shop', target: 'checkout-7f9c6' }],
    [
      'checkout-7f9c6 -n shop -c app',
      { kind: 'diagnose', namespace: 'shop', target: 'checkout-7f9c6', container: 'app' },
    ],
    [
      '--namespace=shop --container=app checkout-7f9c6',
      { kind: 'diagnose', namespace: 'shop', target: 'checkout-7f9c6', container: 'app' },
    ],
    ['deploy/checkout', { kind: 'diagnose', target: 'deploy/checkout' }],
    ['deployment/checkout -n shop', { kind: 'diagnose', namespace: 'shop', target: 'deploy/checkout' }],
    ['sts/db', { kind: 'diagnose', target: 'sts/db' }],
    ['shop/deploy/checkout', { kind: 'diagnose', namespace: 'shop', target: 'deploy/checkout' }],
    ['pod/api-1', { kind: 'diagnose', target: 'api-1' }],
    ['help', { kind: 'help' }],
    ['HELP', { kind: 'help' }],
  ];
  for (const [text, expected] of cases) {
    test(`"${text}"`, () => assert.deepEqual(parseSlashCommand(text), expected));
  }

  const invalid = [
    '',
    'a b',
    'Checkout',
    'api -n',
    'api -x y',
    'shop/',
    '../etc/passwd',
    'a/b/c/d',
    'ns/foo/bar',
    'api -n Bad_NS',
    'shop/api -n other',
    'api -c UPPER',
  ];
  for (const text of invalid) {
    test(`invalid: "${text}"`, () => assert.equal(parseSlashCommand(text).kind, 'invalid'));
  }

  test('names longer than Kubernetes allows are refused', () => {
    assert.equal(parseSlashCommand(`${'a'.repeat(64)}/pod-1`).kind, 'invalid');
    assert.equal(parseSlashCommand('a'.repeat(254)).kind, 'invalid');
  });
});

describe('parseMention', () => {
  test('a pod after the mention', () => {
    assert.deepEqual(parseMention('<@U123> checkout-7f9c6'), { kind: 'diagnose', target: 'checkout-7f9c6' });
  });
  test('a sentence naming a pod', () => {
    assert.deepEqual(parseMention('<@U123> why does checkout-7f9c6 keep dying?'), {
      kind: 'diagnose',
      target: 'checkout-7f9c6',
    });
    assert.deepEqual(parseMention('hey <@U123>, what happened to `api-5d8f7b9c4-qwrtz`?'), {
      kind: 'diagnose',
      target: 'api-5d8f7b9c4-qwrtz',
    });
  });
  test('a sentence naming ns/pod or a workload', () => {
    assert.deepEqual(parseMention('<@U1> look at shop/checkout-7f9c6 please'), {
      kind: 'diagnose',
      namespace: 'shop',
      target: 'checkout-7f9c6',
    });
    assert.deepEqual(parseMention('<@U1> is deploy/checkout broken again?'), {
      kind: 'diagnose',
      target: 'deploy/checkout',
    });
  });
  test('generated suffixes without digits still count', () => {
    assert.deepEqual(parseMention('<@U1> did checkout-xbzqw crash?'), { kind: 'diagnose', target: 'checkout-xbzqw' });
  });
  test('words with dashes but no hash are not pods', () => {
    assert.deepEqual(parseMention('<@U1> why does it keep-dying all the time?'), { kind: 'none' });
  });
  test('thread verbs, with their arguments', () => {
    assert.deepEqual(parseMention('<@U1> logs 20'), { kind: 'verb', verb: 'logs', args: ['20'] });
    assert.deepEqual(parseMention('<@U1> Events'), { kind: 'verb', verb: 'events', args: [] });
    assert.deepEqual(parseMention('<@U1> rediagnose'), { kind: 'verb', verb: 'rediagnose', args: [] });
    assert.deepEqual(parseMention('<@U1> summary'), { kind: 'verb', verb: 'summary', args: [] });
    assert.deepEqual(parseMention('<@U1> help'), { kind: 'help' });
    assert.deepEqual(parseMention('<@U1>'), { kind: 'help' });
  });
  test('extension verbs only when registered', () => {
    assert.deepEqual(parseMention('<@U1> restart', ['restart']), { kind: 'verb', verb: 'restart', args: [] });
    // Without its extension a verb is still a verb (answered with what enables it), never a pod name.
    assert.deepEqual(parseMention('<@U1> restart'), { kind: 'verb', verb: 'restart', args: [] });
    assert.deepEqual(parseMention('<@U1> explain'), { kind: 'verb', verb: 'explain', args: [] });
  });
  test('a mistyped verb gets did-you-mean; in a thread any lone plain word is a verb attempt', () => {
    assert.deepEqual(parseMention('<@U1> sumary'), { kind: 'unknown_verb', word: 'sumary', suggestions: ['summary'] });
    assert.deepEqual(parseMention('<@U1> restrat', ['restart']), {
      kind: 'unknown_verb',
      word: 'restrat',
      suggestions: ['restart'],
    });
    assert.equal(parseMention('<@U1> frobnicate', [], { inThread: true }).kind, 'unknown_verb');
    // Outside a thread a plain word may be a workload's name, and a pod name is never a verb.
    assert.deepEqual(parseMention('<@U1> redis'), { kind: 'diagnose', target: 'redis' });
    assert.deepEqual(parseMention('<@U1> logs-7f9c6', [], { inThread: true }), {
      kind: 'diagnose',
      target: 'logs-7f9c6',
    });
  });
  test('links Slack made out of dotted names are unwrapped', () => {
    assert.deepEqual(parseMention('<@U1> what about <http://web.v2-7f9c6|web.v2-7f9c6>?'), {
      kind: 'diagnose',
      target: 'web.v2-7f9c6',
    });
  });
  test('flags work in mentions too', () => {
    assert.deepEqual(parseMention('<@U1> api-1 -n shop -c web'), {
      kind: 'diagnose',
      namespace: 'shop',
      target: 'api-1',
      container: 'web',
    });
  });
});

test('hostile mention text is parsed in linear time (no catastrophic regex)', () => {
  // Each would take minutes with a quadratic pattern; these finish at once. No timing assertion needed:
  // a regression shows up as a test timeout.
  for (const text of ['<!'.repeat(200_000), `x${'!'.repeat(400_000)}x`, `<@U1> ${'<http://a|'.repeat(50_000)}`]) {
    assert.ok(['none', 'help', 'diagnose'].includes(parseMention(text).kind));
  }
});

describe('parseLogsArgs', () => {
  test('default, number, cap, all, garbage', () => {
    assert.deepEqual(parseLogsArgs([]), { lines: 30 });
    assert.deepEqual(parseLogsArgs(['20']), { lines: 20 });
    assert.deepEqual(parseLogsArgs(['100000']), { lines: 200 });
    assert.deepEqual(parseLogsArgs(['all']), { lines: 'all' });
    assert.ok('error' in parseLogsArgs(['0']));
    assert.ok('error' in parseLogsArgs(['-5']));
    assert.ok('error' in parseLogsArgs(['lots']));
  });
});
