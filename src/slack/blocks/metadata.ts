/**
 * What a diagnosis message carries besides its text (pure): the pod its thread is about, and the
 * incident's structured facts (cause, evidence, exit, restarts, first crash, rollout) that `summary`
 * reads instead of message text. Slack metadata values must be strings.
 */
import { exitHeadline } from '../../diagnosis/exit-codes.ts';
import { clip } from '../../diagnosis/format.ts';
import type { Diagnosis } from '../../diagnosis/types.ts';
import { METADATA_EVENT } from '../ids.ts';
import { evidenceLines, refOf } from './diagnosis.ts';
import { plainCause, type Severity } from './severity.ts';

/**
 * The diagnosis message's metadata: the pod a thread is about (threads find it here) and the incident's
 * structured facts, which `summary` reads instead of message text. Values must be strings.
 */
export const diagnosisMetadata = ({
  diagnosis: d,
  severity,
}: {
  diagnosis: Diagnosis;
  severity: Severity;
}): { event_type: string; event_payload: Record<string, string> } => {
  const ref = refOf(d);
  const payload: Record<string, string> = {
    cluster: ref.cluster ?? '',
    namespace: ref.namespace,
    pod: ref.pod,
    uid: ref.uid ?? '',
    severity,
    generated_at: d.generatedAt,
  };
  if (ref.container) payload.container = ref.container;
  const top = d.containers[0];
  if (top) {
    const { best, exit } = top.classification;
    payload.category = best.category;
    payload.cause = clip(plainCause(best), 300);
    payload.confidence = String(Math.round(best.confidence * 100));
    payload.exit = clip(exitHeadline(exit), 200);
    payload.restarts = String(top.restartCount);
    if (top.lastCrashAt) payload.last_crash = top.lastCrashAt;
    payload.evidence = clip(evidenceLines(best.evidence).slice(0, 5).join('\n'), 1500);
  }
  if (d.workload) {
    payload.workload = `${d.workload.kind.toLowerCase()}/${d.workload.name}`;
    if (d.workload.revision) payload.revision = d.workload.revision;
    if (d.workload.rolledOutAt) payload.rolled_out = d.workload.rolledOutAt;
  }
  // When the trouble began: the crash frequency's window start, else the first crash on the timeline.
  const firstCrash = top?.failingSince ?? d.timeline.find((t) => /terminat|crash|backoff|oom|exit/i.test(t.what))?.at;
  if (firstCrash) payload.first_crash = firstCrash;
  return { event_type: METADATA_EVENT, event_payload: payload };
};
