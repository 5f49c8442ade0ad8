import { missingFile } from '../../../src/diagnosis/rules/missing-file.ts';
import { parseEventsText } from '../../../src/diagnosis/events-text.ts';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { containerFacts, event, contextFor as podContext, terminated } from '../../fixtures/pods.ts';
import { failedEvent, ruleTable } from './helpers.ts';

const HIDDEN_ENTRYPOINT =
  'Error: failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "/srv/app/run.sh": stat /srv/app/run.sh: no such file or directory: unknown';

ruleTable(missingFile, 'missing_file', {
  positives: [
    {
      name: 'a Java keystore path mounted elsewhere (the JVM file-open wording inside an IOException)',
      log: 'ERROR Fatal error during startup\njava.io.IOException: /etc/zookeeper/ssl/keystore.jks (No such file or directory)\n\tat java.base/java.io.FileInputStream.open0(Native Method)',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'Go sqlite (mattn) cannot open its database: the directory is missing',
      log: 'FATAL open db: unable to open database file: no such file or directory',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'SQLite SQLITE_CANTOPEN alone: a missing data directory is one reading',
      log: 'Error: SQLITE_CANTOPEN: unable to open database file\n    at Database.<anonymous> (/app/node_modules/sqlite3/lib/sqlite3.js:27:11)',
      exitCode: 1,
      min: 0.55,
      max: 0.7,
      // An unwritable directory says the same words: permission_denied's reading ranks first, this one is the alternative.
      best: 'permission_denied',
    },
    {
      name: 'an Erlang/Elixir server naming a TLS key file as a term with {error,enoent}',
      log: '2024-06-03 14:20:17.781 [error] Failed to start listener: {options,{keyfile,"/etc/emqx/certs/key.pem",{error,enoent}}}',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'a tool that cannot find the absolute script it was pointed at (ConfigMap key named otherwise)',
      log: "Error: Could not find '/scripts/k6/checkout.js'. Check the path given to run.",
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'the .NET app assembly a command names, as the alternative to a wrong name in the command',
      log: 'Could not execute because the specified command or file was not found.\nPossible reasons for this include:\n  * You misspelled a built-in dotnet command.\n  * You intended to execute a .NET program, but dotnet-Billing.Worker.dll does not exist.\n  * You intended to run a global tool, but a dotnet-prefixed executable with this name could not be found on the PATH.',
      exitCode: 1,
      min: 0.45,
      max: 0.55,
      best: 'bad_command_args',
    },
    {
      name: 'pm2 told to run a script the runtime stage of the build did not copy',
      log: '[PM2] Spawning PM2 daemon with pm2_home=/root/.pm2\n[PM2][ERROR] Script not found: /app/dist/server.js',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'a process manager config file named by the command is not in the image',
      log: 'Launching in no daemon mode\nError: File process.config.js not found',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: "Stanza's downloaded resources are not under the running user's home",
      log: 'Traceback (most recent call last):\n  File "/app/nlp.py", line 4, in <module>\n    nlp = stanza.Pipeline("en")\nstanza.pipeline.core.ResourcesFileNotFoundError: Resources file not found at: /home/app/stanza_resources/resources.json  Try to download the model again.',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'a Flink job jar missing from the user lib directory (a volume mounted over it)',
      log: '2024-05-28 09:41:13,902 ERROR org.apache.flink.runtime.entrypoint.ClusterEntrypoint [] - Could not create application program.\norg.apache.flink.util.FlinkException: JAR file does not exist: /opt/flink/usrlib/orders-job.jar',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'a dbt job whose image lost dbt_project.yml to the build context (Not a dbt project)',
      log: '12:01:33  Running with dbt=1.8.2\n12:01:33  Encountered an error:\nRuntime Error\n  fatal: Not a dbt project (or any of the parent directories). Missing dbt_project.yml file',
      exitCode: 2,
      min: 0.75,
    },
    {
      name: 'Maven run in a working directory without pom.xml (no POM in this directory)',
      log: '[ERROR] The goal you specified requires a project to execute but there is no POM in this directory (/app). Please verify you invoked Maven from the correct directory. -> [Help 1]',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a jar named by a glob that matched nothing: missing jar is the second reading behind exec form',
      log: 'Unable to access jarfile /opt/app/lib/*.jar',
      exitCode: 1,
      min: 0.55,
      max: 0.65,
      best: false,
    },
    {
      name: 'a preview server whose build output directory was not copied into the image',
      log: 'error when starting preview server:\nError: The directory "dist" does not exist. Did you build your project?',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: "a Node HTTPS server whose key file is absent, in OpenSSL 1.1's BIO wording",
      log: 'Error: error:2006D080:BIO routines:BIO_new_file:no such file\n    at Object.createSecureContext (node:_tls_common:163:17)\n    at Server.setSecureContext (node:_tls_wrap:1356:27)',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a Go server that cannot read the config file a flag names (the key in the ConfigMap differs)',
      log: 'time="2024-06-01T10:00:00Z" level=fatal msg="failed to read config file /etc/vector/vector.toml"',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'a PHP framework cannot load a local config file that is gitignored',
      log: "PHP Fatal error:  Uncaught Laminas\\Config\\Exception\\RuntimeException: Unable to load config file '/var/www/app/config/autoload/local.php' in /var/www/app/vendor/laminas/laminas-config/src/Factory.php:116",
      exitCode: 255,
      min: 0.7,
    },
    {
      name: 'a directory a setting names does not exist (a mount over its parent hid it)',
      log: 'Error: --spool-dir /var/spool/relay/queue does not exist or is not a directory\nrelay exited',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'an env-named directory that is "not set or not a directory" reads as missing_file too',
      log: 'ValueError: env PROMETHEUS_MULTIPROC_DIR is not set or not a directory',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a transformers server pointed at a directory without the model config (volume subPath one level off)',
      log: 'Traceback (most recent call last):\n  File "/app/serve.py", line 12, in <module>\n    model = AutoModelForSequenceClassification.from_pretrained("/models")\nOSError: /models does not appear to have a file named config.json. Checkout \'https://huggingface.co//models/None\' for available files.',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'a loader that finds no manifest file in the directory it was given',
      log: 'ERROR - Some of the models failed to load during startup!\nmlflow.exceptions.MlflowException: Could not find an "MLmodel" configuration file at "/mnt/models"',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'a Laravel image built without its .env: phpdotenv cannot read the file',
      log: 'PHP Fatal error:  Uncaught Dotenv\\Exception\\InvalidPathException: Unable to read any of the environment file(s) at [/var/www/html/.env]. in /var/www/html/vendor/vlucas/phpdotenv/src/Store/FileStore.php:68\nStack trace:\n#0 /var/www/html/vendor/vlucas/phpdotenv/src/Dotenv.php(222): Dotenv\\Store\\FileStore->read()',
      exitCode: 255,
      min: 0.7,
    },
    {
      name: 'a Go service that log.Fatal()s when godotenv finds no .env file',
      log: '2024/05/14 08:01:12 Error loading .env file',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'runc cannot bind a host path created as a directory over the image file (status message)',
      log: '',
      exitCode: 128,
      reason: 'StartError',
      message:
        'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: error mounting "/srv/grafana/grafana.ini" to rootfs at "/etc/grafana/grafana.ini": mount /srv/grafana/grafana.ini:/etc/grafana/grafana.ini (via /proc/self/fd/6), flags: 0x5000: not a directory: unknown',
      min: 0.8,
    },
    {
      name: "the runtime's mount-kind hint in a Failed event",
      log: '',
      exitCode: 128,
      reason: 'StartError',
      events: [
        failedEvent(
          'Error: failed to start container "app": Error response from daemon: OCI runtime create failed: container_linux.go:380: starting container process caused: process_linux.go:545: container init caused: rootfs_linux.go:76: mounting "/opt/app/settings.json" to rootfs at "/app/settings.json" caused: mount through procfd: not a directory: unknown: Are you trying to mount a directory onto a file (or vice-versa)? Check if the specified host path exists and is the expected type',
          3,
        ),
      ],
      min: 0.8,
    },
    {
      name: 'MariaDB cannot open the options file its command names',
      log: "mariadbd: Can't open config file /etc/mysql/extra/replica.cnf\nFatal error in defaults handling. Program aborted",
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'nginx.conf bind-mounted from a missing host file became a directory',
      log: 'nginx: [emerg] pread() "/etc/nginx/nginx.conf" failed (21: Is a directory)',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a plugin searched in a content directory that a volume hides',
      log: 'Error: Could not find plugin auth-ldap in /srv/app/content/plugins/',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'a definitions file that is not mounted',
      log: "2024-10-04 09:03:00.100 [error] <0.250.0> Definitions file at '/etc/rabbitmq/definitions.json' does not exist\nBOOT FAILED",
      min: 0.75,
    },
    {
      name: "Spring's config import of a missing file",
      log: "Description:\n\nConfig data resource 'file [/config/application-prod.yml]' via location '/config/application-prod.yml' does not exist",
      min: 0.75,
    },
    {
      name: 'a host file mounted before it existed became a directory',
      log: '2024/10/03 09:02:00 read config: read /etc/app/config.json: is a directory',
      min: 0.7,
    },
    {
      name: 'Kestrel HTTPS without a certificate',
      log: 'Unhandled exception. System.InvalidOperationException: Unable to configure HTTPS endpoint. No server certificate was specified, and the default developer certificate could not be found or is out of date.',
      exitCode: 134,
      min: 0.75,
    },
    {
      name: 'Next.js without its build output',
      log: "Error: Could not find a production build in the '.next' directory. Try building your app with 'next build' before starting the production server.",
      min: 0.8,
    },
    {
      name: 'viper finds no config file',
      log: 'Error: Config File "config" Not Found in "[/etc/app /app]"',
      min: 0.75,
    },
    {
      name: "Envoy's invalid certificate path",
      log: "[critical][main] [source/server/server.cc:131] error initializing configuration '/etc/envoy/envoy.yaml': Invalid path: /etc/envoy/certs/tls.crt",
      min: 0.8,
    },
    {
      name: 'a Go template glob matching nothing',
      log: 'panic: html/template: pattern matches no files: `templates/*.html`\n\ngoroutine 1 [running]:\nmain.main()\n\t/src/main.go:21 +0x2e',
      exitCode: 2,
      min: 0.75,
    },
    {
      name: "a venv moved after its scripts' shebangs were written",
      log: '/app/docker-entrypoint.sh: line 9: /app/venv/bin/gunicorn: cannot execute: required file not found',
      exitCode: 127,
      min: 0.55,
    },
    {
      name: '.NET configuration file',
      log: "Unhandled exception. System.IO.FileNotFoundException: The configuration file 'appsettings.Production.json' was not found and is not optional. The expected physical path was '/app/appsettings.Production.json'.\n   at Microsoft.Extensions.Configuration.FileConfigurationProvider.HandleException(ExceptionDispatchInfo info)",
      min: 0.8,
    },
    {
      name: 'python FileNotFoundError',
      log: "Traceback (most recent call last):\n  File \"/app/main.py\", line 5, in <module>\n    open('/etc/app/settings.toml')\nFileNotFoundError: [Errno 2] No such file or directory: '/etc/app/settings.toml'",
      min: 0.8,
    },
    {
      name: 'python cannot open the script',
      log: "python: can't open file '/app/manage.py': [Errno 2] No such file or directory",
      exitCode: 2,
      min: 0.8,
    },
    {
      name: 'node main file missing',
      log: "node:internal/modules/cjs/loader:1080\n  throw err;\n  ^\n\nError: Cannot find module '/usr/src/app/dist/main.js'\n    at Module._resolveFilename (node:internal/modules/cjs/loader:1077:15)",
      min: 0.75,
    },
    { name: 'java jar missing', log: 'Error: Unable to access jarfile /opt/app/app.jar', exitCode: 1, min: 0.8 },
    {
      name: 'nginx include missing',
      log: '2024/01/01 00:00:00 [emerg] 1#1: open() "/etc/nginx/conf.d/upstreams.conf" failed (2: No such file or directory) in /etc/nginx/nginx.conf:30',
      min: 0.75,
    },
    {
      name: 'Java reads a config path that a mount turned into a directory',
      log: 'Exception in thread "main" java.io.FileNotFoundException: /opt/app/config/application.yml (Is a directory)\n\tat java.base/java.io.FileInputStream.open0(Native Method)',
      min: 0.7,
    },
    { name: 'Rust reads a directory', log: 'Error: Is a directory (os error 21)', exitCode: 1, min: 0.7 },
    {
      name: 'a tool finds no config file (not shipped in the image)',
      log: 'ts=2024-06-01T10:00:00Z level=error msg="Could not find configuration file /etc/alloy/config.alloy"',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'an entrypoint under a freshly attached volume (events only: a likely reading)',
      log: '',
      exitCode: 128,
      reason: 'StartError',
      events: parseEventsText([
        'Normal   SuccessfulAttachVolume  2m  attachdetach-controller  AttachVolume.Attach succeeded for volume "pvc-1f0c"',
        `Warning  Failed  30s (x4 over 2m)  kubelet  ${HIDDEN_ENTRYPOINT}`,
      ]),
      min: 0.6,
      max: 0.7,
    },
    {
      name: 'go open',
      log: 'level=fatal msg="cannot load certificate" err="open /certs/tls.crt: no such file or directory"',
      min: 0.7,
    },
    {
      name: 'a quoted path the program says does not exist (uvicorn --env-file)',
      log: "Usage: uvicorn [OPTIONS] APP\nTry 'uvicorn --help' for help.\n\nError: Invalid value for '--log-config': Path '/app/logging.yaml' does not exist.",
      exitCode: 2,
      min: 0.7,
    },
    {
      name: 'Hadoop file systems: "File file:/x does not exist" (Flink job jar)',
      log: 'java.io.FileNotFoundException: File file:/opt/flink/usrlib/orders-job-1.4.0.jar does not exist\n\tat org.apache.hadoop.fs.RawLocalFileSystem.deprecatedGetFileStatus(RawLocalFileSystem.java:779)',
      min: 0.75,
    },
    {
      name: 'cp in an init script cannot stat its source',
      log: "+ cp /seed/schema.sql /docker-entrypoint-initdb.d/\ncp: cannot stat '/seed/schema.sql': No such file or directory",
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'a Hugging Face model directory without the file the loader needs',
      log: "OSError: /models/reranker does not appear to have a file named config.json. Checkout 'https://huggingface.co//models/reranker/tree/None' for available files.",
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'TF Serving finds no model version under its base path',
      log: "E tensorflow_serving/sources/storage_path/file_system_storage_path_source.cc:353] FileSystemStoragePathSource encountered a filesystem access error: Could not find base path /models/churn for servable churn with error NOT_FOUND: /models/churn not found\nW No versions of servable churn found under base path /models/churn. Did you forget to name your leaf directory as a number (eg. '/1/')?",
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'PHP cannot open the script it was given (artisan not in the working directory)',
      log: 'Could not open input file: bin/console',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'dash cannot open the script passed to sh',
      log: 'sh: 0: cannot open /opt/jobs/nightly.sh: No such file',
      exitCode: 2,
      min: 0.75,
    },
    {
      name: 'Go walks a static directory that the image does not have',
      log: 'level=fatal msg="serving assets" err="lstat /srv/web/dist: no such file or directory"',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'spark-submit only warns that the application jar is missing, then cannot load its class',
      log: '24/06/05 02:00:14 WARN DependencyUtils: Local jar /opt/spark/work-dir/pipeline-0.9.jar does not exist, skipping.\nError: Failed to load class org.acme.Pipeline.',
      exitCode: 101,
      min: 0.75,
    },
    {
      name: "Deno's import of a local source file that is not in the image",
      log: 'error: Module not found "file:///app/src/routes/health.ts".\n    at file:///app/main.ts:3:28',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'Helm: a values file the command names is not in the image',
      log: 'Error: open values-prod.yaml: no such file or directory',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'Ansible: the inventory file the command names does not exist',
      log: '[WARNING]: Unable to parse /runner/inventory/hosts as an inventory source\nERROR! Inventory file inventory/prod.ini does not exist',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a server that finds no config files in its config dir (a mount with other keys)',
      log: 'Loading config from /etc/app/conf.d\nfatal: no configuration files found in /etc/app/conf.d',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'Ruby: require of an app file by path (a ConfigMap mounted over its directory hides it)',
      log: "/srv/app/config/application.rb:5:in `require': cannot load such file -- ./lib/settings_loader (LoadError)\n\tfrom /srv/app/config/application.rb:5:in `<top (required)>'",
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'the JVM cannot open the -javaagent jar',
      log: 'NOTE: Picked up JDK_JAVA_OPTIONS: -javaagent:/otel/opentelemetry-javaagent.jar\nError opening zip file or JAR manifest missing : /otel/opentelemetry-javaagent.jar\nError occurred during initialization of VM\nagent library failed to init: instrument',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'a Python service on a slim image without tzdata (zoneinfo key not found)',
      log: 'Traceback (most recent call last):\n  File "/app/main.py", line 9, in <module>\n    TZ = ZoneInfo("America/New_York")\nzoneinfo._common.ZoneInfoNotFoundError: \'No time zone found with key America/New_York\'',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a CLI listing the default paths it searched, each file not found',
      log: 'Error: no configuration given and none found in the default locations.\nSearched:\n  drizzle.config.ts: file not found\n  drizzle.config.js: file not found',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a GraphQL codegen that cannot find its schema file',
      log: 'Error: Could not find a schema file at ./schema.graphql\n    at loadSchema (/app/node_modules/@graphql-tools/load/index.js:88:11)',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: "Ruby's Errno::ENOENT on a file the app reads (rb_sysopen)",
      log: "app.rb:7:in `read': No such file or directory @ rb_sysopen - config/settings.yml (Errno::ENOENT)\n\tfrom app.rb:7:in `<main>'",
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a file named with the directory it was looked for in (an empty volume over it)',
      log: '[main] ERROR ZooKeeperServerMain - Invalid config, exiting abnormally\nERROR: zoo.cfg not found in /conf, cannot start ZooKeeper',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a migration changelog the app is configured to read is not in the image (file: URL)',
      log: '08:01:12.004 [main] ERROR io.micronaut.runtime.Micronaut - Error starting Micronaut server: Error instantiating bean of type [io.micronaut.liquibase.LiquibaseMigrator]: file:/app/migrations/changelog.yml does not exist',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a server cannot open the auth file its config points to (PgBouncer auth_file)',
      log: '2024-05-02 08:01:12.004 UTC [1] FATAL could not open auth_file /etc/pgbouncer/users.txt: No such file or directory',
      exitCode: 1,
      min: 0.65,
    },
    {
      name: 'a Python service whose configuration folder the runtime stage never copied',
      log: 'Traceback (most recent call last):\n  File "/srv/app/main.py", line 4, in <module>\n    settings = load_settings()\nRuntimeError: Configuration folder \'/srv/app/config\' not found',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'the .NET host names a dll path the publish output never reached: the image lacks it',
      log: "The application '/app/out/Billing.Worker.dll' does not exist.",
      exitCode: 145,
      min: 0.6,
      max: 0.8,
    },
    {
      name: 'nginx cannot load the certificate its config names (TLS Secret mounted elsewhere)',
      log: '2025/03/01 10:00:00 [emerg] 1#1: cannot load certificate "/etc/nginx/certs/server.crt": BIO_new_file() failed (SSL: error:80000002:system library::No such file or directory:calling fopen(/etc/nginx/certs/server.crt, r) error:10000080:BIO routines::no such file)',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'Bun/Node --env-file pointing at a file left out of the image',
      log: '> api@2.0.0 start\n> node --env-file=config/prod.env dist/index.js\n\nnode: config/prod.env: not found',
      exitCode: 9,
      min: 0.75,
    },
    {
      name: 'a program the app launched, with its errno repeated on the inner exception, is a launch failure: only a weak alternative',
      log: 'Exception in thread "main" java.io.IOException: Cannot run program "/usr/local/bin/wkhtmltopdf": error=2, No such file or directory\n\tat java.base/java.lang.ProcessBuilder.start(ProcessBuilder.java:1143)\nCaused by: java.io.IOException: error=2, No such file or directory\n\tat java.base/java.lang.ProcessImpl.forkAndExec(Native Method)',
      exitCode: 1,
      min: 0.3,
      max: 0.49,
    },
    {
      name: "a Quarkus fast-jar copied without its quarkus/ directory cannot load the framework's generated main",
      log: 'Exception in thread "main" java.lang.NoClassDefFoundError: io/quarkus/runner/GeneratedMain\nCaused by: java.lang.ClassNotFoundException: io.quarkus.runner.GeneratedMain\n\tat java.base/jdk.internal.loader.BuiltinClassLoader.loadClass(BuiltinClassLoader.java:641)',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'a keystore path that "does not exist or is not readable" (absence first)',
      log: 'ERROR [main] o.a.k.c.s.SslFactory: Failed to load SSL keystore\norg.apache.kafka.common.KafkaException: Keystore file /opt/kafka/ssl/broker.keystore.p12 does not exist or is not readable',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a Laravel view whose Vite manifest was never built into the image',
      log: '[2025-03-02 10:14:07] production.ERROR: Vite manifest not found at: /var/www/html/public/build/manifest.json {"exception":"[object] (Illuminate\\\\Foundation\\\\ViteManifestNotFoundException(code: 0)',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a Rails page whose packs were never precompiled in the image',
      log: "ActionView::Template::Error (Shakapacker can't find application.js in /app/public/packs/manifest.json. Possible causes:\n1. You forgot to install node packages",
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a PDF report whose TrueType font a slim image does not ship',
      log: 'Traceback (most recent call last):\n  File "/app/reports/pdf.py", line 8, in <module>\n    pdfmetrics.registerFont(TTFont("DejaVu", "DejaVuSans.ttf"))\nreportlab.pdfbase.ttfonts.TTFError: Can\'t open file "DejaVuSans.ttf"',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a PHP image endpoint whose font file is not in the image',
      log: 'PHP Warning:  imagettftext(): Could not find/open font in /var/www/html/badge.php on line 21',
      exitCode: 255,
      min: 0.75,
    },
    {
      name: 'GDAL without its support files (GDAL_DATA points at a builder-stage path)',
      log: 'ERROR 4: Unable to open EPSG support file gcs.csv.  Try setting the GDAL_DATA environment variable to point to the directory containing EPSG csv files.\nrasterio.errors.CRSError: The EPSG code is unknown.',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'OCR without its traineddata (tesseract-ocr-eng not installed in the image)',
      log: 'Error opening data file /usr/share/tesseract-ocr/5/tessdata/eng.traineddata\nPlease make sure the TESSDATA_PREFIX environment variable is set to your "tessdata" directory.\nFailed loading language \'eng\'',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'an SSL loader naming the configured certificate path that does not exist (OpenSearch PEM)',
      log: '[2024-08-20T10:14:58,911][ERROR][o.o.b.OpenSearchUncaughtExceptionHandler] fatal error in thread [main], exiting\norg.opensearch.OpenSearchException: Unable to read certificate file [/usr/share/opensearch/config/node.pem] because the file does not exist',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'an option parser rejecting a path option whose file is not there',
      log: "Usage: worker [options]\n\nworker: error: option --rules-file: no such file: '/etc/rules/main.yml'",
      exitCode: 2,
      min: 0.75,
    },
    {
      name: "Sphinx pointed at a config directory without conf.py (a sync tool's link directory moved the checkout)",
      log: "Running Sphinx v7.2.6\nApplication error:\nconfig directory doesn't contain a conf.py file (/repo/docs)",
      exitCode: 2,
      min: 0.75,
    },
    {
      name: 'a site generator whose directory does not hold the file it expects (another product and wording)',
      log: "INFO    -  Building documentation...\nERROR   -  The directory '/workspace/site' does not contain a mkdocs.yml file.\nAborted with 1 configuration errors!",
      exitCode: 1,
      min: 0.75,
    },
    {
      name: "vsftpd's secure_chroot_dir hidden by an emptyDir over /var/run",
      log: "500 OOPS: vsftpd: not found: directory given in 'secure_chroot_dir':/run/vsftpd/empty",
      exitCode: null,
      min: 0.75,
    },
    {
      name: 'a server whose directory setting names a path not in the container (verdict after the setting)',
      log: "FATAL: the directory specified in 'spool_directory' (/var/spool/relay) does not exist",
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'OSRM lists the prepared files it lacks and gives up',
      log: '[info] starting up engines, v5.26.0\n[warn] Missing/Broken File: /osrm/region.osrm.mldgr\n[error] Required files are missing, cannot continue.  Have all the pre-processing steps been run?',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a geocoder missing the data an import job should have written (another product)',
      log: '2024-06-02 10:11:12 INFO  Starting photon\n2024-06-02 10:11:12 ERROR Missing required file: /photon/photon_data/elasticsearch/index.json',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'Zig prints only the error name of an openFile on a relative path the runtime stage lacks',
      log: 'info: loading templates from views/index.html\nerror: FileNotFound\n/usr/lib/zig/std/fs/Dir.zig:827:5: 0x1033a85 in openFile (web)\n/src/src/main.zig:30:20: 0x1031f2a in main (web)',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: "Crystal's File::NotFoundError (the exception class names the errno)",
      log: "Unhandled exception: Error opening file with mode 'r': 'config/routes.yml': No such file or directory (File::NotFoundError)\n  from /usr/share/crystal/src/crystal/system/unix/file.cr:12:7 in 'open'",
      exitCode: 1,
      min: 0.7,
    },
    {
      name: "Swift Foundation's sentence for a file that is not there",
      log: 'Fatal error: Error raised at top level: Error Domain=NSCocoaErrorDomain Code=260 "The file \u201croutes.json\u201d couldn\u2019t be opened because there is no such file."',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'an OpenTTD dedicated server with no base graphics set in its image or data volume',
      log: "dbg: [driver] [Driver] Successfully probed video driver 'dedicated'\nError: Failed to find a graphics set. Please acquire a graphics set for OpenTTD. See section 1.4 of README.md.",
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a Doom source port server started without any IWAD on its volume',
      log: "Z_Init: Init zone memory allocation daemon.\nW_Init: Init WADfiles.\nGame mode indeterminate.  No IWAD file was found.  Try\nspecifying one with the '-iwad' command line parameter.",
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a game server that gives up for a token file and says in which directory to place it',
      log: '[00:00:00]: !!!! Your Server Will Not Start !!!!\n[00:00:00]: No auth token could be found.\n[00:00:00]: To generate a token, visit https://accounts.klei.com/account/game/servers and then place the token in a file named cluster_token.txt in /home/dst/.klei/DoNotStarveTogether/Cluster_1/\n[00:00:00]: Shutting down',
      exitCode: 0,
      min: 0.7,
    },
    {
      name: 'a licensed server that stops without its license file and names the directory it reads',
      log: 'FATAL: license not found.\nPlease copy your license file license.lic into /opt/app/conf/ and restart the server.',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: "Click's path check of a logging config option (uvicorn/celery)",
      log: "Usage: uvicorn [OPTIONS] APP\nTry 'uvicorn --help' for help.\n\nError: Invalid value for '--log-config': Path '/app/logging.yaml' does not exist.",
      exitCode: 2,
      min: 0.75,
    },
    {
      name: "dbt's profiles directory option naming a directory the Secret was not mounted at",
      log: "Usage: dbt run [OPTIONS]\nTry 'dbt run -h' for help.\n\nError: Invalid value for '--profiles-dir': Path '/root/.dbt' does not exist.",
      exitCode: 2,
      min: 0.75,
    },
    {
      name: 'a server whose built frontend directory is absent from the runtime stage',
      log: '2024-05-02T10:11:12Z INFO starting api on :8080\n2024-05-02T10:11:12Z FATAL frontend directory /opt/app/ui/dist does not exist',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a proxy whose TLS certificate file was mounted at another path',
      log: 'level=error msg="unable to start: certificate file /etc/tls/tls.crt does not exist"',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'curl in an init script pointed at a CA bundle that is not there',
      log: '+ curl --cacert /etc/ssl/corp/ca.pem https://vault.internal:8200/v1/sys/health\ncurl: (77) error setting certificate verify locations:  CAfile: /etc/ssl/corp/ca.pem CApath: none',
      exitCode: 77,
      min: 0.7,
    },
  ],
  negatives: [
    {
      name: 'a graphics set that is there but fails its checksum is not a missing set',
      log: 'Error: Failed to find a graphics set with a valid checksum: OpenGFX 7.1 is corrupt. Please acquire a graphics set for OpenTTD.',
      exitCode: 1,
    },
    {
      name: 'advice to place a config file in a warning that goes on with defaults',
      log: 'UserWarning: No instance configuration file (app.yaml) found at /opt/app/home. Defaulting to local storage. If this is the desired behavior, create an empty app.yaml file in /opt/app/home.',
      exitCode: 1,
    },
    {
      name: 'a token file that is there but rejected is not a missing file',
      log: 'Your auth token is invalid or expired. Please place a new token in a file named cluster_token.txt in /home/dst/.klei/DoNotStarveTogether/Cluster_1/',
      exitCode: 1,
    },
    {
      name: 'a Java file opened without permission (not a missing file)',
      log: 'java.io.IOException: /etc/kafka/secrets/kafka_server_jaas.conf (Permission denied)',
      exitCode: 1,
    },
    {
      name: 'SQLite refused by a read-only directory',
      log: 'sqlite3.OperationalError: unable to open database file (readonly directory /data)',
      exitCode: 1,
    },
    {
      name: 'a gem that cannot be found by name is a dependency, not a file',
      log: "Could not find 'rake' (>= 0) among 51 total gem(s) (Gem::MissingSpecError)",
      exitCode: 1,
    },
    {
      name: 'an Erlang connection refused term is not a missing file',
      log: '[error] Failed to connect to "/var/run/epmd.sock",{error,econnrefused}',
      exitCode: 1,
    },
    {
      name: 'a web server logging a request for a file it does not have is not a missing file in the image',
      log: '2024-06-03 10:02:11 [error] GET /favicon.ico: File favicon.ico not found\nready on :8080',
      exitCode: 0,
    },
    {
      name: 'a project tool naming its project at start is not a missing project file',
      log: 'Scrapy 2.11.2 - active project: shop_spiders\nSpider closed (finished)',
      exitCode: 0,
    },
    {
      name: 'a directory the app reports missing and then creates is not what stopped it',
      log: "WARN directory 'cache' does not exist, creating it\nready on :8080",
      exitCode: 0,
    },
    {
      name: 'a config written as code that raised while it ran was read, not missing (gunicorn heads the traceback)',
      log: 'Failed to read config file: /srv/conf/gunicorn_conf.py\nTraceback (most recent call last):\n  File "/srv/conf/gunicorn_conf.py", line 4, in <module>\n    workers = int(os.environ["WORKERS"])\nKeyError: \'WORKERS\'',
      exitCode: 1,
    },
    {
      name: 'an absent CA bundle in OpenSSL wording is a TLS verification problem, not a missing app file',
      log: 'Error: SSL_CTX_load_verify_locations failed for CAfile /etc/ssl/custom/ca.pem: error:10000080:BIO routines::no such file',
      exitCode: 1,
    },
    {
      name: 'a config file that was read but could not be parsed names its reason after the path',
      log: 'critical: failed to read config file /etc/envoy/envoy.yaml: yaml: line 12: did not find expected key',
      exitCode: 1,
    },
    {
      name: 'a config file that is there but not readable by the user is a permission problem',
      log: 'unable to read file: /etc/app/app.conf: Permission denied',
      exitCode: 1,
    },
    {
      name: 'a config file that loaded but failed to parse is not missing',
      log: "Fatal: Could not load configuration file: /etc/app/config.yml: syntax error at line 12: unexpected ':'",
      exitCode: 1,
    },
    {
      name: "php-fpm's loader failure after its parser named the bad line is the config's fault",
      log: "[01-Mar-2025 10:00:00] ERROR: [/usr/local/etc/php-fpm.d/zz-tuning.conf:7] value is NULL for a ZEND_INI_PARSER_ENTRY\n[01-Mar-2025 10:00:00] ERROR: failed to load configuration file '/usr/local/etc/php-fpm.conf'\n[01-Mar-2025 10:00:00] ERROR: FPM initialization failed",
      exitCode: 78,
    },
    {
      name: 'a directory check that passed is not a failure',
      log: 'INFO metrics dir /tmp/prom is a directory, using multiprocess mode\nINFO listening on :8000',
      exitCode: 0,
    },
    {
      name: 'an optional config file that is absent while the app goes on with defaults',
      log: 'WARN could not find a config file at /etc/tool/config.yaml, using defaults\nINFO listening on :8080',
    },
    {
      name: 'a database that "does not exist or is not accessible" is not a file',
      log: 'FATAL: database "orders" does not exist or is not accessible to role app',
      exitCode: 1,
    },
    {
      name: "the app's own main class not found is a command mistake, not a missing file",
      log: 'Error: Could not find or load main class com.acme.billing.Main\nCaused by: java.lang.ClassNotFoundException: com.acme.billing.Main',
      exitCode: 1,
    },
    {
      name: 'an unreadable certificate is a permission problem, not a missing file',
      log: '2025/03/01 10:00:00 [emerg] 1#1: cannot load certificate "/etc/nginx/certs/server.crt": BIO_new_file() failed (SSL: error:8000000D:system library::Permission denied:calling fopen(/etc/nginx/certs/server.crt, r))',
      exitCode: 1,
    },
    {
      name: 'an optional overlay config directory the app skips is a notice, not the crash',
      log: 'INFO config directory /etc/app/conf.d not found, skipping overlays\nFATAL database: connection refused',
      exitCode: 1,
    },
    {
      name: 'a dotenv loader that only notes the file is absent and goes on is not the crash',
      log: 'INFO  no .env file found, reading the environment only\nFATAL database: password authentication failed for user "app"',
      exitCode: 1,
    },
    {
      name: 'an option read as the jar file is a command mistake, not a missing jar',
      log: 'Error: Unable to access jarfile -Xmx512m',
      exitCode: 1,
    },
    {
      name: 'a time zone abbreviation is a bad value, not missing tzdata',
      log: 'panic: unknown time zone CEST\n\ngoroutine 1 [running]:\nmain.main()',
    },
    {
      name: 'a database schema that does not exist is not a file',
      log: "ERROR: could not find schema 'reporting' in database 'app'",
    },
    {
      name: 'a shell reporting a missing command is not a missing file',
      log: '/bin/sh: 1: migrate: not found',
    },
    {
      name: 'a runtime mount refused for another reason (permission)',
      log: '',
      exitCode: 128,
      reason: 'StartError',
      message:
        'OCI runtime create failed: runc create failed: unable to start container process: error during container init: error mounting "cgroup" to rootfs at "/sys/fs/cgroup": mount cgroup:/sys/fs/cgroup (via /proc/self/fd/7), flags: 0xe: permission denied: unknown',
    },
    {
      name: 'a file missing inside an installed gem is a broken dependency, not an app file',
      log: "/usr/local/bundle/gems/nokogiri-1.16.0/lib/nokogiri.rb:10:in `require_relative': cannot load such file -- /usr/local/bundle/gems/nokogiri-1.16.0/lib/nokogiri/nokogiri (LoadError)",
      exitCode: 1,
    },
    {
      name: 'a gem required by name is a dependency',
      log: "<internal:/usr/local/lib/ruby/3.3.0/rubygems/core_ext/kernel_require.rb>:136:in `require': cannot load such file -- sidekiq (LoadError)",
      exitCode: 1,
    },
    {
      name: 'an optional variables file that is skipped',
      log: 'variables file local.tfvars not found, skipping\nError: Invalid provider configuration',
      exitCode: 1,
    },
    {
      name: 'the config file is there but unreadable',
      log: 'mysqld: [ERROR] Could not open required defaults file: /etc/mysql/conf.d/a.cnf (Errcode: 13 - Permission denied)',
      exitCode: 1,
    },
    {
      name: 'a bare package import is a dependency',
      log: "Error: Cannot find module 'express'\nRequire stack:\n- /app/server.js",
    },
    { name: 'a lookup in app data', log: 'WARN file /data/cache/123 not in index, rebuilding\nINFO ready' },
    {
      name: 'a shared library',
      log: 'app: error while loading shared libraries: libpq.so.5: cannot open shared object file: No such file or directory',
    },
    {
      name: 'no config file is a notice when the app goes on with defaults',
      log: 'WARN No config file found, using defaults\nINFO listening on :8080',
    },
    {
      name: 'a PostgreSQL extension missing from the server is a dependency',
      log: 'django.db.utils.NotSupportedError: extension "postgis" is not available\nDETAIL:  Could not open extension control file "/usr/share/postgresql/16/extension/postgis.control": No such file or directory.',
    },
    {
      name: 'a request path in an access log is not a file',
      log: "WARN route '/api/v2/orders' not found (404)\nERROR shutting down: upstream closed",
    },
    {
      name: 'a config search the program reports at verbose level, then skips, is not the failure',
      log: '2024/04/09 10:22:31 [verbose] no config file found at /etc/gateway/gateway.conf\n2024/04/09 10:22:31 [verbose] no config file, skip loading\nError: failed to connect to the database: connection refused',
      exitCode: 1,
    },
    {
      name: "the runtime's stat of a missing entrypoint belongs to command-not-found",
      log: 'exec: "/usr/local/bin/worker": stat /usr/local/bin/worker: no such file or directory',
      exitCode: 127,
    },
    {
      name: 'a root CA file that is not there is a TLS problem',
      log: 'psycopg.OperationalError: connection failed: root certificate file "/root/.postgresql/root.crt" does not exist',
    },
    {
      name: "Python's subprocess not finding a program is a missing command",
      log: 'Traceback (most recent call last):\n  File "/usr/local/lib/python3.12/subprocess.py", line 1955, in _execute_child\n    raise child_exception_type(errno_num, err_msg, err_filename)\nFileNotFoundError: [Errno 2] No such file or directory: \'ffmpeg\'',
    },
    {
      name: 'a file name with the next flag glued on is an argument problem',
      log: 'java.io.FileNotFoundException: /etc/billing/application.conf -Dlogback.configurationFile=/etc/billing/logback.xml (No such file or directory)',
    },
    {
      name: 'an entrypoint absent with no volume involved is a command that is not in the image',
      log: '',
      exitCode: 128,
      reason: 'StartError',
      events: parseEventsText([`Warning  Failed  30s (x4 over 2m)  kubelet  ${HIDDEN_ENTRYPOINT}`]),
    },
    {
      name: 'a password file that is there but not readable is a permission problem',
      log: '1718361203: Error: Unable to open pwfile "/mosquitto/config/passwd": Permission denied.',
      exitCode: 1,
    },
    {
      name: 'a file not found in a directory that the app then replaces with defaults',
      log: 'WARN settings.json not found in /config, using defaults',
      exitCode: 0,
    },
    {
      name: 'a font a renderer replaces with a fallback is a warning, not the crash',
      log: 'WARNING: Could not find font "Inter", falling back to DejaVu Sans\nTypeError: Cannot read properties of undefined (reading \'width\')',
      exitCode: 1,
    },
    {
      name: 'a proj.db from another PROJ installation is there, only incompatible',
      log: 'pyproj.exceptions.CRSError: Invalid projection: EPSG:4326: (Internal Proj Error: proj_create: /usr/share/proj/proj.db lacks DATABASE.LAYOUT.VERSION.MAJOR / DATABASE.LAYOUT.VERSION.MINOR metadata. It comes from another PROJ installation.)',
      exitCode: 1,
    },
    {
      name: 'an option without its value is a bad flag, not a missing file',
      log: 'worker: error: option --rules-file: expected one argument',
      exitCode: 2,
    },
    {
      name: 'a data directory that is not empty (it contains lost+found): another cause, though it names contents',
      log: 'initdb: error: directory "/var/lib/postgresql/data" exists but is not empty\nIt contains a lost+found directory, perhaps due to it being a mount point.',
      exitCode: 1,
    },
    {
      name: "a directory a setting names that is there but not writable (permission_denied's)",
      log: "500 OOPS: vsftpd: directory given in 'local_root':/home/ftp is not writable: Permission denied",
      exitCode: 1,
    },
    {
      name: "a missing required argument is the command's, not a file",
      log: 'error: Missing required argument: --input-file\nUsage: osrm-extract [options] <input.osm.pbf>',
      exitCode: 1,
    },
    {
      name: "Zig's AccessDenied on an open is a permission error, not a missing file",
      log: 'info: loading routes from /etc/gw/routes.json\nerror: AccessDenied\n/usr/local/zig/lib/std/fs/Dir.zig:880:16: 0x1036c2b in openFileZ (gw)',
      exitCode: 1,
    },
    {
      name: 'a data directory that is empty on first start is initialised, not missing',
      log: 'The content directory /var/lib/app/data is empty, initializing a new store\nListening on :9000',
      exitCode: 0,
    },
    {
      name: 'a certificate that is there but expired is a TLS error, not a missing file',
      log: 'ERROR: cannot load certificates.\nproblem with node certificate: x509: certificate has expired or is not yet valid',
      exitCode: 1,
    },
    {
      name: "a setting given to Click's file option is the command's mistake",
      log: "Error: Invalid value for '-c' / '--config': File 'sql_time_limit_ms:3500' does not exist.",
      exitCode: 2,
    },
  ],
});

describe('missing-file: an entrypoint hidden by a volume mount (container spec known)', () => {
  const failed = event({ reason: 'Failed', message: HIDDEN_ENTRYPOINT });
  const withMount = (mountPath: string) =>
    podContext({
      container: containerFacts({
        lastState: terminated(128, 'StartError'),
        volumeMounts: [{ name: 'uploads', mountPath, readOnly: false }],
      }),
      events: [failed],
    });

  test('a mount over the entrypoint directory is named, with confidence', () => {
    const found = missingFile.match(withMount('/srv/app'));
    assert.ok(found);
    assert.equal(found.category, 'missing_file');
    assert.ok(found.confidence >= 0.85);
    assert.ok(found.title.includes('/srv/app/run.sh') && found.title.includes('mounted at /srv/app'));
  });

  test('a mount elsewhere (or a sibling prefix) does not explain it', () => {
    assert.equal(missingFile.match(withMount('/srv/app/uploads')), null);
    assert.equal(missingFile.match(withMount('/srv/ap')), null);
  });
});

describe('missing-file: a file hidden by a volume mounted over its directory (container spec known)', () => {
  const log = [
    'PHP Warning:  require(/srv/www/vendor/autoload.php): Failed to open stream: No such file or directory in /srv/www/bin/console on line 15',
    "PHP Fatal error:  Uncaught Error: Failed opening required '/srv/www/vendor/autoload.php' (include_path='.:/usr/local/lib/php')",
  ];
  const withMount = (mountPath: string) =>
    podContext({
      logLines: log,
      container: containerFacts({
        lastState: terminated(255),
        volumeMounts: [{ name: 'code', mountPath, readOnly: false }],
      }),
    });

  test('the mount over the app dir is named and outranks an uninstalled dependency', () => {
    const found = missingFile.match(withMount('/srv/www'));
    assert.ok(found && found.confidence >= 0.85);
    assert.ok(found.title.includes('mounted at /srv/www'));
  });

  test('without such a mount it stays a second reading', () => {
    const found = missingFile.match(withMount('/var/cache'));
    assert.ok(found && found.confidence < 0.8);
  });
});
