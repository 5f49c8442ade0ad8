/**
 * Exit 143 is SIGTERM: the process was asked to stop, and stopped. When the kubelet's events say it
 * stopped the container (a rollout, a scale-down, a node drain, a deletion), that is a shutdown on
 * purpose, not a crash. When nothing asked, the low confidence leaves room for the better causes.
 * A liveness-probe kill also sends SIGTERM first: that is probe-failure's finding, so this stays out.
 */
import { kubectl } from '../kubectl.ts';
import type { Rule, RuleContext } from '../rule.ts';
import type { Evidence, Finding } from '../types.ts';
import { timeOf } from '../format.ts';
import { eventEvidence, exitCodeOf, findEvents, lastTermination, statusEvidence } from './spec-helpers.ts';

const match = (ctx: RuleContext): Finding | null => {
  const code = exitCodeOf(ctx);
  const termination = lastTermination(ctx);
  const sigterm = code === 143 || (termination?.signal === 15 && code !== 137);
  if (!sigterm) return null;
  if (findEvents(ctx, /^(Killing|Unhealthy)$/, /(liveness|startup) probe/i).length > 0) return null;

  const stopping = findEvents(ctx, /^(Killing|Preempting|TaintManagerEviction|NodeNotReady)$/);
  const evidence: Evidence[] = [statusEvidence(`Exit code ${code ?? 143}: terminated by SIGTERM`)];
  if (stopping[0]) evidence.push(eventEvidence(stopping[0]));

  // A rollout that began shortly before the stop explains it: old pods are stopped on purpose.
  const rolledOut = timeOf(ctx.workload?.current?.createdAt);
  const finished = timeOf(termination?.finishedAt);
  const duringRollout =
    rolledOut !== undefined && finished !== undefined && finished >= rolledOut && finished - rolledOut <= 30 * 60_000;
  const drained = stopping.some((e) => /drain|evict|preempt|taint|NodeNotReady/i.test(`${e.reason} ${e.message}`));
  if (duringRollout) {
    evidence.push(
      statusEvidence(`rollout of revision ${ctx.workload?.current?.revision} at ${ctx.workload?.current?.createdAt}`),
    );
  }

  const why = drained
    ? 'the node was drained or the pod preempted'
    : duringRollout
      ? 'a rollout replaced it'
      : stopping.length > 0
        ? 'the kubelet stopped it'
        : undefined;
  return {
    ruleId: 'sigterm-shutdown',
    category: 'sigterm_shutdown',
    title: why
      ? `Stopped on purpose: ${why} (SIGTERM, exit 143), not a crash`
      : 'Stopped by SIGTERM (exit 143) with no event saying who asked: look for evictions, preemption or a manual delete',
    confidence: why ? 0.85 : 0.45,
    evidence,
    nextSteps: why
      ? [
          'Nothing to fix if the stop was intended; make sure the app shuts down cleanly within terminationGracePeriodSeconds',
          kubectl.podEvents(ctx.target),
        ]
      : [kubectl.podEvents(ctx.target), kubectl.describePod(ctx.target), kubectl.previousLogs(ctx.target)],
  };
};

export const sigtermShutdown: Rule = { id: 'sigterm-shutdown', match };
