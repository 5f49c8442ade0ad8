/**
 * The scanner's list-watch of pods: list once (paged), then watch from the list's resourceVersion
 * with bookmarks, and relist only when the server answers 410 Gone. One loop per target namespace
 * (or one for '*'), all in parallel.
 *
 * Why our own list-watch and not client-node's informer (2.0.1): the informer asks for no bookmarks
 * and drops a watch after 30 s without events, so on a quiet cluster it reconnects every 30 s from a
 * resourceVersion that may have been compacted meanwhile, and pays a full relist (tens of MiB at 10k
 * pods). It also decodes every pod into typed models (2.1 times a plain JSON parse) and caches them
 * whole. Here: `allowWatchBookmarks=true` keeps the resourceVersion fresh on a quiet cluster, the
 * server's own `timeoutSeconds` ends a watch (we re-watch from the last bookmark, no relist), and each
 * pod is decoded straight from JSON into the few fields the scanner keeps (watched-pod-decode.ts).
 *
 * Requests use the connection's kubeconfig (credentials, CA, client certificates) over node:http(s).
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest, type RequestOptions } from 'node:https';
import type { Agent } from 'node:http';
import { ApiException } from '@kubernetes/client-node';
import type { WatchedPod } from '../scanner/watched-pod.ts';
import { createSlots } from '../slots.ts';
import type { ClusterConnection } from './connection.ts';
import { assertName } from './names.ts';
import { decodeWatchedPod, type IgnoreInput } from './watched-pod-decode.ts';

export interface PodWatchHandlers {
  /** A complete list of the target ('*' or a namespace): it replaces everything known there. */
  synced(target: string, pods: WatchedPod[]): void;
  upsert(pod: WatchedPod): void;
  remove(pod: { uid: string; namespace: string; name: string }): void;
  /** A request failed; the loop backs off and tries again. */
  failed(target: string, error: unknown): void;
}

export interface PodWatchStats {
  bytes: number;
  listRequests: number;
  watchRequests: number;
  relists: number;
  events: number;
  bookmarks: number;
}

export interface PodWatchOptions {
  connection: Pick<ClusterConnection, 'kubeConfig' | 'call' | 'requestTimeoutMs'>;
  /** Namespaces to watch, or ['*'] for all. */
  namespaces: string[];
  handlers: PodWatchHandlers;
  isIgnored?: (input: IgnoreInput) => boolean;
  /** Pods per list page. */
  pageSize?: number;
  /**
   * Lists running at once (watches are all parallel). A page is parsed whole, so parallel lists of
   * 50 namespaces would hold 50 parsed pages at once: this bounds the start-up peak of memory.
   */
  maxConcurrentLists?: number;
  /** How long the server keeps one watch open before we re-watch (from the last resourceVersion). */
  watchSeconds?: number;
  /** Backoff after a failed request, doubling up to maxBackoffMs. */
  minBackoffMs?: number;
  maxBackoffMs?: number;
}

export interface PodWatch {
  /** Resolves once every target has completed its first list, or failed it once (it keeps retrying). */
  ready: Promise<void>;
  stats(): PodWatchStats;
  stop(): Promise<void>;
}

class GoneError extends Error {}

const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });

export const startPodWatch = (options: PodWatchOptions): PodWatch => {
  const { connection, handlers } = options;
  const pageSize = options.pageSize ?? 100;
  const withListSlot = createSlots(options.maxConcurrentLists ?? 2);
  const watchSeconds = options.watchSeconds ?? 300;
  const minBackoff = options.minBackoffMs ?? 1_000;
  const maxBackoff = options.maxBackoffMs ?? 30_000;
  const stats: PodWatchStats = { bytes: 0, listRequests: 0, watchRequests: 0, relists: 0, events: 0, bookmarks: 0 };
  const controller = new AbortController();
  const server = connection.kubeConfig.getCurrentCluster()?.server ?? '';
  let agent: Agent | undefined;

  /** One GET with the kubeconfig's credentials; resolves to the response once its headers arrive. */
  const get = async (path: string, timeoutMs: number): Promise<IncomingMessage> => {
    const url = new URL(server.replace(/\/$/, '') + path);
    const opts: RequestOptions = {};
    await connection.kubeConfig.applyToHTTPSOptions(opts);
    const secure = url.protocol === 'https:';
    // One agent (connection pool) per watch: applyToHTTPSOptions builds a new one each call.
    if (secure) agent ??= opts.agent as Agent | undefined;
    const send = secure ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const req = send(url, {
        ...opts,
        ...(secure ? { agent } : { agent: undefined }),
        method: 'GET',
        headers: { ...(opts.headers ?? {}), accept: 'application/json' },
        signal: controller.signal,
        timeout: timeoutMs,
      });
      req.on('timeout', () => req.destroy(Object.assign(new Error('request timed out'), { code: 'ETIMEDOUT' })));
      req.on('error', reject);
      req.on('response', (response) => {
        const status = response.statusCode ?? 0;
        if (status === 200) return resolve(response);
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          if (body.length < 4096) body += chunk;
        });
        response.on('end', () => reject(new ApiException(status, 'kubernetes request failed', body, {})));
        response.on('error', reject);
      });
      req.end();
    });
  };

  const readAll = async (response: IncomingMessage): Promise<string> => {
    const chunks: Buffer[] = [];
    for await (const chunk of response) {
      stats.bytes += (chunk as Buffer).length;
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
  };

  const basePath = (target: string): string =>
    target === '*' ? '/api/v1/pods' : `/api/v1/namespaces/${encodeURIComponent(target)}/pods`;

  /** Every page of the target; the list's resourceVersion to watch from. */
  const list = async (target: string): Promise<string> => {
    const pods: WatchedPod[] = [];
    let cont: string | undefined;
    let version = '';
    do {
      const query = new URLSearchParams({ limit: String(pageSize), ...(cont ? { continue: cont } : {}) });
      const page = await connection.call(
        { verb: 'list', resource: 'pods', ...(target === '*' ? {} : { namespace: target }) },
        async () => {
          stats.listRequests += 1;
          // The page's text is parsed and dropped at once: only the decoded pods outlive it.
          return JSON.parse(await readAll(await get(`${basePath(target)}?${query}`, connection.requestTimeoutMs))) as {
            items?: unknown[];
            metadata?: { continue?: string; resourceVersion?: string };
          };
        },
      );
      for (const item of page.items ?? []) {
        const pod = decodeWatchedPod(item, options.isIgnored);
        if (pod) pods.push(pod);
      }
      cont = page.metadata?.continue || undefined;
      version = page.metadata?.resourceVersion ?? version;
    } while (cont && !controller.signal.aborted);
    handlers.synced(target, pods);
    return version;
  };

  /** One watch from `version` until the server ends it; the last resourceVersion seen. Throws GoneError on 410. */
  const watch = async (target: string, version: string): Promise<string> => {
    const query = new URLSearchParams({
      watch: '1',
      resourceVersion: version,
      allowWatchBookmarks: 'true',
      timeoutSeconds: String(watchSeconds),
    });
    stats.watchRequests += 1;
    // Silence longer than the server's own timeout plus a margin means a dead connection.
    const response = await get(`${basePath(target)}?${query}`, (watchSeconds + 30) * 1000);
    let latest = version;
    let rest = '';
    const line = (text: string): void => {
      if (text.trim() === '') return;
      const event = JSON.parse(text) as { type?: string; object?: Record<string, unknown> };
      const metadata = event.object?.metadata as { resourceVersion?: string } | undefined;
      if (event.type === 'ERROR') {
        const code = (event.object as { code?: number } | undefined)?.code;
        if (code === 410) throw new GoneError('resourceVersion too old');
        throw new ApiException(code ?? 500, 'watch error', JSON.stringify(event.object ?? {}), {});
      }
      if (metadata?.resourceVersion) latest = metadata.resourceVersion;
      if (event.type === 'BOOKMARK') {
        stats.bookmarks += 1;
        return;
      }
      stats.events += 1;
      if (event.type === 'DELETED') {
        const pod = decodeWatchedPod(event.object, options.isIgnored);
        if (pod) handlers.remove(pod);
        return;
      }
      const pod = decodeWatchedPod(event.object, options.isIgnored);
      if (pod) handlers.upsert(pod);
    };
    // Decoded as a stream: a multi-byte character split between two chunks stays whole.
    response.setEncoding('utf8');
    try {
      for await (const chunk of response) {
        stats.bytes += Buffer.byteLength(chunk as string);
        const lines = (rest + (chunk as string)).split('\n');
        rest = lines.pop() ?? '';
        for (const text of lines) line(text);
      }
      line(rest);
    } finally {
      response.destroy();
    }
    return latest;
  };

  const loop = async (target: string, listed: () => void): Promise<void> => {
    if (target !== '*') assertName('namespace', target);
    let version: string | undefined;
    let backoff = minBackoff;
    while (!controller.signal.aborted) {
      try {
        if (version === undefined) {
          version = await withListSlot(() => list(target));
          listed();
        }
        version = await watch(target, version);
        backoff = minBackoff;
      } catch (error) {
        if (controller.signal.aborted) return;
        if (error instanceof GoneError) {
          // Compacted past our resourceVersion: only a fresh list can tell what changed meanwhile.
          stats.relists += 1;
          version = undefined;
          continue;
        }
        handlers.failed(target, error);
        // A namespace that cannot be listed (forbidden, gone) must not hold up the others: `ready`
        // means every target has been listed or has failed once.
        listed();
        await sleep(backoff, controller.signal);
        backoff = Math.min(maxBackoff, backoff * 2);
      }
    }
  };

  const targets = options.namespaces.includes('*') ? ['*'] : [...new Set(options.namespaces)];
  const loops: Promise<void>[] = [];
  const ready = Promise.all(
    targets.map(
      (target) =>
        new Promise<void>((resolve) => {
          loops.push(loop(target, resolve).finally(resolve));
        }),
    ),
  ).then(() => undefined);
  return {
    ready,
    stats: () => ({ ...stats }),
    stop: async () => {
      controller.abort();
      await Promise.allSettled(loops);
      agent?.destroy();
    },
  };
};
