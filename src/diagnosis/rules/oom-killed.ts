/**
 * oom_killed: the kernel OOM killer killed the container for exceeding its memory limit. The status
 * (reason OOMKilled, exit 137) says so; the log is often silent. The spec-aware oom-limit rule adds the
 * limit and usage when the pod is known; this one reads only the reason, exit code, events and log.
 */
import { kubectl } from '../kubectl.ts';
import type { Rule } from '../rule.ts';
import type { Evidence } from '../types.ts';
import { finding, logEvidence, statusEvidence } from './log-helpers.ts';

const OOM_TEXT =
  /\bOOMKilled\b|\bOOM[- ]?killed\b|Out of memory: Kill(?:ed)? process|Memory cgroup out of memory|oom-kill/i;
// A shell reporting its child killed: "Killed" alone, or "script: line 4:  17 Killed   cmd".
const KILLED_WORD = /\bKilled\b/;
const KILLED_SHAPE = /^Killed|: line \d+: |^\s*\d+ Killed/;

export const oomKilled: Rule = {
  id: 'oom-killed',
  match: (ctx) => {
    const steps = [
      `Compare usage with the limit: ${kubectl.podSpec(ctx.target, '{.spec.containers[*].resources.limits.memory}')}`,
      `Confirm the last termination: ${kubectl.describePod(ctx.target)}`,
      `Raise the limit if the app needs it: ${kubectl.setResources(ctx.target, 'memory=<new-limit>')}`,
    ];
    const build = (title: string, confidence: number, evidence: Evidence[]) =>
      finding(ctx, { ruleId: 'oom-killed', category: 'oom_killed', title, confidence, evidence, steps });
    const eventEvidence: Evidence[] = ctx.events
      .filter((e) => OOM_TEXT.test(e.message) || OOM_TEXT.test(e.reason))
      .slice(0, 2)
      .map((e) => ({ line: null, text: e.message || e.reason, source: 'event' }));
    if (ctx.reason === 'OOMKilled') {
      return build('Killed for exceeding its memory limit (OOMKilled)', 0.95, [
        ...statusEvidence(ctx),
        ...eventEvidence,
      ]);
    }
    if (eventEvidence.length > 0) {
      return build('Killed by the OOM killer (events report OOMKilled)', 0.88, [
        ...eventEvidence,
        ...statusEvidence(ctx),
      ]);
    }
    const logOom = ctx.log.lines.filter((l) => OOM_TEXT.test(l.text));
    if (logOom.length > 0) return build('Killed by the OOM killer', 0.8, logEvidence(logOom));
    if (ctx.exitCode !== 137) return null;
    // 137 without OOMKilled: SIGKILL from something. A bare "Killed" from a shell, or a silent log, is
    // most often memory; a known non-OOM reason makes it less likely.
    const killed = ctx.log.lines.filter((l) => KILLED_WORD.test(l.text) && KILLED_SHAPE.test(l.text));
    if (killed.length > 0)
      return build('Killed by SIGKILL (exit 137), most likely for memory', 0.6, [
        ...logEvidence(killed),
        ...statusEvidence(ctx),
      ]);
    const confidence = ctx.reason && ctx.reason !== 'Error' ? 0.3 : 0.45;
    return build(
      'Killed by SIGKILL (exit 137) without an OOMKilled reason: memory is one possibility',
      confidence,
      statusEvidence(ctx),
    );
  },
};
