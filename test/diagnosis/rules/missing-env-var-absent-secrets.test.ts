/**
 * missing_env_var readings of missing-env-var-absent-secrets.ts and missing-env-var-ephemeral-server.ts: a
 * secret called empty or undefined, a not-defined property code, a required secret key a config loader lacks,
 * a URL built on an undefined base, and a client that started a temporary server for want of an address.
 * Their look-alikes (a map key, a schema field, a line of a broken file, a database image's own temporary
 * server) are other causes.
 */
import { missingEnvVar } from '../../../src/diagnosis/rules/missing-env-var.ts';
import { ruleTable } from './helpers.ts';

ruleTable(missingEnvVar, 'missing_env_var', {
  positives: [
    {
      name: 'a Node dashboard whose JWT secret is undefined at its start-up check',
      log: '> app@1.1.2 start\n> node server.js\n\nJWT Secret cannot be undefined\nnpm error code 1',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'a Java client refusing a null API key (another product, another wording)',
      log: 'Exception in thread "main" java.lang.IllegalArgumentException: API key cannot be null or empty\n\tat com.acme.mail.MailClient.<init>(MailClient.java:41)',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'a CI runner whose registration token is empty on every retry, then finds no registration file',
      log: 'level=error msg="Invalid input, please re-run the command." error="token is empty"\nWaiting to retry ...\nlevel=error msg="Invalid input, please re-run the command." error="token is empty"\nlevel=error msg="registration file not found, please register the runner first"\nError: open .runner: no such file or directory',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'a workflow server reporting SYSTEM_PROP_NOT_DEFINED for its encryption key',
      log: '{"level":50,"err":{"type":"AppError","message":"SYSTEM_PROP_NOT_DEFINED","error":{"code":"SYSTEM_PROP_NOT_DEFINED","params":{"prop":"ENCRYPTION_KEY"}}},"msg":"[Server] failed to start"}',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a Node config check with an ENV_VAR_NOT_SET code (another product)',
      log: '{"level":"error","err":{"type":"ConfigError","message":"ENV_VAR_NOT_SET"},"msg":"config check failed, exiting"}',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a data-versioning server whose loader lacks its encryption secret key',
      log: 'time="2024-07-09T11:02:44Z" level=fatal msg="Invalid config" error="bad configuration: missing required keys: [auth.encrypt.secret_key]" phase=startup',
      exitCode: 1,
      min: 0.65,
    },
    {
      name: 'a Go server whose viper config lacks the database password (another product)',
      log: 'level=fatal msg="server start failed" error="missing required keys: [database.password session.secret]"',
      exitCode: 1,
      min: 0.65,
    },
    {
      name: 'a Node BFF whose new URL() got an undefined base (the issuer variable was renamed)',
      log: "TypeError: Invalid URL\n    at new URL (node:internal/url:775:36)\n    at discoverIssuer (/app/src/auth/oidc.ts:18:23) {\n  code: 'ERR_INVALID_URL',\n  input: '/.well-known/openid-configuration',\n  base: 'undefined'\n}",
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a Node worker whose URL template began with undefined',
      log: "TypeError [ERR_INVALID_URL]: Invalid URL\n    at new URL (node:internal/url:816:29)\n    at fetchHealth (/app/dist/health.js:9:15) {\n  input: 'undefined/api/v1/health',\n  code: 'ERR_INVALID_URL'\n}",
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a flow-run pod without the server address starts a temporary server and cannot find its run',
      log: '16:02:11.482 | INFO    | prefect - Starting temporary server on http://127.0.0.1:8377\nTraceback (most recent call last):\n  File "/usr/local/lib/python3.11/site-packages/prefect/client/orchestration.py", line 1982, in read_flow_run\n    raise prefect.exceptions.ObjectNotFound(http_exc=e) from e\nprefect.exceptions.ObjectNotFound: None',
      exitCode: 1,
      min: 0.55,
    },
    {
      name: 'a Ray job without RAY_ADDRESS starts a local instance and cannot find the named actor',
      log: '2024-05-02 10:14:03,112 INFO worker.py:1749 -- Started a local Ray instance. View the dashboard at 127.0.0.1:8265\nTraceback (most recent call last):\n  File "/app/ingest.py", line 12, in <module>\n    embedder = ray.get_actor("embedder")\nValueError: Failed to look up actor with name \'embedder\'. This could because 1. You are trying to look up a named actor you didn\'t create.',
      exitCode: 1,
      min: 0.55,
    },
  ],
  negatives: [
    {
      name: 'a null key put into a map is a code bug, not an unset secret',
      log: 'Exception in thread "main" java.lang.IllegalArgumentException: key cannot be null\n\tat com.acme.cache.LruCache.put(LruCache.java:58)',
      exitCode: 1,
    },
    {
      name: 'a GraphQL schema error code about a field is not a property the environment sets',
      log: 'Error: {"errors":[{"message":"Field \\"priceCents\\" is not defined by type Product","extensions":{"code":"FIELD_NOT_DEFINED"}}]}\n    at buildSchema (/app/dist/schema.js:41:11)',
      exitCode: 1,
    },
    {
      name: 'a required key missing at a line of the YAML file is a broken file',
      log: 'Error: error loading config file /etc/app/config.yaml: yaml: line 14: missing required keys: [database.password]',
      exitCode: 1,
    },
    {
      name: "a MySQL image's own temporary server during init is not a client without an address",
      log: "2024-05-02 10:14:03+00:00 [Note] [Entrypoint]: Starting temporary server\n2024-05-02 10:14:05+00:00 [Note] [Entrypoint]: Temporary server started.\nERROR 1146 (42S02) at line 3: Table 'shop.orders' does not exist",
      exitCode: 1,
    },
    {
      name: 'a URL the app could not parse because of a typo in its value',
      log: "TypeError: Invalid URL\n    at new URL (node:internal/url:775:36) {\n  code: 'ERR_INVALID_URL',\n  input: 'htps//auth.example.com'\n}",
      exitCode: 1,
    },
  ],
});
