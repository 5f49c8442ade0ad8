/**
 * How a program that a wrapper, a runtime or the app itself tried to start failed to launch, in each
 * launcher's own words: Java's ProcessBuilder, Node's spawn, Go's os/exec, coreutils and init wrappers
 * (env, nohup, tini, dumb-init), .NET's Process.Start, Perl, Haskell, Ruby, OCaml, and Python's
 * subprocess traceback (not a rule itself). It is one clue read one way, line by line, and lives apart
 * from the exec-time clues in exec-clues.ts, which re-exports it: rules keep importing exec clues from there.
 */
import type { RuleContext } from '../rule.ts';
import type { LogLine } from '../types.ts';
import { statusLines } from './log-helpers.ts';

/**
 * The command and its arguments given as one list item, so the runtime looks for an executable named
 * after the whole line ("npm run start", "gunicorn --bind 0.0.0.0:8088 \"app:create()\""). The name may
 * hold quotes escaped by the event printer, so an escaped character is read as part of the name.
 * command-not-found steps back from it and bad-command-args reads it.
 */
export const COMMAND_LINE_AS_ONE_EXEC_NAME =
  /\bexec: "[^"\s\\]{1,200} (?:[^"\\\n]|\\.){1,400}": (?:executable file not found|stat |no such file)/;

/**
 * A program that a wrapper, a runtime or the app itself tried to start, and the errno the start got:
 * ENOENT (no such program, or its interpreter is missing) or EACCES (there, but not executable).
 * Every language and launcher words it its own way; command-not-found and exec-permission-denied read
 * the errno, and missing-file steps back from a line that is a launch, not a read.
 */
export interface LaunchFailure {
  line: LogLine;
  /** The program as the message names it: a bare name was looked up on PATH. */
  program: string;
  denied: boolean;
}

// The errno as each launcher words it; anything else these patterns capture is EACCES.
const ENOENT_WORDING = /^(?:2|ENOENT|[Nn]o such file or directory|does not exist)$/;

// Each pattern names the program and the errno, on one line.
const LAUNCH_FAILURES: readonly RegExp[] = [
  // Java ProcessBuilder: Cannot run program "ffmpeg" (in directory "/app"): error=2, No such file or directory
  /\bCannot run program "(?<program>[^"]{1,300})"(?: \(in directory "[^"]{0,300}"\))?: error=(?<errno>2|13), /,
  // Node child_process: Error: spawn ffmpeg ENOENT
  /\bspawn(?:Sync)? (?<program>[^\s]{1,300}) (?<errno>ENOENT|EACCES)\b/,
  // Go os/exec: fork/exec /app/bin/tool: permission denied
  /\bfork\/exec (?<program>[^\s:]{1,300}): (?<errno>no such file or directory|permission denied)/,
  // coreutils and util-linux wrappers (nohup, timeout, chroot, stdbuf, runuser, setpriv, flock), s6.
  // busybox env's "can't execute 'bash'" is a script's interpreter: the script's reading, not this one.
  /\b(?:failed to run command|failed to execute|unable to exec) ['"‘`]?(?<program>[^\s'"’`:]{1,300})['"’`]?: (?<errno>No such file or directory|Permission denied)/,
  // GNU env, nice, xargs, su-exec, dumb-init: "<wrapper>: 'ffmpeg': No such file or directory"
  /^(?:\/usr\/bin\/|\/bin\/|\/sbin\/)?(?:env|nice|nohup|xargs|su-exec|setsid|ionice|taskset|chrt|numactl|stdbuf|\[dumb-init\]):? ['"‘]?(?<program>[^\s'"’:]{1,300})['"’]?: (?<errno>No such file or directory|Permission denied)\s*$/,
  // tini: "[FATAL tini (7)] exec gunicorn failed: No such file or directory"
  /\bexec (?<program>[^\s]{1,300}) failed: (?<errno>No such file or directory|Permission denied)/,
  // .NET Process.Start: Win32Exception (2): An error occurred trying to start process 'ffmpeg' with working
  // directory '/app'. No such file or directory
  /\bAn error occurred trying to start process '(?<program>[^']{1,300})'(?: with working directory '[^']{0,300}')?\. (?<errno>No such file or directory|Permission denied)/,
  // Perl system/exec: Can't exec "ffmpeg": No such file or directory at /app/x.pl line 3.
  /\bCan't exec "(?<program>[^"]{1,300})": (?<errno>No such file or directory|Permission denied)/,
  // Haskell process: app: ffmpeg: createProcess: posix_spawnp: does not exist (No such file or directory)
  /(?:^|: )(?<program>[^\s:]{1,300}): createProcess: (?:runInteractiveProcess: )?(?:exec|posix_spawnp?): (?<errno>does not exist|permission denied)/,
  // Ruby spawn/system: Errno::ENOENT: No such file or directory - ffmpeg (a file open adds "@ rb_sysopen").
  /\bErrno::E(?:NOENT|ACCES): (?<errno>No such file or directory|Permission denied) - (?<program>[\w+-]{1,200})\s*$/,
  // Ruby's uncaught exception names the launching method in its frame: "open3.rb:539:in `spawn':
  // Permission denied - /app/bin/tool (Errno::EACCES)", "in `system'", "in ``'" (backticks), "in
  // 'Kernel#spawn'" (Ruby 3.4), "in `popen'", "in `exec'". A file open is "in `initialize'" instead.
  /\bin [`'](?:[\w:]{1,60}[#.])?(?:spawn|system|exec|popen\w{0,8}|capture[23e]?|`)': (?<errno>No such file or directory|Permission denied) - (?<program>[^\s()]{1,300}) \(Errno::E(?:NOENT|ACCES)\)/,
  // OCaml Unix: exception Unix.Unix_error(Unix.ENOENT, "create_process", "ffmpeg")
  /\bUnix_error\(Unix\.(?<errno>ENOENT|EACCES), "(?:create_process\w{0,10}|execvp?e?|open_process\w{0,10}|spawn)", "(?<program>[^"]{1,300})"\)/,
];

// Python's subprocess raises the errno as FileNotFoundError/PermissionError on the program's name; the
// traceback frames above it (subprocess.py, _execute_child, os.exec*) show it was a launch.
const PYTHON_ERRNO = /^(FileNotFoundError|PermissionError): \[Errno (?:2|13)\] [^:\n]{1,100}: '([^']{1,300})'\s*$/;
const PYTHON_LAUNCH_FRAME = /\bin _execute_child\b|\/subprocess\.py"|\bos\.exec[lv]p?e?\(|\bos\.posix_spawnp?\(/;

// A carriage return in the name ("bash\r") is a CRLF shebang, which the line-endings rule reads.
const CARRIAGE_RETURN = /\\r|\^M|\r/;

const launchIn = (line: LogLine): LaunchFailure | null => {
  for (const pattern of LAUNCH_FAILURES) {
    const { program, errno } = pattern.exec(line.text)?.groups ?? {};
    if (program === undefined || errno === undefined || CARRIAGE_RETURN.test(program)) continue;
    return { line, program, denied: !ENOENT_WORDING.test(errno) };
  }
  return null;
};

/** The first launch failure in the log or the status message, if any. */
export const launchFailure = (ctx: RuleContext): LaunchFailure | null => {
  const lines = ctx.log.lines;
  for (const [index, line] of lines.entries()) {
    const direct = launchIn(line);
    if (direct) return direct;
    const python = PYTHON_ERRNO.exec(line.text.trimEnd());
    if (
      python?.[2] !== undefined &&
      lines.slice(Math.max(0, index - 12), index).some((l) => PYTHON_LAUNCH_FRAME.test(l.text))
    ) {
      return { line, program: python[2], denied: python[1] === 'PermissionError' };
    }
  }
  for (const line of statusLines(ctx)) {
    const direct = launchIn(line);
    if (direct) return direct;
  }
  return null;
};

/**
 * The .NET host given an app assembly that is not there: `dotnet Orders.API.dll` with the SDK present
 * prints "Could not execute because the specified command or file was not found" and then "You intended
 * to execute a .NET program, but dotnet-Orders.API.dll does not exist". The host is installed; the .dll
 * the command names is missing or named otherwise (a case that only Windows forgave, a renamed project).
 */
export const DOTNET_APP_ASSEMBLY_MISSING =
  /\bYou intended to execute a \.NET program, but dotnet-[^\s]{1,200}\.dll does not exist\b/;
