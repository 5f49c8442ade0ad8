import { runtimeVersionMismatch } from '../../../src/diagnosis/rules/runtime-version-mismatch.ts';
import { ruleTable } from './helpers.ts';

ruleTable(runtimeVersionMismatch, 'runtime_version_mismatch', {
  positives: [
    {
      name: "uv refusing the image's Python for the project's requires-python (not Poetry)",
      log: "error: The Python request from `.python-version` resolved to Python 3.9.19, which is incompatible with the project's Python requirement: `>=3.11`",
      exitCode: 2,
      min: 0.85,
    },
    {
      name: 'a Ruby 3.2 Data.define value object on an older Ruby (script, not a Rack app)',
      log: "/app/lib/event.rb:2:in `<main>': uninitialized constant Data (NameError)\n\nEvent = Data.define(:name, :at)\n        ^^^^",
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a query using OPENJSON on a SQL Server without it (the function name unknown, not the WITH clause)',
      log: "Executed DbCommand: SELECT [p].[Id] FROM [Products] AS [p] WHERE [p].[Sku] IN (SELECT [s].[value] FROM OPENJSON(@__skus_0) AS [s])\nMicrosoft.Data.SqlClient.SqlException (0x80131904): 'OPENJSON' is not a recognized built-in function name.",
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'Python 3.11 ExceptionGroup used on an older Python',
      log: "Traceback (most recent call last):\n  File \"/app/main.py\", line 40, in run\n    raise ExceptionGroup('ingest failed', errors)\nNameError: name 'ExceptionGroup' is not defined",
      exitCode: 1,
      min: 0.6,
    },
    {
      name: 'a Scala job built for 2.12 running on a Scala 2.13 runtime (a collection class that 2.13 removed)',
      log: 'Exception in thread "main" java.lang.NoClassDefFoundError: scala/collection/GenTraversableOnce$class\n\tat com.acme.etl.Main$.main(Main.scala:12)',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'a Dask client of another version than the scheduler it connects to',
      log: 'Traceback (most recent call last):\n  File "/app/job.py", line 9, in <module>\nValueError: Mismatched versions found\n+---------+--------+-----------+---------+\n| Package | client | scheduler | workers |\n| dask    | 2024.5 | 2023.12   | 2023.12 |',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a Ray driver newer than the cluster it joins',
      log: 'RuntimeError: Version mismatch: The cluster was started with:\n    Ray: 2.7.1\n    Python: 3.11.6\nThis process on node 10.0.0.5 was started with:\n    Ray: 2.31.0\n    Python: 3.11.6',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a typed class constant (PHP 8.3) parsed by a PHP 8.2 CLI',
      log: 'PHP Parse error:  syntax error, unexpected identifier "VERSION", expecting "=" in /srv/app/src/Config.php on line 7',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'an older nginx reading a listen line with the quic parameter of 1.25 docs',
      log: 'nginx: [emerg] invalid parameter "quic" in /etc/nginx/sites-enabled/app.conf:12',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'a ZooKeeper-mode broker config on a Kafka release without ZooKeeper mode',
      log: 'Exception in thread "main" org.apache.kafka.common.config.ConfigException: Missing required configuration "process.roles" which has no default value.\n\tat kafka.server.KafkaConfig.<init>(KafkaConfig.scala:190)',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'a removed MySQL option after the floating major tag moved to a new minor',
      log: "2024-05-06T07:44:12.702131Z 0 [ERROR] [MY-000067] [Server] unknown variable 'query-cache-size=0'.\n2024-05-06T07:44:12.702760Z 0 [ERROR] [MY-010119] [Server] Aborting",
      events: [{ type: 'Normal', reason: 'Pulling', message: 'Pulling image "mysql:8"', count: 1 }],
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'a migration using PostgreSQL 15 MERGE against an older server',
      log: 'Applying: 20240522101500_upsert_prices.sql\nError: pq: syntax error at or near "MERGE"',
      exitCode: 1,
      min: 0.6,
    },
    {
      name: 'a Deno 2 era app importing JSON with assert on a newer runtime (import assertions removed)',
      log: 'error: Uncaught SyntaxError: Unexpected identifier \'assert\'\nimport config from "./config.json" assert { type: "json" };\n                                    ^\n    at <anonymous> (file:///app/main.ts:1:37)',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'code using the Node.js Buffer global on a Deno 1 image',
      log: 'error: Uncaught ReferenceError: Buffer is not defined\nconst key = Buffer.from(Deno.env.get("KEY") ?? "", "base64");\n            ^\n    at file:///srv/crypto.ts:3:13',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'an old setuptools calling pkgutil.ImpImporter on Python 3.12',
      log: "Traceback (most recent call last):\n  File \"/usr/local/lib/python3.12/site-packages/pkg_resources/__init__.py\", line 2191, in <module>\n    register_finder(pkgutil.ImpImporter, find_on_impimporter)\n                    ^^^^^^^^^^^^^^^^^^^\nAttributeError: module 'pkgutil' has no attribute 'ImpImporter'. Did you mean: 'zipimporter'?",
      exitCode: 1,
      min: 0.85,
    },
    {
      name: "a library's vendored six failing on Python 3.12 (six.moves import hook gone)",
      log: 'Traceback (most recent call last):\n  File "/app/run.py", line 2, in <module>\n    from thriftpy.transport import TSocket\n  File "/usr/local/lib/python3.12/site-packages/thriftpy/_compat.py", line 9, in <module>\n    from .vendor.six.moves import urllib\nModuleNotFoundError: No module named \'thriftpy.vendor.six.moves\'',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'Nextcloud on a MariaDB older than it supports (lowercase server name, minimum version)',
      log: 'Exception: Unsupported mariadb version: 10.2.44. Minimum supported version is 10.3.',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'a queue library refusing an old Redis ("needs to be greater")',
      log: 'Error: Redis version needs to be greater or equal than 6.2.0 Current: 5.0.7\n    at RedisConnection.init (/app/node_modules/bullmq/dist/cjs/classes/redis-connection.js:192:23)',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'a crate needing a newer rustc than the builder image',
      log: 'error: package `clap_lex v0.7.4` cannot be built because it requires rustc 1.74 or newer, while the currently active rustc version is 1.70.0',
      exitCode: 101,
      min: 0.8,
    },
    {
      name: "an older Cargo reading a newer lockfile's version",
      log: 'error: failed to parse lock file at: /build/Cargo.lock\n\nCaused by:\n  lock file version 4 requires `-Znext-lockfile-bump`, perhaps Cargo needs to be updated?',
      exitCode: 101,
      min: 0.8,
    },
    {
      name: 'an ES module joining import.meta.dirname on Node 20.9 (echoed source line)',
      log: 'file:///app/dist/index.js:8\nconst views = path.join(import.meta.dirname, \'views\');\n\nTypeError [ERR_INVALID_ARG_TYPE]: The "path" argument must be of type string. Received undefined\n    at Object.join (node:path:1172:7)\n    at file:///app/dist/index.js:8:20\n    at ModuleJob.run (node:internal/modules/esm/module_job:217:25)\n\nNode.js v20.9.0',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'an ES module joining an undefined path at top level on Node 18 (no source echo)',
      log: 'TypeError [ERR_INVALID_ARG_TYPE]: The "paths[0]" argument must be of type string. Received undefined\n    at Object.resolve (node:path:1097:7)\n    at file:///srv/app/server.mjs:5:22\n    at ModuleJob.run (node:internal/modules/esm/module_job:195:25)\n\nNode.js v18.20.4',
      exitCode: 1,
      min: 0.7,
      max: 0.8,
    },
    {
      name: 'node:test imported on a Node.js 16 image (ERR_UNKNOWN_BUILTIN_MODULE)',
      log: 'node:internal/errors:477\n    ErrorCaptureStackTrace(err);\n    ^\n\nError [ERR_UNKNOWN_BUILTIN_MODULE]: No such built-in module: node:test\n    at new NodeError (node:internal/errors:387:5)\n    at ESMLoader.builtinStrategy (node:internal/modules/esm/translators:282:11)',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: '--env-file given to a Node.js 18 image',
      log: '> worker@1.2.0 start\n> node --env-file=.env dist/index.js\n\nnode: bad option: --env-file=.env',
      exitCode: 9,
      min: 0.85,
    },
    {
      name: 'a readonly class parsed by PHP 8.1',
      log: 'PHP Parse error:  syntax error, unexpected token "readonly", expecting "abstract" or "final" or "class" in /var/www/html/src/Money.php on line 5',
      exitCode: 255,
      min: 0.75,
    },
    {
      name: 'a Java 8 CMS flag on a Java 17 image',
      log: "Unrecognized VM option 'UseConcMarkSweepGC'\nError: Could not create the Java Virtual Machine.\nError: A fatal exception has occurred. Program will exit.",
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a rabbitmq.conf key from 3.12 on a 3.11 image',
      log: '2024-05-14 09:12:02.881963+00:00 [error] <0.228.0> Error preparing configuration in phase validation:\n2024-05-14 09:12:02.881963+00:00 [error] <0.228.0>   - Conf file attempted to set unknown variable: quorum_queue.continuous_membership_reconciliation.enabled\n\nBOOT FAILED',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'an OpenTofu required_version newer than the runner',
      log: 'Error: Unsupported OpenTofu Core version\n\n  on main.tf line 2, in terraform:\n   2:   required_version = ">= 1.7.0"\n\nThis configuration does not support OpenTofu version 1.6.2.',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a Kong declarative config of a newer format version',
      log: "nginx: [error] init_by_lua error: /usr/local/share/lua/5.1/kong/init.lua:553: error parsing declarative config file /kong/kong.yml:\nin '_format_version': expected one of: 1.1, 2.1",
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'a controller newer than its installed CRDs (cert-manager)',
      log: '{"level":"error","ts":1716282061.52,"logger":"controller-runtime.source.EventHandler","msg":"if kind is a CRD, it should be installed before calling Start","kind":"Certificate.cert-manager.io","error":"no matches for kind \\"Certificate\\" in version \\"cert-manager.io/v1\\""}',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'an app that needs a newer PostgreSQL server',
      log: '2024-06-01T10:00:00Z FATAL PostgreSQL server version 9.5.25 is not usable: this release requires at least version 12',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'mysqldump 8 against a MariaDB server (lowercase column_statistics)',
      log: "mysqldump: Couldn't execute 'SELECT COLUMN_NAME FROM information_schema.COLUMN_STATISTICS WHERE SCHEMA_NAME = 'shop' AND TABLE_NAME = 'orders';': Unknown table 'column_statistics' in information_schema (1109)",
      exitCode: 2,
      min: 0.85,
    },
    {
      name: 'a stdlib module newer than the image Python (zoneinfo on 3.8)',
      log: 'Traceback (most recent call last):\n  File "/app/scheduler.py", line 3, in <module>\n    from zoneinfo import ZoneInfo\nModuleNotFoundError: No module named \'zoneinfo\'',
      min: 0.85,
    },
    {
      name: 'a postgresql.conf from a newer release (PostgreSQL 15 reading 16 parameters)',
      log: '2024-06-01 10:00:00.000 UTC [1] LOG:  unrecognized configuration parameter "vacuum_buffer_usage_limit" in file "/var/lib/postgresql/data/postgresql.conf" line 180\n2024-06-01 10:00:00.000 UTC [1] FATAL:  configuration file "/var/lib/postgresql/data/postgresql.conf" contains errors',
      min: 0.85,
    },
    {
      name: 'a 3.11 cassandra.yaml with Thrift keys on a 4.0 image',
      log: 'ERROR [main] 2024-01-01 00:00:00,000 CassandraDaemon.java:853 - Exception encountered during startup: Invalid yaml. Please remove properties [start_rpc, rpc_port, thrift_framed_transport_size_in_mb] from your cassandra.yaml',
      min: 0.8,
    },
    {
      name: 'an Envoy filter added after the image release (api_key_auth)',
      log: "[critical][main] [source/server/server.cc:131] error initializing configuration '/etc/envoy/envoy.yaml': Didn't find a registered implementation for 'envoy.filters.http.api_key_auth' with type URL: 'envoy.extensions.filters.http.api_key_auth.v3.ApiKeyAuth'",
      min: 0.8,
    },
    {
      name: 'Authelia 4.38 keys on a 4.37 image',
      log: 'time="2024-03-16T10:22:03Z" level=error msg="Configuration: configuration key not expected: server.address"\ntime="2024-03-16T10:22:03Z" level=fatal msg="Can\'t continue due to the errors loading the configuration"',
      min: 0.8,
    },
    {
      name: 'an old JDBC driver against a SCRAM server',
      log: "org.postgresql.util.PSQLException: The authentication type 10 is not supported. Check that you have configured the pg_hba.conf file to include the client's IP address or subnet, and that it is using an authentication scheme supported by the driver.",
      min: 0.8,
    },
    {
      name: 'a MySQL 5 client against a caching_sha2_password server',
      log: 'Error: ER_NOT_SUPPORTED_AUTH_MODE: Client does not support authentication protocol requested by server; consider upgrading MySQL client',
      min: 0.8,
    },
    {
      name: 'a pgvector extension older than the app supports',
      log: 'FATAL: The pgvector extension version is 0.4.1, but this release requires >= 0.5.0. Please upgrade the extension in the database.',
      min: 0.8,
    },
    {
      name: 'a Deno 2 lockfile read by Deno 1',
      log: "error: Unsupported lockfile version '4'. Try upgrading Deno or recreating the lockfile.",
      min: 0.8,
    },
    {
      name: 'a Node API older Bun lacks',
      log: 'error: node:http2 createSecureServer is not yet implemented in Bun.\n      at /app/node_modules/some-lib/index.js:12:3',
      min: 0.7,
    },
    {
      name: 'pip skipping releases for another Python',
      log: 'ERROR: Ignored the following versions that require a different python version: 2.0.0 Requires-Python >=3.10\nERROR: Could not find a version that satisfies the requirement fastapi-users==2.0.1 (from versions: 0.1.0, 1.9.0)\nERROR: No matching distribution found for fastapi-users==2.0.1',
      min: 0.85,
    },
    {
      name: 'a Loki 2 field removed in Loki 3',
      log: 'failed parsing config: /etc/loki/config.yaml: yaml: unmarshal errors:\n  line 34: field shared_store not found in type compactor.Config. Use `-config.expand-env=true` flag if you want to expand environment variables in your config file',
      min: 0.8,
    },
    {
      name: 'a server version gate on Java',
      log: '[init] Starting the Minecraft server...\nUnsupported Java detected (60.0). Only up to Java 15 is supported.',
      min: 0.85,
    },
    {
      name: 'a Redis 7 directive on a Redis 6 image',
      log: "*** FATAL CONFIG FILE ERROR (Redis 6.2.14) ***\nReading the configuration file, at line 381\n>>> 'enable-debug-command no'\nBad directive or wrong number of arguments",
      min: 0.75,
    },
    {
      name: 'a MySQL 5.7 setting on MySQL 8',
      log: "2024-05-02T09:40:12.130000Z 0 [ERROR] [MY-000067] [Server] unknown variable 'query_cache_size=0'.\n2024-05-02T09:40:12.130100Z 0 [ERROR] [MY-010119] [Server] Aborting",
      min: 0.8,
    },
    {
      name: 'an Envoy v2 bootstrap on a v3-only Envoy',
      log: "[critical][main] error initializing configuration '/etc/envoy/envoy.yaml': Protobuf message (type envoy.config.bootstrap.v3.Bootstrap reason INVALID_ARGUMENT:(static_resources.clusters[0]) hosts: Cannot find field.) has unknown fields",
      min: 0.8,
    },
    {
      name: 'a plugin needing a newer Jenkins core',
      log: 'SEVERE\tjenkins.InitReactorRunner$1#onTaskFailed: Failed Loading plugin Pipeline: Groovy v3883 (workflow-cps)\njava.io.IOException: Failed to load: Pipeline: Groovy (workflow-cps 3883)\n - Jenkins (2.426.3) or higher required',
      min: 0.8,
    },
    {
      name: 'java class file version',
      log: 'Error: LinkageError occurred while loading main class com.acme.App\n\tjava.lang.UnsupportedClassVersionError: com/acme/App has been compiled by a more recent version of the Java Runtime (class file version 61.0), this version of the Java Runtime only recognizes class file versions up to 55.0',
      min: 0.9,
    },
    {
      name: 'node engines',
      log: 'error @angular/core@17.0.0: The engine "node" is incompatible with this module. Expected version "^18.13.0 || >=20.9.0". Got "16.20.2"',
      min: 0.8,
    },
    {
      name: '.NET framework missing',
      log: "You must install or update .NET to run this application.\n\nApp: /app/Api.dll\nArchitecture: x64\nFramework: 'Microsoft.AspNetCore.App', version '8.0.0' (x64)\n.NET location: /usr/share/dotnet/",
      min: 0.9,
    },
    { name: 'ruby version', log: 'Your Ruby version is 3.0.6, but your Gemfile specified 3.2.2', min: 0.9 },
    {
      name: 'php composer platform check',
      log: 'PHP Fatal error:  Composer detected issues in your platform: Your Composer dependencies require a PHP version ">= 8.2.0". You are running 8.1.27. in /app/vendor/composer/platform_check.php on line 24',
      min: 0.85,
    },
    {
      name: 'redis directive unknown to an older server (uncertain)',
      log: "*** FATAL CONFIG FILE ERROR (Redis 6.2.6) ***\nReading the configuration file, at line 626\n>>> 'repl-diskless-sync-max-replicas 0'\nBad directive or wrong number of arguments",
      min: 0.45,
      max: 0.6,
    },
    {
      name: 'optional chaining on an old node',
      log: "/app/node_modules/undici/lib/fetch/index.js:125\n    this.connection?.destroy(reason)\n                    ^\n\nSyntaxError: Unexpected token '.'\n    at wrapSafe (internal/modules/cjs/loader.js:915:16)",
      min: 0.65,
    },
    {
      name: 'python f-string = specifier on an old python',
      log: '  File "/app/app.py", line 12\n    print(f"listening on {port=}")\n                                ^\nSyntaxError: f-string: expecting \'}\'',
      min: 0.65,
    },
    {
      name: 'fetch missing from an old node',
      log: 'ReferenceError: fetch is not defined\n    at main (/app/dist/index.js:22:17)\n\nNode.js v16.20.2',
      min: 0.65,
    },
    {
      name: 'typing name newer than python',
      log: "ImportError: cannot import name 'Self' from 'typing' (/usr/local/lib/python3.10/typing.py)",
      min: 0.7,
    },
    {
      name: 'package gate on the node version',
      log: 'Error: Prisma only supports Node.js >= 16.13. Please upgrade your Node.js version.',
      min: 0.8,
    },
    {
      name: 'distutils on python 3.12',
      log: '  File "/app/setup_env.py", line 3, in <module>\n    from distutils.util import strtobool\nModuleNotFoundError: No module named \'distutils\'',
      min: 0.75,
    },
    {
      name: 'replaceAll on an old node',
      log: "  return url.replaceAll('%', '%25')\n             ^\n\nTypeError: url.replaceAll is not a function\n\nNode.js v14.21.3",
      min: 0.65,
    },
    {
      name: 'str.removeprefix on python 3.8',
      log: "    name = raw.removeprefix(\"v\")\nAttributeError: 'str' object has no attribute 'removeprefix'",
      min: 0.65,
    },
    {
      name: 'PyMongo newer than the MongoDB server it reaches',
      log: 'pymongo.errors.ConfigurationError: Server at mongo-0.mongo:27017 reports wire version 5, but this version of PyMongo requires at least 6 (MongoDB 3.6).',
      min: 0.85,
    },
    {
      name: 'mysqldump 8 against a MySQL 5.7 server',
      log: "mysqldump: Couldn't execute 'SELECT COLUMN_NAME FROM information_schema.COLUMN_STATISTICS WHERE SCHEMA_NAME = 'shop';': Unknown table 'COLUMN_STATISTICS' in information_schema (1109)",
      min: 0.85,
    },
    {
      name: 'pg_basebackup older than the primary',
      log: 'pg_basebackup: error: incompatible server version 17.0\npg_basebackup: removing data directory "/var/lib/postgresql/data"',
      min: 0.85,
    },
    {
      name: "Django's gate on the PostgreSQL version",
      log: 'django.db.utils.NotSupportedError: PostgreSQL 13 or later is required (found 12.17).',
      min: 0.85,
    },
    {
      name: 'Sidekiq on an old Redis',
      log: 'RuntimeError: You are connected to Redis 5.0.7, Sidekiq requires Redis 6.2.0 or greater',
      min: 0.85,
    },
    {
      name: 'the Go Elasticsearch 8 client against a 7.x cluster',
      log: 'Error getting response: [400 Bad Request] {"error":{"type":"media_type_header_exception","reason":"Invalid media-type value on headers [Accept, Content-Type]"},"status":400}',
      min: 0.85,
    },
    {
      name: 'a Kafka producer needing a newer broker',
      log: 'org.apache.kafka.common.errors.UnsupportedVersionException: The broker does not support INIT_PRODUCER_ID',
      min: 0.8,
    },
    {
      name: 'an Alertmanager receiver type newer than the image',
      log: 'ts=2024-05-01T10:00:00.000Z caller=coordinator.go:118 level=error component=configuration msg="Loading configuration file failed" file=/etc/alertmanager/alertmanager.yml err="yaml: unmarshal errors:\\n  line 30: field msteams_configs not found in type config.plain"',
      min: 0.75,
    },
    {
      name: 'a Traefik v2 provider flag on a v3 image',
      log: '2024/05/02 08:14:11 command traefik error: failed to decode configuration from flags: field not found, node: swarmMode',
      min: 0.85,
    },
    {
      name: 'a Caddy 1 directive read by Caddy 2',
      log: 'Error: adapting config using caddyfile: /etc/caddy/Caddyfile:7: unrecognized directive: gzip',
      min: 0.8,
    },
    {
      name: 'a Node 20 image running code that calls Promise.withResolvers',
      log: 'file:///app/dist/queue.js:14\n  const { promise, resolve } = Promise.withResolvers();\n                                        ^\n\nTypeError: Promise.withResolvers is not a function\n    at new Queue (file:///app/dist/queue.js:14:41)\n\nNode.js v20.11.1',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'a .NET assembly built for a newer runtime than the image',
      log: "Unhandled exception. System.BadImageFormatException: Could not load file or assembly 'Billing.Core, Version=2.0.0.0'. This assembly is built by a runtime newer than the currently loaded runtime and cannot be loaded.",
      exitCode: 134,
      min: 0.85,
    },
    {
      name: 'bytecode cached by another Python version',
      log: "Traceback (most recent call last):\n  File \"/app/main.py\", line 3, in <module>\n    from settings import config\nImportError: bad magic number in 'settings': b'o\\r\\r\\n'",
      exitCode: 1,
      min: 0.75,
    },
    {
      name: "PyTorch on a node whose GPU driver is older than the image's CUDA",
      log: 'Traceback (most recent call last):\n  File "/app/serve.py", line 12, in <module>\n    model.to("cuda")\nRuntimeError: The NVIDIA driver on your system is too old (found version 11040). Please update your GPU driver by downloading and installing a new version from the URL: http://www.nvidia.com/Download/index.aspx',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'the NVIDIA container toolkit refusing a CUDA image newer than the driver',
      log: '',
      reason: 'StartError',
      exitCode: 128,
      message:
        "failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: error running hook #0: error running hook: exit status 1, stdout: , stderr: Auto-detected mode as 'legacy'\nnvidia-container-cli: requirement error: unsatisfied condition: cuda>=12.4, please update your driver to a newer version, or use an earlier cuda container: unknown",
      min: 0.85,
    },
    {
      name: 'a Consul peering block on an image older than 1.13',
      log: '==> failed to parse /consul/config/server.hcl: 1 error occurred:\n\t* invalid config key peering.enabled',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'a PHP extension built for another PHP than the image',
      log: 'PHP Warning:  PHP Startup: redis: Unable to initialize module\nModule compiled with module API=20210902\nPHP    compiled with module API=20220829\nThese options need to match\n in Unknown on line 0\nPHP Fatal error:  Uncaught Error: Class "Redis" not found in /app/src/Cache.php:12',
      exitCode: 255,
      min: 0.8,
      best: false,
    },
    {
      name: 'an Erlang emulator older than the BEAM files',
      log: '=ERROR REPORT==== 2-May-2024::10:00:00.000000 ===\nbeam/beam_load.c(594): Error loading module rabbit:\n  This BEAM file was compiled for a later version of the runtime system than the current (Erlang/OTP 25).\n  To fix this, please re-compile this module with an Erlang/OTP 25 compiler.',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a CUDA build without kernels for an older GPU',
      log: 'Traceback (most recent call last):\n  File "/app/infer.py", line 40, in <module>\n    out = model(batch.cuda())\nRuntimeError: CUDA error: no kernel image is available for execution on the device',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'a Rust crate that needs a newer rustc than the builder image has',
      log: 'error: package `axum v0.7.5` cannot be built because it requires rustc 1.75 or newer, while the currently active rustc version is 1.70.0',
      exitCode: 101,
      min: 0.85,
    },
    {
      name: 'a Dart app whose pubspec needs a newer SDK than the image',
      log: 'The current Dart SDK version is 2.19.6.\n\nBecause server requires SDK version >=3.0.0 <4.0.0, version solving failed.',
      exitCode: 65,
      min: 0.85,
    },
    {
      name: 'a collector config with a telemetry section only newer collectors know',
      log: "Error: failed to get config: cannot unmarshal the configuration: decoding failed due to the following error(s):\n\n'service::telemetry::metrics' has invalid keys: readers",
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'Python 3.10 image running code that imports StrEnum (3.11) from the standard library',
      log: "Traceback (most recent call last):\n  File \"/app/app/models.py\", line 2, in <module>\n    from enum import StrEnum\nImportError: cannot import name 'StrEnum' from 'enum' (/usr/local/lib/python3.10/enum.py)",
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'Node.js 20 image running code that imports glob from node:fs (22)',
      log: "file:///app/dist/scan.js:1\nimport { glob } from 'node:fs/promises';\n         ^^^^\nSyntaxError: The requested module 'node:fs/promises' does not provide an export named 'glob'\n    at ModuleJob._instantiate (node:internal/modules/esm/module_job:123:21)\n\nNode.js v20.11.1",
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'an older Bun whose bun:sqlite module lacks a newer export',
      log: "SyntaxError: Export named 'Statement' not found in module 'bun:sqlite'.\n\nBun v1.0.7 (Linux x64)",
      exitCode: 1,
      min: 0.8,
    },
  ],
  negatives: [
    {
      name: "an app's own Data constant missing (no Data.define in sight) is a bug, not the Ruby version",
      log: "/app/app/jobs/export.rb:12:in `perform': uninitialized constant Reports::Data (NameError)",
      exitCode: 1,
    },
    {
      name: 'a hand-written CTE missing its semicolon (no OPENJSON) is a query bug, not the server version',
      log: "Microsoft.Data.SqlClient.SqlException (0x80131904): Incorrect syntax near the keyword 'WITH'. If this statement is a common table expression, the previous statement must be terminated with a semicolon.",
      exitCode: 1,
    },
    {
      name: 'Poetry failing to resolve a package version is a dependency problem, not the Python version',
      log: 'Because app depends on requests (>=99) which does not match any versions, version solving failed.',
      exitCode: 1,
    },
    {
      name: 'a missing Scala class of the app itself is not the Scala version',
      log: 'Exception in thread "main" java.lang.NoClassDefFoundError: com/acme/etl/Transform\n\tat com.acme.etl.Main$.main(Main.scala:12)',
      exitCode: 1,
    },
    {
      name: 'a PHP syntax error expecting a semicolon is a typo, not a version',
      log: 'PHP Parse error:  syntax error, unexpected identifier "echo", expecting ";" in /srv/app/index.php on line 3',
      exitCode: 1,
    },
    {
      name: 'an nginx listen line with a misspelt parameter is a broken config, not a version',
      log: 'nginx: [emerg] invalid parameter "reuseprot" in /etc/nginx/conf.d/default.conf:4',
    },
    {
      name: 'a KRaft config missing its controller quorum is a config gap, not the release',
      log: 'org.apache.kafka.common.config.ConfigException: Missing required configuration "controller.quorum.voters" which has no default value.',
    },
    {
      name: 'a SQL typo near an ordinary keyword is not newer syntax',
      log: 'Error: pq: syntax error at or near "SELEC"',
    },
    {
      name: 'six itself not installed is a missing dependency, not the Python version',
      log: 'Traceback (most recent call last):\n  File "/app/run.py", line 1, in <module>\n    import six\nModuleNotFoundError: No module named \'six\'',
      exitCode: 1,
    },
    {
      name: 'an app variable that is not defined in a browser bundle run by Node is not a Deno version',
      log: 'ReferenceError: process is not defined\n    at Object.<anonymous> (/app/dist/bundle.js:1:204)',
      exitCode: 1,
    },
    {
      name: 'an undefined path on a Node that has import.meta.dirname is not the runtime',
      log: 'TypeError [ERR_INVALID_ARG_TYPE]: The "paths[0]" argument must be of type string. Received undefined\n    at Object.join (node:path:1172:7)\n    at file:///srv/app/server.mjs:5:22\n    at ModuleJob.run (node:internal/modules/esm/module_job:234:25)\n\nNode.js v22.11.0',
      exitCode: 1,
    },
    {
      name: 'a version note that is not a gate',
      log: 'INFO connected to redis server version 7.2.4 (cluster mode disabled)\npanic: runtime error: index out of range [3] with length 3',
      exitCode: 2,
    },
    {
      name: 'a lockfile out of sync with the manifest is the dependencies, not the tool version',
      log: 'error: the lock file /app/Cargo.lock needs to be updated but --locked was passed to prevent this',
      exitCode: 101,
    },
    {
      name: "an app's own module missing an export is a bug, not the runtime",
      log: "SyntaxError: The requested module './db.js' does not provide an export named 'sql'\n    at ModuleJob._instantiate (node:internal/modules/esm/module_job:123:21)",
      exitCode: 1,
    },
    {
      name: 'a name missing from an installed package is the package version, not the runtime',
      log: "ImportError: cannot import name 'url_quote' from 'werkzeug.urls' (/usr/local/lib/python3.11/site-packages/werkzeug/urls.py)",
      exitCode: 1,
    },
    {
      name: 'a compile error under the active Rust toolchain is not a version gate',
      log: 'info: the currently active rust toolchain is stable-x86_64-unknown-linux-gnu\nerror[E0425]: cannot find value `cfg` in this scope\nerror: could not compile `app` (bin "app") due to 1 previous error',
      exitCode: 101,
    },
    {
      name: 'a misspelt top-level collector section is a broken config',
      log: "Error: failed to get config: cannot unmarshal the configuration: 1 error(s) decoding:\n\n* '' has invalid keys: recievers",
      exitCode: 1,
    },
    {
      name: 'a misspelt Node.js flag is not a version problem',
      log: 'node: bad option: --max-old-spcae-size=512',
      exitCode: 9,
    },
    {
      name: 'a PHP syntax error on a stray brace',
      log: 'PHP Parse error:  syntax error, unexpected token "}", expecting ";" in /var/www/html/src/Cart.php on line 41',
      exitCode: 255,
    },
    {
      name: 'a misspelt JVM option',
      log: "Unrecognized VM option 'UseG1CG'\nError: Could not create the Java Virtual Machine.\nError: A fatal exception has occurred. Program will exit.",
      exitCode: 1,
    },
    {
      name: 'a TLS minimum version setting is not a config format version',
      log: 'level=fatal msg="invalid server config: tls min_version must be one of: TLS1.2, TLS1.3"',
      exitCode: 1,
    },
    {
      name: 'a misspelt PostgreSQL parameter is a config error',
      log: '2024-06-01 10:00:00.000 UTC [1] LOG:  unrecognized configuration parameter "shared_bufers" in file "/etc/postgresql/postgresql.conf" line 12\n2024-06-01 10:00:00.000 UTC [1] FATAL:  configuration file "/etc/postgresql/postgresql.conf" contains errors',
    },
    {
      name: 'a misspelt cassandra.yaml property',
      log: 'Exception (org.apache.cassandra.exceptions.ConfigurationException) encountered during startup: Invalid yaml. Please remove properties [num_token] from your cassandra.yaml',
    },
    {
      name: 'a misspelt Envoy filter name',
      log: "error initializing configuration '/etc/envoy/envoy.yaml': Didn't find a registered implementation for 'envoy.filters.http.rbca' with type URL: 'envoy.extensions.filters.http.rbca.v3.RBAC'",
    },
    {
      name: 'a third-party TOML parser missing is a dependency',
      log: "ModuleNotFoundError: No module named 'tomli'",
    },
    {
      name: 'a file extension version message',
      log: 'WARN file extension .xlsx version 2 is not supported by this viewer, skipping',
    },
    {
      name: 'a GPU pod on a node without any NVIDIA driver is not a version gap',
      log: 'RuntimeError: Found no NVIDIA driver on your system. Please check that you have an NVIDIA GPU and installed a driver from http://www.nvidia.com/Download/index.aspx',
    },
    {
      name: 'a misspelled Consul key is a broken config',
      log: '==> failed to parse /consul/config/server.hcl: 1 error occurred:\n\t* invalid config key ports.grcp_tls',
    },
    {
      name: 'an image file with a bad magic number is not bytecode',
      log: 'Error: invalid magic number in PNG header of /app/static/logo.png',
    },
    {
      name: 'a misspelled Prometheus key is a broken config',
      log: 'ts=2024-02-12T09:31:05.112Z caller=main.go:478 level=error msg="Error loading config" err="parsing YAML file /etc/prometheus/prometheus.yml: yaml: unmarshal errors:\\n  line 3: field scrape_intervall not found in type config.plain"',
    },
    {
      name: "psql's version warning is not a failure",
      log: 'WARNING: psql major version 15, server major version 16.\n         Some psql features might not work.\nCOPY 120',
    },
    {
      name: "Vault agent's version note is not a mismatch that stops it",
      log: '==> Note: Vault Agent version does not match Vault server version. Vault Agent version: 1.15.6, Vault server version: 1.15.4\n==> Vault Agent started! Log data will stream in below:',
    },
    {
      name: 'a server version reported at start',
      log: 'INFO connected to PostgreSQL 16.2 on postgres:5432\nINFO listening on :8080',
    },
    {
      name: 'a misspelled nginx directive is a broken config, not another version',
      log: 'nginx: [emerg] unknown directive "proxy_pas" in /etc/nginx/conf.d/default.conf:14',
    },
    { name: 'a version banner', log: 'openjdk version "17.0.9" 2023-10-17\nStarted Application in 3.2 seconds' },
    {
      name: 'redis known directive with wrong arguments is a config error',
      log: "*** FATAL CONFIG FILE ERROR (Redis 6.2.5) ***\nReading the configuration file, at line 1\n>>> 'unixsocket /run/redis.sock nunixsocketperm 755'\nwrong number of arguments",
    },
    {
      name: 'a plain syntax error without newer syntax',
      log: "/app/src/index.js:3\n    const x = {a: 1,, b: 2};\n                    ^\n\nSyntaxError: Unexpected token ','",
    },
    {
      name: 'a user-defined name not defined',
      log: 'ReferenceError: fetchUser is not defined\n    at main (/app/index.js:3:1)',
    },
    {
      name: 'a third-party module missing',
      log: "ModuleNotFoundError: No module named 'distro'",
    },
    {
      name: 'an app method that is not a function',
      log: 'TypeError: client.replaceAllUsers is not a function\n    at sync (/app/src/sync.js:9:12)',
    },
  ],
});
