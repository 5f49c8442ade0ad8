import { heapOutOfMemory } from '../../../src/diagnosis/rules/heap-out-of-memory.ts';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { contextFor, ruleTable } from './helpers.ts';

ruleTable(heapOutOfMemory, 'heap_out_of_memory', {
  positives: [
    {
      name: 'ImageMagick refusing a pixel cache for a huge resize (MemoryAllocationFailed)',
      log: "convert-im6.q16: memory allocation failed `/data/in/scan-0042.tif' @ error/cache.c/OpenPixelCache/4095.\nMagick::ErrorResourceLimit: MemoryAllocationFailed",
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'ONNX Runtime refusing the buffer of a large batch on the CPU arena',
      log: "onnxruntime.capi.onnxruntime_pybind11_state.RuntimeException: [ONNXRuntimeError] : 6 : RUNTIME_EXCEPTION : Non-zero status code returned while running MatMul node. Name:'/encoder/MatMul' Status Message: /onnxruntime_src/onnxruntime/core/framework/bfc_arena.cc:376 void* onnxruntime::BFCArena::AllocateRawInternal(size_t, bool, onnxruntime::Stream*, bool, onnxruntime::WaitNotificationFn) Failed to allocate memory for requested buffer of size 8589934592",
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a C++ service whose allocator names the refused size (bare "Failed to allocate N bytes")',
      log: 'E0602 09:33:10.112 indexer.cc:211] Failed to allocate 4294967296 bytes for the posting list buffer\nterminate called after throwing an instance of std::runtime_error',
      exitCode: 134,
      min: 0.75,
    },
    {
      name: 'a TensorFlow training job whose batch does not fit the GPU (ResourceExhaustedError: OOM when allocating tensor)',
      log: '2025-03-02 10:14:07.112: W tensorflow/core/common_runtime/bfc_allocator.cc:479] Allocator (GPU_0_bfc) ran out of memory trying to allocate 3.00GiB\ntensorflow.python.framework.errors_impl.ResourceExhaustedError: {{function_node __wrapped__MatMul_device_/job:localhost/replica:0/task:0/device:GPU:0}} OOM when allocating tensor with shape[65536,12288] and type float on /job:localhost/replica:0/task:0/device:GPU:0 by allocator GPU_0_bfc [Op:MatMul]',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a PyTorch model on ROCm whose HIP allocator is exhausted',
      log: 'Traceback (most recent call last):\n  File "/app/train.py", line 88, in <module>\n    loss = step(params, batch)\ntorch.OutOfMemoryError: HIP out of memory. Tried to allocate 2.00 GiB. GPU 0 has a total capacity of 63.98 GiB of which 1.10 GiB is free.',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a scikit-learn job whose distance matrix NumPy refuses to allocate (_ArrayMemoryError)',
      log: 'Traceback (most recent call last):\n  File "/app/cluster.py", line 40, in <module>\n    dist = pairwise_distances(X)\n  File "/usr/local/lib/python3.12/site-packages/sklearn/metrics/pairwise.py", line 2196, in pairwise_distances\nnumpy.core._exceptions._ArrayMemoryError: Unable to allocate 74.5 GiB for an array with shape (100000, 100000) and data type float64',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'PyArrow refused a buffer it asked for (ArrowMemoryError)',
      log: 'Traceback (most recent call last):\n  File "/app/export.py", line 18, in <module>\n    table = pa.concat_tables(parts)\npyarrow.lib.ArrowMemoryError: malloc of size 8589934656 failed',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'the Erlang VM failing to allocate a huge binary (binary_alloc slogan)',
      log: 'binary_alloc: Cannot allocate 2147483712 bytes of memory (of type "binary").\n\nCrash dump is being written to: erl_crash.dump...done',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a Haskell program exhausting the RTS heap limit (+RTS -M)',
      log: "api-server: Heap exhausted;\napi-server: Current maximum heap size is 536870912 bytes (512 MB).\napi-server: Use `+RTS -M<size>' to increase it.",
      exitCode: 251,
      min: 0.75,
    },
    {
      name: 'a worker thread terminated by its resourceLimits, re-thrown as an unhandled error event',
      log: "node:events:495\n      throw er; // Unhandled 'error' event\n      ^\n\nError: Worker terminated due to reaching memory limit: JS heap out of memory\n    at new NodeError (node:internal/errors:405:5)\n    at [kOnExit] (node:internal/worker:287:26) {\n  code: 'ERR_WORKER_OUT_OF_MEMORY'\n}",
      exitCode: 1,
      min: 0.9,
    },
    {
      name: 'V8 heap, exit 134',
      log: '<--- Last few GCs --->\n[1:0x5f3c]   612345 ms: Mark-Compact 2039.6 (2083.4) -> 2037.1 (2084.9) MB, 1800.2 / 0.0 ms  (average mu = 0.1) allocation failure; scavenge might not succeed\n\n<--- JS stacktrace --->\n\nFATAL ERROR: Ineffective mark-compacts near heap limit Allocation failed - JavaScript heap out of memory\n 1: 0xb7b150 node::Abort() [node]',
      exitCode: 134,
      min: 0.9,
    },
    {
      name: 'V8 heap, exit 139 (not a native crash)',
      log: 'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory',
      exitCode: 139,
      min: 0.9,
    },
    {
      name: 'JVM heap',
      log: 'Exception in thread "main" java.lang.OutOfMemoryError: Java heap space\n\tat java.base/java.util.Arrays.copyOf(Arrays.java:3512)',
      exitCode: 1,
      min: 0.9,
    },
    {
      name: 'a Maven build that prints only the OutOfMemoryError message ([ERROR] Java heap space)',
      log: '[INFO] Compiling 2841 source files to /build/target/classes\n[INFO] BUILD FAILURE\n[ERROR] Java heap space -> [Help 1]\n[ERROR] To see the full stack trace of the errors, re-run Maven with the -e switch.',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a Hadoop task attempt that failed with the bare heap message (Error: Java heap space)',
      log: 'INFO mapreduce.Job: Task Id : attempt_1707730000_0042_m_000003_0, Status : FAILED\nError: Java heap space',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: "Gradle's daemon stopping because its JVM heap is exhausted",
      log: 'Starting a Gradle Daemon (subsequent builds will be faster)\n> Task :app:compileKotlin\nExpiring Daemon because JVM heap space is exhausted\nDaemon will be stopped at the end of the build after running out of JVM memory',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a Gradle task whose failure cause is the bare GC overhead message',
      log: "FAILURE: Build failed with an exception.\n\n* What went wrong:\nExecution failed for task ':app:mergeDexRelease'.\n> GC overhead limit exceeded",
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'JVM metaspace',
      log: 'java.lang.OutOfMemoryError: Metaspace\n\tat java.base/java.lang.ClassLoader.defineClass1(Native Method)',
      min: 0.8,
    },
    {
      name: 'PHP memory_limit',
      log: 'PHP Fatal error:  Allowed memory size of 134217728 bytes exhausted (tried to allocate 20480 bytes) in /var/www/html/vendor/x.php on line 42',
      min: 0.9,
    },
    {
      name: 'a Crystal service whose Boehm GC could not grow the heap',
      log: 'GC Warning: Failed to expand heap by 268435456 bytes\nGC Warning: Out of Memory! Heap size: 1987 MiB. Returning NULL!\nUnhandled exception: Out of memory (Exception)',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'Go runtime',
      log: 'fatal error: runtime: out of memory\n\nruntime stack:\nruntime.throw({0x9a7c3f?, 0x0?})',
      exitCode: 2,
      min: 0.75,
    },
    {
      name: "PyTorch's CPU allocator refusing a tensor (a different size and call)",
      log: 'Traceback (most recent call last):\n  File "/app/train.py", line 40, in <module>\n    x = torch.zeros((200000, 200000))\nRuntimeError: [enforce fail at alloc_cpu.cpp:83] err == 0. DefaultCPUAllocator: can\'t allocate memory: you tried to allocate 160000000000 bytes. Error code 12 (Cannot allocate memory)',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'the BEAM killing a process over its max_heap_size (Erlang logger format)',
      log: '=ERROR REPORT==== 18-Jun-2024::10:41:07.552 ===\n    Process:            <0.912.0> on node nonode@nohost\n    Context:            maximum heap size reached\n    Max Heap Size:      1000000\n    Total Heap Size:    1043211\n    Kill:               true',
      exitCode: 1,
      min: 0.85,
    },
  ],
  negatives: [
    {
      name: 'a shared-memory segment the container cannot map is /dev/shm sizing, not the heap',
      log: 'ERROR: Failed to allocate 268435456 bytes of shared memory in /dev/shm (Errno 28: No space left on device)',
      exitCode: 1,
    },
    {
      name: 'OpenCV refusing a bad argument is not an allocation failure',
      log: "cv2.error: OpenCV(4.10.0) /io/opencv/modules/imgproc/src/imgwarp.cpp:2345: error: (-215:Assertion failed) src.cols > 0 && src.rows > 0 in function 'warpPerspective'",
      exitCode: 1,
    },
    {
      name: 'an illegal memory access on the GPU is a kernel bug, not a full device memory',
      log: 'RuntimeError: CUDA error: an illegal memory access was encountered\nCUDA kernel errors might be asynchronously reported at some other API call',
      exitCode: 1,
    },
    {
      name: 'a fork that the kernel refused (errno 12) is a process limit, not an array allocation',
      log: 'OSError: [Errno 12] Cannot allocate memory\n  File "/usr/lib/python3.11/subprocess.py", line 1901, in _execute_child',
    },
    {
      name: 'an allocator statistic line is not an allocation failure',
      log: 'INFO eheap_alloc: 412 MB allocated in 1934 carriers, binary_alloc: 88 MB',
    },
    {
      name: 'a worker that exited for another reason',
      log: 'Error [ERR_WORKER_INIT_FAILED]: Worker initialization failure: EMFILE\n    at new Worker (node:internal/worker:252:17)',
    },
    {
      name: 'native thread limit is not heap',
      log: 'Exception in thread "main" java.lang.OutOfMemoryError: unable to create native thread: possibly out of memory or process/resource limits reached',
      best: false,
    },
    {
      name: 'a Dart VM heap size flag logged at startup is not an exhausted heap',
      log: 'INFO VM flags: --old_gen_heap_size=512\nINFO heap space in use 120 MB',
    },
    {
      name: 'a startup line stating the configured Java heap space is a setting, not an error',
      log: 'INFO  Java heap space: max 2048 MB (-Xmx2g)\nINFO  Setting the Java heap space to 75% of the container limit',
    },
    { name: 'heap stats in an info line', log: 'INFO heap used 512MB of 2048MB\nINFO GC pause 12ms' },
    {
      name: 'a heap size setting echoed at start is no exhaustion',
      log: 'Context: booting ingest\nmax heap size: 25000000 words (from +hmax)\nstarted',
      exitCode: 1,
    },
  ],
});

describe('heap-out-of-memory: advice fits the runtime', () => {
  const steps = (log: string) =>
    heapOutOfMemory.match(contextFor({ name: 'x', log, exitCode: 1 }))?.nextSteps.join('\n') ?? '';

  test('Java gets JVM flags, never the V8 one', () => {
    const text = steps('Exception in thread "main" java.lang.OutOfMemoryError: Java heap space');
    assert.match(text, /-XX:MaxRAMPercentage|-Xmx/);
    assert.doesNotMatch(text, /max-old-space-size/);
  });

  test('a JVM memory pool names its own flag', () => {
    assert.match(steps('java.lang.OutOfMemoryError: Metaspace'), /-XX:MaxMetaspaceSize/);
  });

  test('Node gets --max-old-space-size and no JVM flag', () => {
    const text = steps('FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory');
    assert.match(text, /NODE_OPTIONS=--max-old-space-size/);
    assert.doesNotMatch(text, /-Xmx|MaxRAMPercentage/);
  });

  test('Python, Go and .NET get generic advice', () => {
    for (const log of [
      'MemoryError',
      'fatal error: runtime: out of memory',
      "Unhandled exception. System.OutOfMemoryException: Exception of type 'System.OutOfMemoryException' was thrown.",
    ]) {
      const text = steps(log);
      assert.ok(text.length > 0, log);
      assert.doesNotMatch(text, /max-old-space-size|-Xmx|MaxRAMPercentage|memory_limit/, log);
    }
  });
});
