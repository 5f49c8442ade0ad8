/**
 * From what the user typed to one pod: `pod`, `deploy/api`, `sts/db`, `ds/agent`, `job/migrate`, or a
 * bare name that matches no pod but a workload. A missing pod gets "did you mean" suggestions from the
 * namespace's pods; a missing namespace says so.
 */
import type { V1LabelSelector, V1Pod } from '@kubernetes/client-node';
import { failingContainers, lastCrashAt } from '../diagnosis/diagnose-pod.ts';
import { ExitcodeError, isExitcodeError } from '../errors.ts';
import type { ClusterConnection } from './connection.ts';
import { ownerOf, podFacts } from './facts.ts';
import { type GatheredPod, type GatherOptions, gatherAround, gatherPod } from './gather.ts';
import { assertName } from './names.ts';

export type WorkloadKind = 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'Job';

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

export const levenshtein = (a: string, b: string): number => {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
};

/** Up to three names: prefix matches first (shortest first), then the closest by edit distance. */
export const suggest = (wanted: string, names: string[], limit = 3): string[] => {
  const scored = names
    .map((name) => {
      const prefix = name.startsWith(wanted) || wanted.startsWith(name);
      return { name, prefix, distance: levenshtein(wanted, name) };
    })
    .filter((s) => s.prefix || s.distance <= Math.max(2, Math.floor(wanted.length / 3)))
    .sort((a, b) => Number(b.prefix) - Number(a.prefix) || a.distance - b.distance || a.name.localeCompare(b.name));
  return scored.slice(0, limit).map((s) => s.name);
};

export const selectorString = (selector: V1LabelSelector | undefined): string => {
  const parts = Object.entries(selector?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const expression of selector?.matchExpressions ?? []) {
    const values = (expression.values ?? []).join(',');
    if (expression.operator === 'In') parts.push(`${expression.key} in (${values})`);
    if (expression.operator === 'NotIn') parts.push(`${expression.key} notin (${values})`);
    if (expression.operator === 'Exists') parts.push(expression.key);
    if (expression.operator === 'DoesNotExist') parts.push(`!${expression.key}`);
  }
  return parts.join(',');
};

const matches = (labels: Record<string, string> | undefined, selector: V1LabelSelector | undefined): boolean =>
  Object.entries(selector?.matchLabels ?? {}).every(([k, v]) => labels?.[k] === v);

/** The name a person calls the pod's workload by: the Deployment behind a ReplicaSet, else the owner. */
export const workloadNameOf = (pod: V1Pod): string | undefined => {
  const owner = ownerOf(pod.metadata);
  if (!owner) return undefined;
  const hash = pod.metadata?.labels?.['pod-template-hash'];
  if (owner.kind === 'ReplicaSet' && hash && owner.name.endsWith(`-${hash}`))
    return owner.name.slice(0, -(hash.length + 1));
  return owner.name;
};

/** The pod to diagnose for a workload: the most recently failing one, else the newest. */
export const pickPod = (pods: V1Pod[], label: string): { pod: V1Pod; because: string } | undefined => {
  const scored = pods.map((pod) => {
    const facts = podFacts(pod);
    const failing = failingContainers(facts);
    return { pod, facts, failing, at: failing.map(lastCrashAt).sort().at(-1) ?? '', created: facts.createdAt ?? '' };
  });
  const failing = scored
    .filter((s) => s.failing.length > 0)
    .sort((a, b) => b.at.localeCompare(a.at) || b.created.localeCompare(a.created));
  const count = `${label} has ${pods.length} pod${pods.length === 1 ? '' : 's'}`;
  const first = failing[0];
  if (first) {
    const names = first.failing.map((c) => c.name).join(', ');
    // With several pods, say how many fail: "1 is failing" tells a rollout's one bad pod from a fleet down.
    const others = pods.length > 1 ? ` (${failing.length} ${failing.length === 1 ? 'is' : 'are'} failing)` : '';
    const containers = first.failing.length === 1 ? 'container' : 'containers';
    return {
      pod: first.pod,
      because: `${count}${others}; picked ${first.facts.name}: its ${containers} ${names} failed most recently.`,
    };
  }
  const newest = [...scored].sort((a, b) => b.created.localeCompare(a.created))[0];
  if (!newest) return undefined;
  return { pod: newest.pod, because: `${count}, none failing; picked the newest, ${newest.facts.name}.` };
};

const readWorkload = (connection: ClusterConnection, kind: WorkloadKind, namespace: string, name: string) =>
  connection.call<{ spec?: { selector?: V1LabelSelector } }>(
    { verb: 'get', resource: RESOURCE[kind], namespace, name },
    () => {
      if (kind === 'Deployment') return connection.apps.readNamespacedDeployment({ namespace, name });
      if (kind === 'StatefulSet') return connection.apps.readNamespacedStatefulSet({ namespace, name });
      if (kind === 'DaemonSet') return connection.apps.readNamespacedDaemonSet({ namespace, name });
      return connection.batch.readNamespacedJob({ namespace, name });
    },
  );

/** False only when the API says the namespace is not there (forbidden to read it counts as "exists"). */
const namespaceExists = (connection: ClusterConnection, namespace: string): Promise<boolean> =>
  connection
    .call({ verb: 'get', resource: 'namespaces', name: namespace }, () =>
      connection.core.readNamespace({ name: namespace }),
    )
    .then(
      () => true,
      (error: unknown) => !(isExitcodeError(error) && error.code === 'namespace_not_found'),
    );

const orUndefined = async <T>(promise: Promise<T>): Promise<T | undefined> => {
  try {
    return await promise;
  } catch {
    return undefined;
  }
};

const fromWorkload = async (input: {
  connection: ClusterConnection;
  namespace: string;
  kind: WorkloadKind;
  name: string;
  selector: V1LabelSelector | undefined;
  pods?: V1Pod[];
  container?: string;
  options: GatherOptions;
}): Promise<GatheredPod> => {
  const { connection, namespace, kind, name } = input;
  const label = `${kind.toLowerCase()}/${name}`;
  const labelSelector = selectorString(input.selector);
  const pods =
    input.pods?.filter((p) => matches(p.metadata?.labels, input.selector)) ??
    (
      await connection.call({ verb: 'list', resource: 'pods', namespace }, () =>
        connection.core.listNamespacedPod({ namespace, labelSelector }),
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
  const gathered = await gatherAround({
    connection,
    pod: picked.pod,
    options: input.options,
    ...(input.container !== undefined ? { container: input.container } : {}),
  });
  return { ...gathered, selectedBecause: picked.because };
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
    namespaceExists(connection, namespace),
    orUndefined(
      connection.call({ verb: 'list', resource: 'pods', namespace }, () =>
        connection.core.listNamespacedPod({ namespace }),
      ),
    ),
    ...kinds.map((kind) => orUndefined(readWorkload(connection, kind, namespace, name))),
  ]);
  if (!namespaceObject) {
    throw new ExitcodeError(
      'namespace_not_found',
      `Namespace "${namespace}" does not exist in this cluster: check the name with "kubectl get namespaces".`,
      { namespace },
    );
  }
  const found = workloads.findIndex((w) => w !== undefined);
  const kind = kinds[found];
  if (kind) {
    return fromWorkload({
      connection,
      namespace,
      kind,
      name,
      selector: workloads[found]?.spec?.selector,
      options: input.options,
      ...(pods ? { pods: pods.items } : {}),
      ...(input.container !== undefined ? { container: input.container } : {}),
    });
  }
  const items = pods?.items ?? [];
  // Workload names first: a typo is more often in "orders-api" than in "orders-api-7f9c6-x2k4q".
  const names = [...new Set([...items.map(workloadNameOf), ...items.map((p) => p.metadata?.name)])].filter(
    (n): n is string => Boolean(n),
  );
  const suggestions = suggest(name, names);
  const hint =
    suggestions.length > 0
      ? ` Did you mean ${suggestions.join(', ')}?`
      : ` Check the name with "kubectl get pods -n ${namespace}".`;
  throw new ExitcodeError('pod_not_found', `No pod or workload named "${name}" in namespace ${namespace}.${hint}`, {
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
    const kind = parsed.kind;
    try {
      const workload = await readWorkload(connection, kind, namespace, parsed.name);
      return await fromWorkload({
        connection,
        namespace,
        kind,
        name: parsed.name,
        selector: workload.spec?.selector,
        options,
        ...container,
      });
    } catch (error) {
      if (isExitcodeError(error) && error.code === 'workload_not_found') {
        const exists = await namespaceExists(connection, namespace);
        if (!exists)
          throw new ExitcodeError(
            'namespace_not_found',
            `Namespace "${namespace}" does not exist in this cluster: check the name with "kubectl get namespaces".`,
            { namespace },
          );
      }
      throw error;
    }
  }
  try {
    return await gatherPod(connection, { namespace, pod: parsed.name, ...container }, options);
  } catch (error) {
    if (!isExitcodeError(error) || error.code !== 'pod_not_found') throw error;
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
