/**
 * The demo cluster: a local HTTP server that answers the Kubernetes API paths exitcode uses, loaded
 * with realistic failing workloads, so the real client library can be pointed at it through an
 * ordinary kubeconfig (CLI demo, integration tests, benches). Node's http module only.
 *
 * Programmatic API (stable: tests outside this repository use it from the built dist/demo/server.js;
 * extend it, never break it; test/demo/programmatic-api.test.ts uses exactly this):
 *
 *   const cluster = await startDemoCluster({ port, delayMs, recreateDelayMs });  // all optional
 *   cluster.url;                            // http://127.0.0.1:PORT
 *   cluster.state.list(kind, namespace);    // 'pods' or 'Pod'; namespace undefined: every namespace
 *   cluster.state.put(object);              // create or replace; fills uid, creationTimestamp, resourceVersion
 *   cluster.state.setLogs(namespace, pod, container, { previous, current });  // lines or text
 *   await cluster.close();
 *
 * Options (DemoClusterOptions, types.ts), all optional, defaults keep the first behaviour: port (0:
 * any), delayMs (per answer), recreateDelayMs (controller replacing a deleted pod, 100), scenarios,
 * now, rotatedLogs, hang, forbidden (fixed 403 rules), rbac (off), maxPageSize (none),
 * podTerminationMs (0: a deleted pod is gone at once; else it stays Terminating that long),
 * watchBookmarkIntervalMs (60000), watchTimeoutSeconds (1800), watchHistory (1000 events per resource).
 * Also on the cluster: kubeconfigYaml/kubeconfigPath, requests(), requestCount(), resetRequests(),
 * authorizations(), compactWatchHistory(), watchCounters(), scenarios, options.
 *
 * Like a real kube-apiserver it serves:
 * - watches (`?watch=true` or `watch=1` on any listed collection; see watch.ts): one global
 *   resourceVersion stamped on every write, a list answering the collection's resourceVersion,
 *   ADDED/MODIFIED/DELETED after a resourceVersion, BOOKMARKs with allowWatchBookmarks=true every
 *   `watchBookmarkIntervalMs`, `timeoutSeconds`, selectors, and an ERROR event with a 410 Expired
 *   Status for a resourceVersion older than the bounded history (`watchHistory` events per resource).
 *   Tests force that 410 with `cluster.compactWatchHistory()` (or `state.compactHistory()`), and read
 *   `cluster.watchCounters()`.
 * - list chunking with `limit`/`continue` (pagination.ts); `maxPageSize` caps every page.
 * - validation of what it is sent (validation.ts): Lease MicroTime and durations, resourceVersion on
 *   Lease updates (409 on a stale one), names, labels, 256 KiB of annotations, an Event's namespace;
 *   field selectors only on each resource's selectable fields (fields.ts), else 400.
 * - optional RBAC from Role/ClusterRole/RoleBinding/ClusterRoleBinding objects put in the state
 *   (rbac.ts), the user named by the bearer token; 403s in the real server's words.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { handle } from './api.ts';
import { discovery } from './discovery.ts';
import { DEMO_TOKEN, demoKubeconfig } from './kubeconfig.ts';
import { type Attributes, type Authorization, forbidden, isAllowed, unauthorized, userOf } from './rbac.ts';
import { route } from './router.ts';
import { seedState, selectScenarios } from './seed.ts';
import { DemoState } from './state.ts';
import { type Reply, failure } from './status.ts';
import { type WatchCounters, type WatchSettings, isWatch, startWatch } from './watch.ts';
import type { DemoClusterOptions, DemoScenario, RecordedRequest } from './types.ts';

export type { DemoClusterOptions } from './types.ts';

export const DEMO_USER = 'system:serviceaccount:exitcode:exitcode';
/** The demo kubeconfig's token authenticates as the bot's ServiceAccount. */
const DEFAULT_TOKENS: Record<string, string> = { [DEMO_TOKEN]: DEMO_USER };

export interface DemoCluster {
  url: string;
  kubeconfigYaml: string;
  /** A kubeconfig file for the server (removed on close). */
  kubeconfigPath: string;
  scenarios: DemoScenario[];
  requestCount: () => number;
  requests: () => RecordedRequest[];
  resetRequests: () => void;
  /** Alias of resetRequests. */
  resetRequestCount: () => void;
  /** The store, for tests that look behind the API. */
  state: DemoState;
  options: DemoClusterOptions;
  /** Every resource request's RBAC attributes (user, verb, group, resource, subresource, namespace, name) and the decision. */
  authorizations: () => Authorization[];
  /**
   * Forces 410 Gone for every resourceVersion handed out so far (watches from it, continue tokens with
   * it); open watches end, as after an API server restart, so their clients meet the 410 on reconnect.
   */
  compactWatchHistory: () => void;
  /** Watches started, events delivered, bookmarks sent and watches answered 410 Expired so far. */
  watchCounters: () => WatchCounters;
  close: () => Promise<void>;
}

const readBody = async (request: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

export const startDemoCluster = async (options: DemoClusterOptions = {}): Promise<DemoCluster> => {
  const now = options.now ?? (() => new Date());
  const state = new DemoState(now, options.watchHistory === undefined ? {} : { watchHistory: options.watchHistory });
  const watchSettings: WatchSettings = {
    bookmarkIntervalMs: options.watchBookmarkIntervalMs ?? 60_000,
    defaultTimeoutSeconds: options.watchTimeoutSeconds ?? 1800,
  };
  const counters: WatchCounters = { started: 0, delivered: 0, bookmarks: 0, expired: 0 };
  const scenarios = selectScenarios(options.scenarios);
  seedState(state, scenarios);
  let recorded: RecordedRequest[] = [];
  let authorizations: Authorization[] = [];
  const rbacTokens =
    options.rbac === undefined || options.rbac === false
      ? undefined
      : { ...DEFAULT_TOKENS, ...(options.rbac === true ? {} : (options.rbac.tokens ?? {})) };
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, work: () => void): void => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      work();
    }, ms);
    timers.add(timer);
  };
  const schedule = (work: () => void): void => later(options.recreateDelayMs ?? 100, work);

  const answer = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://demo.invalid');
    const method = request.method ?? 'GET';
    recorded.push({ method, path: url.pathname, search: url.search });
    const text = await readBody(request);
    if (options.hang) return; // Never answer: the socket stays open until the client gives up or we close.
    const outcome = dispatch({
      method,
      url,
      text,
      contentType: String(request.headers['content-type'] ?? ''),
      accept: String(request.headers.accept ?? ''),
      host: String(request.headers.host ?? ''),
      authorization: String(request.headers.authorization ?? ''),
    });
    const send = (): void => {
      if (response.destroyed) return;
      if ('stream' in outcome) {
        outcome.stream(response);
        return;
      }
      const reply = outcome.reply;
      const body = reply.contentType === 'text/plain' ? String(reply.body) : JSON.stringify(reply.body);
      response.writeHead(reply.status, {
        'content-type': reply.contentType ?? 'application/json',
        'content-length': Buffer.byteLength(body),
      });
      response.end(body);
    };
    if (options.delayMs && options.delayMs > 0) later(options.delayMs, send);
    else send();
  };

  const dispatch = (input: {
    method: string;
    url: URL;
    text: string;
    contentType: string;
    accept: string;
    host: string;
    authorization: string;
  }): { reply: Reply } | { stream: (response: ServerResponse) => void } => {
    const user = rbacTokens
      ? userOf(input.authorization, rbacTokens)
      : (userOf(input.authorization, DEFAULT_TOKENS) ?? DEMO_USER);
    if (user === undefined) return { reply: unauthorized() };
    const found = route(input.method, input.url.pathname);
    // Discovery is open to every authenticated user (the system:discovery ClusterRole).
    if (found.type === 'discovery') return { reply: discovery(found.path, input.host) };
    if (found.type === 'unknown')
      return {
        reply: failure({ code: 404, message: 'the server could not find the requested resource', details: {} }),
      };
    const { request } = found;
    if (request.verb === 'list' && isWatch(input.url.searchParams)) request.verb = 'watch';
    const attributes: Attributes = {
      user,
      verb: request.verb,
      group: request.info.group,
      resource: request.info.resource,
      ...(request.subresource === undefined ? {} : { subresource: request.subresource }),
      // A Namespace object is authorized in its own namespace, as kube-apiserver's request-info resolver does.
      ...(request.info.resource === 'namespaces' && request.name !== undefined
        ? { namespace: request.name }
        : request.namespace === undefined
          ? {}
          : { namespace: request.namespace }),
      ...(request.name === undefined ? {} : { name: request.name }),
    };
    const resource = request.subresource ? `${request.info.resource}/${request.subresource}` : request.info.resource;
    const refusedByRule = (options.forbidden ?? []).some(
      (r) =>
        r.verb === request.verb &&
        r.resource === resource &&
        (r.namespace === undefined || r.namespace === request.namespace),
    );
    const allowed = !refusedByRule && (rbacTokens === undefined || isAllowed(state, attributes));
    authorizations.push({ ...attributes, allowed });
    if (!allowed) return { reply: forbidden(attributes) };
    if (request.verb === 'watch') {
      return startWatch({
        info: request.info,
        namespace: request.namespace,
        query: input.url.searchParams,
        state,
        settings: watchSettings,
        counters,
      });
    }
    let body: unknown;
    if (input.text.trim() !== '') {
      try {
        body = JSON.parse(input.text);
      } catch {
        return { reply: failure({ code: 400, message: 'the request body is not valid JSON' }) };
      }
    }
    return {
      reply: handle(request, {
        state,
        query: input.url.searchParams,
        body,
        contentType: input.contentType,
        accept: input.accept,
        rotatedLogs: options.rotatedLogs ?? false,
        schedule,
        later,
        ...(options.podTerminationMs === undefined ? {} : { podTerminationMs: options.podTerminationMs }),
        ...(options.maxPageSize === undefined ? {} : { maxPageSize: options.maxPageSize }),
      }),
    };
  };

  const server = createServer((request, response) => {
    answer(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify(failure({ code: 500, message: 'Internal error occurred: demo server failure' }).body),
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const kubeconfigYaml = demoKubeconfig({ url });
  const directory = mkdtempSync(join(tmpdir(), 'exitcode-demo-'));
  const kubeconfigPath = join(directory, 'kubeconfig.yaml');
  writeFileSync(kubeconfigPath, kubeconfigYaml, { mode: 0o600 });
  const resetRequests = (): void => {
    recorded = [];
    authorizations = [];
  };
  return {
    url,
    kubeconfigYaml,
    kubeconfigPath,
    scenarios,
    requestCount: () => recorded.length,
    requests: () => [...recorded],
    resetRequests,
    resetRequestCount: resetRequests,
    state,
    options,
    compactWatchHistory: () => state.compactHistory(),
    authorizations: () => [...authorizations],
    watchCounters: () => ({ ...counters }),
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(directory, { recursive: true, force: true });
    },
  };
};
