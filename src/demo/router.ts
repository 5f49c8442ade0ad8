/**
 * Turns a request path into what it addresses (group, version, namespace, resource, name, subresource)
 * and the RBAC verb it needs, as the API server's request-info resolver does.
 */
import { findResource, type ResourceInfo } from './resources.ts';

export interface ResourceRequest {
  info: ResourceInfo;
  namespace?: string;
  name?: string;
  subresource?: string;
  /** get, list, create, update, patch, delete (what RBAC checks). */
  verb: string;
}

export type Route =
  | { type: 'resource'; request: ResourceRequest }
  | { type: 'discovery'; path: string }
  | { type: 'unknown' };

const VERBS: Record<string, string> = { POST: 'create', PUT: 'update', PATCH: 'patch', DELETE: 'delete' };

const DISCOVERY = new Set([
  '/version',
  '/api',
  '/apis',
  '/api/v1',
  '/apis/apps/v1',
  '/apis/batch/v1',
  '/apis/coordination.k8s.io/v1',
  '/healthz',
  '/readyz',
  '/livez',
]);

export const route = (method: string, path: string): Route => {
  const trimmed = path.length > 1 ? path.replace(/(?<!\/)\/+$/, '') : path;
  if (DISCOVERY.has(trimmed) && method === 'GET') return { type: 'discovery', path: trimmed };
  const segments = trimmed
    .split('/')
    .filter((s) => s !== '')
    .map(decodeURIComponent);
  let group: string;
  let version: string;
  let rest: string[];
  if (segments[0] === 'api') {
    group = '';
    version = segments[1] ?? '';
    rest = segments.slice(2);
  } else if (segments[0] === 'apis') {
    group = segments[1] ?? '';
    version = segments[2] ?? '';
    rest = segments.slice(3);
  } else {
    return { type: 'unknown' };
  }
  let namespace: string | undefined;
  // /namespaces/{ns}/{resource}...: a namespaced request; /namespaces/{ns} alone is the Namespace object.
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const [resource = '', name, subresource, ...extra] = rest;
  if (extra.length > 0) return { type: 'unknown' };
  const info = findResource(group, version, resource);
  if (!info) return { type: 'unknown' };
  if (info.namespaced === false && namespace !== undefined) return { type: 'unknown' };
  const verb = VERBS[method] ?? (name === undefined ? 'list' : 'get');
  return {
    type: 'resource',
    request: {
      info,
      ...(namespace === undefined ? {} : { namespace }),
      ...(name === undefined ? {} : { name }),
      ...(subresource === undefined ? {} : { subresource }),
      verb,
    },
  };
};
