/**
 * heap_out_of_memory: the runtime hit its own heap limit inside the process (V8, JVM, PHP, Go, Python).
 * It exits 1, 134 or 139, not 137: the kernel did not kill it, the runtime gave up.
 */
import { kubectl } from '../kubectl.ts';
import type { RuleContext } from '../rule.ts';
import { type Signature, type SignatureHit, signatureRule } from './log-helpers.ts';

/** Which runtime printed the message: the advice must be that runtime's own knob. */
type Runtime = 'node' | 'jvm' | 'php' | 'gpu' | 'other';
type HeapSignature = Signature & { runtime: Runtime };

const SIGNATURES: HeapSignature[] = [
  {
    all: [/JavaScript heap out of memory/],
    confidence: 0.95,
    title: 'Node.js ran out of V8 heap (JavaScript heap out of memory)',
    runtime: 'node',
  },
  {
    all: [/Reached heap limit|Ineffective mark-compacts near heap limit/],
    confidence: 0.93,
    title: 'Node.js ran out of V8 heap',
    runtime: 'node',
  },
  {
    // A worker_threads Worker killed by its resourceLimits (maxOldGenerationSizeMb, maxYoungGenerationSizeMb,
    // stackSizeMb): the heap limit is the worker's own, and an unhandled 'error' event then ends the process.
    all: [/ERR_WORKER_OUT_OF_MEMORY|Worker terminated due to reaching memory limit/],
    confidence: 0.92,
    title: 'A Node.js worker thread ran out of its V8 heap (resourceLimits)',
    runtime: 'node',
  },
  {
    all: [/java\.lang\.OutOfMemoryError: (?:Java heap space|GC overhead limit exceeded)/],
    confidence: 0.93,
    title: 'The JVM ran out of heap (OutOfMemoryError)',
    runtime: 'jvm',
  },
  {
    // Launchers and build tools often print only the OutOfMemoryError's message, without the class name:
    // Keycloak/Quarkus "ERROR: Java heap space", Hadoop tasks "Error: Java heap space", Maven
    // "[ERROR] Java heap space -> [Help 1]", Gradle "> GC overhead limit exceeded" and its daemon's
    // "Expiring Daemon because JVM heap space is exhausted". Said as the whole message (after a colon, a
    // bracket or Gradle's '>'), the phrase is the JVM's heap error; a setting such as "Java heap space
    // in use: 120 MB" or "-Xmx sets the Java heap space" does not end the line with it.
    all: [
      /(?:^|[:>\]] )(?:Java heap space|GC overhead limit exceeded)(?:\.| -> \[Help \d{1,3}\])?\s{0,5}$|\bJVM heap space is exhausted\b/,
    ],
    confidence: 0.88,
    title: 'The JVM ran out of heap (its OutOfMemoryError message, printed without the class name)',
    runtime: 'jvm',
  },
  {
    all: [/OutOfMemoryError: (?:Metaspace|Direct buffer memory|Compressed class space)/],
    confidence: 0.85,
    title: 'The JVM ran out of a memory pool (OutOfMemoryError)',
    runtime: 'jvm',
  },
  {
    all: [/java\.lang\.OutOfMemoryError/],
    confidence: 0.75,
    title: 'The JVM ran out of memory (OutOfMemoryError)',
    runtime: 'jvm',
    // Threads and mmap areas are kernel limits (host_kernel_limit), not the heap.
    not: /unable to create (?:new )?native thread|OutOfMemoryError: Map failed/,
  },
  {
    all: [/Allowed memory size of \d+ bytes exhausted/],
    confidence: 0.92,
    title: 'PHP hit its memory_limit',
    runtime: 'php',
  },
  {
    all: [/System\.OutOfMemoryException/],
    confidence: 0.88,
    title: '.NET ran out of memory (OutOfMemoryException)',
    runtime: 'other',
  },
  {
    all: [/fatal error: runtime: out of memory/],
    confidence: 0.8,
    title: 'The Go runtime ran out of memory',
    runtime: 'other',
  },
  {
    all: [/^MemoryError\b|\bMemoryError$/],
    confidence: 0.75,
    title: 'Python ran out of memory (MemoryError)',
    runtime: 'other',
  },
  {
    all: [/failed to allocate memory \(NoMemoryError\)/],
    confidence: 0.85,
    title: 'Ruby ran out of memory (NoMemoryError)',
    runtime: 'other',
  },
  {
    // The BEAM (Erlang, Elixir, Gleam) names the allocator that failed and writes a crash dump:
    // "eheap_alloc: Cannot allocate 3936114072 bytes of memory (of type "heap")", binary_alloc for a
    // huge binary, ll_alloc/std_alloc/... for others. The VM gave up on a process heap it asked for;
    // a cgroup kill would leave reason OOMKilled and no slogan (the adjust below handles that).
    all: [/\b[a-z_]{2,20}_alloc: Cannot (?:allocate|reallocate) \d+ bytes of memory \(of type "/],
    confidence: 0.86,
    title: 'The Erlang VM could not allocate a heap it needed (BEAM allocator failure)',
    runtime: 'other',
  },
  {
    // GHC's RTS ("heap overflow", "Heap exhausted;") and OCaml ("Fatal error: out of memory.").
    all: [/^[\w.-]{1,100}: (?:Heap exhausted;|heap overflow$)|^Fatal error: out of memory\.$/],
    confidence: 0.8,
    title: 'The runtime ran out of heap',
    runtime: 'other',
  },
  {
    // Managed VMs that name their own heap as exhausted: the Dart VM ("Exhausted heap space, trying to
    // allocate N bytes", then "Out of Memory"), the Boehm GC under Crystal and Mono ("GC Warning: Out of
    // Memory! Heap size: ..."). Lua's "not enough memory" is left out: it is too vague to name the heap.
    all: [
      /\bExhausted heap space, trying to allocate \d|Out of Memory! Heap size|\b(?:ran|runs|running) out of heap space\b/,
    ],
    confidence: 0.88,
    title: 'The language VM exhausted its heap',
    runtime: 'other',
  },
  {
    // Python's array libraries name the allocation they were refused, before any cgroup kill: NumPy
    // "numpy.core._exceptions._ArrayMemoryError: Unable to allocate 1.08 TiB for an array with shape ..."
    // (raised through pandas and scikit-learn too), PyArrow "pyarrow.lib.ArrowMemoryError: malloc of size
    // 8589934592 failed". The process asked for more than it can get: the data is too big for the limit.
    all: [
      /\b(?:_Array|Arrow)?MemoryError: (?:Unable to allocate \d|(?:malloc|realloc|calloc) of size \d)|\bUnable to allocate [\d.]{1,12} ?[KMGTPE]?i?B for an array with shape\b/,
    ],
    confidence: 0.85,
    title: 'The process could not allocate an array it asked for (Python MemoryError)',
    runtime: 'other',
  },
  {
    // An accelerator's memory allocator refused a tensor: PyTorch "torch.OutOfMemoryError: CUDA out of
    // memory. Tried to allocate 4.00 GiB" (also "HIP out of memory" on ROCm, "MPS backend out of memory"),
    // "CUDA error: out of memory", cuBLAS "CUBLAS_STATUS_ALLOC_FAILED", the driver's
    // CUDA_ERROR_OUT_OF_MEMORY / cudaErrorMemoryAllocation, TensorFlow "ResourceExhaustedError: OOM when
    // allocating tensor with shape", JAX/XLA "RESOURCE_EXHAUSTED: Out of memory while trying to allocate",
    // vLLM "No available memory for the cache blocks". The framework's heap on the device is full (model,
    // batch or context too big for the GPU); the kernel never killed anything.
    all: [
      /\b(?:CUDA|HIP|XPU|MPS backend) out of memory\b|\btorch\.(?:cuda\.)?OutOfMemoryError\b|\bCUDA error: out of memory\b|\bCUBLAS_STATUS_ALLOC_FAILED\b|\bCUDA_ERROR_OUT_OF_MEMORY\b|\bcudaErrorMemoryAllocation\b|\bOOM when allocating tensor\b|\bRESOURCE_EXHAUSTED: Out of memory while trying to allocate\b|\bNo available memory for the cache blocks\b/,
    ],
    confidence: 0.88,
    title: "The GPU ran out of memory (the framework's device allocator refused a tensor)",
    runtime: 'gpu',
  },
  {
    // Native image and tensor libraries name the buffer their allocator refused, inside the process and
    // before any cgroup kill: OpenCV "cv2.error: ... (-4:Insufficient memory) Failed to allocate 19327352832
    // bytes", ImageMagick "MemoryAllocationFailed" / "ResourceLimitError: Memory allocation failed",
    // ONNX Runtime "Failed to allocate memory for requested buffer of size 8589934592". The input asked
    // for more memory than the process can get.
    all: [
      /\(-4:Insufficient memory\)|\bMemoryAllocationFailed\b|\bResourceLimitError: [Mm]emory allocation failed\b|\bFailed to allocate memory for requested buffer of size \d/,
    ],
    confidence: 0.86,
    title: 'A native library could not allocate a buffer it asked for (insufficient memory)',
    runtime: 'other',
  },
  {
    // The bare form other C/C++ allocators print ("Failed to allocate 2147483648 bytes"): a sized request
    // refused in the process, but the wording alone names no runtime, so below the confident bar.
    all: [/\b[Ff]ailed to allocate \d{4,20} bytes\b/],
    confidence: 0.8,
    title: 'The process failed to allocate memory',
    runtime: 'other',
    not: /\bshared memory\b|\/dev\/shm\b/,
  },
  {
    // Tensor libraries' CPU allocators that refuse a request inside the process, before any cgroup kill:
    // PyTorch "DefaultCPUAllocator: can't allocate memory: you tried to allocate 102400000000 bytes"
    // (often after "[enforce fail at alloc_cpu.cpp]"), Caffe2 the same. The data asked for more than fits.
    all: [/\bcan't allocate memory: you tried to allocate \d|\[enforce fail at alloc_cpu\.cpp:\d/],
    confidence: 0.86,
    title: 'The process could not allocate a tensor it asked for (CPU allocator refused it)',
    runtime: 'other',
  },
  {
    // The BEAM kills a process that grows past its max_heap_size (+hmax in vm.args, or the process flag)
    // and logs "Context: maximum heap size reached" with the sizes; the supervisor then gives up.
    all: [/^\s{0,20}Context:\s{1,20}maximum heap size reached\b/],
    confidence: 0.86,
    title: 'An Erlang/Elixir process outgrew its maximum heap size and the VM killed it',
    runtime: 'other',
  },
  {
    all: [/memory allocation of \d+ bytes failed/],
    confidence: 0.8,
    title: 'The process failed to allocate memory',
    runtime: 'other',
  },
];

const runtimeOf = (hit: SignatureHit): Runtime => SIGNATURES.find((s) => s === hit.signature)?.runtime ?? 'other';

const JVM_POOL_FLAGS: readonly [RegExp, string][] = [
  [/OutOfMemoryError: Metaspace/, '-XX:MaxMetaspaceSize'],
  [/OutOfMemoryError: Compressed class space/, '-XX:CompressedClassSpaceSize'],
  [/OutOfMemoryError: Direct buffer memory/, '-XX:MaxDirectMemorySize'],
];

const RAISE: Record<Runtime, (hit: SignatureHit) => string> = {
  node: () =>
    'Raise the V8 heap below the memory limit (NODE_OPTIONS=--max-old-space-size=<MiB>, about 75% of the limit), or fix the leak',
  jvm: (hit) => {
    const pool = JVM_POOL_FLAGS.find(([pattern]) => hit.lines.some((l) => pattern.test(l.text)))?.[1];
    return pool
      ? `Raise that pool's limit (${pool}) while keeping heap plus pools below the memory limit, or fix the leak`
      : 'Size the JVM heap below the memory limit (-XX:MaxRAMPercentage=75, or -Xmx<size>, e.g. in JAVA_TOOL_OPTIONS), or fix the leak';
  },
  php: () => 'Raise memory_limit (php.ini, or php -d memory_limit=<size>) below the memory limit, or fix the leak',
  gpu: () =>
    "Make the work fit the GPU's memory (smaller batch or context length, lower precision or quantisation, a smaller model), or use a GPU with more memory",
  other: () =>
    'Give the container more memory or make the process hold less (fix the leak, process data in smaller batches)',
};

const heapSteps = (ctx: RuleContext, hit: SignatureHit): string[] => [
  `Compare what the process needs with the container memory limit: ${kubectl.podSpec(ctx.target, '{.spec.containers[*].resources}')}`,
  RAISE[runtimeOf(hit)](hit),
];

export const heapOutOfMemory = signatureRule({
  id: 'heap-out-of-memory',
  category: 'heap_out_of_memory',
  signatures: SIGNATURES,
  // With reason OOMKilled the kernel killed it: the heap message is then secondary.
  adjust: (ctx, hit) => (ctx.reason === 'OOMKilled' ? Math.min(hit.confidence, 0.6) : hit.confidence),
  steps: (ctx, hit) => heapSteps(ctx, hit),
});
