/**
 * Label and field selectors as the API server reads them: comma-separated requirements, all of which
 * must hold. Labels support =, ==, !=, existence (key) and absence (!key); fields support = , == and !=
 * on a dotted path (involvedObject.name, metadata.name, status.phase, spec.nodeName, ...).
 */
import type { KubeObject } from './types.ts';

type Requirement = { key: string; op: 'eq' | 'ne' | 'exists' | 'absent'; value: string };

export class SelectorError extends Error {}

const parse = (selector: string, allowExistence: boolean): Requirement[] => {
  const requirements: Requirement[] = [];
  for (const raw of selector.split(',')) {
    const part = raw.trim();
    if (part === '') continue;
    const match = /^([^=!]+)(==|!=|=)(.*)$/.exec(part);
    if (match) {
      const [, key = '', op, value = ''] = match;
      requirements.push({ key: key.trim(), op: op === '!=' ? 'ne' : 'eq', value: value.trim() });
      continue;
    }
    if (!allowExistence || /[\s()]/.test(part)) throw new SelectorError(`unable to parse requirement: ${part}`);
    if (part.startsWith('!')) requirements.push({ key: part.slice(1), op: 'absent', value: '' });
    else requirements.push({ key: part, op: 'exists', value: '' });
  }
  return requirements;
};

const holds = (requirement: Requirement, value: string | undefined): boolean => {
  switch (requirement.op) {
    case 'eq':
      return value === requirement.value;
    case 'ne':
      return value !== requirement.value;
    case 'exists':
      return value !== undefined;
    case 'absent':
      return value === undefined;
  }
};

export const labelMatcher = (selector: string | null): ((object: KubeObject) => boolean) => {
  if (!selector) return () => true;
  const requirements = parse(selector, true);
  return (object) => requirements.every((r) => holds(r, object.metadata.labels?.[r.key]));
};

const fieldValue = (object: KubeObject, path: string): string | undefined => {
  let current: unknown = object;
  for (const segment of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  if (current === undefined || current === null) return '';
  return String(current);
};

export const fieldMatcher = (selector: string | null): ((object: KubeObject) => boolean) => {
  if (!selector) return () => true;
  const requirements = parse(selector, false);
  return (object) => requirements.every((r) => holds(r, fieldValue(object, r.key)));
};
