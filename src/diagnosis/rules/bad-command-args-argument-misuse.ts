/**
 * bad_command_args read where the program names no bad flag but shows that an argument went to the
 * wrong place: an argparse-style "<prog>: error:" about how the arguments are laid out, a mode or
 * subcommand that this release removed, and a path handed to an option that takes the config's CONTENT
 * (the parser then echoes the path as the document it could not read).
 */
import { ENV_FROM_KEYS_SKIPPED } from './config-clues.ts';
import { DOTNET_APP_ASSEMBLY_MISSING } from './exec-launch-clues.ts';
import { DNS_FAILURE } from './network-clues.ts';
import { valuelessTracedCommand } from './missing-env-var-traced-args.ts';
import type { RuleContext } from '../rule.ts';
import type { Signature, SignatureHit } from './log-helpers.ts';

// argparse and optparse (and tools built on them: Scrapy, Ansible, many Python CLIs) end with
// "<prog>: error: <why>" when argv does not fit, in wordings other parsers' rules do not cover: "crawl:
// error: running 'scrapy crawl' with more than one spider is not supported" (a stray value read as a
// second positional), "error: too few arguments", optparse "error: no such option: -x", "error: option
// --port: invalid integer value: 'x'", "error: -f option requires 1 argument". A compiler's "cc1: error:"
// is a build step, and make's or npm's "error:" is not about the container's argv.
const PARSER_ERROR_LINE: Signature = {
  all: [
    /^[a-z][\w.-]{0,60}: error: (?:too few arguments\b|no such option: -|option -{1,2}[\w-]{1,40}: invalid [\w ]{1,30} value\b|-{1,2}[\w-]{1,40} option requires (?:an|\d{1,2}) arguments?\b|[^\n]{0,160}\bwith more than one [\w-]{1,40} is not supported\b)/,
  ],
  confidence: 0.86,
  title: 'The program rejects how its arguments are laid out (an extra positional, a missing option value)',
  not: /^(?:cc1(?:plus)?|gcc|g\+\+|clang(?:\+\+)?|nvcc|rustc|ld|make|npm|yarn|pnpm|curl): error: /,
};

// A mode or subcommand the running release no longer has, named by the program: MinIO "Gateway is
// deprecated, To continue to use Gateway please use releases no later than 'RELEASE...'", "the 'init'
// subcommand has been removed", "command 'serve' was removed in 3.0", "subcommand legacy-run is no longer
// supported". The args were written for an older release; the image moved on.
const REMOVED_SUBCOMMAND: Signature = {
  all: [
    /\b[Tt]o continue to use [\w-]{1,40},? please use (?:releases|versions?|an? (?:older )?release) (?:no later than|older than|before|prior to)\b|\b(?:[Ss]ub)?[Cc]ommand [`'"]?[a-z][\w-]{1,40}[`'"]? (?:was|has been|is) (?:removed|dropped|no longer (?:supported|available))\b|\b[Tt]he [`'"]?[a-z][\w-]{1,40}[`'"]? (?:sub)?command (?:was|has been|is) (?:removed|dropped|no longer (?:supported|available))\b/,
  ],
  confidence: 0.8,
  title: 'The command runs a subcommand or mode that this release of the program removed',
  not: /\bERR\b|\bSQL\b|\bquery\b/,
};

// A CLI that refuses a command it renamed, pointing at the new one: drizzle-kit "This command is
// deprecated, please use updated 'push' command", "this subcommand has been removed, use `x migrate`
// instead", "This command was renamed; run 'tool serve'". "This command" is the one the container ran, and
// the redirect to another command says the args were written for an older release of the tool.
const RENAMED_COMMAND_REDIRECT: Signature = {
  all: [
    /\b[Tt]his (?:sub)?command (?:is|was|has been) (?:deprecated|removed|renamed|replaced|retired)(?: and (?:was |has been )?(?:removed|replaced))?[,.;:]? {0,3}(?:[Pp]lease |[Yy]ou (?:should|must|need to) )?(?:use|run|switch to|migrate to|call)\b/,
  ],
  confidence: 0.8,
  title: 'The command runs a subcommand that this release of the tool renamed or removed',
  not: /\bERR\b|\bSQL\b|\bquery\b/,
};

// A server mode that only works from a config file, started with none because the args that named the
// file were dropped or split (a notice that it runs on defaults is not one): Redis "Sentinel started without a config file. Exiting...", "must be started
// with a configuration file", "you must specify a config file", "requires a config file argument".
const MODE_STARTED_WITHOUT_CONFIG_FILE: Signature = {
  all: [
    /\b(?:started|launched|invoked) without (?:a|any) config(?:uration)? file\b|\bmust be (?:started|run|launched) with an? config(?:uration)? file\b|\b[Yy]ou must (?:specify|provide|pass|give) an? config(?:uration)? file\b|\brequires an? config(?:uration)? file (?:argument|path|parameter)\b/,
  ],
  confidence: 0.8,
  title: 'The command starts a mode that needs a config file but passes none',
  // "Started without a config file, using defaults" is a notice of a program that runs on.
  not: /\b(?:using|use|with|falling back to) (?:the |its )?(?:built-in )?defaults?\b/i,
};

// A config parser that was given a file PATH where it takes the document itself echoes the path as the
// content it failed to read: Envoy "--config-yaml /etc/envoy/envoy.yaml" gives "Unable to parse JSON as
// proto (... non-object value): "/etc/envoy/envoy.yaml"", Go YAML loaders fed the path as inline config
// "cannot unmarshal !!str `/etc/otel...` into map[string]interface {}". A path-valued option
// (-c/--config-path, --config=file:) was meant; a broken file shows its own content instead.
const PATH_GIVEN_AS_INLINE_CONFIG: Signature = {
  all: [
    /^[^"\n]{0,300}\b(?:[Uu]nable|[Ff]ailed) to parse (?:JSON|YAML|config(?:uration)?)\b[^"\n]{0,200}: "\/[\w./-]{1,200}\.(?:ya?ml|json|conf|toml)"$|\bcannot unmarshal !!str `\/[^`\n]{1,80}` into (?:map\[|struct\b|\*?[\w.]{0,80}(?:Config|Bootstrap|Settings|Options)\b)/,
  ],
  confidence: 0.84,
  title: 'A config file path was passed to an option that takes the config itself (inline YAML/JSON)',
};

// The .NET host is there and the command names an app assembly it cannot find: most often the name in the
// entrypoint differs from what the project publishes (case, a renamed project), since the build stage
// copied the publish output; an assembly left out of the image reads the same (missing_file's alternative).
const DOTNET_APP_ASSEMBLY_NAMED_WRONG: Signature = {
  all: [DOTNET_APP_ASSEMBLY_MISSING],
  confidence: 0.62,
  title: 'The command names a .NET app assembly that is not there (a wrong or differently-cased .dll name?)',
};

// Two options passed as ONE argv item: the program reads the second flag as part of the first option's
// value and rejects the value, which then visibly carries a flag. PostgreSQL args ["-c", "a=1 -c b=2"]
// give 'invalid value for parameter "a": "1 -c b=2"', pflag/cobra 'invalid argument "8080 --debug" for
// "-p, --port" flag', argparse "argument --port: invalid int value: '8080 --workers 4'", clap "invalid
// value '4 --verbose' for '--threads <N>'". A config file never writes a flag inside a value, so the
// split of the list items is the cause (a negative number such as "-1" is no flag: a letter must follow).
const FLAG_INSIDE_REJECTED_VALUE: Signature = {
  all: [
    /\binvalid (?:value|argument|(?:int|integer|float|choice) value)\b[^"'\n]{0,120}(?:["'][^"'\n]{1,100}["'][^"'\n]{0,40})?["'][^"'\s]{1,100} --?[A-Za-z][\w.-]{0,40}(?:[= ]|["'])/,
  ],
  confidence: 0.88,
  title: "Two options were passed as one argument: the second flag ended up inside the first option's value",
};

// The .NET muxer in a runtime-only image given a development verb: "dotnet run" / "dotnet watch" start
// an app from its sources, which only the SDK can, so the muxer looks for an app named "run" and adds "No
// .NET SDKs were found". The published app is started as "dotnet App.dll": the command is the dev one.
// Other SDK verbs (build, ef) are a tool missing from the image, which command-not-found reads.
const DOTNET_DEV_VERB_IN_RUNTIME_IMAGE: Signature = {
  all: [/\bThe application '(?:run|watch)' does not exist\b/],
  confidence: 0.8,
  title: 'The command starts the app from source (dotnet run) in a runtime image: start the published .dll',
};

// A management command that rejects its address argument: Django runserver '"8000:0.0.0.0" is not a
// valid port number or address:port pair', "CommandError: ... is not a valid port". The value came from
// args (runserver takes addr:port), so it is the invocation, not a config file.
const ADDRESS_ARGUMENT_REJECTED: Signature = {
  all: [
    /\bis not a valid port number or address:port pair\b|^CommandError: [^\n]{0,200}\b(?:is not a valid|[Ii]nvalid) (?:port|address|addrport)\b/,
  ],
  confidence: 0.86,
  title: 'The command gives an address/port argument in a form the program does not accept',
};

// A confirmation prompt in a container has no one to answer it: Laravel "Do you really wish to run this
// command? (yes/no) [no]" then "Command canceled.", apt-get "Do you want to continue? [Y/n] Abort.",
// Symfony/Doctrine prompts defaulting to no. The command lacks its non-interactive flag (--force,
// --no-interaction, -y).
const UNANSWERED_CONFIRMATION: Signature = {
  all: [
    /\? \(yes\/no\) \[no\]|\bDo you want to continue\? \[Y\/n\] Abort\b|\bthe environment is non-interactive\b[^\n]{0,120}(?:--force|--yes|--no-input|--no-interaction|\s-y\b)/,
  ],
  confidence: 0.8,
  title: 'The command asks for a confirmation no one can give in a container (missing --force / -y)',
};

// A program that says which command-line parameter it needs: Grafana "could not find config defaults,
// make sure homepath command line parameter is set or working directory is homepath" when the command
// override skipped the image's start script that passes it. The same words come when a mount hid the
// defaults the flag points at (missing_file), so alone this is the second reading.
const REQUIRED_FLAG_NAMED: Signature = {
  all: [
    /\bmake sure (?:the )?-{0,2}[\w.-]{1,40} command[- ]line (?:parameter|flag|option|argument) is (?:set|given|passed)\b|\b(?:must|has to) be (?:set|given|passed) (?:on|via) the command[- ]line\b/,
  ],
  confidence: 0.7,
  title:
    'The program needs a command-line parameter the command does not pass (a command override that skips the start script?)',
};

// A script's file name given where a dotted module name belongs: `python -m tasks.py`, `luigi --module
// daily_export.py`, gunicorn/uvicorn "app.py:app", celery -A worker.py. Python imports "tasks.py" as the
// submodule "py" of "tasks" and says "No module named 'tasks.py'; 'tasks' is not a package" (runpy: "while
// trying to find 'tasks.py'"); uvicorn says 'Could not import module "main.py"'. Nothing is missing from the
// image: the argument carries the .py suffix.
const FILE_NAME_AS_MODULE: Signature = {
  all: [
    /\bNo module named '[\w.]{0,100}\.py'|\bwhile trying to find '[\w.]{0,100}\.py'|\bmodule specification for '[\w.]{0,100}\.py'|\bCould not import module ["'][\w.]{0,100}\.py["']/,
  ],
  confidence: 0.92,
  title: 'A file name (with .py) was given where the command expects a module name',
};

export const ARGUMENT_MISUSE_SIGNATURES: readonly Signature[] = [
  FILE_NAME_AS_MODULE,
  DOTNET_DEV_VERB_IN_RUNTIME_IMAGE,
  ADDRESS_ARGUMENT_REJECTED,
  UNANSWERED_CONFIRMATION,
  REQUIRED_FLAG_NAMED,
  FLAG_INSIDE_REJECTED_VALUE,
  DOTNET_APP_ASSEMBLY_NAMED_WRONG,
  PARSER_ERROR_LINE,
  REMOVED_SUBCOMMAND,
  RENAMED_COMMAND_REDIRECT,
  MODE_STARTED_WITHOUT_CONFIG_FILE,
  PATH_GIVEN_AS_INLINE_CONFIG,
];

// An option that lacks its value when the value is a deployment setting (a port, host, URL, token): in
// sh -c "--port $APP_PORT" an unset variable leaves the flag bare, so the missing variable is as likely
// as a mistyped command. Click "Option '--port' requires an argument.", Go "flag needs an argument: -addr".
const DEPLOYMENT_VALUE_OPTION_BARE =
  /(?:[Oo]ption|[Ff]lag|[Aa]rgument) ['"‘]?-{1,2}(?:[\w]{1,30}[-_])?(?:port|host|bind|addr|address|url|uri|dsn|endpoint|token|password|secret|key)['"’]? (?:requires|needs|expects) (?:an? )?(?:argument|value|parameter)\b|\bflag needs an argument: -{1,2}(?:[\w]{1,30}[-_])?(?:port|host|bind|addr|address|url|uri|dsn|endpoint|token|password|secret|key)\b/;

// The program warns that the very binary it was started as is deprecated (Grafana "The standalone
// 'grafana-server' program is deprecated", "this entrypoint is deprecated, use ..."): the image's own start
// script uses the current form, so the command was written by hand and skipped what that script passes.
const STARTED_AS_DEPRECATED_PROGRAM =
  /\b(?:program|binary|executable|entrypoint) [`'"]?[\w.-]{0,60}[`'"]? ?is deprecated\b/;

const PEER_OR_ENDPOINT = /\bendpoints?\b|\bpeers?\b|\blocal (?:machine|node|host)\b|\bcluster members?\b/i;

/**
 * The confidence a bad-args reading gets from what its own line cannot see, or undefined to keep the
 * default: variables that never arrived (envFrom keys the kubelet skipped, a deployment-value flag left
 * bare) mangle argv too, and a hand-written command backs a named missing flag.
 */
export const argsReadingInContext = (ctx: RuleContext, hit: SignatureHit): number | undefined => {
  if (ctx.events.some((e) => ENV_FROM_KEYS_SKIPPED.test(e.message) || ENV_FROM_KEYS_SKIPPED.test(e.reason)))
    return Math.min(hit.confidence, 0.55);
  // Group A (missing_env_var): a traced command left without a value is a variable that expanded to nothing.
  if (valuelessTracedCommand(ctx)) return Math.min(hit.confidence, 0.55);
  if (DEPLOYMENT_VALUE_OPTION_BARE.test(hit.line.text)) return Math.min(hit.confidence, 0.75);
  // A clustered server (MinIO, etcd, Consul) that first failed to resolve its peers' names and then rejects
  // its endpoint args ("no endpoint pointing to the local machine"): the names in the args are right in
  // form, the Service that should give them DNS records is not there (dns_resolution_failure).
  if (
    PEER_OR_ENDPOINT.test(hit.line.text) &&
    ctx.log.lines.some((l) => l.line < hit.line.line && DNS_FAILURE.test(l.text))
  )
    return Math.min(hit.confidence, 0.4);
  if (hit.signature === REQUIRED_FLAG_NAMED && ctx.log.lines.some((l) => STARTED_AS_DEPRECATED_PROGRAM.test(l.text)))
    return 0.84;
  return undefined;
};
