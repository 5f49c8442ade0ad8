import { missingEnvVar } from '../../../src/diagnosis/rules/missing-env-var.ts';
import { ruleTable } from './helpers.ts';

ruleTable(missingEnvVar, 'missing_env_var', {
  positives: [
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
      name: 'python int() of an empty variable',
      log: '  File "/app/settings.py", line 12, in <module>\n    REDIS_PORT = int(os.getenv("REDIS_PORT", ""))\nValueError: invalid literal for int() with base 10: \'\'',
      min: 0.65,
    },
    {
      name: 'go strconv on an empty variable',
      log: '2025/02/03 11:02:17 failed to load config: strconv.Atoi: parsing "": invalid syntax',
      min: 0.65,
    },
    {
      name: 'node property of an unset process.env value',
      log: "/app/dist/config.js:8\n    const [host, port] = process.env.DB_HOST.split(':');\n                                             ^\n\nTypeError: Cannot read properties of undefined (reading 'split')",
      min: 0.65,
    },
    {
      name: 'node new URL(undefined)',
      log: "TypeError: Invalid URL\n    at new URL (node:internal/url:816:25) {\n  code: 'ERR_INVALID_URL',\n  input: 'undefined'\n}",
      min: 0.65,
    },
    {
      name: 'python method on os.getenv without default',
      log: '  File "/app/bot.py", line 7, in <module>\n    ALLOWED = os.environ.get("ALLOWED_USERS").split(",")\nAttributeError: \'NoneType\' object has no attribute \'split\'',
      min: 0.65,
    },
    {
      name: 'go listen on an empty port',
      log: '2025/03/03 12:00:00 listen tcp: address tcp/: unknown port',
      min: 0.65,
    },
    {
      name: 'quarkus required property',
      log: 'Caused by: io.smallrye.config.ConfigValidationException: Configuration validation failed:\n\tjava.util.NoSuchElementException: SRCFG00014: The config property quarkus.datasource.password is required but it could not be found in any config source',
      min: 0.8,
    },
    {
      name: 'joi config validation with quoted names',
      log: 'Error: Config validation error: "JWT_SECRET" is required. "DATABASE_URL" is required',
      min: 0.8,
    },
    {
      name: 'php getenv false into a string parameter',
      log: 'PHP Fatal error:  Uncaught TypeError: PDO::__construct(): Argument #1 ($dsn) must be of type string, bool given in /var/www/html/db.php:5',
      min: 0.6,
    },
    {
      name: 'postgres client on the local socket',
      log: 'psycopg2.OperationalError: connection to server on socket "/var/run/postgresql/.s.PGSQL.5432" failed: No such file or directory',
      min: 0.6,
    },
    {
      name: 'sqlalchemy create_engine(None)',
      log: 'sqlalchemy.exc.ArgumentError: Expected string or URL object, got None',
      min: 0.65,
    },
    {
      name: 'python int(None) from os.getenv',
      log: '  File "/app/main.py", line 15, in <module>\n    port = int(os.getenv("APP_PORT"))\nTypeError: int() argument must be a string, a bytes-like object or a real number, not \'NoneType\'',
      min: 0.65,
    },
    {
      name: 'go url.Parse of an empty variable',
      log: '2025/01/01 10:00:00 invalid upstream URL: parse "": empty url',
      min: 0.65,
    },
    {
      name: '.NET GetBytes of a null setting',
      log: "Unhandled exception. System.ArgumentNullException: String reference not set to an instance of a String. (Parameter 's')\n   at System.Text.Encoding.GetBytes(String s)",
      min: 0.7,
    },
    {
      name: 'empty admin password',
      log: 'Error: \u2717 failed to create admin user: password is missing or empty',
      min: 0.65,
    },
    {
      name: 'nginx envsubst left an empty port',
      log: 'nginx: [emerg] invalid port in upstream "backend:" in /etc/nginx/conf.d/default.conf:12',
      min: 0.8,
    },
    {
      name: 'aws sdk without a region',
      log: 'Error: Region is missing\n    at default (/app/node_modules/@smithy/config-resolver/dist-cjs/index.js:117:11)',
      min: 0.7,
    },
    {
      name: 'sdk client without an api key',
      log: 'Error: Neither apiKey nor config.authenticator provided\n    at Stripe._setAuthenticator (/app/node_modules/stripe/cjs/stripe.core.js:163:23)',
      min: 0.6,
    },
    {
      name: 'laravel mysql on the local socket',
      log: 'In Connection.php line 829:\n  SQLSTATE[HY000] [2002] No such file or directory (Connection: mysql, SQL: select * from information_schema.tables)',
      min: 0.6,
    },
    {
      name: 'boto3 without credentials',
      log: 'botocore.exceptions.NoCredentialsError: Unable to locate credentials',
      min: 0.65,
    },
    {
      name: 'telegram bot with an empty token',
      log: 'telegram.error.InvalidToken: You must pass the token you received from https://t.me/Botfather!',
      min: 0.6,
    },
    {
      name: 'sequelize without settings',
      log: 'Error: Dialect needs to be explicitly supplied as of v4.0.0\n    at new Sequelize (/app/node_modules/sequelize/lib/sequelize.js:281:13)',
      min: 0.6,
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
      name: 'nginx meets a variable its traced envsubst left unexpanded',
      log: '+ envsubst < /etc/nginx/app.conf.tpl > /etc/nginx/conf.d/app.conf\n+ exec nginx -g \'daemon off;\'\nnginx: [emerg] unknown "backend_host" variable',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'nginx unknown variable without a rendered template is more likely a typo',
      log: '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh\n/docker-entrypoint.sh: Configuration complete; ready for start up\nnginx: [emerg] unknown "upstream_adr" variable',
      exitCode: 1,
      min: 0.5,
      max: 0.6,
      best: 'bad_config',
    },
    {
      name: 'pg_isready polling the local socket directory',
      log: '/tmp:5432 - no response\nwaiting for postgres to come up\n/tmp:5432 - no response\nwaiting for postgres to come up',
      min: 0.65,
    },
    {
      name: 'mysqladmin falling back to the local socket (MySQL 8 wording)',
      log: "mysqladmin: connect to server at 'localhost' failed\nerror: 'Can't connect to local server through socket '/var/run/mysqld/mysqld.sock' (2)'",
      min: 0.6,
    },
    {
      name: 'the java sdk finds no region',
      log: 'Exception in thread "main" software.amazon.awssdk.core.exception.SdkClientException: Unable to load region from any of the providers in the chain software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain@6d3af739',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'the aws cli without a region',
      log: '++ aws sts get-caller-identity\n\nYou must specify a region. You can also configure your region by running "aws configure".',
      exitCode: 253,
      min: 0.7,
    },
  ],
  negatives: [
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
      name: 'process.env code shown without an undefined error',
      log: '/app/dist/config.js:8\n    const port = process.env.PORT.trim();\n    ^\n\nError: listen EACCES: permission denied 0.0.0.0:80',
      best: false,
    },
    {
      name: 'a non-empty int literal is a code bug',
      log: "ValueError: invalid literal for int() with base 10: 'abc'",
    },
    {
      name: 'a typed int() of a real string',
      log: "TypeError: int() argument must be a string, a bytes-like object or a real number, not 'list'",
    },
    {
      name: 'nginx upstream with a port',
      log: 'nginx: [emerg] invalid port in upstream "backend:80x" in /etc/nginx/conf.d/default.conf:12',
    },
    {
      name: 'a region listed in a banner',
      log: 'INFO starting uploader bucket=assets region=eu-west-1',
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
      name: 'pg_isready against a named host is not a fallback',
      log: 'orders-db.shop.svc.cluster.local:5432 - no response\nwaiting for database...',
    },
    {
      name: 'credentials loaded from the environment',
      log: 'INFO Found credentials in environment variables.\nINFO uploaded 3 files',
    },
  ],
});
