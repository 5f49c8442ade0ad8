/** command_not_found: the configured executable is not in the image or on PATH (exit 127). */
import { kubectl } from '../kubectl.ts';
import type { Rule, RuleContext } from '../rule.ts';
import { emptyExecTrace, entrypointHiddenByMount, execNoSuchFile, scriptNotFound } from './exec-clues.ts';
import { finding, hitEvidence, matchSignatures, type Signature, statusEvidence } from './log-helpers.ts';

// A carriage return in the name is a CRLF script, which its own rule names.
const CRLF = /\\r|\^M|^['’]:/;

const SIGNATURES: Signature[] = [
  {
    all: [/executable file not found in \$PATH|executable file not found in PATH/],
    confidence: 0.95,
    title: 'The command is not in the image or on PATH',
    // "npm run start" as one executable name is a quoting problem (bad_command_args).
    not: /\bexec: "[^"\s]+ [^"]+": executable/,
  },
  {
    all: [/\bsh: (?:\d+: |line \d+: )?[^\s:]+: (?:command )?not found\s*$/],
    confidence: 0.88,
    title: 'The shell cannot find a command',
    not: CRLF,
  },
  {
    all: [/: line \d+: [^\s:]+: (?:command )?not found\s*$/],
    confidence: 0.85,
    title: 'A script calls a command that is not installed',
    not: CRLF,
  },
  {
    all: [/\bexec: line \d+: [^\s:]+: not found/],
    confidence: 0.88,
    title: 'The entrypoint execs a command that is not installed',
    not: CRLF,
  },
  {
    all: [/^\/usr\/bin\/env: ['‘][^'’\s]+['’]: No such file or directory/],
    confidence: 0.85,
    title: 'The interpreter named by the script is not installed',
  },
  {
    all: [/\bstat [^\s:]+: no such file or directory/, /\bexec/],
    confidence: 0.75,
    title: 'The command path does not exist in the image',
  },
  {
    all: [/is not recognized as an internal or external command|The term '[^']+' is not recognized/],
    confidence: 0.85,
    title: 'The command is not installed',
  },
  {
    // supervisord: a [program:x] command path that is not in the image.
    all: [/spawnerr: can't find command '[^']{1,300}'/],
    confidence: 0.86,
    title: 'The supervisor cannot find a program it should start',
    // supervisord logs its own failures at INFO.
    warningIsEvidence: true,
  },
  {
    all: [/\bexec: [^\s:]+: not found/],
    confidence: 0.85,
    title: 'The entrypoint execs a command that is not installed',
    not: CRLF,
  },
];

const SET_X_TRACE = /^\+{1,3} [a-z]/;

const NAME = /(?:exec: "|sh: (?:\d+: |line \d+: )?|: line \d+: )([^\s:"]+)/;

/**
 * A shell's "not found" for a path outside the system bin dirs (/app/server) is as often a binary whose
 * libc loader is missing (glibc build on Alpine) as a file that is absent: not a confident answer.
 */
const OWN_PATH = /^\.?\/(?!(?:usr\/)?(?:local\/)?s?bin\/)/;

// Where each message names the missing program; bounded so every search stays linear.
const NAMED = [
  /\bexec: "([^"\s]{1,200})": executable file not found/,
  /^\/usr\/bin\/env: ['‘]([^'’\s]{1,200})['’]: No such file/,
  /\bstat ([^\s:]{1,200}): no such file/,
  /The term '([^'\s]{1,200})' is not recognized/,
  /^['"]?([^'"\s]{1,200})['"]? is not recognized as an internal/,
];
const NOT_FOUND = [': command not found', ': not found'];
// A program name or path: nothing a shell would expand, and no "=" (an env assignment is not a command).
const SAFE_NAME = /^[\w./+@-]{1,200}$/;

/** The missing program's name from the matched line ("psql: not found" -> psql), when it names one. */
export const missingCommandName = (text: string): string | undefined => {
  let name = NAMED.map((pattern) => pattern.exec(text)?.[1]).find((n) => n !== undefined);
  if (name === undefined) {
    // "…: psql: not found": the word before the suffix, found with string search (no backtracking).
    const at = NOT_FOUND.map((suffix) => text.lastIndexOf(suffix)).find((i) => i > 0);
    if (at !== undefined) {
      const before = text.slice(0, at);
      name = before.slice(Math.max(before.lastIndexOf(' '), before.lastIndexOf(':'), before.lastIndexOf('"')) + 1);
    }
  }
  return name !== undefined && SAFE_NAME.test(name) ? name : undefined;
};

// Single quotes: $PATH must expand in the pod's shell, not in the shell of whoever pastes the command.
const lookupSteps = (ctx: RuleContext, name = '<name>'): string[] => [
  `Check the command in the spec: ${kubectl.podSpec(ctx.target, '{.spec.containers[*].command} {.spec.containers[*].args}')}`,
  `Look for the executable in the image: ${kubectl.debugCopy(ctx.target, `sh -c 'echo $PATH; command -v ${name}'`)}`,
];

export const commandNotFound: Rule = {
  id: 'command-not-found',
  match: (ctx) => {
    const hit = matchSignatures(ctx, SIGNATURES, { status: true });
    const steps = lookupSteps(ctx, hit ? missingCommandName(hit.line.text) : undefined);
    const exit127 = ctx.exitCode === 127;
    if (hit) {
      const name = NAME.exec(hit.line.text)?.[1];
      const ownPath = name !== undefined && OWN_PATH.test(name) && !/executable file not found/.test(hit.line.text);
      // "-p: not found" or exec: "--config=/x": an argument landed where the program should be
      // (bad_command_args owns that).
      const flag = missingCommandName(hit.line.text)?.startsWith('-') === true || name?.startsWith('-') === true;
      // The program's path exists in the image but is hidden by a volume (missing_file), or the script
      // was found and launched, so its shebang is what is "not found" (script_crlf_line_endings).
      const notFound = scriptNotFound(ctx);
      const present =
        entrypointHiddenByMount(ctx) !== null || (notFound?.launched === true && notFound.line === hit.line);
      // Under a `set -x` trace the command word may come from a variable that expanded to something else.
      const traced = ctx.log.lines.some((l) => SET_X_TRACE.test(l.text));
      return finding(ctx, {
        ruleId: 'command-not-found',
        category: 'command_not_found',
        title: name ? `${hit.signature.title}: ${name}` : hit.signature.title,
        confidence:
          flag || present ? 0.4 : ownPath ? 0.58 : Math.min(traced ? 0.8 : 0.97, hit.confidence + (exit127 ? 0.05 : 0)),
        evidence: [...hitEvidence(hit), ...(exit127 ? statusEvidence(ctx) : [])],
        steps,
      });
    }
    if (!exit127) return null;
    // 127 from a CRLF script is that script's line endings, not a missing program.
    const crlf = ctx.log.lines.some((l) => CRLF.test(l.text));
    // "exec /path: no such file or directory" names a path that was found: its loader or interpreter is
    // what is missing (missing_shared_library, script_crlf_line_endings, missing_file own that reading).
    const execEnoent = execNoSuchFile(ctx) !== null;
    // A `set -x` trace showing an exec whose program expanded to nothing: the args or a variable are wrong.
    const emptyExec = emptyExecTrace(ctx) !== null;
    return finding(ctx, {
      ruleId: 'command-not-found',
      category: 'command_not_found',
      title: 'Exit 127: the command was not found',
      confidence: emptyExec ? 0.35 : crlf || execEnoent ? 0.4 : 0.65,
      evidence: statusEvidence(ctx),
      steps,
    });
  },
};
