/**
 * Which causes a restart can fix: a fresh process (and, for a pod, a fresh node placement) helps a
 * stuck dependency or DNS, a wedged or leaking process whose probe fails, a transient OOM, a stop or an
 * eviction. It does not help a missing variable, a bad image, bad configuration, a full or non-empty
 * data directory or a bug in the code: the new pod crashes the same way, so those get the reason and
 * the fix instead of a button. An unknown cause gets no button either: nothing says a restart helps.
 */
import type { CategoryId } from '../../diagnosis/taxonomy.ts';
import type { Diagnosis } from '../../diagnosis/types.ts';
import type { Availability } from './action.ts';

export const RESTART_HELPS: ReadonlySet<CategoryId> = new Set<CategoryId>([
  'dependency_unreachable',
  'dns_resolution_failure',
  'probe_failure',
  'oom_killed',
  'heap_out_of_memory',
  'sigterm_shutdown',
  'evicted',
]);

/** The step that changes something (a fix), before one that only looks (kubectl get, describe, logs). */
const CHANGES = /\b(kubectl (set|apply|edit|patch|create|label|annotate|scale|rollout undo)|helm (upgrade|rollback))\b/;
const fixCommand = (steps: readonly string[]): string | undefined =>
  steps.find((step) => CHANGES.test(step)) ?? steps.find((step) => /\bkubectl\b/.test(step)) ?? steps[0];

/** A restart of some kind fits this diagnosis: the pod is failing and the cause is one a restart fixes. */
export const restartFits = (diagnosis: Diagnosis, what: string): Availability => {
  const failing = diagnosis.containers[0];
  if (diagnosis.healthy || !failing) return { ok: false, reason: `pod ${diagnosis.pod} is not failing now` };
  const best = failing.classification.best;
  if (RESTART_HELPS.has(best.category)) return { ok: true };
  const fix = fixCommand(best.nextSteps);
  return {
    ok: false,
    reason: `a ${what} does not fix this cause (${best.title}): the new pod would crash the same way`,
    ...(fix ? { fix } : {}),
  };
};
