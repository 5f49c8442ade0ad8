/**
 * Optional RBAC, decided as kube-apiserver's RBAC authorizer decides: the request's bearer token names
 * a user (a ServiceAccount is `system:serviceaccount:NS:NAME`, in the groups system:serviceaccounts,
 * system:serviceaccounts:NS and system:authenticated); ClusterRoleBindings grant their ClusterRole
 * everywhere, RoleBindings grant a Role or ClusterRole in their namespace; a rule matches on apiGroups,
 * resources (`pods/log` for a subresource, `*`), verbs and resourceNames. Refusals are 403 Status
 * bodies in the real server's words; an unknown token is a 401.
 */
import type { DemoState } from './state.ts';
import { type Reply, failure } from './status.ts';
import type { KubeObject } from './types.ts';

export interface Attributes {
  user: string;
  verb: string;
  group: string;
  resource: string;
  subresource?: string;
  namespace?: string;
  name?: string;
}

export interface Authorization extends Attributes {
  allowed: boolean;
}

interface Rule {
  apiGroups?: string[];
  resources?: string[];
  verbs?: string[];
  resourceNames?: string[];
}

interface Subject {
  kind: string;
  name: string;
  namespace?: string;
}

type Binding = KubeObject & { subjects?: Subject[]; roleRef?: { kind: string; name: string } };

export const groupsOf = (user: string): string[] => {
  const match = /^system:serviceaccount:([^:]+):[^:]+$/.exec(user);
  return match
    ? ['system:serviceaccounts', `system:serviceaccounts:${match[1]}`, 'system:authenticated']
    : ['system:authenticated'];
};

const appliesTo = (subject: Subject, user: string, bindingNamespace: string | undefined): boolean => {
  if (subject.kind === 'User') return subject.name === user;
  if (subject.kind === 'Group') return groupsOf(user).includes(subject.name);
  if (subject.kind === 'ServiceAccount')
    return `system:serviceaccount:${subject.namespace || bindingNamespace}:${subject.name}` === user;
  return false;
};

const ruleAllows = (rule: Rule, request: Attributes): boolean => {
  const has = (list: string[] | undefined, value: string): boolean =>
    (list ?? []).includes('*') || (list ?? []).includes(value);
  if (!has(rule.verbs, request.verb)) return false;
  if (!has(rule.apiGroups, request.group)) return false;
  const resource = request.subresource ? `${request.resource}/${request.subresource}` : request.resource;
  const resources = rule.resources ?? [];
  const resourceMatches =
    resources.includes('*') ||
    resources.includes(resource) ||
    (request.subresource !== undefined && resources.includes(`*/${request.subresource}`));
  if (!resourceMatches) return false;
  const names = rule.resourceNames ?? [];
  return names.length === 0 || (request.name !== undefined && names.includes(request.name));
};

const rulesOf = (state: DemoState, ref: Binding['roleRef'], namespace: string | undefined): Rule[] => {
  if (!ref) return [];
  const role =
    ref.kind === 'ClusterRole'
      ? state.get('clusterroles', undefined, ref.name)
      : namespace === undefined
        ? undefined
        : state.get('roles', namespace, ref.name);
  return ((role?.['rules'] as Rule[] | undefined) ?? []).filter(Boolean);
};

export const isAllowed = (state: DemoState, request: Attributes): boolean => {
  const granted = (binding: Binding, namespace: string | undefined): boolean =>
    (binding.subjects ?? []).some((s) => appliesTo(s, request.user, namespace)) &&
    rulesOf(state, binding.roleRef, namespace).some((rule) => ruleAllows(rule, request));
  if ((state.list('clusterrolebindings') as Binding[]).some((b) => granted(b, undefined))) return true;
  if (request.namespace === undefined) return false;
  return (state.list('rolebindings', request.namespace) as Binding[]).some((b) => granted(b, request.namespace));
};

export const forbidden = (request: Attributes): Reply => {
  const qualified = request.group === '' ? request.resource : `${request.resource}.${request.group}`;
  const resource = request.subresource ? `${request.resource}/${request.subresource}` : request.resource;
  const subject = request.name === undefined || request.name === '' ? qualified : `${qualified} "${request.name}"`;
  const scope = request.namespace === undefined ? 'at the cluster scope' : `in the namespace "${request.namespace}"`;
  return failure({
    code: 403,
    message: `${subject} is forbidden: User "${request.user}" cannot ${request.verb} resource "${resource}" in API group "${request.group}" ${scope}`,
    details: {
      ...(request.name ? { name: request.name } : {}),
      ...(request.group ? { group: request.group } : {}),
      kind: request.resource,
    },
  });
};

export const unauthorized = (): Reply => failure({ code: 401, reason: 'Unauthorized', message: 'Unauthorized' });

/** The user a bearer token authenticates as, or undefined (a 401). */
export const userOf = (authorization: string, tokens: Record<string, string>): string | undefined => {
  // Split by hand, not with a pattern: "Bearer", a space or tab, the token (linear whatever the header holds).
  const header = authorization.trim();
  const separator = header.charAt(6);
  if (header.slice(0, 6).toLowerCase() !== 'bearer' || (separator !== ' ' && separator !== '\t')) return undefined;
  const token = header.slice(7).trim();
  if (token === '') return undefined;
  return Object.hasOwn(tokens, token) ? tokens[token] : undefined;
};
