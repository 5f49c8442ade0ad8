/**
 * Noise controls (pure): which pods the scanner ignores (namespace, label selector, the
 * `exitcode.io/ignore: "true"` annotation), and which channel a namespace's incidents go to.
 */
import type { IgnoreInput } from '../cluster/watched-pod-decode.ts';

export const IGNORE_ANNOTATION = 'exitcode.io/ignore';

type Requirement =
  | { op: '='; key: string; value: string }
  | { op: '!='; key: string; value: string }
  | { op: 'exists'; key: string }
  | { op: '!exists'; key: string };

/** One equality-based selector ("team=batch,tier!=web,canary,!stable"): all requirements must hold. */
export type LabelSelector = Requirement[];

const KEY = /^(?:[a-z0-9](?:[-a-z0-9.]*[a-z0-9])?\/)?[A-Za-z0-9](?:[-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const VALUE = /^(?:[A-Za-z0-9](?:[-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/;

/** Parses a selector; undefined when any part is not a valid equality-based requirement. */
export const parseLabelSelector = (text: string): LabelSelector | undefined => {
  const parts = text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (parts.length === 0 || text.length > 1000) return undefined;
  const out: Requirement[] = [];
  for (const part of parts) {
    // Split by hand: a regex with a lazy key followed by optional spaces backtracks polynomially.
    const not = part.startsWith('!');
    const body = not ? part.slice(1) : part;
    const opAt = body.search(/[=!]/);
    const key = (opAt === -1 ? body : body.slice(0, opAt)).trim();
    const rest = opAt === -1 ? '' : body.slice(opAt);
    const op = opAt === -1 ? undefined : (['==', '!=', '='] as const).find((candidate) => rest.startsWith(candidate));
    if (opAt !== -1 && op === undefined) return undefined;
    const value = op === undefined ? '' : rest.slice(op.length).trim();
    if (!KEY.test(key) || key.length > 316) return undefined;
    if (op === undefined) {
      out.push({ op: not ? '!exists' : 'exists', key });
      continue;
    }
    if (not || !VALUE.test(value) || value.length > 63) return undefined;
    out.push(op === '!=' ? { op: '!=', key, value } : { op: '=', key, value });
  }
  return out;
};

export const matchesSelector = (selector: LabelSelector, labels: Record<string, string>): boolean =>
  selector.every((r) => {
    const value = labels[r.key];
    switch (r.op) {
      case '=':
        return value === r.value;
      case '!=':
        return value !== r.value;
      case 'exists':
        return value !== undefined;
      default:
        return value === undefined;
    }
  });

export interface IgnoreRules {
  namespaces: string[];
  selectors: LabelSelector[];
}

export const isIgnoredBy =
  (rules: IgnoreRules) =>
  ({ namespace, labels, annotations }: IgnoreInput): boolean =>
    annotations[IGNORE_ANNOTATION]?.toLowerCase() === 'true' ||
    rules.namespaces.includes(namespace) ||
    rules.selectors.some((selector) => matchesSelector(selector, labels));

/**
 * The channel for a namespace's incidents: the first channel of the channel map that lists it by name,
 * else the scanner's channel. A '*' entry does not claim every namespace (only the scan channel does).
 */
export const channelForNamespace = ({
  channels,
  namespace,
  fallback,
}: {
  channels: Record<string, string[]>;
  namespace: string;
  fallback: string;
}): string => {
  for (const [channel, namespaces] of Object.entries(channels)) if (namespaces.includes(namespace)) return channel;
  return fallback;
};
