/**
 * The indirect readings of missing_env_var: the message names no variable, but what broke (a client on
 * its localhost default, an empty value parsed as a number) is what an unset variable leaves behind.
 */
import { missingEnvVar } from '../../../src/diagnosis/rules/missing-env-var.ts';
import { ruleTable } from './helpers.ts';

const goRedisLog = (addr: string): string =>
  [
    '{"level":"info","ts":"2024-06-11T08:02:40.118Z","caller":"worker/main.go:38","msg":"starting mailer","version":"2.3.1"}',
    `{"level":"info","ts":"2024-06-11T08:02:40.119Z","caller":"config/load.go:71","msg":"config loaded","listen_addr":":9090","redis_addr":"${addr}","queue":"","batch":50}`,
    '{"level":"warn","ts":"2024-06-11T08:02:42.121Z","caller":"worker/main.go:52","msg":"redis not ready, retrying","error":"dial tcp 127.0.0.1:6379: connect: connection refused"}',
    '{"level":"fatal","ts":"2024-06-11T08:02:44.123Z","caller":"worker/main.go:58","msg":"redis ping failed","error":"dial tcp 127.0.0.1:6379: connect: connection refused"}',
  ].join('\n');

ruleTable(missingEnvVar, 'missing_env_var', {
  positives: [
    {
      name: 'a migration init container refused on localhost: its host variable was not copied from the app container',
      log: 'Running migrations...\nError: connect ECONNREFUSED 127.0.0.1:5432\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)',
      exitCode: 1,
      events: [
        {
          type: 'Warning',
          reason: 'BackOff',
          message: 'Back-off restarting failed container migrate in pod api-7f9c6-abcde_shop(1b2c)',
          count: 5,
        },
      ],
      min: 0.55,
      max: 0.7,
    },
    {
      name: 'a migration Job refused on an address it never names',
      log: 'ConnectionRefusedError: [Errno 111] Connection refused',
      exitCode: 1,
      events: [
        {
          type: 'Warning',
          reason: 'BackOff',
          message: 'Back-off restarting failed container db-migrate in pod orders-migrate-x7k2p_shop(4d5e)',
          count: 4,
        },
      ],
      min: 0.6,
      max: 0.7,
    },
    {
      name: 'a refusal naming no host after the client announced its loopback default: the host variable may be unset',
      log: [
        '2025-02-11 07:12:01 INFO  worker - Connecting to server: http://localhost:7233',
        'Traceback (most recent call last):',
        '  File "/app/worker.py", line 12, in <module>',
        'ConnectionRefusedError: [Errno 111] Connection refused',
      ].join('\n'),
      exitCode: 1,
      min: 0.4,
      max: 0.5,
      // The same lines come from a wrong explicit address: dependency_unreachable leads, this is its alternative.
      best: 'dependency_unreachable',
    },
    {
      name: 'a RabbitMQ client refused on guest@localhost, the account only a local broker admits: the broker URL is unset',
      log: 'WARN  Connection to guest@localhost:5672 failed, retrying in 5s\n---> System.Net.Sockets.SocketException (111): Connection refused\nUnhandled exception. EasyNetQ.EasyNetQException: Broker unreachable: guest@localhost:5672',
      exitCode: 134,
      min: 0.55,
    },
    {
      name: 'the aws CLI finding no credentials at all',
      log: 'copying backup.tar.gz\nfatal error: Unable to locate credentials',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'a Redis client printed with a nil host, then refused on localhost',
      log: 'INFO connecting to Redis with {:host=>nil, :port=>6379}\nError connecting to Redis on 127.0.0.1:6379 (Errno::ECONNREFUSED) (Redis::CannotConnectError)',
      exitCode: 1,
      min: 0.65,
    },
    {
      name: 'a Temporal SDK dialling its built-in default address',
      log: 'Error: 14 UNAVAILABLE: No connection established. Last error: connect ECONNREFUSED 127.0.0.1:7233',
      exitCode: 1,
      min: 0.6,
    },
    {
      name: 'an env dump with the database user and name but no host, then a localhost refusal',
      log: 'entrypoint: environment\nentrypoint:   KEYCLOAK_DB_USER=keycloak\nentrypoint:   KEYCLOAK_DB_NAME=keycloak\nentrypoint:   KEYCLOAK_DB_PASSWORD=********\nERROR: connection to server at "localhost" (127.0.0.1), port 5432 failed: Connection refused',
      exitCode: 1,
      min: 0.6,
    },
    {
      name: 'consul CLI refused on its default address',
      log: '+ consul kv get config/payments/db\nError querying Consul agent: Get "http://127.0.0.1:8500/v1/kv/config/payments/db": dial tcp 127.0.0.1:8500: connect: connection refused',
      exitCode: 1,
      min: 0.6,
    },
    {
      name: 'kubectl in a job without its kubeconfig',
      log: '+ kubectl rollout restart deploy/api\nThe connection to the server localhost:8080 was refused - did you specify the right host or port?',
      exitCode: 1,
      min: 0.6,
    },
    {
      name: 'a proto-validated field left empty by a rendered template',
      log: "+ gomplate -f /etc/otel/bootstrap.yaml.tpl -o /tmp/bootstrap.yaml\n[critical][main] error initializing configuration '/tmp/bootstrap.yaml': Proto constraint validation failed (SocketAddressValidationError.Address: value length must be at least 1 characters)",
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'a localhost refusal after the app names the variable it used',
      log: 'waiting for broker...\nError: connect ECONNREFUSED 127.0.0.1:5672\nError: connect ECONNREFUSED 127.0.0.1:5672\nCould not reach rabbitmq using environment variable AMQP_URL, giving up',
      exitCode: 1,
      min: 0.6,
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
      name: 'a Rails pg client on the pre-14 libpq socket wording: no host was given, so it tried the local socket',
      log: 'PG::ConnectionBad: could not connect to server: No such file or directory\n\tIs the server running locally and accepting\n\tconnections on Unix domain socket "/var/run/postgresql/.s.PGSQL.5432"?\n/usr/local/bundle/gems/pg-1.2.3/lib/pg.rb:58:in `initialize\'',
      min: 0.6,
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
    {
      name: 'a JSON config line with an empty address, then a refusal on localhost',
      log: goRedisLog(''),
      exitCode: 1,
      min: 0.65,
    },
    {
      name: 'an env dump with an empty host, then a refusal on the loopback default',
      log: [
        'Starting worker with settings:',
        '  BROKER_HOST=',
        '  BROKER_PORT=5672',
        '[2024-06-11 08:02:41,730: ERROR/MainProcess] consumer: Cannot connect to amqp://guest:**@127.0.0.1:5672//: [Errno 111] Connection refused.',
      ].join('\n'),
      exitCode: 1,
      min: 0.65,
    },
    {
      name: "Go's %+v of client options with an empty Addr",
      log: [
        '2024/06/11 08:02:40 redis options: &{Network:tcp Addr: ClientName: DB:0 MaxRetries:3}',
        '2024/06/11 08:02:40 dial tcp [::1]:6379: connect: connection refused',
      ].join('\n'),
      exitCode: 1,
      min: 0.65,
    },
    {
      name: 'a YAML dump with an empty database host',
      log: [
        'effective configuration:',
        'database:',
        '  host: ""',
        '  port: 5432',
        'FATAL: could not connect to server: Connection refused. Is the server running on host "localhost" (127.0.0.1) and accepting TCP/IP connections on port 5432?',
      ].join('\n'),
      exitCode: 1,
      min: 0.65,
    },
    {
      name: 'a gated model fetched without a token (text-generation-inference)',
      log: '2024-06-03T11:20:07.000Z ERROR download: text_generation_launcher: Download encountered an error:\nhuggingface_hub.utils._errors.GatedRepoError: 401 Client Error.\nCannot access gated repo for url https://huggingface.co/mistralai/Mistral-7B-Instruct-v0.2/resolve/main/config.json.\nAccess to model mistralai/Mistral-7B-Instruct-v0.2 is restricted. You must be authenticated to access it.\nError: DownloadError',
      exitCode: 1,
      min: 0.65,
    },
    {
      name: 'a client dialling 0.0.0.0, the default of an unset address',
      log: '2024/06/03 10:02:11 nats: error connecting to nats://0.0.0.0:4222: dial tcp 0.0.0.0:4222: connect: connection refused\n2024/06/03 10:02:11 fatal: could not connect to NATS',
      exitCode: 1,
      min: 0.55,
    },
    {
      name: 'a refusal that names no host is only an alternative to dependency_unreachable',
      log: 'Error: error communicating with database: Connection refused (os error 111)',
      exitCode: 1,
      min: 0.4,
      max: 0.5,
      best: 'dependency_unreachable',
    },
    {
      name: "a kombu consumer on Celery's built-in broker default (guest@localhost): the broker URL is unset",
      log: '[2024-05-01 10:00:00,000: ERROR/MainProcess] consumer: Cannot connect to amqp://guest:**@localhost:5672//: Error 111 connecting to localhost:5672. Connection refused..\nTrying again in 2.00 seconds... (1/100)',
      exitCode: 1,
      min: 0.6,
      max: 0.8,
      best: 'missing_env_var',
    },
    {
      name: 'a DSN printed with an empty host, then the local socket fallback',
      log: '[info] connecting with DSN pgsql:host=;port=5432;dbname=shop\nSQLSTATE[08006] [7] connection to server on socket "/var/run/postgresql/.s.PGSQL.5432" failed: No such file or directory',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a Koa server started on port NaN (Number(process.env.PORT) with PORT unset), then killed by its probes',
      log: '> api@1.0.0 start\n> node dist/index.js\n\n[api] Server started on port NaN\n[api] connected to redis',
      exitCode: 143,
      reason: 'Error',
      min: 0.9,
    },
    {
      name: 'a Fastify app that prints its URL with an undefined port',
      log: '{"level":30,"msg":"Server listening at http://0.0.0.0:undefined"}',
      exitCode: 1,
      min: 0.9,
    },
    {
      name: 'a NATS.js client refused on its built-in default nats://127.0.0.1:4222: NATS_URL is unset',
      log: 'worker starting\nNatsError: CONNECTION_REFUSED\n    at Function.errorForCode\nError: connect ECONNREFUSED 127.0.0.1:4222',
      exitCode: 1,
      min: 0.6,
    },
    {
      name: "an entrypoint that could not write the secret it generates: the empty variable is the permission failure's consequence",
      log: 'Generating JWT_SECRET into /app/data/.jwt_secret\n/docker-entrypoint.sh: line 12: /app/data/.jwt_secret: Permission denied\nError: JWT_SECRET environment variable is not set',
      exitCode: 1,
      max: 0.6,
      best: 'permission_denied',
    },
    {
      name: 'JDK 17+ Long.parseLong of an unset variable (Cannot parse null string)',
      log: 'Exception in thread "main" java.lang.NumberFormatException: Cannot parse null string: null\n\tat java.base/java.lang.Long.parseLong(Long.java:662)\n\tat com.example.batch.Settings.timeoutMillis(Settings.java:31)',
      exitCode: 1,
      min: 0.65,
    },
  ],
  negatives: [
    {
      name: 'libpq refused by a named TCP host: the host was set, the server is down',
      log: 'psycopg2.OperationalError: could not connect to server: Connection refused\n\tIs the server running on host "db.shop.svc" (10.43.0.12) and accepting\n\tTCP/IP connections on port 5432?',
      exitCode: 1,
    },
    {
      name: 'a migration refused on a named remote host is the dependency, not a missing variable',
      log: 'Running migrations...\nError: connect ECONNREFUSED 10.43.0.12:5432\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)',
      exitCode: 1,
    },
    {
      name: 'a NumberFormatException on a real non-numeric value is a bad value, not an unset one',
      log: 'Exception in thread "main" java.lang.NumberFormatException: For input string: "8080tcp"\n\tat java.base/java.lang.Integer.parseInt(Integer.java:668)',
      exitCode: 1,
    },
    {
      name: 'a server listening on the port it was given',
      log: '[api] Server listening on port 3000\n[api] started in 412 ms',
      exitCode: 143,
    },
    {
      name: 'a NATS client refused by a named server: the URL was set',
      log: 'nats: error: dial tcp 10.96.4.7:4222: connect: connection refused (nats://nats.messaging.svc:4222)',
      exitCode: 1,
    },
    {
      name: 'a Celery worker refused by a named broker: the URL was set, the broker is down',
      log: '[2024-05-01 10:00:00,000: ERROR/MainProcess] consumer: Cannot connect to amqp://app:**@rabbitmq.mq.svc:5672//: [Errno 111] Connection refused.',
      exitCode: 1,
    },
    {
      name: 'an env dump that sets the database host to localhost on purpose',
      log: 'entrypoint: environment\nentrypoint:   KEYCLOAK_DB_HOST=127.0.0.1\nentrypoint:   KEYCLOAK_DB_USER=keycloak\nERROR: connection to server at "localhost" (127.0.0.1), port 5432 failed: Connection refused',
      exitCode: 1,
    },
    {
      name: 'a CLI refused on a named server',
      log: 'Error querying Consul agent: Get "http://consul-server.infra.svc:8500/v1/kv/app": dial tcp 10.96.3.4:8500: connect: connection refused',
      exitCode: 1,
    },
    {
      name: 'a proto-validated field empty in a hand-written config',
      log: "[critical][main] error initializing configuration '/etc/envoy/envoy.yaml': Proto constraint validation failed (SocketAddressValidationError.Address: value length must be at least 1 characters)",
      exitCode: 1,
    },
    {
      name: 'a token that was sent and refused is not an unset variable',
      log: 'Error: You must be authenticated to access it: the token provided is invalid or expired (401)',
      exitCode: 1,
    },
    {
      name: 'a server listening on 0.0.0.0 and a refusal from a named host',
      log: 'INFO server listening on 0.0.0.0:8080\nERROR failed to connect to redis.cache.svc:6379: connection refused',
      exitCode: 1,
    },
    {
      name: 'a refusal that names its host',
      log: 'Error: connect ECONNREFUSED 10.96.14.3:5432\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)',
      exitCode: 1,
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
      name: 'a region listed in a banner',
      log: 'INFO starting uploader bucket=assets region=eu-west-1',
    },
    {
      name: 'pg_isready against a named host is not a fallback',
      log: 'orders-db.shop.svc.cluster.local:5432 - no response\nwaiting for database...',
    },
    {
      name: 'an explicit localhost address is a wrong address, not an unset one',
      log: goRedisLog('localhost:6379'),
      exitCode: 1,
    },
    {
      name: 'an empty field that is no address',
      log: ['config: {"queue":"","workers":4}', 'dial tcp 127.0.0.1:6379: connect: connection refused'].join('\n'),
      exitCode: 1,
    },
    {
      name: 'an empty address printed after the refusal (a shutdown dump)',
      log: [
        'dial tcp 127.0.0.1:6379: connect: connection refused',
        'shutting down, final state: redis_addr= queue=mail',
      ].join('\n'),
      exitCode: 1,
    },
  ],
});
