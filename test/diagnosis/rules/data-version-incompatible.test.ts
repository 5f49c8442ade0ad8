import { dataVersionIncompatible } from '../../../src/diagnosis/rules/data-version-incompatible.ts';
import { ruleTable } from './helpers.ts';

ruleTable(dataVersionIncompatible, 'data_version_incompatible', {
  positives: [
    {
      name: 'a Lucene-like search store rolled back under segments a newer library wrote (not tantivy)',
      log: 'INFO opening store at /var/lib/search\nERROR: cannot open store: the index was written by a newer version of the search library (segment format 11)\nexit status 1',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a backup repository created with a more recent release of the tool than the image has',
      log: 'Error: Repository /backups/repo was created with a more recent version of the tool and cannot be read here',
      exitCode: 2,
      min: 0.85,
    },
    {
      name: 'a broker rolled back under features a newer release enabled on disk (worded as unknown features)',
      log: 'FATAL storage: unknown features enabled on disk: [compact_index_v3, tiered_segments]\nrefusing to start',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'the Erlang boot error tuple alone, without the explanatory line (an excerpt)',
      log: 'BOOT FAILED\nError during startup: {error,{incompatible_feature_flags,[khepri_db]}}',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a shelve file written by a Python with gdbm, read by an image without it (not Celery beat)',
      log: 'Traceback (most recent call last):\n  File "/app/jobs.py", line 9, in <module>\n    state = shelve.open("/var/lib/jobs/state")\n  File "/usr/local/lib/python3.12/dbm/__init__.py", line 85, in open\n    raise error[0]("db type is {0}, but the module is not "\ndbm.error: db type is dbm.ndbm, but the module is not available',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a Perl Storable cache written by a newer Storable than the image has',
      log: 'Storable binary image v2.12 more recent than I am (v2.10) at /usr/lib/x86_64-linux-gnu/perl/5.32/Storable.pm line 421, at /app/lib/Cache.pm line 33.',
      exitCode: 255,
      min: 0.75,
    },
    {
      name: 'an R job reading a workspace that a newer R saved on the shared volume',
      log: 'Error in readRDS("/data/models/churn.rds") :\n  cannot read workspace version 3 written by R 3.6.3; need R 3.5.0 or newer\nCalls: main -> readRDS\nExecution halted',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'joblib on an older Python loading a cache that a newer Python pickled (not a bare pickle.load)',
      log: '  File "/usr/local/lib/python3.7/site-packages/joblib/numpy_pickle.py", line 587, in load\n    obj = _unpickle(fobj, filename, mmap_mode)\nValueError: unsupported pickle protocol: 5',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'a server rolled back onto a database a newer release migrated (another product, same wording)',
      log: 'ERROR: Cannot start: you are trying to run version 4.2.1 against a database that was migrated to version 5.0.0. Upgrade the image or restore the backup.',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: "Keycloak's rule that the server must not be older than its database",
      log: 'ERROR: Incorrect state of migration. Server version can only be higher than or equal to the database version.',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'an embedded key-value store refusing files from another library release',
      log: '{"level":"fatal","msg":"Failed to open store","error":"manifest has unsupported version: 4 (we support 7)."}',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'data files too old for this release to upgrade in place (another product than CockroachDB)',
      log: 'FATAL: data files in /var/lib/tsdb are too old to be upgraded by this release; upgrade through 2.x first',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a server whose data directory version is older than the binary and asks for an upgrade run',
      log: "ERROR {startup} Database directory version (30912) is lower than current version (31005).\nFATAL {startup} Database version check failed for '_system'. Please start the server with the --database.auto-upgrade option",
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a shop rolled back onto a database whose modules were upgraded by the newer release',
      log: "The following modules are outdated:\nVendor_Rewards schema: current version - 2.0.0, required version - 1.9.1\nSome modules use code versions newer or older than the database. First update the module code, then run 'setup:upgrade'.",
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'MySQL refusing a major upgrade from a release that is not the last LTS',
      log: '2024-10-16T08:00:02.409831Z 0 [ERROR] [MY-014061] [Server] Invalid MySQL server upgrade: Cannot upgrade from 80400 to 90100. Upgrade to next major version is only allowed from the last LTS release, which version 80400 is not.\n2024-10-16T08:00:02.409902Z 0 [ERROR] [MY-010119] [Server] Aborting',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a graph database store format an older major wrote, needing an offline migrate',
      log: "Caused by: org.neo4j.kernel.impl.storemigration.UnableToMigrateException: The store format 'AF4.3.0' of database 'neo4j' was introduced in 4.3.0 and cannot be opened by this version.",
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a repository manager whose new release dropped the embedded database the volume holds',
      log: 'java.lang.IllegalStateException: This instance uses OrientDB, which is no longer supported by Sonatype Nexus 3.72.0 and later. Migrate the database to H2 with 3.70.x before upgrading.',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'a Gitea-family server refusing a downgrade worded with the product name between verb and versions',
      log: "2024/05/02 10:00:01 routers/init.go:69:mustInit() [F] InitDBEngine failed: migrate: Downgrading Gitea from '1.22.0' to '1.21.11' is not supported and may result in loss of data integrity.",
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a database binary refusing a data directory a newer release already upgraded',
      log: 'F240611 09:12:44.100 1 server/server.go:812 failed to start: binary version 23.1.9 is not compatible with the data directory /var/lib/db/store; use version 23.2 or later',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'an older pg_restore reading a newer archive',
      log: 'pg_restore: [archiver] unsupported version (1.14) in file header',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'an older restic reading a v2 repository',
      log: 'Fatal: config cannot be loaded: unsupported repository version',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'ScyllaDB/Cassandra unreadable sstables after skipping a major',
      log: 'org.apache.cassandra.exceptions.StartupException: Detected unreadable sstables /var/lib/cassandra/data/ks/t-1/ka-12-big-Data.db, please check NEWS.txt and ensure that you have upgraded through all required intermediate versions, running upgradesstables',
      min: 0.85,
    },
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
    {
      name: 'Gitea started on a database a newer Gitea migrated',
      log: '2024/02/01 10:00:01 routers/common/db.go:36:InitDBEngine() [E] ORM engine initialization attempt #1/10 failed. Error: migrate: Your database (migration version: 280) is for a newer Gitea, you can not use the newer database for this old Gitea release (277)',
      min: 0.85,
    },
    {
      name: 'Nextcloud asked to jump two major versions',
      log: 'Exception: Updates between multiple major versions and downgrades are unsupported.\nUpdate failed',
      min: 0.85,
    },
    {
      name: 'an upgrade path that needs an intermediate release',
      log: "FATAL: You can't upgrade directly from 15.0 to 16.4. Please upgrade to 15.11 first.",
      min: 0.85,
    },
    {
      name: 'a Lucene index from two majors ago',
      log: 'org.apache.lucene.index.IndexFormatTooOldException: Format version is not supported (resource BufferedChecksumIndexInput(MMapIndexInput(path="/var/solr/data/core/data/index/segments_5"))): This index was initially created with Lucene 7.x while the current version is 9.8.0',
      min: 0.85,
    },
    {
      name: 'an H2 file written by a newer H2',
      log: 'Caused by: org.h2.mvstore.MVStoreException: The write format 3 is larger than the supported format 2 [2.1.214/5]',
      min: 0.85,
    },
    {
      name: 'a Consul binary rolled back onto raft data a newer Consul wrote',
      log: '2024-05-02T10:00:00.000Z [ERROR] agent: startup error: error="refusing to start: the raft log cannot be downgraded: stored version 1.17.0 is newer than this binary (1.16.4)"',
      min: 0.85,
    },
    {
      name: 'an app build older than the schema its database holds',
      log: 'level=fatal msg="cannot start" error="database version 23 is newer than the supported version 21: this build cannot open data written by a later release"',
      min: 0.85,
    },
    {
      name: 'an app whose stored schema version differs from the one the binary expects',
      log: 'FATAL [main] store: Metadata version 12 does not match the version this build expects (version 14); run the upgrade tool or restore the previous release',
      min: 0.75,
    },
    {
      name: 'a game server world saved by a newer release',
      log: '[10:00:01] [Server thread/ERROR]: This world was saved with a newer version of the game (save version 3953, this build supports 3700); refusing to load it',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'an app rolled back onto a schema a newer release migrated',
      log: 'RuntimeError: Refusing to start: the database schema is newer than this version of the application (schema 42, code 40)',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a search index written by a newer engine after a rollback',
      log: 'FATAL cannot open /data/index: index is too new for this release (format 9, supported up to 8)',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'Firebird 4 rolled back to 3 on a database file with the newer on-disk structure',
      log: 'Statement failed, SQLSTATE = HY000\nunsupported on-disk structure for file /firebird/data/shop.fdb; found 13.1, support 12.2',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'SQL Server refusing a user database upgraded by a newer release',
      log: "2024-05-02 10:00:01.20 spid31s     Error: 948, Severity: 20, State: 1.\n2024-05-02 10:00:01.20 spid31s     The database 'erp' cannot be opened because it is version 957. This server supports version 904 and earlier. A downgrade path is not supported.",
      exitCode: 1,
      min: 0.85,
    },
    {
      name: "an image entrypoint finding the old major's data it was not told to upgrade",
      log: 'Error: this image found existing data it will not use.\n       This is usually the result of upgrading the container image without upgrading the existing database using "pg_upgrade".',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'an older InnoDB reading a system tablespace written by a newer MySQL',
      log: '2024-04-15T09:02:12.034908Z 0 [ERROR] InnoDB: Table flags are 0 in the data dictionary but the flags in file ./ibdata1 are 0x4800!\n2024-04-15T09:02:12.035000Z 0 [ERROR] Aborting',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a store whose on-disk format is outdated for the new binary (not SurrealDB wording)',
      log: 'level=fatal msg="cannot open store at /var/lib/kv: on-disk format is outdated, run the upgrade tool of the previous release first"',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'an embedded store that compares its file format version with the library (not redb wording)',
      log: 'panic: open index: file has format version 1, but this build expects 3\ngoroutine 1 [running]:',
      exitCode: 2,
      min: 0.85,
    },
    {
      name: 'a store that demands a manual upgrade of its database file after a library bump',
      log: 'ERROR kv: cannot open /var/lib/kv/state.db: database requires a manual upgrade (run kv-migrate)',
      exitCode: 1,
      min: 0.75,
    },
  ],
  negatives: [
    {
      name: 'a lockfile created by a newer package manager is the runtime version, not stored data',
      log: 'error: the lockfile was created with a newer version of pnpm; data directory unaffected',
      exitCode: 1,
    },
    {
      name: 'a database created with the newer release succeeded (an info line, nothing refused)',
      log: 'INFO: new installation detected; database created with default settings\nListening on :8080',
      exitCode: 0,
    },
    {
      name: 'a feature flag unknown to the admin CLI being turned on (a command mistake, not stored data)',
      log: "Error: Feature flag 'quorum_queue_v9' is unknown to this node; nothing enabled",
      exitCode: 1,
    },
    {
      name: 'a dbm file that is not a database at all (no backend named, not another build)',
      log: "dbm.error: db file doesn't exist; use 'c' or 'n' flag to create a new db",
      exitCode: 1,
    },
    {
      name: 'a truncated pickle is corruption, not a newer format',
      log: 'Traceback (most recent call last):\n  File "job.py", line 12, in <module>\n    data = pickle.load(fh)\n_pickle.UnpicklingError: invalid load key, \'\\x00\'.',
      exitCode: 1,
    },
    {
      name: 'an out-of-date package index on disk is not the server data',
      log: 'E: The package lists stored on disk are out of date. Run apt-get update.\nerror: failed to install dependencies',
      exitCode: 100,
    },
    {
      name: 'a migration that ran forward and succeeded',
      log: 'INFO database was migrated to version 26.1.2 in 4.2s\nINFO Keycloak 26.1.2 started',
      exitCode: 0,
    },
    {
      name: 'a protocol version the client does not speak is not stored data',
      log: 'Error: handshake failed: server protocol has unsupported version: 3 (we support 4)',
      exitCode: 1,
    },
    {
      name: 'an entrypoint that upgraded the image and its data is not a mismatch',
      log: 'Performing upgrade with pg_upgrade --link\nUpgrade Complete\nLOG:  database system is ready to accept connections',
    },
    {
      name: 'a database server too old for the app is the runtime version, not the data on the volume',
      log: 'ERROR: database server version 10.4 is too old for running version 2.3 of this app',
      exitCode: 1,
    },
    {
      name: 'a client library version that is lower than recommended is not the data on the volume',
      log: 'WARN client version 1.2 is lower than the recommended 1.4; some features are disabled\nError: connection refused',
      exitCode: 1,
    },
    {
      name: 'an upgrade guide line about migrating before upgrading, logged as a notice, is not a refusal',
      log: 'INFO  Tip: back up the data directory before upgrading to the next release\nINFO  Server started',
    },
    {
      name: 'a package manager refusing to upgrade a pinned package is not stored data',
      log: 'E: Unable to correct problems, you have held broken packages. Cannot upgrade libssl3 while it is held.',
    },
    {
      name: 'a client library version incompatible with data types is not stored data',
      log: 'Error: driver version 1.4.0 is incompatible with data type JSONB returned by the server',
      exitCode: 1,
    },
    {
      name: 'SQL Server upgrading an older database in place is normal startup',
      log: "2024-05-02 10:00:01.20 spid31s     Converting database 'erp' from version 904 to the current version 957.\n2024-05-02 10:00:02.10 spid31s     Database 'erp' running the upgrade step from version 956 to version 957.",
    },
    {
      name: 'a database server too new for the client driver is the runtime, not the data',
      log: 'Error: database is too new for this client driver (server protocol 17, driver supports up to 16)',
      exitCode: 1,
    },
    {
      name: 'a dump file that is not there',
      log: 'pg_restore: error: could not open input file "/tmp/app.dump": No such file or directory',
      exitCode: 1,
    },
    {
      name: 'a routine upgradesstables advice in an info line is not a crash',
      log: 'INFO  [main] StorageService.java:800 - Cassandra version: 4.0.12\nINFO  [main] CassandraDaemon.java:780 - Startup complete',
    },
    {
      name: 'apt refusing to downgrade a package is a build problem',
      log: 'E: Packages were downgraded and -y was used without --allow-downgrades.',
    },
    {
      name: 'a database server too old for the app is a runtime version gate',
      log: 'ERROR: Your database version (MySQL 5.6.51) is not compatible with this release; MySQL 8.0 or later is required.',
    },
    {
      name: 'a pip resolver notice about a downgrade',
      log: 'WARNING: Cannot downgrade package urllib3: it is required by botocore\nSuccessfully installed requests-2.31.0',
    },
    {
      name: 'a runtime upgrade hint is not stored data',
      log: 'error: this package needs a newer runtime: please upgrade to Node.js 18 first',
    },
    {
      name: 'a feature flag enabled at start is not a version gap',
      log: '2024-04-15 12:01:33.118 [info] <0.229.0> Feature flags: `classic_mirrored_queue_version`: enabled\n2024-04-15 12:01:34.002 [info] <0.229.0> Server startup complete',
    },
    {
      name: 'a lockfile from a newer Bun is not stored data',
      log: 'error: Unknown lockfile version\n  note: bun.lock was created by a newer version of Bun. Please upgrade Bun.',
    },
    {
      name: 'a version banner',
      log: 'PostgreSQL 16.2 on x86_64-pc-linux-gnu\nLOG:  database system is ready to accept connections',
    },
    { name: 'an upgrade that worked', log: 'INFO upgrading data from version 3 to 4\nINFO upgrade complete' },
    {
      name: 'a protocol format version mismatch between client and server is not data on the volume',
      log: 'error: handshake failed: expected format version 2, but got 1 from the peer protocol',
      exitCode: 1,
    },
    {
      name: 'a config file in an older format version is the config, not stored data',
      log: 'Error: config file format version 1 is not supported, expected 2',
      exitCode: 1,
    },
  ],
});
