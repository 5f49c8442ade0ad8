/**
 * missing-env-var-expanded-values.ts: a value an unset variable expanded to nothing, quoted empty by the
 * parser that rejects it (gunicorn, click, Node, Go flag), a JVM size flag with nothing after it, and a
 * clap CLI whose required connection option was not given; and Ansible's wording of an unset AWS region
 * (missing-env-var-credentials.ts). A value that is present but wrong, or a required option of another
 * kind, stays a bad argument or a bad config.
 */
import { missingEnvVar } from '../../../src/diagnosis/rules/missing-env-var.ts';
import { backoffLimitEvents, ruleTable } from './helpers.ts';

ruleTable(missingEnvVar, 'missing_env_var', {
  positives: [
    {
      name: "gunicorn bound to 0.0.0.0:$PORT with PORT unset ('' is not a valid port number)",
      log: [
        '[2024-07-02 09:14:51 +0000] [1] [INFO] Starting gunicorn 22.0.0',
        '',
        "Error: '' is not a valid port number.",
      ].join('\n'),
      exitCode: 1,
      min: 0.7,
      max: 0.84,
    },
    {
      name: 'uvicorn started with --port "$APP_PORT" while APP_PORT is unset (click: \'\' is not a valid integer)',
      log: [
        'Usage: uvicorn [OPTIONS] APP',
        "Try 'uvicorn --help' for help.",
        '',
        "Error: Invalid value for '--port': '' is not a valid integer.",
      ].join('\n'),
      exitCode: 2,
      min: 0.7,
    },
    {
      name: "a Celery worker whose --loglevel came from an unset LOG_LEVEL (click: '' is not one of)",
      log: [
        'Usage: celery worker [OPTIONS]',
        "Try 'celery worker --help' for help.",
        '',
        "Error: Invalid value for '-l' / '--loglevel': '' is not one of 'DEBUG', 'INFO', 'WARNING', 'ERROR', 'CRITICAL', 'FATAL'.",
      ].join('\n'),
      exitCode: 2,
      min: 0.7,
    },
    {
      name: "a Node server listening on process.env.PORT set to '' (ERR_SOCKET_BAD_PORT, Received type string (''))",
      log: [
        'node:net:1904',
        '    validatePort(port, "options.port");',
        '    ^',
        '',
        "RangeError [ERR_SOCKET_BAD_PORT]: options.port should be >= 0 and < 65536. Received type string ('').",
        '    at Server.listen (node:net:1904:5)',
        '    at Object.<anonymous> (/app/server.js:22:8)',
      ].join('\n'),
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'a Go exporter run with -web.port=$PORT and PORT unset (flag: invalid value "" for flag)',
      log: [
        'invalid value "" for flag -web.port: parse error',
        'Usage of /bin/exporter:',
        '  -web.port int',
        '    \tport to listen on (default 9100)',
      ].join('\n'),
      exitCode: 2,
      min: 0.7,
    },
    {
      name: 'PaperMC start.sh with -Xms$MEMORY and MEMORY unset (Invalid initial heap size: -Xms)',
      log: [
        '+ exec java -Xms -Xmx -XX:+UseG1GC -jar /data/paper.jar --nogui',
        'Invalid initial heap size: -Xms',
        'Error: Could not create the Java Virtual Machine.',
        'Error: A fatal exception has occurred. Program will exit.',
      ].join('\n'),
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'a Kafka Connect worker whose KAFKA_HEAP_OPTS expanded -Xmx$HEAP_MAX empty (Invalid maximum heap size: -Xmx)',
      log: [
        '===> Launching kafka-connect ...',
        'Invalid maximum heap size: -Xmx',
        'Error: Could not create the Java Virtual Machine.',
        'Error: A fatal exception has occurred. Program will exit.',
      ].join('\n'),
      exitCode: 1,
      min: 0.8,
    },
    {
      name: "a Spring Boot image with -XX:MaxRAMPercentage=$RAM_PCT unset (Improperly specified VM option 'MaxRAMPercentage=')",
      log: [
        "Improperly specified VM option 'MaxRAMPercentage='",
        'Error: Could not create the Java Virtual Machine.',
        'Error: A fatal exception has occurred. Program will exit.',
      ].join('\n'),
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'sqlx migrate run in an init container without DATABASE_URL (clap: required --database-url)',
      log: [
        'error: the following required arguments were not provided:',
        '  --database-url <DATABASE_URL>',
        '',
        'Usage: sqlx migrate run --source <SOURCE> --database-url <DATABASE_URL>',
        '',
        "For more information, try '--help'.",
      ].join('\n'),
      exitCode: 2,
      min: 0.6,
      max: 0.75,
    },
    {
      name: 'a Rust ingest service (clap 3) whose --redis-url and --api-token come from unset variables',
      log: [
        'error: The following required arguments were not provided:',
        '    --api-token <API_TOKEN>',
        '    --redis-url <REDIS_URL>',
        '',
        'USAGE:',
        '    ingest --api-token <API_TOKEN> --redis-url <REDIS_URL>',
        '',
        'For more information try --help',
      ].join('\n'),
      exitCode: 2,
      events: backoffLimitEvents,
      min: 0.6,
    },
    {
      name: 'an Ansible playbook whose amazon.aws module finds no region (requires a region and none was found)',
      log: [
        'TASK [backup : Copy snapshot to S3] *********************************************',
        'fatal: [localhost]: FAILED! => {"changed": false, "msg": "The s3_object module requires a region and none was found in configuration, environment variables or module parameters"}',
        '',
        'PLAY RECAP *********************************************************************',
        'localhost                  : ok=1    changed=0    unreachable=0    failed=1    skipped=0',
      ].join('\n'),
      exitCode: 2,
      events: backoffLimitEvents,
      min: 0.7,
    },
  ],
  negatives: [
    {
      name: "gunicorn given a port with a stray suffix ('8000x' is not a valid port number): a bad value",
      log: [
        '[2024-07-02 09:14:51 +0000] [1] [INFO] Starting gunicorn 22.0.0',
        "Error: '8000x' is not a valid port number.",
      ].join('\n'),
      exitCode: 1,
    },
    {
      name: "click given a word for a number ('eighty' is not a valid integer): a bad argument",
      log: ['Usage: uvicorn [OPTIONS] APP', "Error: Invalid value for '--port': 'eighty' is not a valid integer."].join(
        '\n',
      ),
      exitCode: 2,
    },
    {
      name: 'a JVM heap size with a bad unit (Invalid maximum heap size: -Xmx4gb): a bad argument',
      log: [
        'Invalid maximum heap size: -Xmx4gb',
        'Error: Could not create the Java Virtual Machine.',
        'Error: A fatal exception has occurred. Program will exit.',
      ].join('\n'),
      exitCode: 1,
    },
    {
      name: 'clap without a required --source directory (not a connection option): a bad command',
      log: [
        'error: the following required arguments were not provided:',
        '  --source <SOURCE>',
        '',
        'Usage: packer-lite build --source <SOURCE>',
        '',
        "For more information, try '--help'.",
      ].join('\n'),
      exitCode: 2,
    },
    {
      name: 'an Ansible module given a region that does not exist (invalid region): a bad config',
      log: [
        'fatal: [localhost]: FAILED! => {"changed": false, "msg": "Invalid region eu-west-9: region is not one of the known AWS regions"}',
      ].join('\n'),
      exitCode: 2,
    },
  ],
});
