import { badCommandArgs } from '../../../src/diagnosis/rules/bad-command-args.ts';
import { ruleTable } from './helpers.ts';

ruleTable(badCommandArgs, 'bad_command_args', {
  positives: [
    {
      name: 'a relative config path given to a flag, not found from the working directory',
      log: 'level=error msg="cannot load config (--config.file=agent.yaml)" err="open agent.yaml: no such file or directory"',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a Qt-style program rejecting the form of a flag',
      log: "Invalid command line: option '--profile' expects a value\nRun the program with --help option for usage.",
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'GNU tool pointing to --help after a bad option',
      log: "Try 'rsync --help' for more information.",
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'a start script printing only its usage on exit 1',
      log: 'Starting broker...\nUsage: catalina.sh ( commands ... )',
      exitCode: 1,
      min: 0.55,
    },
    {
      name: 'a Traefik flag naming a node no version has',
      log: '2024/01/30 14:22:10 command traefik error: failed to decode configuration from flags: field not found, node: entrypoint',
      exitCode: 1,
      min: 0.8,
    },
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
    {
      name: 'cobra: a required flag is not set',
      log: 'Error: required flag(s) "config" not set\nUsage:\n  agent run [flags]',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'cobra: too few positional arguments',
      log: 'Error: requires at least 1 arg(s), only received 0\nUsage:\n  migrate up [version] [flags]',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'picocli: a misspelled subcommand (kc.sh strat)',
      log: "Unmatched argument at index 0: 'strat'\nDid you mean: kc.sh start or kc.sh start-dev?",
      exitCode: 2,
      min: 0.85,
    },
    {
      name: 'Laravel console: an artisan command that does not exist',
      log: '\n  Command "queue:wrok" is not defined.\n\n  Did you mean this?\n      queue:work',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'clap: an argument the program does not take',
      log: "error: unexpected argument '--prot' found\n\n  tip: a similar argument exists: '--port'\n\nUsage: relay [OPTIONS]",
      exitCode: 2,
      min: 0.85,
    },
    {
      name: 'kubectl given its own name again as the subcommand',
      log: 'error: unknown command "kubectl" for "kubectl"',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'mongod (boost program_options): a misspelled option',
      log: "Error parsing command line: unrecognised option '--bind_ip_alll'\ntry 'mongod --help' for more information",
      exitCode: 2,
      min: 0.85,
    },
    {
      name: 'getopt: an option without its value',
      log: "memcached: option requires an argument -- 'm'",
      exitCode: 64,
      min: 0.85,
    },
    {
      name: 'nginx: a misspelled -g directive',
      log: 'nginx: [emerg] unknown directive "deamon" in command line',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'node: the entry file and a flag in one exec-form argument',
      log: "node:internal/modules/cjs/loader:1080\n  throw err;\n  ^\n\nError: Cannot find module '/app/server.js --port=3000'\n    at Module._resolveFilename (node:internal/modules/cjs/loader:1077:15)",
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'Go: a config path and a flag in one argument',
      log: 'level=fatal msg="load config" err="open /etc/exporter/config.yaml --log.level=debug: no such file or directory"',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'an unexpanded $VAR reaches a Go program literally',
      log: 'level=fatal msg="invalid listen port" err="strconv.Atoi: parsing \\"$PORT\\": invalid syntax"',
      exitCode: 1,
      min: 0.7,
      max: 0.84,
    },
    {
      name: 'a flag put in command instead of args (runtime status message)',
      log: '',
      exitCode: 128,
      reason: 'StartError',
      message:
        'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "--web.listen-address=:9100": executable file not found in $PATH: unknown',
      min: 0.85,
    },
    {
      name: 'Caddy reads a Caddyfile as JSON (no --adapter)',
      log: "Error: loading initial config: decoding config: invalid character ':' looking for beginning of value",
      exitCode: 1,
      min: 0.75,
      max: 0.84,
    },
    {
      name: 'Java names a config file with the next JVM flag glued on (one args item held two flags)',
      log: 'Exception in thread "main" java.io.FileNotFoundException: /etc/billing/application.conf -Dlogback.configurationFile=/etc/billing/logback.xml (No such file or directory)\n\tat java.base/java.io.FileInputStream.open0(Native Method)',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'wasmtime: a core module needing WASI sockets run without -S tcplisten/inherit-network',
      log: 'Error: failed to run main module `/srv/echo.wasm`\n\nCaused by:\n    0: failed to instantiate "/srv/echo.wasm"\n    1: unknown import: `wasi_snapshot_preview1::sock_accept` has not been defined',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'wasmer: a WASI import the runtime was not told to provide',
      log: 'error: failed to run `/app/worker.wasm`\n╰─▶ 1: Error while importing "wasi:cli/environment@0.2.0"."get-environment": unknown import. Expected Function(FunctionType { params: [], results: [] })',
      exitCode: 1,
      min: 0.75,
    },
  ],
  negatives: [
    {
      name: 'usage banner early in a log that then fails elsewhere',
      log: 'Usage: entrypoint.sh [server]\nstarting server\nconnecting to db\nError: connect ECONNREFUSED 10.0.0.5:5432\nexiting',
      exitCode: 1,
    },
    {
      name: 'a command line that is only logged, not rejected',
      log: 'INFO Command line: /usr/bin/app --port=8080\nFATAL database is locked',
      exitCode: 1,
    },
    {
      name: "a Traefik v2 flag on a v3 image is the other major version's node (runtime_version_mismatch)",
      log: '2024/05/02 08:14:11 command traefik error: failed to decode configuration from flags: field not found, node: http3',
      exitCode: 1,
    },
    {
      name: 'a Traefik v2 provider flag on a v3 image, exit 2 (the +0.04 for exit 2 must not bring it back)',
      log: '2024/05/02 08:14:11 command traefik error: failed to decode configuration from flags: field not found, node: swarmMode',
      exitCode: 2,
    },
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
    {
      name: "a Redis reply quoted by a client is the server's version, not the container's command",
      log: "ReplyError: ERR unknown command 'HELLO', with args beginning with: '3'\n    at parseError (/app/node_modules/redis-parser/lib/parser.js:179:12)",
    },
    {
      name: 'an unresolved Spring placeholder is a missing variable, not the command',
      log: `java.lang.IllegalArgumentException: Could not resolve placeholder 'JWT_SECRET' in value "\${JWT_SECRET}"`,
    },
    {
      name: 'a required value the program reads from the environment',
      log: 'Error: --token is required (pass it or set the GITHUB_TOKEN environment variable)',
      exitCode: 1,
    },
    {
      name: 'nginx names a bad directive in its config file',
      log: 'nginx: [emerg] unknown directive "proxy_pas" in /etc/nginx/conf.d/default.conf:12',
      exitCode: 1,
    },
    {
      name: 'a JSON config file that is malformed',
      log: "Error: loading config: invalid character '}' looking for beginning of object key string",
      exitCode: 1,
    },
    {
      name: "a script's own builtin misused",
      log: '/app/run.sh: line 4: read: -t: option requires an argument',
      exitCode: 2,
    },
    {
      name: 'a module importing an app-specific host function is a build problem, not the command',
      log: 'Error: failed to run main module `/app/plugin.wasm`\n\nCaused by:\n    0: unknown import: `env::host_log` has not been defined',
      exitCode: 1,
    },
    {
      name: 'a config path without a glued flag is a missing file',
      log: 'Exception in thread "main" java.io.FileNotFoundException: /etc/billing/application.conf (No such file or directory)',
      exitCode: 1,
    },
  ],
});
