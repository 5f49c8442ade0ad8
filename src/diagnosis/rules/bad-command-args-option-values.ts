/**
 * bad_command_args read from a program's argument parser rejecting a VALUE on its command line, or a word
 * that should have been a value: a flag's value outside the set it accepts (kong, kingpin), a stray
 * positional argument left by a flag and its value written as two list items (the Elasticsearch/OpenSearch
 * launcher, parsers that take no positionals), and a file option given a "name:value" setting (an option
 * whose meaning changed between releases, or a setting given to the wrong option). Each is printed while
 * the program parses its argv, before it does any work. A setting named without dashes (a key in a config
 * file) is bad-config's reading; an empty value is an unset variable in the args.
 */
import { UNKNOWN_SUBCOMMAND } from './bad-command-args-option-parsers.ts';
import type { Signature } from './log-helpers.ts';

// A dashed flag whose value is not one the parser accepts: kong (Cerbos, many Go CLIs) '--log-level must
// be one of "debug","info","warn","error" but got "INFO"', kingpin (Prometheus, Alertmanager, exporters)
// "error: enum value must be one of debug,info,warn,error, got 'INFO', try --help", "--format should be
// either json or text". Kong's typed values say "--port=INT: expected a valid 64 bit int but got "abc"".
const FLAG_VALUE_NOT_ACCEPTED: Signature = {
  all: [
    /(?:^|[\s:'"‘`])--?[a-z][\w.-]{0,40}(?:=[A-Z_-]{1,20})?['"’`]?:? (?:must|should|has to) be (?:one of|either)\b|\benum value must be one of [\w.,/|"-]{1,200}, got ['"‘]|(?:^|[\s:'"‘`])--?[a-z][\w.-]{0,40}(?:=[A-Z_-]{1,20})?['"’`]?: expected an? (?:[\w-]{1,20} ){1,6}but got ['"‘]/,
  ],
  confidence: 0.8,
  title: 'A flag on the command line was given a value it does not accept',
  not: /\b(?:got|was):? (?:''|""|nil|None|undefined|null)(?:\W|$)|\(empty\)|\$\([A-Z_]|\b(?:config(?:uration)? file|directive)\b|\b(?:in|at|on) line \d/i,
};

// A word the parser could not place as an option or its value: the Elasticsearch and OpenSearch launchers
// "ERROR: Positional arguments not allowed, found [single-node]" (args written as "-Ediscovery.type",
// "single-node": the value became its own item), "this command does not accept positional arguments",
// "unexpected positional argument: x". A Python TypeError about a function's positional arguments ("takes
// 1 positional argument but 2 were given") is the app's code, not its command line.
const POSITIONAL_NOT_ALLOWED: Signature = {
  all: [
    /\b[Pp]ositional arguments? (?:are |is )?not (?:allowed|accepted|supported|expected)\b|\b(?:does not|doesn't|do not|cannot) (?:accept|take|expect) (?:any )?positional arguments?\b|\b[Uu]nexpected positional arguments?:? ['"‘[]?[^\s'"’\]]/,
  ],
  confidence: 0.84,
  title: 'The program got a stray positional argument (a flag and its value given as two items?)',
  not: /\bTypeError\b|\bkeyword\b/,
};

// A file option given a "name:value" or "name=value" setting, which the parser then looks for as a file:
// Datasette 1.0 (Click) "Invalid value for '-c' / '--config': File 'sql_time_limit_ms:3500' does not
// exist." (--config took settings before and takes a datasette.yaml now), argparse "argument --config:
// can't open 'max_connections=100'", Go "open log_level=debug: no such file or directory". A path that
// does not exist (one with a slash, or a plain file name) is missing_file's reading.
const SETTING_GIVEN_AS_FILE: Signature = {
  all: [
    /\b(?:File|Path|Directory|[Cc]an't open|[Cc]ould not open|[Cc]annot open) ['"‘][A-Za-z_][\w.-]{0,60}[:=][\w.,-]{1,100}['"’](?::| does not exist| not found| is not a (?:file|directory))|\bopen [A-Za-z_][\w.-]{0,60}[:=][\w.,-]{1,100}: (?:no such file|The system cannot find)/,
  ],
  confidence: 0.8,
  title: "A file option was given a name:value setting instead of a path (the option's meaning changed?)",
};

// A command word the program does not know, named after the program's own name or path: nats-server
// 'nats-server: unrecognized command: "nats://b:6222,"' (a --routes value joined with ", " and split at
// the blanks: Go's flag parser stops at the first bare word), "/usr/local/bin/vmagent: unknown command:
// serve", "error: unrecognized command 'x'". Line-anchored and the prefix a program name: a server's
// reply quoted in an exception ("redis.exceptions.ResponseError: unknown command `HELLO`", "ERR unknown
// command") is a dependency's answer, not the container's command; a compiler's "cc1: error: unrecognized
// command line option" is a build step's flag (parser-words reads that wording).
const PROGRAM_NAMES_UNKNOWN_COMMAND: Signature = {
  all: [
    /^(?:(?:[\w./-]{0,60}\/)?[a-z][a-z0-9_-]{0,40}: )?(?:(?:[Ee]rror|ERROR|[Ff]atal|FATAL): ?)?(?:[Uu]nknown|[Uu]nrecognized) (?:sub-?)?command(?![ -]line\b):? ['"‘“`]?[\w:./-]{1,60}/,
  ],
  confidence: UNKNOWN_SUBCOMMAND.confidence,
  title: UNKNOWN_SUBCOMMAND.title,
};

/** The readings that a word was taken for a subcommand: the rule steps them back alike. */
export const UNKNOWN_COMMAND_READINGS: readonly Signature[] = [UNKNOWN_SUBCOMMAND, PROGRAM_NAMES_UNKNOWN_COMMAND];

export const OPTION_VALUE_SIGNATURES: readonly Signature[] = [
  FLAG_VALUE_NOT_ACCEPTED,
  POSITIONAL_NOT_ALLOWED,
  SETTING_GIVEN_AS_FILE,
  PROGRAM_NAMES_UNKNOWN_COMMAND,
];
