/**
 * Expands a short workload description into what a real cluster would hold: the workload, its
 * ReplicaSets or ControllerRevisions (with revisions and pod-template-hash labels), its pods with
 * statuses, their events, and the containers' logs.
 */
import { buildDeployment } from './build-deployment.ts';
import { buildBarePod, buildJob } from './build-job.ts';
import { buildRevisioned } from './build-revisioned.ts';
import type { BuildContext, ScenarioObjects } from './types.ts';
import type { WorkloadSpec } from './build-common.ts';

export type { WorkloadSpec } from './build-common.ts';

export const buildWorkload = (ctx: BuildContext, spec: WorkloadSpec): ScenarioObjects => {
  const builders = {
    Deployment: buildDeployment,
    StatefulSet: buildRevisioned,
    DaemonSet: buildRevisioned,
    Job: buildJob,
    Pod: buildBarePod,
  };
  return builders[spec.kind](ctx, spec);
};
