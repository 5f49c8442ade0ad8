/**
 * The incident key (pure). An incident is (cluster, namespace, workload, container, cause); the scope
 * is the key without the cause, and it is what a new crash is matched on: a crash of the same
 * workload's container with another cause joins the open incident and changes its current cause
 * (shown on the message, noted in the thread) instead of announcing a second incident.
 */
import type { IncidentScope, WorkloadRef } from './types.ts';

/** Kubernetes names cannot contain '/' or '|', so these separators cannot be forged by a name. */
export const scopeKey = (scope: IncidentScope): string =>
  [scope.cluster, scope.namespace, `${scope.workload.kind}/${scope.workload.name}`, scope.container].join('|');

export const incidentKey = (scope: IncidentScope, category: string): string => `${scopeKey(scope)}|${category}`;

/** The scope part of an incident key. */
export const scopeOfKey = (key: string): string => key.slice(0, key.lastIndexOf('|'));

const POD_TEMPLATE_HASH = 'pod-template-hash';

/**
 * The workload a pod belongs to, from its controller reference and labels alone (no API call): a
 * ReplicaSet named "<deployment>-<pod-template-hash>" is its Deployment's; a bare pod is its own
 * workload; anything else is the direct owner (StatefulSet, DaemonSet, Job, a custom controller).
 * A CronJob's runs are separate Jobs and so separate incidents: naming the CronJob would need the
 * Job object, which the scanner does not read.
 */
export const workloadOf = ({
  pod,
  owner,
  labels,
}: {
  pod: string;
  owner?: WorkloadRef;
  labels?: Record<string, string>;
}): WorkloadRef => {
  if (owner === undefined) return { kind: 'Pod', name: pod };
  const hash = labels?.[POD_TEMPLATE_HASH];
  if (owner.kind === 'ReplicaSet' && hash && owner.name.length > hash.length + 1 && owner.name.endsWith(`-${hash}`)) {
    return { kind: 'Deployment', name: owner.name.slice(0, -(hash.length + 1)) };
  }
  return { kind: owner.kind, name: owner.name };
};
