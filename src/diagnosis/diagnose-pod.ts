/**
 * A whole pod's diagnosis from gathered facts: which containers are failing (init containers included),
 * each one classified with its full surroundings and real names for next steps, and a timeline. Pure:
 * the cluster gateway gathers, this decides, renderers only read the result.
 */
import { crashFrequency } from './crash-frequency.ts';
import { classify } from './engine.ts';
import { scanLog } from './log-scan.ts';
import type {
  ContainerDiagnosis,
  ContainerFacts,
  ContainerState,
  CrashFacts,
  Diagnosis,
  EventFact,
  MissingEvidence,
  NodeFacts,
  PodFacts,
  ScannedLog,
  Target,
  TimelineEntry,
  WorkloadFacts,
} from './types.ts';

/** Waiting reasons that mean the container cannot run, even when it never exited. */
export const FAILING_WAITING_REASONS: ReadonlySet<string> = new Set([
  'CrashLoopBackOff',
  'CreateContainerConfigError',
  'CreateContainerError',
  'ImagePullBackOff',
  'ErrImagePull',
  'ErrImageNeverPull',
  'InvalidImageName',
  'RunContainerError',
  'ContainerCannotRun',
  'StartError',
]);

const MAX_TIMELINE = 60;

/** "revision 7", or "pod on revision 6 (current 7)" for a pod an older rollout left behind; '' without one. */
export const revisionLabel = (workload: NonNullable<Diagnosis['workload']>): string => {
  if (!workload.revision) return '';
  return workload.podRevision
    ? `pod on revision ${workload.podRevision} (current ${workload.revision})`
    : `revision ${workload.revision}`;
};

type Terminated = Extract<ContainerState, { kind: 'terminated' }>;

/** The termination that explains the container: the current state if it ended, else the last one. */
export const lastTermination = (container: ContainerFacts): Terminated | undefined => {
  if (container.state.kind === 'terminated') return container.state;
  if (container.lastState?.kind === 'terminated') return container.lastState;
  return undefined;
};

const failedTermination = (container: ContainerFacts): Terminated | undefined => {
  const ended = lastTermination(container);
  // Completed (exit 0) is a failure only for a container that is meant to keep running and is looping.
  if (!ended) return undefined;
  if (ended.exitCode !== 0) return ended;
  return container.state.kind === 'waiting' && container.state.reason === 'CrashLoopBackOff' ? ended : undefined;
};

export const isFailing = (container: ContainerFacts): boolean => {
  const { state } = container;
  if (state.kind === 'waiting' && state.reason && FAILING_WAITING_REASONS.has(state.reason)) return true;
  if (state.kind === 'terminated') return state.exitCode !== 0;
  // Running again after a crash but not ready: still the crash we are asked about. Running and ready is
  // healthy, whatever its restart history says (that history is reported, not diagnosed).
  if (state.kind === 'running') return !container.ready && failedTermination(container) !== undefined;
  return failedTermination(container) !== undefined;
};

/** When the container last failed, for ordering (ISO string; '' when it never terminated). */
export const lastCrashAt = (container: ContainerFacts): string =>
  failedTermination(container)?.finishedAt ?? failedTermination(container)?.startedAt ?? '';

/**
 * Failing containers, most recent non-zero termination first; containers that never ran (config or
 * image errors) after those, in spec order with init containers first (they block everything else).
 */
export const failingContainers = (pod: PodFacts, only?: string): ContainerFacts[] => {
  const all = [...pod.initContainers, ...pod.containers];
  const candidates = only === undefined ? all : all.filter((c) => c.name === only);
  const failing = candidates
    .filter(isFailing)
    .map((container, index) => ({ container, index, at: lastCrashAt(container) }))
    .sort((a, b) => (a.at === b.at ? a.index - b.index : a.at === '' ? 1 : b.at === '' ? -1 : b.at.localeCompare(a.at)))
    .map((entry) => entry.container);
  if (failing.length > 0 || pod.phase !== 'Failed') return failing;
  // A Failed pod (evicted, deadline exceeded) may leave no container with a non-zero exit: the pod failed,
  // so its first container carries the diagnosis and the pod's own reason speaks through the rules.
  const first = candidates.find((c) => !c.init) ?? candidates[0];
  return first ? [first] : [];
};

const EMPTY_LOG: ScannedLog = scanLog('');

const crashFacts = (container: ContainerFacts, pod: PodFacts): Pick<CrashFacts, 'exitCode' | 'reason' | 'message'> => {
  const { state } = container;
  if (!isFailing(container) && pod.phase === 'Failed') {
    const ended = lastTermination(container);
    return {
      exitCode: ended?.exitCode ?? null,
      reason: pod.reason ?? ended?.reason ?? null,
      message: pod.message ?? null,
    };
  }
  // A container stuck before starting (config, image) is explained by its waiting reason, not by an old exit.
  if (
    state.kind === 'waiting' &&
    state.reason &&
    state.reason !== 'CrashLoopBackOff' &&
    FAILING_WAITING_REASONS.has(state.reason)
  ) {
    const ended = lastTermination(container);
    return { exitCode: ended?.exitCode ?? null, reason: state.reason, message: state.message ?? null };
  }
  const ended = lastTermination(container);
  if (ended) return { exitCode: ended.exitCode, reason: ended.reason ?? null, message: ended.message ?? null };
  return { exitCode: null, reason: state.kind === 'waiting' ? (state.reason ?? null) : null, message: null };
};

const eventsFor = (events: EventFact[], container: string): EventFact[] =>
  events.filter((e) => e.container === undefined || e.container === container);

const workloadTarget = (pod: PodFacts, workload: WorkloadFacts | undefined): Target['workload'] => {
  if (workload) return { kind: workload.kind, name: workload.name };
  return pod.owner;
};

const describeExit = (state: Terminated): string =>
  `exited with code ${state.exitCode}${state.reason ? ` (${state.reason})` : ''}`;

const imageChange = (workload: WorkloadFacts): string => {
  const current = workload.current?.images ?? {};
  const previous = workload.previous?.images ?? {};
  const changes = Object.entries(current)
    .filter(([name, image]) => previous[name] !== undefined && previous[name] !== image)
    .map(([name, image]) => `${name}: ${previous[name]} -> ${image}`);
  return changes.length > 0 ? ` (${changes.join('; ')})` : '';
};

export const buildTimeline = (input: {
  pod: PodFacts;
  events: EventFact[];
  workload?: WorkloadFacts;
}): TimelineEntry[] => {
  const entries: TimelineEntry[] = [];
  const { pod, workload } = input;
  if (workload?.previous?.createdAt) {
    entries.push({
      at: workload.previous.createdAt,
      what: `${workload.kind.toLowerCase()}/${workload.name} revision ${workload.previous.revision} rolled out`,
      source: 'workload',
    });
  }
  if (workload?.current?.createdAt) {
    // A Job has no revisions: its "current" is the Job itself, created once (by its CronJob, if any).
    const job = workload.chain[0]?.kind === 'Job' ? workload.chain[0].name : undefined;
    entries.push({
      at: workload.current.createdAt,
      what: job
        ? `job/${job} created${workload.kind === 'CronJob' ? ` by cronjob/${workload.name}` : ''}`
        : `${workload.kind.toLowerCase()}/${workload.name} revision ${workload.current.revision} rolled out${imageChange(workload)}`,
      source: 'workload',
    });
  }
  if (pod.createdAt) entries.push({ at: pod.createdAt, what: `pod ${pod.name} created`, source: 'pod' });
  for (const container of [...pod.initContainers, ...pod.containers]) {
    const label = `${container.init ? 'init container' : 'container'} ${container.name}`;
    for (const state of [container.lastState, container.state]) {
      if (state?.kind === 'terminated') {
        if (state.startedAt) entries.push({ at: state.startedAt, what: `${label} started`, source: 'container' });
        if (state.finishedAt)
          entries.push({ at: state.finishedAt, what: `${label} ${describeExit(state)}`, source: 'container' });
      }
      if (state?.kind === 'running' && state.startedAt) {
        entries.push({
          at: state.startedAt,
          what: `${label} started (restart ${container.restartCount})`,
          source: 'container',
        });
      }
    }
  }
  for (const event of input.events) {
    const at = event.lastSeen ?? event.firstSeen;
    if (!at) continue;
    const times = event.count > 1 ? ` (x${event.count})` : '';
    entries.push({
      at,
      what: `${event.type === 'Warning' ? 'warning ' : ''}${event.reason}: ${event.message}${times}`,
      source: 'event',
    });
  }
  entries.sort((a, b) => a.at.localeCompare(b.at));
  return entries.slice(-MAX_TIMELINE);
};

/** For a healthy pod, the restart history is the answer: one entry per container, as observed now. */
export const restartHistory = (pod: PodFacts, observedAt: string): TimelineEntry[] =>
  [...pod.initContainers, ...pod.containers].map((container) => {
    const ended = lastTermination(container);
    const restarts = `${container.restartCount} restart${container.restartCount === 1 ? '' : 's'}`;
    const last =
      container.restartCount > 0 && ended
        ? `, last ${describeExit(ended)}${ended.finishedAt ? ` at ${ended.finishedAt}` : ''}`
        : '';
    const now = container.init
      ? container.state.kind === 'terminated'
        ? 'completed'
        : container.state.kind
      : container.ready
        ? 'ready'
        : container.state.kind;
    return {
      at: observedAt,
      what: `${container.init ? 'init container' : 'container'} ${container.name}: ${now}, ${restarts}${last}`,
      source: 'container' as const,
    };
  });

export interface BuildDiagnosisInput {
  cluster: string;
  pod: PodFacts;
  logs: Record<string, ScannedLog>;
  events: EventFact[];
  workload?: WorkloadFacts;
  node?: NodeFacts;
  missing: MissingEvidence[];
  /** Why a container's log could not be read, by container name (forbidden, timed out). */
  unreadableLogs?: Record<string, string>;
  /** Diagnose only this container (-c). */
  container?: string;
  observedAt: string;
  selectedBecause?: string;
}

export const diagnoseContainer = (input: BuildDiagnosisInput, container: ContainerFacts): ContainerDiagnosis => {
  const { pod, workload, node } = input;
  const facts: CrashFacts = {
    ...crashFacts(container, pod),
    log: input.logs[container.name] ?? EMPTY_LOG,
    ...(input.unreadableLogs?.[container.name] ? { logUnreadable: input.unreadableLogs[container.name] } : {}),
    events: eventsFor(input.events, container.name),
    pod,
    container,
    observedAt: input.observedAt,
  };
  if (workload) facts.workload = workload;
  if (node) facts.node = node;
  const target: Target = { namespace: pod.namespace, pod: pod.name, container: container.name };
  const owner = workloadTarget(pod, workload);
  if (owner) target.workload = owner;
  const diagnosis: ContainerDiagnosis = {
    container: container.name,
    init: container.init,
    image: container.image,
    restartCount: container.restartCount,
    classification: classify(facts, target),
  };
  const at = lastCrashAt(container);
  if (at) diagnosis.lastCrashAt = at;
  if (container.restartCount > 0) {
    const frequency = crashFrequency({
      container,
      events: facts.events,
      observedAt: input.observedAt,
      ...(pod.createdAt ? { podCreatedAt: pod.createdAt } : {}),
    });
    diagnosis.frequency = frequency.summary;
    if (frequency.since) diagnosis.failingSince = frequency.since;
  }
  return diagnosis;
};

export const buildDiagnosis = (input: BuildDiagnosisInput): Diagnosis => {
  const { pod, workload } = input;
  const containers = failingContainers(pod, input.container).map((c) => diagnoseContainer(input, c));
  const diagnosis: Diagnosis = {
    cluster: input.cluster,
    namespace: pod.namespace,
    pod: pod.name,
    podUid: pod.uid,
    phase: pod.phase,
    healthy: containers.length === 0,
    containers,
    timeline: [
      ...buildTimeline({ pod, events: input.events, ...(workload ? { workload } : {}) }),
      ...(containers.length === 0 ? restartHistory(pod, input.observedAt) : []),
    ],
    missing: input.missing,
    generatedAt: input.observedAt,
  };
  if (pod.nodeName) diagnosis.node = pod.nodeName;
  if (workload) {
    diagnosis.workload = { kind: workload.kind, name: workload.name };
    // Jobs and CronJobs are not rolled out in revisions: showing "revision 1" for them would be made up.
    const revisioned = workload.kind !== 'Job' && workload.kind !== 'CronJob';
    if (revisioned && workload.current?.revision) diagnosis.workload.revision = workload.current.revision;
    if (revisioned && workload.current?.createdAt) diagnosis.workload.rolledOutAt = workload.current.createdAt;
    if (revisioned && workload.podRevision && workload.podRevision !== workload.current?.revision)
      diagnosis.workload.podRevision = workload.podRevision;
  } else if (pod.owner) {
    diagnosis.workload = { kind: pod.owner.kind, name: pod.owner.name };
  }
  if (input.selectedBecause) diagnosis.selectedBecause = input.selectedBecause;
  return diagnosis;
};
