/**
 * exec_permission_denied: the entrypoint or a command exists but is not executable by the container
 * user (no +x bit, noexec mount). The runtime or the shell says "permission denied" for the exec itself,
 * and the exit code is 126.
 */
import { kubectl } from '../kubectl.ts';
import type { Rule } from '../rule.ts';
import { finding, hitEvidence, matchSignatures, type Signature, statusEvidence } from './log-helpers.ts';

const SIGNATURES: Signature[] = [
  {
    all: [/exec user process caused:? "?permission denied/],
    confidence: 0.92,
    title: 'The entrypoint is not executable',
  },
  {
    all: [/\bexec:? "?(?:\/|\.\/)[^\s:"]+"?: permission denied/i],
    confidence: 0.92,
    title: 'The entrypoint is not executable',
  },
  { all: [/\bexec: "[^"]+": permission denied/i], confidence: 0.9, title: 'The command is not executable' },
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
];

// A shell reporting "permission denied" on a path: an exec when the path looks like a program
// (bin dirs, scripts, no extension); a redirect or a data file otherwise.
const SHELL_DENIED =
  /^(?:\/bin\/|\/usr\/bin\/)?(?:ba|da|z|k|a)?sh: (?:line )?\d+: |^[^\s:]+\.sh: line \d+: |^(?:\/bin\/|\/usr\/bin\/)?(?:ba|da|z|k|a)?sh: /;
// A bare name ("sh: 1: next: Permission denied") is a command looked up on PATH: an exec too.
const DENIED_PATH = /: ((?:\/|\.\/)?[^\s:]+): Permission denied\s*$/;
const PROGRAM_PATH = /\/(?:s?bin|libexec)\/|\.(?:sh|py|rb|pl)$|^\.\/|\/[^/.]+$|^[A-Za-z][\w-]{0,63}$/;

/** True for a shell's "permission denied" on a path that looks like a program (an exec, not a data file). */
export const isShellExecDenied = (text: string): boolean =>
  SHELL_DENIED.test(text) && PROGRAM_PATH.test(DENIED_PATH.exec(text)?.[1] ?? '');

export const execPermissionDenied: Rule = {
  id: 'exec-permission-denied',
  match: (ctx) => {
    const steps = [
      `Check the file mode: ${kubectl.debugCopy(ctx.target, 'ls -l /path/to/entrypoint')}`,
      'Make it executable in the Dockerfile (COPY --chmod=755, or RUN chmod +x) or run it through its interpreter (sh script.sh)',
    ];
    const hit = matchSignatures(ctx, SIGNATURES, { status: true });
    const exit126 = ctx.exitCode === 126;
    if (hit) {
      return finding(ctx, {
        ruleId: 'exec-permission-denied',
        category: 'exec_permission_denied',
        title: hit.signature.title,
        confidence: Math.min(0.97, hit.confidence + (exit126 ? 0.05 : 0)),
        evidence: [...hitEvidence(hit), ...(exit126 ? statusEvidence(ctx) : [])],
        steps,
      });
    }
    const shellLines = ctx.log.lines.filter((l) => SHELL_DENIED.test(l.text) && DENIED_PATH.test(l.text));
    const programLine = shellLines.find((l) => PROGRAM_PATH.test(DENIED_PATH.exec(l.text)?.[1] ?? ''));
    const line = programLine ?? shellLines[0];
    if (line) {
      const path = DENIED_PATH.exec(line.text)?.[1] ?? 'the command';
      const confidence = exit126 ? 0.9 : programLine ? 0.72 : 0.45;
      return finding(ctx, {
        ruleId: 'exec-permission-denied',
        category: 'exec_permission_denied',
        title: `${path} is not executable by the container user`,
        confidence,
        evidence: [{ line: line.line, text: line.text.trim(), source: 'log' }, ...(exit126 ? statusEvidence(ctx) : [])],
        steps,
      });
    }
    if (!exit126) return null;
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
