/**
 * exec_permission_denied: the entrypoint or a command exists but is not executable by the container
 * user (no +x bit, noexec mount). The runtime or the shell says "permission denied" for the exec itself,
 * and the exit code is 126.
 */
import { clip } from '../format.ts';
import { kubectl } from '../kubectl.ts';
import type { Rule } from '../rule.ts';
import { isShellExecDenied, shellDeniedPath } from './exec-clues.ts';
import { launchFailure } from './exec-launch-clues.ts';
import { finding, hitEvidence, logEvidence, matchSignatures, type Signature, statusEvidence } from './log-helpers.ts';

const SIGNATURES: Signature[] = [
  {
    all: [/exec user process caused:? "?permission denied/],
    confidence: 0.92,
    title: 'The entrypoint is not executable',
  },
  {
    // Kubelet events quote the runtime's message inside its own ("exec: \\"/opt/app/run.sh\\": ...").
    all: [/\bexec:? (?:\\?")?(?:\/|\.\/)[^\s:"\\]{1,300}(?:\\?")?: permission denied/i],
    confidence: 0.92,
    title: 'The entrypoint is not executable',
  },
  { all: [/\bexec: "[^"]+": permission denied/i], confidence: 0.9, title: 'The command is not executable' },
  {
    // The runtime could not even stat the command: a directory on its path cannot be traversed by the
    // container user (a tool installed under /root or another user's 0700 home, run with runAsUser):
    // runc 'exec: "/root/.bun/bin/bun": stat /root/.bun/bin/bun: permission denied'. The file exists
    // but the user cannot reach it to execute it.
    all: [/\bexec:? \\?"[^"\\\n]{1,300}\\?": l?stat [^\s:]{1,300}: permission denied/i],
    confidence: 0.88,
    title: "The command's directory cannot be traversed by the container user (installed under another user's home?)",
  },
  {
    // BusyBox ash names the builtin before the line number: "/entrypoint.sh: exec: line 9: /app/bin/x:
    // Permission denied" (bash writes "line 9: /app/bin/x:", dash "9: exec: /app/bin/x:").
    all: [/\bexec: line \d{1,6}: (?:\/|\.\/)[^\s:]{1,300}: [Pp]ermission denied/],
    confidence: 0.9,
    title: 'The command the script execs is not executable',
  },
  {
    all: [/cannot execute: Permission denied|cannot execute \[Permission denied\]/],
    confidence: 0.9,
    title: 'A command is not executable',
  },
  {
    all: [/^\[dumb-init\] /, /: Permission denied\s*$/],
    confidence: 0.88,
    title: 'The entrypoint is not executable (dumb-init could not exec it)',
  },
  {
    all: [/\bexec [^\s]+ failed: [Pp]ermission denied/],
    confidence: 0.88,
    title: 'The entrypoint is not executable (tini/dumb-init exec failed)',
  },
  {
    // Process supervisors check the mode before they spawn and log it at INFO/WARN, so the warning is the
    // evidence: supervisord "spawnerr: command at '/usr/local/bin/run.sh' is not executable", s6/runit
    // "unable to exec ./run: Permission denied", systemd "Failed to execute /opt/x: Permission denied".
    all: [
      /\bspawnerr: command at '[^'\n]{1,300}' is not executable|\b(?:command|script|program|entrypoint|file) (?:at )?['"]?\/[^\s'"]{1,300}['"]? is not (?:an )?executable\b|\bunable to (?:exec|spawn|start) [^\s:]{1,300}: (?:Permission denied|access denied)|\bFailed to execute [^\s:]{1,300}: Permission denied/,
    ],
    confidence: 0.88,
    title: 'A program the process supervisor starts is not executable',
    warningIsEvidence: true,
  },
  {
    // Image entrypoints that run a hook directory skip a script without +x and go on: nginx/docker-library
    // "/docker-entrypoint.sh: Ignoring /docker-entrypoint.d/40-render.sh, not executable", "Skipping
    // /entrypoint.d/x.sh, not executable". A script mounted from a ConfigMap keeps mode 0644, so what it
    // should have prepared (a rendered config) is missing and the server fails later on.
    all: [/\b(?:Ignoring|Skipping|Not running) ['"]?\/[^\s,'"]{1,300}['"]?,? (?:(?:it )?is )?not executable\b/],
    confidence: 0.82,
    title: 'The entrypoint skipped a startup script that is not executable (mounted without +x?)',
    warningIsEvidence: true,
  },
  {
    // podman/crun: "crun: open executable: Permission denied: OCI permission denied".
    all: [/\bOCI permission denied\b|\bopen executable: Permission denied/],
    confidence: 0.88,
    title: 'The entrypoint is not executable',
  },
  {
    // A native library on a noexec mount: the loader cannot map its code pages executable. JNI libraries
    // that unpack themselves into /tmp (RocksDB, Netty, Snappy, SQLite JDBC), Python extension modules
    // and dlopen'd plugins all fail with glibc's "failed to map segment from shared object" when /tmp is a
    // tmpfs or emptyDir mounted noexec. The same words with ENOMEM are an address-space limit instead.
    all: [/\bfailed to map segment from shared object\b/],
    confidence: 0.82,
    title: 'A native library sits on a noexec mount (often /tmp) and cannot be mapped executable',
    not: /Cannot allocate memory|\bENOMEM\b/,
  },
];

const CHILD_EXIT_126 =
  /\bexit (?:status|code)(?: code)? ?[:=]? ?['"]?126\b|\b(?:exited|failed|terminated) with (?:exit )?(?:status|code) ['"]?126\b|\bnon-zero exit (?:status|code) 126\b/;

const HOOK_EVENT = /\bFailed(?:PostStart|PreStop)Hook\b|\b[Ll]ifecycle hook\b/;
// 126 is the shell's "found but not executable"; a hook that could not write a file exits 1 or 2.
const HOOK_EXEC_DENIED =
  /\bexited with 126\b|\bexec: \\?"?\/[^\s"\\]{1,300}\\?"?: permission denied|\bcannot execute\b/i;

export const execPermissionDenied: Rule = {
  id: 'exec-permission-denied',
  match: (ctx) => {
    const steps = [
      `Check the file mode: ${kubectl.debugCopy(ctx.target, 'ls -l /path/to/entrypoint')}`,
      'Make it executable in the Dockerfile (COPY --chmod=755, or RUN chmod +x) or run it through its interpreter (sh script.sh)',
    ];
    const hit = matchSignatures(ctx, SIGNATURES, { status: true });
    // 126 is the shell's "found but not executable"; an app that ran a command often reports the child's
    // status itself (Symfony Process "The exit status code '126' says...", Python "returned non-zero exit
    // status 126", Node "exited with code 126"), which says the same of that command.
    const childExit126 = ctx.log.lines.find((l) => CHILD_EXIT_126.test(l.text));
    const exit126 = ctx.exitCode === 126 || childExit126 !== undefined;
    const exit126Evidence = () => (ctx.exitCode === 126 ? statusEvidence(ctx) : logEvidence([childExit126]));
    if (hit) {
      return finding(ctx, {
        ruleId: 'exec-permission-denied',
        category: 'exec_permission_denied',
        title: hit.signature.title,
        confidence: Math.min(0.97, hit.confidence + (exit126 ? 0.05 : 0)),
        evidence: [...hitEvidence(hit), ...(exit126 ? exit126Evidence() : [])],
        steps,
      });
    }
    // The app or a wrapper started a program and got EACCES: Java "error=13", Node "spawn x EACCES", Go
    // "fork/exec x: permission denied", Python's subprocess PermissionError, coreutils "failed to run
    // command". The file is there; it lacks +x, or sits on a noexec mount.
    const launch = launchFailure(ctx);
    if (launch?.denied) {
      return finding(ctx, {
        ruleId: 'exec-permission-denied',
        category: 'exec_permission_denied',
        title: `${launch.program} could not be started: it is not executable by the container user`,
        confidence: 0.9,
        evidence: [
          ...(launch.line.line > 0
            ? [{ line: launch.line.line, text: clip(launch.line.text.trim(), 300), source: 'log' as const }]
            : [{ line: null, text: clip(launch.line.text, 300), source: 'status' as const }]),
          ...(exit126 ? exit126Evidence() : []),
        ],
        steps,
      });
    }
    // A lifecycle hook whose command is not executable: the kubelet reports "Exec lifecycle hook ([/bin/sh
    // -c /opt/hooks/register.sh]) ... exited with 126: ... Permission denied" (FailedPostStartHook,
    // FailedPreStopHook) and kills a container whose own log looks healthy. A hook script mounted from a
    // ConfigMap keeps the default mode 0644.
    const hook = ctx.events.find(
      (e) => HOOK_EVENT.test(`${e.reason} ${e.message}`) && HOOK_EXEC_DENIED.test(e.message),
    );
    if (hook) {
      return finding(ctx, {
        ruleId: 'exec-permission-denied',
        category: 'exec_permission_denied',
        title: "A lifecycle hook's command is not executable (mode without +x?), so the kubelet killed the container",
        confidence: 0.86,
        evidence: [{ line: null, text: clip(hook.message, 300), source: 'event' }],
        steps,
      });
    }
    // A shell reporting "permission denied" on a path: an exec when the path looks like a program.
    const shellLines = ctx.log.lines.filter((l) => shellDeniedPath(l.text) !== undefined);
    const programLine = shellLines.find((l) => isShellExecDenied(l.text));
    const line = programLine ?? shellLines[0];
    if (line) {
      const path = shellDeniedPath(line.text) ?? 'the command';
      const confidence = exit126 ? 0.9 : programLine ? 0.72 : 0.45;
      return finding(ctx, {
        ruleId: 'exec-permission-denied',
        category: 'exec_permission_denied',
        title: `${path} is not executable by the container user`,
        confidence,
        evidence: [{ line: line.line, text: line.text.trim(), source: 'log' }, ...(exit126 ? exit126Evidence() : [])],
        steps,
      });
    }
    if (ctx.exitCode !== 126) return null;
    return finding(ctx, {
      ruleId: 'exec-permission-denied',
      category: 'exec_permission_denied',
      title: 'Exit 126: the command was found but is not executable',
      confidence: 0.6,
      evidence: statusEvidence(ctx),
      steps,
    });
  },
};
