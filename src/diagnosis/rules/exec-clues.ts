/**
 * How an exec went wrong, read from the log, the status message and start-failure events (not a rule
 * itself). Several rules weigh the same clue differently: an exec-time "no such file" may be a CRLF
 * script, a missing loader or a missing file; a "not found" script may exist with a broken shebang.
 * Each rule imports the clue from here, so no rule reads another rule's file.
 */
import type { RuleContext } from '../rule.ts';
import type { LogLine } from '../types.ts';
import { statusLines } from './log-helpers.ts';
import { carriageReturnArgumentClue } from './argument-carriage-return-clues.ts';

/** The exec-time "no such file or directory": the file may exist while its interpreter or loader does not. */
export interface ExecNoSuchFile {
  line: LogLine;
  /** The path being executed, when the message names it. */
  path: string;
  /** A script (by extension) rather than a binary. */
  script: boolean;
  /** How much each reading deserves, from every clue there is (script or binary, base image, venv). */
  readings: { crlf: number; library: number; file: number };
}

// A script copied with its shebang pointing at a build-time path (a venv, node_modules/.bin).
const MOVED_SHEBANG = /\/\.?venv\/bin\/|\/node_modules\/\.bin\/|\/site-packages\//;
const ALPINE = /alpine|musl|distroless|scratch|busybox/i;

const readingsFor = (ctx: RuleContext, path: string, script: boolean): ExecNoSuchFile['readings'] => {
  if (MOVED_SHEBANG.test(path)) return { file: 0.58, crlf: 0.35, library: 0.2 };
  // The base image shows in pull events and in the spec: a binary on a musl/static base lacks its loader.
  const images = [ctx.container?.image ?? '', ...ctx.events.map((e) => e.message)].join(' ');
  const minimalBase = ALPINE.test(images);
  // Unnamed ("exec user process caused: no such file"): a cgo/glibc binary or a CRLF script, near evenly.
  if (path === '') return { library: minimalBase ? 0.55 : 0.45, crlf: 0.42, file: 0.3 };
  if (script) return { crlf: 0.55, file: minimalBase ? 0.5 : 0.42, library: 0.2 };
  return { library: minimalBase ? 0.62 : 0.55, file: 0.42, crlf: 0.25 };
};

// Names that are conventionally given to shell scripts rather than compiled programs, even without an
// extension: entrypoints, wrappers, launchers, start/run scripts (jenkins-agent-wrapper, start-server).
const SCRIPT_NAME = /(?:^|[._-])(?:entrypoint|wrapper|launcher|startup|bootstrap)(?:[._-]|$)|^(?:start|run)(?:[._-]|$)/;

const EXEC_ENOENT = [
  /exec user process caused:? "?no such file or directory/,
  /\bexec (?:\/|\.\/)?[\w.-][^\s:]{0,300}: no such file or directory/,
  /\bexec: "[^"]+": no such file or directory/,
  // tini / dumb-init
  /\bexec (?:\/|\.\/)[^\s]+ failed: No such file or directory/,
  // bash 5.1+: the file is there, its interpreter or loader is not.
  /: cannot execute: required file not found/,
];
const AFTER_EXEC = /\bexec:? "?(?!user process)/;
const REQUIRED_FILE = ': cannot execute: required file';
const PATH_TOKEN = /^(?:\.?\/)?[\w.-]/;

/** The path an exec error names, found with string search so no pattern rescans the line. */
const execPath = (text: string): string => {
  const at = text.indexOf(REQUIRED_FILE);
  if (at > 0) {
    const before = text.slice(0, at);
    const token = before.slice(before.lastIndexOf(' ') + 1);
    return /^\.?\//.test(token) ? token.slice(0, 300) : '';
  }
  const found = AFTER_EXEC.exec(text);
  if (!found) return '';
  const token = text.slice(found.index + found[0].length).split(/[\s:"]/, 1)[0] ?? '';
  return PATH_TOKEN.test(token) ? token.slice(0, 300) : '';
};

export const execNoSuchFile = (ctx: RuleContext): ExecNoSuchFile | null => {
  const lines = [...ctx.log.lines, ...statusLines(ctx)];
  for (const line of lines) {
    if (!EXEC_ENOENT.some((pattern) => pattern.test(line.text))) continue;
    // "stat /x: no such file" means the file itself is missing: that is not this ambiguous case.
    if (/\bstat [^\s:]+: no such file/.test(line.text)) continue;
    const path = execPath(line.text);
    const script = /\.(?:sh|bash|py|rb|pl)$/.test(path) || SCRIPT_NAME.test(path.slice(path.lastIndexOf('/') + 1));
    return { line, path, script, readings: readingsFor(ctx, path, script) };
  }
  return null;
};

/**
 * A `set -x` trace whose exec lost its program to an empty expansion: `+ exec` or `+ exec ''` (no
 * command at all: the script's "$@" was empty) or `+ exec --flag ...` (the variable that held the
 * program was empty, so the first argument became the command).
 */
export interface EmptyExec {
  line: LogLine;
  kind: 'nothing' | 'flags-only';
}

const TRACE_EXEC = /^\+{1,4} exec(?: (.{0,400}))?$/;

export const emptyExecTrace = (ctx: RuleContext): EmptyExec | null => {
  const lines = ctx.log.lines;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    const match = TRACE_EXEC.exec(line.text.trimEnd());
    if (!match) continue;
    const rest = (match[1] ?? '').trim();
    if (rest === '' || rest === "''" || rest === '""') return { line, kind: 'nothing' };
    if (rest.startsWith('-')) return { line, kind: 'flags-only' };
    return null;
  }
  return null;
};

// The runtime's exec of an absolute path that is not in the container's filesystem at all.
const EXEC_STAT_ENOENT = /\bexec: "(\/[^"\s]{1,300})": stat \/[^\s:]{1,300}: no such file or directory/;
// A volume attached or mounted for the pod: the usual way a directory of the image gets hidden.
const VOLUME_EVENT = /\bAttachVolume\.Attach succeeded|\bMountVolume\.SetUp succeeded/;
const SYSTEM_BIN = /^\/(?:usr\/)?(?:local\/)?s?bin\//;

export interface HiddenEntrypoint {
  path: string;
  /** The status message or start-failure event that reports the exec failure. */
  text: string;
  /** The mount over the entrypoint's directory, when the container spec is known. */
  mountPath?: string;
}

const under = (path: string, dir: string): boolean => path.startsWith(dir.endsWith('/') ? dir : `${dir}/`);

/**
 * The entrypoint is absent because a volume is mounted over its directory (an empty PVC at /app hides
 * the image's /app). The spec proves it when known; otherwise a volume attached for the pod and an
 * entrypoint outside the system bin dirs make it likelier than a command that was never in the image.
 */
export const entrypointHiddenByMount = (ctx: RuleContext): HiddenEntrypoint | null => {
  for (const { text } of statusLines(ctx)) {
    const path = EXEC_STAT_ENOENT.exec(text)?.[1];
    if (path === undefined) continue;
    if (ctx.container) {
      const mount = ctx.container.volumeMounts.find((m) => under(path, m.mountPath));
      return mount ? { path, text, mountPath: mount.mountPath } : null;
    }
    if (SYSTEM_BIN.test(path)) return null;
    return ctx.events.some((e) => VOLUME_EVENT.test(e.message)) ? { path, text } : null;
  }
  return null;
};

// dash and busybox say "<path>: not found" when a script's shebang names an interpreter that does
// not exist ("/bin/sh\r"), exactly as for a file that is absent. A name with a slash (bin/migrate,
// ./start.sh, /app/run) is run from that path, never looked up on PATH, so the path itself is what the
// shell could not run.
const NOT_FOUND_SUFFIX = ': not found';
const PATH_TOKEN_CHARS = /^[\w./@+-]{1,300}$/;
const SCRIPT_EXTENSION = /\.(?:sh|bash|envsh|ksh|zsh)$/;
// dash numbers its errors ("sh: 1: x: not found", "/docker-entrypoint.sh: 31: x: not found").
const DASH_LINE_NUMBER = /: \d{1,5}$/;
const TRACE = /^\+{1,4} /;

export interface ShellPathNotFound {
  line: LogLine;
  path: string;
  /** The path has a shell script's extension (a binary or an extension-less script otherwise). */
  script: boolean;
  /** dash's numbered format ("sh: 1: bin/migrate: not found"), as opposed to busybox ash's. */
  dash: boolean;
  /** An earlier line (not a `set -x` trace) names the path: it was found on disk and launched. */
  launched: boolean;
}

/** The path a shell's "<path>: not found" names, and the text before it, found with string search. */
const notFoundPath = (text: string): { path: string; before: string } | undefined => {
  const trimmed = text.trimEnd();
  if (!trimmed.endsWith(NOT_FOUND_SUFFIX)) return undefined;
  const head = trimmed.slice(0, -NOT_FOUND_SUFFIX.length);
  const at = head.lastIndexOf(': ');
  if (at < 0) return undefined;
  const path = head.slice(at + 2);
  if (!path.includes('/') || path.includes('//') || !PATH_TOKEN_CHARS.test(path)) return undefined;
  return { path, before: head.slice(0, at) };
};

/**
 * A shell's "not found" for a path (a script, or a program outside the system bin dirs), and whether
 * the log shows the path exists. A program in /usr/bin that is "not found" is simply not installed.
 */
export const shellPathNotFound = (ctx: RuleContext): ShellPathNotFound | null => {
  const lines = ctx.log.lines;
  for (const line of lines) {
    const found = notFoundPath(line.text);
    if (!found) continue;
    const script = SCRIPT_EXTENSION.test(found.path);
    if (!script && SYSTEM_BIN.test(found.path)) continue;
    const launched = lines.some((l) => l.line < line.line && !TRACE.test(l.text) && l.text.includes(found.path));
    return { line, path: found.path, script, dash: DASH_LINE_NUMBER.test(found.before), launched };
  }
  return null;
};

// A shell reporting "permission denied" on a path: an exec when the path looks like a program
// (bin dirs, scripts, no extension); a redirect or a data file otherwise.
// A script's own errors carry its path whatever it is named: bash "<script>: line 6: ", dash
// "<script>: 6: " (Tekton and CI runners name their generated scripts without an extension).
// An app that ran a shell command often quotes its stderr: Symfony Process / KnpSnappy `stderr: "sh: 1:
// /app/bin/tool: Permission denied`, Python `stderr=b'sh: 1: ...'`.
// Process managers (foreman, honcho, overmind, docker compose) prefix each child's line with
// "[HH:MM:SS] name | ".
const SHELL_DENIED =
  /^(?:(?:\d\d:\d\d:\d\d )?[\w.-]{1,60} {0,20}\| )?(?:\s{0,40}(?:stderr|error output)=?:? ?b?["']?)?(?:\/bin\/|\/usr\/bin\/)?(?:ba|da|z|k|a)?sh: |^[^\s:]{1,300}: (?:line )?\d{1,5}: /;
// A bare name ("sh: 1: next: Permission denied") is a command looked up on PATH: an exec too.
const DENIED_PATH = /: ((?:\/|\.\/)?[^\s:]+): Permission denied['"]?\s*$/;
const PROGRAM_PATH = /\/(?:s?bin|libexec)\/|\.(?:sh|py|rb|pl)$|^\.\/|\/[^/.]+$|^[A-Za-z][\w-]{0,63}$/;

/** The path a shell's "permission denied" names ("sh: 1: /app/run.sh: Permission denied"), if any. */
export const shellDeniedPath = (text: string): string | undefined =>
  SHELL_DENIED.test(text) ? DENIED_PATH.exec(text)?.[1] : undefined;

/** True for a shell's "permission denied" on a path that looks like a program (an exec, not a data file). */
export const isShellExecDenied = (text: string): boolean => PROGRAM_PATH.test(shellDeniedPath(text) ?? '');

// A program that failed to launch (spawn, ProcessBuilder, a wrapper's exec) is read in exec-launch-clues.ts.

// A program that rejects a name and suggests the very same one ("Unknown plugin analysis-icu, did you
// mean [analysis-icu]?", "unknown command \"serve\" ... Did you mean this? serve") was given the name with
// an invisible character after it: a carriage return from a CRLF script, most often. The line-endings
// rule reads it; bad-command-args steps back from it. Parsers word the hint differently: picocli
// "Possible solutions: --optimized", clap "tip: a similar argument exists: '--port'", git "The most
// similar command is", Click "(Possible options: --debug)".
const SUGGESTION =
  /\b(?:[Dd]id you mean|[Pp]erhaps you meant|[Mm]aybe you meant|[Pp]ossible (?:solutions|options)|a similar (?:argument|option|subcommand|command) exists|[Tt]he most similar commands? (?:is|are))(?: this\?| one of these\?)?[:\s]{1,4}[[('"‘`]{0,2}([\w.:/@-]{2,100})/;
const REJECTION =
  /\b(?:[Uu]nknown|[Ii]nvalid|[Uu]nrecognized|[Uu]nexpected (?:argument|option)|not found|[Nn]o such|does not exist|not a valid)\b/;

const FLAG_VALUE_AFTER_SPACE = /^ [\w/.~$]/;

/** The line that suggests the very name the program just rejected, if any. */
export const sameNameSuggested = (lines: readonly LogLine[]): LogLine | undefined =>
  lines.find((line, index) => {
    const suggestion = SUGGESTION.exec(line.text);
    const name = suggestion?.[1];
    if (!suggestion || name === undefined) return false;
    // The rejection is on the same line or the one before ("Error: unknown command \"x\"" then the hint;
    // clap leaves a blank line between), and only what comes before a hint counts: a line before that
    // repeats the same message (a stack trace under its summary) has the suggestion in it, not the name.
    const previousAt = lines[index - 1]?.text.trim() === '' ? index - 2 : index - 1;
    const previous = lines[previousAt]?.text ?? '';
    const previousHint = SUGGESTION.exec(previous);
    const before = `${previousHint ? previous.slice(0, previousHint.index) : previous}\n${line.text.slice(0, suggestion.index)}`;
    if (!REJECTION.test(before)) return false;
    const at = before.lastIndexOf(name);
    if (at < 0 || /[\w.-]/.test(before[at + name.length] ?? '') || /[\w.-]/.test(before[at - 1] ?? '')) return false;
    // A flag rejected with its value after a space ("No such option: --config /app/config.yaml") was one
    // list item holding the flag and its value, not a name carrying an invisible carriage return.
    return !(name.startsWith('-') && FLAG_VALUE_AFTER_SPACE.test(before.slice(at + name.length)));
  });

/**
 * The runtime could not find a program named like a subcommand ("server", "serve", "start", "worker",
 * "agent", "standalone"): an image whose ENTRYPOINT is the program (minio, vault, consul, traefik, celery,
 * uvicorn wrappers) was given its arguments in `command:`, which replaces the entrypoint, instead of in
 * `args:` (compose's `command:` maps to args). No image ships a program by these verb names on PATH.
 */
export const SUBCOMMAND_RUN_AS_PROGRAM =
  /\bexec: "(?:server|serve|start|start-foreground|run|runserver|worker|agent|daemon|gateway|scheduler|standalone|foreground|console|dev)": (?:stat |executable file not found)|\bexecutable file [`'"](?:server|serve|start|run|worker|agent|daemon|gateway|scheduler|standalone)[`'"] not found/;

/**
 * A path and the flag after it read as one argument ("/etc/app.conf -J-Xmx768m"): one list item in the
 * spec holding two arguments, so the program looks for a file with the flag in its name. Quoted by most
 * programs, unquoted after a colon by Java and Go ("open /etc/app.yaml --debug: no such file").
 */
// The quoted word must start like a path: a closing quote then ", --cached-only is specified" is a
// sentence listing a flag after a quoted value, not a path glued to a flag.
export const PATH_GLUED_TO_FLAG =
  /['"‘“][\w./~][^'"‘“’”\s]{0,300} -{1,2}[A-Za-z]|\bopen \/[^\s:]{1,300} -{1,2}[A-Za-z]|(?:^|: )\/[^\s:'"()]{1,300} -{1,2}[A-Za-z]/;

/**
 * A file flag given a relative path that the program then could not open ("Error loading config
 * (--config.file=prometheus.yml) ... open prometheus.yml: no such file or directory"): the path resolves
 * against the image's working directory, so the command's flag is what is wrong, not the image.
 */
export const RELATIVE_FILE_FLAG =
  /(?:^|[\s(])--?[a-z][\w.-]{0,40}=['"]?[\w-]{1,100}\.(?:ya?ml|json|conf|cnf|toml|ini|properties|cfg|xml)\b/;
export const RELATIVE_PATH_NOT_FOUND =
  /\b(?:open|stat|read|load(?:ing)?) ['"]?\w[\w.-]{0,100}['"]?: no such file or directory/i;
export const RELATIVE_FILE_FLAG_NOT_FOUND = (text: string): boolean =>
  RELATIVE_FILE_FLAG.test(text) && RELATIVE_PATH_NOT_FOUND.test(text);

// A word that ends in a carriage return, as the scanner renders it, right before its closing quote.
const CR_ENDED_ARGUMENT = /[\w./-](?:\\r|%0[Dd])["'’”`]/;

/**
 * True when the lines a rule read about an argument show it carried a carriage return: every line quotes
 * a CR-ended value ("8080\r"), or the rejected name is suggested back unchanged on the line or the next.
 */
export const carriageReturnInArgument = (
  lines: readonly LogLine[],
  first: LogLine,
  matched: readonly LogLine[],
): boolean => {
  if (matched.every((l) => CR_ENDED_ARGUMENT.test(l.text))) return true;
  if (carriageReturnArgumentClue(lines) !== undefined) return true;
  const suggested = sameNameSuggested(lines);
  return suggested !== undefined && suggested.line >= first.line && suggested.line - first.line <= 2;
};
