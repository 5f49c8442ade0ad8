/**
 * The demo cluster's store: objects by resource, namespace and name, plus container logs. Every write
 * bumps one resourceVersion counter, as etcd's revision does, so optimistic concurrency works, and is
 * recorded in the watch history (watch-history.ts) that watches replay and follow.
 */
import { randomUUID } from 'node:crypto';
import type { DemoScenario, KubeObject, LogEntry } from './types.ts';
import { WatchHistory } from './watch-history.ts';

/** Plural resource name for each kind the demo serves. */
export const RESOURCE_OF_KIND: Record<string, string> = {
  Pod: 'pods',
  Event: 'events',
  Namespace: 'namespaces',
  Node: 'nodes',
  Deployment: 'deployments',
  ReplicaSet: 'replicasets',
  StatefulSet: 'statefulsets',
  DaemonSet: 'daemonsets',
  ControllerRevision: 'controllerrevisions',
  Job: 'jobs',
  CronJob: 'cronjobs',
  Lease: 'leases',
  Role: 'roles',
  ClusterRole: 'clusterroles',
  RoleBinding: 'rolebindings',
  ClusterRoleBinding: 'clusterrolebindings',
};

export interface ContainerLogs {
  previous?: LogEntry[];
  current?: LogEntry[];
}

/** What setLogs accepts: timestamped lines, or plain text. */
export interface ContainerLogsInput {
  previous?: LogEntry[] | string;
  current?: LogEntry[] | string;
}

const key = (resource: string, namespace: string | undefined, name: string): string =>
  `${resource}|${namespace ?? ''}|${name}`;

export class DemoState {
  private readonly objects = new Map<string, KubeObject>();
  private readonly logs = new Map<string, ContainerLogs>();
  private revision = 1000;
  /** Scenario of each top-level workload (namespace/name), to decide what replacements do. */
  readonly scenarioOf = new Map<string, DemoScenario>();
  readonly now: () => Date;
  readonly history: WatchHistory;

  constructor(now: () => Date, options: { watchHistory?: number } = {}) {
    this.now = now;
    this.history = new WatchHistory(options.watchHistory);
  }

  nextResourceVersion(): string {
    this.revision += 1;
    return String(this.revision);
  }

  /** The store's revision now: what a list answers as its resourceVersion. */
  currentRevision(): number {
    return this.revision;
  }

  /**
   * Forces 410 Gone for every resourceVersion handed out so far (watches and continue tokens), as a
   * real cluster does after etcd compacts and the API server restarts: the revision moves on first (a
   * real cluster always has some write going on, a Lease renewal at least), the history is compacted
   * there, and open watches end, so their clients come back with a resourceVersion that is too old.
   */
  compactHistory(): void {
    this.revision += 1;
    this.history.compact(this.revision);
  }

  /** Stores (or replaces) an object, filling uid, creationTimestamp and a fresh resourceVersion. */
  put(object: KubeObject): KubeObject {
    const resource = RESOURCE_OF_KIND[object.kind];
    if (!resource) throw new Error(`demo: unknown kind ${object.kind}`);
    object.metadata.uid ??= randomUUID();
    object.metadata.creationTimestamp ??= this.now().toISOString();
    object.metadata.resourceVersion = this.nextResourceVersion();
    const k = key(resource, object.metadata.namespace, object.metadata.name);
    const type = this.objects.has(k) ? 'MODIFIED' : 'ADDED';
    this.objects.set(k, object);
    this.history.record({ type, resource, key: k, revision: this.revision, object });
    return object;
  }

  get(resource: string, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.objects.get(key(resource, namespace, name));
  }

  remove(resource: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const k = key(resource, namespace, name);
    const found = this.objects.get(k);
    if (!found) return undefined;
    this.objects.delete(k);
    const revision = Number(this.nextResourceVersion());
    // A DELETED event carries the object's last state stamped with the deletion's revision.
    const object = { ...found, metadata: { ...found.metadata, resourceVersion: String(revision) } };
    this.history.record({ type: 'DELETED', resource, key: k, revision, object });
    return found;
  }

  /**
   * Objects of a resource ('pods', or its kind 'Pod'), in one namespace or all (namespace undefined),
   * in insertion order.
   */
  list(resource: string, namespace?: string): KubeObject[] {
    const plural = RESOURCE_OF_KIND[resource] ?? resource;
    const found: KubeObject[] = [];
    for (const [k, object] of this.objects) {
      if (!k.startsWith(`${plural}|`)) continue;
      if (namespace !== undefined && object.metadata.namespace !== namespace) continue;
      found.push(object);
    }
    return found;
  }

  /**
   * A container's logs: `previous` is the crashed instance's, `current` the running one's. Each is a
   * list of timestamped lines, or plain text (its lines are then stamped with the server's clock).
   */
  setLogs(namespace: string, pod: string, container: string, logs: ContainerLogsInput): void {
    const at = this.now().toISOString();
    const entries = (value: LogEntry[] | string | undefined): LogEntry[] | undefined =>
      typeof value === 'string'
        ? value
            .replace(/\n$/, '')
            .split('\n')
            .map((text) => ({ at, text }))
        : value;
    const previous = entries(logs.previous);
    const current = entries(logs.current);
    this.logs.set(`${namespace}/${pod}/${container}`, {
      ...(previous ? { previous } : {}),
      ...(current ? { current } : {}),
    });
  }

  getLogs(namespace: string, pod: string, container: string): ContainerLogs | undefined {
    return this.logs.get(`${namespace}/${pod}/${container}`);
  }

  dropLogs(namespace: string, pod: string): void {
    for (const k of this.logs.keys()) if (k.startsWith(`${namespace}/${pod}/`)) this.logs.delete(k);
  }
}
