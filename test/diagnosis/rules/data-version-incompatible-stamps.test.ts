import { dataVersionIncompatible } from '../../../src/diagnosis/rules/data-version-incompatible.ts';
import { ruleTable } from './helpers.ts';

// A store naming its on-disk version and the one the binary reads (data-version-incompatible-stamps.ts), on
// other products and wordings than the logs that taught it, with version words that are not the volume's data.
ruleTable(dataVersionIncompatible, 'data_version_incompatible', {
  positives: [
    {
      name: 'a broker pinned back over a persistence snapshot its newer release wrote',
      log: "2024-06-01T10:00:00Z broker starting, version 3.2.1\n2024-06-01T10:00:00Z Error: Unsupported snapshot format version 4 (expected version 3).\n2024-06-01T10:00:00Z Error: Couldn't restore state.",
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'a DuckDB 0.9 app opening a database file written by DuckDB 1.1',
      log: 'Traceback (most recent call last):\n  File "/app/report.py", line 8, in <module>\n    con = duckdb.connect("/data/warehouse.duckdb")\nduckdb.duckdb.IOException: IO Error: Trying to read a database file with version number 64, but we can only read version 39.\nThe database file was created with a newer version of DuckDB.',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'a Kubo (IPFS) image older than the repo on the volume',
      log: 'Initializing daemon...\nKubo version: 0.18.1\nError: Your programs version (13) is lower than your repos (14).\nPlease update ipfs to a version that supports the existing repo, or run a migration in reverse.',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'a chain node whose storage must be upgraded by its own command first',
      log: 'starting node v5.2\nError: The storage version is too old. Found 7, expected 8. It needs to be upgraded with `node-cli upgrade storage`.',
      exitCode: 1,
      min: 0.8,
    },
  ],
  negatives: [
    {
      name: 'a wire protocol format version is not the data on the volume',
      log: 'Error: Unsupported message format version 3 (need version 2) from peer 10.0.0.4; closing connection',
      exitCode: 1,
    },
    {
      name: 'a client version too old for the server is not the stored data',
      log: 'Error response from daemon: client version 1.39 is too old. Minimum supported API version is 1.40, please upgrade your client to a newer version',
      exitCode: 1,
    },
    {
      name: 'a schema migration tool asking for a migration is not a data directory of another release',
      log: 'ERROR: Flyway: Schema "public" needs migration: 3 pending migrations. Run flyway migrate.',
      exitCode: 1,
    },
  ],
});
