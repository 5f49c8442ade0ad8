/**
 * bad_command_args: the container's command/args are wrong (unknown or obsolete flag, missing argument,
 * bad quoting that turns "-w" into one literal argument, a wrong --app/-A target).
 */
import { kubectl } from '../kubectl.ts';
import type { Rule, RuleContext } from '../rule.ts';
import { finding, logEvidence, type Signature, signatureRule, statusEvidence } from './log-helpers.ts';

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
    all: [/Unrecognized option: |Unrecognized VM option/],
    confidence: 0.88,
    title: 'The JVM does not know an option it was given',
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
  WRONG_COUNT,
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
