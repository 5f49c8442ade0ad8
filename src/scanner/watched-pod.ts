/**
 * What the scanner keeps per pod while it watches (pure types and decisions): the owner, the
 * container statuses with their restart counts and the last termination. Never the whole pod object:
 * at 50k pods a full object (~4 KB decoded into far more heap) per pod is what made memory grow.
 */
import type { WorkloadRef } from '../incidents/types.ts';

export interface WatchedTermination {
  exitCode: number;
  reason?: string;
  finishedAt?: string;
}

export interface WatchedContainer {
  name: string;
  init: boolean;
  restartCount: number;
  ready: boolean;
  state: 'running' | 'waiting' | 'terminated' | 'unknown';
  /** Waiting or terminated reason (CrashLoopBackOff, ImagePullBackOff, OOMKilled, Error, ...). */
  reason?: string;
  /** Running: startedAt. Terminated: finishedAt. */
  since?: string;
  /** Set when the current state is terminated. */
  exitCode?: number;
  /** lastState.terminated: the previous run's end. */
  last?: WatchedTermination;
}

export interface WatchedPod {
  uid: string;
  namespace: string;
  name: string;
  /** The workload it belongs to (a bare pod is its own). */
  workload: WorkloadRef;
  phase: string;
  /** Ignored by a rule (namespace, label selector, the exitcode.io/ignore annotation on the pod). */
  ignored: boolean;
  containers: WatchedContainer[];
}

/** Waiting reasons that are a failure even without a restart (the container never ran). */
const FAILING_WAITING = new Set([
  'CrashLoopBackOff',
  'ImagePullBackOff',
  'ErrImagePull',
  'InvalidImageName',
  'CreateContainerConfigError',
  'CreateContainerError',
  'RunContainerError',
]);

export interface ContainerFailure {
  container: string;
  restarts: number;
  /** When it last failed (ISO), when known. */
  at?: string;
  /** True when it failed without any restart (a config or image error, a Job's failed pod). */
  withoutRestart: boolean;
}

const failedTermination = (exitCode: number | undefined, reason: string | undefined): boolean =>
  (exitCode !== undefined && exitCode !== 0) || reason === 'OOMKilled';

/** Whether this container is failing now, and how. */
export const containerFailure = (container: WatchedContainer): ContainerFailure | undefined => {
  const base = { container: container.name, restarts: container.restartCount };
  const lastAt = container.last?.finishedAt;
  if (container.state === 'waiting' && container.reason && FAILING_WAITING.has(container.reason)) {
    const hasCrashed =
      container.last !== undefined && failedTermination(container.last.exitCode, container.last.reason);
    return { ...base, ...(lastAt ? { at: lastAt } : {}), withoutRestart: !hasCrashed && container.restartCount === 0 };
  }
  if (container.state === 'terminated' && failedTermination(container.exitCode, container.reason)) {
    return {
      ...base,
      ...(container.since ? { at: container.since } : {}),
      withoutRestart: container.restartCount === 0,
    };
  }
  return undefined;
};

/**
 * Since when this container has run without failing, or undefined when it is failing (or not yet
 * running). A container that completed successfully (exit 0) counts as healthy since it ended.
 */
export const healthySince = (container: WatchedContainer): string | undefined => {
  if (containerFailure(container) !== undefined) return undefined;
  if (container.state === 'running') return container.since ?? '1970-01-01T00:00:00.000Z';
  if (container.state === 'terminated' && container.exitCode === 0)
    return container.since ?? '1970-01-01T00:00:00.000Z';
  return undefined;
};
