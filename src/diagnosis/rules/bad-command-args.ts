/**
 * bad_command_args: the container's command/args are wrong (unknown or obsolete flag, missing argument,
 * bad quoting that turns "-w" into one literal argument, a wrong --app/-A target).
 */
import { kubectl } from '../kubectl.ts';
import type { Rule, RuleContext } from '../rule.ts';
import { APP_TARGET_FORM, appTargetWithoutAttribute } from './bad-command-args-app-target.ts';
import { ARGUMENT_MISUSE_SIGNATURES, argsReadingInContext } from './bad-command-args-argument-misuse.ts';
import { clientRunInServerContainer } from './bad-command-args-client-run.ts';
import { DAEMONIZED_SIGNATURES } from './bad-command-args-daemonized.ts';
import { INVOCATION_WORD_SIGNATURES } from './bad-command-args-invocation-words.ts';
import { LISTEN_ADDRESS_SIGNATURES, unresolvableListenHost } from './bad-command-args-listen-address.ts';
import { OPTION_EXCEPTION_SIGNATURES } from './bad-command-args-option-exceptions.ts';
import { OPTION_VALUE_SIGNATURES, UNKNOWN_COMMAND_READINGS } from './bad-command-args-option-values.ts';
import { NODE_NEWER_FEATURE_FLAG, NODE_UNKNOWN_OPTION, namesNewerNodeFlag } from './bad-command-args-node-options.ts';
import { silentCleanExitLoop } from './bad-command-args-silent-exit.ts';
import { UNSTABLE_API_WITHOUT_FLAG } from './bad-command-args-unstable-apis.ts';
import { usageBanner } from './bad-command-args-usage.ts';
import { PROJECT_ROOT_ABSENT } from './missing-file-project-root.ts';
import { OPTION_PARSER_SIGNATURES, TRAEFIK_FLAGS } from './bad-command-args-option-parsers.ts';
import { PARSER_WORD_SIGNATURES } from './bad-command-args-parser-words.ts';
import {
  COMMAND_FORM_SIGNATURES,
  COMMAND_LINE_AS_ONE_FILE,
  FLAG_VALUE_RUN_AS_SCRIPT,
} from './command-form-signatures.ts';
import { carriageReturnInArgument, emptyExecTrace, RELATIVE_FILE_FLAG, RELATIVE_PATH_NOT_FOUND } from './exec-clues.ts';
import { finding, logEvidence, type Signature, signatureRule, statusEvidence } from './log-helpers.ts';
import { jvmNewerThanOptions } from './runtime-version-jvm-options.ts';
import { CONFIG_FOR_ANOTHER_VERSION, JVM_OPTION_OF_ANOTHER_JAVA } from './version-clues.ts';

const CONFIG_CONTEXT = /CONFIG FILE|configuration file|config file|directive/i;

// A framework CLI that says first that it found no settings module: Django's django-admin without
// DJANGO_SETTINGS_MODULE knows only its core commands, so every app command ("clearsessions", "migrate"
// of a third-party app) is "Unknown command". The unset variable is the cause; the command is a second reading.
const SETTINGS_MODULE_NOT_SET =
  /^No Django settings specified\.|\bsettings are not configured\. You must either define the environment variable\b/;

const WRONG_COUNT: Signature = {
  all: [/\b(?:too many|wrong number of) (?:positional )?arguments\b/i],
  confidence: 0.6,
  title: 'The program was given the wrong number of arguments',
};

// A value conversion that fails while the program parses its options: Ruby's OptionParser coercing
// "-c config/sidekiq.yml" to Integer raises `invalid value for Integer(): "config/sidekiq.yml"` with
// optparse.rb in the backtrace. Alone the message is any bad integer (an env var, a config value), so it
// counts only when an option-parser frame is in the log.
const OPTION_VALUE_CONVERSION: Signature = {
  all: [/\binvalid value for (?:Integer|Float|Rational)\(\): ['"]/],
  confidence: 0.86,
  title: 'An option was given a value of the wrong type (a flag meant for another option?)',
};
const OPTION_PARSER_FRAME =
  /\/optparse\.rb:\d|\bin [`'](?:block in )?(?:option_parser|parse_options|parse_args)'|\bOptionParser\b/;

const SIGNATURES: Signature[] = [
  OPTION_VALUE_CONVERSION,
  APP_TARGET_FORM,
  UNSTABLE_API_WITHOUT_FLAG,
  ...DAEMONIZED_SIGNATURES,
  ...OPTION_PARSER_SIGNATURES,
  ...OPTION_EXCEPTION_SIGNATURES,
  ...PARSER_WORD_SIGNATURES,
  ...OPTION_VALUE_SIGNATURES,
  ...ARGUMENT_MISUSE_SIGNATURES,
  ...INVOCATION_WORD_SIGNATURES,
  ...COMMAND_FORM_SIGNATURES,
  ...LISTEN_ADDRESS_SIGNATURES,
  {
    // Caddy reads --config as JSON unless the file is named Caddyfile or the command passes --adapter:
    // a Caddyfile then fails as JSON at its first letter.
    all: [/\bloading initial config: decoding config: invalid character '[A-Za-z#:]' looking for beginning of value/],
    confidence: 0.8,
    title: 'The config file was read as JSON: the command lacks --adapter for its format',
  },
  COMMAND_LINE_AS_ONE_FILE,
  FLAG_VALUE_RUN_AS_SCRIPT,
  {
    // The missing script in each runner's words: npm, pnpm, yarn 1 and berry, bun, deno task, just.
    all: [
      /\bMissing script: ["'‘]?[\w:.-]|\bERR_PNPM_NO_SCRIPT\b|error Command "[^"]+" not found\.|\bCouldn't find a script named "|\berror: [Ss]cript not found "|^(?:error: )?[Tt]ask not found: [\w:.-]|\bJustfile does not contain recipe\b/,
    ],
    confidence: 0.8,
    title: 'The command runs a package.json script that does not exist',
  },
  {
    all: [/Error: Could not find or load main class/],
    confidence: 0.72,
    title: 'The Java main class in the command is wrong',
  },
  NODE_UNKNOWN_OPTION,
  NODE_NEWER_FEATURE_FLAG,
  {
    all: [
      /Error: Unable to load celery application|Error: Invalid value for '-A'|Failed to find attribute '[^']+' in '[^']+'|Error loading ASGI app|Failed to find application object|Could not import module/,
    ],
    confidence: 0.75,
    title: 'The app target in the command (--app / -A / module:attr) is wrong',
  },
  {
    all: [/Could not locate a Flask application/],
    confidence: 0.5,
    title: 'The Flask app target is not given (--app or FLASK_APP)',
  },
  {
    // Deno runs with no permissions unless the command grants them (--allow-env, --allow-net, ...).
    all: [
      /(?:PermissionDenied|NotCapable): Requires [a-z]{2,12} access to /,
      /run again with the --allow-[a-z]{2,12} flag/,
    ],
    confidence: 0.88,
    title: 'Deno was started without a permission flag the app needs (--allow-...)',
  },
  {
    // A WebAssembly runtime started without the host interfaces the module imports: wasmtime "component
    // imports instance `wasi:http/types@0.2.0`, but a matching implementation was not found in the
    // linker" (`wasmtime serve` or `-S http` provides it), "unknown import: `wasi_snapshot_preview1::
    // sock_accept` has not been defined", wasmer "Error while importing "wasi_snapshot_preview1"...:
    // unknown import". WASI interfaces are the runtime's to provide when the command asks for them.
    all: [
      /[`'"]wasi(?::[\w-]{1,60}\/|_snapshot_preview1\b|_unstable\b)/,
      /matching implementation was not found|not found in the linker|has not been defined|\bunknown import\b|\bnot instantiated\b/,
    ],
    confidence: 0.8,
    title:
      'The WebAssembly runtime was not asked to provide an interface the module imports (subcommand or -S/--wasi flag)',
  },
  {
    // An argument ran as the program: "-p: not found" (args given where the command belongs, or out of order).
    all: [
      /(?:\bexec: (?:line \d{1,5}: )?|: line \d{1,5}: |\bsh: (?:\d{1,5}: )?)-{1,2}[\w-]{1,40}: (?:command )?not found/,
    ],
    confidence: 0.82,
    title: 'An argument was run as the program: the command and args are out of order or missing the program',
  },
  {
    // JVM options with a bad value: usually JAVA_OPTS / the command, not the app.
    all: [
      /Invalid (?:maximum|initial|minimum) heap size|Invalid (?:thread stack|maximum direct memory|metaspace) size|Improperly specified VM option|Unrecognized VM option/,
    ],
    confidence: 0.84,
    title: 'The JVM rejects an option it was given (JAVA_OPTS / command)',
  },
  {
    // redis-server turns argv into config lines: a value with a leading space came from one quoted argument.
    all: [/^>>> '[a-z][a-z-]{1,40} "\s/],
    confidence: 0.72,
    title: 'A flag and its value were passed as one quoted argument',
  },
  {
    // Daemons that refuse root unless the command names a user or a bypass (memcached -u, Jupyter --allow-root).
    all: [
      /can't run as root without the -u switch|[Rr]unning as root is not (?:allowed|permitted) without (?:the )?-|\bas root is not (?:recommended|allowed|permitted|supported)\.? [^\n]{0,60}--allow-root\b|\bUse --allow-root to (?:bypass|override|continue)\b/,
    ],
    confidence: 0.82,
    title: 'The daemon refuses to run as root unless its command names a user',
  },
  {
    // Servers that refuse root and whose image entrypoint drops to their own user (gosu/su-exec): a command
    // that names the server directly skips it. PostgreSQL '"root" execution of the PostgreSQL server is not
    // permitted', MySQL "Please read "Security" ... how to run mysqld as root", Elasticsearch "can not run
    // elasticsearch as root". A securityContext running as uid 0 gives the same, so not certain.
    all: [
      /"root" execution of the [\w ]{1,40} (?:server )?is not permitted|to find out how to run mysqld as root|\bcan ?not run [\w-]{1,40} as root\b/,
    ],
    confidence: 0.7,
    title: 'The server refuses to run as root: the command probably skips the entrypoint that switches user',
  },
  {
    // A server started without the config path its subcommand needs (setting command: drops the image's
    // CMD that held it): "configuration path unspecified", "no configuration file specified", PgBouncer
    // "Need config file.".
    all: [
      /\bconfig(?:uration)?(?: file)? path (?:unspecified|not specified|not provided|is required)\b|\b[Nn]o config(?:uration)? (?:file|path) (?:was )?(?:specified|given|provided)\b|^(?:[Ee]rror: )?[Nn]eeds? (?:an? |the )?config(?:uration)? file\b/,
    ],
    confidence: 0.78,
    title: 'The command does not pass the config path its subcommand needs',
  },
  {
    // node started on the TypeScript source instead of the build output (or without a loader).
    all: [/Unknown file extension "\.tsx?" for /],
    confidence: 0.78,
    title: 'node was started on a TypeScript file: the command should run the built JavaScript',
  },
  {
    // `python -m app.serverr`: the interpreter cannot find the module the command names.
    all: [/^(?:\/usr(?:\/local)?\/bin\/)?python[\d.]{0,5}: No module named /],
    confidence: 0.76,
    title: 'The module named in the command (python -m ...) does not exist',
  },
  WRONG_COUNT,
  {
    // A URL argument the program could not even find a scheme in (golang-migrate "error: no scheme", Go
    // "missing protocol scheme"): in exec-form args, "$DATABASE_URL" arrives literally. An empty value
    // (the variable unset) says the same, so this stays a weak reading.
    all: [
      /^(?:[Ee]rror|ERROR|[Ff]atal|FATAL):? no scheme\s{0,4}$|\b(?:URL|url|URI|uri|DSN|dsn) (?:has )?no scheme\b|\bmissing protocol scheme\b/,
    ],
    confidence: 0.45,
    title: 'A URL argument has no scheme (a $VAR left unexpanded in exec-form args, or an empty value)',
    not: /""|''|\(empty\)/,
  },
  {
    // A file flag given a relative path the program could not open from its working directory.
    all: [RELATIVE_FILE_FLAG, RELATIVE_PATH_NOT_FOUND],
    confidence: 0.78,
    title: 'A file flag in the command gives a relative path that does not exist from the working directory',
  },
  {
    // mysqld names a removed flag from `command: --default-authentication-plugin=...` this way.
    all: [/\bunknown variable '[a-z]{1,30}(?:-[a-z0-9]{1,30}){1,6}=/],
    confidence: 0.6,
    title: 'The server does not know a flag it was given (removed in this version?)',
  },
  {
    all: [/\bunknown (?:option|variable) ['‘]?--?[a-z]/],
    confidence: 0.6,
    title: 'The program does not know an option it was given',
  },
];

const steps = (ctx: RuleContext): string[] => [
  `Compare the command and args with the program's usage: ${kubectl.podSpec(ctx.target, '{.spec.containers[*].command} {.spec.containers[*].args}')}`,
  'Give each argument as its own list item in the spec ("-w", not "\\"-w\\""); check flags removed in the image version',
];

const bySignature = signatureRule({
  id: 'bad-command-args',
  category: 'bad_command_args',
  signatures: SIGNATURES,
  // The runtime's exec errors (a flag run as the program) are in the status message and Failed events.
  options: { status: true },
  adjust: (ctx, hit) => {
    // An argument that carried a carriage return came from a CRLF start script: that rule owns it.
    if (carriageReturnInArgument(ctx.log.lines, hit.line, hit.lines)) return Math.min(hit.confidence, 0.5);
    // Variables that never reached the container mangle argv too; a hand-written command backs a named flag.
    const inContext = argsReadingInContext(ctx, hit);
    if (inContext !== undefined) return inContext;
    // A server reading its config file says "wrong number of arguments" about a directive, not argv.
    if (hit.signature === WRONG_COUNT && ctx.log.lines.some((l) => CONFIG_CONTEXT.test(l.text))) return 0;
    if (hit.signature === OPTION_VALUE_CONVERSION)
      return ctx.log.lines.some((l) => OPTION_PARSER_FRAME.test(l.text)) ? hit.confidence : 0;
    const unknownCommand = UNKNOWN_COMMAND_READINGS.includes(hit.signature);
    if (unknownCommand && ctx.log.lines.some((l) => SETTINGS_MODULE_NOT_SET.test(l.text)))
      return Math.min(hit.confidence, 0.5);
    // A project tool that found no project knows only its global commands: the project file is missing.
    if (unknownCommand && ctx.log.lines.some((l) => PROJECT_ROOT_ABSENT.test(l.text)))
      return Math.min(hit.confidence, 0.45);
    // Going to the background only explains a container that ended cleanly.
    if (DAEMONIZED_SIGNATURES.includes(hit.signature)) return ctx.exitCode === 0 ? hit.confidence : 0;
    // A flag written for another major version is a version mismatch first (as bad-config steps back too).
    // The same for a node flag that only a newer Node has, named in NODE_OPTIONS or on the command line.
    if (hit.signature === NODE_UNKNOWN_OPTION && namesNewerNodeFlag(hit.line.text))
      return Math.min(hit.confidence, 0.55);
    if (hit.signature === TRAEFIK_FLAGS && hit.lines.some((l) => CONFIG_FOR_ANOTHER_VERSION(l.text)))
      return Math.min(hit.confidence, 0.45);
    // (group C2) A removed JVM option beside the JVM's warning that it is a later release: runtime_version_mismatch.
    if (JVM_OPTION_OF_ANOTHER_JAVA.test(hit.line.text) && jvmNewerThanOptions(ctx.log.lines)) return 0.78;
    return Math.min(0.95, hit.confidence + (ctx.exitCode === 2 ? 0.04 : 0));
  },
  steps,
});

export const badCommandArgs: Rule = {
  id: 'bad-command-args',
  match: (ctx) => {
    const found =
      bySignature.match(ctx) ??
      unresolvableListenHost(ctx, steps(ctx)) ??
      clientRunInServerContainer(ctx, steps(ctx)) ??
      appTargetWithoutAttribute(ctx, steps(ctx));
    if (found) return found;
    const empty = emptyExecTrace(ctx);
    if (empty) {
      return finding(ctx, {
        ruleId: 'bad-command-args',
        category: 'bad_command_args',
        title:
          empty.kind === 'nothing'
            ? "The entrypoint exec'd an empty command: it was started without the arguments it passes on"
            : "The entrypoint exec'd a flag as the program: the command word expanded to nothing",
        confidence: empty.kind === 'nothing' ? 0.74 : 0.5,
        evidence: [...logEvidence([empty.line]), ...statusEvidence(ctx)],
        steps: steps(ctx),
      });
    }
    const silent = silentCleanExitLoop(ctx, steps(ctx));
    if (silent) return silent;
    return usageBanner(ctx, steps(ctx));
  },
};
