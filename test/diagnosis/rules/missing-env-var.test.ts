import { missingEnvVar } from '../../../src/diagnosis/rules/missing-env-var.ts';
import { ruleTable } from './helpers.ts';

ruleTable(missingEnvVar, 'missing_env_var', {
  positives: [
    {
      name: 'a MySQL login that sent no password at all',
      log: "2024-05-02 09:14:22 ERROR [main] o.h.engine.jdbc.spi.SqlExceptionHelper - Access denied for user 'keycloak'@'10.244.1.17' (using password: NO)\njava.sql.SQLException: Access denied for user 'keycloak'@'10.244.1.17' (using password: NO)",
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'pgjdbc asked for a password the app never had',
      log: 'Caused by: org.postgresql.util.PSQLException: The server requested password-based authentication, but no password was provided by plugin null',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'an app listing the variables it needs',
      log: 'Booting app...\nThe following environment variables are missing:\n  - NEXTAUTH_SECRET\n  - DATABASE_URL\nExiting.',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'an app that requires variables to be set',
      log: 'FATAL: this release requires the following variables to be set:\n  OIDC_CLIENT_ID\n  OIDC_CLIENT_SECRET',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a secret key reported missing at info level before exit',
      log: 'time="2024-04-02T08:01:02Z" level=info msg="loading configuration"\ntime="2024-04-02T08:01:02Z" level=info msg="SECRET_KEY is missing, see the installation docs"',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'an env validator that finds a variable empty',
      log: 'Invalid environment:\n  JWT_SECRET must not be empty\n  REDIS_URL must not be empty',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'EF Core without its connection string',
      log: "Unhandled exception. System.InvalidOperationException: Connection string 'Default' not found.\n   at Program.<Main>$(String[] args) in /src/Api/Program.cs:line 21",
      exitCode: 134,
      min: 0.75,
    },
    {
      name: '.NET parsing an unset variable',
      log: "Unhandled exception. System.ArgumentNullException: Value cannot be null. (Parameter 's')\n   at System.Int32.Parse(String s)\n   at Program.<Main>$(String[] args) in /src/Program.cs:line 9",
      exitCode: 134,
      min: 0.7,
    },
    {
      name: 'Rust expect() on an unset variable',
      log: "thread 'main' panicked at src/db.rs:9:47:\nDATABASE_URL must be set: NotPresent",
      exitCode: 101,
      min: 0.85,
    },
    {
      name: 'an unset password beside the rejection it causes',
      log: '{"log.level":"ERROR","message":"unable to authenticate user [elastic] for REST request [/_security/_authenticate]"}\nERROR: ELASTIC_PASSWORD is not set. Set ELASTIC_PASSWORD for the elastic user.',
      min: 0.8,
    },
    {
      name: '.NET options validation on an unset setting',
      log: "Unhandled exception. Microsoft.Extensions.Options.OptionsValidationException: DataAnnotation validation failed for 'StripeOptions' members: 'ApiKey' with the error: 'The ApiKey field is required.'.",
      exitCode: 134,
      min: 0.7,
    },
    {
      name: 'a bare password directive',
      log: "*** FATAL CONFIG FILE ERROR (Redis 7.2.4) ***\nReading the configuration file, at line 2\n>>> 'requirepass'\nwrong number of arguments",
      min: 0.7,
    },
    {
      name: 'Keycloak strict hostname without a hostname',
      log: 'ERROR: Strict hostname resolution configured but no hostname setting provided',
      exitCode: 2,
      min: 0.75,
    },
    {
      name: 'a missing secret setting (Strapi)',
      log: '[2024-09-01 10:03:00.100] error: Missing admin.auth.secret configuration. The SessionManager requires a JWT secret',
      min: 0.7,
    },
    {
      name: 'Elixir runtime.exs converting an unset PORT',
      log: '** (ArgumentError) errors were found at the given arguments:\n\n  * 1st argument: not a binary\n\n    :erlang.binary_to_integer(nil)\n    (elixir 1.16.2) lib/string.ex:2855: String.to_integer/1\n    /app/releases/0.1.0/runtime.exs:12: (file)',
      min: 0.7,
    },
    {
      name: 'a provisioned URL that expanded to nothing',
      log: 'logger=provisioning level=error msg="Failed to provision data sources" error="Datasource provisioning error: url is empty"',
      min: 0.7,
    },
    {
      name: 'a refused default secret (Superset)',
      log: 'A Default SECRET_KEY was detected, please use superset_config.py to override it.\nRefusing to start due to insecure SECRET_KEY',
      min: 0.75,
    },
    {
      name: 'gosu given an empty user',
      log: '+ exec gosu \'\' node server.js\nerror: failed switching to "": unable to find user : no matching entries in passwd file',
      min: 0.75,
    },
    {
      name: 'Bun parsing an undefined URL',
      log: '1 | const api = new URL(process.env.API_URL);\n                ^\nTypeError: "undefined" cannot be parsed as a URL.\n      at /app/src/client.ts:1:13',
      min: 0.75,
    },
    {
      name: 'rust std::env::var unwrap',
      log: "thread 'main' panicked at src/main.rs:21:52:\ncalled `Result::unwrap()` on an `Err` value: NotPresent\nnote: run with `RUST_BACKTRACE=1` environment variable to display a backtrace",
      exitCode: 101,
      min: 0.85,
    },
    {
      name: 'an image waiting for its EULA variable',
      log: "Please accept the Minecraft EULA at\n  https://account.mojang.com/documents/minecraft_eula\nby adding the following immediately after 'docker run':\n  -e EULA=TRUE",
      min: 0.85,
    },
    {
      name: 'set -x exec of flags without the program',
      log: '+ cd /srv\n+ exec --config /srv/app.yaml\n/docker-entrypoint.sh: line 22: exec: --: invalid option',
      exitCode: 127,
      min: 0.7,
    },
    {
      name: 'an empty value lets a redis directive swallow the next flag',
      log: '*** FATAL CONFIG FILE ERROR (Redis 8.6.3) ***\nReading the configuration file, at line 2\n>>> \'requirepass "--appendonly" "yes"\'\nwrong number of arguments',
      min: 0.75,
    },
    {
      name: 'django ImproperlyConfigured',
      log: 'django.core.exceptions.ImproperlyConfigured: Set the DATABASE_URL environment variable',
      min: 0.8,
    },
    {
      name: 'pydantic settings',
      log: "pydantic_core._pydantic_core.ValidationError: 1 validation error for Settings\nopenai_api_key\n  Field required [type=missing, input_value={'debug': 'false'}, input_type=dict]",
      min: 0.65,
    },
    {
      name: 'dotenv file missing',
      log: "Error: ENOENT: no such file or directory, open '/app/.env'\n    at Object.openSync (node:fs:596:3)",
      min: 0.65,
    },
    {
      name: 'bash set -u',
      log: '/code/bin/docker-entrypoint.sh: line 8: POSTGRES_HOST: unbound variable',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'shell parameter expansion with :?',
      log: '/entrypoint.sh: line 3: DATABASE_URL: parameter null or not set',
      exitCode: 2,
      min: 0.85,
    },
    {
      name: 'node explicit message',
      log: 'Error: Environment variable JWT_SECRET is not set\n    at requireEnv (/app/src/config.js:7:11)',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'python KeyError on os.environ',
      log: 'Traceback (most recent call last):\n  File "/app/settings.py", line 12, in <module>\n    SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]\n  File "<frozen os>", line 679, in __getitem__\nKeyError: \'DJANGO_SECRET_KEY\'',
      min: 0.65,
    },
    {
      name: 'go envconfig',
      log: 'level=fatal msg="load config" err="required key REDIS_ADDR missing value"',
      min: 0.85,
    },
    {
      name: 'mysql image without a password',
      log: '2024-01-01 00:00:00+00:00 [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified\n    You need to specify one of the following as an environment variable:\n    - MYSQL_ROOT_PASSWORD\n    - MYSQL_ALLOW_EMPTY_PASSWORD\n    - MYSQL_RANDOM_ROOT_PASSWORD',
      min: 0.85,
    },
    {
      name: 'flask app variable',
      log: '[FLASK] Error: Could not locate a Flask application. You did not provide the "FLASK_APP" environment variable, and a "wsgi.py" or "app.py" module was not found in the current directory.',
      min: 0.8,
    },
    {
      name: 'rails secret_key_base',
      log: "ArgumentError: Missing `secret_key_base` for 'production' environment, set this string with `bin/rails credentials:edit`",
      min: 0.8,
    },
    {
      name: 'joi config validation with quoted names',
      log: 'Error: Config validation error: "JWT_SECRET" is required. "DATABASE_URL" is required',
      min: 0.8,
    },
    {
      name: 'sqlalchemy create_engine(None)',
      log: 'sqlalchemy.exc.ArgumentError: Expected string or URL object, got None',
      min: 0.65,
    },
    {
      name: 'nginx envsubst left an empty port',
      log: 'nginx: [emerg] invalid port in upstream "backend:" in /etc/nginx/conf.d/default.conf:12',
      min: 0.8,
    },
    {
      name: 'an image that shows the docker run -e flag it needs',
      log: 'ERROR: no administrator account is configured. Start the container with\n       "-e ADMIN_USER=admin -e ADMIN_PASSWORD=<password>"\n       or mount a settings file at /config/settings.ini.',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'an image asking for an environment variable by name',
      log: 'ERROR: Please set the environment variable SENTRY_SECRET_KEY before starting the web service.',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'the mongo image naming the init variables it misses',
      log: "error: missing 'MONGO_INITDB_ROOT_USERNAME' or 'MONGO_INITDB_ROOT_PASSWORD'\n       both must be specified for a user to be created",
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a missing setting named like a variable (structured log)',
      log: '2025-03-01T10:00:00Z  error  missing required setting, refusing to start  {"setting": "SMTP_RELAY_HOST"}',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a variable that must be set',
      log: '[entrypoint] FATAL: SESSION_SECRET must be set when NODE_ENV=production',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'a HOCON substitution with no value (Typesafe config)',
      log: `Exception in thread "main" com.typesafe.config.ConfigException$UnresolvedSubstitution: application.conf @ file:/app/conf/application.conf: 12: Could not resolve substitution to a value: \${DATABASE_URL}`,
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a Logstash pipeline variable with no value',
      log: `[2025-01-10T08:00:00,000][FATAL][logstash.runner] The given configuration is invalid. Reason: Cannot evaluate \`\${ES_HOSTS}\`. Replacement variable \`ES_HOSTS\` is not defined in a Logstash secret store or as an Environment entry and there is no default value given.`,
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a lower-case property placeholder is a weaker reading',
      log: `java.lang.IllegalArgumentException: Could not resolve placeholder 'app.jwt.secret' in value "\${app.jwt.secret}"`,
      exitCode: 1,
      min: 0.6,
      max: 0.8,
    },
    {
      name: 'supervisord cannot expand an unset variable',
      log: "Error: Format string '%(ENV_GUNICORN_CMD)s' for 'program:web.command' contains names ('ENV_GUNICORN_CMD') which cannot be expanded. Available names: ENV_HOME, ENV_PATH, group_name, here, host_node_name, process_num, program_name in section 'program:web' (file: '/etc/supervisord.conf')\nFor help, use /usr/bin/supervisord -h",
      exitCode: 2,
      min: 0.85,
    },
    {
      name: 'an exporter endpoint that must not be empty',
      log: 'level=fatal msg="cannot start tracer" error="collector endpoint must not be empty"',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: "Java's helpful NullPointerException on System.getenv",
      log: 'Exception in thread "main" java.lang.NullPointerException: Cannot invoke "String.isBlank()" because the return value of "java.lang.System.getenv(String)" is null\n\tat com.acme.billing.Config.load(Config.java:22)\n\tat com.acme.billing.Main.main(Main.java:11)',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'python-decouple without the variable',
      log: 'Traceback (most recent call last):\n  File "/app/manage.py", line 22, in <module>\n    SECRET_KEY = config("SECRET_KEY")\ndecouple.UndefinedValueError: SECRET_KEY not found. Declare it as envvar or define a default value.',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: "Scala's sys.env lookup of an unset variable",
      log: 'Exception in thread "main" java.util.NoSuchElementException: key not found: KAFKA_BROKERS\n\tat scala.collection.immutable.Map$EmptyMap$.apply(Map.scala:243)\n\tat com.acme.ingest.Main$.main(Main.scala:9)',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: "Crystal's ENV[] on an unset variable",
      log: "Unhandled exception: Missing ENV key: \"DATABASE_URL\" (KeyError)\n  from /usr/share/crystal/src/env.cr:31:5 in '[]'\n  from src/app.cr:4:1 in '__crystal_main'",
      exitCode: 1,
      min: 0.75,
    },
    {
      name: "Perl's $ENV{} read while unset, then the crash it causes",
      log: 'Use of uninitialized value $ENV{"SMTP_HOST"} in concatenation (.) or string at /app/lib/Mailer.pm line 14.\nCan\'t call method "send" on an undefined value at /app/lib/Mailer.pm line 21.',
      exitCode: 255,
      min: 0.65,
    },
    {
      name: 'a config file that references an unset variable',
      log: 'Error loading configuration: storage.s3.secret_key references unset environment variable "S3_SECRET_KEY"',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'Flask started without a secret key',
      log: 'RuntimeError: The session is unavailable because no secret key was set.  Set the secret_key on the application to something unique and secret.',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a DNS provider built with an empty access key',
      log: 'time="2024-07-01T09:00:00Z" level=fatal msg="failed to initialize route53 provider: access key id is empty"',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'an operator whose option validation finds a required setting missing',
      log: 'F0612 08:00:00.000000       1 main.go:92] failed to validate options: missing required setting: cluster-name',
      exitCode: 255,
      min: 0.6,
    },
  ],
  negatives: [
    {
      name: 'a wrong password (using password: YES) is not a missing one',
      log: "ERROR 1045 (28000): Access denied for user 'app'@'10.0.0.4' (using password: YES)",
      exitCode: 1,
    },
    {
      name: 'variables reported unset because they are no longer used',
      log: 'INFO deprecated: the following variables are not set and no longer used: LEGACY_DB_HOST\nINFO Listening on :3000',
      exitCode: 1,
    },
    {
      name: 'an SSH key missing from a keyring is not an app secret',
      log: 'gpg: signing key missing from keyring, skipping signature check\nINFO server started',
    },
    {
      name: 'a malformed connection string is a bad value',
      log: 'Unhandled exception. System.ArgumentException: Format of the initialization string does not conform to specification starting at index 0. Connection string is required to be well formed',
      exitCode: 134,
    },
    {
      name: 'a Julia dictionary key that is not a variable name',
      log: 'ERROR: LoadError: KeyError: key "user_id" not found\nStacktrace:\n [1] getindex(h::Dict{String, Any}, key::String)\n   @ Base ./dict.jl:498',
      exitCode: 1,
    },
    {
      name: 'a framework that generates the secret it was not given',
      log: 'WARN secret key is not set, generating a random one (sessions will not survive restarts)\nINFO listening on :8080',
    },
    {
      name: 'a request validation message is not a credential the app was started without',
      log: 'WARN request rejected: email must not be empty (POST /api/signup 400)\npanic: runtime error: index out of range [2] with length 2',
      exitCode: 2,
    },
    {
      name: 'a field missing from a parsed file is a broken file',
      log: 'Error: failed to parse /etc/relay/config.toml: missing field `upstream_url` at line 4 column 1',
      exitCode: 1,
    },
    {
      name: 'a required CLI flag is an invocation error',
      log: 'Error: required flag(s) "cluster-name" not set\nUsage:\n  controller [flags]',
      exitCode: 1,
    },
    {
      name: 'a backtrace hint names RUST_BACKTRACE but nothing is unset',
      log: "thread 'main' panicked at src/parser.rs:88:19:\nindex out of bounds: the len is 3 but the index is 3\nnote: run with `RUST_BACKTRACE=1` environment variable to display a backtrace",
      exitCode: 101,
    },
    {
      name: 'an info line listing environment variables',
      log: 'INFO reading configuration from environment variables\nINFO listening on :8080',
    },
    { name: 'a help text', log: '  --db-url   database URL (environment variable DB_URL must be set)\nserver started' },
    {
      name: 'a non-env KeyError',
      log: "Traceback (most recent call last):\n  File \"/app/handlers.py\", line 40, in handle\n    user = payload['user']\nKeyError: 'user'",
    },
    {
      name: 'nginx upstream with a port',
      log: 'nginx: [emerg] invalid port in upstream "backend:80x" in /etc/nginx/conf.d/default.conf:12',
    },
    {
      name: 'a -e hint for more output is not a requirement',
      log: 'panic: index out of range [3] with length 3\nhint: re-run the container with -e GOTRACEBACK=all to see every goroutine',
      exitCode: 2,
    },
    {
      name: 'optional advice about an environment variable',
      log: 'Hint: please set the environment variable NO_COLOR to disable colour output\nFATAL: could not open /data/store.db',
    },
    {
      name: 'a missing capability named like a variable',
      log: 'fatal: missing required capability CAP_NET_ADMIN, add it to the container securityContext',
    },
    {
      name: 'a variable set to a wrong value is not unset',
      log: 'FATAL: WORKER_COUNT must be set to a value between 1 and 64',
    },
    {
      name: 'supervisord cannot expand a misspelled built-in name',
      log: "Error: Format string '/usr/bin/worker --name %(program_nam)s' for 'program:worker.command' contains names ('program_nam') which cannot be expanded. Available names: ENV_HOME, group_name, here, host_node_name, process_num, program_name in section 'program:worker' (file: '/etc/supervisord.conf')",
    },
    {
      name: 'credentials loaded from the environment',
      log: 'INFO Found credentials in environment variables.\nINFO uploaded 3 files',
    },
  ],
});
