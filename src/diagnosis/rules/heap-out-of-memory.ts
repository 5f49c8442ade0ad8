/**
 * heap_out_of_memory: the runtime hit its own heap limit inside the process (V8, JVM, PHP, Go, Python).
 * It exits 1, 134 or 139, not 137: the kernel did not kill it, the runtime gave up.
 */
import { kubectl } from '../kubectl.ts';
import { type Signature, signatureRule } from './log-helpers.ts';

const SIGNATURES: Signature[] = [
  {
    all: [/JavaScript heap out of memory/],
    confidence: 0.95,
    title: 'Node.js ran out of V8 heap (JavaScript heap out of memory)',
  },
  {
    all: [/Reached heap limit|Ineffective mark-compacts near heap limit/],
    confidence: 0.93,
    title: 'Node.js ran out of V8 heap',
  },
  {
    all: [/java\.lang\.OutOfMemoryError: (?:Java heap space|GC overhead limit exceeded)/],
    confidence: 0.93,
    title: 'The JVM ran out of heap (OutOfMemoryError)',
  },
  {
    all: [/OutOfMemoryError: (?:Metaspace|Direct buffer memory|Compressed class space)/],
    confidence: 0.85,
    title: 'The JVM ran out of a memory pool (OutOfMemoryError)',
  },
  {
    all: [/java\.lang\.OutOfMemoryError/],
    confidence: 0.75,
    title: 'The JVM ran out of memory (OutOfMemoryError)',
    // Threads and mmap areas are kernel limits (host_kernel_limit), not the heap.
    not: /unable to create (?:new )?native thread|OutOfMemoryError: Map failed/,
  },
  { all: [/Allowed memory size of \d+ bytes exhausted/], confidence: 0.92, title: 'PHP hit its memory_limit' },
  { all: [/System\.OutOfMemoryException/], confidence: 0.88, title: '.NET ran out of memory (OutOfMemoryException)' },
  { all: [/fatal error: runtime: out of memory/], confidence: 0.8, title: 'The Go runtime ran out of memory' },
  { all: [/^MemoryError\b|\bMemoryError$/], confidence: 0.75, title: 'Python ran out of memory (MemoryError)' },
  {
    all: [/failed to allocate memory \(NoMemoryError\)/],
    confidence: 0.85,
    title: 'Ruby ran out of memory (NoMemoryError)',
  },
  { all: [/memory allocation of \d+ bytes failed/], confidence: 0.8, title: 'The process failed to allocate memory' },
];

export const heapOutOfMemory = signatureRule({
  id: 'heap-out-of-memory',
  category: 'heap_out_of_memory',
  signatures: SIGNATURES,
  // With reason OOMKilled the kernel killed it: the heap message is then secondary.
  adjust: (ctx, hit) => (ctx.reason === 'OOMKilled' ? Math.min(hit.confidence, 0.6) : hit.confidence),
  steps: (ctx) => [
    `Compare the heap limit with the container memory limit: ${kubectl.podSpec(ctx.target, '{.spec.containers[*].resources}')}`,
    'Raise the heap limit (NODE_OPTIONS=--max-old-space-size=<MiB>, -Xmx or -XX:MaxRAMPercentage) below the memory limit, or fix the leak',
  ],
});
