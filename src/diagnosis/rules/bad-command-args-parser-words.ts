/**
 * bad_command_args read from more argument parsers' own words: the count of positional arguments
 * (yargs, commander, oclif, python-fire), an option "unrecognized on the command line" (Tornado,
 * absl/gflags, many C and C++ daemons), a Node.js flag that newer releases removed, a redis-server config
 * path given after its options, and .NET parsers' wording. Each is printed while the program parses its
 * argv, before it does any work.
 */
import type { Signature } from './log-helpers.ts';

// A parser that counts positional arguments or names one it could not place: yargs "Not enough
// non-option arguments: got 0, need at least 1" (demandCommand), "Too many non-option arguments",
// "Not enough arguments following: port"; commander "error: missing required argument 'queue'",
// "error: too many arguments"; oclif "Missing 1 required arg:", "Unexpected argument: x", "Nonexistent
// flag: --x"; python-fire "Could not consume arg: --x". An args list that replaced the image's CMD (and its subcommand) reads this way.
const ARGUMENT_COUNT: Signature = {
  all: [
    /\b(?:Not enough|Too many) non-option arguments: got \d|\bNot enough arguments following: |\berror: missing required argument ['"‘]|\berror: too many arguments\b|\bMissing \d{1,2} required args?\b|(?:^|: )Unexpected arguments?: |\bNonexistent flags?: -|\bCould not consume arg: /,
  ],
  confidence: 0.86,
  title: 'The program got the wrong positional arguments (a subcommand dropped or an extra word passed)',
};

// yargs "Missing required argument: queue" and commander "error: required option '-p, --port <n>' not
// specified" / "error: option '--port <n>' argument missing": an option the command must pass. Such an
// option may be meant to come from an environment variable, so this is a weaker reading.
const REQUIRED_OPTION_MISSING: Signature = {
  all: [
    /^(?:[Ee]rror: )?Missing required arguments?: \w|\berror: required option ['"‘]-{1,2}[^'"’\n]{1,100}['"’] not specified|\berror: option ['"‘]-{1,2}[^'"’\n]{1,100}['"’] argument missing/,
  ],
  confidence: 0.74,
  title: 'The command does not pass an option the program requires',
};

// Tornado "tornado.options.Error: Unrecognized command line option: 'workers'", absl and gflags
// "UnrecognizedFlagError: Unknown command line flag 'x'", "FATAL Flags parsing error: Unknown command line
// flag", C daemons "Unrecognized command-line option: --x". A compiler's "cc1: error: unrecognized command
// line option" is a build step's flag, not the container's command.
const UNRECOGNIZED_COMMAND_LINE_OPTION: Signature = {
  all: [/\b(?:[Uu]nrecognized|[Uu]nknown) command[ -]line (?:option|flag|argument)s?\b|\bUnrecognizedFlagError\b/],
  confidence: 0.86,
  title: 'The program does not know an option the command passes (left from another program or version?)',
  not: /\b(?:cc1(?:plus)?|gcc|g\+\+|clang(?:\+\+)?|nvcc|rustc|ld): /,
};

// node refusing a flag that newer releases REMOVED: --experimental-specifier-resolution (gone in 19),
// --experimental-modules and --experimental-json-modules (no-ops, then gone), --debug / --debug-brk (8),
// --experimental-worker, --experimental-report, --experimental-abortcontroller, --experimental-fetch and
// --no-experimental-fetch, --experimental-global-webcrypto / -customevent, --experimental-policy,
// --experimental-network-imports, --experimental-wasi-unstable-preview1, --http-parser. The args were
// written for an older Node and must change; a flag only newer Node has is runtime_version_mismatch's.
const REMOVED_NODE_FLAG: Signature = {
  all: [
    /\bnode: bad option: --(?:experimental-(?:specifier-resolution|modules|json-modules|worker|report|abortcontroller|fetch|global-webcrypto|global-customevent|policy|network-imports|wasi-unstable-preview1)|no-experimental-fetch|debug(?:-brk)?|http-parser)\b/,
  ],
  confidence: 0.86,
  title: 'node does not know a flag that newer Node.js removed: the command was written for an older Node',
};

// redis-server turns its argv into config lines, each value quoted, and reads a config file only as its
// FIRST argument: "redis-server --port 6380 /etc/redis.conf" makes the path a second value of port
// (">>> 'port "6380" "/etc/redis.conf"'", then "wrong number of arguments"). A .conf path inside a quoted
// directive is an argv mistake, not a bad line in the file.
const CONFIG_PATH_AFTER_OPTIONS: Signature = {
  all: [/^>>> '[a-z][a-z-]{1,40} "[^"\n]{0,200}" "[^"\n]{0,200}\.conf"'/],
  confidence: 0.84,
  title: 'The config file path is not the first argument: the server read it as the value of an option',
};

// redis-server (and Valkey, KeyDB) turns each "--name" argument into a config line named by the rest of
// that argument, quoting the separate values after it. Several flags in one list item ("--maxmemory 256mb
// --maxmemory-policy allkeys-lru") become one directive whose unquoted values include the next flag
// (">>> 'maxmemory 256mb --maxmemory-policy allkeys-lru'"); a value item holding the next flag reads
// ">>> 'maxmemory "256mb --maxmemory-policy lru"'". A directive's value never starts a "--flag" in a
// config file; an EMPTY value before a quoted flag (">>> 'port "--x'") is missing_env_var's reading.
const FLAGS_IN_ONE_ARGUMENT: Signature = {
  all: [/^>>> '[a-z][a-z-]{1,40} "?[^-'"\s][^'"\n]{0,200} --[a-z][a-z-]{1,40}\b/],
  confidence: 0.86,
  title: 'Several flags were given as one argument (one list item): each flag and value must be its own item',
};

// .NET parsers name the rejected token without dashes: CommandLineParser ("Option 'datadir' is unknown.",
// "Verb 'serve' is not recognized."), System.CommandLine ("Unrecognized command or argument '--x'.").
const DOTNET_PARSER: Signature = {
  all: [/^\s{0,8}(?:Option|Verb) '[^'\n]{1,100}' is (?:unknown|not recognized)\.|\bUnrecognized command or argument '/],
  confidence: 0.86,
  title: 'The program does not know an option it was given (.NET command-line parser)',
};

export const PARSER_WORD_SIGNATURES: readonly Signature[] = [
  ARGUMENT_COUNT,
  REQUIRED_OPTION_MISSING,
  UNRECOGNIZED_COMMAND_LINE_OPTION,
  REMOVED_NODE_FLAG,
  CONFIG_PATH_AFTER_OPTIONS,
  FLAGS_IN_ONE_ARGUMENT,
  DOTNET_PARSER,
];
