/** Deployments: the Deployment, its ReplicaSets (current and previous revision) and their pods. */
import {
  DAY,
  type PodPlan,
  type WorkloadSpec,
  expandPods,
  healthyStatuses,
  meta,
  ownerRef,
  workloadEvents,
} from './build-common.ts';
import { stableSuffix, templateHash } from './names.ts';
import type { BuildContext, KubeObject, ScenarioObjects } from './types.ts';

type Json = Record<string, unknown>;

export const buildDeployment = (ctx: BuildContext, spec: WorkloadSpec): ScenarioObjects => {
  const labels = spec.labels ?? { app: spec.name };
  const revision = spec.revision ?? 1;
  const createdAgo = spec.createdAgo ?? 30 * DAY;
  const rolledOutAgo = spec.rolledOutAgo ?? createdAgo;
  const replicas = spec.replicas ?? 1;
  // A stuck rollout: the old pods still serve the desired count, the new ReplicaSet has surged `replicas`.
  const desired = Math.max(replicas, spec.previous?.pods ?? 0);
  const template = { metadata: { labels }, spec: spec.podSpec };
  const deployment: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta(ctx, spec, spec.name, createdAgo, {
      generation: revision,
      labels,
      annotations: { 'deployment.kubernetes.io/revision': String(revision) },
    }),
    spec: {
      replicas: desired,
      selector: { matchLabels: labels },
      template,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    },
    status: {},
  };
  const replicaSet = (podSpec: Json, rev: number, ago: number, count: number): KubeObject => {
    const hash = templateHash({
      ns: spec.namespace,
      name: spec.name,
      template: { metadata: { labels }, spec: podSpec },
    });
    const rsLabels = { ...labels, 'pod-template-hash': hash };
    return {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: meta(ctx, spec, `${spec.name}-${hash}`, ago, {
        labels: rsLabels,
        annotations: {
          'deployment.kubernetes.io/desired-replicas': String(desired),
          'deployment.kubernetes.io/max-replicas': String(desired + Math.max(1, Math.ceil(desired / 4))),
          'deployment.kubernetes.io/revision': String(rev),
        },
        ownerReferences: [ownerRef(deployment)],
      }),
      spec: {
        replicas: count,
        selector: { matchLabels: rsLabels },
        template: { metadata: { labels: rsLabels }, spec: podSpec },
      },
      status: { replicas: count, fullyLabeledReplicas: count, observedGeneration: 1 },
    };
  };
  const current = replicaSet(spec.podSpec, revision, rolledOutAgo, replicas);
  const objects: KubeObject[] = [deployment, current];
  const plans: PodPlan[] = [];
  const rsLabels = (rs: KubeObject) => rs.metadata.labels ?? {};
  for (let i = 0; i < replicas; i += 1) {
    plans.push({
      name: `${current.metadata.name}-${stableSuffix(`${current.metadata.name}/${i}`)}`,
      labels: rsLabels(current),
      owner: ownerRef(current),
      podSpec: spec.podSpec,
      statuses: spec.statuses,
      createdAgo: spec.podCreatedAgo ?? rolledOutAgo,
      failing: true,
    });
  }
  if (spec.previous) {
    const old = replicaSet(
      spec.previous.podSpec,
      spec.previous.revision,
      spec.previous.createdAgo,
      spec.previous.pods ?? 0,
    );
    objects.push(old);
    for (let i = 0; i < (spec.previous.pods ?? 0); i += 1) {
      plans.push({
        name: `${old.metadata.name}-${stableSuffix(`${old.metadata.name}/${i}`)}`,
        labels: rsLabels(old),
        owner: ownerRef(old),
        podSpec: spec.previous.podSpec,
        statuses: healthyStatuses(spec.previous.podSpec, spec.previous.createdAgo - 60),
        createdAgo: spec.previous.createdAgo - 30,
        failing: false,
      });
    }
  }
  const healthy = Object.values(spec.statuses).every((s) => s.kind === 'running' && s.ready !== false);
  const oldPods = spec.previous?.pods ?? 0;
  deployment['status'] = {
    observedGeneration: revision,
    replicas: replicas + oldPods,
    updatedReplicas: replicas,
    readyReplicas: (healthy ? replicas : 0) + oldPods,
    availableReplicas: (healthy ? replicas : 0) + oldPods,
    ...(healthy ? {} : { unavailableReplicas: replicas }),
    conditions: [
      {
        type: 'Available',
        status: healthy || oldPods > 0 ? 'True' : 'False',
        reason: healthy ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable',
      },
      { type: 'Progressing', status: 'True', reason: healthy ? 'NewReplicaSetAvailable' : 'ReplicaSetUpdated' },
    ],
  };
  const pods = expandPods(ctx, spec, plans);
  return {
    objects: [...objects, ...pods.objects, ...workloadEvents(ctx, spec, deployment, current.metadata.name)],
    logs: pods.logs,
  };
};
