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

// A value the parser rejects that holds the next flag: several flags and values were written as ONE
// list item ("--bind=0.0.0.0:8000 --workers 3"), so the program got them as a single value. gunicorn
// "Error: '8000 --workers 3' is not a valid port number.", click "Invalid value for '--port': '8000
// --reload' is not a valid integer.", argparse "argument --threads: invalid int value: '4 --debug'". A
// quoted value never contains a " --flag" when the list was split right. Only a value the parser calls
// invalid counts: a quoted command line in a config (supervisord's "Format string 'php artisan ... --sleep=3'
// ... cannot be expanded") carries flags by design, and a quoted URL before a sentence is not one value.
const FLAG_INSIDE_REJECTED_VALUE: Signature = {
  all: [
    /['"‘][^'"‘’\s,;-][^'"‘’\n]{0,100} --[a-z][\w-]{1,40}(?:[ =][^'"‘’\n]{0,60})?['"’] is (?:not an? (?:valid|legal)|an? invalid|invalid)\b|\binvalid (?:int|integer|float|choice|port|number)(?: value)?: ['"‘][^'"‘’\s,;-][^'"‘’\n]{0,100} --[a-z]/,
  ],
  confidence: 0.86,
  title: 'Several flags were given as one argument (one list item): the program read the next flag as a value',
};

// An option's argument the launcher cannot take apart: spark-submit "Invalid argument to --conf:
// spark.executor.instances" (the key and its value given as two items, not key=value), getopt-style
// "invalid argument 'x' for '--level'", "Invalid argument for option --x". An EMPTY argument ("to --port:
// ''") or a literal $(NAME) the kubelet left unexpanded is an unset variable in the args, missing_env_var's
// reading, and a path argument that "does not exist" is missing_file's.
const INVALID_OPTION_ARGUMENT: Signature = {
  all: [
    /\b[Ii]nvalid argument (?:to|for) (?:option )?['"‘]?-{1,2}[A-Za-z][\w.-]{0,40}['"’]?:? |\b[Ii]nvalid argument ['"‘][^'"’\n]{1,100}['"’] for ['"‘]-{1,2}[A-Za-z]/,
  ],
  confidence: 0.82,
  title: 'The launcher rejects the argument given to one of its options (a key and value split into two items?)',
  not: /:\s{0,2}(?:''|"")\s{0,2}(?:is|$)|\b(?:does not exist|not found|[Nn]o such file)\b|\$\([A-Z_]/,
};

// A CLI that takes global options before its subcommand and subcommand options after it, and says so:
// celery/flower "You have incorrectly specified the following celery arguments after flower command:
// ['--broker']. Please specify them after celery command instead", "global flags must be given before
// the command", "option --x must be specified before the subcommand". The misplaced option is ignored,
// so what follows (a broker on localhost refused) is a symptom: printed as a warning, it is the cause.
const OPTION_ON_WRONG_SIDE_OF_SUBCOMMAND: Signature = {
  all: [
    /\bincorrectly specified the following [\w-]{1,30} arguments after\b|\b[Pp]lease specify them (?:after|before) [\w-]{1,30} command\b|\b(?:must|should) be (?:given|specified|placed|passed) (?:before|after) the (?:sub-?)?command\b/,
  ],
  confidence: 0.8,
  title: 'An option is on the wrong side of the subcommand: the program ignored it',
  warningIsEvidence: true,
};

// An option whose value has the wrong format for it, in the program's own words: Locust "Valid --run-time
// formats are: 20, 20s, 3m, 2h, 1h20m" (a decimal "1.5h"), commander "error: option '--interval
// <duration>' argument '1.5h' is invalid.", clap "error: invalid value '1.5h' for '--timeout <DURATION>'",
// "invalid duration for --since", "--max-age must be a duration like 30s". A dashed option name is argv's;
// a setting or variable named without dashes is a config value. An EMPTY value is an unset variable in the
// args (missing_env_var's reading); a path that "does not exist" is missing_file's. Keycloak's "Invalid
// value for option '--db'" is left to bad-config: its options are set from KC_* variables and config.
const OPTION_VALUE_FORMAT: Signature = {
  all: [
    /\b(?:[Vv]alid|[Aa]ccepted|[Ss]upported|[Aa]llowed)(?: values| formats?)?(?: for| of)? ['"‘`]?--[a-z][\w-]{1,40}['"’`]?(?: values| formats?)? (?:are|is):|\b(?:[Ii]nvalid|[Mm]alformed|[Uu]nparsable|[Bb]ad) (?:format|duration|time(?:span)?|interval|size|number|integer) (?:for|of|given to) (?:option |flag |argument )?['"‘`]?--[a-z]|\boption ['"‘]--[a-z][^'"’\n]{0,60}['"’] argument ['"‘][^'"’\n]{1,60}['"’] is invalid\b|\binvalid value ['"‘][^'"’\n]{1,100}['"’] for ['"‘]--[a-z]|(?:^|\s)['"‘`]?--[a-z][\w-]{1,40}['"’`]?:? (?:must|should) be an? (?:valid )?(?:duration|number|integer|timespan|time span|positive (?:number|integer)|size|float)\b|(?:^|\s)['"‘`]?--[a-z][\w-]{1,40}['"’`]?: (?:invalid|malformed|unparsable) (?:duration|time|timespan|value|format|number|integer|size)\b/,
  ],
  confidence: 0.8,
  title: 'An option was given a value in a format it does not accept',
  not: /(?:got|argument|value):? (?:''|""|nil|None|undefined|null)(?:\W|$)|\(empty\)|\$\([A-Z_]|\b(?:does not exist|not found|[Nn]o such file)\b/,
};

export const PARSER_WORD_SIGNATURES: readonly Signature[] = [
  ARGUMENT_COUNT,
  REQUIRED_OPTION_MISSING,
  UNRECOGNIZED_COMMAND_LINE_OPTION,
  REMOVED_NODE_FLAG,
  CONFIG_PATH_AFTER_OPTIONS,
  FLAGS_IN_ONE_ARGUMENT,
  DOTNET_PARSER,
  FLAG_INSIDE_REJECTED_VALUE,
  INVALID_OPTION_ARGUMENT,
  OPTION_VALUE_FORMAT,
  OPTION_ON_WRONG_SIDE_OF_SUBCOMMAND,
];
