/**
 * script_crlf_line_endings: a shell script saved with Windows line endings. The shell sees "bash\r" or
 * "set -e\r", so the shebang is "not found", options are illegal, or $'\r' is an unknown command.
 */
import { kubectl } from '../kubectl.ts';
import type { Rule, RuleContext } from '../rule.ts';
import type { LogLine } from '../types.ts';
import {
  carriageReturnOnlyArgument,
  continuationFlagsRunAsCommands,
  rejectedFlagListedInUsage,
} from './argument-carriage-return-clues.ts';
import { execNoSuchFile, sameNameSuggested, shellPathNotFound } from './exec-clues.ts';
import { finding, hitEvidence, logEvidence, matchSignatures, type Signature } from './log-helpers.ts';
import { CRLF_REPORT_SIGNATURES } from './script-crlf-line-endings-reports.ts';

// dash running the command string of `sh -c` reports its errors at line 1 under its own name; busybox
// ash names no line for the command string ("sh: ./run.sh: not found"), only inside a script file.
const SH_C_COMMAND_STRING = /^(?:\/(?:usr\/)?bin\/)?(?:sh|dash): (?:1: |\.{0,2}\/)/;

const SIGNATURES: Signature[] = [
  ...CRLF_REPORT_SIGNATURES,
  // The scanner renders a CR inside a short shell error as the two characters \r: "set: -\r: invalid option".
  // A program the script ran with a CR-ended argument reports it too: Go "open /etc/app.yaml\r: no such
  // file or directory". GNU env quotes the program with typographic quotes: "env: ‘node\r’: No such file".
  {
    all: [/\$'\\r'|\\r['’]|\\r: (?:invalid option|[Nn]o such file|not found|command not found|bad interpreter)/],
    confidence: 0.95,
    title: "A shell script has Windows line endings ($'\\r')",
  },
  { all: [/\^M\b|\^M:/], confidence: 0.93, title: 'A shell script has Windows line endings (^M)' },
  // A log read elsewhere (or a longer tail after the CR) may still arrive split at the CR: the second
  // part then starts with the quote or colon that followed it.
  {
    all: [
      /^['’]: (?:[Nn]o such file or directory|not found|command not found|invalid option|bad interpreter)|^: (?:invalid option(?: name)?|[Nn]o such file or directory)\s*$/,
    ],
    confidence: 0.9,
    title: 'A shell script has Windows line endings (a stray carriage return)',
  },
  // Printed to a terminal or a log viewer that honours the CR, the shell's message after the CR
  // overwrites the start of the line: ": invalid option namee 2: set: pipefail" is "script.sh: line 2:
  // set: pipefail\r: invalid option name" rewritten from column 0. No shell starts a message with ": ".
  {
    all: [
      /^: (?:invalid option(?: name)?|command not found|No such file or directory|not found|bad interpreter|syntax error)[^\n]{0,200}\b(?:set|line \d{1,5}|sh|bash):? /,
    ],
    confidence: 0.9,
    title: 'A shell script has Windows line endings (a carriage return rewrote the start of the line)',
  },
  // The same overwrite when the shell's words are shorter than the prefix they cover: the leftover letters
  // stay glued to the last word (": invalid option namet: pipefail" from "start.sh: line 3: set:
  // pipefail\r: invalid option name"), or the line still names a `set -o` option after them. A shell's
  // own message never starts with ": " nor glues letters to "name" or "found".
  {
    all: [
      /^: (?:invalid option name|command not found|bad interpreter)[a-z]{1,40}(?::|\s|$)|^: invalid option(?: name)?[^\n]{0,200}\b(?:pipefail|errexit|nounset|xtrace|errtrace|noclobber|posix)\b/,
    ],
    confidence: 0.9,
    title: 'A shell script has Windows line endings (a carriage return rewrote the start of the line)',
  },
  // A script's argument carried the CR to the program, which quotes it: Config file "/config/app.conf\r"
  // not found. Only a path-like word directly before the \r and the closing quote.
  {
    all: [/[\w./-]\\r["'’”`]/],
    confidence: 0.88,
    title: 'A shell script has Windows line endings (an argument ends in a carriage return)',
  },
  {
    all: [/\bset: (?:line )?\d+: (?:illegal|invalid) option -$|\bset: (?:line )?\d+: [Ii]llegal option -\s*$/],
    confidence: 0.9,
    title: 'A shell script has Windows line endings ("set: illegal option -")',
  },
  {
    all: [/\bset: [Ii]llegal option -\s*$|\bset: -\s*: invalid option/],
    confidence: 0.88,
    title: 'A shell script has Windows line endings ("set: illegal option -")',
  },
  // Pasted from a terminal, the carriage return shows as a blank before the colon: "#!/bin/bash -e\r"
  // gives "/bin/bash: - : invalid option", "#!/bin/sh\r" gives "/bin/sh : bad interpreter", and
  // "#!/usr/bin/env python3\r" gives "env: 'python3 ': No such file".
  {
    all: [
      /\b[a-z]{0,4}sh: -\s{1,2}: invalid option|[\w.]\s: bad interpreter|\benv: ['‘][^'’\s]{1,100}\s['’]: No such file/,
    ],
    confidence: 0.9,
    title: 'A shell script has Windows line endings (a carriage return shown as a blank)',
  },
  // A runtime that turns the CR-ended argument into a URL percent-encodes it: Deno "Module not found
  // \"file:///app/main.ts%0D\"", a fetch of "http://host/path%0D". Only directly after a path character.
  {
    all: [/[\w/-]%0[Dd](?:%0[Aa])?(?:["'’”`)\s]|$)/],
    confidence: 0.88,
    title: 'A shell script has Windows line endings (a path ends in an encoded carriage return, %0D)',
  },
  // A supervisor (supervisord, s6, runit) that exec'd a script which exists (it checks before it spawns)
  // and got ENOENT: the kernel did not find the interpreter, a CRLF shebang ("/bin/bash\r") most often.
  {
    all: [
      /\bcouldn't exec [^\s:]{1,300}\.(?:sh|bash|py|pl|rb): ENOENT|\bunable to exec [^\s:]{1,300}\.(?:sh|bash): No such file/,
    ],
    confidence: 0.72,
    title: 'A supervised script exists but could not be executed: a CRLF shebang is the usual cause',
    warningIsEvidence: true,
  },
  // A directory runner (Debian run-parts, busybox run-parts, cron.d-style hook runners of the images'
  // initdb.d/entrypoint.d folders) execs only the files it just listed, so an ENOENT from that exec is
  // the kernel missing the interpreter of a file that exists: a "#!/bin/bash\r" CRLF shebang most often,
  // an interpreter absent from the image the runner-up.
  {
    all: [
      /\brun-parts: (?:failed to exec|can't execute|unable to exec(?:ute)?) ['‘]?\/[^\s:'’]{1,300}['’]?: No such file or directory/,
    ],
    confidence: 0.75,
    title: 'A hook script the runner listed could not be executed: a CRLF shebang is the usual cause',
  },
  {
    // The app itself started a script by its absolute path and got ENOENT: Java "Cannot run program
    // \"/opt/app/bin/init.sh\": error=2", Node "spawn /app/hooks/run.sh ENOENT", Go "fork/exec
    // /app/x.sh: no such file or directory", Perl, .NET. A path the app's own code names was most often
    // shipped with the image, and a script that is there but whose "#!/bin/sh\r" interpreter is not
    // returns the same errno: a CRLF shebang first, a script left out of the image the runner-up.
    all: [
      /\bCannot run program "\/[^"]{0,300}\.(?:sh|bash|py|pl|rb)"(?: \(in directory "[^"]{0,300}"\))?: error=2,|\bspawn(?:Sync)? \/[^\s]{0,300}\.(?:sh|bash|py|pl|rb) ENOENT\b|\bfork\/exec \/[^\s:]{0,300}\.(?:sh|bash|py|pl|rb): no such file or directory|\bCan't exec "\/[^"]{0,300}\.(?:sh|bash|py|pl|rb)": No such file|\btrying to start process '\/[^']{0,300}\.(?:sh|bash|py|pl|rb)'(?: with working directory '[^']{0,300}')?\. No such file or directory/,
    ],
    confidence: 0.62,
    title: 'The app could not start a script that it names by path: a CRLF shebang is the usual cause',
  },
  {
    all: [/bad interpreter: No such file or directory/],
    confidence: 0.75,
    title: "The script's interpreter line is broken (often CRLF line endings)",
  },
  {
    // dash (Debian's /bin/sh) on a CRLF script: "do\r" and "then\r" are plain words, not keywords, so a
    // for/while loop reports 'Syntax error: word unexpected (expecting "do")' and an if runs to the end
    // of the file still expecting its "then" or "fi". A genuine typo gives the same, so not certain.
    all: [
      /\bSyntax error: word unexpected \(expecting "(?:do|then|in)"\)|\bSyntax error: end of file unexpected \(expecting "(?:do|done|then|fi|esac)"\)/,
    ],
    confidence: 0.72,
    title: 'A shell script does not parse under dash (CRLF line endings turn keywords into words)',
  },
  {
    // Pasted from a terminal, a program's message about a CR-ended argument ('/app/server.js\r') has its
    // closing quote written at column 0 over the first letter: "'rror: Cannot find module '/app/server.js".
    // No program starts a message with a quote and a beheaded "Error", "Fatal" or "Exception".
    all: [/^['"’`](?:rror|RROR|atal|ATAL|xception|anic)\b/],
    confidence: 0.9,
    title: 'A shell script has Windows line endings (a carriage return rewrote the start of the line)',
  },
  {
    // The same overwrite where the program quoted a CR-ended argument mid-sentence: Prisma's
    // ' Unknown command "deploy\r"' shows as '" Unknown command "deploy', the closing quote at column 0
    // and the opening one left unclosed before the last word. Exactly two quotes of one kind, the second
    // directly before a word that ends the line: no message is written that way.
    all: [/^"[^"\n]{1,200}[\s:=(]"[\w./:@-]{1,200}\s{0,4}$|^'[^'\n]{1,200}[\s:=(]'[\w./:@-]{1,200}\s{0,4}$/],
    confidence: 0.84,
    title: 'A shell script has Windows line endings (a carriage return rewrote the start of the line)',
  },
  {
    // Ruby ends an uncaught exception's line with its class: "...rb_sysopen - config/puma.rb\r (Errno::ENOENT)".
    // The CR sends " (Errno::ENOENT)" to column 0 over the start of the same line, leaving it glued to the
    // rest of a path (" (Errno::ENOENT)e/gems/puma-6.4.2/..."). Ruby never starts a line with the class.
    all: [/^ \((?:Errno::E[A-Z0-9]{2,15}|[A-Z][\w:]{1,120}(?:Error|Exception))\)[\w./]/],
    confidence: 0.88,
    title: 'A shell script has Windows line endings (a carriage return rewrote the start of the line)',
  },
  {
    all: [/syntax error: unexpected end of file/],
    confidence: 0.5,
    title: 'A shell script ends unexpectedly (often CRLF line endings)',
  },
];

// A shell prefixes its errors with the script's path ("/app/entrypoint.sh: line 2: ..."); the shell's
// own path (/bin/sh: 1: ...) names no script.
const SCRIPT_PREFIX = /^((?:\/|\.\/)[\w./@+-]{1,300}): /;
const SHELL = /^\/(?:usr\/)?(?:local\/)?bin\/(?:[a-z]{0,4}sh|env)$/;
const SAFE_PATH = /^\.?\/[\w./@+-]{1,300}$/;

const scriptIn = (lines: readonly LogLine[]): string | undefined =>
  lines.map((l) => SCRIPT_PREFIX.exec(l.text)?.[1]).find((path) => path !== undefined && !SHELL.test(path));

const stepsFor = (ctx: RuleContext, script = '/path/to/entrypoint.sh'): string[] => [
  `Check the entrypoint for CR characters: ${kubectl.debugCopy(ctx.target, `sh -c 'head -1 ${script} | od -c'`)}`,
  'Convert it to LF (dos2unix) and add "*.sh text eol=lf" to .gitattributes, then rebuild the image',
];

export const scriptCrlfLineEndings: Rule = {
  id: 'script-crlf-line-endings',
  match: (ctx) => {
    const hit = matchSignatures(ctx, SIGNATURES, { status: true });
    const exec = hit ? null : execNoSuchFile(ctx);
    const script = hit ? scriptIn([hit.line, ...hit.lines]) : exec?.path || undefined;
    const steps = stepsFor(ctx, script !== undefined && SAFE_PATH.test(script) ? script : undefined);
    if (hit) {
      return finding(ctx, {
        ruleId: 'script-crlf-line-endings',
        category: 'script_crlf_line_endings',
        title: hit.signature.title,
        confidence: hit.confidence,
        evidence: hitEvidence(hit),
        steps,
      });
    }
    // A script that the entrypoint found and launched, then "not found": its interpreter line is
    // broken, CRLF most often (an interpreter missing from the image prints the same). A path without a
    // script's extension is read as a script only in dash's numbered format (Debian's sh, where a glibc
    // binary has its loader): busybox on a musl image says the same of a glibc binary whose loader is
    // missing, which missing-shared-library reads.
    const notFound = exec ? null : shellPathNotFound(ctx);
    if (notFound && (notFound.script || notFound.dash)) {
      return finding(ctx, {
        ruleId: 'script-crlf-line-endings',
        category: 'script_crlf_line_endings',
        title: notFound.launched
          ? `${notFound.path} exists but the shell cannot run it: a CRLF shebang is the usual cause`
          : `The shell cannot run ${notFound.path}: if the script exists, a CRLF shebang is the usual cause`,
        // `sh -c` from the spec (dash's "sh: 1: ") naming a script (.sh, .py...) it could not find: the
        // spec's author named a script built into the image, and a CRLF shebang ("/bin/bash\r" not found)
        // is more often the reason than a script left out, which command-not-found keeps as the close
        // second reading. An entrypoint's own call ("/entrypoint.sh: 12: ...") may name an optional file.
        confidence: notFound.launched
          ? 0.7
          : notFound.script && SH_C_COMMAND_STRING.test(notFound.line.text)
            ? 0.6
            : 0.45,
        evidence: logEvidence([notFound.line]),
        steps: stepsFor(ctx, SAFE_PATH.test(notFound.path) ? notFound.path : undefined),
      });
    }
    // A lone CR passed as an argument, and continuation lines run as commands: a "\\" that escaped a CR.
    const crOnly = exec ? undefined : carriageReturnOnlyArgument(ctx.log.lines);
    const flagsRun = exec ? [] : continuationFlagsRunAsCommands(ctx.log.lines);
    if (crOnly || flagsRun.length >= 2) {
      return finding(ctx, {
        ruleId: 'script-crlf-line-endings',
        category: 'script_crlf_line_endings',
        title: crOnly
          ? 'A program was given a bare carriage return as an argument: the start script has CRLF line endings'
          : 'Continued lines of a script ran as commands of their own: CRLF line endings break the "\\"',
        confidence: crOnly && flagsRun.length > 0 ? 0.92 : crOnly ? 0.86 : 0.78,
        evidence: logEvidence([...(crOnly ? [crOnly] : []), ...flagsRun.slice(0, 3)]),
        steps: stepsFor(ctx, scriptIn(flagsRun) ?? undefined),
      });
    }
    const suggested = exec ? undefined : sameNameSuggested(ctx.log.lines);
    if (suggested) {
      return finding(ctx, {
        ruleId: 'script-crlf-line-endings',
        category: 'script_crlf_line_endings',
        title: 'A name was rejected and the same name suggested: it carried an invisible carriage return (CRLF script)',
        confidence: 0.8,
        evidence: logEvidence([suggested]),
        steps,
      });
    }
    const listed = exec ? undefined : rejectedFlagListedInUsage(ctx.log.lines);
    if (listed) {
      return finding(ctx, {
        ruleId: 'script-crlf-line-endings',
        category: 'script_crlf_line_endings',
        title: 'A flag its own usage lists was rejected: it carried an invisible carriage return (CRLF script)',
        confidence: 0.78,
        evidence: logEvidence([listed]),
        steps,
      });
    }
    // "exec /entrypoint.sh: no such file or directory" for a script that exists: CRLF in the shebang
    // is the usual reason, but a missing interpreter or file prints the same.
    if (!exec) return null;
    return finding(ctx, {
      ruleId: 'script-crlf-line-endings',
      category: 'script_crlf_line_endings',
      title: 'The entrypoint could not be executed: if it is a script, a CRLF shebang is the usual cause',
      confidence: exec.readings.crlf,
      evidence:
        exec.line.line > 0 ? logEvidence([exec.line]) : [{ line: null, text: exec.line.text, source: 'status' }],
      steps,
    });
  },
};
