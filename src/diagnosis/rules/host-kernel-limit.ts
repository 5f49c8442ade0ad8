/** host_kernel_limit: a node-level kernel setting (sysctl, ulimit) is below what the software needs. */
import { kubectl } from '../kubectl.ts';
import { type Signature, signatureRule } from './log-helpers.ts';

const SIGNATURES: Signature[] = [
  { all: [/vm\.max_map_count/], confidence: 0.93, title: 'vm.max_map_count on the node is too low' },
  {
    // The container's /dev/shm (64 MiB by default) is too small for PostgreSQL's parallel workers.
    all: [/could not resize shared memory segment|\/dev\/shm\b.{0,5}(?:is full|too small)/],
    confidence: 0.86,
    title: "The container's shared memory (/dev/shm) is too small",
  },
  {
    all: [/max file descriptors \[\d+\] for [^\s]+ process is too low/],
    confidence: 0.9,
    title: 'The open-file limit (ulimit -n) is too low',
  },
  {
    all: [/max number of threads \[\d+\] for user/],
    confidence: 0.88,
    title: 'The thread/process limit (ulimit -u) is too low',
  },
  {
    all: [
      /System limit for number of file watchers reached|inotify watch limit reached|fs\.inotify\.max_user_(?:watches|instances)/,
    ],
    confidence: 0.88,
    title: 'The node inotify limit is too low',
  },
  { all: [/fs\.aio-max-nr|aio-max-nr/], confidence: 0.85, title: 'fs.aio-max-nr on the node is too low' },
  {
    all: [/memory locking requested for [^\s]+ process but memory is not locked|Unable to lock JVM Memory/],
    confidence: 0.75,
    title: 'The memlock limit is too low',
  },
  {
    // mmap refused: the JVM (Kafka, Elasticsearch, Cassandra) hit vm.max_map_count.
    all: [/OutOfMemoryError: Map failed|java\.io\.IOException: Map failed/],
    confidence: 0.78,
    title: 'Memory mapping failed: vm.max_map_count on the node is likely too low',
  },
  {
    all: [/unable to create (?:new )?native thread|pthread_create failed/],
    confidence: 0.6,
    title: 'The process or thread limit (pids, ulimit -u) is reached',
  },
  {
    all: [/fork: Cannot allocate memory|Can't save in background: fork/],
    confidence: 0.6,
    title: 'fork failed: vm.overcommit_memory or memory is too low',
  },
  { all: [/\bEMFILE\b|[Tt]oo many open files/], confidence: 0.6, title: 'The open-file limit is reached' },
];

export const hostKernelLimit = signatureRule({
  id: 'host-kernel-limit',
  category: 'host_kernel_limit',
  signatures: SIGNATURES,
  steps: (ctx) => [
    `Check the node the pod ran on: ${kubectl.podSpec(ctx.target, '{.spec.nodeName}')}`,
    'Raise the setting on the nodes (a privileged init container running sysctl -w, or the node pool configuration)',
  ],
});
