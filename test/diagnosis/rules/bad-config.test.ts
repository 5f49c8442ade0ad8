import { badConfig } from '../../../src/diagnosis/rules/bad-config.ts';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { PodFacts } from '../../../src/diagnosis/types.ts';
import { containerFacts, podFacts, contextFor as podContext } from '../../fixtures/pods.ts';
import { ruleTable } from './helpers.ts';

ruleTable(badConfig, 'bad_config', {
  positives: [
    {
      name: 'redis mangled directive line',
      log: "*** FATAL CONFIG FILE ERROR (Redis 6.2.5) ***\nReading the configuration file, at line 1\n>>> 'unixsocket /run/redis/redis.sock nunixsocketperm 755 ntimeout 0'\nwrong number of arguments",
      min: 0.75,
    },
    {
      name: 'nginx unknown directive',
      log: '2024/01/01 00:00:00 [emerg] 1#1: unknown directive "proxy_passs" in /etc/nginx/conf.d/default.conf:14\nnginx: [emerg] unknown directive "proxy_passs" in /etc/nginx/conf.d/default.conf:14',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'apache syntax error',
      log: "AH00526: Syntax error on line 12 of /usr/local/apache2/conf/httpd.conf:\nInvalid command 'RewriteEngine', perhaps misspelled or defined by a module not included in the server configuration",
      min: 0.8,
    },
    {
      name: 'postgres parameter',
      log: '2024-01-01 00:00:00.000 UTC [1] LOG:  invalid value for parameter "max_connections": "abc"\n2024-01-01 00:00:00.000 UTC [1] FATAL:  configuration file "/etc/postgresql/postgresql.conf" contains errors',
      min: 0.8,
    },
    {
      name: 'yaml in a go app',
      log: 'level=fatal msg="failed to load config" err="yaml: line 7: did not find expected key"',
      min: 0.7,
    },
    {
      name: 'spring property binding',
      log: "***************************\nAPPLICATION FAILED TO START\n***************************\n\nDescription:\n\nFailed to bind properties under 'server.port' to java.lang.Integer:",
      min: 0.75,
    },
    {
      name: 'elasticsearch unknown setting',
      log: 'java.lang.IllegalArgumentException: unknown setting [xpack.security.enabeld] please check that any required plugins are installed',
      min: 0.75,
    },
  ],
  negatives: [
    {
      name: 'nginx host not found is DNS',
      log: '2024/01/01 00:00:00 [emerg] 1#1: host not found in upstream "api:8080" in /etc/nginx/conf.d/default.conf:3',
    },
    { name: 'config loaded fine', log: 'INFO configuration file /etc/app.yaml loaded\nINFO ready' },
  ],
});

describe('bad-config: names the mounted ConfigMap', () => {
  const log = 'nginx: [emerg] unknown directive "proxy_passs" in /etc/nginx/conf.d/default.conf:12';
  const container = containerFacts({
    volumeMounts: [
      { name: 'data', mountPath: '/var/cache/nginx', readOnly: false },
      { name: 'conf', mountPath: '/etc/nginx/conf.d', readOnly: true },
    ],
  });
  const configStep = (volumes: PodFacts['volumes']) =>
    badConfig
      .match(podContext({ container, pod: podFacts({ containers: [container], volumes }), logLines: [log] }))
      ?.nextSteps.find((s) => s.includes('kubectl get configmap'));

  test('a ConfigMap mounted over the config path is named', () => {
    const step = configStep([
      { name: 'data', kind: 'emptyDir' },
      { name: 'conf', kind: 'configMap', source: 'nginx-site' },
    ]);
    assert.ok(step?.includes('kubectl get configmap -n shop nginx-site -o yaml'), step);
  });

  test('the placeholder stays when the path is not on a ConfigMap', () => {
    const step = configStep([{ name: 'conf', kind: 'emptyDir' }]);
    assert.ok(step?.includes('configmap -n shop <name>'), step);
  });
});
