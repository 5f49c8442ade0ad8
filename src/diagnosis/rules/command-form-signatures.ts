/**
 * bad_command_args's readings of a command written in the wrong form in the pod spec: a flag in `command:`
 * run as the program, the command and its arguments given as one string, a $VAR that exec form left
 * unexpanded, a file argument glued to the next flag. The bad-command-args rule lists these in its own order.
 */
import { PATH_GLUED_TO_FLAG, SUBCOMMAND_RUN_AS_PROGRAM } from './exec-clues.ts';
import { COMMAND_LINE_AS_ONE_EXEC_NAME } from './exec-launch-clues.ts';
import type { Signature } from './log-helpers.ts';

export const COMMAND_FORM_SIGNATURES: Signature[] = [
  {
    // A config written for a mode the command did not select: Redis, Valkey and KeyDB started as
    // `redis-server sentinel.conf` without --sentinel (or the redis-sentinel binary) read the file in
    // server mode and reject its "sentinel monitor" lines. The file is right; the command lacks the mode.
    all: [/\bdirective while not in [\w-]{2,30} mode\b|\bnot in sentinel mode\b/],
    confidence: 0.9,
    title: 'The config is for a mode the command did not start (e.g. redis-server without --sentinel)',
  },
  {
    // A flag became the program: the flag was put in `command:` (replacing the image's entrypoint)
    // instead of `args:`, and the runtime tries to execute "--config=...".
    all: [/\bexec: "-{1,2}[^"\s]{1,200}": (?:stat |executable file not found)/],
    confidence: 0.9,
    title: 'A flag was run as the program: it belongs in args, not in command (which replaces the entrypoint)',
  },
  {
    // A subcommand became the program: the args were put in `command:`, replacing the image's entrypoint
    // (minio's "server /data", vault's "server", consul's "agent"), so the runtime looks for "server".
    all: [SUBCOMMAND_RUN_AS_PROGRAM],
    confidence: 0.84,
    title: 'A subcommand was run as the program: it belongs in args, not in command (which replaces the entrypoint)',
  },
  {
    // The command and its args arrived as one word ("npm run start" as the executable name).
    // The runtime quotes the name; quotes inside it come escaped (see COMMAND_LINE_AS_ONE_EXEC_NAME).
    all: [COMMAND_LINE_AS_ONE_EXEC_NAME],
    confidence: 0.9,
    title: 'The command and its arguments were passed as one string (one list item): split them into separate items',
  },
  {
    // A shell's exec names the whole line unquoted.
    all: [/\bexec: [^\s:"]+(?: [^\s:]+)+: not found/],
    confidence: 0.85,
    title: 'The command and its arguments were passed as one string',
  },
  {
    // "$JAR_FILE" printed literally: exec-form command/args are not expanded by a shell.
    all: [
      /(?:Unable to access jarfile|invalid (?:int|float|choice|value)[^$\n]{0,20}|can't open file|No such file or directory:?|not found:?|Invalid value for [^$\n]{0,40}) ['"]?\$\{?[A-Z][A-Z0-9_]{1,64}\b/,
    ],
    confidence: 0.86,
    title: 'An environment variable in the command was not expanded (exec form has no shell)',
  },
  {
    // An option landed where the program expected a file name ("java -jar -XX:MaxRAMPercentage=75 app.jar",
    // "java -cp app.jar -Dx=y" after the class): the launcher reports the option itself as the missing
    // jar, class or script. No real file name starts with a dash.
    all: [
      /\b(?:Unable to access jarfile|Could not find or load main class|[Cc]an't open file|[Cc]annot open file|[Cc]ould not open file) ['"‘“]?-{1,2}[A-Za-z]/,
    ],
    confidence: 0.9,
    title: 'An option was passed where the program expects a file name (it is read as the file)',
  },
  {
    // A path and the flag after it arrived as one argument, so the program looks for a file named
    // "/etc/redis/redis.conf --appendonly yes" (one list item holding two arguments); Go quotes nothing:
    // "open /etc/app.yaml --debug: no such file".
    // Java names the file unquoted after a colon ("FileNotFoundException: /etc/app.conf -J-Xmx768m (No
    // such file or directory)").
    all: [
      PATH_GLUED_TO_FLAG,
      /[Nn]o such file|not found|does not exist|[Cc]an't open|[Cc]annot (?:open|find)|[Uu]nable to (?:open|read|access|load)|[Ff]ailed to (?:open|read|load)|[Cc]ould not (?:open|read|load|find)/,
    ],
    confidence: 0.86,
    title: 'A file argument and the next flag were passed as one argument',
  },
  {
    // An environment variable reached the program literally ("cannot parse `$DATABASE_URL`", or with
    // logfmt's escaped quotes: parsing \"$PORT\"): exec-form command/args are not expanded by a shell,
    // and Kubernetes only substitutes $(VAR). An unresolved ${...} placeholder of a config framework
    // (Spring, Micronaut) is a variable that is not set (missing_env_var).
    all: [
      /[`'"‘“]\$\{?[A-Z][A-Z0-9_]{1,64}\}?\\?[`'"’”]/,
      /\b(?:[Cc]annot|[Cc]an't|[Uu]nable to|[Ff]ailed|[Ii]nvalid|[Ee]rror|[Mm]alformed|[Uu]nknown|[Bb]ad|parse|parsing|not a valid)\b/,
    ],
    confidence: 0.76,
    title: 'An environment variable in the command was not expanded (exec form has no shell)',
    not: /[Pp]laceholder|\bat [\w$.<>]{1,200}\(|^\s{0,20}\d{1,5} \|/,
  },
  {
    // A shell glob reached the program literally: exec-form command/args run no shell, so "/data/*.db",
    // "/app/*.jar" or "migrations/*.sql" arrive as one path with a star in it and the program reports that
    // path missing (Click "Path '/data/*.db' does not exist", Java "Unable to access jarfile /app/*.jar",
    // Go "open /etc/conf.d/*.yaml: no such file", Python "[Errno 2] No such file or directory: 'in/*.csv'").
    // A shell that matched nothing leaves the star too, so missing_file stays the second reading; when a
    // shell or a coreutil names the path (sh: line 3:, cp: cannot stat), a shell did run: not this.
    all: [
      /(?:\/[\w.~@+-]{0,100}\*|\*\.[A-Za-z])[\w./-]{0,100}['"’”]?:? (?:does not exist|doesn't exist|not found|[Nn]o such file|\(No such file)|(?:[Nn]o such file or directory:?|Unable to access jarfile|[Cc]an't open file|[Cc]annot open(?: file)?|[Cc]ould not open(?: input)?(?: file)?:?|[Ff]ile not found:?) ['"‘“]?[\w./~@+-]{0,200}\*/,
    ],
    confidence: 0.8,
    title: 'A shell glob in the command was not expanded (exec form has no shell): the program got the literal pattern',
    not: /^\S{0,100}\b(?:sh|bash|ash|dash|zsh|cp|mv|ls|cat|rm|ln|chmod|chown|tar|find|stat|source|xargs|test): |\bline \d{1,6}: |\bno matches found\b/,
  },
  {
    // The runtime's own name repeated as its first argument: the image's ENTRYPOINT is already the runtime
    // (dotnet, node, python, java, php, ruby, perl) and args start with it again, so "dotnet dotnet app.dll"
    // looks for an application named "dotnet", "node node server.js" for a module "/app/node", "python
    // python app.py" for a file "python". The runtime then names itself as the missing script.
    all: [
      /(?:The application '|Cannot find module '|can't open file '|Could not open input file: |Can't open perl script "|No such file or directory -- |Could not find or load main class )(?:[^'"\s]{0,200}\/)?(?:dotnet|node|nodejs|python[23]?(?:\.\d{1,2})?|php|ruby|perl|java|bun|deno)(?:['":\s]|$)/,
    ],
    confidence: 0.86,
    title: "The runtime's name was given again as its first argument (the entrypoint already runs it)",
  },
  {
    // The .NET host given a bare assembly name it cannot find in the working directory, then falling
    // back to reading it as an SDK command ("The application 'Contoso.Api.dll' does not exist", "No .NET
    // SDKs were found"): the entrypoint most often names an assembly the build no longer emits (project
    // renamed, AssemblyName changed, case differs on Linux). A dll missing from the image reads the same,
    // so missing_file stays the second reading; a path in the name points at the copy, not the name.
    all: [/\bThe application '[^'/]{1,200}\.(?:dll|exe)' does not exist/],
    confidence: 0.72,
    title: 'The entrypoint names an application dll the build does not produce (renamed project or assembly?)',
  },
  {
    // A flag and its value written as one list item ("--config /app/config.yaml"): the option parser
    // receives one option name with a space in it and rejects it whole. Click "No such option: --config
    // /app/config.yaml", cobra "unknown flag: --port 8080", Go's flag "flag provided but not defined:
    // -config /etc/x.yml", clap "unexpected argument '--model llama3' found", .NET CommandLineParser (which
    // strips the dashes) "Option 'datadir /config' is unknown.".
    all: [
      /\b(?:Option|Argument) '-{0,2}[A-Za-z][\w.-]{0,60} [^'\s][^'\n]{0,200}' is (?:unknown|not recognized)\b|\b(?:[Nn]o such option|[Uu]nknown (?:option|flag|argument)|[Uu]nrecognized (?:option|argument)s?|[Uu]nexpected argument|flag provided but not defined|[Ii]nvalid option):? (?:['"‘“`]-{1,2}[A-Za-z][\w.-]{0,60} [^'"‘“’”`\s][^'"‘“’”`\n]{0,200}['"’”`]|-{1,2}[A-Za-z][\w.-]{0,60} (?:[/.~$\d]|[\w-]{1,60}\.(?:ya?ml|json|toml|conf|cfg|ini)\b))/,
    ],
    confidence: 0.88,
    title: 'A flag and its value were given as one argument (one list item): they must be separate items',
  },
  {
    // A Python import string (module:attribute, the form uvicorn, gunicorn and hypercorn take) given to a
    // command that takes a file path ("fastapi run app.main:app": "Path does not exist app.main:app";
    // "python app.main:app": "can't open file"): the command and its target are in different forms.
    all: [
      /\b(?:[Pp]ath|[Ff]ile|[Dd]irectory|[Ss]cript)(?: or directory)? (?:does not exist|not found|doesn't exist)[:\s'"‘“]{1,4}(?:[^\s'"]{0,200}\/)?[A-Za-z_]\w{0,60}(?:\.[A-Za-z_]\w{0,60}){0,8}:[A-Za-z_]\w{0,60}\b|\b(?:[Pp]ath|[Ff]ile|[Ss]cript|can't open file|No such file or directory:?) ['"‘“]?(?:[^\s'"]{0,200}\/)?[A-Za-z_]\w{0,60}(?:\.[A-Za-z_]\w{0,60}){0,8}:[A-Za-z_]\w{0,60}['"’”]?(?::? \[Errno 2\]| does not exist| not found|$)/,
    ],
    confidence: 0.8,
    title: 'A module:attribute import string was given where the command takes a file path (or the reverse)',
    not: /\b(?:image|manifest|pull|registry|tag)\b/i,
  },
  {
    // A module of a package run by its file path ("python worker/main.py" instead of "python -m
    // worker.main"): the file runs as __main__ with no parent package, so its first relative import
    // fails: Python 3 "attempted relative import with no known parent package", Python 2 "Attempted
    // relative import in non-package". The same code imports fine when started with -m.
    all: [/\b[Aa]ttempted relative import (?:with no known parent package|in non-package)\b/],
    confidence: 0.8,
    title:
      'A package module was run as a script: start it with python -m package.module so its relative imports resolve',
  },
  {
    // A relative import climbing past the top package: the program was started from inside the package
    // (a working directory or -m path one level too deep); Python 2 spells it "toplevel". Code with one
    // dot too many reads the same, so the command is only the likelier reading.
    all: [/\b[Aa]ttempted relative import beyond top-?level package\b/],
    confidence: 0.6,
    title:
      'A relative import climbed past the top package: the working directory or -m module path is one level too deep?',
  },
];

/**
 * A flag's value taken as the script: "--max-old-space-size 1536" (the runtime only accepts "=1536"),
 * "-Xss 1m", "--workers 4" before the script. The runtime then runs a file named like a number or a size,
 * which no entry file is. Node, Python, PHP, Perl, Ruby and the JVM launcher each name that "file".
 */
export const FLAG_VALUE_RUN_AS_SCRIPT: Signature = {
  all: [
    /(?:Cannot find module '|can't open file '|Could not open input file: |Can't open perl script "|No such file or directory -- |Could not find or load main class )(?:[^'"\s]{0,200}\/)?(?:\d{1,7}(?:\.\d{1,3})?(?:[kKmMgG][bB]?|%)?|true|false)(?:['":\s]|$)/,
  ],
  confidence: 0.85,
  title: "An option's value was run as the script: the option needs --flag=value (or its value is misplaced)",
};

export const COMMAND_LINE_AS_ONE_FILE: Signature = {
  // The whole command line became one argument: python looks for a file named "manage.py runserver".
  all: [/can't open file '[^' ]+\.py [^']+': \[Errno 2\]/],
  confidence: 0.85,
  title: 'The command and its arguments were passed as one string',
};
