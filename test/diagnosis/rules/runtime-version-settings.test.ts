import { runtimeVersionMismatch } from '../../../src/diagnosis/rules/runtime-version-mismatch.ts';
import { ruleTable } from './helpers.ts';

// Settings of another release than the image's (runtime-version-settings.ts), each shown on another release
// direction or wording than the log that taught it.
ruleTable(runtimeVersionMismatch, 'runtime_version_mismatch', {
  positives: [
    {
      name: 'a my.cnf from MySQL 8.0 with binlog dependency tracking on a MySQL 8.4 image',
      log: "2024-09-02T10:11:12.000000Z 0 [System] [MY-010116] [Server] /usr/sbin/mysqld (mysqld 8.4.2) starting as process 1\n2024-09-02T10:11:12.004561Z 0 [ERROR] [MY-000067] [Server] unknown variable 'binlog_transaction_dependency_tracking=WRITESET'.\n2024-09-02T10:11:12.004600Z 0 [ERROR] [MY-010119] [Server] Aborting",
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a Garage 0.9 garage.toml (replication_mode only) on a 2.0 image that requires replication_factor',
      log: '2025-06-11T14:20:03.912Z  INFO garage::server: Loading configuration...\nError: TOML parse error at line 1, column 1\n  |\n1 | metadata_dir = "/var/lib/garage/meta"\n  | ^\nmissing field `replication_factor`',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'a 5.7-era session SET of NO_AUTO_CREATE_USER replayed against MySQL 8',
      log: "ERROR 1231 (42000) at line 4: Variable 'sql_mode' can't be set to the value of 'NO_AUTO_CREATE_USER'",
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'an image that refuses an environment variable its older tags read',
      log: 'ERROR: environment variable MINIO_ACCESS_KEY is no longer supported, use MINIO_ROOT_USER instead\nexiting',
      exitCode: 1,
      min: 0.75,
    },
  ],
  negatives: [
    {
      name: 'a misspelt host cache option is a typo on every release',
      log: "2024-09-02T10:11:12.004561Z 0 [ERROR] [MY-000067] [Server] unknown variable 'skip-host-cach'.\n2024-09-02T10:11:12.004600Z 0 [ERROR] [MY-010119] [Server] Aborting",
      exitCode: 1,
    },
    {
      name: 'a misspelt sql_mode is wrong on every MySQL release',
      log: "2024-05-02T10:01:02.000000Z 0 [ERROR] [MY-000077] [Server] /usr/sbin/mysqld: Error while setting value 'STRICT_TRANS_TABLE,NO_ENGINE_SUBSTITUTION' to 'sql_mode'.",
      exitCode: 1,
    },
    {
      name: 'a warning that a dropped variable is ignored does not stop the server',
      log: 'WARNING: environment variable LEGACY_DB_HOST is no longer supported and will be ignored\nListening on :8080',
      exitCode: 1,
    },
    {
      name: 'a garage.toml without its rpc_secret is an incomplete config on any release',
      log: '2024-08-20T07:55:12.406113Z  INFO garage::server: Loading configuration...\nError: TOML decode error: missing field `rpc_secret`',
      exitCode: 1,
    },
  ],
});
