/**
 * `?watch=true` (or `watch=1`) on a collection: a stream of newline-delimited JSON events, as the real
 * API server sends them.
 * - resourceVersion unset or "0": synthetic ADDED events for what exists now, then changes.
 * - resourceVersion N: every change after N from the history, then live changes; N older than the
 *   history window gives one ERROR event holding a 410 Expired Status, then the stream ends (what
 *   client-node's Watch and informer expect: the informer relists).
 * - allowWatchBookmarks=true: a BOOKMARK (an object with only metadata.resourceVersion) every
 *   bookmark interval.
 * - a compaction (compactHistory) ends every open watch, as an API server restart does: the client
 *   reconnects from its last resourceVersion and gets the 410.
 * - timeoutSeconds ends the stream normally; label and field selectors apply; an object that moves
 *   into or out of the selection arrives as ADDED or DELETED, as the real server's watch cache does.
 */
import type { ServerResponse } from 'node:http';
import { selectableOf } from './fields.ts';
import { type ResourceInfo, apiVersionOf } from './resources.ts';
import { type Matcher, SelectorError, queryMatcher } from './selectors.ts';
import type { DemoState } from './state.ts';
import { type Reply, failure } from './status.ts';
import type { ChangeEvent } from './watch-history.ts';

export interface WatchSettings {
  /** Interval between BOOKMARK events when the client allows them (ms). */
  bookmarkIntervalMs: number;
  /** How long a watch lasts when the client sends no timeoutSeconds (s). */
  defaultTimeoutSeconds: number;
}

export interface WatchCounters {
  started: number;
  /** ADDED, MODIFIED and DELETED events written to watchers. */
  delivered: number;
  bookmarks: number;
  expired: number;
}

export const isWatch = (query: URLSearchParams): boolean => ['true', '1'].includes(query.get('watch') ?? '');

type Start = { reply: Reply } | { stream: (response: ServerResponse) => void };

const expiredStatus = (from: number, oldest: number) => ({
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: 'Failure',
  message: `too old resource version: ${from} (${oldest})`,
  reason: 'Expired',
  code: 410,
});

/** The type a watcher with this selection sees for a change, or undefined when it sees nothing. */
const seenAs = (event: ChangeEvent, matches: Matcher): ChangeEvent['type'] | undefined => {
  const now = matches(event.selectable);
  if (event.type === 'ADDED') return now ? 'ADDED' : undefined;
  if (event.type === 'DELETED') return now ? 'DELETED' : undefined;
  const before = event.previous !== undefined && matches(event.previous);
  if (now) return before ? 'MODIFIED' : 'ADDED';
  return before ? 'DELETED' : undefined;
};

export const startWatch = (input: {
  info: ResourceInfo;
  namespace: string | undefined;
  query: URLSearchParams;
  state: DemoState;
  settings: WatchSettings;
  counters: WatchCounters;
}): Start => {
  const { info, namespace, query, state, settings, counters } = input;
  let matches: Matcher;
  try {
    matches = queryMatcher(info.resource, query);
  } catch (error) {
    if (error instanceof SelectorError) return { reply: failure({ code: 400, message: error.message }) };
    throw error;
  }
  const requested = query.get('resourceVersion') ?? '';
  const from = requested === '' || requested === '0' ? undefined : Number(requested);
  if (from !== undefined && !(Number.isSafeInteger(from) && from > 0)) {
    return {
      reply: failure({
        code: 400,
        message: `invalid resource version: strconv.ParseUint: parsing "${requested}": invalid syntax`,
      }),
    };
  }
  const timeoutSeconds = Number(query.get('timeoutSeconds') ?? settings.defaultTimeoutSeconds);
  const bookmarks = query.get('allowWatchBookmarks') === 'true';
  return {
    stream: (response) => {
      counters.started += 1;
      response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-cache, private' });
      // Headers go out now, as the real server sends them, so the client's connect phase ends even when no event follows.
      response.flushHeaders();
      const write = (type: string, json: string): void => {
        if (!response.destroyed && !response.writableEnded) response.write(`{"type":"${type}","object":${json}}\n`);
      };
      const deliver = (event: ChangeEvent): void => {
        if (event.resource !== info.resource) return;
        if (namespace !== undefined && event.namespace !== namespace) return;
        const type = seenAs(event, matches);
        if (type === undefined) return;
        counters.delivered += 1;
        write(type, event.json);
      };
      if (from === undefined) {
        for (const object of state.list(info.resource, namespace)) {
          if (!matches(selectableOf(info.resource, object))) continue;
          counters.delivered += 1;
          write('ADDED', JSON.stringify(object));
        }
      } else {
        const past = state.history.since(info.resource, from);
        if (!past) {
          counters.expired += 1;
          write('ERROR', JSON.stringify(expiredStatus(from, state.history.oldestRevision(info.resource))));
          response.end();
          return;
        }
        for (const event of past) deliver(event);
      }
      const unsubscribe = state.history.subscribe(deliver);
      const unsubscribeCompaction = state.history.onCompaction(() => stop());
      const bookmarkTimer = bookmarks
        ? setInterval(() => {
            counters.bookmarks += 1;
            const object = {
              kind: info.kind,
              apiVersion: apiVersionOf(info),
              metadata: { resourceVersion: String(state.currentRevision()) },
            };
            write('BOOKMARK', JSON.stringify(object));
          }, settings.bookmarkIntervalMs)
        : undefined;
      const endTimer =
        Number.isFinite(timeoutSeconds) && timeoutSeconds > 0
          ? setTimeout(() => stop(), timeoutSeconds * 1000)
          : undefined;
      function stop(): void {
        unsubscribe();
        unsubscribeCompaction();
        clearInterval(bookmarkTimer);
        clearTimeout(endTimer);
        if (!response.writableEnded) response.end();
      }
      response.on('close', stop);
    },
  };
};
