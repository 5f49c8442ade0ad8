/**
 * The heap against the container: V8 sizes its heap from the machine's memory, not the pod's limit, and
 * keeps what it grew, so an unsized heap is OOMKilled long before it is full. The Deployment sets
 * NODE_OPTIONS (see deploy/deployment.yaml); this reads the cgroup limit at start-up so a mismatch (a
 * limit changed without the flag) is logged as one sentence with the figure to use.
 */
import { readFileSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';

const MiB = 1024 * 1024;

/** cgroup v2, then v1; undefined when unlimited or not in a container. */
const LIMIT_FILES = ['/sys/fs/cgroup/memory.max', '/sys/fs/cgroup/memory/memory.limit_in_bytes'];

export const containerMemoryLimit = (
  readFile: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): number | undefined => {
  for (const path of LIMIT_FILES) {
    let text: string;
    try {
      text = readFile(path).trim();
    } catch {
      continue;
    }
    if (text === 'max') return undefined;
    const bytes = Number(text);
    // cgroup v1 reports "no limit" as a huge page-aligned number (about 2^63).
    if (Number.isSafeInteger(bytes) && bytes > 0 && bytes < 2 ** 50) return bytes;
    return undefined;
  }
  return undefined;
};

/** The old-space size that keeps RSS under 80 % of the limit (measured by bench/memory.ts at 384 MiB). */
export const recommendedHeapMiB = (limitBytes: number): number =>
  Math.max(64, Math.floor((limitBytes / MiB) * (5 / 12)));

export interface HeapFit {
  containerLimitMiB?: number;
  heapLimitMiB: number;
  /** Set when the heap may outgrow the container: what to change. */
  advice?: string;
}

export const heapFit = ({
  limitBytes = containerMemoryLimit(),
  heapLimitBytes = getHeapStatistics().heap_size_limit,
}: {
  limitBytes?: number | undefined;
  heapLimitBytes?: number;
} = {}): HeapFit => {
  const heapLimitMiB = Math.round(heapLimitBytes / MiB);
  if (limitBytes === undefined) return { heapLimitMiB };
  const containerLimitMiB = Math.round(limitBytes / MiB);
  if (heapLimitBytes <= limitBytes * 0.6) return { containerLimitMiB, heapLimitMiB };
  return {
    containerLimitMiB,
    heapLimitMiB,
    advice: `The V8 heap may grow to ${heapLimitMiB} MiB in a ${containerLimitMiB} MiB container and be OOMKilled: set NODE_OPTIONS="--max-old-space-size=${recommendedHeapMiB(limitBytes)} --max-semi-space-size=8" (about 5/12 of the limit).`,
  };
};
