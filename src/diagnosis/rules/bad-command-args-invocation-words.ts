/**
 * bad_command_args read from what a program says about the invocation itself, in wordings the other
 * modules do not know: a value glued to the next flag (two args in one list item), too few operands, a
 * subcommand or build task the program does not have, inline code (-e / -c) cut short by the splitting of
 * the args. Each is printed while the program reads its argv, before it does any work.
 */
import type { Signature } from './log-helpers.ts';

// A value the program calls invalid/unknown that holds the next flag: "--uploader-type=kopia
// --default-volumes-to-fs-backup" written as ONE list item, so the option's value is "kopia --default-...".
// Velero "invalid uploader type 'kopia --default-volumes-to-fs-backup'", "unsupported storage driver
// \"overlay2 --debug\"", "unknown log format 'json --verbose'". A config file's value ("in app.yaml",
// "line 3") is bad_config's.
const VALUE_GLUED_TO_FLAG: Signature = {
  all: [
    /\b(?:[Ii]nvalid|[Uu]nknown|[Uu]nsupported|[Uu]nrecognized|[Bb]ad)(?: [\w-]{1,30}){1,3}:? ['"‘“][^'"‘“’”\s-][^'"‘“’”\s]{0,100} --[a-z][\w-]{1,40}(?:=[^'"’”\s]{0,100})?['"’”]/,
  ],
  not: /\b(?:config(?:uration)? file|line \d|\.ya?ml\b|\.toml\b|\.conf\b|\.ini\b)/,
  confidence: 0.82,
  title: 'An option and the next flag were given as one argument (one list item): the value holds the flag',
};

// A program that counts its operands and got fewer (or more) than it needs: socat "exactly 2 addresses
// required (there are 1)" when both addresses were one list item, cobra "accepts 1 arg(s), received 2",
// "requires at least 1 arg(s), only received 0", coreutils "missing operand", "expected 2 arguments, got
// 1". Python's "takes exactly 2 positional arguments (1 given)" is a call in the code, not argv.
const OPERAND_COUNT: Signature = {
  all: [
    /\bexactly \d{1,2} (?:addresses|arguments|args|operands|parameters|paths) (?:are )?required\b|\b(?:requires|accepts) (?:exactly |at least |at most |between )?\d{1,2}(?: and \d{1,2})? arg\(s\), (?:only )?received \d|\bmissing (?:destination file )?operand\b|\bexpected \d{1,2} (?:positional )?arguments?,? (?:but )?(?:got|received) \d/,
  ],
  not: /\bgiven\)|\bTypeError\b/,
  confidence: 0.8,
  title: 'The program got the wrong number of operands (two arguments in one list item, or one missing)',
};

// An oclif CLI (n8n, Heroku, Salesforce) names the command it does not have: " ›   Error: command n8n
// not found" (args that repeat the program's name after an entrypoint that already runs it), cobra
// 'unknown command "velero" for "velero"'. A shell's "n8n: command not found" is the program missing.
const CLI_COMMAND_UNKNOWN: Signature = {
  all: [/^\s{0,4}(?:›\s{0,4})?Error: command [\w:.-]{1,60} not found\b|\bunknown command "([\w.-]{1,60})" for "\1"/],
  confidence: 0.8,
  title: 'The CLI does not have the command it was given (a renamed command, or the program name repeated in args)',
};

// A task runner without the task the command names: rake "Don't know how to build task 'x'", GNU make
// "No rule to make target 'x'.  Stop." (not "needed by": a missing input of the build), invoke "No idea
// what 'x' is!", mix "The task \"x\" could not be found". Gradle's "Task 'x' not found in root project"
// is a build's own task, not the container's command: not read here.
const TASK_NOT_FOUND: Signature = {
  all: [
    /\bDon't know how to build task ['`‘]|\bNo rule to make target ['`‘][^'’\n]{1,120}['’]\.\s{0,4}Stop\.|^No idea what ['‘][\w:.-]{1,100}['’] is!|\bThe task "[\w.:-]{1,100}" could not be found\b/,
  ],
  not: /\bneeded by\b/,
  confidence: 0.8,
  title: 'The command names a task the task runner does not have (renamed or removed)',
};

// Inline code given on the command line that does not parse: Julia "# Error @ none:1:6" under
// "ParseError" (`julia -e using ...` with the expression split into several list items), Perl
// "syntax error at -e line 1", Node "[eval]:1", Python `-c` ('File "<string>", line 1' alone on its
// line, as a SyntaxError prints it). The code is the command's argument. (Ruby's "-e:1:" line starts
// with a dash, which the signature reader skips as a help line.)
const INLINE_CODE_UNPARSED: Signature = {
  all: [
    /^# Error @ none:\d{1,4}:\d|\bsyntax error at -e line \d|^\[eval\]:\d{1,4}\s*$|^\s{0,4}File "<string>", line \d{1,4}\s*$/,
  ],
  confidence: 0.74,
  title: 'The inline code in the command (-e / -c) does not parse: the args split or cut the expression',
};

export const INVOCATION_WORD_SIGNATURES: readonly Signature[] = [
  VALUE_GLUED_TO_FLAG,
  OPERAND_COUNT,
  CLI_COMMAND_UNKNOWN,
  TASK_NOT_FOUND,
  INLINE_CODE_UNPARSED,
];
