/** Jobs (optionally owned by a CronJob) and bare pods. */
import { DAY, type WorkloadSpec, at, expandPods, meta, ownerRef, workloadEvents } from './build-common.ts';
import { stableSuffix } from './names.ts';
import type { BuildContext, KubeObject, OwnerReference, ScenarioObjects } from './types.ts';

export const buildBarePod = (ctx: BuildContext, spec: WorkloadSpec): ScenarioObjects =>
  expandPods(ctx, spec, [
    {
      name: spec.name,
      labels: spec.labels ?? { run: spec.name },
      podSpec: spec.podSpec,
      statuses: spec.statuses,
      createdAgo: spec.podCreatedAgo ?? spec.createdAgo ?? 3600,
      failing: true,
    },
  ]);

export const buildJob = (ctx: BuildContext, spec: WorkloadSpec): ScenarioObjects => {
  const createdAgo = spec.createdAgo ?? 3600;
  const objects: KubeObject[] = [];
  let cronOwner: OwnerReference | undefined;
  if (spec.cronJob) {
    const cron: KubeObject = {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: meta(ctx, spec, spec.cronJob.name, 20 * DAY),
      spec: {
        schedule: spec.cronJob.schedule,
        concurrencyPolicy: 'Forbid',
        suspend: false,
        successfulJobsHistoryLimit: 3,
        failedJobsHistoryLimit: 1,
        jobTemplate: { spec: { backoffLimit: 6, template: { spec: spec.podSpec } } },
      },
      status: {
        lastScheduleTime: at(ctx, createdAgo),
        active: [{ kind: 'Job', namespace: spec.namespace, name: spec.name, apiVersion: 'batch/v1' }],
      },
    };
    objects.push(cron);
    cronOwner = ownerRef(cron);
  }
  const uid = ctx.uid();
  const jobLabels = {
    'batch.kubernetes.io/controller-uid': uid,
    'batch.kubernetes.io/job-name': spec.name,
    'controller-uid': uid,
    'job-name': spec.name,
  };
  const podSpec = { restartPolicy: 'OnFailure', ...spec.podSpec };
  const job: KubeObject = {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      ...meta(ctx, spec, spec.name, createdAgo, { labels: { ...(spec.labels ?? {}), ...jobLabels } }),
      uid,
      ...(cronOwner ? { ownerReferences: [cronOwner] } : {}),
    },
    spec: {
      parallelism: 1,
      completions: 1,
      backoffLimit: 6,
      completionMode: 'NonIndexed',
      suspend: false,
      selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } },
      template: { metadata: { labels: { ...(spec.labels ?? {}), ...jobLabels } }, spec: podSpec },
    },
    status: { startTime: at(ctx, createdAgo), active: 1, ready: 0, terminating: 0, uncountedTerminatedPods: {} },
  };
  objects.push(job);
  const pods = expandPods(ctx, { ...spec, podSpec }, [
    {
      name: `${spec.name}-${stableSuffix(spec.name)}`,
      labels: { ...(spec.labels ?? {}), ...jobLabels },
      owner: ownerRef(job),
      podSpec,
      statuses: spec.statuses,
      createdAgo: spec.podCreatedAgo ?? createdAgo,
      failing: true,
    },
  ]);
  return { objects: [...objects, ...pods.objects, ...workloadEvents(ctx, spec, job)], logs: pods.logs };
};
