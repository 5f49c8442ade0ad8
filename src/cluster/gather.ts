/**
 * Gathers everything that explains a pod's crash in as few sequential round trips as possible:
 * round 1 reads the pod and its events in parallel; round 2 reads the failing containers' logs, the
 * owner chain (names derived, not walked) and the node, all in parallel. What cannot be read becomes
 * MissingEvidence, so partial evidence is still an answer.
 */
import type { V1Pod } from '@kubernetes/client-node';
import { type BuildDiagnosisInput, failingContainers } from '../diagnosis/diagnose-pod.ts';
import { LOG_BOUNDS, type LogBounds, scanLog } from '../diagnosis/log-scan.ts';
import type {
  ContainerFacts,
  EventFact,
  MissingEvidence,
  NodeFacts,
  PodFacts,
  ScannedLog,
} from '../diagnosis/types.ts';
import { ExitcodeError, isExitcodeError } from '../errors.ts';
import { forbiddenReason } from './errors.ts';
import type { ClusterConnection } from './connection.ts';
import { eventFacts, nodeFacts, podFacts, sortEvents } from './facts.ts';
import { assertName } from './names.ts';
import { gatherOwner, type KnownWorkload } from './owners.ts';

export interface GatherOptions {
  logBounds?: LogBounds;
  now?: () => Date;
}

/** Everything buildDiagnosis needs except the cluster's name, which the investigator adds. */
export type GatheredPod = Omit<BuildDiagnosisInput, 'cluster'>;

/** Termination reasons that mean the process never started, so there is no log to ask for. */
const NEVER_STARTED = new Set(['StartError', 'ContainerCannotRun']);

/** At most this many containers' logs are read: a pod with more failing ones is rare and the first tell. */
const MAX_LOGS = 4;

/** Why a piece of evidence is missing; a refusal names the permission to add, so the fix is one line of RBAC. */
const reason = (error: unknown, verb: string, resource: string, namespace?: string): string => {
  if (!isExitcodeError(error)) return 'could not be read';
  if (error.code === 'forbidden' && error.details.status === 403) {
    return forbiddenReason({ verb, resource, ...(namespace ? { namespace } : {}) });
  }
  return error.message;
};

interface EventsResult {
  events: EventFact[];
  missing?: MissingEvidence;
}

const readEvents = async (connection: ClusterConnection, namespace: string, pod: string): Promise<EventsResult> => {
  try {
    const list = await connection.call({ verb: 'list', resource: 'events', namespace }, () =>
      connection.core.listNamespacedEvent({
        namespace,
        fieldSelector: `involvedObject.name=${pod},involvedObject.namespace=${namespace}`,
      }),
    );
    return { events: sortEvents(list.items.map(eventFacts)) };
  } catch (error) {
    return { events: [], missing: { what: 'events', why: reason(error, 'list', 'events', namespace) } };
  }
};

/** Previous instance's log when there was one, else the current (terminated) instance's. */
const wantsPrevious = (container: ContainerFacts): boolean =>
  container.restartCount > 0 && container.state.kind !== 'terminated';

const readLog = async (input: {
  connection: ClusterConnection;
  pod: PodFacts;
  container: ContainerFacts;
  bounds: LogBounds;
}): Promise<{ log?: ScannedLog; missing?: MissingEvidence; unreadable?: string }> => {
  const { connection, pod, container, bounds } = input;
  const label = `${container.init ? 'init container' : 'container'} ${container.name}`;
  if (container.state.kind === 'waiting' && container.lastState === undefined && container.restartCount === 0) {
    // It never started, so there is no log to read; its waiting reason is the evidence.
    return {};
  }
  const previous = wantsPrevious(container);
  const ended = previous ? container.lastState : container.state;
  if (ended?.kind === 'terminated' && NEVER_STARTED.has(ended.reason ?? '')) {
    // The runtime failed before the process ran: no log was written, the status message is the evidence.
    return {};
  }
  const what = `${previous ? 'previous logs' : 'logs'} of ${label}`;
  try {
    const text = await connection.call(
      { verb: 'get', resource: 'pods/log', namespace: pod.namespace, name: pod.name },
      () =>
        connection.core.readNamespacedPodLog({
          namespace: pod.namespace,
          name: pod.name,
          container: container.name,
          previous,
          tailLines: bounds.maxLines,
          limitBytes: bounds.maxBytes,
        }),
    );
    return { log: scanLog(typeof text === 'string' ? text : String(text ?? ''), bounds) };
  } catch (error) {
    const status = isExitcodeError(error) ? error.details.status : undefined;
    // The API answers 400/404 when the previous instance's log is gone (rotated, node restarted, GC'd).
    if (status === 400 || status === 404 || (isExitcodeError(error) && error.code === 'pod_not_found')) {
      return { missing: { what, why: "rotated away (the crashed instance's log no longer exists)" } };
    }
    const why = reason(error, 'get', 'pods/log', pod.namespace);
    return { missing: { what, why }, unreadable: why };
  }
};

const readNode = async (
  connection: ClusterConnection,
  name: string,
): Promise<{ node?: NodeFacts; missing?: MissingEvidence }> => {
  try {
    const node = await connection.call({ verb: 'get', resource: 'nodes', name }, () =>
      connection.core.readNode({ name }),
    );
    return { node: nodeFacts(node) };
  } catch (error) {
    return { missing: { what: `node ${name}`, why: reason(error, 'get', 'nodes') } };
  }
};

const checkContainer = (pod: PodFacts, container: string | undefined): void => {
  if (container === undefined) return;
  const names = [...pod.initContainers, ...pod.containers].map((c) => c.name);
  if (names.includes(container)) return;
  throw new ExitcodeError(
    'bad_input',
    `Pod ${pod.name} has no container "${container}": use one of ${names.join(', ')}.`,
    { names },
  );
};

/** Round 2 (and the events, when the pod came from a list): everything around an already-read pod. */
export const gatherAround = async (input: {
  connection: ClusterConnection;
  pod: V1Pod;
  container?: string;
  events?: Promise<EventsResult>;
  /** The pod's workload when the caller already read it: the owner chain reuses it. */
  workload?: KnownWorkload;
  options?: GatherOptions;
}): Promise<GatheredPod> => {
  const { connection } = input;
  const pod = podFacts(input.pod);
  checkContainer(pod, input.container);
  const bounds = input.options?.logBounds ?? LOG_BOUNDS;
  const failing = failingContainers(pod, input.container).slice(0, MAX_LOGS);
  const [events, logs, owner, node] = await Promise.all([
    input.events ?? readEvents(connection, pod.namespace, pod.name),
    Promise.all(failing.map((container) => readLog({ connection, pod, container, bounds }))),
    gatherOwner(connection, pod, input.workload),
    pod.nodeName
      ? readNode(connection, pod.nodeName)
      : Promise.resolve({} as { node?: NodeFacts; missing?: MissingEvidence }),
  ]);
  const missing: MissingEvidence[] = [];
  if (events.missing) missing.push(events.missing);
  const logRecord: Record<string, ScannedLog> = {};
  const unreadableLogs: Record<string, string> = {};
  failing.forEach((container, index) => {
    const result = logs[index];
    if (result?.log) logRecord[container.name] = result.log;
    if (result?.missing) missing.push(result.missing);
    if (result?.unreadable) unreadableLogs[container.name] = result.unreadable;
  });
  missing.push(...owner.missing);
  if (node.missing) missing.push(node.missing);
  const gathered: GatheredPod = {
    pod,
    logs: logRecord,
    events: events.events,
    missing,
    observedAt: (input.options?.now ?? (() => new Date()))().toISOString(),
  };
  if (Object.keys(unreadableLogs).length > 0) gathered.unreadableLogs = unreadableLogs;
  if (owner.workload) gathered.workload = owner.workload;
  if (node.node) gathered.node = node.node;
  if (input.container !== undefined) gathered.container = input.container;
  return gathered;
};

/**
 * Gathers one pod by name. A 404 is rethrown as pod_not_found with no suggestions: the caller
 * (resolve.ts) decides whether the name was a workload or a typo.
 */
export const gatherPod = async (
  connection: ClusterConnection,
  target: { namespace: string; pod: string; container?: string },
  options: GatherOptions = {},
): Promise<GatheredPod> => {
  const { namespace, pod: name } = target;
  assertName('namespace', namespace);
  assertName('pod', name);
  if (target.container !== undefined) assertName('container', target.container);
  // Events are not needed to start round 2, so they run alongside both rounds instead of gating them.
  const events = readEvents(connection, namespace, name);
  const pod = await connection.call({ verb: 'get', resource: 'pods', namespace, name }, () =>
    connection.core.readNamespacedPod({ namespace, name }),
  );
  return gatherAround({
    connection,
    pod,
    events,
    options,
    ...(target.container !== undefined ? { container: target.container } : {}),
  });
};
