/**
 * Decoding a pod from the API's JSON into what the scanner keeps (WatchedPod): plain JSON in, a
 * small object out, without client-node's typed models (building those cost 2.1 times a JSON parse,
 * and they keep every field). Everything read is checked for its type: a malformed object decodes
 * to fewer facts, never to an exception.
 */
import { workloadOf } from '../incidents/key.ts';
import type { WatchedContainer, WatchedPod, WatchedTermination } from '../scanner/watched-pod.ts';

type Json = Record<string, unknown>;

const obj = (value: unknown): Json | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const num = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;
const strings = (value: unknown): Record<string, string> => {
  const record = obj(value);
  if (!record) return {};
  const out: Record<string, string> = {};
  for (const [key, entry] of Object.entries(record)) if (typeof entry === 'string') out[key] = entry;
  return out;
};

/** What an ignore rule may look at; evaluated here so labels and annotations are not kept. */
export interface IgnoreInput {
  namespace: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

const termination = (value: unknown): WatchedTermination | undefined => {
  const terminated = obj(value);
  if (!terminated) return undefined;
  const exitCode = num(terminated.exitCode) ?? 0;
  const reason = str(terminated.reason);
  const finishedAt = str(terminated.finishedAt);
  return { exitCode, ...(reason ? { reason } : {}), ...(finishedAt ? { finishedAt } : {}) };
};

const container = (value: unknown, init: boolean): WatchedContainer | undefined => {
  const status = obj(value);
  const name = str(status?.name);
  if (!status || !name) return undefined;
  const state = obj(status.state);
  const running = obj(state?.running);
  const waiting = obj(state?.waiting);
  const terminated = obj(state?.terminated);
  const last = termination(obj(status.lastState)?.terminated);
  const base = {
    name,
    init,
    restartCount: num(status.restartCount) ?? 0,
    ready: status.ready === true,
    ...(last ? { last } : {}),
  };
  if (terminated) {
    const reason = str(terminated.reason);
    const since = str(terminated.finishedAt);
    return {
      ...base,
      state: 'terminated',
      exitCode: num(terminated.exitCode) ?? 0,
      ...(reason ? { reason } : {}),
      ...(since ? { since } : {}),
    };
  }
  if (waiting) {
    const reason = str(waiting.reason);
    return { ...base, state: 'waiting', ...(reason ? { reason } : {}) };
  }
  if (running) {
    const since = str(running.startedAt);
    return { ...base, state: 'running', ...(since ? { since } : {}) };
  }
  return { ...base, state: 'unknown' };
};

/** The pod's controller reference, if any. */
const controllerOf = (metadata: Json): { kind: string; name: string } | undefined => {
  const owners = Array.isArray(metadata.ownerReferences) ? metadata.ownerReferences : [];
  const all = owners.map(obj).filter((owner): owner is Json => owner !== undefined);
  const controller = all.find((owner) => owner.controller === true) ?? all[0];
  const kind = str(controller?.kind);
  const name = str(controller?.name);
  return kind && name ? { kind, name } : undefined;
};

/** A pod object (parsed JSON) as the scanner keeps it; undefined when it has no name, namespace or uid. */
export const decodeWatchedPod = (
  value: unknown,
  isIgnored: (input: IgnoreInput) => boolean = () => false,
): WatchedPod | undefined => {
  const pod = obj(value);
  const metadata = obj(pod?.metadata);
  const name = str(metadata?.name);
  const namespace = str(metadata?.namespace);
  const uid = str(metadata?.uid);
  if (!metadata || !name || !namespace || !uid) return undefined;
  const labels = strings(metadata.labels);
  const status = obj(pod?.status);
  const list = (key: string, init: boolean): WatchedContainer[] =>
    (Array.isArray(status?.[key]) ? (status[key] as unknown[]) : [])
      .map((entry) => container(entry, init))
      .filter((entry): entry is WatchedContainer => entry !== undefined);
  const owner = controllerOf(metadata);
  return {
    uid,
    namespace,
    name,
    workload: workloadOf({ pod: name, ...(owner ? { owner } : {}), labels }),
    phase: str(status?.phase) ?? '',
    ignored: isIgnored({ namespace, labels, annotations: strings(metadata.annotations) }),
    containers: [...list('initContainerStatuses', true), ...list('containerStatuses', false)],
  };
};
