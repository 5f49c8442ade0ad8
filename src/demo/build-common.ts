/**
 * What every workload builder shares: the workload description, metadata and owner references, and
 * the expansion of planned pods into pod objects, their events and their containers' logs.
 */
import { type EventSpec, buildEvent, timedLog } from './build-events.ts';
import { type StatusSpec, buildPod } from './build-pod.ts';
import type { BuildContext, KubeObject, OwnerReference, ScenarioObjects } from './types.ts';

type Json = Record<string, unknown>;

export interface WorkloadSpec {
  kind: 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'Job' | 'Pod';
  namespace: string;
  name: string;
  /** Pod spec: containers, initContainers, volumes, securityContext, restartPolicy. */
  podSpec: Json;
  labels?: Record<string, string>;
  replicas?: number;
  /** Current revision number (Deployment: deployment.kubernetes.io/revision; StatefulSet: ControllerRevision). */
  revision?: number;
  /** When the current revision rolled out (seconds ago). */
  rolledOutAgo?: number;
  createdAgo?: number;
  /** The revision before the current one, with its template; `pods` of it still running (a stuck rollout). */
  previous?: { revision: number; podSpec: Json; createdAgo: number; pods?: number };
  node?: string;
  podCreatedAgo?: number;
  statuses: Record<string, StatusSpec>;
  events?: EventSpec[];
  workloadEvents?: EventSpec[];
  logs?: Record<string, { previous?: string[]; current?: string[] }>;
  /** The CronJob that owns the Job, when the Job is scheduled. */
  cronJob?: { name: string; schedule: string };
}

export const DAY = 86_400;

export const at = (ctx: BuildContext, seconds: number): string => ctx.ago(seconds).replace(/\.\d+Z$/, 'Z');

export const ownerRef = (object: KubeObject): OwnerReference => ({
  apiVersion: object.apiVersion,
  kind: object.kind,
  name: object.metadata.name,
  uid: String(object.metadata.uid),
  controller: true,
  blockOwnerDeletion: true,
});

export const meta = (ctx: BuildContext, spec: WorkloadSpec, name: string, createdAgo: number, extra: Json = {}) => ({
  name,
  namespace: spec.namespace,
  uid: ctx.uid(),
  creationTimestamp: at(ctx, createdAgo),
  generation: 1,
  ...extra,
});

/** Logs of a pod's containers, timed over the instance each belongs to. */
const logsFor = (ctx: BuildContext, spec: WorkloadSpec, pod: string): ScenarioObjects['logs'] =>
  Object.entries(spec.logs ?? {}).map(([container, log]) => {
    const status = spec.statuses[container];
    const last = status && 'last' in status ? status.last : status?.kind === 'terminated' ? status.term : undefined;
    const runningSince = status?.kind === 'running' ? status.startedAgo : 30;
    return {
      namespace: spec.namespace,
      pod,
      container,
      ...(log.previous && last ? { previous: timedLog(log.previous, last.startedAgo, last.finishedAgo, ctx.now) } : {}),
      ...(log.current ? { current: timedLog(log.current, runningSince, 1, ctx.now) } : {}),
    };
  });

export const healthyStatuses = (podSpec: Json, startedAgo: number): Record<string, StatusSpec> => {
  const statuses: Record<string, StatusSpec> = {};
  for (const c of (podSpec['initContainers'] as Json[] | undefined) ?? []) {
    statuses[String(c['name'])] = {
      kind: 'terminated',
      term: { exitCode: 0, startedAgo: startedAgo + 5, finishedAgo: startedAgo + 2 },
    };
  }
  for (const c of (podSpec['containers'] as Json[] | undefined) ?? []) {
    statuses[String(c['name'])] = { kind: 'running', startedAgo };
  }
  return statuses;
};

export interface PodPlan {
  name: string;
  labels: Record<string, string>;
  owner?: OwnerReference;
  podSpec: Json;
  statuses: Record<string, StatusSpec>;
  createdAgo: number;
  failing: boolean;
}

/**
 * Keeps a pod's events consistent with its statuses: scheduled when the pod was created, the last
 * pull/create/start when the last instance started, back-off after it died.
 */
const alignEvent = (event: EventSpec, plan: PodPlan): EventSpec => {
  if (event.reason === 'Scheduled') return { ...event, firstAgo: plan.createdAgo - 1, lastAgo: plan.createdAgo - 1 };
  const container = /\{([^{}]+)\}$/.exec(event.fieldPath ?? '')?.[1];
  const status = container === undefined ? undefined : plan.statuses[container];
  const last = status && 'last' in status ? status.last : undefined;
  if (!last) return event;
  const firstAgo = Math.min(event.firstAgo, plan.createdAgo - 1);
  if (['Pulled', 'Created', 'Started'].includes(event.reason)) return { ...event, firstAgo, lastAgo: last.startedAgo };
  if (event.reason === 'BackOff')
    return { ...event, firstAgo: Math.min(event.firstAgo, firstAgo), lastAgo: Math.max(0, last.finishedAgo - 10) };
  return event;
};

export const expandPods = (ctx: BuildContext, spec: WorkloadSpec, plans: PodPlan[]): ScenarioObjects => {
  const objects: KubeObject[] = [];
  const logs: ScenarioObjects['logs'] = [];
  plans.forEach((plan, index) => {
    const pod = buildPod(
      {
        namespace: spec.namespace,
        name: plan.name,
        labels: plan.labels,
        ...(plan.owner ? { owner: plan.owner } : {}),
        spec: plan.podSpec,
        nodeName: spec.node ?? 'node-amd64-1',
        createdAgo: plan.createdAgo,
        statuses: plan.statuses,
        podIP: `10.244.${1 + (index % 3)}.${17 + index}`,
      },
      ctx.now,
      ctx.uid(),
    );
    objects.push(pod);
    if (!plan.failing) return;
    logs.push(...logsFor(ctx, spec, plan.name));
    const involved = {
      kind: 'Pod',
      apiVersion: 'v1',
      namespace: spec.namespace,
      name: plan.name,
      uid: String(pod.metadata.uid),
    };
    (spec.events ?? []).forEach((event, i) => {
      const timed = alignEvent(event, plan);
      if (timed.reason === 'Scheduled')
        timed.message = `Successfully assigned ${spec.namespace}/${plan.name} to ${spec.node ?? 'node-amd64-1'}`;
      objects.push(
        buildEvent({
          object: involved,
          event: timed,
          now: ctx.now,
          host: spec.node ?? 'node-amd64-1',
          seed: `${plan.name}/${i}`,
        }),
      );
    });
  });
  return { objects, logs };
};

export const workloadEvents = (ctx: BuildContext, spec: WorkloadSpec, workload: KubeObject, rs = ''): KubeObject[] =>
  (spec.workloadEvents ?? []).map((event, i) =>
    buildEvent({
      object: {
        kind: workload.kind,
        apiVersion: workload.apiVersion,
        namespace: spec.namespace,
        name: workload.metadata.name,
        uid: String(workload.metadata.uid),
      },
      // {{rs}}: the current ReplicaSet's name, only known once its template hash is.
      event: { ...event, message: event.message.replaceAll('{{rs}}', rs) },
      now: ctx.now,
      seed: `${workload.metadata.name}/w${i}`,
    }),
  );
