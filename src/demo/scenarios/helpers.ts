/**
 * Small builders scenarios share: a container spec with realistic defaults, a crash loop status, and
 * the event stream the kubelet writes for a crash-looping container.
 */
import type { EventSpec } from '../build-events.ts';
import type { StatusSpec, Termination } from '../build-pod.ts';

type Json = Record<string, unknown>;

export const MINUTE = 60;
export const HOUR = 3600;
export const DAY = 86_400;

export const container = (input: { name: string; image: string } & Json): Json => ({
  imagePullPolicy: 'IfNotPresent',
  terminationMessagePath: '/dev/termination-log',
  terminationMessagePolicy: 'File',
  resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } },
  ...input,
});

export const httpProbe = (path: string, port: number, extra: Json = {}): Json => ({
  httpGet: { path, port, scheme: 'HTTP' },
  initialDelaySeconds: 10,
  periodSeconds: 10,
  timeoutSeconds: 1,
  successThreshold: 1,
  failureThreshold: 3,
  ...extra,
});

export const crashLoop = (last: Termination, restartCount: number): StatusSpec => ({
  kind: 'crashLoop',
  last,
  restartCount,
});

/** The events of a container that keeps crashing: pulled/created/started each time, then back-off. */
export const crashEvents = (input: {
  pod?: string;
  container: string;
  image: string;
  restarts: number;
  firstAgo: number;
  lastAgo?: number;
  init?: boolean;
  node?: string;
}): EventSpec[] => {
  const fieldPath = `spec.${input.init ? 'initContainers' : 'containers'}{${input.container}}`;
  const lastAgo = input.lastAgo ?? 20;
  const count = input.restarts + 1;
  return [
    {
      reason: 'Scheduled',
      message: `Successfully assigned to ${input.node ?? 'node-amd64-1'}`,
      firstAgo: input.firstAgo + 2,
      component: 'default-scheduler',
    },
    {
      reason: 'Pulled',
      message: `Container image "${input.image}" already present on machine`,
      count,
      firstAgo: input.firstAgo,
      lastAgo: lastAgo + 40,
      fieldPath,
    },
    {
      reason: 'Created',
      message: `Created container: ${input.container}`,
      count,
      firstAgo: input.firstAgo,
      lastAgo: lastAgo + 40,
      fieldPath,
    },
    {
      reason: 'Started',
      message: `Started container ${input.container}`,
      count,
      firstAgo: input.firstAgo,
      lastAgo: lastAgo + 39,
      fieldPath,
    },
    {
      reason: 'BackOff',
      message: `Back-off restarting failed container ${input.container}`,
      type: 'Warning',
      count: Math.max(1, input.restarts * 4),
      firstAgo: input.firstAgo - 30,
      lastAgo,
      fieldPath,
    },
  ];
};
