/**
 * What the Deployment, StatefulSet and DaemonSet controllers do when a workload's pod template changes
 * (a `kubectl rollout restart` patch): a new revision, and the old pods replaced by new ones.
 */
import { buildEvent } from './build-events.ts';
import { createReplacement, replacementIdentity } from './controller.ts';
import { templateHash } from './names.ts';
import type { DemoState } from './state.ts';
import type { KubeObject } from './types.ts';

type Json = Record<string, unknown>;

/** Runs `work` after the configured controller delay (the server owns the timers). */
export type Schedule = (work: () => void) => void;

const ownedBy = (state: DemoState, resource: string, owner: KubeObject): KubeObject[] =>
  state
    .list(resource, owner.metadata.namespace)
    .filter((o) => o.metadata.ownerReferences?.some((r) => r.uid === owner.metadata.uid));

const specOf = (object: KubeObject): Json => (object['spec'] ?? {}) as Json;

const recordEvent = (
  state: DemoState,
  object: KubeObject,
  reason: string,
  message: string,
  component: string,
): void => {
  state.put(
    buildEvent({
      object: {
        kind: object.kind,
        apiVersion: object.apiVersion,
        namespace: String(object.metadata.namespace),
        name: object.metadata.name,
        uid: String(object.metadata.uid),
      },
      event: { reason, message, firstAgo: 0, component },
      now: state.now(),
      seed: `${object.metadata.uid}/${state.nextResourceVersion()}`,
    }),
  );
};

const replacePods = (
  state: DemoState,
  schedule: Schedule,
  owner: KubeObject,
  pods: KubeObject[],
  template: Json,
): void => {
  for (const pod of pods) state.remove('pods', pod.metadata.namespace, pod.metadata.name);
  schedule(() => {
    for (const old of pods) {
      const identity = replacementIdentity(owner, old, template);
      createReplacement({ state, old, owner, template, ...identity });
    }
  });
};

const rolloutDeployment = (state: DemoState, schedule: Schedule, deployment: KubeObject): void => {
  const template = structuredClone(specOf(deployment)['template'] as Json);
  const namespace = deployment.metadata.namespace;
  const sets = ownedBy(state, 'replicasets', deployment);
  const revisionOf = (rs: KubeObject) => Number(rs.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0);
  const revision = Math.max(0, ...sets.map(revisionOf)) + 1;
  const hash = templateHash({ ns: namespace, name: deployment.metadata.name, template });
  const labels = {
    ...(((template['metadata'] ?? {}) as Json)['labels'] as Record<string, string>),
    'pod-template-hash': hash,
  };
  const replicas = Number(specOf(deployment)['replicas'] ?? 1);
  const podTemplate = { ...template, metadata: { ...((template['metadata'] ?? {}) as Json), labels } };
  const existing = sets.find((rs) => rs.metadata.labels?.['pod-template-hash'] === hash);
  const replicaSet: KubeObject = existing ?? {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${deployment.metadata.name}-${hash}`,
      ...(namespace === undefined ? {} : { namespace }),
      labels,
      annotations: {},
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          name: deployment.metadata.name,
          uid: String(deployment.metadata.uid),
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: { replicas, selector: { matchLabels: labels }, template: podTemplate },
    status: { replicas, observedGeneration: 1 },
  };
  replicaSet.metadata.annotations = {
    ...replicaSet.metadata.annotations,
    'deployment.kubernetes.io/revision': String(revision),
    'deployment.kubernetes.io/desired-replicas': String(replicas),
  };
  (replicaSet['spec'] as Json)['replicas'] = replicas;
  state.put(replicaSet);
  const oldPods: KubeObject[] = [];
  for (const rs of sets) {
    if (rs === replicaSet) continue;
    (rs['spec'] as Json)['replicas'] = 0;
    rs['status'] = { replicas: 0, observedGeneration: 2 };
    state.put(rs);
    oldPods.push(...ownedBy(state, 'pods', rs));
  }
  deployment.metadata.annotations = {
    ...deployment.metadata.annotations,
    'deployment.kubernetes.io/revision': String(revision),
  };
  recordEvent(
    state,
    deployment,
    'ScalingReplicaSet',
    `Scaled up replica set ${replicaSet.metadata.name} from 0 to ${replicas}`,
    'deployment-controller',
  );
  // Old pods are replaced one for one by pods of the new ReplicaSet.
  replacePods(state, schedule, replicaSet, oldPods, podTemplate);
};

const rolloutRevisioned = (state: DemoState, schedule: Schedule, workload: KubeObject): void => {
  const template = structuredClone(specOf(workload)['template'] as Json);
  const revisions = ownedBy(state, 'controllerrevisions', workload);
  const revision = Math.max(0, ...revisions.map((r) => Number(r['revision'] ?? 0))) + 1;
  const hash = templateHash({ ns: workload.metadata.namespace, name: workload.metadata.name, template });
  const name = `${workload.metadata.name}-${hash}`;
  state.put({
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name,
      namespace: String(workload.metadata.namespace),
      labels: {
        ...(((template['metadata'] ?? {}) as Json)['labels'] as Record<string, string>),
        'controller.kubernetes.io/hash': hash,
      },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: workload.kind,
          name: workload.metadata.name,
          uid: String(workload.metadata.uid),
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    data: { spec: { template: { $patch: 'replace', ...template } } },
    revision,
  });
  const status = (workload['status'] ?? {}) as Json;
  const podTemplate = structuredClone(template);
  const metadata = (podTemplate['metadata'] ?? {}) as Json;
  const labels = { ...((metadata['labels'] ?? {}) as Record<string, string>) };
  podTemplate['metadata'] = { ...metadata, labels };
  if (workload.kind === 'StatefulSet') {
    workload['status'] = { ...status, updateRevision: name, currentRevision: name };
  } else {
    labels['controller-revision-hash'] = hash;
    labels['pod-template-generation'] = String(workload.metadata.generation ?? 1);
  }
  recordEvent(
    state,
    workload,
    'SuccessfulDelete',
    `delete Pod for rollout to revision ${revision}`,
    `${workload.kind.toLowerCase()}-controller`,
  );
  replacePods(state, schedule, workload, ownedBy(state, 'pods', workload), podTemplate);
};

/** Called after a patch changed a workload's spec.template. */
export const rollout = (state: DemoState, schedule: Schedule, workload: KubeObject): void => {
  if (workload.kind === 'Deployment') rolloutDeployment(state, schedule, workload);
  else rolloutRevisioned(state, schedule, workload);
};
