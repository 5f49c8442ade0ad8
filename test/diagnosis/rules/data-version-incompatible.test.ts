import { dataVersionIncompatible } from '../../../src/diagnosis/rules/data-version-incompatible.ts';
import { ruleTable } from './helpers.ts';

ruleTable(dataVersionIncompatible, 'data_version_incompatible', {
  positives: [
    {
      name: 'Cassandra sstables from another version',
      log: 'java.lang.RuntimeException: Incompatible SSTable found. Current version nb is unable to read file: /var/lib/cassandra/data/system/local/nb-1-big. Please run upgradesstables.',
      exitCode: 3,
      min: 0.8,
    },
    {
      name: 'MySQL 8.0 on redo logs written by 8.4',
      log: '2024-08-01T10:07:00.100Z 1 [ERROR] [MY-013090] [InnoDB] Unsupported redo log format (v6). The redo log was created with MySQL 8.4.0.\n2024-08-01T10:07:00.100Z 1 [ERROR] [MY-012930] [InnoDB] Plugin initialization aborted with error Generic error.',
      min: 0.8,
    },
    {
      name: 'postgres major version',
      log: '2024-01-01 08:46:20.785 UTC [1] FATAL:  database files are incompatible with server\n2024-01-01 08:46:20.785 UTC [1] DETAIL:  The data directory was initialized by PostgreSQL version 15, which is not compatible with this version 16.2.',
      min: 0.9,
    },
    {
      name: 'mongo fcv',
      log: '{"t":{"$date":"2024-01-01T00:00:00.000Z"},"s":"F","c":"CONTROL","id":20573,"ctx":"initandlisten","msg":"Wrong mongod version","attr":{"error":"UPGRADE PROBLEM: Found an invalid featureCompatibilityVersion document (ERROR: Location4926900: Invalid featureCompatibilityVersion document"}}',
      min: 0.8,
    },
    {
      name: 'elasticsearch downgrade',
      log: 'java.lang.IllegalStateException: cannot downgrade a node from version [8.12.0] to version [8.11.1]',
      min: 0.85,
    },
    {
      name: 'mysql downgrade',
      log: '2024-01-01T00:00:00.000000Z 1 [ERROR] [MY-013171] [InnoDB] Cannot boot server version 80036 on data directory built by version 80300. Downgrade is not supported',
      min: 0.85,
    },
  ],
  negatives: [
    {
      name: 'a lockfile from a newer Bun is not stored data',
      log: 'error: Unknown lockfile version\n  note: bun.lock was created by a newer version of Bun. Please upgrade Bun.',
    },
    {
      name: 'a version banner',
      log: 'PostgreSQL 16.2 on x86_64-pc-linux-gnu\nLOG:  database system is ready to accept connections',
    },
    { name: 'an upgrade that worked', log: 'INFO upgrading data from version 3 to 4\nINFO upgrade complete' },
  ],
});
