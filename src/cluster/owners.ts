/**
 * The owner chain of a pod up to its workload, with the current and previous revision. For a
 * ReplicaSet-owned pod the Deployment's name is derived from the pod-template-hash label, so the
 * ReplicaSet, the Deployment and the Deployment's ReplicaSets are read in one parallel round.
 */
import type { V1ControllerRevision, V1Deployment, V1Job, V1ObjectMeta, V1ReplicaSet } from '@kubernetes/client-node';
import type { MissingEvidence, OwnerRef, PodFacts, RevisionFacts, WorkloadFacts } from '../diagnosis/types.ts';
import type { ExitcodeError } from '../errors.ts';
import { forbiddenReason } from './errors.ts';
import type { ClusterConnection } from './connection.ts';
import { ownerOf, revisionFacts } from './facts.ts';

const DEPLOYMENT_REVISION = 'deployment.kubernetes.io/revision';
/** Labels the controllers add per revision or per pod: a selector for "all revisions" must drop them. */
const PER_REVISION_LABELS = new Set([
  'pod-template-hash',
  'controller-revision-hash',
  'statefulset.kubernetes.io/pod-name',
  'apps.kubernetes.io/pod-index',
  'pod-template-generation',
]);

/** A workload object the caller already read (deploy/X reads it to find its pods): reused, not read again. */
export interface KnownWorkload {
  kind: string;
  name: string;
  object: unknown;
}

export interface OwnerResult {
  workload?: WorkloadFacts;
  missing: MissingEvidence[];
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: ExitcodeError };

const settle = async <T>(promise: Promise<T>): Promise<Settled<T>> => {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    return { ok: false, error: error as ExitcodeError };
  }
};

const why = (error: ExitcodeError, verb: string, resource: string): string =>
  error.code === 'forbidden' && error.details.status === 403
    ? forbiddenReason({
        verb,
        resource,
        ...(typeof error.details.namespace === 'string' ? { namespace: error.details.namespace } : {}),
      })
    : error.code === 'forbidden'
      ? error.message
      : error.code.endsWith('not_found')
        ? 'not found'
        : error.message;

/** The known object when it is the one wanted, as an already-settled read. */
const reuse = <T>(known: KnownWorkload | undefined, kind: string, name: string): Settled<T> | undefined =>
  known && known.kind === kind && known.name === name ? { ok: true, value: known.object as T } : undefined;

const selectorOf = (labels: Record<string, string>): string =>
  Object.entries(labels)
    .filter(([key]) => !PER_REVISION_LABELS.has(key))
    .map(([key, value]) => `${key}=${value}`)
    .join(',');

const ownedBy = (meta: V1ObjectMeta | undefined, kind: string, name: string): boolean =>
  (meta?.ownerReferences ?? []).some((r) => r.kind === kind && r.name === name);

const rsRevision = (rs: V1ReplicaSet): RevisionFacts =>
  revisionFacts({
    revision: rs.metadata?.annotations?.[DEPLOYMENT_REVISION],
    createdAt: rs.metadata?.creationTimestamp,
    containers: rs.spec?.template?.spec?.containers,
  });

/** Current = the given revision (or the highest), previous = the highest one below it. */
export const pickRevisions = (
  revisions: RevisionFacts[],
  currentRevision?: string,
): { current?: RevisionFacts; previous?: RevisionFacts } => {
  const sorted = revisions.filter((r) => r.revision !== '').sort((a, b) => Number(b.revision) - Number(a.revision));
  const current = sorted.find((r) => r.revision === currentRevision) ?? sorted[0];
  if (!current) return {};
  const previous = sorted.find((r) => Number(r.revision) < Number(current.revision));
  return previous ? { current, previous } : { current };
};

const withRevisions = (
  workload: WorkloadFacts,
  picked: { current?: RevisionFacts; previous?: RevisionFacts },
): WorkloadFacts => {
  if (picked.current) workload.current = picked.current;
  if (picked.previous) workload.previous = picked.previous;
  return workload;
};

const deploymentOwner = async (
  connection: ClusterConnection,
  pod: PodFacts,
  rsName: string,
  known?: KnownWorkload,
): Promise<OwnerResult> => {
  const { namespace } = pod;
  const hash = pod.labels['pod-template-hash'];
  const derived = hash && rsName.endsWith(`-${hash}`) ? rsName.slice(0, -(hash.length + 1)) : undefined;
  const missing: MissingEvidence[] = [];
  const selector = selectorOf(pod.labels);
  const [rs, deployment, siblings] = await Promise.all([
    settle(
      connection.call({ verb: 'get', resource: 'replicasets', namespace, name: rsName }, () =>
        connection.apps.readNamespacedReplicaSet({ namespace, name: rsName }),
      ),
    ),
    derived
      ? (reuse<V1Deployment>(known, 'Deployment', derived) ??
        settle(
          connection.call({ verb: 'get', resource: 'deployments', namespace, name: derived }, () =>
            connection.apps.readNamespacedDeployment({ namespace, name: derived }),
          ),
        ))
      : Promise.resolve(undefined),
    settle(
      connection.call({ verb: 'list', resource: 'replicasets', namespace }, () =>
        connection.apps.listNamespacedReplicaSet({ namespace, ...(selector ? { labelSelector: selector } : {}) }),
      ),
    ),
  ]);
  const rsOwner = rs.ok ? ownerOf(rs.value.metadata) : undefined;
  if (!rs.ok) missing.push({ what: `replicaset ${rsName}`, why: why(rs.error, 'get', 'replicasets') });
  // The derived name is a guess: trust it only if the ReplicaSet agrees (or could not be read).
  const deploymentName = rsOwner?.kind === 'Deployment' ? rsOwner.name : rs.ok ? undefined : derived;
  const chain: OwnerRef[] = [{ kind: 'ReplicaSet', name: rsName }];
  if (!deploymentName) {
    const own = rs.ok ? [rsRevision(rs.value)] : [];
    return {
      workload: withRevisions({ kind: 'ReplicaSet', name: rsName, namespace, chain }, pickRevisions(own)),
      missing,
    };
  }
  chain.push({ kind: 'Deployment', name: deploymentName });
  const workload: WorkloadFacts = { kind: 'Deployment', name: deploymentName, namespace, chain };
  const podRevision = rs.ok ? rsRevision(rs.value).revision : '';
  if (podRevision) workload.podRevision = podRevision;
  let currentRevision: string | undefined;
  if (deployment?.ok && deployment.value.metadata?.name === deploymentName) {
    currentRevision = deployment.value.metadata?.annotations?.[DEPLOYMENT_REVISION];
  } else if (deployment && !deployment.ok) {
    missing.push({ what: `deployment ${deploymentName}`, why: why(deployment.error, 'get', 'deployments') });
  }
  if (!siblings.ok) {
    missing.push({
      what: `rollout history of deployment ${deploymentName}`,
      why: why(siblings.error, 'list', 'replicasets'),
    });
    return {
      workload: withRevisions(workload, pickRevisions(rs.ok ? [rsRevision(rs.value)] : [], currentRevision)),
      missing,
    };
  }
  const revisions = siblings.value.items
    .filter((item) => ownedBy(item.metadata, 'Deployment', deploymentName))
    .map(rsRevision);
  if (rs.ok && !revisions.some((r) => r.revision === rsRevision(rs.value).revision))
    revisions.push(rsRevision(rs.value));
  return { workload: withRevisions(workload, pickRevisions(revisions, currentRevision)), missing };
};

const controllerRevision = (revision: V1ControllerRevision): RevisionFacts => {
  const data = revision.data as
    | { spec?: { template?: { spec?: { containers?: Array<{ name: string; image?: string }> } } } }
    | undefined;
  return revisionFacts({
    revision: String(revision.revision),
    createdAt: revision.metadata?.creationTimestamp,
    containers: data?.spec?.template?.spec?.containers,
  });
};

const setOwner = async (
  connection: ClusterConnection,
  pod: PodFacts,
  owner: OwnerRef,
  known?: KnownWorkload,
): Promise<OwnerResult> => {
  const { namespace } = pod;
  const kind = owner.kind as 'StatefulSet' | 'DaemonSet';
  const resource = kind === 'StatefulSet' ? 'statefulsets' : 'daemonsets';
  const selector = selectorOf(pod.labels);
  const missing: MissingEvidence[] = [];
  const [object, history] = await Promise.all([
    reuse<{ status?: unknown }>(known, kind, owner.name) ??
      settle(
        connection.call<{ status?: unknown }>({ verb: 'get', resource, namespace, name: owner.name }, () =>
          kind === 'StatefulSet'
            ? connection.apps.readNamespacedStatefulSet({ namespace, name: owner.name })
            : connection.apps.readNamespacedDaemonSet({ namespace, name: owner.name }),
        ),
      ),
    settle(
      connection.call({ verb: 'list', resource: 'controllerrevisions', namespace }, () =>
        connection.apps.listNamespacedControllerRevision({
          namespace,
          ...(selector ? { labelSelector: selector } : {}),
        }),
      ),
    ),
  ]);
  if (!object.ok)
    missing.push({ what: `${kind.toLowerCase()} ${owner.name}`, why: why(object.error, 'get', resource) });
  const workload: WorkloadFacts = { kind, name: owner.name, namespace, chain: [owner] };
  if (!history.ok) {
    missing.push({
      what: `rollout history of ${kind.toLowerCase()} ${owner.name}`,
      why: why(history.error, 'list', 'controllerrevisions'),
    });
    return { workload, missing };
  }
  const items = history.value.items.filter((r) => ownedBy(r.metadata, kind, owner.name));
  const status = object.ok ? (object.value.status as { updateRevision?: string } | undefined) : undefined;
  const currentName = status?.updateRevision ?? pod.labels['controller-revision-hash'];
  const current = items.find((r) => r.metadata?.name === currentName || r.metadata?.name?.endsWith(`-${currentName}`));
  const podHash = pod.labels['controller-revision-hash'];
  const own = podHash
    ? items.find((r) => r.metadata?.name === podHash || r.metadata?.name?.endsWith(`-${podHash}`))
    : undefined;
  if (own?.revision !== undefined) workload.podRevision = String(own.revision);
  return {
    workload: withRevisions(
      workload,
      pickRevisions(items.map(controllerRevision), current ? String(current.revision) : undefined),
    ),
    missing,
  };
};

const jobOwner = async (
  connection: ClusterConnection,
  pod: PodFacts,
  owner: OwnerRef,
  known?: KnownWorkload,
): Promise<OwnerResult> => {
  const { namespace } = pod;
  const job =
    reuse<V1Job>(known, 'Job', owner.name) ??
    (await settle(
      connection.call({ verb: 'get', resource: 'jobs', namespace, name: owner.name }, () =>
        connection.batch.readNamespacedJob({ namespace, name: owner.name }),
      ),
    ));
  if (!job.ok)
    return {
      workload: { kind: 'Job', name: owner.name, namespace, chain: [owner] },
      missing: [{ what: `job ${owner.name}`, why: why(job.error, 'get', 'jobs') }],
    };
  const started = revisionFacts({
    revision: '1',
    createdAt: job.value.metadata?.creationTimestamp,
    containers: job.value.spec?.template?.spec?.containers,
  });
  const cronJob = ownerOf(job.value.metadata);
  if (cronJob?.kind !== 'CronJob')
    return { workload: { kind: 'Job', name: owner.name, namespace, chain: [owner], current: started }, missing: [] };
  // A third trip, only for CronJobs: the Job must be read to learn it has one (job/X already read it in round 1).
  const cron = await settle(
    connection.call({ verb: 'get', resource: 'cronjobs', namespace, name: cronJob.name }, () =>
      connection.batch.readNamespacedCronJob({ namespace, name: cronJob.name }),
    ),
  );
  const missing = cron.ok ? [] : [{ what: `cronjob ${cronJob.name}`, why: why(cron.error, 'get', 'cronjobs') }];
  return {
    workload: { kind: 'CronJob', name: cronJob.name, namespace, chain: [owner, cronJob], current: started },
    missing,
  };
};

/** Reads the workload behind the pod's owner; failures become MissingEvidence, never an error. */
export const gatherOwner = async (
  connection: ClusterConnection,
  pod: PodFacts,
  known?: KnownWorkload,
): Promise<OwnerResult> => {
  const owner = pod.owner;
  if (!owner) return { missing: [] };
  if (owner.kind === 'ReplicaSet') return deploymentOwner(connection, pod, owner.name, known);
  if (owner.kind === 'StatefulSet' || owner.kind === 'DaemonSet') return setOwner(connection, pod, owner, known);
  if (owner.kind === 'Job') return jobOwner(connection, pod, owner, known);
  return { missing: [] };
};
