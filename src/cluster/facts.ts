/**
 * Pure mapping from Kubernetes API objects to the plain facts in diagnosis/types.ts. Only what a rule
 * reads is kept; env values are never copied (they may be secrets): only names and references.
 */
import type {
  CoreV1Event,
  V1Container,
  V1ContainerState,
  V1ContainerStatus,
  V1Node,
  V1Pod,
  V1PodSecurityContext,
  V1Probe,
  V1SecurityContext,
  V1Volume,
} from '@kubernetes/client-node';
import type {
  ContainerFacts,
  ContainerState,
  EnvReference,
  EventFact,
  NodeFacts,
  OwnerRef,
  PodFacts,
  ProbeFacts,
  RevisionFacts,
  SecurityFacts,
  VolumeFacts,
} from '../diagnosis/types.ts';

/** The client deserialises timestamps to Date; objects built by hand may carry strings. */
export const iso = (value: Date | string | undefined | null): string | undefined => {
  if (value === undefined || value === null) return undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? undefined : new Date(parsed).toISOString();
};

const stringRecord = (input: Record<string, unknown> | undefined): Record<string, string> =>
  Object.fromEntries(Object.entries(input ?? {}).map(([k, v]) => [k, String(v)]));

export const stateFacts = (state: V1ContainerState | undefined): ContainerState | undefined => {
  if (!state) return undefined;
  if (state.terminated) {
    const t = state.terminated;
    return {
      kind: 'terminated',
      exitCode: t.exitCode,
      ...(t.signal !== undefined ? { signal: t.signal } : {}),
      ...(t.reason ? { reason: t.reason } : {}),
      ...(t.message ? { message: t.message } : {}),
      ...(iso(t.startedAt) ? { startedAt: iso(t.startedAt) } : {}),
      ...(iso(t.finishedAt) ? { finishedAt: iso(t.finishedAt) } : {}),
    };
  }
  if (state.waiting) {
    return {
      kind: 'waiting',
      ...(state.waiting.reason ? { reason: state.waiting.reason } : {}),
      ...(state.waiting.message ? { message: state.waiting.message } : {}),
    };
  }
  if (state.running)
    return { kind: 'running', ...(iso(state.running.startedAt) ? { startedAt: iso(state.running.startedAt) } : {}) };
  return undefined;
};

export const securityFacts = (
  pod: V1PodSecurityContext | undefined,
  container: V1SecurityContext | undefined,
): SecurityFacts => {
  const pick = <K extends keyof V1SecurityContext & keyof V1PodSecurityContext>(key: K) =>
    container?.[key] ?? pod?.[key];
  const facts: SecurityFacts = {
    capabilitiesAdd: [...(container?.capabilities?.add ?? [])],
    capabilitiesDrop: [...(container?.capabilities?.drop ?? [])],
  };
  const readOnly = container?.readOnlyRootFilesystem;
  if (readOnly !== undefined) facts.readOnlyRootFilesystem = readOnly;
  const runAsNonRoot = pick('runAsNonRoot');
  if (runAsNonRoot !== undefined) facts.runAsNonRoot = runAsNonRoot;
  const runAsUser = pick('runAsUser');
  if (runAsUser !== undefined) facts.runAsUser = runAsUser;
  const runAsGroup = pick('runAsGroup');
  if (runAsGroup !== undefined) facts.runAsGroup = runAsGroup;
  if (pod?.fsGroup !== undefined) facts.fsGroup = pod.fsGroup;
  if (container?.privileged !== undefined) facts.privileged = container.privileged;
  if (container?.allowPrivilegeEscalation !== undefined)
    facts.allowPrivilegeEscalation = container.allowPrivilegeEscalation;
  return facts;
};

export const probeFacts = (probe: V1Probe | undefined): ProbeFacts | undefined => {
  if (!probe) return undefined;
  const timing = {
    initialDelaySeconds: probe.initialDelaySeconds ?? 0,
    periodSeconds: probe.periodSeconds ?? 10,
    timeoutSeconds: probe.timeoutSeconds ?? 1,
    failureThreshold: probe.failureThreshold ?? 3,
  };
  if (probe.httpGet) return { type: 'httpGet', target: probe.httpGet.path ?? '/', port: probe.httpGet.port, ...timing };
  if (probe.tcpSocket) return { type: 'tcpSocket', target: '', port: probe.tcpSocket.port, ...timing };
  if (probe.grpc) return { type: 'grpc', target: probe.grpc.service ?? '', port: probe.grpc.port, ...timing };
  return { type: 'exec', target: (probe.exec?.command ?? []).join(' '), ...timing };
};

export const envReferences = (container: V1Container): EnvReference[] => {
  const references: EnvReference[] = [];
  for (const env of container.env ?? []) {
    const configMap = env.valueFrom?.configMapKeyRef;
    if (configMap?.name) {
      references.push({
        variable: env.name,
        source: 'ConfigMap',
        name: configMap.name,
        key: configMap.key,
        optional: configMap.optional ?? false,
      });
    }
    const secret = env.valueFrom?.secretKeyRef;
    if (secret?.name) {
      references.push({
        variable: env.name,
        source: 'Secret',
        name: secret.name,
        key: secret.key,
        optional: secret.optional ?? false,
      });
    }
  }
  for (const from of container.envFrom ?? []) {
    if (from.configMapRef?.name) {
      references.push({
        source: 'ConfigMap',
        name: from.configMapRef.name,
        optional: from.configMapRef.optional ?? false,
      });
    }
    if (from.secretRef?.name) {
      references.push({ source: 'Secret', name: from.secretRef.name, optional: from.secretRef.optional ?? false });
    }
  }
  return references;
};

export const containerFacts = (input: {
  spec: V1Container;
  status: V1ContainerStatus | undefined;
  init: boolean;
  podSecurity: V1PodSecurityContext | undefined;
}): ContainerFacts => {
  const { spec, status, init, podSecurity } = input;
  const probes: ContainerFacts['probes'] = {};
  const liveness = probeFacts(spec.livenessProbe);
  if (liveness) probes.liveness = liveness;
  const readiness = probeFacts(spec.readinessProbe);
  if (readiness) probes.readiness = readiness;
  const startup = probeFacts(spec.startupProbe);
  if (startup) probes.startup = startup;
  const facts: ContainerFacts = {
    name: spec.name,
    init,
    image: spec.image ?? status?.image ?? '',
    command: [...(spec.command ?? [])],
    args: [...(spec.args ?? [])],
    ready: status?.ready ?? false,
    restartCount: status?.restartCount ?? 0,
    // A container the kubelet has not reported on yet is waiting, by definition.
    state: stateFacts(status?.state) ?? { kind: 'waiting' },
    resources: {
      limits: stringRecord(spec.resources?.limits as Record<string, unknown> | undefined),
      requests: stringRecord(spec.resources?.requests as Record<string, unknown> | undefined),
    },
    security: securityFacts(podSecurity, spec.securityContext),
    ports: (spec.ports ?? []).map((p) => ({
      containerPort: p.containerPort,
      protocol: p.protocol ?? 'TCP',
      ...(p.name ? { name: p.name } : {}),
    })),
    envReferences: envReferences(spec),
    envNames: (spec.env ?? []).filter((e) => !e.valueFrom).map((e) => e.name),
    probes,
    volumeMounts: (spec.volumeMounts ?? []).map((m) => ({
      name: m.name,
      mountPath: m.mountPath,
      readOnly: m.readOnly ?? false,
    })),
  };
  if (status?.imageID) facts.imageID = status.imageID;
  const last = stateFacts(status?.lastState);
  if (last) facts.lastState = last;
  return facts;
};

export const volumeFacts = (volume: V1Volume): VolumeFacts => {
  if (volume.configMap)
    return {
      name: volume.name,
      kind: 'configMap',
      ...(volume.configMap.name ? { source: volume.configMap.name } : {}),
    };
  if (volume.secret)
    return {
      name: volume.name,
      kind: 'secret',
      ...(volume.secret.secretName ? { source: volume.secret.secretName } : {}),
    };
  if (volume.persistentVolumeClaim)
    return { name: volume.name, kind: 'persistentVolumeClaim', source: volume.persistentVolumeClaim.claimName };
  if (volume.emptyDir) return { name: volume.name, kind: 'emptyDir' };
  if (volume.hostPath) return { name: volume.name, kind: 'hostPath', source: volume.hostPath.path };
  if (volume.projected) return { name: volume.name, kind: 'projected' };
  return { name: volume.name, kind: 'other' };
};

export const ownerOf = (
  metadata: { ownerReferences?: Array<{ kind: string; name: string; controller?: boolean }> } | undefined,
): OwnerRef | undefined => {
  const references = metadata?.ownerReferences ?? [];
  const owner = references.find((r) => r.controller) ?? references[0];
  return owner ? { kind: owner.kind, name: owner.name } : undefined;
};

export const podFacts = (pod: V1Pod): PodFacts => {
  const spec = pod.spec;
  const statuses = pod.status?.containerStatuses ?? [];
  const initStatuses = pod.status?.initContainerStatuses ?? [];
  const facts: PodFacts = {
    namespace: pod.metadata?.namespace ?? '',
    name: pod.metadata?.name ?? '',
    uid: pod.metadata?.uid ?? '',
    phase: pod.status?.phase ?? 'Unknown',
    labels: { ...(pod.metadata?.labels ?? {}) },
    restartPolicy: spec?.restartPolicy ?? 'Always',
    containers: (spec?.containers ?? []).map((c) =>
      containerFacts({
        spec: c,
        status: statuses.find((s) => s.name === c.name),
        init: false,
        podSecurity: spec?.securityContext,
      }),
    ),
    initContainers: (spec?.initContainers ?? []).map((c) =>
      containerFacts({
        spec: c,
        status: initStatuses.find((s) => s.name === c.name),
        init: true,
        podSecurity: spec?.securityContext,
      }),
    ),
    volumes: (spec?.volumes ?? []).map(volumeFacts),
  };
  if (spec?.nodeName) facts.nodeName = spec.nodeName;
  const created = iso(pod.metadata?.creationTimestamp);
  if (created) facts.createdAt = created;
  if (pod.status?.reason) facts.reason = pod.status.reason;
  if (pod.status?.message) facts.message = pod.status.message;
  const owner = ownerOf(pod.metadata);
  if (owner) facts.owner = owner;
  return facts;
};

const CONTAINER_FIELD = /^spec\.(?:initContainers|containers|ephemeralContainers)\{([^}]{1,253})\}$/;

export const eventFacts = (event: CoreV1Event): EventFact => {
  const involved = event.involvedObject;
  const facts: EventFact = {
    type: event.type ?? '',
    reason: event.reason ?? '',
    message: event.message ?? '',
    count: event.series?.count ?? event.count ?? 1,
  };
  const first = iso(event.firstTimestamp) ?? iso(event.eventTime);
  if (first) facts.firstSeen = first;
  const last = iso(event.series?.lastObservedTime) ?? iso(event.lastTimestamp) ?? iso(event.eventTime) ?? first;
  if (last) facts.lastSeen = last;
  if (involved?.kind && involved.name) facts.object = `${involved.kind}/${involved.name}`;
  const container = involved?.fieldPath ? CONTAINER_FIELD.exec(involved.fieldPath)?.[1] : undefined;
  if (container) facts.container = container;
  return facts;
};

/** Oldest first, so the timeline and "what happened last" read naturally. */
export const sortEvents = (events: EventFact[]): EventFact[] =>
  [...events].sort((a, b) => (a.lastSeen ?? '').localeCompare(b.lastSeen ?? ''));

export const nodeFacts = (node: V1Node): NodeFacts => {
  const info = node.status?.nodeInfo;
  const labels = node.metadata?.labels ?? {};
  const facts: NodeFacts = {
    name: node.metadata?.name ?? '',
    // The label is what the scheduler matches on; nodeInfo is what the kubelet reports. Either will do.
    architecture: info?.architecture || labels['kubernetes.io/arch'] || '',
    os: info?.operatingSystem || labels['kubernetes.io/os'] || '',
    conditions: (node.status?.conditions ?? []).map((c) => ({
      type: c.type,
      status: c.status,
      ...(c.reason ? { reason: c.reason } : {}),
      ...(c.message ? { message: c.message } : {}),
    })),
  };
  if (info?.kernelVersion) facts.kernelVersion = info.kernelVersion;
  return facts;
};

/** A revision from a ReplicaSet / ControllerRevision-like object: its revision number, time and images. */
export const revisionFacts = (input: {
  revision: string | undefined;
  createdAt: Date | string | undefined;
  containers: Array<{ name: string; image?: string }> | undefined;
}): RevisionFacts => {
  const facts: RevisionFacts = {
    revision: input.revision ?? '',
    images: Object.fromEntries((input.containers ?? []).map((c) => [c.name, c.image ?? ''])),
  };
  const created = iso(input.createdAt);
  if (created) facts.createdAt = created;
  return facts;
};
