import { missingEnvVar } from '../../../src/diagnosis/rules/missing-env-var.ts';
import { ruleTable } from './helpers.ts';

ruleTable(missingEnvVar, 'missing_env_var', {
  positives: [
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
  ],
  negatives: [
    {
      name: 'an info line listing environment variables',
      log: 'INFO reading configuration from environment variables\nINFO listening on :8080',
    },
    { name: 'a help text', log: '  --db-url   database URL (environment variable DB_URL must be set)\nserver started' },
    {
      name: 'a non-env KeyError',
      log: "Traceback (most recent call last):\n  File \"/app/handlers.py\", line 40, in handle\n    user = payload['user']\nKeyError: 'user'",
    },
  ],
});
