/** command_not_found: the configured executable is not in the image or on PATH (exit 127). */
import { clip } from '../format.ts';
import { kubectl } from '../kubectl.ts';
import type { Rule, RuleContext } from '../rule.ts';
import {
  emptyExecTrace,
  entrypointHiddenByMount,
  execNoSuchFile,
  SUBCOMMAND_RUN_AS_PROGRAM,
  shellPathNotFound,
} from './exec-clues.ts';
import { COMMAND_LINE_AS_ONE_EXEC_NAME, DOTNET_APP_ASSEMBLY_MISSING, launchFailure } from './exec-launch-clues.ts';
import { finding, hitEvidence, logEvidence, matchSignatures, type Signature, statusEvidence } from './log-helpers.ts';
import { runsAsNonRoot } from './spec-helpers.ts';

// A carriage return in the name is a CRLF script, which its own rule names.
const CRLF = /\\r|\^M|^['’]:/;

// Per-user install locations (pip --user, npm prefix, gem --user-install, cargo, pipx) under a home.
const USER_LOCAL_BIN = /(?:\/root|\/home\/[\w.-]{1,60})\/\.(?:local|npm-global|gem|cargo|yarn)\/bin\b/;

const SIGNATURES: Signature[] = [
  {
    all: [/executable file not found in \$PATH|executable file not found in PATH/],
    confidence: 0.95,
    title: 'The command is not in the image or on PATH',
    // "npm run start" as one executable name is a quoting problem (bad_command_args).
    not: COMMAND_LINE_AS_ONE_EXEC_NAME,
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
    // "env: ‘node\r’": the shebang ends in a carriage return (script_crlf_line_endings), node is there.
    not: CRLF,
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
  {
    // Shells and runners that put the name last: zsh "command not found: foo", bundler "bundler: command
    // not found: puma", poetry "Command not found: uvicorn", yarn berry; and PATH searches that say so:
    // pdm "Command 'x' is not found in your PATH", crun "executable file `x` not found in $PATH".
    all: [/\b[Cc]ommand not found: [^\s:]{1,200}\s*$|\bnot found in (?:your |the )?\$?PATH\b/],
    confidence: 0.86,
    title: 'The command is not installed in the image',
    // A CRLF name is the script's line endings; "npm run start" as one name is a quoting problem (quotes
    // inside the name come escaped, as in COMMAND_LINE_AS_ONE_EXEC_NAME).
    not: /\\r|\^M|^['’]:|\bexec: "[^"\s\\]{1,200} (?:[^"\\\n]|\\.){1,400}": executable/,
  },
  {
    // bash, ksh and sudo put the shell's name first: "bash: foo: command not found".
    all: [
      /^(?:\/(?:usr\/)?bin\/)?(?:bash|ksh|mksh|sudo): [^\s:]{1,200}: (?:command )?not found\s*$|^fish: Unknown command:? /,
    ],
    confidence: 0.86,
    title: 'The shell cannot find a command',
    not: CRLF,
  },
  {
    // Language launchers that looked the tool up and found nothing: the .NET CLI (a dotnet-ef tool or an
    // SDK command in a runtime-only image), pipenv, npx, pnpm exec, uv run.
    all: [
      /Could not execute because the specified command or file was not found|\bNo executable found matching command "|\bthe command [^\s]{1,200} could not be found within PATH|\bcould not determine executable to run|ERR_PNPM_RECURSIVE_EXEC_FIRST_FAIL[^\n]{0,100} Command "[^"]{1,200}" not found|\bFailed to spawn: [`'"]?[\w.+@-]{1,200}/,
    ],
    confidence: 0.86,
    title: 'The tool the command runs is not installed in the image',
  },
  {
    // The .NET muxer with no SDK in the image: "dotnet ef" is taken for an app named "ef". An app path
    // (app.dll) that does not exist is a missing file instead, and an application named "dotnet" is the
    // host repeated in args (bad_command_args), as are "run" and "watch": the dev-time verbs that start an
    // app from source, where a runtime image starts the published .dll.
    all: [/\bThe application '(?!(?:dotnet|run|watch)')[^'./\\]{1,100}' does not exist/],
    confidence: 0.8,
    title: 'The command needs the .NET SDK, which the runtime image does not have',
  },
  {
    // podman/crun: the runtime's own words for an executable that is not there.
    all: [/OCI runtime attempted to invoke a command that was not found/],
    confidence: 0.9,
    title: 'The command is not in the image or on PATH',
  },
  {
    all: [/^which: no [^\s]{1,200} in \(/],
    confidence: 0.72,
    title: 'A command the container needs is not on PATH',
  },
  {
    // A library that drives an external program looked for it and found nothing (a slimmer base image
    // dropped it): pdfkit "No wkhtmltopdf executable found", imageio "No ffmpeg exe could be found",
    // pytesseract "tesseract is not installed or it's not in your PATH", Selenium "'chromedriver'
    // executable needs to be in PATH", pdf2image "Is poppler installed and in PATH?", fluent-ffmpeg
    // "Cannot find ffmpeg". A missing Python/Node module is missing_dependency's reading.
    all: [
      /\bNo [\w.+-]{1,40} (?:executable|exe|binary) (?:could be |was )?found\b|\bis not installed or it'?s not in your PATH\b|\bexecutable needs to be in PATH\b|\bIs [\w.+-]{1,40} installed and in PATH\b|\bCannot find (?:ffmpeg|ffprobe)\b/,
    ],
    confidence: 0.8,
    title: 'A program the app runs (a helper binary its library drives) is not installed in the image',
  },
];

const SET_X_TRACE = /^\+{1,3} [a-z]/;

const NAME = /(?:exec: "|sh: (?:\d+: |line \d+: )?|: line \d+: )([^\s:"]+)/;

/**
 * A shell's "not found" for a path outside the system bin dirs (/app/server, bin/migrate) is as often a
 * binary whose libc loader is missing (glibc build on Alpine) or a script whose shebang is broken (CRLF)
 * as a file that is absent: a path is run as given, never looked up on PATH. Not a confident answer.
 */
const OWN_PATH = /^(?!\/(?:usr\/)?(?:local\/)?s?bin\/)[\w.@+-]{0,200}\//;

// Where each message names the missing program; bounded so every search stays linear.
const NAMED = [
  /\bexec: "([^"\s]{1,200})": executable file not found/,
  /^\/usr\/bin\/env: ['‘]([^'’\s]{1,200})['’]: No such file/,
  /\bstat ([^\s:]{1,200}): no such file/,
  /The term '([^'\s]{1,200})' is not recognized/,
  /^['"]?([^'"\s]{1,200})['"]? is not recognized as an internal/,
  /\b[Cc]ommand not found: ([^\s:]{1,200})\s*$/,
  /\bexecutable file [`'"]([^`'"\s]{1,200})[`'"] not found/,
  /\b[Cc]ommand ['"]([^'"\s]{1,200})['"] is not found/,
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
      // A subcommand word ("server", "worker") run as the program is the same mistake one word later.
      const flag =
        missingCommandName(hit.line.text)?.startsWith('-') === true ||
        name?.startsWith('-') === true ||
        SUBCOMMAND_RUN_AS_PROGRAM.test(hit.line.text);
      // The program's path exists in the image but is hidden by a volume (missing_file), or the script
      // was found and launched, so its shebang is what is "not found" (script_crlf_line_endings).
      const notFound = shellPathNotFound(ctx);
      // ... or the program is the .NET host, which is there: the app assembly it was given is not.
      const present =
        entrypointHiddenByMount(ctx) !== null ||
        (notFound?.launched === true && notFound.line === hit.line) ||
        ctx.log.lines.some((l) => DOTNET_APP_ASSEMBLY_MISSING.test(l.text));
      // Under a `set -x` trace the command word may come from a variable that expanded to something else.
      const traced = ctx.log.lines.some((l) => SET_X_TRACE.test(l.text));
      // A program installed under a home directory (pip --user, npm/gem/cargo per-user bins) into
      // /root/.local/bin is on the image's PATH but not searchable by a non-root user: the lookup fails
      // like a missing program though the file exists (exec_permission_denied). The log cannot show it;
      // a non-root user in the spec, or a per-user bin directory in the log, makes "not installed" less sure.
      const userLocal =
        /executable file not found/.test(hit.line.text) &&
        (runsAsNonRoot(ctx) || ctx.log.lines.some((l) => USER_LOCAL_BIN.test(l.text)));
      return finding(ctx, {
        ruleId: 'command-not-found',
        category: 'command_not_found',
        title: name ? `${hit.signature.title}: ${name}` : hit.signature.title,
        confidence:
          flag || present
            ? 0.4
            : ownPath
              ? 0.58
              : Math.min(traced || userLocal ? 0.8 : 0.97, hit.confidence + (exit127 ? 0.05 : 0)),
        evidence: [...hitEvidence(hit), ...(exit127 ? statusEvidence(ctx) : [])],
        steps,
      });
    }
    // The app or a wrapper started a program and got ENOENT: a bare name was looked up on PATH and is
    // not installed. A path may exist with a broken interpreter or loader (CRLF, musl), which the
    // exec-time readings weigh: here it is only an alternative.
    const launch = launchFailure(ctx);
    if (launch && !launch.denied) {
      const bare = !launch.program.includes('/');
      return finding(ctx, {
        ruleId: 'command-not-found',
        category: 'command_not_found',
        title: bare
          ? `The program ${launch.program} is not installed in the image (starting it failed: no such file)`
          : `Starting ${launch.program} failed with "no such file": it, or its interpreter, is not in the image`,
        confidence: bare ? 0.86 : 0.4,
        evidence:
          launch.line.line > 0
            ? [...logEvidence([launch.line]), ...statusEvidence(ctx)]
            : [{ line: null, text: clip(launch.line.text, 300), source: 'status' }],
        steps: lookupSteps(ctx, SAFE_NAME.test(launch.program) ? launch.program : undefined),
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
