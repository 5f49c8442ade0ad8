/**
 * Identical crashes reuse an explanation instead of paying for it again: a bounded LRU with a TTL
 * (injected clock), keyed by (category, evidence fingerprint, image). The fingerprint ignores what
 * differs between two replicas of the same crash: digits (timestamps, pod hashes, line numbers and
 * counters) and case.
 */
import { createHash } from 'node:crypto';
import type { Diagnosis } from '../diagnosis/types.ts';

export interface Cache<T> {
  get(key: string): T | undefined;
  set(key: string, value: T): void;
  readonly size: number;
}

export const createCache = <T>({
  ttlMs,
  maxEntries = 500,
  clock,
}: {
  ttlMs: number;
  maxEntries?: number;
  clock: () => Date;
}): Cache<T> => {
  // A Map iterates in insertion order: re-inserting on use keeps the least recently used first.
  const entries = new Map<string, { value: T; expiresAt: number }>();
  return {
    get: (key) => {
      const entry = entries.get(key);
      if (!entry) return undefined;
      entries.delete(key);
      if (entry.expiresAt <= clock().getTime()) return undefined;
      entries.set(key, entry);
      return entry.value;
    },
    set: (key, value) => {
      entries.delete(key);
      entries.set(key, { value, expiresAt: clock().getTime() + ttlMs });
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next();
        if (oldest.done) break;
        entries.delete(oldest.value);
      }
    },
    get size() {
      return entries.size;
    },
  };
};

const normalizeEvidence = (text: string): string => text.toLowerCase().replace(/[0-9]+/g, '#');

/** The cache key of a diagnosis' explanation; undefined when nothing is failing. */
export const explanationKey = (diagnosis: Diagnosis): string | undefined => {
  const top = diagnosis.containers[0];
  if (!top) return undefined;
  const best = top.classification.best;
  const hash = createHash('sha256');
  for (const e of best.evidence) hash.update(`${e.source}\u0000${normalizeEvidence(e.text)}\u0001`);
  hash.update(`exit\u0000${top.classification.exit.code ?? ''}\u0000${top.classification.exit.reason ?? ''}`);
  return `${best.category}|${hash.digest('hex').slice(0, 32)}|${top.image}`;
};
