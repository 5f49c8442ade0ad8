import { runtimeVersionMismatch } from '../../../src/diagnosis/rules/runtime-version-mismatch.ts';
import { ruleTable } from './helpers.ts';

// The API-gap readings (runtime-version-api-gaps.ts, and the SlowBuffer echo of runtime-version-source-echo.ts),
// each shown on another product or wording than the log that taught it, so the tests prove the family reads.
ruleTable(runtimeVersionMismatch, 'runtime_version_mismatch', {
  positives: [
    {
      name: 'itertools.pairwise (Python 3.10) on a python:3.9 image',
      log: "Traceback (most recent call last):\n  File \"/srv/etl/windows.py\", line 3, in <module>\n    for a, b in itertools.pairwise(points):\nAttributeError: module 'itertools' has no attribute 'pairwise'",
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'importing datetime.UTC (Python 3.11) on an older image',
      log: "Traceback (most recent call last):\n  File \"/app/clock.py\", line 1, in <module>\n    from datetime import UTC, datetime\nImportError: cannot import name 'UTC' from 'datetime' (/usr/local/lib/python3.10/datetime.py)",
      exitCode: 1,
      min: 0.84,
    },
    {
      name: 'a jar built on JDK 11 without --release calling ByteBuffer.flip() on a Java 8 runtime',
      log: 'Exception in thread "main" java.lang.NoSuchMethodError: java.nio.ByteBuffer.flip()Ljava/nio/ByteBuffer;\n\tat io.acme.codec.FrameWriter.write(FrameWriter.java:42)',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'java.net.http.HttpClient (Java 11) absent from a Java 8 runtime',
      log: 'Exception in thread "main" java.lang.NoClassDefFoundError: java/net/http/HttpClient\n\tat com.shop.Notifier.<init>(Notifier.java:20)',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'an old dependency calling util.isDate, which Node.js 23 removed',
      log: '/app/node_modules/old-validator/lib/types.js:14\n  if (util.isDate(value)) {\n           ^\n\nTypeError: util.isDate is not a function\n    at check (/app/node_modules/old-validator/lib/types.js:14:12)\n\nNode.js v23.3.0',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'another package reading SlowBuffer.prototype on Node.js 25 (the echoed source names it)',
      log: "/srv/node_modules/legacy-bufferutil/index.js:8\nconst slowEquals = SlowBuffer.prototype.equals;\n                              ^\n\nTypeError: Cannot read properties of undefined (reading 'prototype')\n    at Object.<anonymous> (/srv/node_modules/legacy-bufferutil/index.js:8:31)\n\nNode.js v25.0.0",
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'a driver that states the server versions it supports, the server outside them',
      log: 'Error: cannot connect to the graph store\nCaused by: server version "0.9.3" is outside the supported range >=1.0.0, <2.0.0',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a client requiring a newer server in its own words',
      log: 'FATAL: this client requires server version 4.2 or later (found 3.6.23)',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a Django app pinned to a newer Django than the image ships',
      log: 'django.core.exceptions.ImproperlyConfigured: django-tenants 3.7 requires Django 4.2 or newer (found 3.2.25)',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'an experimental option of a newer release in a TOML config',
      log: 'Error: TOML parse error at line 7, column 1\n  |\n7 | experimental_vector_store = true\n  | ^^^^^^^^^^^^^^^^^^^^^^^^^\nunknown field `experimental_vector_store`, expected one of `db_path`, `http_addr`, `master_key`',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a Flyway migration using range_agg (PostgreSQL 14) against a PostgreSQL 13 server',
      log: 'ERROR: Migration V12__availability.sql failed\nSQL State  : 42883\nError Code : 0\nMessage    : ERROR: function range_agg(tstzrange) does not exist\n  Hint: No function matches the given name and argument types. You might need to add explicit type casts.',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'REGEXP_REPLACE (MySQL 8.0) called on a MySQL 5.7 server',
      log: "django.db.utils.OperationalError: (1305, 'FUNCTION shop.REGEXP_REPLACE does not exist')",
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'STRING_AGG (SQL Server 2017) on an older SQL Server',
      log: "Unhandled exception. Microsoft.Data.SqlClient.SqlException (0x80131904): 'STRING_AGG' is not a recognized built-in function name.",
      exitCode: 134,
      min: 0.75,
    },
    {
      name: "unixepoch() (SQLite 3.38) on the image's older SQLite library",
      log: 'Traceback (most recent call last):\n  File "/app/jobs/expire.py", line 18, in run\n    cur.execute("DELETE FROM sessions WHERE expires < unixepoch()")\nsqlite3.OperationalError: no such function: unixepoch',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'UNIQUE NULLS NOT DISTINCT sent to a PostgreSQL 14 server by a schema script',
      log: 'Running schema setup...\nERROR:  syntax error at or near "NULLS"\nLINE 1: ...E INDEX sku_uq ON variants (sku, region) NULLS NOT DISTINCT;',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'a KRaft controller without voters on a Kafka image older than quorum bootstrap servers (an alternative)',
      log: 'Exception in thread "main" java.lang.IllegalArgumentException: requirement failed: If using process.roles, controller.quorum.voters must contain a parseable set of voters.\n\tat scala.Predef$.require(Predef.scala:337)',
      exitCode: 1,
      min: 0.65,
      max: 0.8,
      // Unset voters read as a missing or broken setting first; the version is the alternative.
      best: false,
    },
    {
      name: 'a Nautobot app whose declared minimum Nautobot release is newer than the image',
      log: 'django.core.exceptions.ImproperlyConfigured: Plugin nautobot_golden_config requires Nautobot minimum version 2.1.0',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: "Redmine's plugin requirement naming the running release",
      log: 'Redmine::PluginRequirementError: redmine_agile plugin requires Redmine 5.0.0 or higher but current is 4.2.3.',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a Jenkins plugin downloaded at latest onto an older Jenkins base image',
      log: 'SEVERE\tjenkins.InitReactorRunner$1#onTaskFailed: Failed Loading plugin Git plugin v5.2.1 (git)\njava.io.IOException: Failed to load: Git plugin (git 5.2.1)\n - You must update Jenkins from v2.346.3 to v2.387.3 or later to run this plugin.',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a cassandra.yaml from 5.0 (guardrails and storage_compatibility_mode) on an older image',
      log: 'ERROR [main] 2024-09-01 08:00:00,000 CassandraDaemon.java:902 - Exception encountered during startup: Invalid yaml. Please remove properties [keyspaces_warn_threshold, storage_compatibility_mode] from your cassandra.yaml',
      exitCode: 3,
      min: 0.8,
    },
    {
      name: 'window functions (MySQL 8.0) in a report query on a MySQL 5.7 server',
      log: "ERROR 1064 (42000) at line 3: You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near '(PARTITION BY customer_id ORDER BY created_at) AS rn FROM orders' at line 1",
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a jsonb column (PostgreSQL 9.4) migrated onto a PostgreSQL 9.3 server',
      log: 'Running migrations:\n  Applying events.0003_payload...\ndjango.db.utils.ProgrammingError: type "jsonb" does not exist\nLINE 1: ALTER TABLE "events_event" ADD COLUMN "payload" jsonb NULL',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'SKIP LOCKED (MySQL 8.0) from a job queue on an old MariaDB',
      log: "Error: ER_PARSE_ERROR: You have an error in your SQL syntax; check the manual that corresponds to your MariaDB server version for the right syntax to use near 'SKIP LOCKED' at line 1",
      exitCode: 1,
      min: 0.75,
    },
  ],
  negatives: [
    {
      name: 'a MySQL syntax error near ordinary SQL is a broken query, not the server version',
      log: "Error 1064: You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near 'FROM users WHERE id = 1' at line 1",
      exitCode: 1,
    },
    {
      name: 'an extension-only PostgreSQL function (uuid-ossp not created) is not a server version gap',
      log: 'ERROR: function uuid_generate_v4() does not exist\n  Hint: No function matches the given name and argument types. You might need to add explicit type casts.',
      exitCode: 1,
    },
    {
      name: "an application's own SQLite function that was never registered is not the library's version",
      log: 'sqlite3.OperationalError: no such function: haversine_km',
      exitCode: 1,
    },
    {
      name: "a project's own module lacking a name is the code's, not the runtime's",
      log: "Traceback (most recent call last):\n  File \"/app/main.py\", line 2, in <module>\n    from app.utils import cache\nImportError: cannot import name 'cache' from 'app.utils' (/app/app/utils.py)",
      exitCode: 1,
    },
    {
      name: 'a misspelt functools member is a typo on every Python',
      log: "AttributeError: module 'functools' has no attribute 'lru_cahce'",
      exitCode: 1,
    },
    {
      name: 'a NoSuchMethodError on a library class is a dependency clash, not the JDK',
      log: 'Exception in thread "main" java.lang.NoSuchMethodError: \'void com.google.common.base.Preconditions.checkArgument(boolean, java.lang.String, java.lang.Object)\'\n\tat com.shop.Main.main(Main.java:12)',
      exitCode: 1,
    },
    {
      name: 'reading prototype of undefined without a removed API in the echoed source',
      log: "/app/src/models/base.js:3\nconst proto = BaseModel.prototype;\n                        ^\n\nTypeError: Cannot read properties of undefined (reading 'prototype')\n    at Object.<anonymous> (/app/src/models/base.js:3:25)",
      exitCode: 1,
    },
    {
      name: "pip's resolver notice about a package's Django requirement is a build-time warning",
      log: "ERROR: pip's dependency resolver does not currently take into account all the packages that are installed.\nsentry-sdk-ext 2.1 requires Django 4.2, but you have django 3.2.25 which is incompatible.",
      exitCode: 1,
    },
    {
      name: 'an unknown, non-experimental TOML field is a misspelt key',
      log: 'Error: TOML parse error at line 3, column 1\nunknown field `log_levle`, expected one of `db_path`, `log_level`',
      exitCode: 1,
    },
    {
      name: 'a syntax error at another SQL token is the query, not the server version',
      log: 'error: syntax error at or near "NULL"\n    at /app/node_modules/pg-pool/index.js:45:11',
      exitCode: 1,
    },
    {
      name: "a plugin's own settings error is the config's, not the platform release",
      log: "django.core.exceptions.ImproperlyConfigured: Plugin netbox_bgp requires 'device_ext_page' to be set in PLUGINS_CONFIG",
      exitCode: 1,
    },
    {
      name: 'a misspelt cassandra.yaml key that no release has',
      log: 'Exception encountered during startup: Invalid yaml. Please remove properties [storage_compat_mode] from your cassandra.yaml',
      exitCode: 3,
    },
  ],
});
