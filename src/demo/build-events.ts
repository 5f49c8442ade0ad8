/**
 * Events and logs for scenarios. Events carry the fields `kubectl describe` shows (reason, message,
 * count, first/last seen, source); log lines get runtime timestamps spread over the instance's life.
 */
import { eventName } from './names.ts';
import type { KubeObject, LogEntry } from './types.ts';

export interface EventSpec {
  reason: string;
  message: string;
  type?: 'Normal' | 'Warning';
  count?: number;
  firstAgo: number;
  lastAgo?: number;
  /** spec.containers{name} or spec.initContainers{name}. */
  fieldPath?: string;
  component?: string;
}

export interface InvolvedObject {
  kind: string;
  apiVersion: string;
  namespace: string;
  name: string;
  uid: string;
}

export const buildEvent = (input: {
  object: InvolvedObject;
  event: EventSpec;
  now: Date;
  host?: string;
  seed: string;
}): KubeObject => {
  const { object, event, now } = input;
  const at = (seconds: number): string =>
    new Date(now.getTime() - seconds * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
  const component = event.component ?? 'kubelet';
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: {
      name: eventName(object.name, input.seed),
      namespace: object.namespace,
      creationTimestamp: at(event.firstAgo),
    },
    involvedObject: {
      kind: object.kind,
      namespace: object.namespace,
      name: object.name,
      uid: object.uid,
      apiVersion: object.apiVersion,
      ...(event.fieldPath ? { fieldPath: event.fieldPath } : {}),
    },
    reason: event.reason,
    message: event.message,
    source: { component, ...(input.host && component === 'kubelet' ? { host: input.host } : {}) },
    firstTimestamp: at(event.firstAgo),
    lastTimestamp: at(event.lastAgo ?? event.firstAgo),
    count: event.count ?? 1,
    type: event.type ?? 'Normal',
    eventTime: null,
    reportingComponent: component,
    reportingInstance: input.host ?? '',
  };
};

/**
 * Gives each line a runtime timestamp between `fromAgo` and `toAgo` (seconds before now). A line may
 * carry `{{ts}}`, replaced by its own timestamp, so app-level timestamps agree with the runtime's.
 */
export const timedLog = (lines: string[], fromAgo: number, toAgo: number, now: Date): LogEntry[] => {
  const span = Math.max(0, fromAgo - toAgo);
  return lines.map((text, index) => {
    const ago = lines.length <= 1 ? toAgo : fromAgo - (span * index) / (lines.length - 1);
    const at = new Date(now.getTime() - ago * 1000).toISOString();
    // nginx and Go's log package write "2006/01/02 15:04:05".
    const plain = at.slice(0, 19).replace('T', ' ').replaceAll('-', '/');
    return { at, text: text.replaceAll('{{ts}}', at).replaceAll('{{ts:plain}}', plain) };
  });
};
