/**
 * Which pods belong to a workload and which one to diagnose. The namespace's pods are listed before the
 * workload's selector is known, so membership is decided here: owned by the workload and matched by its
 * selector, as the controller itself counts them.
 */
import type { V1LabelSelector, V1Pod } from '@kubernetes/client-node';
import { failingContainers, lastCrashAt } from '../diagnosis/diagnose-pod.ts';
import { ownerOf, podFacts } from './facts.ts';

export type WorkloadKind = 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'Job';

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

/** Client-side label selector match, matchExpressions included (the list was not narrowed by the server). */
export const matches = (labels: Record<string, string> | undefined, selector: V1LabelSelector | undefined): boolean =>
  Object.entries(selector?.matchLabels ?? {}).every(([k, v]) => labels?.[k] === v) &&
  (selector?.matchExpressions ?? []).every((expression) => {
    const value = labels?.[expression.key];
    const values = expression.values ?? [];
    if (expression.operator === 'In') return value !== undefined && values.includes(value);
    if (expression.operator === 'NotIn') return value === undefined || !values.includes(value);
    if (expression.operator === 'Exists') return value !== undefined;
    if (expression.operator === 'DoesNotExist') return value === undefined;
    return false;
  });

/**
 * Whether the workload controls the pod. A Deployment's pods belong to its ReplicaSets, which are named
 * `<deployment>-<pod-template-hash>`; the others own their pods directly.
 */
export const ownedByWorkload = (pod: V1Pod, kind: WorkloadKind, name: string): boolean => {
  const owner = ownerOf(pod.metadata);
  if (!owner) return false;
  if (kind !== 'Deployment') return owner.kind === kind && owner.name === name;
  const hash = pod.metadata?.labels?.['pod-template-hash'];
  return owner.kind === 'ReplicaSet' && hash !== undefined && owner.name === `${name}-${hash}`;
};

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
