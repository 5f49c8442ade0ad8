/**
 * From what the user typed to one pod: `pod`, `deploy/api`, `sts/db`, `ds/agent`, `job/migrate`, or a
 * bare name that matches no pod but a workload. A missing pod gets "did you mean" suggestions from the
 * namespace's pods; a missing namespace says so.
 */
import type { V1LabelSelector, V1ObjectMeta, V1Pod } from '@kubernetes/client-node';
import { ExitcodeError, isExitcodeError } from '../errors.ts';
import { editDistance } from '../text/edit-distance.ts';
import type { ClusterConnection } from './connection.ts';
import { type GatheredPod, type GatherOptions, gatherAround, gatherPod } from './gather.ts';
import { assertName } from './names.ts';
import {
  matches,
  ownedByWorkload,
  pickPod,
  selectorString,
  type WorkloadKind,
  workloadNameOf,
} from './workload-pods.ts';

const KIND_ALIASES: Record<string, WorkloadKind | 'Pod'> = {
  po: 'Pod',
  pod: 'Pod',
  pods: 'Pod',
  deploy: 'Deployment',
  deployment: 'Deployment',
  deployments: 'Deployment',
  sts: 'StatefulSet',
  statefulset: 'StatefulSet',
  statefulsets: 'StatefulSet',
  ds: 'DaemonSet',
  daemonset: 'DaemonSet',
  daemonsets: 'DaemonSet',
  job: 'Job',
  jobs: 'Job',
};

const RESOURCE: Record<WorkloadKind, string> = {
  Deployment: 'deployments',
  StatefulSet: 'statefulsets',
  DaemonSet: 'daemonsets',
  Job: 'jobs',
};

export interface ParsedTarget {
  kind?: WorkloadKind | 'Pod';
  name: string;
}

export const parseTarget = (target: string): ParsedTarget => {
  const slash = target.indexOf('/');
  if (slash === -1) return { name: assertName('pod', target) };
  const alias = target
    .slice(0, slash)
    .toLowerCase()
    .replace(/\.(apps|batch)$/, '');
  // "../etc" is not a kind/name at all: call it the bad name it is rather than an unknown kind "..".
  if (!/^[a-z]+$/.test(alias)) assertName('pod', target);
  const kind = KIND_ALIASES[alias];
  if (!kind) {
    throw new ExitcodeError(
      'bad_input',
      `"${target.slice(0, slash)}" is not a kind exitcode can diagnose: use pod/, deploy/, sts/, ds/ or job/.`,
      { target },
    );
  }
  return { kind, name: assertName(kind === 'Pod' ? 'pod' : 'workload', target.slice(slash + 1)) };
};

/** Up to three names: prefix matches first (shortest first), then the closest by edit distance. */
export const suggest = (wanted: string, names: string[], limit = 3): string[] => {
  const scored = names
    .map((name) => {
      const prefix = name.startsWith(wanted) || wanted.startsWith(name);
      return { name, prefix, distance: editDistance(wanted, name) };
    })
    .filter((s) => s.prefix || s.distance <= Math.max(2, Math.floor(wanted.length / 3)))
    .sort((a, b) => Number(b.prefix) - Number(a.prefix) || a.distance - b.distance || a.name.localeCompare(b.name));
  return scored.slice(0, limit).map((s) => s.name);
};

type WorkloadObject = { metadata?: V1ObjectMeta; spec?: { selector?: V1LabelSelector } };

const readWorkload = (connection: ClusterConnection, kind: WorkloadKind, namespace: string, name: string) =>
  connection.call<WorkloadObject>({ verb: 'get', resource: RESOURCE[kind], namespace, name }, () => {
    if (kind === 'Deployment') return connection.apps.readNamespacedDeployment({ namespace, name });
    if (kind === 'StatefulSet') return connection.apps.readNamespacedStatefulSet({ namespace, name });
    if (kind === 'DaemonSet') return connection.apps.readNamespacedDaemonSet({ namespace, name });
    return connection.batch.readNamespacedJob({ namespace, name });
  });

/**
 * A namespace's pod list is read alongside the workload (its selector is not known yet), so a big
 * namespace must not cost a huge response: one page of at most this many pods. When the namespace has
 * more, the page is not trusted to hold every pod of the workload and the selector-narrowed list is read.
 */
export const POD_PAGE = 500;

interface PodPage {
  items: V1Pod[];
  /** True when the namespace has more pods than the page holds. */
  truncated: boolean;
}

const listPodPage = async (connection: ClusterConnection, namespace: string): Promise<PodPage> => {
  const list = await connection.call({ verb: 'list', resource: 'pods', namespace }, () =>
    connection.core.listNamespacedPod({ namespace, limit: POD_PAGE }),
  );
  return { items: list.items, truncated: Boolean(list.metadata?._continue) };
};

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

const settle = async <T>(promise: Promise<T>): Promise<Settled<T>> => {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    return { ok: false, error };
  }
};

const NOT_FOUND = new Set(['pod_not_found', 'workload_not_found', 'namespace_not_found']);

/** The API said 404: the thing is absent. Anything else (403, timeout, 5xx) says nothing about absence. */
const isAbsent = (error: unknown): boolean => isExitcodeError(error) && NOT_FOUND.has(error.code);

const readNamespace = (connection: ClusterConnection, namespace: string) =>
  connection.call({ verb: 'get', resource: 'namespaces', name: namespace }, () =>
    connection.core.readNamespace({ name: namespace }),
  );

/**
 * What we know when the namespace cannot be confirmed: a real API server answers 404 for a missing
 * namespace's objects, and 403 everywhere when the bot's Role is not bound there (which is also the
 * case for a namespace that does not exist), so both read the same.
 */
const namespaceUnknown = (namespace: string, cause: unknown): ExitcodeError =>
  new ExitcodeError(
    isExitcodeError(cause) && cause.code === 'forbidden' ? 'forbidden' : 'namespace_not_found',
    `Namespace "${namespace}" does not exist, or I may not read it: check the name with "kubectl get namespaces", and that the bot's Role is bound in ${namespace}.`,
    { namespace, ...(isExitcodeError(cause) ? { cause: cause.code, ...cause.details } : {}) },
  );

/**
 * A request in the namespace was refused (403): when the namespace itself cannot be confirmed, say what
 * we know ("does not exist, or I may not read it"); when it exists, the refusal names verb and resource.
 */
const refusedInNamespace = async (
  connection: ClusterConnection,
  namespace: string,
  error: unknown,
): Promise<unknown> => {
  if (!isExitcodeError(error) || error.code !== 'forbidden') return error;
  const found = await settle(readNamespace(connection, namespace));
  return found.ok ? error : namespaceUnknown(namespace, error);
};

/** A probe that could not answer (403, timeout, unreachable) while looking for a name: never "no such name". */
const probeFailed = (error: unknown, name: string, namespace: string): unknown => {
  if (!isExitcodeError(error) || error.code !== 'forbidden') return error;
  const what = error.details as { verb?: string; resource?: string };
  return new ExitcodeError(
    'forbidden',
    `No pod named "${name}" in namespace ${namespace}, and I could not check for a workload of that name: the service account may not ${what.verb ?? 'get'} ${what.resource ?? 'workloads'} in namespace ${namespace}. Add that to its Role, or name the pod.`,
    error.details,
  );
};

const fromWorkload = async (input: {
  connection: ClusterConnection;
  namespace: string;
  kind: WorkloadKind;
  name: string;
  workload: WorkloadObject;
  /** One page of the namespace's pods, read alongside the workload; filtered here. */
  page?: PodPage;
  container?: string;
  options: GatherOptions;
}): Promise<GatheredPod> => {
  const { connection, namespace, kind, name } = input;
  const label = `${kind.toLowerCase()}/${name}`;
  const selector = input.workload.spec?.selector;
  const pods =
    input.page && !input.page.truncated
      ? // Owned by the workload AND matched by its selector: the same pods the controller counts.
        input.page.items.filter((p) => ownedByWorkload(p, kind, name) && matches(p.metadata?.labels, selector))
      : (
          await connection.call({ verb: 'list', resource: 'pods', namespace }, () =>
            connection.core.listNamespacedPod({ namespace, labelSelector: selectorString(selector) }),
          )
        ).items;
  const picked = pickPod(pods, label);
  if (!picked) {
    throw new ExitcodeError(
      'pod_not_found',
      `${label} in namespace ${namespace} has no pods right now: check "kubectl describe -n ${namespace} ${label}".`,
      { kind, name },
    );
  }
  // The picked pod came from the list, so it is not read again; neither is the workload (reused by the owner chain).
  const gathered = await gatherAround({
    connection,
    pod: picked.pod,
    workload: { kind, name, object: input.workload },
    options: input.options,
    ...(input.container !== undefined ? { container: input.container } : {}),
  });
  return { ...gathered, selectedBecause: picked.because };
};

/**
 * kind/name in two rounds: the workload and one page of the namespace's pods in parallel (the selector is
 * not needed to list, only to filter), then everything around the picked pod.
 */
const gatherWorkload = async (input: {
  connection: ClusterConnection;
  namespace: string;
  kind: WorkloadKind;
  name: string;
  container?: string;
  options: GatherOptions;
}): Promise<GatheredPod> => {
  const { connection, namespace, kind, name } = input;
  const [workload, page] = await Promise.all([
    settle(readWorkload(connection, kind, namespace, name)),
    settle(listPodPage(connection, namespace)),
  ]);
  if (!workload.ok) {
    const error = workload.error;
    if (isAbsent(error)) {
      const found = await settle(readNamespace(connection, namespace));
      if (!found.ok && (isAbsent(found.error) || !page.ok)) throw namespaceUnknown(namespace, found.error);
    }
    throw await refusedInNamespace(connection, namespace, error);
  }
  // Listing pods is what a workload target needs: refused, it fails as the sequential read did.
  if (!page.ok) throw await refusedInNamespace(connection, namespace, page.error);
  return fromWorkload({ ...input, workload: workload.value, page: page.value });
};

/** A pod name that was not found: a workload of that name, a typo, or a missing namespace. */
const afterNotFound = async (input: {
  connection: ClusterConnection;
  namespace: string;
  name: string;
  container?: string;
  options: GatherOptions;
  error: ExitcodeError;
  /** False for an explicit pod/name: then only the namespace and suggestions are checked. */
  workloads: boolean;
}): Promise<GatheredPod> => {
  const { connection, namespace, name } = input;
  const kinds: WorkloadKind[] = input.workloads ? ['Deployment', 'StatefulSet', 'DaemonSet', 'Job'] : [];
  const [namespaceObject, pods, ...workloads] = await Promise.all([
    settle(readNamespace(connection, namespace)),
    // One page (POD_PAGE) is plenty for "did you mean"; a cut page is not used to pick the workload's pod.
    settle(listPodPage(connection, namespace)),
    ...kinds.map((kind) => settle(readWorkload(connection, kind, namespace, name))),
  ]);
  if (!namespaceObject.ok && isAbsent(namespaceObject.error)) throw namespaceUnknown(namespace, namespaceObject.error);
  const found = workloads.findIndex((w) => w.ok);
  const kind = kinds[found];
  const workload = workloads[found];
  if (kind && workload?.ok) {
    return fromWorkload({
      connection,
      namespace,
      kind,
      name,
      workload: workload.value,
      options: input.options,
      ...(pods.ok ? { page: pods.value } : {}),
      ...(input.container !== undefined ? { container: input.container } : {}),
    });
  }
  // Absence is claimed only when every probe said 404: a refused or timed-out probe is reported as itself.
  const failed = workloads.find((w) => !w.ok && !isAbsent(w.error));
  if (failed && !failed.ok) throw probeFailed(failed.error, name, namespace);
  const items = pods.ok ? pods.value.items : [];
  // Workload names first: a typo is more often in "orders-api" than in "orders-api-7f9c6-x2k4q".
  const names = [...new Set([...items.map(workloadNameOf), ...items.map((p) => p.metadata?.name)])].filter(
    (n): n is string => Boolean(n),
  );
  const suggestions = suggest(name, names);
  const hint =
    suggestions.length > 0
      ? ` Did you mean ${suggestions.join(', ')}?`
      : ` Check the name with "kubectl get pods -n ${namespace}".`;
  const what = input.workloads ? 'pod or workload' : 'pod';
  throw new ExitcodeError('pod_not_found', `No ${what} named "${name}" in namespace ${namespace}.${hint}`, {
    ...input.error.details,
    suggestions,
  });
};

/** Resolves the user's target to one pod and gathers it. */
export const gatherTarget = async (
  connection: ClusterConnection,
  request: { namespace: string; target: string; container?: string },
  options: GatherOptions = {},
): Promise<GatheredPod> => {
  const namespace = assertName('namespace', request.namespace);
  if (request.container !== undefined) assertName('container', request.container);
  const parsed = parseTarget(request.target);
  const container = request.container !== undefined ? { container: request.container } : {};
  if (parsed.kind && parsed.kind !== 'Pod') {
    return gatherWorkload({ connection, namespace, kind: parsed.kind, name: parsed.name, options, ...container });
  }
  try {
    return await gatherPod(connection, { namespace, pod: parsed.name, ...container }, options);
  } catch (error) {
    if (!isExitcodeError(error) || error.code !== 'pod_not_found') {
      throw await refusedInNamespace(connection, namespace, error);
    }
    return afterNotFound({
      connection,
      namespace,
      name: parsed.name,
      options,
      error,
      workloads: parsed.kind !== 'Pod',
      ...container,
    });
  }
};
