/**
 * List chunking with `limit` and `continue`, as the real API server does it: items in key order
 * (namespace, then name), an opaque continue token holding the list's resourceVersion and the key to
 * resume after, every page answering the first page's resourceVersion, and a 410 Expired for a token
 * whose resourceVersion the history has compacted away. The server may cap a page below `limit`
 * (maxPageSize), so clients must follow `continue` rather than count items.
 */
import { failure, type Reply } from './status.ts';
import type { KubeObject } from './types.ts';

interface Token {
  v: string;
  rv: number;
  start: string;
}

const keyOf = (object: KubeObject): string => `${object.metadata.namespace ?? ''}/${object.metadata.name}`;

const encode = (token: Token): string => Buffer.from(JSON.stringify(token)).toString('base64url');

const decode = (text: string): Token | undefined => {
  try {
    const token = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Partial<Token>;
    if (token.v !== 'meta.k8s.io/v1' || typeof token.rv !== 'number' || typeof token.start !== 'string') return;
    return token as Token;
  } catch {
    return undefined;
  }
};

export interface Page {
  items: KubeObject[];
  resourceVersion: string;
  continue?: string;
  remainingItemCount?: number;
}

export const TOO_OLD_CONTINUE =
  'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.';

/** Items in key order with their keys, ready for pages (built once per store revision and query). */
export interface SortedView {
  items: KubeObject[];
  keys: string[];
}

export const sortedView = (items: KubeObject[]): SortedView => {
  const keyed = items.map((object) => ({ object, key: keyOf(object) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { items: keyed.map((k) => k.object), keys: keyed.map((k) => k.key) };
};

/** The index of the first key greater than `start` (binary search). */
const after = (keys: string[], start: string): number => {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((keys[middle] ?? '') <= start) low = middle + 1;
    else high = middle;
  }
  return low;
};

/**
 * One page of `view` (already selected and sorted), or a failure Reply for a bad or expired token.
 * `withRemaining`: the real server counts the remaining items only when no selector filtered them.
 */
export const paginate = (input: {
  view: SortedView;
  query: URLSearchParams;
  currentRevision: number;
  oldestRevision: number;
  maxPageSize: number | undefined;
  withRemaining: boolean;
}): Page | Reply => {
  const { view } = input;
  const given = input.query.get('continue') ?? '';
  let revision = input.currentRevision;
  let from = 0;
  if (given !== '') {
    const token = decode(given);
    if (!token)
      return failure({
        code: 400,
        message: 'continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)',
      });
    if (token.rv < input.oldestRevision) return failure({ code: 410, reason: 'Expired', message: TOO_OLD_CONTINUE });
    revision = token.rv;
    from = after(view.keys, token.start);
  }
  const remaining = view.items.length - from;
  const limit = Number(input.query.get('limit') ?? 0);
  if (!(Number.isSafeInteger(limit) && limit > 0))
    return { items: view.items.slice(from), resourceVersion: String(revision) };
  const size = input.maxPageSize !== undefined && input.maxPageSize > 0 ? Math.min(limit, input.maxPageSize) : limit;
  const items = view.items.slice(from, from + size);
  const last = view.keys[from + items.length - 1];
  if (remaining <= size || last === undefined) return { items, resourceVersion: String(revision) };
  return {
    items,
    resourceVersion: String(revision),
    continue: encode({ v: 'meta.k8s.io/v1', rv: revision, start: last }),
    ...(input.withRemaining ? { remainingItemCount: remaining - size } : {}),
  };
};

export const isPage = (value: Page | Reply): value is Page => 'items' in value;
