/**
 * The controllers' part of the demo: when a controller-owned pod is deleted, or a workload's template
 * changes, new pods appear after a short delay, as the ReplicaSet/StatefulSet/DaemonSet/Job controller
 * would make them. What the new pods do follows their scenario's `afterRestart`.
 */
import { randomUUID } from 'node:crypto';
import { buildEvent } from './build-events.ts';
import { type StatusSpec, buildPod } from './build-pod.ts';
import { randomSuffix } from './names.ts';
import { type DemoState, RESOURCE_OF_KIND } from './state.ts';
import type { KubeObject, OwnerReference } from './types.ts';

type Json = Record<string, unknown>;

const ownerOf = (object: KubeObject): OwnerReference | undefined =>
  object.metadata.ownerReferences?.find((o) => o.controller) ?? object.metadata.ownerReferences?.[0];

/** Walks the owner chain (pod -> ReplicaSet -> Deployment) to the scenario the objects came from. */
export const restartModeOf = (state: DemoState, pod: KubeObject): 'healthy' | 'crashes' => {
  let current: KubeObject | undefined = pod;
  for (let depth = 0; current && depth < 4; depth += 1) {
    const scenario = state.scenarioOf.get(`${current.metadata.namespace}/${current.kind}/${current.metadata.name}`);
    if (scenario) return scenario.afterRestart;
    const owner = ownerOf(current);
    if (!owner) break;
    current = state.list(resourceFor(owner.kind), current.metadata.namespace).find((o) => o.metadata.uid === owner.uid);
  }
  return 'crashes';
};

const resourceFor = (kind: string): string => RESOURCE_OF_KIND[kind] ?? `${kind.toLowerCase()}s`;

/** Status specs for a new pod: healthy, or crashing the way the pod it replaces did. */
const statusesFor = (mode: 'healthy' | 'crashes', podSpec: Json, old: KubeObject): Record<string, StatusSpec> => {
  const statuses: Record<string, StatusSpec> = {};
  const status = (old['status'] ?? {}) as Json;
  const oldStatuses = [
    ...((status['initContainerStatuses'] as Json[] | undefined) ?? []),
    ...((status['containerStatuses'] as Json[] | undefined) ?? []),
  ];
  for (const c of (podSpec['initContainers'] as Json[] | undefined) ?? []) {
    statuses[String(c['name'])] = { kind: 'terminated', term: { exitCode: 0, startedAgo: 1, finishedAgo: 0 } };
  }
  for (const c of (podSpec['containers'] as Json[] | undefined) ?? [])
    statuses[String(c['name'])] = { kind: 'running', startedAgo: 0 };
  if (mode === 'healthy') return statuses;
  for (const s of oldStatuses) {
    const name = String(s['name']);
    const state = (s['state'] ?? {}) as Json;
    const last = ((s['lastState'] ?? {}) as Json)['terminated'] as Json | undefined;
    const waiting = state['waiting'] as Json | undefined;
    const terminated = (state['terminated'] as Json | undefined) ?? last;
    if (terminated && (terminated['exitCode'] !== 0 || last)) {
      const term = {
        exitCode: Number(terminated['exitCode']),
        reason: String(terminated['reason'] ?? 'Error'),
        ...(terminated['message'] ? { message: String(terminated['message']) } : {}),
        startedAgo: 2,
        finishedAgo: 1,
      };
      statuses[name] = { kind: 'crashLoop', last: term, restartCount: 1, backoff: '10s' };
    } else if (waiting) {
      statuses[name] = {
        kind: 'waiting',
        reason: String(waiting['reason']),
        ...(waiting['message'] ? { message: String(waiting['message']) } : {}),
      };
    }
  }
  return statuses;
};

/** Creates the pod that replaces `old`, from the controller's template. */
export const createReplacement = (input: {
  state: DemoState;
  old: KubeObject;
  owner: KubeObject;
  template: Json;
  name: string;
  labels: Record<string, string>;
}): KubeObject => {
  const { state, old, owner } = input;
  const mode = restartModeOf(state, old);
  const podSpec = structuredClone((input.template['spec'] ?? {}) as Json);
  const nodeName = String(((old['spec'] ?? {}) as Json)['nodeName'] ?? 'node-amd64-1');
  const namespace = String(old.metadata.namespace);
  const pod = buildPod(
    {
      namespace,
      name: input.name,
      labels: input.labels,
      owner: {
        apiVersion: owner.apiVersion,
        kind: owner.kind,
        name: owner.metadata.name,
        uid: String(owner.metadata.uid),
        controller: true,
        blockOwnerDeletion: true,
      },
      spec: podSpec,
      nodeName,
      createdAgo: 0,
      statuses: statusesFor(mode, podSpec, old),
    },
    state.now(),
    randomUUID(),
  );
  state.put(pod);
  copyLogs(state, old, pod, mode);
  const involved = { kind: 'Pod', apiVersion: 'v1', namespace, name: input.name, uid: String(pod.metadata.uid) };
  const events = [
    {
      reason: 'Scheduled',
      message: `Successfully assigned ${namespace}/${input.name} to ${nodeName}`,
      firstAgo: 0,
      component: 'default-scheduler',
    },
    ...((podSpec['containers'] as Json[] | undefined) ?? []).flatMap((c) => [
      {
        reason: 'Created',
        message: `Created container: ${String(c['name'])}`,
        firstAgo: 0,
        fieldPath: `spec.containers{${String(c['name'])}}`,
      },
      {
        reason: 'Started',
        message: `Started container ${String(c['name'])}`,
        firstAgo: 0,
        fieldPath: `spec.containers{${String(c['name'])}}`,
      },
    ]),
  ];
  events.forEach((event, i) => {
    state.put(
      buildEvent({ object: involved, event, now: state.now(), host: nodeName, seed: `${pod.metadata.uid}/${i}` }),
    );
  });
  return pod;
};

const copyLogs = (state: DemoState, old: KubeObject, pod: KubeObject, mode: 'healthy' | 'crashes'): void => {
  const namespace = String(old.metadata.namespace);
  const spec = (pod['spec'] ?? {}) as Json;
  const names = [
    ...((spec['initContainers'] as Json[] | undefined) ?? []),
    ...((spec['containers'] as Json[] | undefined) ?? []),
  ].map((c) => String(c['name']));
  const at = state.now().toISOString();
  const before = new Map(names.map((name) => [name, state.getLogs(namespace, old.metadata.name, name)]));
  // A StatefulSet's replacement has the old name: forget the old instance's logs before writing the new ones.
  state.dropLogs(namespace, old.metadata.name);
  for (const name of names) {
    const previous = before.get(name);
    if (mode === 'crashes') {
      // The new instance crashes the same way: its previous log is the old pod's last crash log.
      const last = previous?.previous ?? previous?.current;
      if (last) state.setLogs(namespace, pod.metadata.name, name, { previous: last.map((e) => ({ ...e, at })) });
      continue;
    }
    state.setLogs(namespace, pod.metadata.name, name, {
      current: [{ at, text: `{"level":"info","time":"${at}","msg":"started","container":"${name}","ready":true}` }],
    });
  }
};

/** The pod name and labels a controller gives to the replacement of `old`. */
export const replacementIdentity = (
  owner: KubeObject,
  old: KubeObject,
  template: Json,
): { name: string; labels: Record<string, string> } => {
  const templateLabels = ((template['metadata'] ?? {}) as Json)['labels'] as Record<string, string> | undefined;
  const labels = { ...(templateLabels ?? old.metadata.labels ?? {}) };
  if (owner.kind === 'StatefulSet') {
    // StatefulSet pods keep their identity (name and ordinal); only the uid changes.
    for (const key of ['statefulset.kubernetes.io/pod-name', 'apps.kubernetes.io/pod-index']) {
      const value = old.metadata.labels?.[key];
      if (value !== undefined) labels[key] = value;
    }
    const status = (owner['status'] ?? {}) as Json;
    if (status['updateRevision']) labels['controller-revision-hash'] = String(status['updateRevision']);
    return { name: old.metadata.name, labels };
  }
  if (owner.kind === 'DaemonSet') {
    for (const key of ['controller-revision-hash', 'pod-template-generation']) {
      const value = old.metadata.labels?.[key];
      if (value !== undefined && labels[key] === undefined) labels[key] = value;
    }
  }
  return { name: `${owner.metadata.name}-${randomSuffix()}`, labels };
};

/** The controller object that owns `pod` and the template it stamps pods from, if any. */
export const controllerOf = (state: DemoState, pod: KubeObject): { owner: KubeObject; template: Json } | undefined => {
  const ref = ownerOf(pod);
  if (!ref) return undefined;
  const owner = state.get(resourceFor(ref.kind), pod.metadata.namespace, ref.name);
  if (!owner || owner.metadata.uid !== ref.uid) return undefined;
  const spec = (owner['spec'] ?? {}) as Json;
  const template = (spec['template'] as Json | undefined) ?? {};
  return { owner, template };
};
