/**
 * Masks the names that identify a workload (namespace, pod, workload, container, node, image, hosts and
 * IPv4 addresses) with stable placeholders (ns-1, pod-1, image-1, host-1) before a request leaves, and
 * puts them back in the answer (pure: no I/O; the host table grows as text is masked).
 *
 * Every match stands apart from its neighbours (the same word boundaries as the placeholders), so
 * restore(mask(text)) gives the text back. One regex pass over the text, with bounded quantifiers and literal alternatives only: linear in
 * the text's length. Images come first, then hosts and addresses, then the other names, longest
 * first, so `shop.svc.cluster.local` becomes one host rather than `ns-1.svc...`, and a pod name wins
 * over the workload name it starts with.
 */
import type { Diagnosis } from '../diagnosis/types.ts';
import type { ExplainFacts } from './prompt.ts';

export type PlaceholderKind = 'ns' | 'pod' | 'workload' | 'container' | 'node' | 'image' | 'host';

export interface Anonymizer {
  /** Names, hosts and addresses -> placeholders (before sending). */
  mask(text: string): string;
  /** Only the known names (for the cache: a host the model named stays as it is). */
  maskNames(text: string): string;
  restore(text: string): string;
}

/** Suffixes that make a dotted word a host name rather than a Java package or a file name. */
const HOST_SUFFIXES =
  'com|net|org|io|dev|app|cloud|internal|local|localdomain|lan|corp|svc|cluster|example|test|ai|co|us|eu|de|uk';
const LABEL = '[A-Za-z0-9][A-Za-z0-9-]{0,62}';
export const HOST = `(?<![A-Za-z0-9_.-])(?:${LABEL}\\.){1,8}(?:${HOST_SUFFIXES})(?![A-Za-z0-9_-]|\\.[A-Za-z0-9])`;
export const IPV4 = '(?<![A-Za-z0-9_.-])(?:[0-9]{1,3}\\.){3}[0-9]{1,3}(?![A-Za-z0-9_-]|\\.[0-9])';
const PLACEHOLDER = /(?<![A-Za-z0-9_-])(ns|pod|workload|container|node|image|host)-([0-9]{1,6})(?![A-Za-z0-9_-])/g;

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/** A name is masked only as a whole word: `app` must not eat the middle of `application`. */
const word = (names: string[]): string =>
  names.length === 0 ? '' : `(?<![A-Za-z0-9_-])(?:${names.map(escapeRegex).join('|')})(?![A-Za-z0-9_-])`;

const byLengthDesc = (a: string, b: string): number => b.length - a.length;

/** The repository part of an image reference (without tag or digest). */
const repositoryOf = (image: string): string =>
  image.replace(/@sha256:[a-f0-9]{0,64}$/, '').replace(/:[\w.-]{1,128}$/, '');

export const createAnonymizer = ({ names }: { names: { kind: PlaceholderKind; value: string }[] }): Anonymizer => {
  const toPlaceholder = new Map<string, string>();
  const toOriginal = new Map<string, string>();
  const counters = new Map<PlaceholderKind, number>();
  const assign = (kind: PlaceholderKind, value: string, placeholder?: string): string => {
    const known = toPlaceholder.get(value);
    if (known) return known;
    let name = placeholder;
    if (!name) {
      const next = (counters.get(kind) ?? 0) + 1;
      counters.set(kind, next);
      name = `${kind}-${next}`;
      toOriginal.set(name, value);
    }
    toPlaceholder.set(value, name);
    return name;
  };
  const images: string[] = [];
  const others: string[] = [];
  for (const { kind, value } of names) {
    // Very short names (a container called "db") would mask ordinary words; they stay.
    if (value.length < 3 || toPlaceholder.has(value)) continue;
    const placeholder = assign(kind, value);
    if (kind !== 'image') {
      others.push(value);
      continue;
    }
    images.push(value);
    // The repository alone (without the tag) means the same image.
    const repository = repositoryOf(value);
    if (repository !== value && repository.length >= 3 && !toPlaceholder.has(repository)) {
      assign(kind, repository, placeholder);
      images.push(repository);
    }
  }
  const parts = [word(images.sort(byLengthDesc)), HOST, IPV4, word(others.sort(byLengthDesc))].filter((p) => p);
  // redos: escaped literal names (whole words) plus HOST and IPV4, which test/explain/anonymize.test.ts checks with recheck.
  const pattern = new RegExp(parts.map((p) => `(?:${p})`).join('|'), 'g');
  const namesOnly = [word(images), word(others)].filter((p) => p);
  // redos: escaped literal names (whole words) only.
  const namesPattern = namesOnly.length === 0 ? undefined : new RegExp(namesOnly.join('|'), 'g');
  return {
    mask: (text) => text.replace(pattern, (match) => toPlaceholder.get(match) ?? assign('host', match)),
    maskNames: (text) =>
      namesPattern ? text.replace(namesPattern, (match) => toPlaceholder.get(match) ?? match) : text,
    restore: (text) => text.replace(PLACEHOLDER, (match) => toOriginal.get(match) ?? match),
  };
};

/** The names of a diagnosis (and its facts) in a stable order: the same crash gets the same placeholders. */
export const anonymizerFor = ({ diagnosis, facts }: { diagnosis: Diagnosis; facts?: ExplainFacts }): Anonymizer => {
  const names: { kind: PlaceholderKind; value: string }[] = [
    { kind: 'ns', value: diagnosis.namespace },
    { kind: 'pod', value: diagnosis.pod },
  ];
  if (diagnosis.workload) names.push({ kind: 'workload', value: diagnosis.workload.name });
  for (const c of diagnosis.containers) names.push({ kind: 'container', value: c.container });
  if (facts?.container) names.push({ kind: 'container', value: facts.container.name });
  if (diagnosis.node) names.push({ kind: 'node', value: diagnosis.node });
  for (const c of diagnosis.containers) names.push({ kind: 'image', value: c.image });
  if (facts?.container) names.push({ kind: 'image', value: facts.container.image });
  return createAnonymizer({ names });
};
