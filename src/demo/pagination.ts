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

/**
 * One page of `items` (already selected), or a failure Reply for a bad or expired token.
 * `withRemaining`: the real server counts the remaining items only when no selector filtered them.
 */
export const paginate = (input: {
  items: KubeObject[];
  query: URLSearchParams;
  currentRevision: number;
  oldestRevision: number;
  maxPageSize: number | undefined;
  withRemaining: boolean;
}): Page | Reply => {
  const sorted = [...input.items].sort((a, b) => {
    const ka = keyOf(a);
    const kb = keyOf(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  const given = input.query.get('continue') ?? '';
  let revision = input.currentRevision;
  let remaining = sorted;
  if (given !== '') {
    const token = decode(given);
    if (!token)
      return failure({
        code: 400,
        message: 'continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)',
      });
    if (token.rv < input.oldestRevision) return failure({ code: 410, reason: 'Expired', message: TOO_OLD_CONTINUE });
    revision = token.rv;
    remaining = sorted.filter((object) => keyOf(object) > token.start);
  }
  const limit = Number(input.query.get('limit') ?? 0);
  if (!(Number.isSafeInteger(limit) && limit > 0)) return { items: remaining, resourceVersion: String(revision) };
  const size = input.maxPageSize !== undefined && input.maxPageSize > 0 ? Math.min(limit, input.maxPageSize) : limit;
  const items = remaining.slice(0, size);
  const last = items.at(-1);
  if (remaining.length <= size || !last) return { items, resourceVersion: String(revision) };
  return {
    items,
    resourceVersion: String(revision),
    continue: encode({ v: 'meta.k8s.io/v1', rv: revision, start: keyOf(last) }),
    ...(input.withRemaining ? { remainingItemCount: remaining.length - size } : {}),
  };
};

export const isPage = (value: Page | Reply): value is Page => 'items' in value;
