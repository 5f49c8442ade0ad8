/**
 * Turns whatever the Kubernetes client threw into one coded ExitcodeError with a sentence a user can act
 * on. ApiException.message embeds the response body and headers, so it is never shown: only `code` and
 * the parsed Status body's reason are read.
 */
import { ApiException } from '@kubernetes/client-node';
import { ExitcodeError, isExitcodeError } from '../errors.ts';

export interface RequestDescription {
  /** RBAC verb: get, list, watch, delete, patch, create. */
  verb: string;
  /** RBAC resource, with subresource: pods, pods/log, events, deployments, nodes. */
  resource: string;
  namespace?: string;
  name?: string;
}

const NETWORK_UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
const NETWORK_TIMEOUT = new Set([
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);
const NETWORK_RESET = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

/** The status code of an API error, or undefined for anything that is not one. */
export const apiStatus = (error: unknown): number | undefined => {
  if (error instanceof ApiException) return error.code;
  return undefined;
};

/** The first system error code in the error's cause chain (undici wraps them: TypeError('fetch failed').cause). */
export const networkCode = (error: unknown): string | undefined => {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
};

export const isAbort = (error: unknown): boolean => {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth += 1) {
    const name = (current as { name?: unknown }).name;
    if (name === 'TimeoutError' || name === 'AbortError') return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
};

export const isConnectionReset = (error: unknown): boolean => NETWORK_RESET.has(networkCode(error) ?? '');

const where = (what: RequestDescription): string => (what.namespace ? ` in namespace ${what.namespace}` : '');

const subject = (what: RequestDescription): string => {
  const kind = what.resource.split('/')[0] ?? what.resource;
  const singular = kind.endsWith('s') ? kind.slice(0, -1) : kind;
  return what.name ? `${singular} "${what.name}"` : kind;
};

const notFound = (what: RequestDescription, details: Record<string, unknown>): ExitcodeError => {
  const kind = what.resource.split('/')[0];
  if (kind === 'namespaces') {
    return new ExitcodeError(
      'namespace_not_found',
      `Namespace "${what.name}" does not exist, or I may not read it: check the name with "kubectl get namespaces".`,
      details,
    );
  }
  if (kind === 'pods') {
    return new ExitcodeError(
      'pod_not_found',
      `${what.name ? `Pod "${what.name}" was not found` : 'No pods were found'}${where(what)}: check the name with "kubectl get pods -n ${what.namespace ?? '<namespace>'}".`,
      details,
    );
  }
  return new ExitcodeError('workload_not_found', `The ${subject(what)} was not found${where(what)}.`, details);
};

/**
 * Why a piece of evidence is missing when RBAC refused it: the permission to add, so the fix is one line
 * of a Role (a ClusterRole for cluster-scoped resources such as nodes).
 */
export const forbiddenReason = (what: RequestDescription): string => {
  const scope = what.namespace ? ` in namespace ${what.namespace}` : '';
  const role = what.namespace ? 'Role' : 'ClusterRole';
  return `forbidden: the service account may not ${what.verb} ${what.resource}${scope} (add "${what.verb} ${what.resource}" to its ${role})`;
};

export const toExitcodeError = (error: unknown, what: RequestDescription): ExitcodeError => {
  if (isExitcodeError(error)) return error;
  const details: Record<string, unknown> = { ...what };
  const status = apiStatus(error);
  if (status !== undefined) {
    details.status = status;
    if (status === 404) return notFound(what, details);
    if (status === 403) {
      return new ExitcodeError(
        'forbidden',
        `The service account may not ${what.verb} ${what.resource}${where(what)}: add that verb to its Role.`,
        details,
      );
    }
    if (status === 401) {
      return new ExitcodeError(
        'forbidden',
        'The cluster rejected our credentials (401): refresh the kubeconfig token or the service account token.',
        details,
      );
    }
    if (status === 409) {
      return new ExitcodeError(
        'cluster_error',
        `The ${subject(what)} changed while we were working on it (409 conflict): try again.`,
        details,
      );
    }
    if (status === 422) {
      return new ExitcodeError(
        'cluster_error',
        `The cluster refused the request to ${what.verb} ${what.resource} as invalid (422).`,
        details,
      );
    }
    if (status === 429) {
      return new ExitcodeError(
        'cluster_error',
        'The Kubernetes API is rate-limiting us (429) and kept doing so after retries: try again in a minute.',
        details,
      );
    }
    return new ExitcodeError(
      'cluster_error',
      `The Kubernetes API answered ${status} when we tried to ${what.verb} ${what.resource}: try again, and check the API server's health if it persists.`,
      details,
    );
  }
  if (isAbort(error)) {
    return new ExitcodeError(
      'cluster_timeout',
      `The Kubernetes API did not answer in time when we tried to ${what.verb} ${what.resource}: check that the cluster is up and reachable.`,
      details,
    );
  }
  const code = networkCode(error);
  details.networkCode = code;
  if (code && NETWORK_TIMEOUT.has(code)) {
    return new ExitcodeError(
      'cluster_timeout',
      `The connection to the Kubernetes API timed out: check that the cluster is up and reachable.`,
      details,
    );
  }
  if (code && (NETWORK_UNREACHABLE.has(code) || NETWORK_RESET.has(code))) {
    return new ExitcodeError(
      'cluster_unreachable',
      'The Kubernetes API cannot be reached: check the kubeconfig server address, VPN and that the cluster is up.',
      details,
    );
  }
  return new ExitcodeError(
    'cluster_error',
    `Talking to the Kubernetes API failed when we tried to ${what.verb} ${what.resource}: check the kubeconfig server address and that the cluster is up.`,
    { ...details, error: error instanceof Error ? error.name : typeof error },
  );
};
