/**
 * Crashes that began within minutes of the workload's latest rollout: in an incident the most useful
 * fact is "this started with revision 7, which changed the image from 1.4.2 to 1.5.0", because rolling
 * back is the fastest mitigation whatever the root cause. It is context, not a root cause: its
 * confidence stays below a clear log cause (~0.85-0.95), more than the engine's close-call margin, so that cause stays the headline and this ranks next,
 * and above the weak guesses, so with an empty log the rollout leads.
 */
import { kubectl } from '../kubectl.ts';
import type { Rule, RuleContext } from '../rule.ts';
import type { Evidence, Finding, LogLine } from '../types.ts';
import { formatDuration, timeOf } from '../format.ts';
import { eventEvidence, lastTermination, logEvidence, specEvidence } from './spec-helpers.ts';

/** How soon after a rollout a first crash still counts as caused by it. */
export const ROLLOUT_WINDOW_MS = 30 * 60_000;

const CRASH_EVENT = /^(BackOff|Failed|Unhealthy|Killing|OOMKilling)$/;

/** Short image name for titles: the last path segment with its tag (registry.example.com/shop/api:1.5.0 -> api:1.5.0). */
export const shortImage = (image: string): string => image.split('/').pop() ?? image;

const ERROR_LEVELS = new Set(['error', 'fatal', 'critical', 'panic', 'emergency', 'alert']);

/** Up to two error-level lines (warnings when there are none), first in the log. */
const firstFailureLines = (ctx: RuleContext): LogLine[] => {
  const errors = ctx.log.lines.filter((l) => l.level !== undefined && ERROR_LEVELS.has(l.level));
  const chosen = errors.length > 0 ? errors : ctx.log.lines.filter((l) => l.level === 'warn');
  return chosen.slice(0, 2);
};

const match = (ctx: RuleContext): Finding | null => {
  const workload = ctx.workload;
  const current = workload?.current;
  const rolledOut = timeOf(current?.createdAt);
  if (!workload || !current || rolledOut === undefined || !workload.previous) return null;
  // A pod still running an older revision did not crash because of the latest rollout.
  if (workload.podRevision !== undefined && workload.podRevision !== current.revision) return null;

  // A pod created before the rollout runs the old revision: its crashes say nothing about the new one.
  const podCreated = timeOf(ctx.pod?.createdAt);
  if (podCreated !== undefined && podCreated < rolledOut) return null;

  const crashEvents = ctx.events.filter((e) => e.type === 'Warning' && CRASH_EVENT.test(e.reason));
  const eventTimes = crashEvents.map((e) => ({ event: e, at: timeOf(e.firstSeen) }));
  const termination = lastTermination(ctx);
  const termTime = timeOf(termination?.finishedAt);
  const times = [...eventTimes.map((t) => t.at), termTime].filter((t): t is number => t !== undefined);
  if (times.length === 0) return null;
  const firstCrash = Math.min(...times);
  const after = firstCrash - rolledOut;
  if (after < 0 || after > ROLLOUT_WINDOW_MS) return null;

  const containerName = ctx.container?.name ?? ctx.target.container;
  const newImage = containerName ? current.images[containerName] : undefined;
  const oldImage = containerName ? workload.previous.images[containerName] : undefined;
  const imageChanged = newImage !== undefined && oldImage !== undefined && newImage !== oldImage;
  const sameImage = newImage !== undefined && newImage === oldImage;
  const change = imageChanged
    ? `image ${shortImage(oldImage)} -> ${shortImage(newImage)}`
    : sameImage
      ? 'same image: the change is in the pod template (env, config, resources, command)'
      : 'compare the revisions to see what changed';
  const name = `${workload.kind.toLowerCase()}/${workload.name}`;

  const evidence: Evidence[] = [
    specEvidence(`${name} revision ${current.revision} rolled out at ${current.createdAt}`),
  ];
  if (imageChanged) {
    evidence.push(
      specEvidence(
        `Revision ${workload.previous.revision} ran ${oldImage}; revision ${current.revision} runs ${newImage}`,
      ),
    );
  } else if (sameImage) {
    evidence.push(
      specEvidence(`Revisions ${workload.previous.revision} and ${current.revision} run the same image ${newImage}`),
    );
  }
  const firstEvent = eventTimes.find((t) => t.at === firstCrash)?.event;
  if (firstEvent) evidence.push(eventEvidence(firstEvent));
  // The first failure lines of the new revision, so the finding rests on more than a BackOff event.
  evidence.push(...firstFailureLines(ctx).map(logEvidence));

  return {
    ruleId: 'bad-rollout',
    category: 'bad_rollout',
    title: `Crashes started ${formatDuration(after)} after rollout of ${name} revision ${current.revision} (${change})`,
    confidence: imageChanged ? 0.65 : 0.55,
    evidence,
    nextSteps: [
      `Roll back while you fix it: ${kubectl.rolloutUndo(ctx.target)}`,
      `See how the new revision fails: ${kubectl.previousLogs(ctx.target)}`,
      kubectl.rolloutHistory(ctx.target),
      `${kubectl.rolloutHistory(ctx.target)} --revision=${current.revision}`,
    ],
  };
};

export const badRollout: Rule = { id: 'bad-rollout', match };
