/**
 * A container that references a ConfigMap, Secret or key that does not exist is never created
 * (CreateContainerConfigError; for volumes, a FailedMount event). The status message names the object;
 * the spec names the variable or volume that points at it, which is what the user has to fix.
 */
import { kubectl } from '../kubectl.ts';
import type { Rule, RuleContext } from '../rule.ts';
import type { Evidence, Finding } from '../types.ts';
import {
  eventEvidence,
  findEvents,
  messageOf,
  namespaceFor,
  reasonOf,
  specEvidence,
  statusEvidence,
} from './spec-helpers.ts';

interface Missing {
  source: 'ConfigMap' | 'Secret';
  name: string;
  key?: string;
}

/** Parses the kubelet's wording: `configmap "x" not found`, `couldn't find key k in Secret ns/x`. */
export const parseMissing = (message: string): Missing | null => {
  const key = /couldn't find key (\S+) in (ConfigMap|Secret) (?:[\w.-]+\/)?([\w.-]+)/i.exec(message);
  if (key?.[1] && key[2] && key[3]) {
    return { source: key[2].toLowerCase() === 'secret' ? 'Secret' : 'ConfigMap', name: key[3], key: key[1] };
  }
  const object = /(configmaps?|secrets?) "([\w.-]+)" not found/i.exec(message);
  if (object?.[1] && object[2]) {
    return { source: object[1].toLowerCase().startsWith('secret') ? 'Secret' : 'ConfigMap', name: object[2] };
  }
  return null;
};

/** "key k from ConfigMap x, which has no such key" or "Secret x, which does not exist". */
const describe = (missing: Missing): string =>
  missing.key
    ? `key ${missing.key} from ${missing.source} ${missing.name}, which has no such key`
    : `${missing.source} ${missing.name}, which does not exist`;

const match = (ctx: RuleContext): Finding | null => {
  const waitingReason = reasonOf(ctx);
  const statusMessage = messageOf(ctx);
  const configError = waitingReason === 'CreateContainerConfigError';
  const events = findEvents(ctx, /^(Failed|FailedMount)$/, /not found|couldn't find key/i);
  const fromStatus = configError ? parseMissing(statusMessage) : null;
  const event = events.find((e) => parseMissing(e.message));
  const missing = fromStatus ?? (event ? parseMissing(event.message) : null);
  if (!missing) {
    // CreateContainerConfigError also covers other spec errors (runAsNonRoot with a root image, ...):
    // only an empty message or one about a ConfigMap/Secret points here.
    if (!configError || (statusMessage && !/configmap|secret/i.test(statusMessage))) return null;
    return {
      ruleId: 'missing-config-reference',
      category: 'missing_config_reference',
      title: 'The container cannot be created: its spec references a ConfigMap or Secret that cannot be read',
      confidence: 0.7,
      evidence: [statusEvidence(`${waitingReason}${statusMessage ? `: ${statusMessage}` : ''}`)],
      nextSteps: [kubectl.describePod(ctx.target), kubectl.podEvents(ctx.target)],
    };
  }
  const container = ctx.container;
  const references = (container?.envReferences ?? []).filter(
    (ref) =>
      !ref.optional &&
      ref.source === missing.source &&
      ref.name === missing.name &&
      (missing.key === undefined || ref.key === undefined || ref.key === missing.key),
  );
  const volumes = (ctx.pod?.volumes ?? []).filter(
    (v) => v.source === missing.name && v.kind === (missing.source === 'Secret' ? 'secret' : 'configMap'),
  );
  const evidence: Evidence[] = [];
  if (fromStatus) evidence.push(statusEvidence(`${waitingReason}: ${statusMessage}`));
  if (event) evidence.push(eventEvidence(event));
  const variable = references.find((ref) => ref.variable)?.variable;
  for (const ref of references) {
    evidence.push(
      specEvidence(
        ref.variable
          ? `env ${ref.variable} <- ${ref.source} ${ref.name}${ref.key ? ` key ${ref.key}` : ''} (not optional)`
          : `envFrom ${ref.source} ${ref.name} (not optional)`,
      ),
    );
  }
  for (const volume of volumes)
    evidence.push(specEvidence(`volume ${volume.name} <- ${missing.source} ${missing.name}`));

  const what = describe(missing);
  const ns = namespaceFor(ctx);
  const kind = missing.source.toLowerCase();
  let title: string;
  if (variable) title = `Env variable ${variable} reads ${what}`;
  else if (references.length > 0) title = `envFrom of container ${container?.name ?? '<container>'} reads ${what}`;
  else if (volumes[0]) title = `Volume ${volumes[0].name} mounts ${what}`;
  else title = `The pod references ${what}`;
  const create = missing.key
    ? `Add the key: kubectl edit ${kind} -n ${ns} ${missing.name} (add ${missing.key})`
    : missing.source === 'Secret'
      ? `Create it: kubectl create secret generic ${missing.name} -n ${ns} --from-literal=<key>=<value>`
      : `Create it: kubectl create configmap ${missing.name} -n ${ns} --from-literal=<key>=<value>`;
  return {
    ruleId: 'missing-config-reference',
    category: 'missing_config_reference',
    title,
    // The status names the object and the spec confirms who references it: as sure as it gets.
    confidence: references.length > 0 || volumes.length > 0 ? 0.97 : 0.88,
    evidence,
    nextSteps: [
      `Check it exists: kubectl get ${kind} -n ${ns} ${missing.name}${missing.key ? ' -o yaml' : ''}`,
      create,
      'Or, if the app can run without it, mark the reference optional: true',
      kubectl.describePod(ctx.target),
    ],
  };
};

export const missingConfigReference: Rule = { id: 'missing-config-reference', match };
