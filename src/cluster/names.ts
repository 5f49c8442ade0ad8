/**
 * DNS-1123 validation of every name a user gives us, before it goes into an API path: a name that
 * passes cannot contain '/', '..', '?' or anything else that would reach a different endpoint.
 */
import { ExitcodeError } from '../errors.ts';

export type NameKind =
  | 'pod'
  | 'namespace'
  | 'container'
  | 'deployment'
  | 'statefulset'
  | 'daemonset'
  | 'job'
  | 'workload';

// Anchored, no nested quantifiers: linear on any input (length is checked first anyway).
const LABEL = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?$/;

/** Namespaces and container names are DNS-1123 labels; pods and workloads are subdomains. */
const LABEL_KINDS: ReadonlySet<NameKind> = new Set(['namespace', 'container']);

export const isDnsLabel = (value: string): boolean => value.length > 0 && value.length <= 63 && LABEL.test(value);

export const isDnsSubdomain = (value: string): boolean =>
  value.length > 0 && value.length <= 253 && value.split('.').every((part) => part.length <= 63 && LABEL.test(part));

export const isValidName = (kind: NameKind, value: string): boolean =>
  LABEL_KINDS.has(kind) ? isDnsLabel(value) : isDnsSubdomain(value);

/** Throws invalid_name unless `value` is a valid Kubernetes name for `kind`. */
export const assertName = (kind: NameKind, value: string): string => {
  if (isValidName(kind, value)) return value;
  const shown = JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
  const rule = LABEL_KINDS.has(kind)
    ? 'at most 63 lower-case letters, digits and "-", starting and ending with a letter or digit'
    : 'lower-case letters, digits, "-" and ".", starting and ending with a letter or digit';
  throw new ExitcodeError('invalid_name', `${shown} is not a valid ${kind} name: use ${rule}.`, { kind, value });
};
