/** StatefulSets and DaemonSets: the workload, its ControllerRevisions and its pods. */
import { DAY, type PodPlan, type WorkloadSpec, expandPods, meta, ownerRef, workloadEvents } from './build-common.ts';
import { stableSuffix, templateHash } from './names.ts';
import type { BuildContext, KubeObject, ScenarioObjects } from './types.ts';

type Json = Record<string, unknown>;

/** StatefulSets and DaemonSets: revisions are ControllerRevisions, pods carry controller-revision-hash. */
export const buildRevisioned = (ctx: BuildContext, spec: WorkloadSpec): ScenarioObjects => {
  const labels = spec.labels ?? { app: spec.name };
  const createdAgo = spec.createdAgo ?? 30 * DAY;
  const revision = spec.revision ?? 1;
  const replicas = spec.replicas ?? 1;
  const isSts = spec.kind === 'StatefulSet';
  const workload: KubeObject = {
    apiVersion: 'apps/v1',
    kind: spec.kind,
    metadata: meta(ctx, spec, spec.name, createdAgo, { generation: revision, labels }),
    spec: {
      ...(isSts ? { replicas, serviceName: spec.name, podManagementPolicy: 'OrderedReady' } : {}),
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: spec.podSpec },
      updateStrategy: {
        type: 'RollingUpdate',
        rollingUpdate: isSts ? { partition: 0 } : { maxUnavailable: 1, maxSurge: 0 },
      },
      revisionHistoryLimit: 10,
    },
    status: {},
  };
  const hash = templateHash({
    ns: spec.namespace,
    name: spec.name,
    template: { metadata: { labels }, spec: spec.podSpec },
  });
  const revisionName = `${spec.name}-${hash}`;
  const controllerRevision = (name: string, rev: number, podSpec: Json, ago: number): KubeObject => ({
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: meta(ctx, spec, name, ago, {
      labels: { ...labels, 'controller.kubernetes.io/hash': name.slice(spec.name.length + 1) },
      ownerReferences: [ownerRef(workload)],
    }),
    data: { spec: { template: { $patch: 'replace', metadata: { labels }, spec: podSpec } } },
    revision: rev,
  });
  const rolledOutAgo = spec.rolledOutAgo ?? createdAgo;
  const objects: KubeObject[] = [workload, controllerRevision(revisionName, revision, spec.podSpec, rolledOutAgo)];
  if (spec.previous) {
    const oldHash = templateHash({
      ns: spec.namespace,
      name: spec.name,
      template: { metadata: { labels }, spec: spec.previous.podSpec },
    });
    objects.push(
      controllerRevision(
        `${spec.name}-${oldHash}`,
        spec.previous.revision,
        spec.previous.podSpec,
        spec.previous.createdAgo,
      ),
    );
  }
  const plans: PodPlan[] = [];
  for (let i = 0; i < replicas; i += 1) {
    const name = isSts ? `${spec.name}-${i}` : `${spec.name}-${stableSuffix(`${spec.name}/${i}`)}`;
    plans.push({
      name,
      labels: isSts
        ? {
            ...labels,
            'controller-revision-hash': revisionName,
            'statefulset.kubernetes.io/pod-name': name,
            'apps.kubernetes.io/pod-index': String(i),
          }
        : { ...labels, 'controller-revision-hash': hash, 'pod-template-generation': String(revision) },
      owner: ownerRef(workload),
      podSpec: spec.podSpec,
      statuses: spec.statuses,
      createdAgo: spec.podCreatedAgo ?? rolledOutAgo,
      failing: true,
    });
  }
  const healthy = Object.values(spec.statuses).every((s) => s.kind === 'running');
  workload['status'] = isSts
    ? {
        observedGeneration: revision,
        replicas,
        readyReplicas: healthy ? replicas : 0,
        currentReplicas: replicas,
        updatedReplicas: replicas,
        currentRevision: revisionName,
        updateRevision: revisionName,
        collisionCount: 0,
        availableReplicas: healthy ? replicas : 0,
      }
    : {
        observedGeneration: revision,
        currentNumberScheduled: replicas,
        desiredNumberScheduled: replicas,
        numberReady: healthy ? replicas : 0,
        numberAvailable: healthy ? replicas : 0,
        updatedNumberScheduled: replicas,
        numberMisscheduled: 0,
      };
  const pods = expandPods(ctx, spec, plans);
  return { objects: [...objects, ...pods.objects, ...workloadEvents(ctx, spec, workload)], logs: pods.logs };
};
