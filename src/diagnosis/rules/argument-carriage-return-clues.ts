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
