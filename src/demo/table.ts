/**
 * Server-side printing, as kubectl asks for it (Accept: ...;as=Table;g=meta.k8s.io): pods and
 * deployments get the columns `kubectl get` shows, so `kubectl get pods -A` against the demo looks
 * like a real cluster. Other kinds fall back to the plain list, which kubectl prints as NAME/AGE.
 */
import type { KubeObject } from './types.ts';

type Json = Record<string, unknown>;

/** kubectl's short human durations: 45s, 3m12s, 40m, 5h10m, 3d4h, 12d. */
export const humanAge = (seconds: number): string => {
  const s = Math.max(0, Math.floor(seconds));
  const m = Math.floor(s / 60);
  const h = Math.floor(m / 60);
  const d = Math.floor(h / 24);
  if (s < 120) return `${s}s`;
  if (m < 10) return s % 60 === 0 ? `${m}m` : `${m}m${s % 60}s`;
  if (m < 180) return `${m}m`;
  if (h < 8) return m % 60 === 0 ? `${h}h` : `${h}h${m % 60}m`;
  if (h < 48) return `${h}h`;
  if (d < 8) return h % 24 === 0 ? `${d}d` : `${d}d${h % 24}h`;
  return `${d}d`;
};

const since = (now: Date, iso: unknown): number => (now.getTime() - Date.parse(String(iso))) / 1000;

const statuses = (pod: KubeObject, field: string): Json[] =>
  ((((pod['status'] ?? {}) as Json)[field] as Json[] | undefined) ?? []) as Json[];

/** The STATUS column, following kubectl's pod printer: init containers first, then the app's. */
const podStatus = (pod: KubeObject): string => {
  const status = (pod['status'] ?? {}) as Json;
  let reason = String(status['reason'] ?? status['phase'] ?? 'Unknown');
  const init = statuses(pod, 'initContainerStatuses');
  for (const [i, s] of init.entries()) {
    const state = (s['state'] ?? {}) as Json;
    const terminated = state['terminated'] as Json | undefined;
    const waiting = state['waiting'] as Json | undefined;
    if (terminated && terminated['exitCode'] === 0) continue;
    if (terminated) return `Init:${String(terminated['reason'] ?? `ExitCode:${String(terminated['exitCode'])}`)}`;
    if (waiting && waiting['reason'] !== 'PodInitializing') return `Init:${String(waiting['reason'])}`;
    return `Init:${i}/${init.length}`;
  }
  for (const s of statuses(pod, 'containerStatuses')) {
    const state = (s['state'] ?? {}) as Json;
    const waiting = state['waiting'] as Json | undefined;
    const terminated = state['terminated'] as Json | undefined;
    if (waiting?.['reason']) reason = String(waiting['reason']);
    else if (terminated?.['reason']) reason = String(terminated['reason']);
  }
  return reason;
};

const podRow = (pod: KubeObject, now: Date): unknown[] => {
  const containers = statuses(pod, 'containerStatuses');
  const ready = containers.filter((s) => s['ready'] === true).length;
  const state = podStatus(pod);
  // While the pod initializes, kubectl counts the init containers' restarts instead.
  const counted = state.startsWith('Init:') ? statuses(pod, 'initContainerStatuses') : containers;
  const restarts = counted.reduce((sum, s) => sum + Number(s['restartCount'] ?? 0), 0);
  const lastDeath = counted
    .map((s) => ((s['lastState'] ?? {}) as Json)['terminated'] as Json | undefined)
    .map((t) => (t ? Date.parse(String(t['finishedAt'])) : 0))
    .reduce((a, b) => Math.max(a, b), 0);
  const restartText =
    restarts > 0 && lastDeath > 0
      ? `${restarts} (${humanAge((now.getTime() - lastDeath) / 1000)} ago)`
      : String(restarts);
  const status = (pod['status'] ?? {}) as Json;
  const spec = (pod['spec'] ?? {}) as Json;
  return [
    pod.metadata.name,
    `${ready}/${containers.length}`,
    state,
    restartText,
    humanAge(since(now, pod.metadata.creationTimestamp)),
    status['podIP'] ?? '<none>',
    spec['nodeName'] ?? '<none>',
  ];
};

const deploymentRow = (deployment: KubeObject, now: Date): unknown[] => {
  const status = (deployment['status'] ?? {}) as Json;
  const spec = (deployment['spec'] ?? {}) as Json;
  return [
    deployment.metadata.name,
    `${Number(status['readyReplicas'] ?? 0)}/${Number(spec['replicas'] ?? 1)}`,
    Number(status['updatedReplicas'] ?? 0),
    Number(status['availableReplicas'] ?? 0),
    humanAge(since(now, deployment.metadata.creationTimestamp)),
  ];
};

const column = (name: string, type = 'string', priority = 0) => ({
  name,
  type,
  format: name === 'Name' ? 'name' : '',
  description: '',
  priority,
});

const PRINTERS: Record<string, { columns: ReturnType<typeof column>[]; row: (o: KubeObject, now: Date) => unknown[] }> =
  {
    Pod: {
      columns: [
        column('Name'),
        column('Ready'),
        column('Status'),
        column('Restarts'),
        column('Age'),
        column('IP', 'string', 1),
        column('Node', 'string', 1),
      ],
      row: podRow,
    },
    Deployment: {
      columns: [
        column('Name'),
        column('Ready'),
        column('Up-to-date', 'integer'),
        column('Available', 'integer'),
        column('Age'),
      ],
      row: deploymentRow,
    },
  };

/** True when the client asked for a Table (kubectl does; client libraries do not). */
export const wantsTable = (accept: string): boolean => /as=Table/.test(accept);

export const toTable = (input: {
  kind: string;
  items: KubeObject[];
  now: Date;
  resourceVersion: string;
}): unknown | undefined => {
  const printer = PRINTERS[input.kind];
  if (!printer) return undefined;
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion: input.resourceVersion },
    columnDefinitions: printer.columns,
    rows: input.items.map((item) => ({
      cells: printer.row(item, input.now),
      object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: item.metadata },
    })),
  };
};
