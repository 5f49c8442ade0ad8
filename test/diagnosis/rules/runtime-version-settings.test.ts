import { runtimeVersionMismatch } from '../../../src/diagnosis/rules/runtime-version-mismatch.ts';
import { ruleTable } from './helpers.ts';

// Settings of another release than the image's (runtime-version-settings.ts), each shown on another release
// direction or wording than the log that taught it.
ruleTable(runtimeVersionMismatch, 'runtime_version_mismatch', {
  positives: [
    {
      name: 'a Garage 0.9 garage.toml (replication_mode only) on a 2.0 image that requires replication_factor',
      log: '2025-06-11T14:20:03.912Z  INFO garage::server: Loading configuration...\nError: TOML parse error at line 1, column 1\n  |\n1 | metadata_dir = "/var/lib/garage/meta"\n  | ^\nmissing field `replication_factor`',
      exitCode: 1,
      min: 0.7,
    },
  ],
  negatives: [
    {
      name: 'a garage.toml without its rpc_secret is an incomplete config on any release',
      log: '2024-08-20T07:55:12.406113Z  INFO garage::server: Loading configuration...\nError: TOML decode error: missing field `rpc_secret`',
      exitCode: 1,
    },
  ],
});
