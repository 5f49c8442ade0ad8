/**
 * missing_env_var read from a shell trace (`set -x`) of the command that then failed for a missing value
 * (not a rule itself: the missing-env-var rule asks it, and bad-command-args steps back on it). A script
 * writes `bench set-config -gp db_port "$DB_PORT"` or `exec app --port $PORT`; the trace prints argv as it
 * ran, so a traced command that ends on a key or an option, followed at once by the program's complaint
 * that a value is missing (click's "Missing argument 'VALUE'", argparse's "expected one argument", Go's
 * "flag needs an argument", getopt's "option requires an argument", clap's "a value is required"), shows a
 * variable that expanded to nothing. Nobody writes the key without its value by hand; an unknown flag or a
 * wrong subcommand in a trace is still a bad command (bad_command_args).
 */
import { kubectl } from '../kubectl.ts';
import type { RuleContext } from '../rule.ts';
import type { Finding, LogLine } from '../types.ts';
import { finding, logEvidence, statusEvidence } from './log-helpers.ts';

// What parsers say when an option or positional is there without its value.
const MISSING_VALUE_ERROR =
  /\bMissing argument ['"‘`]?[A-Za-z_]|\b[Oo]ption ['"‘`]?-{1,2}[\w-]{1,60}(?: <[\w-]{1,40}>)?['"’`]? (?:requires an? (?:argument|value)|argument missing)\b|\boption requires an argument\b|\bflag needs an argument\b|\bexpected one argument\b|\bmissing argument: -{1,2}\w|\bMissing required parameter for option\b|\ba value is required for ['"‘`]?-{1,2}\w|\bthe following arguments are required\b|\brequires a value but none was supplied\b/;

// A traced simple command (not an assignment, a test or a function header).
const TRACE = /^\+{1,4} [a-z./][\w./-]{0,80}(?: |$)/;
// The last word of the traced command: an option that takes a value, or a bare key/positional; an
// explicit empty argument ('' or "") is the same hole, printed.
const VALUELESS_WORD = /^(?:-{1,2}[A-Za-z][\w.-]{0,60}|[a-z][a-z0-9_.-]{0,60}|''|"")$/;
const FLAG_NAMED = /(?:^| |['"‘`])-{1,2}([A-Za-z][\w.-]{0,60})/;
const FLAG_WORD = /^-{1,2}([A-Za-z][\w.-]{0,60})$/;
const NEAR = 4;

export interface ValuelessTrace {
  trace: LogLine;
  error: LogLine;
}

/** The trace of a command whose value expanded to nothing and the parser's complaint just after, or null. */
export const valuelessTracedCommand = (ctx: RuleContext): ValuelessTrace | null => {
  const lines = ctx.log.lines;
  const at = lines.findIndex((l) => MISSING_VALUE_ERROR.test(l.text));
  if (at < 1) return null;
  const error = lines[at]!;
  for (let i = at - 1; i >= Math.max(0, at - 1 - NEAR); i--) {
    const text = lines[i]!.text.trimEnd();
    if (!TRACE.test(text)) continue;
    const word = text.slice(text.lastIndexOf(' ') + 1);
    if (!VALUELESS_WORD.test(word)) return null;
    // A parser that names the option must name the one the trace left bare.
    const named = FLAG_NAMED.exec(error.text)?.[1];
    const last = FLAG_WORD.exec(word)?.[1];
    if (named && last && named !== last) return null;
    return { trace: lines[i]!, error };
  }
  return null;
};

export const tracedValuelessCommand = (ctx: RuleContext): Finding | null => {
  const found = valuelessTracedCommand(ctx);
  if (!found) return null;
  return finding(ctx, {
    ruleId: 'missing-env-var',
    category: 'missing_env_var',
    title: 'The traced command lost a value: the variable the script passes there expanded to nothing',
    // A script can also be written wrong; the trace showing the hole is what tips it to the variable.
    confidence: 0.66,
    evidence: [...logEvidence([found.trace, found.error]), ...statusEvidence(ctx)],
    steps: [
      `See which variables the container gets: ${kubectl.podSpec(ctx.target, '{.spec.containers[*].env[*].name} {.spec.containers[*].envFrom}')}`,
      'Read the script for the variable it passes after the traced key or option, and set it (or give the chart value it is rendered from)',
    ],
  });
};
