/**
 * Label and field selectors as the API server reads them: comma-separated requirements, all of which
 * must hold. Labels support =, ==, !=, in (...), notin (...), existence (key) and absence (!key); fields
 * support =, == and != on the fields the resource registers (fields.ts), and anything else is refused
 * with the server's "field label not supported" 400.
 */
import { type Selectable, isSupportedField } from './fields.ts';

type Requirement =
  | { key: string; op: 'eq' | 'ne'; value: string }
  | { key: string; op: 'in' | 'notin'; values: string[] }
  | { key: string; op: 'exists' | 'absent' };

export class SelectorError extends Error {}

/** Splits on commas outside parentheses: `a in (x,y),b=c` is two requirements. */
const splitRequirements = (selector: string): string[] => {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of selector) {
    if (char === '(') depth += 1;
    if (char === ')') depth -= 1;
    if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter((part) => part !== '');
};

const parseLabel = (part: string): Requirement => {
  const set = /^([^\s=!()]+)\s+(in|notin)\s*\(([^()]*)\)$/.exec(part);
  if (set) {
    const [, key = '', op, values = ''] = set;
    return { key, op: op === 'in' ? 'in' : 'notin', values: values.split(',').map((v) => v.trim()) };
  }
  const match = /^([^=!\s()]+)\s*(==|!=|=)\s*([^\s=!()]*)$/.exec(part);
  if (match) {
    const [, key = '', op, value = ''] = match;
    return { key, op: op === '!=' ? 'ne' : 'eq', value };
  }
  if (/^!?[^\s=!()]+$/.test(part)) {
    return part.startsWith('!') ? { key: part.slice(1), op: 'absent' } : { key: part, op: 'exists' };
  }
  throw new SelectorError(`unable to parse requirement: ${part}`);
};

const holds = (requirement: Requirement, value: string | undefined): boolean => {
  switch (requirement.op) {
    case 'eq':
      return value === requirement.value;
    case 'ne':
      return value !== requirement.value;
    case 'in':
      return value !== undefined && requirement.values.includes(value);
    case 'notin':
      return value === undefined || !requirement.values.includes(value);
    case 'exists':
      return value !== undefined;
    case 'absent':
      return value === undefined;
  }
};

export type Matcher = (selectable: Selectable) => boolean;

export const labelMatcher = (selector: string | null): Matcher => {
  if (!selector) return () => true;
  const requirements = splitRequirements(selector).map(parseLabel);
  return ({ labels }) => requirements.every((r) => holds(r, Object.hasOwn(labels, r.key) ? labels[r.key] : undefined));
};

/** A field selector for `resource`; throws SelectorError (a 400) for a malformed or unsupported one. */
export const fieldMatcher = (resource: string, selector: string | null): Matcher => {
  if (!selector) return () => true;
  const requirements = splitRequirements(selector).map((part): Requirement => {
    const match = /^([^=!]+)(==|!=|=)(.*)$/.exec(part);
    if (!match) throw new SelectorError(`invalid selector: '${selector}'; can't understand '${part}'`);
    const [, key = '', op, value = ''] = match;
    const field = key.trim();
    if (!isSupportedField(resource, field)) throw new SelectorError(`field label not supported: ${field}`);
    return { key: field, op: op === '!=' ? 'ne' : 'eq', value: value.trim() };
  });
  return ({ fields }) => requirements.every((r) => holds(r, fields[r.key] ?? ''));
};

/** Both selectors of a request's query, as one matcher. */
export const queryMatcher = (resource: string, query: URLSearchParams): Matcher => {
  const byLabel = labelMatcher(query.get('labelSelector'));
  const byField = fieldMatcher(resource, query.get('fieldSelector'));
  return (selectable) => byLabel(selectable) && byField(selectable);
};
