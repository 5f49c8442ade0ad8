import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { describeSettings, loadConfig, SERVICE_ACCOUNT_NAMESPACE_FILE } from '../src/config.ts';
import { parseDuration } from '../src/config/duration.ts';
import { isExitcodeError } from '../src/errors.ts';

const BASE = {
  SLACK_BOT_TOKEN: 'xoxb-1111-2222-abcdefSECRETbot',
  SLACK_SIGNING_SECRET: 'signing-SECRET-0123456789abcdef',
  EXITCODE_NAMESPACES: 'shop,payments',
};

const noFile = (path: string): string => {
  throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
};

/** Runs loadConfig expecting failure; returns the problem lines. */
const problemsOf = (env: Record<string, string | undefined>, readFile = noFile): string[] => {
  try {
    loadConfig(env, readFile);
  } catch (error) {
    assert.ok(isExitcodeError(error));
    assert.equal(error.code, 'config_invalid');
    const lines = error.message.split('\n').slice(1);
    assert.deepEqual(
      error.details.problems,
      lines.map((line) => line.replace(/^ {2}- /, '')),
    );
    return error.details.problems as string[];
  }
  assert.fail('expected loadConfig to throw');
};

describe('loadConfig', () => {
  test('defaults for a minimal HTTP-mode setup', () => {
    const config = loadConfig(BASE, noFile);
    assert.equal(config.slack.port, 3000);
    assert.equal(config.slack.appToken, undefined);
    assert.deepEqual(config.access, { defaultNamespaces: ['shop', 'payments'], channels: {} });
    assert.equal(config.remediation.policyFile, undefined);
    assert.equal(config.remediation.actionTtlMs, 15 * 60_000);
    assert.equal(config.explain.enabled, false);
    assert.equal(config.explain.mode, 'off');
    assert.equal(config.explain.model, 'gpt-4o-mini');
    assert.equal(config.explain.threshold, 0.6);
    assert.equal(config.scanner.schedule, undefined);
    assert.equal(config.log.level, 'info');
  });

  test('the action secret is derived from, but not equal to, the signing secret, and stable', () => {
    const a = loadConfig(BASE, noFile).remediation.actionSecret;
    const b = loadConfig(BASE, noFile).remediation.actionSecret;
    assert.equal(a, b);
    assert.notEqual(a, BASE.SLACK_SIGNING_SECRET);
    assert.ok(!a.includes(BASE.SLACK_SIGNING_SECRET));
    const other = loadConfig({ ...BASE, SLACK_SIGNING_SECRET: 'another-secret' }, noFile).remediation.actionSecret;
    assert.notEqual(a, other);
    const explicit = 'k'.repeat(40);
    assert.equal(loadConfig({ ...BASE, EXITCODE_ACTION_SECRET: explicit }, noFile).remediation.actionSecret, explicit);
  });

  test('every setting parsed into its typed section', () => {
    const config = loadConfig(
      {
        ...BASE,
        SLACK_APP_TOKEN: 'xapp-1-A1-secret',
        SLACK_API_URL: 'http://127.0.0.1:9999/api',
        PORT: '8080',
        KUBECONFIG: '/etc/kube/config',
        EXITCODE_KUBE_CONTEXT: 'prod',
        EXITCODE_CLUSTER_NAME: 'prod-eu',
        EXITCODE_NAMESPACES: '*',
        EXITCODE_POLICY_FILE: '/etc/exitcode/policy.yaml',
        EXITCODE_ACTION_TTL: '900s',
        OPENAI_API_KEY: 'sk-test',
        OPENAI_BASE_URL: 'http://ollama:11434/v1',
        EXITCODE_MODEL: 'llama3',
        EXITCODE_EXPLAIN_MODE: 'auto',
        EXITCODE_EXPLAIN_THRESHOLD: '0.4',
        EXITCODE_EXPLAIN_ANONYMIZE: 'true',
        EXITCODE_EXPLAIN_CACHE_TTL: '2h',
        EXITCODE_EXPLAIN_MAX_TOKENS: '500',
        EXITCODE_EXPLAIN_TIMEOUT: '20s',
        EXITCODE_SCAN_SCHEDULE: '*/5 * * * *',
        EXITCODE_SCAN_CHANNEL: 'C0123ABCD',
        LOG_LEVEL: 'debug',
      },
      (path) =>
        path === '/etc/exitcode/policy.yaml'
          ? 'rules:\n  - namespaces: [shop]\n    actions: [restart-pod]\n    approvers: { users: [U0123ABCD] }\n'
          : noFile(path),
    );
    assert.equal(config.slack.appToken, 'xapp-1-A1-secret');
    assert.equal(config.slack.apiUrl, 'http://127.0.0.1:9999/api/');
    assert.equal(config.slack.port, 8080);
    assert.deepEqual(config.kube, { kubeconfigPath: '/etc/kube/config', context: 'prod', clusterName: 'prod-eu' });
    assert.deepEqual(config.access.defaultNamespaces, ['*']);
    assert.equal(config.remediation.actionTtlMs, 900_000);
    assert.deepEqual(config.explain, {
      enabled: true,
      mode: 'auto',
      apiKey: 'sk-test',
      baseUrl: 'http://ollama:11434/v1',
      model: 'llama3',
      threshold: 0.4,
      anonymize: true,
      cacheTtlMs: 7_200_000,
      maxTokens: 500,
      timeoutMs: 20_000,
    });
    assert.deepEqual(config.scanner, {
      schedule: '*/5 * * * *',
      channel: 'C0123ABCD',
      leaseNamespace: 'exitcode',
      minRestarts: 3,
      resolveAfterMs: 600_000,
      reopenWithinMs: 3_600_000,
      ignoreNamespaces: [],
      ignoreSelectors: [],
    });
    assert.equal(config.log.level, 'debug');
  });

  test("the scan lease lives in the bot's own namespace: the setting, else the pod's, else exitcode", () => {
    const scanner = { ...BASE, EXITCODE_SCAN_SCHEDULE: '*/5 * * * *', EXITCODE_SCAN_CHANNEL: 'C0123ABCD' };
    const read: string[] = [];
    const inPod = (path: string): string => {
      read.push(path);
      if (path === SERVICE_ACCOUNT_NAMESPACE_FILE) return 'ops-tools\n';
      return noFile(path);
    };
    assert.equal(loadConfig(scanner, inPod).scanner.leaseNamespace, 'ops-tools');
    assert.deepEqual(read, [SERVICE_ACCOUNT_NAMESPACE_FILE]);
    assert.equal(
      loadConfig({ ...scanner, EXITCODE_SCAN_LEASE_NAMESPACE: 'bots' }, inPod).scanner.leaseNamespace,
      'bots',
    );
    assert.equal(loadConfig(scanner, noFile).scanner.leaseNamespace, 'exitcode', 'outside a cluster');
    read.length = 0;
    assert.equal(loadConfig(BASE, inPod).scanner.leaseNamespace, 'exitcode');
    assert.deepEqual(read, [], 'not read when the scanner is off');
    assert.deepEqual(problemsOf({ ...scanner, EXITCODE_SCAN_LEASE_NAMESPACE: 'Not_A_Namespace' }), [
      'EXITCODE_SCAN_LEASE_NAMESPACE: expected a namespace name (lower-case letters, digits, "-"), normally the bot\'s own namespace',
    ]);
  });

  test('an API key alone turns explanations on, on request', () => {
    const config = loadConfig({ ...BASE, OPENAI_API_KEY: 'sk-x' }, noFile);
    assert.equal(config.explain.mode, 'on-request');
    assert.equal(config.explain.enabled, true);
    assert.equal(
      loadConfig({ ...BASE, OPENAI_API_KEY: 'sk-x', EXITCODE_EXPLAIN_MODE: 'off' }, noFile).explain.enabled,
      false,
    );
  });

  test('lists every problem at once, one line per variable, and never echoes a value', () => {
    const secretish = {
      SLACK_BOT_TOKEN: 'xoxp-USER-TOKEN-SHOULD-NOT-LEAK',
      SLACK_APP_TOKEN: 'xoxb-WRONG-KIND-SHOULD-NOT-LEAK',
      SLACK_API_URL: 'ftp://nope-SHOULD-NOT-LEAK',
      PORT: '99999',
      EXITCODE_NAMESPACES: 'Shop,../etc',
      EXITCODE_ACTION_TTL: 'soon',
      EXITCODE_ACTION_SECRET: 'short-SHOULD-NOT-LEAK',
      EXITCODE_EXPLAIN_MODE: 'always',
      EXITCODE_EXPLAIN_THRESHOLD: '1.5',
      EXITCODE_EXPLAIN_ANONYMIZE: 'maybe',
      EXITCODE_EXPLAIN_MAX_TOKENS: 'lots',
      EXITCODE_SCAN_SCHEDULE: 'every tuesday',
      LOG_LEVEL: 'loud',
    };
    const problems = problemsOf(secretish);
    const named = problems.map((line) => line.slice(0, line.indexOf(':')));
    assert.deepEqual(
      new Set(named),
      new Set([
        'SLACK_BOT_TOKEN',
        'SLACK_SIGNING_SECRET',
        'SLACK_APP_TOKEN',
        'SLACK_API_URL',
        'PORT',
        'EXITCODE_NAMESPACES',
        'EXITCODE_ACTION_TTL',
        'EXITCODE_ACTION_SECRET',
        'EXITCODE_EXPLAIN_MODE',
        'EXITCODE_EXPLAIN_THRESHOLD',
        'EXITCODE_EXPLAIN_ANONYMIZE',
        'EXITCODE_EXPLAIN_MAX_TOKENS',
        'EXITCODE_SCAN_SCHEDULE',
        'EXITCODE_SCAN_CHANNEL',
        'LOG_LEVEL',
      ]),
    );
    assert.equal(named.length, new Set(named).size, 'one line per variable');
    const text = problems.join('\n');
    assert.ok(!text.includes('SHOULD-NOT-LEAK'));
    assert.match(
      text,
      /SLACK_SIGNING_SECRET: required \(the Signing Secret from your Slack app's Basic Information page\)/,
    );
  });

  test('an Alertmanager token needs the scanner, whose incidents alerts open (else every alert would get 503)', () => {
    const token = { ...BASE, EXITCODE_ALERTMANAGER_TOKEN: 'am-token-0123456789abcdef' };
    assert.deepEqual(
      problemsOf(token).map((line) => line.split(':')[0]),
      ['EXITCODE_ALERTMANAGER_TOKEN'],
    );
    assert.match(problemsOf(token)[0] ?? '', /EXITCODE_SCAN_SCHEDULE and EXITCODE_SCAN_CHANNEL/);
    const withScanner = { ...token, EXITCODE_SCAN_SCHEDULE: '*/5 * * * *', EXITCODE_SCAN_CHANNEL: 'C0123ABCD' };
    assert.equal(loadConfig(withScanner, noFile).alertmanager.token, 'am-token-0123456789abcdef');
  });

  test('EXITCODE_NAMESPACES is required unless a config file decides', () => {
    const { EXITCODE_NAMESPACES: _, ...rest } = BASE;
    assert.deepEqual(
      problemsOf(rest).map((line) => line.split(':')[0]),
      ['EXITCODE_NAMESPACES'],
    );
    const config = loadConfig({ ...rest, EXITCODE_CONFIG: '/cfg.yaml' }, () => 'channels:\n  C0SHOP1: [shop]\n');
    assert.deepEqual(config.access, { defaultNamespaces: [], channels: { C0SHOP1: ['shop'] } });
  });

  test('an empty value counts as unset', () => {
    assert.deepEqual(
      problemsOf({ ...BASE, SLACK_SIGNING_SECRET: '  ' }).map((l) => l.split(':')[0]),
      ['SLACK_SIGNING_SECRET'],
    );
    assert.equal(loadConfig({ ...BASE, SLACK_APP_TOKEN: '' }, noFile).slack.appToken, undefined);
  });

  test("config file: channel mapping in YAML or JSON; the variable overrides the file's namespaces", () => {
    const file = 'namespaces: [default]\nchannels:\n  C0SHOP1: [shop, payments]\n  G0OPS22: ["*"]\n';
    const { EXITCODE_NAMESPACES: _unset, ...withoutVariable } = BASE;
    const yaml = loadConfig({ ...withoutVariable, EXITCODE_CONFIG: '/c.yaml' }, (path) => {
      assert.equal(path, '/c.yaml');
      return file;
    });
    assert.deepEqual(yaml.access, {
      defaultNamespaces: ['default'],
      channels: { C0SHOP1: ['shop', 'payments'], G0OPS22: ['*'] },
    });
    const overridden = loadConfig({ ...BASE, EXITCODE_NAMESPACES: 'shop', EXITCODE_CONFIG: '/c.yaml' }, () => file);
    assert.deepEqual(overridden.access.defaultNamespaces, ['shop']);
    assert.deepEqual(overridden.access.channels.C0SHOP1, ['shop', 'payments'], "the channel mapping stays the file's");
    const json = loadConfig({ ...BASE, EXITCODE_CONFIG: '/c.json' }, () => '{"channels":{"C0SHOP1":["shop"]}}');
    assert.deepEqual(json.access, { defaultNamespaces: ['shop', 'payments'], channels: { C0SHOP1: ['shop'] } });
  });

  test('every setting in the schema is described, and secrets are marked as such', () => {
    const settings = describeSettings();
    assert.ok(settings.length >= 20);
    for (const setting of settings) {
      assert.ok(!setting.description.startsWith('(undocumented'), `${setting.name} has no description`);
      assert.ok(setting.description.length > 10, setting.name);
    }
    const secrets = settings.filter((s) => s.secret).map((s) => s.name);
    for (const name of [
      'SLACK_BOT_TOKEN',
      'SLACK_SIGNING_SECRET',
      'SLACK_APP_TOKEN',
      'OPENAI_API_KEY',
      'EXITCODE_ACTION_SECRET',
    ]) {
      assert.ok(secrets.includes(name), `${name} is a secret`);
    }
    assert.equal(settings.find((s) => s.name === 'PORT')?.default, '3000');
  });

  test('in-cluster target from the variables Kubernetes sets; KUBECONFIG is kept for the connection to prefer', () => {
    const config = loadConfig(
      { ...BASE, KUBERNETES_SERVICE_HOST: '10.0.0.1', KUBERNETES_SERVICE_PORT: '6443' },
      noFile,
    );
    assert.deepEqual(config.kube.inCluster, { host: '10.0.0.1', port: '6443' });
    assert.equal(loadConfig(BASE, noFile).kube.inCluster, undefined);
    assert.equal(loadConfig({ ...BASE, KUBECONFIG: '/k/a:/k/b' }, noFile).kube.kubeconfigPath, '/k/a:/k/b');
  });

  test('config file errors name the file and the path of every problem', () => {
    const problems = problemsOf({ ...BASE, EXITCODE_CONFIG: '/etc/exitcode/config.yaml' }, () =>
      ['channels:', '  general: [shop]', '  C0SHOP1: [shop, Bad_Name]', '  C0OPS11: shop', 'extra: 1'].join('\n'),
    );
    assert.deepEqual(problems, [
      'EXITCODE_CONFIG (/etc/exitcode/config.yaml) channels.general: expected a Slack channel ID such as C0123ABCD (not a #name)',
      'EXITCODE_CONFIG (/etc/exitcode/config.yaml) channels.C0SHOP1[1]: expected a namespace name (lower-case letters, digits and "-") or "*"',
      'EXITCODE_CONFIG (/etc/exitcode/config.yaml) channels.C0OPS11: expected a list of namespace names',
      'EXITCODE_CONFIG (/etc/exitcode/config.yaml) (top level): unknown key (extra)',
    ]);
  });

  test('config file unreadable or not YAML', () => {
    assert.deepEqual(problemsOf({ ...BASE, EXITCODE_CONFIG: '/missing.yaml' }), [
      'EXITCODE_CONFIG: cannot read /missing.yaml (ENOENT); check the path and that it is mounted',
    ]);
    const [line] = problemsOf({ ...BASE, EXITCODE_CONFIG: '/bad.yaml' }, () => 'channels: [\n');
    assert.match(line ?? '', /^EXITCODE_CONFIG \(\/bad\.yaml\) not valid YAML or JSON/);
  });

  test('the remediation policy is validated with every other setting, its problems listed together', () => {
    const policyText = ['rules:', '  - namespaces: 3', '    actions: [nuke]'].join('\n');
    const problems = problemsOf(
      { ...BASE, SLACK_SIGNING_SECRET: undefined, EXITCODE_POLICY_FILE: '/etc/exitcode/policy.yaml' },
      () => policyText,
    );
    assert.equal(
      problems[0],
      "SLACK_SIGNING_SECRET: required (the Signing Secret from your Slack app's Basic Information page)",
    );
    const policyProblems = problems.filter((p) => p.startsWith('EXITCODE_POLICY_FILE (/etc/exitcode/policy.yaml) '));
    assert.ok(
      policyProblems.some((p) => p.includes('rules[0].namespaces')),
      problems.join('\n'),
    );
    assert.ok(
      policyProblems.some((p) => p.includes('rules[0].actions[0]')),
      problems.join('\n'),
    );
    assert.deepEqual(problemsOf({ ...BASE, EXITCODE_POLICY_FILE: '/missing-policy.yaml' }), [
      'EXITCODE_POLICY_FILE: cannot read /missing-policy.yaml (ENOENT); check the path and that it is mounted',
    ]);
    const valid = [
      'rules:',
      '  - namespaces: [shop]',
      '    actions: [restart-pod]',
      '    approvers: { users: [U0123ABCD] }',
    ];
    const config = loadConfig({ ...BASE, EXITCODE_POLICY_FILE: '/p.yaml' }, () => valid.join('\n'));
    assert.equal(config.remediation.policy?.rules[0]?.namespaces[0], 'shop');
  });
});

describe('parseDuration', () => {
  const cases: [string, number | undefined][] = [
    ['15m', 900_000],
    ['900s', 900_000],
    ['900', 900_000],
    ['250ms', 250],
    ['1h', 3_600_000],
    ['1.5m', 90_000],
    ['soon', undefined],
    ['-5s', undefined],
    ['', undefined],
    ['5 weeks', undefined],
  ];
  for (const [text, ms] of cases) test(`${JSON.stringify(text)} -> ${ms}`, () => assert.equal(parseDuration(text), ms));
});

test('the README configuration table lists every setting of the schema', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const table = new Set([...readme.matchAll(/^\| `([A-Z0-9_]+)` \|/gm)].map((m) => m[1]));
  for (const { name } of describeSettings()) assert.ok(table.has(name), `${name} is in the README table`);
});
