/**
 * The one place a Kubernetes connection is made: in-cluster service account when running in a pod,
 * else a kubeconfig (explicit path, KUBECONFIG, ~/.kube/config) with an optional context. Every API
 * client built here carries a per-request timeout, so no call can hang, and `call` adds bounded
 * retries and maps failures to coded errors.
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import {
  AppsV1Api,
  BatchV1Api,
  CoreV1Api,
  createConfiguration,
  KubeConfig,
  ServerConfiguration,
  VersionApi,
} from '@kubernetes/client-node';
import { ExitcodeError } from '../errors.ts';
import { type RequestDescription, toExitcodeError } from './errors.ts';
import { type RetryOptions, withRetry } from './retry.ts';

export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

export interface ConnectOptions {
  kubeconfigPath?: string;
  context?: string;
  /** A whole kubeconfig as YAML (tests and the demo build one in memory). */
  kubeconfigYaml?: string;
  env?: Record<string, string | undefined>;
  requestTimeoutMs?: number;
  retry?: RetryOptions;
}

export interface ClusterConnection {
  kubeConfig: KubeConfig;
  /** Display name: the kubeconfig context, or "in-cluster". */
  clusterName: string;
  /** The context's namespace, else "default". */
  defaultNamespace: string;
  core: CoreV1Api;
  apps: AppsV1Api;
  batch: BatchV1Api;
  version: VersionApi;
  requestTimeoutMs: number;
  /**
   * Runs one API call with retries, mapping any failure to an ExitcodeError that names the request.
   * Meant for reads: a retried mutation after a 5xx could apply twice (use `retry: { attempts: 1 }`).
   */
  call: <T>(what: RequestDescription, request: () => Promise<T>) => Promise<T>;
}

type ApiClass<T> = new (config: ReturnType<typeof createConfiguration>) => T;

type RequestContextLike = Parameters<KubeConfig['applySecurityAuthentication']>[0];

/**
 * KubeConfig's authentication, but with one dispatcher per connection: client-node creates a new undici
 * Agent for every request, which means a new TCP (and TLS) connection each time. Headers (tokens, which
 * exec plugins may refresh) are still applied per request; only the connection pool is kept.
 */
export const pooledAuthentication = (kubeConfig: KubeConfig) => {
  let pooled: ReturnType<RequestContextLike['getDispatcher']>;
  return {
    getName: (): string => 'exitcode kubeconfig (pooled)',
    applySecurityAuthentication: async (context: RequestContextLike): Promise<void> => {
      await kubeConfig.applySecurityAuthentication(context);
      if (pooled === undefined) pooled = context.getDispatcher();
      else context.setDispatcher(pooled);
    },
  };
};

/**
 * Builds an API client like KubeConfig.makeApiClient does, plus a middleware that gives every request
 * its own AbortSignal.timeout: client-node 2.x has no timeout of its own, and undici's defaults are minutes.
 */
export const makeClient = <T>(
  kubeConfig: KubeConfig,
  api: ApiClass<T>,
  timeoutMs: number,
  authentication: ReturnType<typeof pooledAuthentication> = pooledAuthentication(kubeConfig),
): T => {
  const cluster = kubeConfig.getCurrentCluster();
  if (!cluster) {
    throw new ExitcodeError(
      'config_invalid',
      'The kubeconfig has no cluster for its current context: fix or choose a context with --context.',
    );
  }
  const configuration = createConfiguration({
    baseServer: new ServerConfiguration(cluster.server, {}),
    authMethods: { default: authentication },
    promiseMiddleware: [
      {
        pre: async (context) => {
          context.setSignal(AbortSignal.timeout(timeoutMs));
          return context;
        },
        post: async (response) => response,
      },
    ],
  });
  return new api(configuration);
};

const kubeconfigFiles = (options: ConnectOptions): string[] => {
  if (options.kubeconfigPath) return [options.kubeconfigPath];
  const fromEnv = options.env?.KUBECONFIG;
  if (fromEnv) return fromEnv.split(delimiter).filter(Boolean);
  const home = options.env?.HOME ?? homedir();
  return [join(home, '.kube', 'config')];
};

const loadKubeConfig = (options: ConnectOptions): { kubeConfig: KubeConfig; inCluster: boolean } => {
  const kubeConfig = new KubeConfig();
  if (options.kubeconfigYaml !== undefined) {
    kubeConfig.loadFromString(options.kubeconfigYaml);
    return { kubeConfig, inCluster: false };
  }
  const explicit = options.kubeconfigPath !== undefined || Boolean(options.env?.KUBECONFIG);
  if (!explicit && options.env?.KUBERNETES_SERVICE_HOST) {
    kubeConfig.loadFromCluster();
    return { kubeConfig, inCluster: true };
  }
  const files = kubeconfigFiles(options);
  const [first, ...rest] = files;
  if (!first || !existsSync(first)) {
    throw new ExitcodeError(
      'file_unreadable',
      `No kubeconfig found at ${first ?? '~/.kube/config'}: set KUBECONFIG (or --kubeconfig FILE on the command line), or run inside a cluster.`,
      { files },
    );
  }
  try {
    kubeConfig.loadFromString(readFileSync(first, 'utf8'));
    for (const file of rest) {
      if (!existsSync(file)) continue;
      const more = new KubeConfig();
      more.loadFromString(readFileSync(file, 'utf8'));
      kubeConfig.mergeConfig(more, true);
    }
  } catch (error) {
    throw new ExitcodeError(
      'config_invalid',
      `The kubeconfig ${first} could not be read as a kubeconfig: check its YAML.`,
      {
        file: first,
        error: error instanceof Error ? error.name : typeof error,
      },
    );
  }
  return { kubeConfig, inCluster: false };
};

export const connectCluster = (options: ConnectOptions = {}): ClusterConnection => {
  const { kubeConfig, inCluster } = loadKubeConfig(options);
  if (options.context !== undefined) {
    const names = kubeConfig.getContexts().map((c) => c.name);
    if (!names.includes(options.context)) {
      throw new ExitcodeError(
        'bad_input',
        `There is no context "${options.context}" in the kubeconfig: use one of ${names.join(', ') || '(none)'}.`,
        { contexts: names },
      );
    }
    kubeConfig.setCurrentContext(options.context);
  }
  const contextName = kubeConfig.getCurrentContext();
  const context = contextName ? kubeConfig.getContextObject(contextName) : null;
  const timeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const retry = options.retry ?? {};
  const authentication = pooledAuthentication(kubeConfig);
  return {
    kubeConfig,
    clusterName: inCluster ? 'in-cluster' : contextName || 'kubernetes',
    defaultNamespace: context?.namespace?.trim() || 'default',
    core: makeClient(kubeConfig, CoreV1Api, timeoutMs, authentication),
    apps: makeClient(kubeConfig, AppsV1Api, timeoutMs, authentication),
    batch: makeClient(kubeConfig, BatchV1Api, timeoutMs, authentication),
    version: makeClient(kubeConfig, VersionApi, timeoutMs, authentication),
    requestTimeoutMs: timeoutMs,
    call: async (what, request) => {
      try {
        return await withRetry(request, retry);
      } catch (error) {
        throw toExitcodeError(error, what);
      }
    },
  };
};
