/**
 * RBAC as data for the permission tests: the Roles and bindings shipped in deploy/ (parsed, with the
 * namespaces substituted as kustomize and the README's "one RoleBinding per namespace" would), the same
 * from the Helm chart, and both flattened into comparable grants `verb group/resource@scope`, where the
 * scope is `own` (the bot's namespace), `workload` (a namespace it reads or acts in) or `cluster`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, parseAllDocuments } from 'yaml';
import type { Authorization } from '../../src/demo/rbac.ts';
import type { KubeObject } from '../../src/demo/types.ts';
import { renderChart } from '../helpers/helm-template.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The namespace deploy/ names in its per-namespace examples ("copy it and change the namespace"). */
export const EXAMPLE_NAMESPACE = 'shop';
const RBAC_KINDS = new Set(['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding']);
const CLUSTER_SCOPED = new Set(['ClusterRole', 'ClusterRoleBinding', 'Namespace']);

type Rbac = KubeObject & {
  rules?: { apiGroups?: string[]; resources?: string[]; verbs?: string[]; resourceNames?: string[] }[];
  roleRef?: { kind: string; name: string };
  subjects?: { kind: string; name: string; namespace?: string }[];
};

const docsOf = (file: string): KubeObject[] =>
  parseAllDocuments(readFileSync(join(ROOT, file), 'utf8'))
    .map((doc) => doc.toJS() as KubeObject | null)
    .filter((doc): doc is KubeObject => doc !== null && typeof doc === 'object' && typeof doc.kind === 'string');

/** kustomize's `namespace:` moves every namespaced object and the ServiceAccount subjects of bindings. */
const kustomized = (objects: KubeObject[]): KubeObject[] => {
  const kustomization = parse(readFileSync(join(ROOT, 'deploy/kustomization.yaml'), 'utf8')) as { namespace?: string };
  const namespace = kustomization.namespace;
  if (!namespace) return objects;
  return objects.map((object) => {
    const moved = structuredClone(object) as Rbac;
    if (!CLUSTER_SCOPED.has(moved.kind)) moved.metadata.namespace = namespace;
    for (const subject of moved.subjects ?? []) if (subject.kind === 'ServiceAccount') subject.namespace = namespace;
    return moved;
  });
};

/** The namespace the bot runs in, as deploy/namespace.yaml (after kustomize) names it. */
export const botNamespace = (): string => {
  const [namespace] = kustomized(docsOf('deploy/namespace.yaml'));
  const fromKustomize = (parse(readFileSync(join(ROOT, 'deploy/kustomization.yaml'), 'utf8')) as { namespace?: string })
    .namespace;
  return fromKustomize ?? String(namespace?.metadata.name);
};

/**
 * The RBAC objects of deploy/rbac.yaml and deploy/remediation-rbac.yaml as an operator applies them for
 * `namespaces`: the example objects in EXAMPLE_NAMESPACE copied into each.
 */
export const deployRbac = (namespaces: readonly string[]): KubeObject[] => {
  const objects = kustomized([...docsOf('deploy/rbac.yaml'), ...docsOf('deploy/remediation-rbac.yaml')]).filter(
    (object) => RBAC_KINDS.has(object.kind),
  );
  return objects.flatMap((object) =>
    object.metadata.namespace === EXAMPLE_NAMESPACE
      ? namespaces.map((namespace) => ({ ...structuredClone(object), metadata: { ...object.metadata, namespace } }))
      : [object],
  );
};

/** The Helm chart's RBAC objects with remediation and the scanner on, for `namespaces`. */
export const helmRbac = (namespaces: readonly string[], releaseNamespace: string): KubeObject[] =>
  (
    renderChart({
      chartDir: join(ROOT, 'deploy/helm/exitcode'),
      values: {
        namespaces,
        readNodes: true,
        remediation: { enabled: true, namespaces, policy: 'rules: []\n' },
        scanner: { schedule: '*/5 * * * *', channel: 'C0SCAN' },
      },
      release: { Name: 'exitcode', Namespace: releaseNamespace },
    }) as KubeObject[]
  ).filter((object) => RBAC_KINDS.has(object.kind));

const scopeOf = (namespace: string | undefined, own: string): string =>
  namespace === undefined ? 'cluster' : namespace === own ? 'own' : 'workload';

const grant = (verb: string, group: string, resource: string, scope: string): string =>
  `${verb} ${group === '' ? 'core' : group}/${resource}@${scope}`;

/** Every grant the objects give the ServiceAccount `user`, flattened. */
export const grantsOf = (objects: KubeObject[], own: string, user: string): Set<string> => {
  const grants = new Set<string>();
  const roles = new Map(objects.map((o) => [`${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`, o as Rbac]));
  for (const binding of objects as Rbac[]) {
    if (binding.kind !== 'RoleBinding' && binding.kind !== 'ClusterRoleBinding') continue;
    const bound = (binding.subjects ?? []).some(
      (s) =>
        s.kind === 'ServiceAccount' &&
        `system:serviceaccount:${s.namespace ?? binding.metadata.namespace}:${s.name}` === user,
    );
    if (!bound || !binding.roleRef) continue;
    const roleNamespace = binding.roleRef.kind === 'Role' ? binding.metadata.namespace : '';
    const role = roles.get(`${binding.roleRef.kind}/${roleNamespace ?? ''}/${binding.roleRef.name}`);
    const scope = binding.kind === 'ClusterRoleBinding' ? 'cluster' : scopeOf(binding.metadata.namespace, own);
    for (const rule of role?.rules ?? [])
      for (const verb of rule.verbs ?? [])
        for (const group of rule.apiGroups ?? [])
          for (const resource of rule.resources ?? []) grants.add(grant(verb, group, resource, scope));
  }
  return grants;
};

/** What the code asked the API server for, in the same terms. */
export const usedOf = (decisions: Authorization[], own: string): Set<string> =>
  new Set(
    decisions.map((d) =>
      grant(d.verb, d.group, d.subresource ? `${d.resource}/${d.subresource}` : d.resource, scopeOf(d.namespace, own)),
    ),
  );
