/**
 * The watch cache: every write to the store becomes an event stamped with the store's revision, kept
 * in a bounded window per resource and fanned out to live watchers. A watch from a resourceVersion
 * older than the window is answered 410 Expired, as the real API server does once its watch cache or
 * etcd has compacted past it; `compact()` forces that for tests.
 */
import { type Selectable, selectableOf } from './fields.ts';
import type { KubeObject } from './types.ts';

export type ChangeType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface ChangeEvent {
  type: ChangeType;
  resource: string;
  namespace: string | undefined;
  revision: number;
  /** The object as it was at this revision, serialized (the store mutates objects in place). */
  json: string;
  selectable: Selectable;
  /** What selectors saw before this change (undefined for an ADDED), to turn MODIFIED into ADDED/DELETED. */
  previous: Selectable | undefined;
}

export type ChangeListener = (event: ChangeEvent) => void;

/** Default number of events kept per resource (the real watch cache keeps a comparable bounded window). */
export const DEFAULT_WATCH_HISTORY = 1000;

export class WatchHistory {
  private readonly events = new Map<string, ChangeEvent[]>();
  /** Per resource: the oldest resourceVersion a watch may still start from. */
  private readonly oldest = new Map<string, number>();
  private compactedAt = 0;
  private readonly last = new Map<string, Selectable>();
  private readonly listeners = new Set<ChangeListener>();
  private readonly compactionListeners = new Set<() => void>();
  private readonly limit: number;

  constructor(limit = DEFAULT_WATCH_HISTORY) {
    this.limit = Math.max(0, limit);
  }

  record(input: { type: ChangeType; resource: string; key: string; revision: number; object: KubeObject }): void {
    const selectable = selectableOf(input.resource, input.object);
    const event: ChangeEvent = {
      type: input.type,
      resource: input.resource,
      namespace: input.object.metadata.namespace,
      revision: input.revision,
      json: JSON.stringify(input.object),
      selectable,
      previous: this.last.get(input.key),
    };
    if (input.type === 'DELETED') this.last.delete(input.key);
    else this.last.set(input.key, selectable);
    let kept = this.events.get(input.resource);
    if (!kept) {
      kept = [];
      this.events.set(input.resource, kept);
    }
    kept.push(event);
    while (kept.length > this.limit) {
      const dropped = kept.shift();
      if (dropped) this.oldest.set(input.resource, dropped.revision);
    }
    for (const listener of this.listeners) listener(event);
  }

  /**
   * Events of a resource after `revision`, or undefined when some of them are gone (410 Expired).
   */
  since(resource: string, revision: number): ChangeEvent[] | undefined {
    if (revision < this.oldestRevision(resource)) return undefined;
    return (this.events.get(resource) ?? []).filter((event) => event.revision > revision);
  }

  /** The oldest resourceVersion a watch or a continue token of this resource may still use. */
  oldestRevision(resource: string): number {
    return Math.max(this.oldest.get(resource) ?? 0, this.compactedAt);
  }

  /**
   * Drops all history up to `revision`: every older resourceVersion now answers 410 Gone. Open watches
   * are told (they end, as when an API server restarts and its watch cache starts over).
   */
  compact(revision: number): void {
    this.compactedAt = Math.max(this.compactedAt, revision);
    for (const [resource, kept] of this.events) {
      this.events.set(
        resource,
        kept.filter((event) => event.revision > revision),
      );
    }
    for (const listener of [...this.compactionListeners]) listener();
  }

  onCompaction(listener: () => void): () => void {
    this.compactionListeners.add(listener);
    return () => this.compactionListeners.delete(listener);
  }

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  watcherCount(): number {
    return this.listeners.size;
  }
}
