import { runtimeVersionMismatch } from '../../../src/diagnosis/rules/runtime-version-mismatch.ts';
import { ruleTable } from './helpers.ts';

// The banner-and-field readings of runtime-version-source-echo.ts: a config field that a later release added,
// refused by an image whose start banner prints an older release. The same refusal on a release that has the
// field is a misplaced key (bad_config), so the negatives keep the error and change only the banner.
ruleTable(runtimeVersionMismatch, 'runtime_version_mismatch', {
  positives: [
    {
      name: 'readonly promoted properties (PHP 8.1) echoed by Symfony under a PHP 8.0 parse error',
      log: 'PHP Parse error:  syntax error, unexpected identifier "string", expecting variable in /srv/app/src/Dto/Customer.php on line 9\n\nIn Customer.php line 9:\n\n  9 |         public readonly string $email,\n\n  syntax error, unexpected identifier "string", expecting variable',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a backed enum on a PHP 7.4 image (T_STRING wording)',
      log: "PHP Parse error:  syntax error, unexpected 'Suit' (T_STRING) in /var/www/html/src/Suit.php on line 4\n  Source:  enum Suit: string\n  Stack trace: #0 {main}",
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'inhibit rules with source_matchers on an Alertmanager 0.20 image',
      log: 'level=info ts=2023-05-02T11:02:44.118Z caller=main.go:231 msg="Starting Alertmanager" version="(version=0.20.0, branch=HEAD, revision=f74be0400a6243d10bb53812d6fa408ad71ff32d)"\nlevel=error ts=2023-05-02T11:02:44.121Z caller=coordinator.go:124 component=configuration msg="Loading configuration file failed" file=/etc/alertmanager/alertmanager.yml err="yaml: unmarshal errors:\\n  line 48: field source_matchers not found in type config.plain\\n  line 50: field target_matchers not found in type config.plain"',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a scrape job with an authorization block on a Prometheus 2.24 image',
      log: 'level=info ts=2023-09-14T08:10:01.552Z caller=main.go:366 msg="Starting Prometheus" version="(version=2.24.1, branch=HEAD, revision=e4487274853c587717006eeda8804e597d120340)"\nlevel=error ts=2023-09-14T08:10:01.560Z caller=main.go:941 msg="Error loading config (--config.file=/etc/prometheus/prometheus.yml)" err="parsing YAML file /etc/prometheus/prometheus.yml: yaml: unmarshal errors:\\n  line 19: field authorization not found in type config.plain"',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'import assertions (assert { type }) that Node.js 22 removed, on a node:22 image',
      log: "file:///srv/bot/lib/settings.mjs:1\nimport schema from './schema.json' assert { type: 'json' };\n                                   ^^^^^^\n\nSyntaxError: Unexpected identifier 'assert'\n    at compileSourceTextModule (node:internal/modules/esm/utils:340:16)\n\nNode.js v22.11.0",
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'import attributes (with { type }) from an esbuild bundle on Node.js 20.9',
      log: "file:///app/server.mjs:14\nimport locales from './locales/en.json' with { type: 'json' };\n                                        ^^^^\n\nSyntaxError: Unexpected token 'with'\n    at ModuleLoader.moduleStrategy (node:internal/modules/esm/translators:168:18)\n\nNode.js v20.9.0",
      exitCode: 1,
      min: 0.75,
    },
  ],
  negatives: [
    {
      name: "an unexpected 'with' outside an import is the code's own syntax error",
      log: "/app/src/report.js:12\n  const with = options.merge;\n        ^^^^\n\nSyntaxError: Unexpected token 'with'\n    at internalCompileFunction (node:internal/vm:76:18)",
      exitCode: 1,
    },
    {
      name: "a PHP typo next to an ordinary class is the code's own bug",
      log: 'PHP Parse error:  syntax error, unexpected identifier "return" in /var/www/html/src/Cart.php on line 18\n  17 |     $total = $this->sum()\n  18 |     return $total;',
      exitCode: 1,
    },
    {
      name: 'an enum declaration the PHP parses fine does not explain an unrelated parse error',
      log: '[2024-05-01 10:00:00] production.ERROR: syntax error, unexpected token "}" at /app/routes/web.php:41\n  enum Status: string { case Draft = \'draft\'; }',
      exitCode: 1,
    },
    {
      name: 'matchers refused by an Alertmanager that has them is a misplaced key, not another release',
      log: 'level=info ts=2024-03-01T10:00:00.000Z caller=main.go:181 msg="Starting Alertmanager" version="(version=0.27.0, branch=HEAD, revision=0aa3c2aad14cff039931923ab16b26b7481783b5)"\nlevel=error ts=2024-03-01T10:00:00.010Z caller=coordinator.go:118 component=configuration msg="Loading configuration file failed" file=/etc/alertmanager/alertmanager.yml err="yaml: unmarshal errors:\\n  line 7: field matchers not found in type config.plain"',
      exitCode: 1,
    },
    {
      name: 'authorization refused by a Prometheus 2.45 is a key put in the wrong block',
      log: 'ts=2023-10-02T09:00:00.000Z caller=main.go:585 level=info msg="Starting Prometheus Server" mode=server version="(version=2.45.0, branch=HEAD, revision=8ef767e396bf8445f009f945b0162fd71827f445)"\nts=2023-10-02T09:00:00.010Z caller=main.go:1231 level=error msg="Error loading config (--config.file=/etc/prometheus/prometheus.yml)" err="parsing YAML file /etc/prometheus/prometheus.yml: yaml: unmarshal errors:\\n  line 4: field authorization not found in type config.plain"',
      exitCode: 1,
    },
  ],
});
