/**
 * After an action, follow the replacement pod for a bounded number of polls and say in the thread
 * whether it came up healthy or crashed again (with the fresh diagnosis then). Bounded in attempts,
 * with an injected sleep, so tests never wait and a stuck rollout never keeps a loop alive.
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
  return `pod ${diagnosis.pod}, container ${failing.container}: ${best.title} (${failing.classification.exit.summary}; confidence ${Math.round(best.confidence * 100)}%)`;
};

export type FollowUpOutcome = 'healthy' | 'crashed' | 'unsettled';

export const followUp = async ({
  investigator,
  target,
  notifier,
  sleep,
  attempts,
  intervalMs,
}: {
  investigator: Investigator;
  target: ActionTarget;
  notifier: { say(text: string): Promise<void> };
  sleep: (ms: number) => Promise<void>;
  attempts: number;
  intervalMs: number;
}): Promise<FollowUpOutcome> => {
  let last: Diagnosis | undefined;
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    await sleep(intervalMs);
    try {
      last = await investigator.diagnose({ namespace: target.namespace, target: followTarget(target) });
    } catch (error) {
      last = undefined;
      if (attempt === attempts - 1) {
        await notifier.say(`Could not follow the replacement pod: ${userSentence(error)}`);
        return 'unsettled';
      }
      continue;
    }
    // The old pod may still be terminating: only a different pod tells us anything.
    if (last.podUid === target.uid) continue;
    if (last.healthy && last.phase === 'Running') {
      await notifier.say(`:white_check_mark: Replacement pod ${last.pod} came up healthy.`);
      return 'healthy';
    }
    if (!last.healthy && last.containers.length > 0) {
      await notifier.say(`:x: Replacement pod ${last.pod} crashed again. Fresh diagnosis: ${summarize(last)}`);
      return 'crashed';
    }
  }
  await notifier.say(
    `Replacement pod ${last && last.podUid !== target.uid ? last.pod : 'for ' + target.pod} has not settled after ${attempts} checks; run \`@exitcode rediagnose\` later.`,
  );
  return 'unsettled';
};
