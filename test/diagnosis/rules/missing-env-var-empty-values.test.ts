/**
 * The empty-setting readings of missing-env-var-empty-values.ts: a server address, a target, a secret or
 * a server list that arrived empty is a variable never set, in any product's words; the same words about
 * a setting that has a value (or a default the app falls back to) are not.
 */
import { missingEnvVar } from '../../../src/diagnosis/rules/missing-env-var.ts';
import { ruleTable } from './helpers.ts';

ruleTable(missingEnvVar, 'missing_env_var', {
  positives: [
    {
      name: 'an HMAC signing key of 0 bits (the JWT secret variable is unset, so the key is empty)',
      log: "Caused by: io.jsonwebtoken.security.WeakKeyException: The signing key's size is 0 bits which is not secure enough for the HS256 algorithm.",
      exitCode: 1,
      min: 0.75,
      best: 'missing_env_var',
    },
    {
      name: 'an object-store client handed an empty endpoint quotes it as nothing',
      log: 'level=error ts=2024-05-02T10:11:12Z caller=main.go:60 msg="error running" err="create bucket client: invalid endpoint: \\"\\""',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'an exporter started with no endpoint',
      log: 'time="2024-05-01T10:00:00Z" level=fatal msg="no endpoint configured for the OTLP exporter"',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'a migration tool told to configure its database URL',
      log: 'Liquibase Community 4.27.0\nERROR: Exception Primary Reason: Please configure the database URL.',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a backup tool with no bucket to write to',
      log: 'backup: starting\nError: please specify a bucket name (--bucket or S3_BUCKET)',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'a schema validation that finds no secret',
      log: 'level=fatal msg="unable to load settings" error="jsonschema: \'\' does not validate with #/required: missing properties: \'secret\'"',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'a required API key missing from a settings module that reads the environment',
      log: 'RuntimeError: Missing required api_key in config/settings.py, refusing to start',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'an encryption key of length zero',
      log: 'panic: encryption key must be 32 bytes long, but got 0\n\ngoroutine 1 [running]:\nmain.main()\n\t/src/main.go:22 +0x1a5',
      exitCode: 2,
      min: 0.78,
    },
    {
      name: 'a token signing secret of zero length, in words rather than digits',
      log: 'Error: HMAC signing failed: secret length is zero\n    at createSigner (/app/dist/auth/tokens.js:41:11)',
      exitCode: 1,
      min: 0.78,
    },
    {
      name: 'a Cassandra driver given an empty list of contact points',
      log: 'INFO  Driver config: datastax-java-driver.basic.contact-points = []\nERROR Application run failed\ncom.datastax.oss.driver.api.core.AllNodesFailedException: Could not reach any contact point, make sure you have provided valid addresses',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'a .NET library given a null Redis connection string, whatever it calls the parameter',
      log: "Unhandled exception. System.ArgumentNullException: Value cannot be null. (Parameter 'redisConnectionString')\n   at StackExchange.Redis.ConnectionMultiplexer.Connect(String configuration)",
      exitCode: 134,
      min: 0.75,
    },
    {
      name: 'a Python Slack client handed os.getenv of an unset token',
      log: 'Traceback (most recent call last):\n  File "/app/main.py", line 9, in <module>\n    app = App(token=os.environ.get("SLACK_BOT_TOKEN"))\nTypeError: token must be a str, got NoneType',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a Go HTTP client whose base URL came from an unset variable',
      log: 'level=fatal msg="fetch flags" err="Get \\"/v1/flags\\": unsupported protocol scheme \\"\\""',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'new Uri on a null configuration value, in .NET',
      log: "Unhandled exception. System.ArgumentNullException: Value cannot be null. (Parameter 'uriString')\n   at System.Uri..ctor(String uriString)",
      exitCode: 134,
      min: 0.75,
    },
    {
      name: 'Node parsing an unset variable as a URL prints the input it was given as undefined',
      log: "node:internal/url:816\n    href = bindingUrl.parse(input, base, true);\n               ^\n\nTypeError: Invalid URL\n    at new URL (node:internal/url:816:25)\n    at Object.<anonymous> (/app/dist/index.js:7:17) {\n  code: 'ERR_INVALID_URL',\n  input: 'undefined'\n}",
      exitCode: 1,
      min: 0.7,
    },
    {
      name: "requests given os.getenv() of an unset variable as the URL ('None')",
      log: "requests.exceptions.MissingSchema: Invalid URL 'None': No scheme supplied. Perhaps you meant https://None?",
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'Spring Boot reports a @Validated property bound to null: no variable (under its relaxed name) set it',
      log: "***************************\nAPPLICATION FAILED TO START\n***************************\n\nDescription:\n\nBinding to target org.springframework.boot.context.properties.bind.BindException: Failed to bind properties under 'mail.smtp' to com.example.MailProperties failed:\n\n    Property: mail.smtp.password\n    Value: \"null\"\n    Reason: must not be null\n\nAction:\n\nUpdate your application's configuration",
      exitCode: 1,
      min: 0.78,
    },
    {
      name: 'Rails with no database configured for its environment (DATABASE_URL unset)',
      log: 'rails aborted!\nActiveRecord::AdapterNotSpecified: \'production\' database is not configured. Available: ["development", "test"]\n/usr/local/bundle/gems/activerecord-7.1.3/lib/active_record/database_configurations.rb:127:in `resolve_symbol_connection\'',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'an HMAC keyed with an unset secret (crypto.createHmac(..., process.env.WEBHOOK_SECRET))',
      log: 'node:internal/crypto/keys:633\n    throw new ERR_INVALID_ARG_TYPE(\n    ^\n\nTypeError [ERR_INVALID_ARG_TYPE]: The "key" argument must be of type string or an instance of ArrayBuffer, Buffer, TypedArray, DataView, KeyObject, or CryptoKey. Received undefined\n    at prepareSecretKey (node:internal/crypto/keys:633:11)\n    at new Hmac (node:internal/crypto/hash:132:9)\n\nNode.js v22.11.0',
      exitCode: 1,
      min: 0.65,
    },
  ],
  negatives: [
    {
      name: 'a signing key that is present but too short is a weak value, not an unset one',
      log: "Caused by: io.jsonwebtoken.security.WeakKeyException: The signing key's size is 128 bits which is not secure enough for the HS256 algorithm.",
      exitCode: 1,
    },
    {
      name: 'an undefined callback handed to an emitter is the code, not an unset variable',
      log: 'TypeError [ERR_INVALID_ARG_TYPE]: The "listener" argument must be of type function. Received undefined\n    at checkListener (node:events:267:3)\n    at _addListener (node:events:547:3)',
      exitCode: 1,
    },
    {
      name: 'Spring Boot reports a property that has a value, just a wrong one',
      log: 'Description:\n\nBinding to target failed:\n\n    Property: server.port\n    Value: "80a"\n    Origin: System Environment Property "SERVER_PORT"\n    Reason: failed to convert java.lang.String to java.lang.Integer',
      exitCode: 1,
    },
    {
      name: 'a URL that is malformed text (not undefined) is a bad value, not an unset variable',
      log: "TypeError: Invalid URL: 'postgres//db:5432/app'\n    at new URL (ext:deno_url/00_url.js:405:27)",
      exitCode: 1,
    },
    {
      name: 'an endpoint that is written but malformed is a bad value, not an empty one',
      log: 'level=error msg="error running" err="Endpoint: minio.storage.svc:9000/traces does not follow ip address or domain name standards."',
      exitCode: 1,
    },
    {
      name: 'an endpoint left unset on purpose, the app using its default',
      log: 'INFO no endpoint configured, using the default https://ingest.example.com\nINFO ready',
      exitCode: 0,
    },
    {
      name: 'a zero-length read of a key file is not a key of zero length',
      log: 'WARN read 0 bytes from /data/cache.key, key rotation skipped\nINFO serving on :8080',
      exitCode: 0,
    },
    {
      name: 'a key of the wrong length is a bad value, not a missing one',
      log: 'panic: encryption key must be 32 bytes long, but got 16',
      exitCode: 2,
    },
    {
      name: 'a Kafka client dump with an empty list of another setting',
      log: '\tinterceptor.classes = []\n\tbootstrap.servers = [kafka-0.kafka.infra.svc:9092]\nINFO Kafka version: 3.6.1',
      exitCode: 0,
    },
    {
      name: 'a URL with a scheme the client does not support has a value',
      log: 'panic: redis: invalid URL scheme: http\ngoroutine 1 [running]:',
      exitCode: 2,
    },
    {
      name: 'a token of the wrong type that is not None is a bad value',
      log: 'TypeError: expected token to be a str, received int instead',
      exitCode: 1,
    },
  ],
});
