/**
 * host_kernel_limit's readings of a process the kernel would not fork (EAGAIN from fork/clone): the pod's pids
 * limit or ulimit -u is reached, not memory. The host-kernel-limit rule lists these among its own signatures.
 */
import type { Signature } from './log-helpers.ts';

/**
 * A frame of a traceback that was forking or spawning a process: Python's os.fork(), multiprocessing's
 * popen_fork.py, subprocess's _posixsubprocess.fork_exec (_fork_exec since 3.12), os.posix_spawn.
 */
export const FORK_FRAME =
  /\bos\.fork\(\)|\bpopen_fork\.py\b|\b(?:_posixsubprocess\.)?_?fork_exec\(|\bos\.posix_spawnp?\(/;

/**
 * Python raises the fork's EAGAIN as a bare "BlockingIOError: [Errno 11] Resource temporarily unavailable",
 * the call only named in the traceback above (a worker pool, Ansible's forks, subprocess.Popen). A
 * non-blocking lock, socket or pipe raises the same line: the rule keeps it only under a fork frame.
 */
export const UNNAMED_EAGAIN: Signature = {
  all: [/\bBlockingIOError: \[Errno 11\] Resource temporarily unavailable\b/],
  confidence: 0.76,
  title: 'The process limit (the pod pids limit or ulimit -u) is reached: fork() failed with EAGAIN',
};

export const FORK_LIMIT_SIGNATURES: Signature[] = [
  {
    // fork() failing with EAGAIN is the process/pids limit (ulimit -u, the pod's pids limit), not memory.
    // Ruby words it "in `fork': Resource temporarily unavailable - fork(2) (Errno::EAGAIN)"; Node "spawn EAGAIN".
    all: [
      /\bfork'?: (?:retry: )?Resource temporarily unavailable|\b[Cc]an't fork: Resource temporarily unavailable|Resource temporarily unavailable - fork\(2\)|\bspawn(?: [^\s]{1,200})? EAGAIN\b/,
    ],
    confidence: 0.78,
    title: 'The process limit (ulimit -u or the pod pids limit) is reached',
  },
  UNNAMED_EAGAIN,
  {
    // A server that words a refused thread spawn without the errno (ClickHouse's "Cannot schedule a task: cannot
    // allocate thread", "can't create new thread", "thread creation failed", "Unable to create thread"): clone()
    // fails at start when the pod's pids limit (or ulimit -u) is below the pools the server sizes per core. A
    // full pool says "no free thread" instead, so the spawn words stay here, short of the errno's certainty.
    all: [
      /\b(?:[Cc]annot|[Cc]an't|[Cc]ould not|[Cc]ouldn't|[Uu]nable to|[Ff]ailed to) (?:allocate|create|spawn|start) (?:a |the )?(?:new )?(?:OS |native |worker )?thread\b|\b[Tt]hread creation failed\b/,
    ],
    confidence: 0.74,
    title: 'The process or thread limit (the pod pids limit or ulimit -u) is reached: a thread could not be created',
    // Out of memory for the thread's stack names memory, which is another cause.
    not: /\b(?:[Oo]ut of memory|OutOfMemory|[Cc]annot allocate memory|ENOMEM|memory limit)\b/,
  },
  {
    // A runtime that asserts on the thread spawn and prints the errno as a number: TensorFlow's "Check failed:
    // ret == 0 (11 vs. 0)Thread tf_data_private_threadpool creation via pthread_create() failed", Abseil/glog
    // checks "pthread_create failed: 11". 11 is EAGAIN: the pods' pids limit (or ulimit -u) below the threads a
    // pool sized to the node's cores starts.
    all: [
      /\(11 vs\. 0\)[^(\n]{0,120}\bpthread_create\b|\bpthread_create(?:\(\))? failed(?::| with| returned) (?:errno |error )?11\b/,
    ],
    confidence: 0.86,
    title: 'The process/thread limit (the pod pids limit or ulimit -u) is reached: pthread_create failed with EAGAIN',
  },
  {
    // The spawn failure named without the errno ("creation via pthread_create() failed"): memory exhaustion says
    // the same on rare occasions, so short of the errno's certainty.
    all: [/\bcreation via pthread_create\(\) failed\b|\bpthread_create\(\) failed\b/],
    confidence: 0.74,
    title: 'The process/thread limit (the pod pids limit or ulimit -u) is probably reached: a thread could not start',
    not: /\bENOMEM\b|Cannot allocate memory|[Oo]ut of memory/,
  },
];
