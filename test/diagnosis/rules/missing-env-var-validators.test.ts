/**
 * The start-up env validator readings of missing-env-var-validators.ts: class-validator, zod env schemas
 * and Everett that call a variable absent are claimed in other services' words too, and a value that is
 * present but malformed is not.
 */
import { missingEnvVar } from '../../../src/diagnosis/rules/missing-env-var.ts';
import { ruleTable } from './helpers.ts';

ruleTable(missingEnvVar, 'missing_env_var', {
  positives: [
    {
      name: 'a NestJS service whose class-validator env check finds a variable undefined',
      log: 'Error: An instance of EnvConfig has failed the validation:\n - property REDIS_URL has failed the following constraints: isUrl, isDefined \n\n    at validateEnv (/srv/dist/env.js:20:11)',
      exitCode: 1,
      min: 0.85,
      best: 'missing_env_var',
    },
    {
      name: 'a t3-env / zod schema that reports a variable as Required',
      log: "❌ Invalid environment variables: { NEXTAUTH_SECRET: [ 'Required' ], DATABASE_URL: [ 'Required' ] }\nError: Invalid environment variables",
      exitCode: 1,
      min: 0.85,
      best: 'missing_env_var',
    },
    {
      name: 'a zod 4 env schema that received undefined for a variable',
      log: "Invalid environment variables: {\n  SMTP_HOST: [ 'Invalid input: expected string, received undefined' ]\n}",
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'an Everett-configured worker whose namespaced key has no value',
      log: 'Traceback (most recent call last):\n  File "/app/worker.py", line 12, in <module>\n    broker = config("broker_url")\neverett.ConfigurationMissingError: WORKER_BROKER_URL requires a value parseable by everett.manager.parse_str',
      exitCode: 1,
      min: 0.85,
      best: 'missing_env_var',
    },
    {
      name: 'a node-config service whose variable-named property is not defined',
      log: 'Error: Configuration property "STRIPE_API_KEY" is not defined\n    at Config.get (/app/node_modules/config/lib/config.js:182:11)\n    at Object.<anonymous> (/app/src/billing.js:7:22)',
      exitCode: 1,
      min: 0.85,
      best: 'missing_env_var',
    },
    {
      name: 'an OpenAI client that accepts either of two variables and was given neither',
      log: 'Traceback (most recent call last):\n  File "/app/chat.py", line 9, in <module>\n    client = AzureOpenAI(api_version="2024-06-01")\nopenai.OpenAIError: Neither AZURE_OPENAI_API_KEY nor AZURE_OPENAI_AD_TOKEN is set',
      exitCode: 1,
      min: 0.85,
      best: 'missing_env_var',
    },
    {
      name: 'a credential resolver that found none of its candidate environment variables',
      log: 'ValueError: None of the following environment variables are set: COHERE_API_KEY, CO_API_KEY',
      exitCode: 1,
      min: 0.85,
      best: 'missing_env_var',
    },
    {
      name: 'a Confluent Kafka Connect image whose dub ensure check fails with nothing else said',
      log: '===> User\nuid=1000(appuser) gid=1000(appuser) groups=1000(appuser)\n===> Configuring ...\nCommand [/usr/local/bin/dub ensure CONNECT_REST_ADVERTISED_HOST_NAME] FAILED !',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a Confluent Schema Registry image whose dub ensure-atleast-one finds neither store variable',
      log: '===> Configuring ...\nCommand [/usr/local/bin/dub ensure-atleast-one SCHEMA_REGISTRY_KAFKASTORE_CONNECTION_URL SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS] FAILED !',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a hand-written entrypoint whose require_env helper reports the variable it checked',
      log: '[entrypoint] checking environment\n[entrypoint] require_env SMTP_RELAY_HOST: FAILED (empty)\n[entrypoint] aborting',
      exitCode: 1,
      min: 0.8,
    },
  ],
  negatives: [
    {
      name: 'a class-validator report whose variable is present but not a number is a bad value',
      log: 'Error: An instance of EnvConfig has failed the validation:\n - property PORT has failed the following constraints: isInt, min \n',
      exitCode: 1,
    },
    {
      name: 'a zod error on a request body field is not the environment',
      log: "ZodError: [ { path: [ 'email' ], message: 'Invalid email' } ]\n    at parse (/srv/dist/routes/signup.js:22:19)",
      exitCode: 1,
    },
    {
      name: 'an Everett value that does not parse is present, not missing',
      log: "everett.InvalidValueError: ValueError: invalid literal for int() with base 10: 'abc'\nWORKER_CONCURRENCY requires a value parseable by int",
      exitCode: 1,
    },
    {
      name: 'a config key that exists but holds a malformed value is bad config, not a missing variable',
      log: 'Error: Configuration key "PORT" must be a number, got "eighty"\n    at ConfigService.get (/app/node_modules/@nestjs/config/dist/config.service.js:88:15)',
      exitCode: 1,
    },
    {
      name: 'a start-up check that lists its variables as all set is not a failure',
      log: 'INFO config: all of the following environment variables are set: DATABASE_URL, REDIS_URL\nINFO listening on :8080',
      exitCode: 0,
    },
    {
      name: "a Confluent image's dub path writable check is a volume problem, not a variable",
      log: '===> Check if /var/lib/kafka/data is writable ...\nCommand [/usr/local/bin/dub path /var/lib/kafka/data writable] FAILED !',
      exitCode: 1,
    },
    {
      name: "a Confluent image's cub kafka-ready wait that gives up is a dependency that never answered",
      log: '===> Check if Kafka is healthy ...\nCommand [/usr/local/bin/cub kafka-ready -b kafka:9092 1 40] FAILED !',
      exitCode: 1,
    },
  ],
});
