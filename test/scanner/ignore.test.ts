import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadConfig } from '../../src/config.ts';
import { channelForNamespace, isIgnoredBy, matchesSelector, parseLabelSelector } from '../../src/scanner/ignore.ts';

const BASE = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', EXITCODE_NAMESPACES: 'shop' };

describe('ignore rules', () => {
  const selectorCases: { selector: string; labels: Record<string, string>; match: boolean }[] = [
    { selector: 'team=batch', labels: { team: 'batch' }, match: true },
    { selector: 'team==batch', labels: { team: 'web' }, match: false },
    { selector: 'team=batch,tier!=web', labels: { team: 'batch', tier: 'web' }, match: false },
    { selector: 'canary', labels: { canary: '' }, match: true },
    { selector: '!stable', labels: { stable: 'yes' }, match: false },
    { selector: 'app.kubernetes.io/part-of=ops', labels: { 'app.kubernetes.io/part-of': 'ops' }, match: true },
  ];
  for (const c of selectorCases) {
    test(`selector "${c.selector}" on ${JSON.stringify(c.labels)}: ${c.match}`, () => {
      const selector = parseLabelSelector(c.selector);
      assert.ok(selector);
      assert.equal(matchesSelector(selector, c.labels), c.match);
    });
  }

  for (const bad of ['', 'a=b=c', '=x', 'team in (a,b)', '!a=b', 'x'.repeat(1001)]) {
    test(`selector ${JSON.stringify(bad.slice(0, 20))} is refused`, () =>
      assert.equal(parseLabelSelector(bad), undefined));
  }

  test('the annotation, a namespace or a selector ignores a pod', () => {
    const ignored = isIgnoredBy({ namespaces: ['kube-system'], selectors: [parseLabelSelector('team=batch') ?? []] });
    assert.equal(ignored({ namespace: 'shop', labels: {}, annotations: { 'exitcode.io/ignore': 'true' } }), true);
    assert.equal(ignored({ namespace: 'shop', labels: {}, annotations: { 'exitcode.io/ignore': 'false' } }), false);
    assert.equal(ignored({ namespace: 'kube-system', labels: {}, annotations: {} }), true);
    assert.equal(ignored({ namespace: 'shop', labels: { team: 'batch' }, annotations: {} }), true);
    assert.equal(ignored({ namespace: 'shop', labels: { team: 'web' }, annotations: {} }), false);
  });

  test("a namespace's incidents go to the channel mapped to it, else the scan channel", () => {
    const channels = { C0PAY: ['payments'], C0ALL: ['*'] };
    assert.equal(channelForNamespace({ channels, namespace: 'payments', fallback: 'C0SCAN' }), 'C0PAY');
    assert.equal(channelForNamespace({ channels, namespace: 'shop', fallback: 'C0SCAN' }), 'C0SCAN');
  });

  test('scanner settings are read from the environment and bad ones are named', () => {
    const config = loadConfig(
      {
        ...BASE,
        EXITCODE_SCAN_MIN_RESTARTS: '5',
        EXITCODE_SCAN_IGNORE_NAMESPACES: 'kube-system, monitoring',
        EXITCODE_SCAN_IGNORE_SELECTORS: 'team=batch;canary',
        EXITCODE_SCAN_DIGEST: '0 9 * * 1-5',
        EXITCODE_SCAN_SCHEDULE: '*/5 * * * *',
        EXITCODE_SCAN_CHANNEL: 'C0SCAN1',
        EXITCODE_ALERTMANAGER_TOKEN: 'a'.repeat(32),
      },
      () => '',
    );
    assert.equal(config.scanner.minRestarts, 5);
    assert.deepEqual(config.scanner.ignoreNamespaces, ['kube-system', 'monitoring']);
    assert.equal(config.scanner.ignoreSelectors.length, 2);
    assert.equal(config.scanner.digest, '0 9 * * 1-5');
    assert.equal(config.alertmanager.token, 'a'.repeat(32));
    assert.throws(
      () =>
        loadConfig(
          { ...BASE, EXITCODE_SCAN_IGNORE_SELECTORS: 'team in (a)', EXITCODE_ALERTMANAGER_TOKEN: 'short' },
          () => '',
        ),
      (error: Error) =>
        /EXITCODE_SCAN_IGNORE_SELECTORS/.test(error.message) &&
        /EXITCODE_ALERTMANAGER_TOKEN/.test(error.message) &&
        !/short/.test(error.message),
    );
  });
});
