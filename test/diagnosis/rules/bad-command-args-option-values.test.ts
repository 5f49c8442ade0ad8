// bad_command_args read from a parser rejecting a value on the command line, or a word that should have
// been one: a flag's value outside its set, a stray positional, a setting given to a file option, and a
// value split at a blank that the parser took for a subcommand. Each family has a positive from another
// product or wording than the batch case that taught it, and a near miss that is another cause.
import { badCommandArgs } from '../../../src/diagnosis/rules/bad-command-args.ts';
import { ruleTable } from './helpers.ts';

ruleTable(badCommandArgs, 'bad_command_args', {
  positives: [
    {
      name: 'kong: a flag value outside its enum (uppercase log level)',
      log: 'cerbos: error: --log-level must be one of "debug","info","warn","error" but got "INFO"',
      exitCode: 1,
      min: 0.75,
      max: 0.84,
    },
    {
      name: 'kingpin: an enum flag value it does not accept',
      log: "alertmanager: error: enum value must be one of debug,info,warn,error, got 'verbose', try --help",
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a Go CLI naming a flag whose value must be one of two formats',
      log: 'Error: --output-format should be either json or logfmt\nUsage: exporter [flags]',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'kong: a typed flag given a word',
      log: 'error: --port=INT: expected a valid 64 bit int but got "http"',
      exitCode: 80,
      min: 0.75,
    },
    {
      name: 'OpenSearch launcher: a -E setting and its value given as two items',
      log: 'Detected OpenSearch Version: 2.13.0\nERROR: Positional arguments not allowed, found [single-node]',
      exitCode: 64,
      min: 0.8,
    },
    {
      name: 'Elasticsearch launcher: a stray value after -E',
      log: '[2024-02-01T10:00:00,000][INFO ][o.e.n.Node] version[8.12.0]\nERROR: Positional arguments not allowed, found [true]',
      exitCode: 64,
      min: 0.8,
    },
    {
      name: 'a subcommand that takes no positional arguments',
      log: 'Error: the "agent" command does not accept positional arguments, got ["-dev"]',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'Datasette 1.0: --config now takes a file, the args still pass name:value settings',
      log: "Usage: datasette serve [OPTIONS] [FILES]...\nTry 'datasette serve --help' for help.\n\nError: Invalid value for '-c' / '--config': File 'sql_time_limit_ms:3500' does not exist.",
      exitCode: 2,
      min: 0.8,
    },
    {
      name: 'argparse FileType given a key=value setting',
      log: "usage: pgexporter [-h] [--config CONFIG]\npgexporter: error: argument --config: can't open 'max_connections=100': [Errno 2] No such file or directory: 'max_connections=100'",
      exitCode: 2,
      min: 0.8,
    },
    {
      name: 'a Go program opening a setting passed to its -config flag',
      log: 'level=fatal msg="loading config" err="open log_level=debug: no such file or directory"',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'nats-server: a --routes value split at its blanks becomes a bare word',
      log: '+ exec nats-server --config /etc/nats/nats.conf --routes=nats://a:6222, nats://b:6222\nnats-server: unrecognized command: "nats://b:6222,"',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a Go daemon by its path rejecting an unknown subcommand',
      log: '/usr/local/bin/vmagent: unknown command: serve',
      exitCode: 1,
      min: 0.85,
    },
  ],
  negatives: [
    {
      name: 'a config key (no dashes) outside its enum is the config file',
      log: 'Error: invalid config in /etc/app/config.yaml: log_level must be one of debug, info, warn, error but got INFO',
      exitCode: 1,
    },
    {
      name: 'an empty flag value is an unset variable in the args',
      log: 'cerbos: error: --log-level must be one of "debug","info","warn","error" but got ""',
      exitCode: 1,
    },
    {
      name: "a Python function's positional arguments are the app's code",
      log: 'Traceback (most recent call last):\n  File "/app/main.py", line 9, in <module>\n    run(cfg, True)\nTypeError: run() takes 1 positional argument but 2 were given',
      exitCode: 1,
    },
    {
      name: 'a config file path that does not exist is a missing file',
      log: "Error: Invalid value for '-c' / '--config': File '/etc/datasette/datasette.yaml' does not exist.",
      exitCode: 1,
    },
    {
      name: 'a Python traceback frame is not a setting given as a file',
      log: 'Traceback (most recent call last):\n  File "/app/server.py", line 12, in <module>\n    main()\nKeyError: \'port\'',
      exitCode: 1,
    },
    {
      name: "a Redis server's reply to a command it lacks is not the container's subcommand",
      log: 'redis.exceptions.ResponseError: unknown command `JSON.SET`, with args beginning with: `session:1`, ',
      exitCode: 1,
    },
    {
      name: "a compiler's unrecognized command line option in a native build",
      log: "cc1plus: error: unrecognized command-line option '-mno-outline-atomics'\nerror: command '/usr/bin/g++' failed with exit code 1",
      exitCode: 1,
    },
    {
      name: 'a protocol error quoted in an app log line',
      log: "2024-05-01T10:00:00Z worker: ERR unknown command 'FLUSHAL'",
      exitCode: 1,
    },
  ],
});
