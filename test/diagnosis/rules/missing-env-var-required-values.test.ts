/**
 * The required-value readings of missing-env-var-required-values.ts: a validator, env library or
 * connection builder that says a required value is absent is claimed in other products' words too, and
 * a notice that carries on with a default, a value that is present, or a file that is empty is not.
 */
import { missingEnvVar } from '../../../src/diagnosis/rules/missing-env-var.ts';
import { ruleTable } from './helpers.ts';

ruleTable(missingEnvVar, 'missing_env_var', {
  positives: [
    {
      name: 'an API smoke-test Job whose client was given no base URL at all (another tool than Locust)',
      log: 'Error: No base URL was provided: set it in the config or with --base-url\n    at new ApiClient (/app/dist/client.js:14:13)',
      exitCode: 1,
      min: 0.6,
      best: 'missing_env_var',
    },
    {
      name: 'a Stolon keeper started with no store backend at all (another HA manager than Patroni)',
      log: 'stolon-keeper: error: store backend type required\nUsage:\n  stolon-keeper [flags]',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'a Patroni pod whose DCS variables were dropped, in other words than the batch case',
      log: "2024-06-01 10:00:00,001 CRITICAL: could not find a suitable configuration for the DCS\npatroni.exceptions.PatroniFatalException: 'Can not find suitable configuration of distributed configuration store'",
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'the Kafka Java client started with no bootstrap servers at all',
      log: 'org.apache.kafka.common.config.ConfigException: Missing required configuration "bootstrap.servers" which has no default value.\n\tat org.apache.kafka.common.config.ConfigDef.parseValue(ConfigDef.java:493)',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'a Rust service that panics asking for its config variable in "env var needs to be set" words',
      log: "thread 'main' panicked at src/config.rs:31:9:\nThe APP_SETTINGS_PATH env var needs to be set\nnote: run with `RUST_BACKTRACE=1` environment variable to display a backtrace",
      exitCode: 101,
      min: 0.85,
    },
    {
      name: 'an env library that calls the variable a required environment variable',
      log: 'Error: Invalid environment: DATABASE_URL is a required environment variable\n    at createEnv (/app/node_modules/@t3-oss/env-core/dist/index.js:42:15)',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: "sethvargo/go-envconfig's missing required value",
      log: 'level=error msg="config" err="failed to process config: PaymentsToken: missing required value: PAYMENTS_API_TOKEN"',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: "vrischmann/envconfig's keys not found, for another variable",
      log: 'fatal: envconfig: keys BILLING_API_TOKEN, billing_api_token not found',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a config loader that lists required keys that are missing or empty',
      log: 'ArgumentError: required settings for SmtpSettings are missing or empty: user_name, password',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: "node-config's undefined secret property (a different property and product)",
      log: '/srv/app/node_modules/config/lib/config.js:182\n    throw new Error(\'Configuration property "\' + property + \'" is not defined\');\nError: Configuration property "mail.smtpPassword" is not defined',
      exitCode: 1,
      min: 0.78,
    },
    {
      name: 'an API key for a provider that must not be blank',
      log: "Caused by: java.lang.IllegalArgumentException: API key for provider 'sendgrid' must not be blank",
      exitCode: 1,
      min: 0.78,
    },
    {
      name: 'an image that names the variable it needs, the sentence wrapping before "variable"',
      log: 'ERROR: Please set either the MINIO_ROOT_PASSWORD or\nMINIO_ROOT_PASSWORD_FILE environment variables before starting.',
      exitCode: 1,
      min: 0.78,
    },
    {
      name: "a validator's checklist with a setting read as undefined",
      log: 'Please provide required params for Turso driver:\n    [x] authToken: undefined',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a connection builder given no host',
      log: 'Unhandled exception. System.ArgumentException: Server cannot be empty\n   at MySqlConnector.MySqlConnectionStringBuilder.Validate()',
      exitCode: 134,
      min: 0.78,
    },
    {
      name: 'SQLAlchemy given an empty database URL',
      log: "sqlalchemy.exc.ArgumentError: Could not parse SQLAlchemy URL from string ''",
      exitCode: 1,
      min: 0.68,
    },
    {
      name: 'int() of an f-string whose variable was None',
      log: "    port = int(f\"{os.getenv('REDIS_PORT')}\")\nValueError: invalid literal for int() with base 10: 'None'",
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'a path variable unset or naming no directory: never confident, the directory may be what is missing',
      log: 'ValueError: env PROMETHEUS_MULTIPROC_DIR is not set or not a directory',
      exitCode: 3,
      min: 0.55,
      max: 0.7,
      // The missing_file reading of the same line may win: the rule only has to stay in the running.
      best: false,
    },
    {
      name: 'a variable defaulted at start-up, then a crash on an undefined value: another variable is unset',
      log: [
        '{"level":40,"msg":"SMTP_PORT not set, using default 587"}',
        "TypeError: Cannot read properties of undefined (reading 'toLowerCase')",
        '    at buildTransport (/app/dist/mail/transport.js:12:31)',
      ].join('\n'),
      exitCode: 1,
      min: 0.6,
      max: 0.7,
      // A TypeError on undefined is also app_bug's reading; the two are a toss-up, this one in the running.
      best: false,
    },
    {
      name: 'the source line Node prints reads a secret that is undefined',
      log: [
        '/app/dist/auth/jwt.js:18',
        '  const key = Buffer.from(jwtSecret.trim(), "utf8");',
        '                                   ^',
        "TypeError: Cannot read properties of undefined (reading 'trim')",
      ].join('\n'),
      exitCode: 1,
      min: 0.65,
      // A TypeError on undefined is also app_bug's reading; the two are a toss-up, this one in the running.
      best: false,
    },
    {
      name: 'a server that needs one of two alternative settings and got neither (another product)',
      log: 'level=error ts=2025-02-11T09:12:44Z caller=main.go:88 msg="invalid s3 config" err="either access_key_id or role_arn must be set"',
      exitCode: 1,
      min: 0.65,
      max: 0.8,
    },
    {
      name: 'a storage driver the settings enable that lacks a quoted required setting',
      log: 'time="2025-01-07T08:00:01Z" level=fatal msg="failed to configure storage driver (s3aws): \\"bucket\\" is required"',
      exitCode: 1,
      min: 0.62,
      max: 0.8,
    },
    {
      name: 'a required storage flag the server binds to a variable (another backend)',
      log: 'Missing required flags(s): --storage-google-bucket',
      exitCode: 1,
      min: 0.6,
      max: 0.8,
    },
    {
      name: "urfave/cli's required endpoint flag: a variable-bound flag, but the command is the other reading",
      log: 'Required flag "s3-endpoint" not set',
      exitCode: 1,
      min: 0.6,
      max: 0.8,
      best: false,
    },
  ],
  negatives: [
    {
      name: 'an entrypoint that fills an unset variable with its default carries on (the crash is elsewhere)',
      log: 'BROKER_RACK not set. Setting it to default value: "rack-a"\n===> Launching ...\nERROR Exiting due to fatal exception during startup: /etc/app/server.keystore (No such file or directory)',
      exitCode: 1,
    },
    {
      name: 'a base URL that was given but is malformed is a bad value, not a missing one',
      log: 'TypeError: Invalid base URL: base URL must be an absolute http(s) URL, got "api.internal/v1"',
      exitCode: 1,
    },
    {
      name: 'a configured DCS that is unreachable is not a store that was never configured',
      log: '2024-06-01 10:00:00,001 ERROR: failed to connect to etcd: Failed to get list of machines from http://etcd-0.etcd:2379/v3: MaxRetryError("HTTPConnectionPool(host=\'etcd-0.etcd\', port=2379): Max retries exceeded")\n2024-06-01 10:00:00,002 INFO: waiting on etcd',
      exitCode: 1,
    },
    {
      name: 'a client that waits for at least one broker to come up is not missing its broker list',
      log: 'INFO waiting for at least one broker to become available (brokers=kafka-0.kafka:9092)\nINFO connected to 3 brokers',
      exitCode: 0,
    },
    {
      name: 'one of two settings, but the complaint is that both were set',
      log: 'fatal: only one of token or token_file must be set, not both',
      exitCode: 1,
    },
    {
      name: 'alternative flags of the command are bad_command_args, not variables',
      log: 'Error: either --config or --config-dir must be provided',
      exitCode: 1,
    },
    {
      name: 'a quoted setting that must be set to a particular value is a bad value',
      log: 'invalid configuration: "replication.factor" must be set to 3 for a production cluster',
      exitCode: 1,
    },
    {
      name: 'a required flag that is no deployment value (a port) is the command',
      log: 'Missing required flags(s): --port',
      exitCode: 1,
    },
    {
      name: 'a variable not set that the app replaces with its default is a notice, not the failure',
      log: 'HYPERKITTY_URL not set, using the default value of http://mailman-web:8000/hyperkitty\nExiting.',
      exitCode: 1,
    },
    {
      name: 'an env config loader that found its keys',
      log: 'envconfig: keys LEDGER_DATABASE_DSN found, 12 settings loaded\npanic: runtime error: index out of range [3] with length 3',
      exitCode: 2,
    },
    {
      name: 'a checklist line whose value is set',
      log: 'Please provide required params for Postgres driver:\n    [x] ssl: require',
      exitCode: 1,
    },
    {
      name: 'a host that is set but cannot be reached',
      log: "Unhandled exception. Npgsql.NpgsqlException: Failed to connect to 10.0.3.7:5432\n ---> System.Net.Sockets.SocketException: Host can't be reached",
      exitCode: 134,
    },
    {
      name: 'a secret read in code shown without a crash on undefined is just code',
      log: '/app/dist/auth/jwt.js:18\n  if (secret.length < 32) {\nError: JWT secret too short: 12 characters, need 32',
      exitCode: 1,
    },
    {
      name: 'an optional cache override unset, whose default directory could not be created, is not a missing variable',
      log: 'XDG_CACHE_HOME is not set, and the default cache directory /home/app/.cache could not be created: Read-only file system',
      exitCode: 1,
    },
  ],
});
