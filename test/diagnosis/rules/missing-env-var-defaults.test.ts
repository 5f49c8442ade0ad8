/**
 * missing_env_var read from a built-in default: the app fell back to its bundled SQLite, or its driver
 * dialled a connection string that named no database. Moderate readings, never the confident band.
 */
import { missingEnvVar } from '../../../src/diagnosis/rules/missing-env-var.ts';
import { ruleTable } from './helpers.ts';

ruleTable(missingEnvVar, 'missing_env_var', {
  positives: [
    {
      name: 'a server on its built-in database URL with a placeholder password on localhost (Lemmy without LEMMY_DATABASE_URL)',
      log: 'Lemmy v0.19.5\n\nError: Error connecting to postgres://lemmy:password@localhost:5432/lemmy\n\nCaused by:\n    0: error connecting to server: Connection refused (os error 111)\n    1: Connection refused (os error 111)',
      exitCode: 1,
      min: 0.55,
      max: 0.7,
    },
    {
      name: 'a Node worker on the example MongoDB URL from its README (root:example on 127.0.0.1), refused',
      log: '[worker] connecting to mongodb://root:example@127.0.0.1:27017/jobs?authSource=admin\nMongoServerSelectionError: connect ECONNREFUSED 127.0.0.1:27017\n    at Timeout._onTimeout (/app/node_modules/mongodb/lib/sdam/topology.js:278:38)',
      exitCode: 1,
      min: 0.55,
      max: 0.7,
    },
    {
      name: 'an Alertmanager config rendered by an envsubst init container with the Slack URL empty',
      log: 'ts=2024-09-18T07:41:02.561Z caller=coordinator.go:118 level=error component=configuration msg="Loading configuration file failed" file=/etc/alertmanager/rendered/alertmanager.yml err="no global Slack API URL set either inline or in a file"',
      events: [{ type: 'Normal', reason: 'Started', message: 'Started container render-config', count: 1 }],
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'a collector config run through gomplate whose exporter endpoint came out empty (another product)',
      log: '+ gomplate -f /etc/otelcol/config.yaml.tmpl -o /etc/otelcol/config.yaml\nError: invalid configuration: exporters::otlphttp: endpoint must not be empty',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'a Laravel 10 worker with no DB_CONNECTION reaches the bundled default SQLite file, absent from the image',
      log: [
        '   Illuminate\\Database\\QueryException ',
        '  Database (/app/database/database.sqlite) does not exist. (Connection: sqlite, SQL: select * from "jobs" limit 1)',
      ].join('\n'),
      exitCode: 1,
      min: 0.65,
      max: 0.8,
      best: 'missing_env_var',
    },
    {
      name: 'an API that logs REDIS_URL unset and falls back to localhost, then cannot connect there',
      log: [
        '{"level":"warn","msg":"REDIS_URL is not set, falling back to redis://127.0.0.1:6379"}',
        '{"level":"error","msg":"redis: dial tcp 127.0.0.1:6379: connect: connection refused"}',
      ].join('\n'),
      exitCode: 1,
      min: 0.65,
      max: 0.8,
      best: 'missing_env_var',
    },
    {
      name: 'a scheduler left on its default SQLite refuses a distributed executor',
      log: [
        'Traceback (most recent call last):',
        '  File "/home/airflow/.local/lib/python3.12/site-packages/airflow/configuration.py", line 810, in _validate_config_dependencies',
        '    raise AirflowConfigException(f"error: cannot use SQLite with the {executor}")',
        'airflow.exceptions.AirflowConfigException: error: cannot use SQLite with the KubernetesExecutor',
      ].join('\n'),
      exitCode: 1,
      min: 0.65,
      max: 0.8,
    },
    {
      name: 'pgx dialled a DSN with no database at all (sqlx, ent, plain pgxpool)',
      log: [
        'time=2024-09-02T10:11:12Z level=INFO msg="opening pool"',
        'time=2024-09-02T10:11:12Z level=ERROR msg="pool init" err="failed to connect to `host=localhost user=app database=`: dial error (dial tcp 127.0.0.1:5432: connect: connection refused)"',
      ].join('\n'),
      exitCode: 1,
      min: 0.6,
      max: 0.8,
      best: 'missing_env_var',
    },
    {
      name: 'a Connect worker whose image renders its settings from variables misses a required one (CONNECT_GROUP_ID)',
      log: [
        '===> User',
        '===> Configuring ...',
        '===> Running preflight checks ... ',
        'Exception in thread "main" org.apache.kafka.common.config.ConfigException: Missing required configuration "group.id" which has no default value.',
        '\tat org.apache.kafka.common.config.ConfigDef.parseValue(ConfigDef.java:493)',
      ].join('\n'),
      exitCode: 1,
      min: 0.76,
      max: 0.84,
      best: 'missing_env_var',
    },
    {
      name: 'a consumer that logged its brokers as null before Kafka refused the missing bootstrap.servers',
      log: [
        '2025-05-02 10:11:12.001  INFO 1 --- [main] c.e.b.BillingConsumer : Connecting consumer billing-events, brokers = null',
        'org.apache.kafka.common.config.ConfigException: Missing required configuration "bootstrap.servers" which has no default value.',
        '\tat org.apache.kafka.common.config.ConfigDef.parseValue(ConfigDef.java:493)',
      ].join('\n'),
      exitCode: 1,
      min: 0.79,
      max: 0.84,
    },
  ],
  negatives: [
    {
      name: 'a real password on a localhost URL, refused, is only the localhost toss-up (not the default URL)',
      log: 'Error: Error connecting to postgres://orders:Xk29fQ7vLpz@localhost:5432/orders\n\nCaused by:\n    0: error connecting to server: Connection refused (os error 111)',
      exitCode: 1,
    },
    {
      name: 'a Slack URL missing from a config written by hand (no rendering step) is bad_config',
      log: 'ts=2024-09-18T07:41:02.561Z caller=coordinator.go:118 level=error component=configuration msg="Loading configuration file failed" file=/etc/alertmanager/alertmanager.yml err="no global Slack API URL set either inline or in a file"',
      exitCode: 1,
    },
    {
      name: 'a default connection setting that was used and worked is only a notice',
      log: [
        'WARN  using default value for MONGO_URI (mongodb://mongo:27017)',
        'INFO  connected to mongo, 3 collections',
        'panic: runtime error: index out of range [3] with length 3',
      ].join('\n'),
      exitCode: 2,
    },
    {
      name: 'a SQLite file chosen by path that does not exist is not the framework default',
      log: '  Database file at path [/data/shop.sqlite] does not exist. Ensure this is an absolute path to the database. (Connection: sqlite, SQL: select 1)',
      exitCode: 1,
    },
    {
      name: 'a host logged as null with no refusal of a required setting is no failure of its own',
      log: 'INFO  proxy.Upstream - upstream host: null (direct mode)\njava.lang.IllegalStateException: route table corrupt at entry 4',
      exitCode: 1,
    },
    {
      name: 'a setting that must name a value of another setting (in an env-rendered image) is two settings disagreeing',
      log: [
        '===> Setting default values of environment variables if not already set.',
        '===> Configuring ...',
        `Exception in thread "main" java.lang.IllegalArgumentException: requirement failed: controller.listener.names must contain at least one value appearing in the 'listeners' configuration when running the KRaft controller role`,
      ].join('\n'),
      exitCode: 1,
    },
    {
      name: "a Scala require on a setting's value (not its absence) is a bad value",
      log: 'Exception in thread "main" java.lang.IllegalArgumentException: requirement failed: num.partitions must be greater than 0',
      exitCode: 1,
    },
    {
      name: 'a SQLite file that cannot be opened is a storage problem, not a default',
      log: 'sqlite3.OperationalError: unable to open database file',
      exitCode: 1,
    },
    {
      name: 'pgx naming its database: a real DSN that reached a server that refused',
      log: 'failed to connect to `host=orders-db user=orders database=orders`: dial error (dial tcp 10.0.3.4:5432: connect: connection refused)',
      exitCode: 1,
    },
  ],
});
