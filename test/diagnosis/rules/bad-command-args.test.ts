import { badCommandArgs } from '../../../src/diagnosis/rules/bad-command-args.ts';
import { ruleTable } from './helpers.ts';

ruleTable(badCommandArgs, 'bad_command_args', {
  positives: [
    {
      name: 'python -m with a module that does not exist',
      log: '+ exec python -m app.serverr\n/usr/local/bin/python: No module named app.serverr',
      min: 0.7,
    },
    {
      name: 'node on the TypeScript source',
      log: 'TypeError [ERR_UNKNOWN_FILE_EXTENSION]: Unknown file extension ".ts" for /app/src/index.ts',
      min: 0.75,
    },
    {
      name: 'memcached started as root without -u',
      log: "can't run as root without the -u switch",
      exitCode: 71,
      min: 0.8,
    },
    {
      name: 'deno without --allow-env',
      log: 'error: Uncaught (in promise) PermissionDenied: Requires env access to "PORT", run again with the --allow-env flag\n    at file:///app/main.ts:3:30',
      min: 0.85,
    },
    { name: 'set -x trace ending in an empty exec', log: "+ set -e\n+ '[' '' = - ']'\n+ exec ", min: 0.7 },
    {
      name: 'an argument run as the program',
      log: '/docker-entrypoint.sh: exec: line 47: -p: not found',
      exitCode: 127,
      min: 0.8,
    },
    {
      name: 'an invalid JVM heap size',
      log: 'Invalid maximum heap size: -Xmx1GB\nError: Could not create the Java Virtual Machine.\nError: A fatal exception has occurred. Program will exit.',
      min: 0.8,
    },
    {
      name: 'argparse: a quoted flag',
      log: 'usage: glances [-h] [-w]\nglances: error: unrecognized arguments: "-w"',
      exitCode: 2,
      min: 0.9,
    },
    {
      name: 'go flag',
      log: 'flag provided but not defined: -config.file\nUsage of /bin/prometheus:',
      exitCode: 2,
      min: 0.9,
    },
    { name: 'cobra', log: 'Error: unknown flag: --listen-addr\nUsage:\n  server [flags]', exitCode: 1, min: 0.85 },
    {
      name: 'java unrecognized option',
      log: 'Unrecognized option: --add-opens=java.base/java.lang=ALL-UNNAMED\nError: Could not create the Java Virtual Machine.\nError: A fatal exception has occurred. Program will exit.',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'click',
      log: "Usage: worker [OPTIONS]\nTry 'worker --help' for help.\n\nError: No such option: --concurency Did you mean --concurrency?",
      exitCode: 2,
      min: 0.85,
    },
    {
      name: 'gunicorn wrong app target',
      log: "[2024-01-01 00:00:00 +0000] [7] [INFO] Booting worker with pid: 7\nFailed to find attribute 'application' in 'app'.\n[2024-01-01 00:00:00 +0000] [7] [INFO] Worker exiting (pid: 7)",
      min: 0.7,
    },
    { name: 'usage banner on exit 2', log: 'Usage: backup [--full|--incremental] TARGET', exitCode: 2, min: 0.6 },
  ],
  negatives: [
    {
      name: 'an import of a missing package is a dependency, not the command',
      log: 'Traceback (most recent call last):\n  File "/app/main.py", line 1, in <module>\n    import requests\nModuleNotFoundError: No module named \'requests\'',
    },
    {
      name: 'mongod names an unknown config key (no dash: not a JVM flag)',
      log: "Unrecognized option: storage.journal.enable\ntry 'mongod --help' for more information",
      exitCode: 2,
    },
    {
      name: 'a set -x trace that execs a real program',
      log: '+ cd /srv\n+ exec node server.js\nError: connect ECONNREFUSED 10.0.0.5:5432',
    },
    {
      name: 'usage printed with --help, exit 0',
      log: 'Usage: backup [--full|--incremental] TARGET\n  --full   full backup',
      exitCode: 0,
      reason: 'Completed',
    },
    {
      name: 'redis config directive',
      log: "*** FATAL CONFIG FILE ERROR (Redis 6.2.5) ***\n>>> 'unixsocket /run/redis.sock nunixsocketperm 755'\nwrong number of arguments",
    },
    { name: 'CRLF set option', log: '/config/entrypoint.sh: set: line 2: illegal option -' },
  ],
});
