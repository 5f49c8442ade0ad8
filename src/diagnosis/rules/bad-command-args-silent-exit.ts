/**
 * bad_command_args read from silence: a long-running container that exits 0 with no output at all, again
 * and again. Its command finished at once, which is what a wrong command does without printing anything:
 * an interpreter or shell with no script and no stdin (`python`, `sh` as the whole command), `sh -c` given
 * the script split into list items so it runs only the first word, a start script that forks away quietly.
 * Weak evidence: the log says nothing either way, so the reading stays well below the confident band.
 */
import type { RuleContext } from '../rule.ts';
import type { Finding } from '../types.ts';
import { finding, statusEvidence } from './log-helpers.ts';

export const silentCleanExitLoop = (ctx: RuleContext, steps: string[]): Finding | null => {
  if (ctx.exitCode !== 0 || ctx.logUnreadable) return null;
  if (!ctx.log.lines.every((l) => l.text.trim() === '')) return null;
  // A pod that is restarted after exiting 0 (restartPolicy Always): a Job's finished pod is not a crash.
  if (!ctx.events.some((e) => e.reason === 'BackOff')) return null;
  return finding(ctx, {
    ruleId: 'bad-command-args',
    category: 'bad_command_args',
    title: 'The container exits 0 at once with no output, in a restart loop: its command finishes immediately',
    confidence: 0.55,
    evidence: statusEvidence(ctx),
    steps,
  });
};
