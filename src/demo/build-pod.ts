/**
 * Builds pod objects with realistic statuses from a short description of what each container did.
 * Times are "seconds ago" so that scenarios read like an incident timeline.
 */
import { containerId, imageId } from './names.ts';
import type { KubeObject, OwnerReference } from './types.ts';

export interface Termination {
  exitCode: number;
  reason?: string;
  message?: string;
  signal?: number;
  startedAgo: number;
  finishedAgo: number;
}

/** What one container is doing now, and what its last instance did. */
export type StatusSpec =
  | { kind: 'crashLoop'; last: Termination; restartCount: number; backoff?: string }
  | { kind: 'waiting'; reason: string; message?: string; restartCount?: number; last?: Termination }
  | { kind: 'running'; startedAgo: number; restartCount?: number; last?: Termination; ready?: boolean }
  | { kind: 'terminated'; term: Termination; restartCount?: number };

type Json = Record<string, unknown>;

export interface PodBuild {
  namespace: string;
  name: string;
  labels: Record<string, string>;
  annotations?: Record<string, string>;
  owner?: OwnerReference;
  /** The pod spec (containers, initContainers, volumes, securityContext, ...), without nodeName. */
  spec: Json;
  nodeName: string;
  createdAgo: number;
  statuses: Record<string, StatusSpec>;
  podIP?: string;
}

const terminated = (at: (s: number) => string, t: Termination, seed: string): Json => ({
  terminated: {
    exitCode: t.exitCode,
    ...(t.signal === undefined ? {} : { signal: t.signal }),
    reason: t.reason ?? (t.exitCode === 0 ? 'Completed' : 'Error'),
    ...(t.message === undefined ? {} : { message: t.message }),
    startedAt: at(t.startedAgo),
    finishedAt: at(t.finishedAgo),
    containerID: containerId(`${seed}/${t.startedAgo}`),
  },
});

const containerStatus = (
  at: (s: number) => string,
  pod: { namespace: string; name: string; uid: string },
  container: Json,
  spec: StatusSpec | undefined,
): Json => {
  const name = String(container['name']);
  const image = String(container['image']);
  const seed = `${pod.uid}/${name}`;
  const base = { name, image, imageID: imageId(image) };
  const s: StatusSpec = spec ?? { kind: 'running', startedAgo: 60 };
  switch (s.kind) {
    case 'crashLoop':
      return {
        ...base,
        ready: false,
        started: false,
        restartCount: s.restartCount,
        state: {
          waiting: {
            reason: 'CrashLoopBackOff',
            message: `back-off ${s.backoff ?? '5m0s'} restarting failed container=${name} pod=${pod.name}_${pod.namespace}(${pod.uid})`,
          },
        },
        lastState: terminated(at, s.last, seed),
        containerID: containerId(`${seed}/${s.last.startedAgo}`),
      };
    case 'waiting':
      return {
        ...base,
        // A container that never ran has no image id yet.
        imageID: s.last ? base.imageID : '',
        ready: false,
        started: false,
        restartCount: s.restartCount ?? 0,
        state: { waiting: { reason: s.reason, ...(s.message === undefined ? {} : { message: s.message }) } },
        lastState: s.last ? terminated(at, s.last, seed) : {},
      };
    case 'running':
      return {
        ...base,
        ready: s.ready ?? true,
        started: true,
        restartCount: s.restartCount ?? 0,
        state: { running: { startedAt: at(s.startedAgo) } },
        lastState: s.last ? terminated(at, s.last, seed) : {},
        containerID: containerId(`${seed}/${s.startedAgo}`),
      };
    case 'terminated':
      return {
        ...base,
        ready: false,
        started: false,
        restartCount: s.restartCount ?? 0,
        state: terminated(at, s.term, seed),
        lastState: {},
        containerID: containerId(`${seed}/${s.term.startedAgo}`),
      };
  }
};

const containersOf = (spec: Json, field: string): Json[] => (Array.isArray(spec[field]) ? (spec[field] as Json[]) : []);

const qosClass = (containers: Json[]): string => {
  let any = false;
  let guaranteed = true;
  for (const c of containers) {
    const r = (c['resources'] ?? {}) as { limits?: Json; requests?: Json };
    if (r.limits || r.requests) any = true;
    if (!r.limits?.['memory'] || !r.limits?.['cpu']) guaranteed = false;
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
};

/** The pod phase the kubelet would report for these statuses. */
const phaseOf = (init: Json[], main: Json[]): string => {
  const initDone = init.every((s) => Boolean((s['state'] as Json)['terminated']));
  const initOk = init.every((s) => ((s['state'] as Json)['terminated'] as Json | undefined)?.['exitCode'] === 0);
  if (!initDone || !initOk) return 'Pending';
  const neverStarted = main.every((s) => (s['state'] as Json)['waiting'] && !(s['lastState'] as Json)['terminated']);
  if (neverStarted) return 'Pending';
  const allDone = main.every((s) => (s['state'] as Json)['terminated']);
  if (allDone) {
    const ok = main.every((s) => ((s['state'] as Json)['terminated'] as Json)['exitCode'] === 0);
    return ok ? 'Succeeded' : 'Failed';
  }
  return 'Running';
};

export const buildPod = (input: PodBuild, now: Date, uid: string): KubeObject => {
  const at = (seconds: number): string =>
    new Date(now.getTime() - seconds * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
  const ref = { namespace: input.namespace, name: input.name, uid };
  const init = containersOf(input.spec, 'initContainers');
  const main = containersOf(input.spec, 'containers');
  const initStatuses = init.map((c) => containerStatus(at, ref, c, input.statuses[String(c['name'])]));
  const statuses = main.map((c) => containerStatus(at, ref, c, input.statuses[String(c['name'])]));
  const phase = phaseOf(initStatuses, statuses);
  const initialized = phase !== 'Pending' || initStatuses.every((s) => (s['state'] as Json)['terminated']);
  const ready = statuses.every((s) => s['ready'] === true);
  const created = at(input.createdAgo);
  const condition = (type: string, status: boolean, reason?: string): Json => ({
    type,
    status: status ? 'True' : 'False',
    lastProbeTime: null,
    lastTransitionTime: created,
    ...(reason && !status ? { reason } : {}),
  });
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: input.name,
      namespace: input.namespace,
      uid,
      creationTimestamp: created,
      labels: input.labels,
      ...(input.annotations ? { annotations: input.annotations } : {}),
      ...(input.owner ? { ownerReferences: [input.owner] } : {}),
    },
    spec: {
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      serviceAccountName: 'default',
      schedulerName: 'default-scheduler',
      ...structuredClone(input.spec),
      nodeName: input.nodeName,
    },
    status: {
      phase,
      conditions: [
        condition('PodReadyToStartContainers', true),
        condition('Initialized', initialized, 'ContainersNotInitialized'),
        condition('Ready', ready, 'ContainersNotReady'),
        condition('ContainersReady', ready, 'ContainersNotReady'),
        condition('PodScheduled', true),
      ],
      hostIP: '10.0.1.10',
      podIP: input.podIP ?? '10.244.1.17',
      startTime: created,
      qosClass: qosClass(main),
      ...(initStatuses.length > 0 ? { initContainerStatuses: initStatuses } : {}),
      containerStatuses: statuses,
    },
  };
};
