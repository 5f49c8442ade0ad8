import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { missingDependency } from '../../../src/diagnosis/rules/missing-dependency.ts';
import { containerFacts, podFacts, contextFor as podContext } from '../../fixtures/pods.ts';
import { ruleTable } from './helpers.ts';

ruleTable(missingDependency, 'missing_dependency', {
  positives: [
    {
      name: 'a storage library naming, quoted, the package its configured backend needs',
      log: 'Traceback (most recent call last):\n  File "/app/storage.py", line 12, in get_backend\n    raise ImproperlyConfigured(msg)\nRuntimeError: `boto3` module is required for the S3 media storage backend',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'an Elixir HTTP client asking for a library to be added to the project dependencies',
      log: "** (RuntimeError) please add `:hackney` to your project's dependencies to use the Tesla.Adapter.Hackney adapter\n    (tesla 1.7.0) lib/tesla/adapter/hackney.ex:40: Tesla.Adapter.Hackney.call/2",
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'python-socketio unable to import the async mode it is set to use',
      log: 'Traceback (most recent call last):\n  File "/app/server.py", line 8, in <module>\n    sio = socketio.Server(async_mode="gevent")\n  File "/usr/local/lib/python3.11/site-packages/engineio/base_server.py", line 103, in __init__\n    raise ValueError(\'Invalid async_mode specified\')\nValueError: Invalid async_mode specified',
      exitCode: 1,
      min: 0.65,
      max: 0.84,
    },
    {
      name: 'a Fabric server whose mods folder lacks a library mod another mod requires',
      log: "[12:01:33] [main/ERROR]: Incompatible mods found!\nnet.fabricmc.loader.impl.FormattedException: Some of your mods are incompatible with the game or each other!\nA potential solution has been determined:\n\t - Install sodium, any version.\nMore details:\n\t - Mod 'Sodium Extra' (sodium-extra) 0.5.1 requires any version of sodium, which is missing!",
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'Apache loading a module whose own file the image does not ship',
      log: 'httpd: Syntax error on line 158 of /usr/local/apache2/conf/httpd.conf: Cannot load modules/mod_auth_openidc.so into server: /usr/local/apache2/modules/mod_auth_openidc.so: cannot open shared object file: No such file or directory',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'PHP starting with an extension the ini enables but the image never built',
      log: "PHP Warning:  PHP Startup: Unable to load dynamic library 'redis.so' (tried: /usr/local/lib/php/extensions/no-debug-non-zts-20220829/redis.so (/usr/local/lib/php/extensions/no-debug-non-zts-20220829/redis.so: cannot open shared object file: No such file or directory), /usr/local/lib/php/extensions/no-debug-non-zts-20220829/redis.so.so (/usr/local/lib/php/extensions/no-debug-non-zts-20220829/redis.so.so: cannot open shared object file: No such file or directory)) in Unknown on line 0",
      exitCode: 255,
      min: 0.8,
    },
    {
      name: 'a version manager whose plugin the image build never added',
      log: "No version is set for command node\nplugin 'nodejs' is not installed yet. Run `asdf plugin add nodejs`",
      exitCode: 126,
      min: 0.75,
    },
    {
      name: 'a pickled model whose library is not installed at all is still a missing package',
      log: 'Traceback (most recent call last):\n  File "/app/serve.py", line 9, in <module>\n    model = pickle.load(f)\nModuleNotFoundError: No module named \'xgboost\'',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'nbconvert executing a notebook in an image without the language kernel package',
      log: '[NbConvertApp] Converting notebook report.ipynb to html\njupyter_client.kernelspec.NoSuchKernel: No such kernel named ir',
      exitCode: 1,
      min: 0.75,
      max: 0.84,
    },
    {
      name: 'a SQLAlchemy URL whose dialect is registered by a driver package left out of the image',
      log: "sqlalchemy.exc.NoSuchModuleError: Can't load plugin: sqlalchemy.dialects:snowflake",
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a Sequelize app whose dialect driver package was left out of the image',
      log: 'Error: Please install pg package manually\n    at ConnectionManager._loadDialectModule (/srv/node_modules/sequelize/lib/dialects/abstract/connection-manager.js:55:15)',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a Spark job writing to s3a:// without hadoop-aws on the classpath',
      log: 'Exception in thread "main" org.apache.hadoop.fs.UnsupportedFileSystemException: No FileSystem for scheme "s3a"\n\tat org.apache.hadoop.fs.FileSystem.getFileSystemClass(FileSystem.java:3443)',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: "sqlite3's prebuilt binding never downloaded because install scripts were skipped",
      log: "Error: Cannot find module '/usr/src/app/node_modules/sqlite3/lib/binding/napi-v6-linux-glibc-x64/node_sqlite3.node'\nRequire stack:\n- /usr/src/app/node_modules/sqlite3/lib/sqlite3-binding.js",
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a Prisma client import whose generated code is absent from the runtime stage',
      log: "Error: Cannot find module '.prisma/client/default'\nRequire stack:\n- /app/node_modules/@prisma/client/default.js\n- /app/dist/server.js",
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'an Elixir release whose configured time zone database module (tz) was dropped from the deps',
      log: '** (ArgumentError) invalid :time_zone_database, got: Tz.TimeZoneDatabase. Make sure the module exists and it implements the Calendar.TimeZoneDatabase behaviour\n    (elixir 1.17.3) lib/calendar/datetime.ex:561: DateTime.now/2\n    (scheduler 0.4.0) lib/scheduler/clock.ex:12: Scheduler.Clock.local_now/0',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'a Blazor Server app on the runtime-deps image: the .NET host finds none of the framework it names',
      log: "It was not possible to find any compatible framework version\nThe framework 'Microsoft.AspNetCore.App', version '6.0.0' (x64) was not found.\n  - No frameworks were found.\n\nYou can resolve the problem by installing the specified framework and/or SDK.",
      exitCode: 150,
      min: 0.9,
    },
    {
      name: 'an Airflow-style plugin loader that cannot import a plugin its settings list',
      log: "ERROR - Failed to import plugin superset_custom_auth\nTraceback (most recent call last):\nModuleNotFoundError: No module named 'superset_custom_auth'",
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a plugin the settings enable that the image never pip-installed',
      log: 'django.core.exceptions.ImproperlyConfigured: Unable to import plugin netbox_topology_views: Module not found. Check that the plugin module has been installed within the correct Python environment.',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'an NLog target the config names whose NuGet package was never referenced',
      log: "Unhandled exception. NLog.NLogConfigurationException: Failed to create Target of type: Seq\n ---> System.ArgumentException: Target cannot be found: 'Seq'. Extension NLog.Targets.Seq not included?",
      exitCode: 134,
      min: 0.75,
    },
    {
      name: 'a Laravel queue whose Redis PHP extension is not loaded',
      log: 'In PhpRedisConnector.php line 58:\n\n  The [redis] extension is not loaded. Please install the phpredis extension.\n',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a PHP library that cannot find the extension it needs',
      log: 'PHP Fatal error:  Uncaught RuntimeException: Cannot find the "amqp" extension, install it or require php-amqplib/php-amqplib in /app/vendor/lib/Connection.php:41',
      exitCode: 255,
      min: 0.75,
    },
    {
      name: 'a framework that tells the user to ensure a package is installed',
      log: '[Loader] ERROR No adapter has been selected. Please ensure you have installed the "@fastify/static" package ($ npm install @fastify/static).',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: "rollup's Linux binary package was never installed because the lockfile came from a Mac",
      log: 'Error: Cannot find module @rollup/rollup-linux-x64-gnu. npm has a bug related to optional dependencies (https://github.com/npm/cli/issues/4828). Please try `npm i` again after removing both package-lock.json and node_modules directory.\n    at requireWithFriendlyError (/app/node_modules/rollup/dist/native.js:59:9)',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'Hibernate cannot load the JDBC driver class the configuration names (the jar is not packaged)',
      log: 'org.hibernate.boot.registry.classloading.spi.ClassLoadingException: Unable to load class [org.postgresql.Driver]\n\tat org.hibernate.boot.registry.classloading.internal.ClassLoaderServiceImpl.classForName(ClassLoaderServiceImpl.java:126)',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'Deno cannot find an npm package in node_modules and says to run deno install',
      log: 'error: Could not find a matching package for \'npm:chalk@5.3.0\' in the node_modules directory. Ensure you have all your JSR and npm dependencies listed in your deno.json or package.json, then run `deno install`. Alternatively, turn on auto-install by specifying `"nodeModulesDir": "auto"` in your deno.json file.\n    at file:///app/main.ts:1:19',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'tsx/esbuild cannot resolve a bare package specifier',
      log: 'node:internal/modules/run_main:123\n    triggerUncaughtException(\n    ^\nError [TransformError]: Transform failed with 1 error:\n/app/src/env.ts:1:18: ERROR: Could not resolve "zod"',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'Spring Session selects a store whose library is not on the classpath',
      log: "org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'sessionRepositoryValidator': Invocation of init method failed; nested exception is java.lang.IllegalArgumentException: No session repository could be auto-configured, check your configuration (session store type is 'redis')",
      exitCode: 1,
      min: 0.75,
    },
    {
      name: "Symfony's error handler names a global class only a PHP extension defines (Memcached)",
      log: 'In CacheAdapterFactory.php line 52:\n\n  Attempted to load class "Memcached" from the global namespace.\n  Did you forget a "use" statement?',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: "Symfony's error handler names an undefined function of an extension (mbstring) from the global namespace",
      log: 'PHP Fatal error:  Uncaught Symfony\\Component\\ErrorHandler\\Error\\UndefinedFunctionError: Attempted to call undefined function "mb_strtolower" from the global namespace. in /srv/app/src/Slugger.php:19',
      exitCode: 255,
      min: 0.8,
    },
    {
      name: "Symfony names a global class that is not one of the well-known extensions' (gmagick)",
      log: 'In ThumbnailGenerator.php line 28:\n\n  Attempted to load class "Gmagick" from the global namespace.\n  Did you forget a "use" statement?',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'a fat jar that left out the provider of an SPI the app uses (JAXB)',
      log: 'Exception in thread "main" javax.xml.bind.JAXBException: Implementation of JAXB-API has not been found on module path or classpath.\n\tat javax.xml.bind.ContextFinder.newInstance(ContextFinder.java:232)\n\tat com.acme.billing.InvoiceExport.<init>(InvoiceExport.java:31)',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a Node library that checks for its driver and says to add it to package.json',
      log: 'Error: session store "redis" selected, but ioredis is not present. Please add ioredis to your package.json and reinstall\n    at createStore (/app/node_modules/@acme/session/lib/store.js:41:11)',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'Elasticsearch refuses to start without a mandatory plugin the image lacks',
      log: '[2024-05-14T07:22:33,140][ERROR][o.e.b.Elasticsearch] fatal exception while booting Elasticsearch\njava.lang.IllegalStateException: missing mandatory plugins [analysis-icu], found plugins [repository-url]',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'RabbitMQ cannot enable a community plugin that is not in the image',
      log: 'Enabling plugins on node rabbit@mq-0:\nrabbitmq_message_timestamp\nError:\n{:plugins_not_found, [:rabbitmq_message_timestamp]}',
      exitCode: 70,
      min: 0.75,
    },
    {
      name: 'cargo without the cargo-watch package the dev command runs',
      log: 'error: no such command: `watch`\n\n\tView all installed commands with `cargo --list`\n\tFind a package to install `watch` with `cargo search cargo-watch`',
      exitCode: 1,
      min: 0.6,
    },
    {
      name: 'Deno run with --no-remote cannot load a remote module the image never cached',
      log: 'error: A remote specifier was requested: "https://deno.land/std@0.224.0/http/file_server.ts", but --no-remote is specified.\n    at file:///app/server.ts:2:28',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'npx in an offline cluster finds the package absent from the npm cache',
      log: "npm ERR! code ENOTCACHED\nnpm ERR! request to https://registry.npmjs.org/prisma failed: cache mode is 'only-if-cached' but no cached response is available.",
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a library names the optional package it loads and says it was not found',
      log: 'Traceback (most recent call last):\n  File "/app/worker.py", line 4, in <module>\n    store = ResultStore.from_url(URL)\nRuntimeError: The \'psycopg\' package was not found. Install it with the [postgres] extra.',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'six.moves missing from a vendored six is a newer Python than the library supports, not an absent package',
      log: 'Traceback (most recent call last):\n  File "/app/sync.py", line 2, in <module>\n    import boto\n  File "/usr/local/lib/python3.12/site-packages/boto/__init__.py", line 30, in <module>\n    from boto.vendored.six.moves import urllib\nModuleNotFoundError: No module named \'boto.vendored.six.moves\'',
      exitCode: 1,
      min: 0.3,
      max: 0.5,
      best: false,
    },
    {
      name: 'the .NET host cannot find a package assembly the deps.json expected in the runtime store',
      log: "Error:\n  An assembly specified in the application dependencies manifest (Orders.Worker.deps.json) was not found:\n    package: 'Microsoft.ApplicationInsights.AspNetCore', version: '2.1.1'\n    path: 'lib/netstandard2.0/Microsoft.ApplicationInsights.AspNetCore.dll'\n  This assembly was expected to be in the local runtime store as the application was published using the following target manifest files:\n    aspnetcore-store-2.0.0-linux-x64.xml",
      exitCode: 140,
      min: 0.85,
    },
    {
      name: 'transformers names the library a tokenizer needs but the environment lacks',
      log: 'Traceback (most recent call last):\n  File "/app/serve.py", line 9, in <module>\n    tokenizer = AutoTokenizer.from_pretrained(MODEL_DIR)\nImportError: \nT5Converter requires the protobuf library but it was not found in your environment. Check out the instructions on the\ninstallation page of its repo: https://github.com/protocolbuffers/protobuf/tree/master/python#installation and follow the ones\nthat match your environment. Please note that you may need to restart your runtime after installation.',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'LangChain cannot import the provider package and says how to install it',
      log: 'Traceback (most recent call last):\n  File "/app/chain.py", line 12, in <module>\n    llm = OpenAI(temperature=0)\nImportError: Could not import openai python package. Please install it with `pip install openai`.',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'HikariCP finds no driver for the jdbc URL',
      log: 'java.lang.RuntimeException: Failed to get driver instance for jdbcUrl=jdbc:mariadb://db:3306/app\n\tat com.zaxxer.hikari.util.DriverDataSource.<init>(DriverDataSource.java:114)\nCaused by: java.sql.SQLException: No suitable driver',
      exitCode: 1,
      min: 0.65,
    },
    {
      name: 'an import guard that names the library its feature needs',
      log: 'Traceback (most recent call last):\n  File "/app/worker.py", line 3, in <module>\nImportError: The lz4 codec requires the lz4 library. Please pip install kafka-python[lz4]',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'a Node framework cannot find a plugin the config names',
      log: 'Error: Cannot find plugin "gatsby-plugin-sitemap". Is it installed? Run npm install gatsby-plugin-sitemap.',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'an Erlang library named by its atom is not in the Elixir release',
      log: '** (UndefinedFunctionError) function :telemetry.execute/3 is undefined (module :telemetry is not available)\n    :telemetry.execute([:app, :repo, :query], %{total_time: 1200}, %{})\n    (ecto_sql 3.11.1) lib/ecto/adapters/sql.ex:1097: Ecto.Adapters.SQL.log/4',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'a dependency check that names the requirement it found missing',
      log: 'Traceback (most recent call last):\n  File "/app/export.py", line 12, in <module>\n    check_extra("parquet")\nRuntimeError: Parquet export needs pyarrow>=14.0, which is not installed',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'a PowerShell module not installed in the image',
      log: "Import-Module: The specified module 'Az.Accounts' was not loaded because no valid module file was found in any module directory.",
      exitCode: 1,
      min: 0.8,
    },
    {
      name: "Composer's platform check names PHP extensions the image lacks",
      log: 'PHP Fatal error:  Composer detected issues in your platform: Your Composer dependencies require the following PHP extensions to be installed: intl, bcmath. in /var/www/html/vendor/composer/platform_check.php on line 25',
      exitCode: 255,
      min: 0.8,
    },
    {
      name: "Django's own import check asks whether it is installed",
      log: 'Traceback (most recent call last):\n  File "/app/manage.py", line 11, in main\n    from django.core.management import execute_from_command_line\nImportError: Couldn\'t import Django. Are you sure it\'s installed and available on your PYTHONPATH environment variable? Did you forget to activate a virtual environment?',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: "httpx's SOCKS support package is not installed",
      log: "ImportError: Using SOCKS proxy, but the 'socksio' package is not installed. Make sure to install httpx using `pip install httpx[socks]`.",
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'a Kong plugin module that Lua cannot find',
      log: "nginx: [error] init_by_lua error: /usr/local/share/lua/5.1/kong/tools/utils.lua:1080: module 'kong.plugins.oidc.handler' not found:\n\tno field package.preload['kong.plugins.oidc.handler']\n\tno file './kong/plugins/oidc/handler.lua'",
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'a Spark Structured Streaming job whose Kafka source package was not deployed with it',
      log: 'Exception in thread "main" org.apache.spark.sql.AnalysisException: Failed to find data source: kafka. Please deploy the application as per the deployment section of "Structured Streaming + Kafka Integration Guide".\n\tat org.apache.spark.sql.errors.QueryCompilationErrors$.failedToFindKafkaDataSourceError(QueryCompilationErrors.scala:1037)',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'a Flink SQL job whose Avro format jar is not in lib/',
      log: "org.apache.flink.table.api.ValidationException: Could not find any format factory for identifier 'avro-confluent' in the classpath.\n\tat org.apache.flink.table.factories.FactoryUtil.discoverFactory(FactoryUtil.java:617)",
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'a Spark job reading gs:// without the GCS connector jar',
      log: 'Exception in thread "main" org.apache.hadoop.fs.UnsupportedFileSystemException: No FileSystem for scheme "gs"\n\tat org.apache.hadoop.fs.FileSystem.getFileSystemClass(FileSystem.java:3443)',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'a Clojure library not on the production classpath',
      log: 'Execution error (FileNotFoundException) at app.server/eval138$loading (server.clj:1).\nCould not locate ring/adapter/jetty__init.class, ring/adapter/jetty.clj or ring/adapter/jetty.cljc on classpath.',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'an R package not installed in the image',
      log: 'Error in library(plumber) : there is no package called ‘plumber’\nExecution halted',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a Julia package not in the environment',
      log: 'ERROR: LoadError: ArgumentError: Package HTTP not found in current path.\n- Run `import Pkg; Pkg.add("HTTP")` to install the HTTP package.',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a filesystem class the Hadoop config names is not in the image',
      log: 'Exception in thread "main" java.lang.RuntimeException: java.lang.ClassNotFoundException: Class org.apache.hadoop.fs.s3a.S3AFileSystem not found\n\tat org.apache.hadoop.conf.Configuration.getClass(Configuration.java:2688)',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'a Kafka Connect connector class not on the plugin path',
      log: 'org.apache.kafka.connect.errors.ConnectException: Failed to find any class that implements Connector and which name matches io.confluent.connect.s3.S3SinkConnector, available connectors are: PluginDesc{klass=class org.apache.kafka.connect.mirror.MirrorSourceConnector}',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'yarn PnP package missing from disk',
      log: 'Error: Required package missing from disk. If you keep your packages inside your project, make sure to run `yarn install` after pulling the latest changes.\n\nMissing package: express@npm:4.19.2',
      min: 0.8,
    },
    {
      name: "pip's hash check against the requirements",
      log: 'ERROR: THESE PACKAGES DO NOT MATCH THE HASHES FROM THE REQUIREMENTS FILE. If you have updated the package versions, please update the hashes.',
      min: 0.8,
    },
    {
      name: 'Django cannot load its database driver',
      log: '  File "/usr/local/lib/python3.11/site-packages/django/db/backends/postgresql/base.py", line 29, in <module>\n    raise ImproperlyConfigured("Error loading psycopg2 or psycopg module")\ndjango.core.exceptions.ImproperlyConfigured: Error loading psycopg2 or psycopg module',
      min: 0.8,
    },
    {
      name: "the app's own package not importable is not a confident missing install",
      log: 'Traceback (most recent call last):\n  File "/usr/local/bin/gunicorn", line 8, in <module>\nModuleNotFoundError: No module named \'app\'',
      exitCode: 1,
      min: 0.5,
      max: 0.6,
    },
    {
      name: 'bun names the importing file',
      log: 'error: Cannot find package "zod" from "/app/src/env.ts"\n\nBun v1.1.8 (Linux x64)',
      min: 0.85,
    },
    {
      name: 'npm ci with a lockfile out of sync',
      log: 'npm ERR! code EUSAGE\nnpm ERR! `npm ci` can only install packages when your package.json and package-lock.json or npm-shrinkwrap.json are in sync. Please update your lock file with `npm install` before continuing.\nnpm ERR! Missing: ioredis@5.4.1 from lock file',
      min: 0.8,
    },
    {
      name: 'go.sum entry missing',
      log: 'main.go:9:2: missing go.sum entry for module providing package github.com/redis/go-redis/v9 (imported by example.com/api); to add:\n\tgo get example.com/api',
      min: 0.8,
    },
    {
      name: 'maven artifact cannot be resolved',
      log: '[ERROR] Failed to execute goal on project orders: Could not resolve dependencies for project com.acme:orders:jar:1.4.0: Could not find artifact com.acme:common-lib:jar:2.3.1 in central (https://repo.maven.apache.org/maven2) -> [Help 1]',
      min: 0.8,
    },
    {
      name: 'bundler version pinned by Gemfile.lock',
      log: "/usr/local/lib/ruby/2.6.0/rubygems.rb:283:in `find_spec_for_exe': Could not find 'bundler' (2.1.4) required by your /app/Gemfile.lock. (Gem::GemNotFoundException)\nTo install the missing version, run `gem install bundler:2.1.4`",
      min: 0.85,
    },
    {
      name: 'deno package not cached',
      log: "error: npm package 'hono' does not exist in the cache; run with --cached-only false or `deno cache` first",
      min: 0.8,
    },
    {
      name: 'bun frozen lockfile',
      log: 'bun install v1.1.8\nerror: lockfile had changes, but lockfile is frozen\nnote: try re-running without --frozen-lockfile and commit the updated lockfile',
      min: 0.8,
    },
    {
      name: 'node CommonJS',
      log: "node:internal/modules/cjs/loader:1080\n  throw err;\n  ^\n\nError: Cannot find module 'dotenv'\nRequire stack:\n- /app/index.js",
      min: 0.85,
    },
    {
      name: 'node ESM',
      log: "node:internal/errors:496\n    ErrorCaptureStackTrace(err);\n    ^\n\nError [ERR_MODULE_NOT_FOUND]: Cannot find package 'pino' imported from /app/src/log.js",
      min: 0.85,
    },
    {
      name: 'python ModuleNotFoundError',
      log: 'Traceback (most recent call last):\n  File "/app/app.py", line 3, in <module>\n    import psycopg2\nModuleNotFoundError: No module named \'psycopg2\'',
      min: 0.85,
    },
    {
      name: 'ruby LoadError',
      log: "/usr/local/lib/ruby/3.2.0/bundled_gems.rb:74:in `require': cannot load such file -- nokogiri (LoadError)",
      min: 0.8,
    },
    {
      name: 'bundler gem missing',
      log: 'Could not find rack-3.0.8 in locally installed gems (Bundler::GemNotFound)',
      min: 0.85,
    },
    {
      name: 'php composer not installed',
      log: "PHP Warning:  require(/var/www/html/vendor/autoload.php): Failed to open stream: No such file or directory in /var/www/html/index.php on line 3\nPHP Fatal error:  Uncaught Error: Failed opening required '/var/www/html/vendor/autoload.php'",
      min: 0.8,
    },
    {
      name: 'java class missing',
      log: 'Exception in thread "main" java.lang.NoClassDefFoundError: org/slf4j/LoggerFactory\n\tat com.acme.Main.<clinit>(Main.java:9)',
      min: 0.65,
    },
    {
      name: "pandas' optional dependency named in words, not in an ImportError",
      log: 'Traceback (most recent call last):\n  File "/app/export.py", line 31, in <module>\n    df.to_excel(path)\nImportError: Missing optional dependency \'openpyxl\'.  Use pip or conda to install openpyxl.',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: "TypeORM's database driver not installed",
      log: 'DriverPackageNotInstalledError: Postgres package has not been found installed. Please run "npm install pg".\n    at PostgresDriver.loadDependencies (/app/node_modules/typeorm/driver/postgres/PostgresDriver.js:1150:19)',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'Sequelize asks for its dialect package',
      log: 'Error: Please install mysql2 package manually\n    at ConnectionManager._loadDialectModule (/app/node_modules/sequelize/lib/dialects/abstract/connection-manager.js:55:15)',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'a Logstash output plugin not installed in the image',
      log: '[2024-04-09T08:11:02,441][ERROR][logstash.agent           ] Failed to execute action {:action=>LogStash::PipelineAction::Create/pipeline_id:main, :exception=>"Java::JavaLang::IllegalStateException", :message=>"Unable to configure plugins: (PluginLoadingError) Couldn\'t find any output plugin named \'opensearch\'. Are you sure this is correct? Trying to load the opensearch output plugin resulted in this error: Unable to load the requested plugin named opensearch of type output. The plugin is not installed."}',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'a Jenkins plugin whose dependency is missing',
      log: '2024-03-05 10:22:19.904+0000 [id=41]\tSEVERE\tjenkins.InitReactorRunner$1#onTaskFailed: Failed Loading plugin Pipeline: Job v1400.v7fd111b_ec82f (workflow-job)\njava.io.IOException: Failed to load: Pipeline: Job (workflow-job 1400.v7fd111b_ec82f)\n - Plugin is missing: workflow-api (1291.v51fd2a_625da_7)',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: "pgvector not installed in the database image (the No such file is the server's, not the app's)",
      log: 'sqlalchemy.exc.ProgrammingError: (psycopg.errors.UndefinedFile) could not open extension control file "/usr/share/postgresql/15/extension/vector.control": No such file or directory\n[SQL: CREATE EXTENSION IF NOT EXISTS vector]',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'the driver is installed but its C library is not: an alternative below missing_shared_library',
      log: "/usr/local/bundle/gems/activerecord-7.1.3/lib/active_record/connection_adapters/postgresql_adapter.rb:5:in `require': libpq.so.5: cannot open shared object file: No such file or directory - /usr/local/bundle/gems/pg-1.5.4/lib/pg_ext.so (LoadError)\nError loading the 'postgresql' Active Record adapter. Missing a gem it depends on? libpq.so.5: cannot open shared object file: No such file or directory",
      exitCode: 1,
      min: 0.6,
      max: 0.7,
      best: 'missing_shared_library',
    },
    {
      name: 'Flyway 10 without the MySQL support module finds no database type for the connection',
      log: 'Caused by: org.flywaydb.core.api.FlywayException: No database found to handle jdbc:mysql://orders-db:3306/orders\n\tat org.flywaydb.core.internal.database.DatabaseTypeRegister.getDatabaseTypeForUrl(DatabaseTypeRegister.java:106)\n\tat org.flywaydb.core.Flyway.migrate(Flyway.java:147)',
      exitCode: 1,
      min: 0.86,
    },
    {
      name: 'Flyway run from the CLI image without the SQL Server module reports the database unsupported',
      log: 'ERROR: Unexpected error\norg.flywaydb.core.api.FlywayException: Unsupported Database: Microsoft SQL Server 16.0\n\tat org.flywaydb.core.internal.database.DatabaseTypeRegister.getDatabaseTypeForConnection(DatabaseTypeRegister.java:105)\n\tat org.flywaydb.commandline.Main.main(Main.java:149)',
      exitCode: 1,
      min: 0.86,
    },
    {
      name: 'Liquibase cannot find the database driver it was told to load',
      log: 'Unexpected error running Liquibase: liquibase.exception.DatabaseException: Cannot find database driver: org.mariadb.jdbc.Driver',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'a JDBC driver class missing from the classpath',
      log: 'Caused by: java.lang.IllegalStateException: Cannot load driver class: org.postgresql.Driver\n\tat org.springframework.util.Assert.state(Assert.java:97)',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'perl module',
      log: "Can't locate JSON/XS.pm in @INC (you may need to install the JSON::XS module)",
      min: 0.85,
    },
    {
      name: 'the AWS SDK names a service module that must be on the classpath for a configured feature',
      log: "software.amazon.awssdk.core.exception.SdkClientException: Unable to load credentials from any of the providers in the chain: [ProfileCredentialsProvider(): To use SSO OIDC related properties in the 'default' profile, the 'ssooidc' service module must be on the class path.]",
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a class under a Composer package namespace is not installed (require-dev left out by --no-dev)',
      log: 'PHP Fatal error:  Uncaught Error: Class "Faker\\Factory" not found in /var/www/html/database/seed.php:12\nStack trace:\n#0 {main}\n  thrown in /var/www/html/database/seed.php on line 12',
      exitCode: 255,
      min: 0.75,
    },
    {
      name: "a path Ruby cannot load is the app's own file as often as a gem: not a confident reading",
      log: "/srv/app/bin/sidekiq:4:in `require_relative': cannot load such file -- /srv/app/config/environment (LoadError)\n\tfrom /srv/app/bin/sidekiq:4:in `<main>'",
      exitCode: 1,
      min: 0.5,
      max: 0.6,
      best: false,
    },
    {
      name: "a class of the app's own namespace stays a weak reading",
      log: 'PHP Fatal error:  Uncaught Error: Class "App\\Jobs\\SendInvoice" not found in /var/www/html/app/Console/Kernel.php:30',
      exitCode: 255,
      max: 0.6,
      best: false,
    },
    {
      name: 'a framework says an optional adapter package is missing and how to install it',
      log: '[Nest] 7  - 01/02/2025, 9:00:01 AM   ERROR [PackageLoader] The "@nestjs/platform-fastify" package is missing. Please, make sure to install this library ($ npm install @nestjs/platform-fastify) to take advantage of FastifyAdapter.',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'a database driver module is not installed (another product, same family)',
      log: "Error: Please install pg package manually\n    at ConnectionManager._loadDialectModule (/app/node_modules/sequelize/lib/dialects/abstract/connection-manager.js:55:15)\nThe 'pg' module is not installed. Run `npm install pg` and try again.",
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'a PHP extension function called from a vendor namespace (posix missing from the image)',
      log: 'PHP Fatal error:  Uncaught Error: Call to undefined function Spatie\\Async\\posix_getpid() in /app/vendor/spatie/async/src/Pool.php:42',
      exitCode: 255,
      min: 0.8,
    },
    {
      name: "Django's driver import fails because libpq is absent: the driver is installed, so this reading steps back",
      log: "- couldn't import psycopg 'python' implementation: libpq library not found\nModuleNotFoundError: No module named 'psycopg2'\ndjango.core.exceptions.ImproperlyConfigured: Error loading psycopg2 or psycopg module",
      exitCode: 1,
      min: 0.5,
      max: 0.7,
      best: 'missing_shared_library',
    },
    {
      name: 'a library asserts the optional package a feature needs at the point of use (Starlette sessions)',
      log: 'Traceback (most recent call last):\n  File "/app/main.py", line 9, in <module>\n    app.add_middleware(SessionMiddleware, secret_key=settings.secret)\n  File "/usr/local/lib/python3.12/site-packages/starlette/middleware/sessions.py", line 8, in <module>\n    import itsdangerous\nAssertionError: itsdangerous must be installed to use SessionMiddleware',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'pandas names the optional dependency a reader needs (openpyxl for read_excel)',
      log: 'Traceback (most recent call last):\n  File "/app/import_rates.py", line 21, in <module>\n    df = pd.read_excel(path)\nImportError: Missing optional dependency \'openpyxl\'.  Use pip or conda to install openpyxl.',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'a feature that names the package it needs without "to be installed" (an extra dropped from the image)',
      log: 'INFO loading exporters\nERROR export plugin failed to load: the xlsx exporter requires the openpyxl package\nFATAL startup aborted',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a Perl HTTP client needs an optional TLS module the cpanfile left out (HTTP::Tiny wording)',
      log: 'Starting sync worker\nIO::Socket::SSL 1.42 must be installed for https support\nNet::SSLeay 1.49 required for https support at /app/lib/Sync.pm line 22.',
      exitCode: 255,
      min: 0.8,
    },
    {
      name: 'a development-only gem missing while Rails boots config/environments/development.rb is not a confident package reading',
      log: "=> Booting Puma\n=> Rails 6.1.7 application starting in development\n/usr/local/bundle/gems/bootsnap-1.16.0/lib/bootsnap/load_path_cache/core_ext/kernel_require.rb:17:in `require': cannot load such file -- web-console (LoadError)\n\tfrom /app/config/environments/development.rb:12:in `block in <main>'",
      exitCode: 1,
      max: 0.7,
      best: false,
    },
    {
      name: 'a wrapper that re-raises the import error of a package its worker needs, mid-line',
      log: "INFO starting worker pool\nRuntimeError: cannot start the worker: No module named 'uvloop'",
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'an ORM that says the async driver package is required for the dialect the URL names',
      log: 'sqlalchemy.exc.InvalidRequestError: the aiosqlite package is required to use the sqlite+aiosqlite dialect',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: "sharp's platform-binary message with a Node version requirement steps back (the runtime is too old)",
      log: 'Error: Could not load the "sharp" module using the linux-x64 runtime\nPossible solutions:\n- Please upgrade Node.js:\n    Found 18.12.0\n    Requires ^18.17.0 || ^20.3.0 || >=21.0.0',
      exitCode: 1,
      min: 0.45,
      max: 0.5,
      best: false,
    },
    {
      name: 'a Quarkus CLI launcher prints only the binary name of a class whose jar was not packaged',
      log: '2024-05-02 10:11:12,001 ERROR [io.quarkus.runtime.ApplicationLifecycleManager] (main) Failed to start application\n2024-05-02 10:11:12,002 ERROR [io.quarkus.runtime.ApplicationLifecycleManager] (main) Error: com/fasterxml/jackson/datatype/jsr310/JavaTimeModule',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: "a Vert.x thin jar without its dependencies cannot load the framework's launcher as the main class",
      log: 'Error: Could not find or load main class io.vertx.core.Launcher\nCaused by: java.lang.ClassNotFoundException: io.vertx.core.Launcher',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'an Erlang release that left out a dependency application: undef for its module at start',
      log: "Kernel pid terminated (application_controller) ({application_start_failure,gateway,{bad_return,{{gateway_app,start,[normal,[]]},{'EXIT',{undef,[{cowboy,start_clear,[http,[{port,8080}],#{}],[]},{gateway_app,start,2,[]}]}}}}})",
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'a plugin host asks to ensure the required packages for the configured type are installed',
      log: "Loading storage backend 's3' for result store\nFailed to start: make sure the required packages are installed for the 's3' backend (pip install 'app[s3]')",
      exitCode: 1,
      min: 0.75,
    },
    {
      name: ".NET loads a package's placeholder assembly: its runtimes/unix build is not in the image",
      log: 'Unhandled exception. System.PlatformNotSupportedException: System.Data.Odbc is not supported on this platform.\n   at System.Data.Odbc.OdbcConnection..ctor(String connectionString)',
      exitCode: 134,
      min: 0.7,
    },
    {
      name: 'a library that asks whether the optional backend it was told to use was installed',
      log: 'Traceback (most recent call last):\n  File "/app/export.py", line 12, in <module>\n    render(doc, engine="weasyprint")\nValueError: No engine named weasyprint. Did you install the weasyprint package?',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: "Druid's MySQL metadata store without the connector jar (not in the distribution)",
      log: 'Exception in thread "main" java.lang.RuntimeException: com.google.inject.ProvisionException: Unable to provision, see the following errors:\n\n1) Error in custom provider, java.lang.IllegalStateException: Could not find com.mysql.jdbc.Driver on the classpath. The MySQL Connector library is not included in the Druid distribution but is required to use MySQL.',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'a driver class the tool cannot locate in the classpath (another wording)',
      log: 'ERROR [main] c.e.etl.Bootstrap - Cannot locate org.postgresql.Driver in the classpath; add the PostgreSQL JDBC jar to lib/',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'Spark cannot find the kafka data source (spark-sql-kafka not added)',
      log: 'Exception in thread "main" org.apache.spark.sql.AnalysisException: Failed to find data source: kafka. Please deploy the application as per the deployment section of "Structured Streaming + Kafka Integration Guide".',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'Kafka Connect finds no connector class of that name on plugin.path',
      log: 'org.apache.kafka.connect.errors.ConnectException: Failed to find any class that implements Connector and which name matches io.confluent.connect.jdbc.JdbcSinkConnector, available connectors are: PluginDesc{klass=class org.apache.kafka.connect.mirror.MirrorSourceConnector}',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'Factorio refuses a mod whose required dependency is not in the mods folder',
      log: '   0.063 Running in headless mode\n   0.071 Error Util.cpp:83: Failed to load mods: space-exploration: Missing required dependency space-exploration-graphics >= 0.6.15',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'Jenkins names a plugin another plugin needs (another product and wording)',
      log: 'SEVERE\tjenkins.InitReactorRunner$1#onTaskFailed: Failed Loading plugin Pipeline: Declarative v2.2198.v41dd8ef6dd56 (pipeline-model-definition)\njava.io.IOException: Failed to load: Pipeline: Declarative (pipeline-model-definition 2.2198.v41dd8ef6dd56)\n - Plugin is missing: pipeline-model-api (2.2198.v41dd8ef6dd56)',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'OpenSearch refuses a plugin whose dependency plugin is not installed',
      log: '[2024-05-01T10:00:00,000][ERROR][o.o.b.OpenSearchUncaughtExceptionHandler] uncaught exception in thread [main]\norg.opensearch.bootstrap.StartupException: java.lang.IllegalArgumentException: Missing plugin [opensearch-job-scheduler], dependency of [opensearch-anomaly-detection]',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'a Laravel app whose cache store uses phpredis, in an image built without the extension',
      log: '   LogicException \n\n  Please make sure the PHP Redis extension is installed and enabled.\n\n  at vendor/laravel/framework/src/Illuminate/Redis/Connectors/PhpRedisConnector.php:83',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'Nextcloud listing a PHP module the custom image did not build',
      log: 'An unhandled exception has been thrown:\nException: PHP module zip not installed.\n\nPlease ask your server administrator to install the module.',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'WordPress on an image without the mysqli extension',
      log: 'PHP Fatal error:  Your PHP installation appears to be missing the MySQL extension which is required by WordPress. in /var/www/html/wp-includes/functions.php on line 1890',
      exitCode: 255,
      min: 0.75,
    },
    {
      name: 'a Django REST framework setting naming an authentication class from a package not installed',
      log: "ImportError: Could not import 'rest_framework_simplejwt.authentication.JWTAuthentication' for API setting 'DEFAULT_AUTHENTICATION_CLASSES'.",
      exitCode: 1,
      min: 0.7,
      max: 0.84,
    },
    {
      name: 'a Jupyter Server whose spawner class, named by its import path, cannot be imported',
      log: "traitlets.traitlets.TraitError: The 'spawner_class' trait of <jupyterhub.app.JupyterHub object at 0x7f00> instance must be a type, but 'kubespawner.KubeSpawner' could not be imported",
      exitCode: 1,
      min: 0.7,
      max: 0.84,
    },
  ],
  negatives: [
    {
      name: 'a kernel module the host must load is not a PHP extension in the image',
      log: 'iptables v1.8.9 (legacy): cannot initialize table: make sure the ip_tables kernel module is loaded',
      exitCode: 1,
    },
    {
      name: 'a configured class whose module imports but lacks the name is a misspelt path, not a missing package',
      log: 'django.core.exceptions.ImproperlyConfigured: Module "myapp.backends" does not define a "TokenBackend" attribute/class; \'myapp.backends.TokenBackend\' could not be imported',
      exitCode: 1,
    },
    {
      name: 'a script file name given where the worker command expects a module name',
      log: "Usage: celery [OPTIONS] COMMAND [ARGS]...\nError: Invalid value for '-A' / '--app':\nUnable to load celery application.\nModuleNotFoundError: No module named 'tasks.py'; 'tasks' is not a package",
      exitCode: 2,
    },
    {
      name: 'a required setting (not a package) named in quotes',
      log: "Error: 'database_url' setting is required for the production profile",
      exitCode: 1,
    },
    {
      name: 'a server module whose library under it is absent names that library by its bare soname',
      log: 'nginx: [emerg] dlopen() "/etc/nginx/modules/ngx_http_brotli_filter_module.so" failed (libbrotlienc.so.1: cannot open shared object file: No such file or directory) in /etc/nginx/nginx.conf:1',
      exitCode: 1,
    },
    {
      name: 'a hedge about how the host was set up names no package',
      log: 'WARN the GPU driver may not have been installed correctly on this node, falling back to CPU\nError: model weights not found at /models/base',
      exitCode: 1,
    },
    {
      name: 'a joblib model pickled by an older scikit-learn names a module the installed release moved',
      log: 'Traceback (most recent call last):\n  File "/app/serve.py", line 14, in <module>\n    model = joblib.load("/models/churn.joblib")\n  File "/usr/local/lib/python3.11/site-packages/joblib/numpy_pickle.py", line 658, in load\n    obj = _unpickle(fobj, filename, mmap_mode)\nModuleNotFoundError: No module named \'sklearn.ensemble.forest\'',
      exitCode: 1,
    },
    {
      name: 'a Heroku-style postgres:// URL is a wrong scheme, not a missing dialect package',
      log: "sqlalchemy.exc.NoSuchModuleError: Can't load plugin: sqlalchemy.dialects:postgres",
      exitCode: 1,
    },
    {
      name: 'a notebook kernel that died mid-run is not a missing kernel',
      log: 'nbclient.exceptions.DeadKernelError: Kernel died',
      exitCode: 1,
    },
    {
      name: 'a native addon built for another Node.js version is a runtime mismatch, not a missing package',
      log: "Error: The module '/app/node_modules/bcrypt/lib/binding/napi-v3/bcrypt_lib.node'\nwas compiled against a different Node.js version using\nNODE_MODULE_VERSION 108. This version of Node.js requires\nNODE_MODULE_VERSION 115.",
      exitCode: 1,
    },
    {
      name: "the app's own compiled addon outside node_modules is not a package's install step",
      log: "Error: Cannot find module '/app/build/Release/addon.node'\nRequire stack:\n- /app/index.js",
      exitCode: 1,
    },
    {
      name: 'advice about a modules directory is not a module missing from the release',
      log: 'nginx: [emerg] dlopen() "/etc/nginx/modules/ngx_http_geoip_module.so" failed\nhint: make sure the modules directory exists and is readable',
      exitCode: 1,
    },
    {
      name: "the app's own main class missing from the command is not a framework launcher",
      log: 'Error: Could not find or load main class com.example.billing.Main',
      exitCode: 1,
    },
    {
      name: 'a relative file path in an error line is not a class name',
      log: 'ERROR: config/templates/Invoice not readable',
      exitCode: 1,
    },
    {
      name: 'advice to install system packages for a native build is not a missing language package',
      log: 'error: failed to build wheel: ensure the required system packages are installed (libffi-dev, build-essential)',
      exitCode: 1,
    },
    {
      name: 'a .NET app whose framework is present in another version is a version gap, not an absent framework',
      log: "You must install or update .NET to run this application.\n\nApp: /app/Api.dll\nArchitecture: x64\nFramework: 'Microsoft.AspNetCore.App', version '9.0.0' (x64)\n.NET location: /usr/share/dotnet/\n\nThe following frameworks were found:\n  8.0.11 at [/usr/share/dotnet/shared/Microsoft.AspNetCore.App]",
      exitCode: 150,
    },
    {
      name: 'a plugin that loaded and then logged its own failure is not an absent install',
      log: 'INFO Loaded plugin netbox_bgp 0.12.1\nERROR plugin netbox_bgp: invalid setting "default_asn": expected an integer',
      exitCode: 1,
    },
    {
      name: 'a fluentd parser type misspelt from a built-in one is a config typo, not an absent gem',
      log: '2024-03-02 08:14:51 +0000 [error]: config error file="/fluentd/etc/fluent.conf" error_class=Fluent::ConfigError error="Unknown parser plugin \'mutliline\'. Run \'gem search -rd fluent-plugin\' to find plugins"',
      exitCode: 1,
    },
    {
      name: 'a Flyway migration that fails on its SQL is a migration failure, not a missing module',
      log: 'Caused by: org.flywaydb.core.internal.command.DbMigrate$FlywayMigrateException: Migration V7__add_index.sql failed\nSQL State  : 42P07\nMessage    : ERROR: relation "orders_idx" already exists\n\tat org.flywaydb.core.Flyway.migrate(Flyway.java:147)',
      exitCode: 1,
    },
    {
      name: 'an optional speed-up reported absent in parentheses, the app going on without it',
      log: "INFO json backend: stdlib (No module named 'orjson')\nINFO listening on :8000",
      exitCode: 0,
      reason: 'Completed',
    },
    {
      name: 'a kernel module a CNI needs is a host matter, not a package of the image',
      log: 'level=fatal msg="IPVS mode requires the ip_vs kernel module"',
      exitCode: 1,
    },
    {
      name: 'a file extension that is not allowed is not a missing extension',
      log: 'ERROR upload rejected: the file extension "exe" is not allowed\nFATAL worker crashed: unhandled rejection',
      exitCode: 1,
    },
    {
      name: 'a driver class that loaded, then a refused connection, is not a missing jar',
      log: 'INFO Loaded JDBC driver class [org.postgresql.Driver]\nERROR Could not connect to db:5432: Connection refused',
      exitCode: 1,
    },
    {
      name: 'a quoted host name that cannot be resolved is DNS, not a package',
      log: 'Error: Could not resolve "postgres-primary" (lookup postgres-primary on 10.96.0.10:53: no such host)\n    at connect (/app/dist/db.js:22:11)',
      exitCode: 1,
    },
    {
      name: 'a cache type Spring cannot bind is a misspelled value, not a missing library',
      log: '***************************\nAPPLICATION FAILED TO START\n***************************\n\nDescription:\n\nFailed to bind properties under \'spring.cache.type\' to org.springframework.boot.autoconfigure.cache.CacheType:\n\n    Property: spring.cache.type\n    Value: "caffiene"\n    Reason: failed to convert java.lang.String to org.springframework.boot.autoconfigure.cache.CacheType (caused by java.lang.IllegalArgumentException: No enum constant org.springframework.boot.autoconfigure.cache.CacheType.caffiene)',
      exitCode: 1,
    },
    {
      name: 'a runtime version a tool says must be installed is a version of the image, not a package',
      log: 'ERROR: Python 3.10 or newer must be installed to use this CLI (found 3.8.18)',
      exitCode: 1,
    },
    {
      name: "Symfony naming a class of the app's own namespace is a bug or a stale autoloader, not an extension",
      log: 'In InvoiceController.php line 44:\n\n  Attempted to load class "InvoiceMailer" from namespace "App\\Mailer".\n  Did you forget a "use" statement for another namespace?',
      exitCode: 1,
    },
    {
      name: 'a credentials provider chain that found nothing is a setting, not a jar',
      log: 'Exception in thread "main" java.lang.IllegalStateException: No service provider found for credential type \'azure-cli\'\n\tat com.acme.Main.main(Main.java:12)',
      exitCode: 1,
    },
    {
      name: "Ruby 3.3's warning that a default gem leaves the standard library (it still loads)",
      log: '/usr/local/bundle/gems/activesupport-7.0.8/lib/active_support/message_encryptor.rb:4: warning: base64 was loaded from the standard library, but will no longer be part of the default gems since Ruby 3.4.0. Add base64 to your Gemfile or gemspec to silence this warning.\nPuma starting in single mode...',
      exitCode: 0,
    },
    {
      name: 'a mistyped built-in subcommand of a CLI is an argument error',
      log: "Usage: celery [OPTIONS] COMMAND [ARGS]...\nTry 'celery --help' for help.\n\nError: No such command 'wroker'.",
      exitCode: 2,
    },
    {
      name: "Flask naming the app module it could not locate is the app's own file, not a package",
      log: '[FLASK] Error: Could not locate a Flask application. You did not provide the "FLASK_APP" environment variable, and a "wsgi.py" or "app.py" module was not found in the current directory.',
      exitCode: 2,
    },
    {
      name: 'a missing config key with an install word is not a missing package',
      log: 'ERROR config key "install.path" is missing from settings.yaml',
      exitCode: 1,
      best: false,
    },
    {
      name: 'the .NET host naming the deps.json it read is not a missing assembly',
      log: 'info: Host: resolving assemblies from the application dependencies manifest (Api.deps.json)\ninfo: Microsoft.Hosting.Lifetime[14] Now listening on: http://[::]:8080',
      exitCode: 0,
      reason: 'Completed',
    },
    {
      name: 'a native library a package needs is a shared object, not a package',
      log: 'OSError: sndfile library not found; libsndfile.so.1 requires the libsndfile shared library to be installed',
      exitCode: 1,
    },
    {
      name: 'a version requirement of an installed library is not a missing package',
      log: 'RuntimeError: this feature requires the pydantic library version 2 or newer (found 1.10.13)',
      exitCode: 1,
    },
    {
      name: 'a standard-library module of a newer Python is the runtime version, not a package',
      log: 'Traceback (most recent call last):\n  File "/app/scheduler.py", line 3, in <module>\n    from zoneinfo import ZoneInfo\nModuleNotFoundError: No module named \'zoneinfo\'',
      exitCode: 1,
    },
    {
      name: "Deno's missing local file:/// module is a missing file, not a package",
      log: 'error: Module not found "file:///app/src/routes/health.ts".\n    at file:///app/main.ts:3:28',
      exitCode: 1,
    },
    {
      name: "Composer's platform check about the PHP version is the runtime, not a package",
      log: 'PHP Fatal error:  Composer detected issues in your platform: Your Composer dependencies require a PHP version ">= 8.2.0". You are running 8.1.27. in /var/www/html/vendor/composer/platform_check.php on line 24',
      exitCode: 255,
    },
    {
      name: 'a missing required setting is not a package',
      log: 'org.apache.kafka.common.config.ConfigException: Missing required configuration "bootstrap.servers" which has no default value.',
    },
    {
      name: 'a native library the module links is a shared library, not a package',
      log: 'Traceback (most recent call last):\n  File "/app/db.py", line 1, in <module>\n    import psycopg2\nImportError: libpq.so.5: cannot open shared object file: No such file or directory',
    },
    {
      name: 'a kernel module is the node, not the image',
      log: 'ERROR: Missing kernel module wireguard; load it on the host with modprobe',
    },
    {
      name: 'Mix called from a release is a bug in the code',
      log: '** (UndefinedFunctionError) function Mix.env/0 is undefined (module Mix is not available)\n    (shop 0.1.0) lib/shop/application.ex:12: Shop.Application.start/2',
    },
    {
      name: 'a lockfile mentioned in an info line',
      log: 'INFO  using package-lock.json from the image (lockfileVersion 3)\nINFO  server listening on :3000',
    },
    { name: 'the entry file itself is missing', log: "Error: Cannot find module '/app/dist/index.js'" },
    {
      name: "pip's upgrade notice is not a missing package",
      log: '[notice] A new release of pip is available: 23.0.1 -> 24.0\n[notice] To update, run: pip install --upgrade pip\nINFO:     Uvicorn running on http://0.0.0.0:8000',
    },
    {
      name: 'an extension that is already there',
      log: 'NOTICE:  extension "postgis" already exists, skipping\nINFO  [alembic.runtime.migration] Running upgrade  -> 3f2a, add places',
    },
    {
      name: 'module names in an info line',
      log: 'INFO loaded module auth\nINFO loaded module billing\nINFO listening on :8080',
    },
    {
      name: 'a connector that loaded and rejects an option it does not know is a config error, not an absent jar',
      log: "org.apache.flink.table.api.ValidationException: Unsupported options found for 'kafka'.\n\nUnsupported options:\n\nscan.startup.mod\n\nSupported options:\n\nscan.startup.mode\ntopic",
      exitCode: 1,
    },
    {
      name: "a classpath resource of the app's own that is absent is a missing file, not a package",
      log: 'Caused by: java.io.FileNotFoundException: class path resource [db/changelog/db.changelog-master.yaml] cannot be opened because it does not exist',
      exitCode: 1,
    },
    {
      name: "an undefined function of the app's own namespace is a bug, not a missing extension",
      log: 'PHP Fatal error:  Uncaught Error: Call to undefined function App\\Support\\format_money() in /app/src/Invoice.php:18',
      exitCode: 255,
    },
    {
      name: "a Node core subpath reported missing is an old runtime, not a package (Node 12 on 'stream/promises')",
      log: "internal/modules/cjs/loader.js:883\n  throw err;\nError: Cannot find module 'stream/promises'\nRequire stack:\n- /app/dist/upload.js",
      exitCode: 1,
    },
    {
      name: "a 'node:'-prefixed builtin Node 14 does not know is an old runtime, not a package",
      log: "Error: Cannot find module 'node:util'\n    at Function.Module._resolveFilename (internal/modules/cjs/loader.js:815:15)",
      exitCode: 1,
    },
    {
      name: "Moose's required attribute is an argument the code left out, not a Perl module",
      log: 'Attribute (dsn) is required at /usr/local/lib/perl5/Moose/Object.pm line 24\n\tMoose::Object::new("App::Store") called at /app/bin/run line 9',
      exitCode: 255,
    },
    {
      name: 'a Windows-only API on Linux is not a package left out',
      log: 'System.PlatformNotSupportedException: System.Drawing.Common is not supported on non-Windows platforms.',
      exitCode: 134,
    },
    {
      name: 'a warning that suggests installing a faster optional parser is no failure',
      log: 'UserWarning: Do you need to install a faster parser library? Falling back to html.parser\nINFO: scraped 120 pages',
      exitCode: 0,
    },
    {
      name: "an app config file that is not on the classpath is the app's own file",
      log: 'Exception in thread "main" java.lang.IllegalStateException: Could not find logback-spring.xml on the classpath',
      exitCode: 1,
    },
    {
      name: 'two installed mods that conflict: nothing is missing',
      log: '   0.071 Error Util.cpp:83: Failed to load mods: Krastorio2: Incompatible with mod: bobplates',
      exitCode: 1,
    },
  ],
});

describe('missing-dependency: vendor/ hidden by a volume', () => {
  const log = [
    'PHP Warning:  require(/var/www/html/vendor/autoload.php): Failed to open stream: No such file or directory in /var/www/html/artisan on line 18',
    "PHP Fatal error:  Uncaught Error: Failed opening required '/var/www/html/vendor/autoload.php' (include_path='.:/usr/local/lib/php') in /var/www/html/artisan:18",
  ];
  const confidenceWith = (mountPath: string) => {
    const container = containerFacts({ volumeMounts: [{ name: 'code', mountPath, readOnly: false }] });
    return missingDependency.match(podContext({ container, pod: podFacts({ containers: [container] }), logLines: log }))
      ?.confidence;
  };

  test('a volume mounted over the app directory makes a hidden vendor/ (missing_file) the likelier reading', () => {
    const confidence = confidenceWith('/var/www/html');
    assert.ok(confidence !== undefined && confidence <= 0.5, `confidence ${confidence}`);
  });

  test('a volume elsewhere leaves the uninstalled-dependencies reading, below the confident band', () => {
    const confidence = confidenceWith('/var/www/html/storage');
    assert.ok(confidence !== undefined && confidence >= 0.75 && confidence < 0.85, `confidence ${confidence}`);
  });
});
