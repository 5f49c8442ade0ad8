/**
 * The demo cluster's store: objects by resource, namespace and name, plus container logs. Every write
 * bumps one resourceVersion counter, as etcd's revision does, so optimistic concurrency works.
 */
import { randomUUID } from 'node:crypto';
import type { DemoScenario, KubeObject, LogEntry } from './types.ts';

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
};

export interface ContainerLogs {
  previous?: LogEntry[];
  current?: LogEntry[];
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

  constructor(now: () => Date) {
    this.now = now;
  }

  nextResourceVersion(): string {
    this.revision += 1;
    return String(this.revision);
  }

  /** Stores (or replaces) an object, filling uid, creationTimestamp and a fresh resourceVersion. */
  put(object: KubeObject): KubeObject {
    const resource = RESOURCE_OF_KIND[object.kind];
    if (!resource) throw new Error(`demo: unknown kind ${object.kind}`);
    object.metadata.uid ??= randomUUID();
    object.metadata.creationTimestamp ??= this.now().toISOString();
    object.metadata.resourceVersion = this.nextResourceVersion();
    this.objects.set(key(resource, object.metadata.namespace, object.metadata.name), object);
    return object;
  }

  get(resource: string, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.objects.get(key(resource, namespace, name));
  }

  remove(resource: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const k = key(resource, namespace, name);
    const found = this.objects.get(k);
    this.objects.delete(k);
    return found;
  }

  /** Objects of a resource, in one namespace or all (namespace undefined), in insertion order. */
  list(resource: string, namespace?: string): KubeObject[] {
    const found: KubeObject[] = [];
    for (const [k, object] of this.objects) {
      if (!k.startsWith(`${resource}|`)) continue;
      if (namespace !== undefined && object.metadata.namespace !== namespace) continue;
      found.push(object);
    }
    return found;
  }

  setLogs(namespace: string, pod: string, container: string, logs: ContainerLogs): void {
    this.logs.set(`${namespace}/${pod}/${container}`, logs);
  }

  getLogs(namespace: string, pod: string, container: string): ContainerLogs | undefined {
    return this.logs.get(`${namespace}/${pod}/${container}`);
  }

  dropLogs(namespace: string, pod: string): void {
    for (const k of this.logs.keys()) if (k.startsWith(`${namespace}/${pod}/`)) this.logs.delete(k);
  }
}
