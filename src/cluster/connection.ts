/**
 * The one place a Kubernetes connection is made. Credentials are loaded by client-node itself
 * (loadFromFile / loadFromCluster, so relative certificate paths resolve against the kubeconfig's own
 * directory) and applied on EVERY request through client-node's authenticators: a rotated ServiceAccount
 * token, rotated client certificate files and refreshed exec-plugin credentials are used by the next
 * request, without a restart. Only the connection pool is kept, and it is replaced when the TLS material
 * changes. Every request has a timeout, and `call` adds bounded retries and maps failures to coded errors.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isIPv6 } from 'node:net';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { RequestOptions } from 'node:https';
import {
  AppsV1Api,
  BatchV1Api,
  CoreV1Api,
  createConfiguration,
  KubeConfig,
  ServerConfiguration,
  type User,
  VersionApi,
} from '@kubernetes/client-node';
import { Agent, type Dispatcher, ProxyAgent } from 'undici';
import { ExitcodeError } from '../errors.ts';
import { type RequestDescription, toExitcodeError } from './errors.ts';
import { type RetryOptions, withRetry } from './retry.ts';

export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

/** Where the kubelet mounts the ServiceAccount in every pod (client-node's own constants, from "/"). */
const SERVICE_ACCOUNT_TOKEN = '/var/run/secrets/kubernetes.io/serviceaccount/token';

export interface InClusterTarget {
  /** KUBERNETES_SERVICE_HOST and _PORT, as validated at start-up. */
  host: string;
  port: string;
  /** Prefix for the ServiceAccount files (tests point it at a temporary directory). */
  serviceAccountRoot?: string;
}

export interface ConnectOptions {
  /** A kubeconfig file, or several joined like KUBECONFIG (":" on Unix); merged like kubectl does. */
  kubeconfigPath?: string;
  context?: string;
  /** A whole kubeconfig as YAML (tests and the demo build one in memory). */
  kubeconfigYaml?: string;
  /** Running in a pod: the ServiceAccount. Used only when no kubeconfig is given (an explicit choice wins). */
  inCluster?: InClusterTarget;
  /** Home directory for the ~/.kube/config default. */
  home?: string;
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
   * Retries reads only: a mutation (by its verb) is sent once, since after a 5xx it may have applied.
   */
  call: <T>(what: RequestDescription, request: () => Promise<T>) => Promise<T>;
}

type ApiClass<T> = new (config: ReturnType<typeof createConfiguration>) => T;

type RequestContextLike = Parameters<KubeConfig['applySecurityAuthentication']>[0];

/** The name under which the rotating token file is registered (client-node's own FileAuth caches it 60 s). */
const ROTATING_TOKEN = 'exitcode-rotating-token-file';

/**
 * Reads the token file on every request: the kubelet rotates the projected ServiceAccount token (and
 * swaps the file atomically), so the next request carries the new token, never a cached one.
 */
const rotatingTokenFile = {
  isAuthProvider: (user: User): boolean => user.authProvider?.name === ROTATING_TOKEN,
  applyAuthentication: async (user: User, options: RequestOptions): Promise<void> => {
    const token = (await readFile(user.authProvider.config.path, 'utf8')).trim();
    options.headers = { ...(options.headers ?? {}), Authorization: `Bearer ${token}` };
  },
};

const TLS_KEYS = ['ca', 'cert', 'key', 'pfx', 'passphrase', 'rejectUnauthorized', 'servername'] as const;

/** A digest of the TLS material: when a certificate file is rotated, the digest changes and so does the pool. */
export const tlsFingerprint = (options: RequestOptions): string => {
  const hash = createHash('sha256');
  for (const key of TLS_KEYS) {
    const value = (options as Record<string, unknown>)[key];
    hash.update(`${key}:`);
    if (value !== undefined) hash.update(Buffer.isBuffer(value) ? value : String(value));
    hash.update('\0');
  }
  return hash.digest('hex');
};

/**
 * client-node's authentication (headers and TLS material read per request, by its own authenticators),
 * with one keep-alive pool per distinct TLS material instead of client-node's new Agent per request (a
 * new TCP and TLS connection each time). A rotated certificate gets a new pool; the old one is closed
 * after `retireAfterMs`, when no request can still be using it.
 */
/** The TLS material client-node put in the request options (CA, client certificate and key, ...), alone. */
export const tlsOptionsOf = (options: RequestOptions): Partial<Pick<RequestOptions, (typeof TLS_KEYS)[number]>> =>
  Object.fromEntries(
    TLS_KEYS.filter((key) => (options as Record<string, unknown>)[key] !== undefined).map((key) => [
      key,
      (options as Record<string, unknown>)[key],
    ]),
  );

export const pooledAuthentication = (kubeConfig: KubeConfig, retireAfterMs = 2 * DEFAULT_REQUEST_TIMEOUT_MS) => {
  let pool: { fingerprint: string; dispatcher: Dispatcher | undefined } | undefined;
  const dispatcherFor = (options: RequestOptions): Dispatcher | undefined => {
    const fingerprint = tlsFingerprint(options);
    if (pool?.fingerprint === fingerprint) return pool.dispatcher;
    const plan = kubeConfig.createDispatcherOptions(kubeConfig.getCurrentCluster(), tlsOptionsOf(options));
    let dispatcher: Dispatcher | undefined;
    if (plan.type === 'agent') dispatcher = new Agent({ connect: plan.connect });
    else if (plan.type === 'proxy') {
      dispatcher = new ProxyAgent({ uri: plan.uri, requestTls: plan.requestTls, connect: plan.connect });
    } else if (plan.type === 'socks') return undefined;
    const retired = pool?.dispatcher;
    // Closed once every request that may have picked it up is over (they time out after the request
    // timeout at the latest), so a request racing the rotation never meets a closed pool.
    if (retired) setTimeout(() => void retired.close().catch(() => {}), retireAfterMs).unref();
    pool = { fingerprint, dispatcher };
    return dispatcher;
  };
  return {
    getName: (): string => 'exitcode kubeconfig (per-request credentials, pooled connections)',
    applySecurityAuthentication: async (context: RequestContextLike): Promise<void> => {
      if (kubeConfig.getCurrentCluster()?.proxyUrl?.startsWith('socks')) {
        // A SOCKS tunnel is rare enough to go through client-node unchanged (one connection per request).
        await kubeConfig.applySecurityAuthentication(context);
        return;
      }
      const options: RequestOptions = {};
      // client-node's own path: reads the CA, certificate and key files, runs the user's authenticator
      // (exec plugin, token file, OIDC, ...) and sets the headers. It also caches one https.Agent we do not use.
      await kubeConfig.applyToHTTPSOptions(options);
      if (options.auth) {
        context.setHeaderParam('Authorization', `Basic ${Buffer.from(options.auth).toString('base64')}`);
      }
      for (const [key, value] of Object.entries(options.headers ?? {})) context.setHeaderParam(key, `${value}`);
      const dispatcher = dispatcherFor(options);
      if (dispatcher !== undefined) context.setDispatcher(dispatcher);
    },
  };
};

/** One authentication (so one pool) per KubeConfig, whoever builds API clients from it. */
const authentications = new WeakMap<KubeConfig, ReturnType<typeof pooledAuthentication>>();
const authenticationFor = (kubeConfig: KubeConfig): ReturnType<typeof pooledAuthentication> => {
  let found = authentications.get(kubeConfig);
  if (!found) {
    found = pooledAuthentication(kubeConfig);
    authentications.set(kubeConfig, found);
  }
  return found;
};

/**
 * Builds an API client like KubeConfig.makeApiClient does, plus a middleware that gives every request
 * its own AbortSignal.timeout: client-node 2.x has no timeout of its own, and undici's defaults are minutes.
 */
export const makeClient = <T>(
  kubeConfig: KubeConfig,
  api: ApiClass<T>,
  timeoutMs: number,
  authentication: ReturnType<typeof pooledAuthentication> = authenticationFor(kubeConfig),
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

/** client-node's loadFromCluster (CA file, namespace file), with the server from validated settings and a token read per request. */
const loadInCluster = (kubeConfig: KubeConfig, target: InClusterTarget): void => {
  const root = target.serviceAccountRoot ?? '';
  kubeConfig.loadFromCluster(root);
  const host = isIPv6(target.host) ? `[${target.host}]` : target.host;
  const scheme = ['80', '8080', '8001'].includes(target.port) ? 'http' : 'https';
  const [cluster] = kubeConfig.getClusters();
  const [user] = kubeConfig.getUsers();
  if (!cluster || !user) throw new Error('client-node loadFromCluster returned no cluster');
  kubeConfig.addAuthenticator(rotatingTokenFile);
  kubeConfig.loadFromOptions({
    clusters: [{ ...cluster, server: `${scheme}://${host}:${target.port}` }],
    users: [
      { name: user.name, authProvider: { name: ROTATING_TOKEN, config: { path: `${root}${SERVICE_ACCOUNT_TOKEN}` } } },
    ],
    contexts: kubeConfig.getContexts().map((context) => ({ ...context, namespace: context.namespace?.trim() })),
    currentContext: kubeConfig.getCurrentContext(),
  });
};

const loadFiles = (kubeConfig: KubeConfig, files: string[]): void => {
  // Like kubectl, files of a KUBECONFIG list that do not exist are skipped; none at all is an error.
  const [first, ...rest] = files.filter((file) => existsSync(file));
  if (!first) {
    throw new ExitcodeError(
      'file_unreadable',
      `No kubeconfig found at ${files.join(delimiter) || '~/.kube/config'}: set KUBECONFIG (or --kubeconfig FILE on the command line), or run inside a cluster.`,
      { files },
    );
  }
  let reading = first;
  try {
    // loadFromFile, not loadFromString: relative certificate and key paths resolve against the file's directory.
    kubeConfig.loadFromFile(first);
    for (const file of rest) {
      reading = file;
      const more = new KubeConfig();
      more.loadFromFile(file);
      kubeConfig.mergeConfig(more, true);
    }
  } catch (error) {
    throw new ExitcodeError(
      'config_invalid',
      `The kubeconfig ${reading} could not be read as a kubeconfig: check its YAML.`,
      { file: reading, error: error instanceof Error ? error.name : typeof error },
    );
  }
};

const loadKubeConfig = (options: ConnectOptions): { kubeConfig: KubeConfig; inCluster: boolean } => {
  const kubeConfig = new KubeConfig();
  if (options.kubeconfigYaml !== undefined) {
    kubeConfig.loadFromString(options.kubeconfigYaml);
    return { kubeConfig, inCluster: false };
  }
  if (options.kubeconfigPath === undefined && options.inCluster !== undefined) {
    loadInCluster(kubeConfig, options.inCluster);
    return { kubeConfig, inCluster: true };
  }
  const files =
    options.kubeconfigPath !== undefined
      ? options.kubeconfigPath.split(delimiter).filter(Boolean)
      : [join(options.home ?? homedir(), '.kube', 'config')];
  loadFiles(kubeConfig, files);
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
  return {
    kubeConfig,
    clusterName: inCluster ? 'in-cluster' : contextName || 'kubernetes',
    defaultNamespace: context?.namespace?.trim() || 'default',
    core: makeClient(kubeConfig, CoreV1Api, timeoutMs),
    apps: makeClient(kubeConfig, AppsV1Api, timeoutMs),
    batch: makeClient(kubeConfig, BatchV1Api, timeoutMs),
    version: makeClient(kubeConfig, VersionApi, timeoutMs),
    requestTimeoutMs: timeoutMs,
    call: async (what, request) => {
      try {
        return await withRetry(request, { ...retry, verb: what.verb });
      } catch (error) {
        throw toExitcodeError(error, what);
      }
    },
  };
};
