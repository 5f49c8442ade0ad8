/** host_kernel_limit: a node-level kernel setting (sysctl, ulimit) is below what the software needs. */
import { kubectl } from '../kubectl.ts';
import type { RuleContext } from '../rule.ts';
import type { LogLine } from '../types.ts';
import { type Signature, signatureRule } from './log-helpers.ts';
import { FORK_FRAME, FORK_LIMIT_SIGNATURES, UNNAMED_EAGAIN } from './host-kernel-limit-forks.ts';
import { INOTIFY_LIMIT_SIGNATURES } from './host-kernel-limit-inotify.ts';
import { IPC_LIMIT_SIGNATURES } from './host-kernel-limit-ipc.ts';
import { KERNEL_FEATURE_SIGNATURES } from './host-kernel-limit-kernel-features.ts';
import { MEMORY_MAP_SIGNATURES } from './host-kernel-limit-memory-maps.ts';
import { MANY_FILES_OPENED, OPEN_FILE_LIMIT_SIGNATURES } from './host-kernel-limit-open-files.ts';

// EMFILE alone is as often a descriptor leak in the app as a low limit: a weak reading on its own.
const OPEN_FILE_LIMIT_REACHED: Signature = {
  all: [/\bEMFILE\b|[Tt]oo many open files/],
  confidence: 0.6,
  title: 'The open-file limit is reached',
};

// The log prints the open-file limit the container got, so the limit, not a leak, is in question: an
// entrypoint's traced `ulimit -n` / `ulimit -Sn` (its value follows on the next line), or a server's start-up
// report ("max open files: 1024", "open files limit 1024", "RLIMIT_NOFILE soft=1024", Java's "Maximum file
// descriptor count is 1024").
const OPEN_FILE_LIMIT_SHOWN =
  /^\+{1,3} ulimit -[SH]?n\s{0,4}$|\b(?:max(?:imum)? (?:open files|file descriptor count)|open files limit|(?:soft|current) (?:nofile|open files?|file descriptor) limit|RLIMIT_NOFILE)\b[^\n]{0,20}?\b\d{2,7}\b/i;

// The same EPERM as cilium/ebpf's hint below without the hint: aya "failed to create map `EVENTS` with code -1"
// then "Caused by: Operation not permitted (os error 1)", libbpf "map 'events': failed to create: Operation not
// permitted", bcc "bpf_create_map ...". On a pre-5.11 kernel the memlock limit is the usual cause; on a newer one
// a missing CAP_BPF is, so permission_denied stays a close alternative. Other errnos (EINVAL: a map the kernel
// does not support) are not a limit: the rule keeps this reading only with EPERM on the line or just after it.
const BPF_MAP_CREATE_FAILED: Signature = {
  all: [
    /\bfailed to create (?:BPF |eBPF )?map\b|\bmap create:|\bBPF_MAP_CREATE\b|\bbpf_(?:map_create|create_map(?:_xattr)?)\b|\bmap '[\w.]{1,60}': failed to create\b/,
  ],
  confidence: 0.7,
  title: 'eBPF maps cannot be created (EPERM): the memlock limit is likely too low for the node kernel',
};
const EPERM = /\bOperation not permitted\b|\bEPERM\b/;
const epermNear = (ctx: RuleContext, line: LogLine): boolean =>
  ctx.log.lines.some((l) => l.line >= line.line && l.line <= line.line + 4 && EPERM.test(l.text));

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
  ...INOTIFY_LIMIT_SIGNATURES,
  {
    // The process needs more open files than the hard limit the runtime gives it, and refuses to start:
    // HAProxy's strict-limits, a wrapper's `ulimit -n` under `set -e`, CockroachDB's minimum.
    all: [
      /[Cc]annot raise FD limit|FD limit \(\d{1,12}\) too low|[Pp]lease raise 'ulimit-n'|file descriptor limit of \d{1,12} is (?:under|below|less than|lower than) the minimum|ulimit: [a-z ()-]{1,40}: cannot modify limit|[Cc]an(?:'t|not) (?:raise|increase|set) (?:the )?(?:FD|file descriptor|open files?|nofile|RLIMIT_NOFILE|max(?:imum)? open files) limit/,
    ],
    confidence: 0.86,
    title: 'The open-file (nofile) or process limit the container gets is below what the server asks for',
  },
  {
    all: [
      /[Ff]ailed to (?:raise|increase|set) (?:the )?(?:max(?:imum)? )?(?:number of )?(?:open files?|file descriptors?|FD|nofile|RLIMIT_NOFILE|rlimit)\b/,
    ],
    confidence: 0.75,
    title: 'The open-file limit (nofile) could not be raised to what the server asks for',
  },
  {
    // nginx and Redis say this too, but then run on with a lower limit: a clue, not the crash.
    all: [/setrlimit\(RLIMIT_(?:NOFILE|NPROC)[^)]{0,40}\) failed|can't set maximum open files/],
    confidence: 0.55,
    title: 'The server could not raise its open-file limit (nofile) to what it asks for',
  },
  {
    // A script naming the nofile minimum it refuses to run below ("... open file descriptors to a value greater
    // than 60000" of Doris/StarRocks, "ulimit -n must be at least 65535"); its advice names limits.conf.
    all: [
      /\b(?:open file descriptors?|open files?(?: limit)?|file descriptors?|file handles?|nofile|ulimit -n)\b[^\n]{0,40}?\b(?:(?:greater|larger|more|higher|bigger) than|at least|no less than|not less than) \[?\d{3,8}\b/i,
    ],
    confidence: 0.84,
    title: 'The open-file limit (nofile) the container gets is below the minimum the server asks for',
  },
  {
    all: [/\/etc\/security\/limits\.conf\b|^\s{0,8}\*?\s{0,4}(?:soft|hard) nofile \d{3,8}\b/],
    confidence: 0.78,
    title: 'A ulimit (nofile, nproc, memlock) is too low: the log asks to raise it in limits.conf',
  },
  {
    // A server's own start-up check of its open-file limit (TiKV "the maximum number of open file descriptors
    // is too small", Elasticsearch, ScyllaDB, Cassandra): the runtime's nofile limit, not the app.
    all: [
      /\b(?:open file descriptors?|open files?|file descriptors?|file handles?|nofile|RLIMIT_NOFILE|ulimit -n)\b[^\n]{0,40}\b(?:is |are )?(?:too (?:small|low)|insufficient|below the (?:minimum|required|recommended))/i,
    ],
    confidence: 0.86,
    title: 'The open-file limit (nofile) the container gets is below what the server requires',
  },
  {
    // clone/unshare of a user (or other) namespace returns ENOSPC when user.max_user_namespaces (or its
    // siblings) is 0 or used up: rootless BuildKit/Podman, Chrome's sandbox, bubblewrap. Not a full disk.
    all: [
      /\b(?:user namespaces?|max_user_namespaces|max_[a-z]{2,6}_namespaces|newuidmap|newgidmap|rootlesskit|CLONE_NEW[A-Z]{2,6}|unshare|fork\/exec)\b|\bclone(?:3?:|\(\)| failed)/i,
      /[Nn]o space left on device|\bENOSPC\b/,
    ],
    confidence: 0.87,
    title: 'The node limits namespaces (user.max_user_namespaces): clone/unshare fails with ENOSPC',
  },
  {
    // The same limit or switch named without an errno.
    all: [
      /user\.max_user_namespaces|kernel\.unprivileged_userns_clone|user namespaces? (?:are |is )?(?:not (?:enabled|supported|available)|disabled)|[Cc]annot create user namespace/,
    ],
    confidence: 0.8,
    title: 'User namespaces are disabled or limited on the node',
  },
  {
    // runc joins a session keyring per container; the kernel's key quota (kernel.keys.maxkeys/maxbytes) answers
    // EDQUOT, which reads as "disk quota exceeded" though no disk is involved.
    all: [/keyring|\bkeyctl\b|\badd_key\b|maxkeys|kernel\.keys\./i, /[Dd]isk quota exceeded|\bEDQUOT\b/],
    confidence: 0.87,
    title: 'The kernel key quota (kernel.keys.maxkeys) on the node is used up',
  },
  { all: [/fs\.aio-max-nr|aio-max-nr/], confidence: 0.85, title: 'fs.aio-max-nr on the node is too low' },
  {
    // io_setup(2) fails with EAGAIN when the node-wide fs.aio-max-nr is used up (InnoDB/MariaDB, ScyllaDB's
    // "Could not setup Async I/O", Ceph's bluestore); the database then says it cannot start its AIO subsystem.
    all: [
      /\bio_setup(?:\(\d?\))?(?: failed with EAGAIN| failed: (?:-11\b|EAGAIN|Resource temporarily unavailable)|: Resource temporarily unavailable)|[Cc]ould not setup Async I\/O/,
    ],
    confidence: 0.88,
    title: 'Asynchronous I/O contexts on the node are used up (fs.aio-max-nr is too low)',
  },
  {
    all: [/Cannot initialize AIO sub-?system|[Ff]ailed to (?:initialize|set up) (?:Linux )?(?:native )?AIO\b/],
    confidence: 0.75,
    title: 'The asynchronous I/O subsystem could not start (fs.aio-max-nr or the memlock limit)',
  },
  {
    // mlock/mlockall refused (ENOMEM or EPERM): the container's RLIMIT_MEMLOCK is too small, or it lacks
    // IPC_LOCK (Vault, Elasticsearch bootstrap.memory_lock, Cassandra, Aerospike, DPDK/io_uring servers).
    all: [
      /[Ff]ailed to lock memory|\bmlock(?:all)?(?:\(\))?(?: syscall)? (?:failed|is not available)|\bmlock(?:all)?(?:\(\))?: (?:Cannot allocate memory|Operation not permitted)|[Cc]ould(?:n't| not) (?:mlock|lock (?:the )?memory)|\bRLIMIT_MEMLOCK\b[^\n]{0,80}(?:too (?:low|small)|exceeded|insufficient)/,
    ],
    confidence: 0.84,
    title: 'Memory locking (mlock) is refused: the memlock limit is too low or IPC_LOCK is missing',
  },
  {
    // eBPF maps and programs are charged to RLIMIT_MEMLOCK on kernels before 5.11: tracers and agents (Beyla,
    // Cilium, Falco, Pixie, Tetragon) fail to create them, and cilium/ebpf says so beside the EPERM.
    all: [
      /MEMLOCK may be too low|\brlimit\.RemoveMemlock\b|(?:[Ff]ailed to|[Cc]ould(?:n't| not)|[Uu]nable to) (?:remove|raise|increase|set|bump) (?:the )?(?:memlock|MEMLOCK|RLIMIT_MEMLOCK)\b/,
    ],
    // EPERM on a newer kernel means a missing capability (CAP_BPF) instead: permission_denied stays beside it.
    confidence: 0.8,
    title: 'eBPF maps cannot be created: the memlock limit is too low for the node kernel',
  },
  BPF_MAP_CREATE_FAILED,
  {
    // io_uring's rings are locked memory, charged to RLIMIT_MEMLOCK before kernel 5.12: with containerd's
    // 64 KiB default, io_uring_setup fails with ENOMEM. liburing/tokio-uring/glommio print the call; Zig programs
    // (TigerBeetle, Bun's own errors) end with the error name "SystemResources" that Zig's std gives ENOMEM there.
    all: [
      /\bio_uring_setup\b[^\n]{0,80}(?:ENOMEM|Cannot allocate memory|-12\b|[Oo]ut of memory)|\b(?:[Ff]ailed to|[Cc]ould(?:n't| not)|[Uu]nable to) (?:set ?up|init(?:ialize)?|create) (?:the )?io_uring\b[^\n]{0,80}(?:ENOMEM|Cannot allocate memory|memlock|MEMLOCK)|^error: SystemResources\s{0,4}$/,
    ],
    confidence: 0.74,
    title: 'The io_uring rings cannot be set up: the memlock limit on the node is likely too low',
  },
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
    all: [/max size virtual memory \[\d{1,20}\] for user \[[^\]]{1,60}\] is too low/],
    confidence: 0.88,
    title: 'The address-space limit (ulimit -v) is too low',
  },
  {
    // The Go runtime says which limit it hit when it cannot start an OS thread (EAGAIN from clone).
    all: [/may need to increase max user processes|failed to create new OS thread \(have \d{1,9} already; errno=11\)/],
    confidence: 0.84,
    title: 'The process or thread limit (pids, ulimit -u) is reached',
  },
  {
    // A thread spawn refused with EAGAIN (clone hits the pod's pids limit or ulimit -u): Rust's std/tokio "can't
    // spawn worker thread: Resource temporarily unavailable (os error 11)", glibc "pthread_create: Resource
    // temporarily unavailable", .NET/C++ "failed to create thread ... errno 11", the BEAM's "Failed to create
    // dirty cpu scheduler thread 61, error = 11" (a scheduler per core of a large node under a small pids limit).
    all: [
      /\b(?:spawn|create|start)(?:ing)? (?:a |the )?(?:new )?(?:worker |native |OS |blocking |background )?[Tt]hread\b[^\n]{0,80}(?:Resource temporarily unavailable|\bEAGAIN\b|os error 11\b|(?:errno|error) ?[:=]? ?11\b)|\b[Ff]ailed to create [a-z ]{1,60}thread\b[^\n]{0,20}, error = 11\b|\bpthread_create(?:\(\))?(?: failed)?: (?:Resource temporarily unavailable|EAGAIN)/,
    ],
    confidence: 0.8,
    title: 'A thread could not be started: the process or thread limit (pod pids limit, ulimit -u) is reached',
  },
  {
    // A thread pool sized to the node's cores (OpenBLAS/OpenMP "blas_thread_init: pthread_create failed for
    // thread 47 of 64: Resource temporarily unavailable", libgomp "Thread creation failed: Resource temporarily
    // unavailable") hits the pod's pids limit; the library then often crashes, so the segfault that follows is
    // the symptom and this line the cause.
    all: [
      /\b(?:pthread_create|[Tt]hread creation|clone) failed\b[^\n]{0,80}(?:Resource temporarily unavailable|\bEAGAIN\b)|\bblas_thread_init: RLIMIT_NPROC\b/,
    ],
    confidence: 0.93,
    title: 'Threads could not be started: the pod pids limit or ulimit -u is reached (a pool sized to the node cores)',
  },
  {
    // Python's threading words the same EAGAIN without the errno: below the band, memory is the rival.
    all: [/\bcan't start new thread\b/],
    confidence: 0.66,
    title: 'A thread could not be started: the process or thread limit is likely reached',
  },
  {
    // Raising RLIMIT_NOFILE/NPROC above the hard limit the runtime gives the container is refused with EPERM
    // (php-fpm rlimit_files, a server's setrlimit at start): the node's limit, not a missing permission on a path.
    // nginx's "setrlimit(...) failed (1: ...)" alert is only a warning (nginx runs on): the signature below.
    all: [
      /\b(?:set|pr)rlimit\(\s?RLIMIT_[A-Z]{3,10}[^)]{0,40}\): (?:Operation not permitted|\bEPERM\b|Invalid argument)|\b[Ff]ailed to set rlimit_[a-z]{3,12}\b|[Pp]lease check your system limits/,
    ],
    confidence: 0.82,
    title: 'The server asks for a higher open-file or process limit than the container hard limit allows',
  },
  {
    all: [/unable to create (?:new )?native thread|pthread_create failed/],
    confidence: 0.6,
    title: 'The process or thread limit (pids, ulimit -u) is reached',
  },
  ...FORK_LIMIT_SIGNATURES,
  {
    // A start-up mapping of shared memory refused by the kernel: huge_pages=on on a node with no (or too few)
    // huge pages reserved (vm.nr_hugepages), or strict overcommit (vm.overcommit_memory=2). PostgreSQL's
    // "could not map anonymous shared memory", and servers that ask for huge pages outright (DPDK's EAL, Java
    // -XX:+UseLargePages failing hard, MySQL large-pages) say so; the container's memory limit is not involved.
    all: [
      /could not map anonymous shared memory: Cannot allocate memory|\b(?:[Nn]o|[Nn]ot enough|[Ii]nsufficient) (?:free )?(?:\d{1,7} ?[kKMG]i?B )?huge ?pages\b|\b[Cc]annot get hugepage info|\b(?:[Ff]ailed to|[Cc]ould(?:n't| not)|[Uu]nable to|[Cc]annot) (?:allocate|reserve|map|mmap) (?:the )?(?:shared memory )?(?:with |using |in )?(?:huge ?pages|large pages)\b|\bvm\.nr_hugepages\b/,
    ],
    confidence: 0.8,
    title:
      'The kernel refused the shared memory the server maps at start (huge pages not reserved on the node, or strict overcommit)',
  },
  {
    all: [/fork: Cannot allocate memory|Can't save in background: fork/],
    confidence: 0.6,
    title: 'fork failed: vm.overcommit_memory or memory is too low',
  },
  ...MEMORY_MAP_SIGNATURES,
  ...KERNEL_FEATURE_SIGNATURES,
  ...IPC_LIMIT_SIGNATURES,
  ...OPEN_FILE_LIMIT_SIGNATURES,
  OPEN_FILE_LIMIT_REACHED,
];

export const hostKernelLimit = signatureRule({
  id: 'host-kernel-limit',
  category: 'host_kernel_limit',
  signatures: SIGNATURES,
  // The runtime's own start failures (runc's session keyring, user namespaces, a nofile it cannot set) reach
  // the status message or a Failed event only: the log is empty when the process never started.
  options: { status: true },
  adjust: (ctx, hit) =>
    (hit.signature === BPF_MAP_CREATE_FAILED && !epermNear(ctx, hit.line)) ||
    (hit.signature === UNNAMED_EAGAIN && !ctx.log.lines.some((l) => FORK_FRAME.test(l.text)))
      ? 0
      : hit.signature === OPEN_FILE_LIMIT_REACHED &&
          ctx.log.lines.some((l) => OPEN_FILE_LIMIT_SHOWN.test(l.text) || MANY_FILES_OPENED.test(l.text))
        ? 0.78
        : hit.confidence,
  steps: (ctx) => [
    `Check the node the pod ran on: ${kubectl.podSpec(ctx.target, '{.spec.nodeName}')}`,
    'Raise the setting on the nodes (a privileged init container running sysctl -w, or the node pool configuration)',
  ],
});
