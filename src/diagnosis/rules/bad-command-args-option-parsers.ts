/**
 * bad_command_args's readings of a program's own argument parser rejecting its command line: each parser's
 * words for an unknown flag or subcommand, a missing or extra argument, or an option without its value
 * (Ruby's OptionParser, Go's flag, argparse, kingpin, picocli, cobra, clap, getopt, boost, Click, the JVM).
 * They are one kind of evidence, the parser naming what it rejected, and live apart so that the rule file
 * stays readable; the bad-command-args rule lists them in its own order, and steps Traefik's flag decoding
 * back when the flag belongs to another major version.
 */
import type { Signature } from './log-helpers.ts';

// Traefik (paerser) decoding its flags: an unknown node is a flag error, unless it belongs to the other
// major version (runtime_version_mismatch owns that reading).
export const TRAEFIK_FLAGS: Signature = {
  all: [/failed to decode configuration from flags/],
  confidence: 0.85,
  title: 'A command-line flag is unknown to this version (Traefik)',
};

export const UNKNOWN_SUBCOMMAND: Signature = {
  // Subcommand dispatchers: release scripts ("ERROR: Unknown command foreground"), clap, picocli, Symfony/
  // Laravel console, Rails, npm, git-style CLIs ("docker: 'compose' is not a docker command"). Line-anchored:
  // a protocol reply quoted mid-line (Redis "ERR unknown command 'X'") is not the container's command.
  all: [
    /^(?:(?:[Ee]rror|ERROR|[Ff]atal|FATAL): ?)?[Uu]nknown (?:sub)?command:? ['"‘“`]?[\w:.-]{1,60}|\berror: unrecognized subcommand '|\berror: unexpected argument '[^']{1,200}' found|\berror: Found argument '[^']{1,200}' which wasn't expected|\bUnmatched arguments? (?:at|from) index \d|\bCommand "[^"]{1,100}" is not defined\.|\bUnrecognized command "|\bnpm (?:ERR!|error) Unknown command: "|(?:^|: )['"‘“`][\w./:-]{1,60}['"’”`] is not an? [\w-]{1,30} (?:sub-?)?command\b/,
  ],
  confidence: 0.86,
  title: 'The program does not know the subcommand it was given',
};

export const OPTION_PARSER_SIGNATURES: Signature[] = [
  {
    // A program or loader that names the flag it must be started with in place of the one it got: tsx 4
    // "tsx must be loaded with --import instead of --loader", "Use --import instead of --loader", "the
    // --experimental-loader flag has been removed; use --import". The command line is what is wrong.
    all: [
      /\bmust be (?:loaded|run|started|invoked|used|passed) (?:with|via|using) [`'"]?--[a-z][\w-]{1,40}[`'"]? instead of [`'"]?-{1,2}[a-z]|\b(?:[Uu]se|[Pp]lease use|[Pp]ass) [`'"]?--[a-z][\w-]{1,40}[`'"]? instead of [`'"]?-{1,2}[a-z]|(?:^|[\s`'"])--[a-z][\w-]{1,40}[`'"]? (?:flag|option) (?:has been|was) removed\b/,
    ],
    confidence: 0.8,
    title: 'The program must be started with a different flag than the command passes',
  },
  {
    // Ruby's OptionParser ("invalid argument: -c abc", "missing argument: --config", "needless argument:
    // --verbose=1", "ambiguous option: --co") and Go's flag package ("invalid value \"x\" for flag -port:
    // parse error").
    all: [
      /^(?:[\w./ -]{1,100}: )?(?:invalid argument|missing argument|needless argument|ambiguous option): -{1,2}[\w-]|\binvalid (?:boolean |integer )?value "[^"]{0,200}" for flag -{1,2}[\w.-]/,
    ],
    confidence: 0.88,
    title: "The program's option parser rejects an argument",
    // (group A2) An empty value ("" for flag -port) is an unset variable in -port=$PORT: missing_env_var.
    not: /\bvalue "" for flag\b/,
  },
  {
    // A required mode or choice the arguments did not give: Nomad "Must specify either server, client or
    // dev mode for the agent", "you must specify one of --server or --client", "no mode specified".
    all: [
      /\b[Mm]ust (?:specify|provide|pass|choose|select|give) (?:either|one of|exactly one of)\b|\b[Nn]o (?:mode|subcommand|command|action|role) (?:was )?(?:specified|given|provided|selected)\b/,
    ],
    confidence: 0.7,
    title: 'The command does not select a mode or role the program requires (an argument was dropped?)',
    // (group A2) "URL must specify one of the following schemes" is a connection URL (an empty one), not a mode.
    not: /\benv(?:ironment)?\b|\b[A-Z][A-Z0-9]{1,30}_[A-Z0-9_]{1,40}\b|[Rr]egion|[Cc]redential|[Pp]assword|[Tt]oken|\bschemes?\b/,
  },
  {
    all: [/\berror: unrecognized arguments:/],
    confidence: 0.92,
    title: 'The program rejects its arguments (unrecognized arguments)',
  },
  {
    all: [/\berror: the following arguments are required:|\berror: argument [^\s:]+: (?:invalid|expected)/],
    confidence: 0.88,
    title: 'The program is missing or misreads an argument',
  },
  {
    // argparse-style choice checks on a subcommand or option: Python "error: argument command: invalid
    // choice: 'x' (choose from ...)", the AWS CLI "aws: error: argument command: Invalid choice, valid
    // choices are:" (a whole "s3 sync ..." passed as one args item is one unknown command name), and
    // "Invalid choice: 'x', maybe you meant:". A value the program read from a config file says "in
    // <file>" or names its key instead.
    all: [
      /\b[Ee]rror: (?:argument [^\s:]{1,80}: )?[Ii]nvalid choice\b|^[Ii]nvalid choice: ['"‘][^'"’\n]{1,200}['"’], (?:maybe you meant|valid choices are)/,
    ],
    confidence: 0.88,
    title: 'The program does not know the subcommand or choice it was given',
  },
  {
    all: [/flag provided but not defined: /],
    confidence: 0.92,
    title: 'The program does not know a flag it was given',
  },
  {
    // kingpin (Prometheus, Alertmanager, Pushgateway, exporters; a stray positional is "unexpected X, try
    // --help") and picocli (Keycloak, Java CLIs).
    all: [
      /\berror: (?:unknown (?:long|short) flag|required flag [^\s]+ not provided|expected command but got|unexpected [^\s,]{1,200}, try --help|expected argument for flag\b)|Unknown options?: '--?[^\s']+'/,
    ],
    confidence: 0.9,
    title: 'The program does not know a flag it was given',
  },
  {
    // TCLAP (Envoy, C++ CLIs) names the argv item it could not place: "PARSE ERROR: Argument: --concurrency 2
    // / Couldn't find match for argument". Other parsers say "unrecognized arguments" or "unexpected argument".
    all: [/\bPARSE ERROR: Argument: |Couldn't find match for argument\b|\bunrecognized arguments?: -{1,2}[A-Za-z]/],
    confidence: 0.88,
    title: 'The program could not parse an argument it was given',
  },
  {
    // A flag and its value in one list item ("--concurrency 2" as one argv element): the parser echoes the
    // option with a blank inside the quotes.
    all: [
      /\b(?:[Uu]nknown|[Uu]nrecognized|[Ii]nvalid|[Uu]nexpected) (?:option|flag|argument)s?:? ['"‘`]--?[a-z][\w.-]{0,60} [^'"’`\n]{1,100}['"’`]/,
    ],
    confidence: 0.9,
    title: 'A flag and its value were passed as one argument (one list item)',
  },
  TRAEFIK_FLAGS,
  {
    // cobra says "Error:" and kubectl "error:" (an image whose entrypoint is already the program gets
    // the program's name again as its first argument: unknown command "kubectl" for "kubectl").
    all: [/[Uu]nknown (?:shorthand )?flag: |\b[Ee]rror: unknown command "[^"]+" for/],
    confidence: 0.9,
    title: 'The program does not know a flag or subcommand it was given',
  },
  UNKNOWN_SUBCOMMAND,
  {
    // Python's -m given a file name or a path instead of a dotted module ("python -m bot.main.py",
    // "python -m app/server"): runpy says "Error while finding module specification for 'bot.main.py'"
    // and often "Try using 'bot.main' instead of 'bot.main.py' as the module name"; a package without
    // __main__ "is a package and cannot be directly executed".
    all: [
      /\bError while finding module specification for '[^'\n]{1,200}'|\bTry using '[^'\n]{1,200}' instead of '[^'\n]{1,200}' as the module name|\bis a package and cannot be directly executed\b/,
    ],
    confidence: 0.86,
    title: 'python -m was given a file name or path instead of a dotted module name',
  },
  {
    // A launcher whose positional argument (the app jar, script or file to run) is absent: spark-submit
    // "Error: Missing application resource." (the jar went to --jars), flink "Missing required argument
    // JAR file", hadoop/yarn jar "RunJar jarFile [mainClass] args...", "no input files" of compilers.
    all: [
      /^(?:Error|ERROR|Exception in thread "main" [\w.]{1,100}Exception): Missing (?:application|primary) resource\b|\bMissing required argument:? (?:JAR|jar|[Aa]pplication|[Ss]cript|[Ff]ile)\b|^RunJar jarFile \[mainClass\] args\.\.\./,
    ],
    confidence: 0.84,
    title: 'The launcher was not given the application (jar/script) to run: it went to an option or is absent',
  },
  {
    // A CLI option the new version of the program removed, named in its refusal: Sidekiq 6 "Logfile
    // redirection was removed in Sidekiq 6.0" / "PID file creation was removed" / "Daemonization mode was
    // removed", "the --foo flag has been removed", "option -x was removed in 3.0". The args were written
    // for the older version.
    all: [
      /\b(?:[Ll]ogfile redirection|[Ll]og ?file option|PID ?file creation|[Pp]idfile option|[Dd]aemoni[sz]ation(?: mode)?|[Dd]aemon mode) (?:was|has been|is) (?:removed|dropped)\b|\b(?:[Oo]ption|[Ff]lag|[Ss]witch|[Aa]rgument) ['"`]?-{1,2}[A-Za-z0-9][\w-]{0,40}['"`]? (?:was|has been|is) (?:removed|dropped)\b|\b[Tt]he ['"`]?--[a-z][\w-]{1,40}['"`]? (?:option|flag|switch|argument) (?:was|has been|is) (?:removed|dropped)\b/,
    ],
    confidence: 0.82,
    title: 'The command passes an option that this version of the program removed',
  },
  {
    // Symfony Console (Laravel artisan, Drupal drush, Composer, Magento bin/magento): 'The "--timout"
    // option does not exist.', 'The "--once" option does not accept a value.', 'The "--queue" option
    // requires a value.', 'Too many arguments, expected arguments "command" "connection".', 'No arguments
    // expected for "cache:clear" command, got "x".', 'Not enough arguments (missing: "name").'.
    all: [
      /\bThe "--?[\w-]{1,60}" option (?:does not exist|does not accept a value|requires a value)\b|\bToo many arguments(?:, expected arguments "|\.$|to "[\w:.-]{1,60}" command)|\bNo arguments expected for "[\w:.-]{1,60}" command, got "|\bNot enough arguments \(missing: "/,
    ],
    confidence: 0.88,
    title: 'The console command rejects an option or argument it was given',
  },
  {
    // A required flag or argument is absent: "no --join flags provided", cobra "required flag(s) "x"
    // not set", urfave/cli "Required flag "x" not set", picocli "Missing required option: '--url=<url>'",
    // "flag --config is required".
    all: [
      /\b[Nn]o --?[a-z][\w-]{0,40} (?:flags?|options?|arguments?) (?:were |was )?(?:provided|given|specified|passed|set)\b|\b[Rr]equired flag(?:\(s\)|s)? "[^"]{1,200}" not set|\bMissing required (?:options?|parameters?|arguments?):? ['"]?(?:--?[A-Za-z]|<)|\b(?:flag|option|argument) ['"]?--?[a-z][\w.-]{0,40}['"]? (?:is required|must be (?:set|specified|provided|given))|\b[Mm]ust (?:specify|provide|pass|set) (?:an? |the |one of )?['"]?--[a-z]|(?:^|\s)['"]?--[a-z][\w.-]{0,40}['"]? (?:flag |option )?is required\b/,
    ],
    // Some programs also read such a flag from the environment without saying so: not quite certain.
    confidence: 0.84,
    title: 'A required flag or argument is missing from the command',
    // "--token or GITHUB_TOKEN must be set": the value is usually meant to come from the environment.
    not: /\benv(?:ironment)?\b|\b[A-Z][A-Z0-9]{1,30}_[A-Z0-9_]{1,40}\b/,
  },
  {
    // cobra's positional argument checks.
    all: [
      /\b(?:requires at (?:least|most)|accepts(?: at most| between)?) \d+(?: and \d+)? arg\(s\), (?:only )?received \d+/,
    ],
    confidence: 0.88,
    title: 'The program was given the wrong number of arguments',
  },
  {
    // getopt ("option requires an argument -- 'c'"), a long option given its value as the next argument
    // where the program wants it attached (PostgreSQL "FATAL:  --max_connections requires a value", or
    // "-c shared_buffers requires a value" when "-c", "name", "value" are three list items), Go's
    // flag package ("flag needs an argument: -config"), nginx ("invalid option: "-x"", -g directives
    // reported "in command line"), boost::program_options (mongod: "Error parsing command line:
    // unrecognised option '--bind_ip_alll'").
    all: [
      /\boption requires an argument -- ['‘]?\w|\boption ['"‘]?-{1,2}[\w-]{1,40}['"’]? requires (?:an? )?(?:argument|parameter|value)|(?:^|[\s:])['"‘]?--[a-z][\w.-]{0,40}['"’]? requires (?:an? )?(?:argument|parameter|value)\b|(?:^|[\s:])-[A-Za-z] ['"‘]?[a-z][\w.-]{0,60}['"’]? requires (?:an? )?(?:argument|parameter|value)\b|\bflag needs an argument: -|: invalid option: ['"]-|\b[Ee]rror parsing command[- ]line|\bunrecognised option ['"‘]-|\bthe required argument for option ['"‘]-/,
    ],
    confidence: 0.86,
    title: 'The program rejects an option on its command line',
  },
  {
    // nginx reports a bad -g directive string ("daemon off" without its ";") as "in command line".
    all: [/\[emerg\] /, / in command line\b/],
    confidence: 0.86,
    title: 'nginx rejects the -g directives on its command line',
  },
  {
    // Programs that name their command line as the culprit: Qt apps (qBittorrent "Bad command line:
    // Parameter '--webui-port' must follow syntax '--webui-port=<value>'"), "Invalid command line
    // argument", "Error parsing command line options", "Parameter '-x' requires a value".
    all: [
      /\b(?:[Bb]ad|[Ii]nvalid|[Mm]alformed|[Ii]llegal) command[- ]line\b|\b[Ee]rror (?:in|while parsing|on) (?:the )?command[- ]line\b|\b(?:[Pp]arameter|[Oo]ption|[Ff]lag|[Aa]rgument) ['"‘`]--?[\w.-]{1,40}['"’`] (?:must (?:follow|be followed by|have|take|be given)|expects (?:an? )?(?:value|argument)|needs (?:an? )?(?:value|argument)|is missing (?:its|a) value)/,
    ],
    confidence: 0.86,
    title: 'The program rejects its command line',
    not: /\benv(?:ironment)? var/i,
  },
  {
    // The hint programs print after rejecting an argument: GNU "Try 'ls --help' for more information.",
    // Qt "Run application with -h option to read about command line parameters.", PgBouncer "See pgbouncer
    // -h for usage.", docker-style "See 'docker run --help'.".
    all: [
      /^Try ['‘`"][\w./-]{1,60}(?: [\w-]{1,30})? --?h(?:elp)?['’`"] for more information|\bSee ['‘`"]?[\w./-]{1,60}(?: [\w-]{1,30})? --?h(?:elp)?['’`"]?(?: for (?:usage|more information|help))?\.?\s{0,4}$|\bRun (?:the )?(?:application|program) with (?:the )?-{1,2}h(?:elp)? option/,
    ],
    confidence: 0.78,
    title: 'The program rejected its arguments and points to its --help',
  },
  {
    // The option parsers of many CLIs name the flag they do not know: Node's util.parseArgs ("TypeError
    // [ERR_PARSE_ARGS_UNKNOWN_OPTION]: Unknown option '--watch'"), commander ("error: unknown option
    // '--x'"), .NET and Apache Commons CLI ("Unrecognized option '--connection-string'"), arg/meow/Prisma
    // ("unknown or unexpected option: --preview-feature"), yargs ("Unknown arguments: watch"). mysqld
    // says the same of options in my.cnf, which bad-config reads with the server's context.
    all: [
      /\bERR_PARSE_ARGS_(?:UNKNOWN_OPTION|UNEXPECTED_POSITIONAL|INVALID_OPTION_VALUE)\b|\b(?:[Uu]nknown|[Uu]nrecognized|[Uu]nexpected|[Uu]nsupported)(?: or unexpected)? (?:option|flag|argument|parameter|switch)s?:? ['"‘“`]?--?[A-Za-z][\w.-]{0,60}|^(?:[Ee]rror: )?Unknown arguments?: [\w-]{1,60}/,
    ],
    confidence: 0.88,
    title: 'The program does not know an option it was given',
    not: /\[(?:ERROR|Warning|Server|Note)\]|\bMY-\d{6}\b|\bmysqld\b|\b(?:config(?:uration)? file|directive)\b|\b(?:in|at|on) line \d/i,
  },
  {
    // Two options given as one list item ("--character-set-server=utf8mb4 --collation-server=x"): the
    // first option's value swallows the next flag, and the program quotes the whole value back.
    all: [/['"‘“][\w.:/@+-]{1,100} --[a-z][\w-]{1,60}=[\w.:/@+, =-]{0,200}['"’”]/],
    confidence: 0.78,
    title: "An option's value swallowed the next flag: two options were given as one argument (one list item)",
    not: /^\+ |\bcommand was:|\bRunning:? /,
  },
  {
    all: [/: (?:invalid|unrecognized|illegal) option (?:-- ['‘]?[^\s]+|['‘]--?[^\s']+['’])/],
    confidence: 0.85,
    title: 'The program does not know an option it was given',
    not: /\bset: /,
  },
  {
    all: [
      /Error: No such (?:option|command):|Error: Got unexpected extra arguments?|Error: Missing (?:argument|option|parameter) /,
    ],
    confidence: 0.88,
    title: 'The program rejects its arguments',
  },
  {
    // Click's option checks (Celery, Flask, many Python CLIs): "Error: Invalid value for '-P' / '--pool':
    // 'gevnt' is not one of 'prefork', 'eventlet', ...".
    all: [/^Error: Invalid value for ['"‘]-{1,2}[\w-]{1,40}['"’](?: \/ ['"‘]--[\w-]{1,40}['"’])?:/],
    confidence: 0.86,
    title: 'The program rejects the value of an option on its command line',
    // Click's path checks ("Path '/app/logging.yaml' does not exist", "File '/x' is a directory") are
    // about the file, which missing_file and its siblings read.
    // (group A2) An empty value ("'' is not a valid integer") is an unset variable: missing_env_var.
    not: /: (?:Path|File|Directory) ['"‘]|: (?:''|"") is not\b/,
  },
  {
    // A worker or plugin class named by dotted path on the command line (gunicorn -k/--worker-class:
    // "Error: class uri 'uvicorn.workers.UvicornWorkers' invalid or not found"). The import error in the
    // same output would otherwise read as a bug in the app.
    all: [/\bclass uri ['"‘][\w.:-]{1,200}['"’] invalid or not found/],
    confidence: 0.8,
    title: 'The worker class named in the command (e.g. gunicorn -k) does not exist',
  },
  {
    // The JVM's option-parsing libraries: jopt-simple (Kafka, ZooKeeper and Kafka Connect tools: "zookeeper
    // is not a recognized option", "Missing required option(s) [bootstrap-server]"), Apache Commons CLI,
    // picocli and JCommander, whose exception names and messages say the command line is wrong even when
    // the option is named without its dashes. Python's optparse: "error: no such option: --x".
    all: [
      /(?:^|[\s:'"‘“])[\w.-]{1,60}['"’”]? is not a recognized option\b|\b(?:joptsimple|org\.apache\.commons\.cli)\.(?:UnrecognizedOption|MissingArgument|MissingOption|AmbiguousOption|OptionMissingRequiredArgument|MissingRequiredOption|MultipleArguments)s?Exception\b|\bpicocli\.CommandLine\$(?:UnmatchedArgument|MissingParameter)Exception\b|\bWas passed main parameter '[^'\n]{0,200}' but no main parameter was defined|\berror: no such option: -/,
    ],
    confidence: 0.88,
    title: 'The program does not know an option it was given (removed or misspelled?)',
  },
  {
    all: [/Unrecognized option: -|Unrecognized VM option/],
    confidence: 0.88,
    title: 'The JVM does not know an option it was given',
  },
];
