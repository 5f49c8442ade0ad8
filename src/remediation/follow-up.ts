/**
 * After an action, follow the replacement pod for a bounded number of polls and tell whether it came
 * up healthy or crashed again (with the fresh cause), or whether a rollout is stalled (its new pods
 * crash too, while the old ReplicaSet keeps serving). Bounded in attempts, with an injected sleep, so
 * tests never wait and a stuck rollout never keeps a loop alive. It only reports: the caller records
 * the outcome on the request and shows it.
 */
import type { Diagnosis } from '../diagnosis/types.ts';
import { userSentence } from '../errors.ts';
import type { Investigator } from '../services/types.ts';
import type { ActionTarget } from './types.ts';

const SHORT_KINDS: Record<string, string> = { Deployment: 'deploy', StatefulSet: 'sts', DaemonSet: 'ds', Job: 'job' };

/** What to ask the investigator for: the workload (it picks its newest pod), else the pod itself. */
export const followTarget = (target: ActionTarget): string => {
  const kind = target.workload && SHORT_KINDS[target.workload.kind];
  return kind && target.workload ? `${kind}/${target.workload.name}` : target.pod;
};

export const summarize = (diagnosis: Diagnosis): string => {
  const failing = diagnosis.containers[0];
  if (!failing) return `pod ${diagnosis.pod} is ${diagnosis.phase}`;
  const best = failing.classification.best;
  return `${best.title} (${failing.classification.exit.summary}; confidence ${Math.round(best.confidence * 100)}%)`;
};

export type FollowUpOutcome = 'healthy' | 'crashed' | 'stalled' | 'unsettled';

export interface FollowUpReport {
  outcome: FollowUpOutcome;
  /** One sentence for the action message and the diagnosis state line. */
  text: string;
  /** The replacement's diagnosis, when there was one. */
  diagnosis?: Diagnosis;
}

const stalledText = (target: ActionTarget, last: Diagnosis): string => {
  const name = target.workload?.name ?? '';
  return `rollout stalled: the new pod ${last.pod} crashes too (${summarize(last)}), and the old ReplicaSet keeps serving because the rollout never removes a ready pod before its replacement is ready. Next: kubectl rollout undo deployment/${name} -n ${target.namespace}`;
};

export const followUp = async ({
  investigator,
  target,
  actionId,
  sleep,
  attempts,
  intervalMs,
  startedAt,
  now,
}: {
  investigator: Investigator;
  target: ActionTarget;
  actionId: string;
  sleep: (ms: number) => Promise<void>;
  attempts: number;
  intervalMs: number;
  startedAt: Date;
  now: () => Date;
}): Promise<FollowUpReport> => {
  let last: Diagnosis | undefined;
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    await sleep(intervalMs);
    try {
      last = await investigator.diagnose({ namespace: target.namespace, target: followTarget(target) });
    } catch (error) {
      last = undefined;
      if (attempt === attempts - 1)
        return { outcome: 'unsettled', text: `could not follow the replacement pod: ${userSentence(error)}` };
      continue;
    }
    // The old pod may still be terminating: only a different pod tells us anything.
    if (last.podUid === target.uid) continue;
    if (last.healthy && last.phase === 'Running') {
      const minutes = Math.max(0, Math.round((now().getTime() - startedAt.getTime()) / 60_000));
      return {
        outcome: 'healthy',
        text: `resolved: replacement pod ${last.pod} came up healthy (${minutes < 1 ? 'under a minute' : `${minutes} min`} after the action)`,
        diagnosis: last,
      };
    }
    if (!last.healthy && last.containers.length > 0) {
      const rollout = actionId === 'rollout-restart' && target.workload?.kind === 'Deployment';
      return rollout
        ? { outcome: 'stalled', text: stalledText(target, last), diagnosis: last }
        : { outcome: 'crashed', text: `crashed again: pod ${last.pod}, ${summarize(last)}`, diagnosis: last };
    }
  }
  const who = last && last.podUid !== target.uid ? last.pod : `for ${target.pod}`;
  return {
    outcome: 'unsettled',
    text: `replacement pod ${who} has not settled after ${attempts} checks; say @exitcode rediagnose later`,
  };
};
