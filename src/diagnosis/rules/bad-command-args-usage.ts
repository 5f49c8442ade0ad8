/**
 * bad_command_args from a usage banner: the program printed how it is meant to be called instead of
 * running. Many CLIs say "bad arguments" that way without naming the argument.
 */
import type { RuleContext } from '../rule.ts';
import type { Finding, LogLine } from '../types.ts';
import { finding, logEvidence, statusEvidence } from './log-helpers.ts';

const USAGE = /^\s{0,4}(?:[Uu]sage|USAGE)(?::|\s{0,4}$)/;
// docopt prints only its usage patterns when argv matches none: the banner and its indented lines. A
// full help page (urfave/cli, Cobra, clap) goes on with section headers ("DIR:", "Flags:", "OPTIONS:").
const USAGE_CONTINUATION = /^(?:\s|$|[A-Z][A-Za-z -]{0,40}:\s{0,4}$|Use "[^"\n]{1,100}" for more information)/;
const usageBlockEndsLog = (lines: readonly LogLine[], usage: LogLine): boolean =>
  lines.slice(lines.indexOf(usage) + 1).every((l) => USAGE_CONTINUATION.test(l.text));

// What may stand above a usage page that is the program's whole output: its name and version banner
// ("BusyBox v1.36.1 (2023-07-27) multi-call binary.", "osm2pgsql version 1.11.0"), a set -x trace.
const USAGE_PAGE_HEADER =
  /^(?:\s*$|\+{1,3} |[\w .()/:-]{0,80}\b(?:multi-call binary|[Vv]ersion:? v?\d{1,4}\.\d|v\d{1,4}\.\d{1,4}))/;
// A help page describes; it does not report. A line that reports an error, an unset value or a timestamped
// event means the usage came with (or after) another failure, which the other rules read.
const REPORTS_SOMETHING =
  /\b(?:[Ee]rror|ERROR|[Ff]atal|FATAL|[Pp]anic|PANIC|Exception|Traceback|[Ff]ailed|[Dd]enied|[Rr]efused|not set|must be (?:set|provided|specified)|is (?:required|missing|not defined)|[Nn]o such file|[Uu]nknown|[Ii]nvalid|[Uu]nrecognized)\b|^\[?\d{4}-\d\d-\d\d[ T]/;

/** The log is nothing but a usage page: a banner, the "usage:" line and help text that reports nothing. */
const usagePageIsWholeLog = (lines: readonly LogLine[], usage: LogLine): boolean => {
  const at = lines.indexOf(usage);
  const before = lines.slice(0, at);
  return (
    before.filter((l) => l.text.trim() !== '').length <= 2 &&
    before.every((l) => USAGE_PAGE_HEADER.test(l.text)) &&
    lines.slice(at + 1).every((l) => !REPORTS_SOMETHING.test(l.text))
  );
};

/**
 * A usage banner printed on exit 2 is how many CLIs say "bad arguments" without naming them. Start
 * scripts (kafka-server-start.sh, catalina.sh, many entrypoints) print only their usage and exit 1 when an
 * argument is missing: a usage banner that is the last thing in a failed log says the same. So does a log
 * that is only a usage page (BusyBox applets print "multi-call binary" and a help page; image run scripts
 * print "usage: <import|run>" and their commands), even with the exit code unknown: a help page asked
 * for on purpose is not a crash.
 */
// A synopsis printed without the word "usage" (getopt scripts print it on a GetoptError): the program's
// name, then its options with placeholders: "backend.py -s SSL enable -h [host] -p [port] -d [path]",
// "server -c <config> -p <port>", "tool [-v] [-f file] [-o dir]". Counted, not one pattern.
const SYNOPSIS_START = /^[\w.-]{1,60}\s{1,4}\[?-{1,2}[A-Za-z]/;
const OPTION_PLACEHOLDER = /(?:^|\s)-{1,2}[A-Za-z][\w-]{0,30}\s{1,4}(?:\[[^[\]\n]{1,80}\]|<[^<>\n]{1,80}>)/g;
const BRACKETED_OPTION = /\[-{1,2}[A-Za-z][^[\]\n]{0,60}\]/g;
const countOf = (pattern: RegExp, text: string): number => text.match(pattern)?.length ?? 0;

/** The log is a bare synopsis (at most three lines, nothing else reported) and the program failed. */
const bareSynopsis = (ctx: RuleContext, steps: string[]): Finding | null => {
  if (ctx.exitCode === 0 || ctx.exitCode === null) return null;
  const lines = ctx.log.lines.filter((l) => l.text.trim() !== '');
  if (lines.length === 0 || lines.length > 3) return null;
  const synopsis = lines.find(
    (l) =>
      SYNOPSIS_START.test(l.text) &&
      (countOf(OPTION_PLACEHOLDER, l.text) >= 2 || countOf(BRACKETED_OPTION, l.text) >= 3),
  );
  if (!synopsis || lines.some((l) => l !== synopsis && REPORTS_SOMETHING.test(l.text))) return null;
  return finding(ctx, {
    ruleId: 'bad-command-args',
    category: 'bad_command_args',
    title: `The program printed only its synopsis and exited ${ctx.exitCode}: its arguments are wrong`,
    confidence: ctx.exitCode === 2 ? 0.62 : 0.55,
    evidence: [...logEvidence([synopsis]), ...statusEvidence(ctx)],
    steps,
  });
};

export const usageBanner = (ctx: RuleContext, steps: string[]): Finding | null => {
  if (ctx.exitCode === 0) return null;
  const usage = ctx.log.lines.find((l) => USAGE.test(l.text));
  if (!usage) return bareSynopsis(ctx, steps);
  const page = usagePageIsWholeLog(ctx.log.lines, usage);
  if (ctx.exitCode === null && !page) return null;
  const lastLines = ctx.log.lines.slice(-3);
  if (ctx.exitCode !== 2 && !lastLines.includes(usage) && !usageBlockEndsLog(ctx.log.lines, usage) && !page)
    return null;
  return finding(ctx, {
    ruleId: 'bad-command-args',
    category: 'bad_command_args',
    title:
      ctx.exitCode === null
        ? 'The program printed only its usage: its arguments are wrong'
        : `The program printed its usage and exited ${ctx.exitCode}: its arguments are wrong`,
    confidence: ctx.exitCode === 2 ? 0.65 : ctx.exitCode === null ? 0.55 : 0.6,
    evidence: [...logEvidence([usage]), ...statusEvidence(ctx)],
    steps,
  });
};
