/**
 * A flag the program rejects although its own usage lists it: the argument carried an invisible
 * character, a carriage return from a CRLF start script most often ("--noinput\r"). Once the log's line
 * ends are normalised the CR is gone, and what is left is a parser saying "unrecognized arguments:
 * --noinput" right under a usage that offers "[--noinput]". The line-endings rule reads it; bad-command-args
 * steps back from it.
 */
import type { LogLine } from '../types.ts';

// The rejected flag must end the line: "unrecognized arguments: --noinput extra" names several items,
// and a listed flag among them proves nothing. argparse and optparse/Click ("no such option") print the
// argument raw, so quotes there were part of it ('"-w"', bad quoting, not a CR); getopt ("unrecognized
// option '--x'") and commander ("unknown option '--x'") quote the flag themselves.
const REJECTED_RAW_FLAG = /\b(?:unrecognized arguments?|[Nn]o such option): (-{1,2}[A-Za-z][\w-]{0,60})\.?[ \t]{0,4}$/;
const REJECTED_QUOTED_FLAG =
  /\b(?:unrecognized option|[Uu]nknown option|[Uu]nknown flag):? ['"‘`](-{1,2}[A-Za-z][\w-]{0,60})['"’`]\.?[ \t]{0,4}$/;
// A usage or help line: "usage: manage.py migrate [-h] [--noinput]", an indented continuation, or an
// option row ("  --noinput   Do not prompt").
const USAGE_OR_HELP = /^(?:\s{0,4}(?:[Uu]sage|USAGE):|\s)/;

const listsFlag = (text: string, flag: string): boolean => {
  let at = text.indexOf(flag);
  while (at >= 0) {
    const before = text[at - 1] ?? ' ';
    const after = text[at + flag.length] ?? ' ';
    if (/[\s[(|,]/.test(before) && /[\s\]),|=]/.test(after)) return true;
    at = text.indexOf(flag, at + flag.length);
  }
  return false;
};

/** The line that rejects a flag its own usage (printed just before) lists verbatim, if any. */
export const rejectedFlagListedInUsage = (lines: readonly LogLine[]): LogLine | undefined =>
  lines.find((line, index) => {
    const flag = (REJECTED_RAW_FLAG.exec(line.text) ?? REJECTED_QUOTED_FLAG.exec(line.text))?.[1];
    if (flag === undefined) return false;
    return lines
      .slice(Math.max(0, index - 40), index)
      .some((l) => USAGE_OR_HELP.test(l.text) && listsFlag(l.text, flag));
  });

// A parser that quoted an argument which was nothing but a carriage return: Click "Got unexpected extra
// argument (\r)", cobra 'unknown command "\r"', argparse "unrecognized arguments: \r". A CRLF script whose
// "\\\r" line continuation escaped the CR passes it as an argument of its own. Shown as the two
// characters \r (pasted), or split by the log scanner at the CR: the line ends on the opening bracket or
// quote and the next line is only the closing one.
const CR_ONLY_ARGUMENT = /(?:^|[\s(:=])[("'‘“`]\\r[)"'’”`]|\b(?:arguments?|options?|commands?): \\r\s{0,4}$/;
const PARSER_COMPLAINT =
  /\b(?:unexpected (?:extra )?arguments?|unrecognized (?:arguments?|options?)|unknown (?:command|option|argument|flag)|[Nn]o such (?:command|option)|invalid (?:argument|choice|option))\b[^\n("'‘“`]{0,40}[("'‘“`]\s{0,2}$/;
const CLOSING_ONLY = /^[)"'’”`][.,]?\s{0,4}$/;

export const carriageReturnOnlyArgument = (lines: readonly LogLine[]): LogLine | undefined =>
  lines.find(
    (line, index) =>
      CR_ONLY_ARGUMENT.test(line.text) ||
      (PARSER_COMPLAINT.test(line.text) && CLOSING_ONLY.test(lines[index + 1]?.text ?? '')),
  );

// A script's continued command broke at its "\": each following line ran as a command of its own, so
// the shell reports flags as commands ("start.sh: line 3: --backend-store-uri: command not found", dash
// "run.sh: 4: --port: not found"). A CRLF file is the usual reason (the backslash escapes the CR, not
// the newline); a blank after the backslash does the same. Two such lines at least.
const FLAG_RUN_AS_COMMAND =
  /^[\w./@+-]{1,300}: (?:line )?\d{1,5}: -{1,2}[A-Za-z][\w.-]{0,60}(?:=\S{0,200})?: (?:command )?not found\s{0,4}$/;

export const continuationFlagsRunAsCommands = (lines: readonly LogLine[]): LogLine[] =>
  lines.filter((line) => FLAG_RUN_AS_COMMAND.test(line.text));

/** Any clue that an argument the parser rejected was carried or made by a carriage return. */
export const carriageReturnArgumentClue = (lines: readonly LogLine[]): LogLine | undefined => {
  const flagsRun = continuationFlagsRunAsCommands(lines);
  return (
    rejectedFlagListedInUsage(lines) ??
    carriageReturnOnlyArgument(lines) ??
    (flagsRun.length >= 2 ? flagsRun[0] : undefined)
  );
};
