/**
 * GET .../pods/{name}/log as the kubelet answers it through the API server: the named container's
 * current or previous instance, tailLines then limitBytes applied, optional RFC 3339 timestamps, and the
 * same 400 messages when there is no such instance.
 */
import type { DemoState } from './state.ts';
import { type Reply, failure, notFound } from './status.ts';
import type { KubeObject, LogEntry } from './types.ts';

type Json = Record<string, unknown>;

const badRequest = (message: string): Reply => failure({ code: 400, message });

const names = (pod: KubeObject, field: string): string[] =>
  (((pod['spec'] as Json | undefined)?.[field] as Json[] | undefined) ?? []).map((c) => String(c['name']));

const statusOf = (pod: KubeObject, container: string): Json | undefined => {
  const status = (pod['status'] ?? {}) as Json;
  const all = [
    ...((status['initContainerStatuses'] as Json[] | undefined) ?? []),
    ...((status['containerStatuses'] as Json[] | undefined) ?? []),
  ];
  return all.find((s) => s['name'] === container);
};

/** RFC 3339 with nanoseconds, as the kubelet prefixes lines. */
const nano = (iso: string): string =>
  iso.replace(/\.(\d+)Z$/, (_, digits: string) => `.${digits.padEnd(9, '0')}Z`).replace(/:(\d\d)Z$/, ':$1.000000000Z');

const WAITING_MESSAGES: Record<string, string> = {
  ImagePullBackOff: 'trying and failing to pull image',
  ErrImagePull: 'trying and failing to pull image',
};

export const readLog = (input: {
  state: DemoState;
  namespace: string;
  pod: string;
  query: URLSearchParams;
  rotated: boolean;
}): Reply => {
  const { state, namespace, query } = input;
  const pod = state.get('pods', namespace, input.pod);
  if (!pod) return notFound('pods', input.pod, '', 'pods');
  const containers = names(pod, 'containers');
  const inits = names(pod, 'initContainers');
  let container = query.get('container') ?? '';
  if (container === '') {
    if (containers.length !== 1) {
      const initPart = inits.length > 0 ? ` or one of the init containers: [${inits.join(' ')}]` : '';
      return badRequest(
        `a container name must be specified for pod ${pod.metadata.name}, choose one of: [${containers.join(' ')}]${initPart}`,
      );
    }
    container = containers[0] ?? '';
  }
  if (!containers.includes(container) && !inits.includes(container)) {
    return badRequest(`container ${container} is not valid for pod ${pod.metadata.name}`);
  }
  const stored = state.getLogs(namespace, pod.metadata.name, container);
  const status = statusOf(pod, container) ?? {};
  const waiting = ((status['state'] ?? {}) as Json)['waiting'] as Json | undefined;
  let entries: LogEntry[];
  if (query.get('previous') === 'true') {
    const hasPrevious = Boolean(((status['lastState'] ?? {}) as Json)['terminated']);
    if (!hasPrevious || input.rotated) {
      return badRequest(`previous terminated container "${container}" in pod "${pod.metadata.name}" not found`);
    }
    // An instance that failed to start (StartError) left an empty log, not a missing one.
    entries = stored?.previous ?? [];
  } else if (stored?.current) {
    entries = stored.current;
  } else if (waiting && waiting['reason'] !== 'CrashLoopBackOff') {
    const reason = String(waiting['reason'] ?? 'ContainerCreating');
    return badRequest(
      `container "${container}" in pod "${pod.metadata.name}" is waiting to start: ${WAITING_MESSAGES[reason] ?? reason}`,
    );
  } else {
    // A crash-looping container's "current" log is its last (dead) instance's, until the next start.
    entries = input.rotated ? [] : (stored?.previous ?? []);
  }
  return { status: 200, body: render(entries, query), contentType: 'text/plain' };
};

const render = (entries: LogEntry[], query: URLSearchParams): string => {
  const tail = query.get('tailLines');
  let selected = entries;
  if (tail !== null && /^\d+$/.test(tail)) selected = Number(tail) === 0 ? [] : entries.slice(-Number(tail));
  const timestamps = query.get('timestamps') === 'true';
  let text = selected.map((e) => `${timestamps ? `${nano(e.at)} ` : ''}${e.text}\n`).join('');
  const limit = query.get('limitBytes');
  if (limit !== null && /^\d+$/.test(limit)) {
    // The kubelet stops writing after limitBytes: the head of the selection survives, cut mid-line.
    const bytes = Buffer.from(text, 'utf8');
    if (bytes.length > Number(limit)) text = bytes.subarray(0, Number(limit)).toString('utf8');
  }
  return text;
};
