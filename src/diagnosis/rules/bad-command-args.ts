/**
 * bad_command_args: the container's command/args are wrong (unknown or obsolete flag, missing argument,
 * bad quoting that turns "-w" into one literal argument, a wrong --app/-A target).
 */
import { kubectl } from '../kubectl.ts';
import type { Rule, RuleContext } from '../rule.ts';
import { emptyExecTrace, finding, logEvidence, type Signature, signatureRule, statusEvidence } from './log-helpers.ts';

const CONFIG_CONTEXT = /CONFIG FILE|configuration file|config file|directive/i;

const WRONG_COUNT: Signature = {
  all: [/\b(?:too many|wrong number of) (?:positional )?arguments\b/i],
  confidence: 0.6,
  title: 'The program was given the wrong number of arguments',
};

const SIGNATURES: Signature[] = [
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
    all: [/flag provided but not defined: /],
    confidence: 0.92,
    title: 'The program does not know a flag it was given',
  },
  {
    // kingpin (Prometheus, Alertmanager, exporters) and picocli (Keycloak, Java CLIs).
    all: [
      /\berror: (?:unknown (?:long|short) flag|required flag [^\s]+ not provided|expected command but got)|Unknown options?: '--?[^\s']+'/,
    ],
    confidence: 0.9,
    title: 'The program does not know a flag it was given',
  },
  {
    all: [/failed to decode configuration from flags/],
    confidence: 0.85,
    title: 'A command-line flag is unknown to this version (Traefik)',
  },
  {
    all: [/[Uu]nknown (?:shorthand )?flag: |Error: unknown command "[^"]+" for/],
    confidence: 0.9,
    title: 'The program does not know a flag or subcommand it was given',
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
    all: [/Unrecognized option: -|Unrecognized VM option/],
    confidence: 0.88,
    title: 'The JVM does not know an option it was given',
  },
  {
    // The command and its args arrived as one word ("npm run start" as the executable name).
    all: [/\bexec: "[^"\s]+ [^"]+": executable file not found|\bexec: [^\s:"]+(?: [^\s:]+)+: not found/],
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
    // The whole command line became one argument: python looks for a file named "manage.py runserver".
    all: [/can't open file '[^' ]+\.py [^']+': \[Errno 2\]/],
    confidence: 0.85,
    title: 'The command and its arguments were passed as one string',
  },
  {
    all: [/npm ERR! Missing script: |npm error Missing script: |error Command "[^"]+" not found\./],
    confidence: 0.8,
    title: 'The command runs a package.json script that does not exist',
  },
  {
    all: [/Error: Could not find or load main class/],
    confidence: 0.72,
    title: 'The Java main class in the command is wrong',
  },
  {
    all: [/\bnode: bad option: |\bnode: --[^\s]+ is not allowed/],
    confidence: 0.9,
    title: 'node does not know an option it was given',
  },
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
    // Daemons that refuse root unless the command names a user (memcached -u, redis --user...).
    all: [/can't run as root without the -u switch|[Rr]unning as root is not (?:allowed|permitted) without (?:the )?-/],
    confidence: 0.82,
    title: 'The daemon refuses to run as root unless its command names a user',
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

const USAGE = /^\s{0,4}(?:[Uu]sage|USAGE):/;

const steps = (ctx: RuleContext): string[] => [
  `Compare the command and args with the program's usage: ${kubectl.podSpec(ctx.target, '{.spec.containers[*].command} {.spec.containers[*].args}')}`,
  'Give each argument as its own list item in the spec ("-w", not "\\"-w\\""); check flags removed in the image version',
];

const bySignature = signatureRule({
  id: 'bad-command-args',
  category: 'bad_command_args',
  signatures: SIGNATURES,
  adjust: (ctx, hit) => {
    // A server reading its config file says "wrong number of arguments" about a directive, not argv.
    if (hit.signature === WRONG_COUNT && ctx.log.lines.some((l) => CONFIG_CONTEXT.test(l.text))) return 0;
    return Math.min(0.95, hit.confidence + (ctx.exitCode === 2 ? 0.04 : 0));
  },
  steps,
});

export const badCommandArgs: Rule = {
  id: 'bad-command-args',
  match: (ctx) => {
    const found = bySignature.match(ctx);
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
    // A usage banner printed on exit 2 is how many CLIs say "bad arguments" without naming them.
    if (ctx.exitCode !== 2) return null;
    const usage = ctx.log.lines.find((l) => USAGE.test(l.text));
    if (!usage) return null;
    return finding(ctx, {
      ruleId: 'bad-command-args',
      category: 'bad_command_args',
      title: 'The program printed its usage and exited 2: its arguments are wrong',
      confidence: 0.65,
      evidence: [...logEvidence([usage]), ...statusEvidence(ctx)],
      steps: steps(ctx),
    });
  },
};
