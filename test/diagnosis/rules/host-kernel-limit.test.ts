import { hostKernelLimit } from '../../../src/diagnosis/rules/host-kernel-limit.ts';
import { ruleTable } from './helpers.ts';

ruleTable(hostKernelLimit, 'host_kernel_limit', {
  positives: [
    {
      name: 'a start script refuses to run below the open-file minimum it names (StarRocks wording)',
      log: '+ ulimit -n\n1024\nPlease set the maximum number of open file descriptors to at least 65535, current value is 1024\nexit 1',
      exitCode: 1,
      min: 0.8,
      max: 0.86,
    },
    {
      name: 'a start script asks to raise the nproc limit in limits.conf before exiting',
      log: 'max user processes 4096 is lower than required\nModify /etc/security/limits.conf and append:\n  * soft nproc 65535\nexit 1',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'libbpf cannot create a map with EPERM (the memlock limit of a pre-5.11 kernel)',
      log: "libbpf: map 'events': failed to create: Operation not permitted(-1)\nlibbpf: failed to load object 'opensnoop_bpf'\nfailed to load BPF object: -1",
      exitCode: 1,
      min: 0.65,
      max: 0.75,
    },
    {
      name: 'an OpenMP pool sized to the node cores cannot start its threads under the pids limit, then faults',
      log: 'Loading model weights from /models/ranker.onnx\nlibgomp: Thread creation failed: Resource temporarily unavailable\nSegmentation fault (core dumped)',
      exitCode: 139,
      min: 0.9,
    },
    {
      name: 'the BEAM cannot start one of its per-core threads under the pod pids limit (error = 11)',
      log: '=INFO REPORT==== starting RabbitMQ 3.13.2 on Erlang 27.0\nFailed to create aux thread, error = 11',
      exitCode: 134,
      min: 0.75,
    },
    {
      name: 'DPDK finds no huge pages reserved on the node',
      log: 'EAL: Detected CPU lcores: 16\nEAL: No free 2048 kB hugepages reported on node 0\nEAL: FATAL: Cannot get hugepage information.\nEAL: Cannot get hugepage information.\nPANIC in main():\nCannot init EAL',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a thread pool cannot start a worker thread under the pod pids limit (glibc wording)',
      log: "terminate called after throwing an instance of 'std::system_error'\nFATAL: failed to create worker thread 17 of 32: Resource temporarily unavailable",
      exitCode: 134,
      min: 0.75,
    },
    {
      name: "a server's setrlimit above the container's hard nofile limit is refused with EPERM",
      log: '2025-01-27 14:05:19 [error] setrlimit(RLIMIT_NOFILE, 2097152): Operation not permitted\n2025-01-27 14:05:19 [error] aborting start-up',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'an eBPF agent cannot lift the memlock rlimit its BPF maps need on an old kernel',
      log: 'level=info msg="Starting network policy agent"\nlevel=fatal msg="failed to remove memlock rlimit: operation not permitted" subsys=bpf',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'Watchman hits the user limit on inotify watches',
      log: 'watchman: inotify-add-watch(/src/app/node_modules/lodash) -> The user limit on the total number of inotify watches was reached; increase the fs.inotify.max_user_watches sysctl\nError: watchman failed to start, exiting',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: "a Rust watcher's MaxFilesWatch error kind",
      log: 'Error: Failed to watch "/srv/site": Error { kind: MaxFilesWatch, paths: ["/srv/site/content/posts"] }',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'podman rootless cannot clone a user namespace (ENOSPC)',
      log: 'time="2024-06-01T10:00:00Z" level=error msg="cannot clone: No space left on device"\nuser namespaces are not enabled in /proc/sys/user/max_user_namespaces\nError: cannot re-exec process',
      exitCode: 125,
      min: 0.85,
    },
    {
      name: "rootlesskit's child fork/exec refused with ENOSPC",
      log: '[rootlesskit:parent] error: failed to start the child: fork/exec /proc/self/exe: no space left on device',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a database start-up check that the open-file limit is too small',
      log: 'ERROR: open files limit (ulimit -n) 1024 is too low, the minimum is 65536\nFATAL: refusing to start',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'runc cannot create a session key: the kernel key quota',
      log: 'runc create failed: unable to start container process: unable to join session keyring: unable to create session key: disk quota exceeded',
      exitCode: 128,
      min: 0.85,
    },
    {
      name: 'a Failed event alone carries the key quota (the process never started, the log is empty)',
      log: '',
      exitCode: 128,
      reason: 'StartError',
      events: [
        {
          type: 'Warning',
          reason: 'Failed',
          message:
            'Error: container create failed: OCI runtime error: crun: add_key: Disk quota exceeded: unable to start container process',
          count: 4,
        },
      ],
      min: 0.85,
    },
    {
      name: "MariaDB's InnoDB cannot get AIO contexts (io_setup EAGAIN, fs.aio-max-nr used up)",
      log: "2024-06-03 08:01:12 0 [Note] InnoDB: Using Linux native AIO\n2024-06-03 08:01:12 0 [Warning] InnoDB: io_setup() failed with EAGAIN. Will make 5 attempts before giving up.\n2024-06-03 08:01:14 0 [ERROR] InnoDB: io_setup() failed with EAGAIN after 5 attempts.\n2024-06-03 08:01:14 0 [ERROR] InnoDB: Cannot initialize AIO sub-system\n2024-06-03 08:01:14 0 [ERROR] Plugin 'InnoDB' registration as a STORAGE ENGINE failed.\n2024-06-03 08:01:14 0 [ERROR] Aborting",
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a server whose mlockall() is refused (memlock limit, no IPC_LOCK)',
      log: 'Jun 03 08:01:12 INFO  loading namespace configuration from /etc/aerospike/aerospike.conf\nJun 03 08:01:12 CRITICAL (config): mlockall() failed: Cannot allocate memory\nJun 03 08:01:12 WARNING (as): failed to start, exiting',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'the Go runtime cannot start another OS thread (process limit)',
      log: 'runtime: failed to create new OS thread (have 1021 already; errno=11)\nruntime: may need to increase max user processes (ulimit -u)\nfatal error: newosproc',
      exitCode: 2,
      min: 0.8,
    },
    {
      name: "Elasticsearch's address-space bootstrap check",
      log: 'ERROR: [1] bootstrap checks failed. You must address the points described in the following [1] lines before starting Elasticsearch.\nbootstrap check failure [1] of [1]: max size virtual memory [4294967296] for user [elasticsearch] is too low, increase to [unlimited]',
      exitCode: 78,
      min: 0.85,
    },
    {
      name: "PostgreSQL outgrowing the container's /dev/shm",
      log: '2024-09-01 10:09:00.100 UTC [68] ERROR:  could not resize shared memory segment "/PostgreSQL.2871637364" to 16777216 bytes: No space left on device',
      min: 0.85,
    },
    {
      name: 'elasticsearch bootstrap checks',
      log: 'ERROR: [1] bootstrap checks failed. You must address the points described in the following [1] lines before starting Elasticsearch.\nbootstrap check failure [1] of [1]: max virtual memory areas vm.max_map_count [65530] is too low, increase to at least [262144]',
      exitCode: 78,
      min: 0.9,
    },
    {
      name: 'elasticsearch file descriptors',
      log: '[1]: max file descriptors [4096] for elasticsearch process is too low, increase to at least [65535]',
      min: 0.85,
    },
    {
      name: 'node file watchers',
      log: "Error: ENOSPC: System limit for number of file watchers reached, watch '/app/src'",
      min: 0.85,
    },
    {
      name: 'a Go fsnotify watcher that cannot be created (inotify instances used up)',
      log: 'level=info msg="watching config for changes" path=/etc/app/config.yaml\nlevel=fatal msg="failed to create fsnotify watcher: too many open files"',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'an entrypoint raising the memlock limit above the hard limit',
      log: '+ ulimit -l unlimited\n/usr/local/bin/docker-entrypoint.sh: line 12: ulimit: max locked memory: cannot modify limit: Operation not permitted',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: "CockroachDB's minimum open-file limit",
      log: 'ERROR: hard open file descriptor limit of 1024 is under the minimum required 1956\nplease see https://www.cockroachlabs.com/docs/v23.2/recommended-production-settings.html for more details',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: "nginx's setrlimit alert is a clue, not a confident answer (nginx runs on)",
      log: '2024/05/01 10:00:00 [alert] 1#1: setrlimit(RLIMIT_NOFILE, 1048576) failed (1: Operation not permitted)',
      min: 0.5,
      max: 0.6,
      best: false,
    },
    {
      name: 'a shell that cannot fork under the pids limit',
      log: '/docker-entrypoint.sh: fork: retry: Resource temporarily unavailable\n/docker-entrypoint.sh: fork: Resource temporarily unavailable',
      exitCode: 254,
      min: 0.75,
    },
    {
      name: 'too many open files',
      log: 'accept tcp [::]:8080: accept4: too many open files; retrying in 1s\nlevel=fatal msg="accept: too many open files"',
      min: 0.55,
    },
    {
      name: "Ruby's fork(2) refused with EAGAIN (unicorn workers over the pod pids limit)",
      log: "/usr/local/bundle/gems/unicorn-6.1.0/lib/unicorn/http_server.rb:531:in `fork': Resource temporarily unavailable - fork(2) (Errno::EAGAIN)",
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'Ruby cannot create a thread (Sidekiq concurrency over the pids limit)',
      log: "can't create Thread: Resource temporarily unavailable (ThreadError)",
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'Node cannot spawn a child process: EAGAIN from the process limit',
      log: 'Error: spawn /usr/bin/convert EAGAIN\n    at ChildProcess._handle.onexit (node:internal/child_process:284:19)',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: "Guard's listen gem cannot add inotify watches for a synced source tree (Hanami dev server)",
      log: '[hanami] Starting development server\nFATAL: Listen error: unable to monitor directories for changes.\nVisit https://github.com/guard/listen/blob/master/README.md#increasing-the-amount-of-inotify-watchers for info on how to fix this.',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: "Node's fs.watch gets ENOSPC from inotify_add_watch on a busy dev node",
      log: "node:internal/fs/watchers:247\n    throw error;\nError: watch /app/src/components ENOSPC\n    at FSWatcher.<computed> (node:internal/fs/watchers:244:19)\n  errno: -28,\n  syscall: 'watch',\n  code: 'ENOSPC'",
      exitCode: 1,
      min: 0.85,
      best: 'host_kernel_limit',
    },
    {
      name: 'a Node server out of descriptors after its entrypoint traced the soft limit it got (1024)',
      log: "+ ulimit -Sn\n1024\n+ exec node dist/server.js\nlistening on :8080\nError: EMFILE: too many open files, open '/app/uploads/tmp/4f1a.part'\n    at Object.openSync (node:fs:596:3)",
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a Go server whose start-up report prints its max open files before accept runs out of them',
      log: 'level=info msg="resource limits" max open files: 1024\nlevel=fatal msg="serve failed" err="accept tcp [::]:9000: accept4: too many open files"',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'too many open files with no limit printed stays weak (a descriptor leak is as likely)',
      log: "Error: EMFILE: too many open files, open '/app/data/cache.json'\n    at Object.openSync (node:fs:596:3)",
      exitCode: 1,
      min: 0.5,
      max: 0.65,
      best: false,
    },
  ],
  negatives: [
    {
      name: 'a pool size setting above a number of connections is not an open-file limit',
      log: 'FATAL: pool_size must be greater than 10 (got 5)\nconfig validation failed',
      exitCode: 1,
    },
    {
      name: 'a map the kernel does not support (EINVAL) is not a limit',
      log: "libbpf: map 'ringbuf': failed to create: Invalid argument(-22)\nlibbpf: failed to load object 'tracer_bpf'",
      exitCode: 1,
    },
    {
      name: 'an entrypoint that traces a generous open-file limit and then fails for another reason',
      log: '+ ulimit -n\n1048576\n+ exec ./server\nFATAL: DATABASE_URL must be a postgres:// URL',
      exitCode: 1,
    },
    {
      name: 'a seccomp profile refusing clone is a permission, not a thread limit',
      log: 'runtime: clone failed: Operation not permitted (seccomp profile denies the syscall)\nfatal error: newosproc',
      exitCode: 2,
    },
    {
      name: 'a replication thread that started and then could not connect is a dependency, not a thread limit',
      log: 'INFO starting replication thread for shard 3\nERROR Failed to start replication thread: error = 111 (Connection refused) connecting to primary-0.db:5432',
      exitCode: 1,
    },
    {
      name: 'Redis warning about transparent huge pages is advice, not a refused mapping',
      log: '# WARNING you have Transparent Huge Pages (THP) support enabled in your kernel. This will create latency and memory usage issues with Redis.\n# Server initialized\n# Ready to accept connections tcp\n# Received SIGTERM scheduling shutdown...',
      exitCode: 0,
    },
    {
      name: 'a thread that started and later logged an unrelated retry',
      log: 'INFO started worker thread 3\nWARN upstream busy: Resource temporarily unavailable, retrying\nERROR giving up on request 42',
      exitCode: 1,
    },
    {
      name: 'an eBPF agent reporting that it lifted the memlock rlimit and went on',
      log: 'level=info msg="memlock rlimit removed, loading BPF programs"\nlevel=info msg="Shutting down: received SIGTERM"',
      exitCode: 0,
      reason: 'Completed',
    },
    {
      name: 'a rate limit on a watch API call is not the inotify limit',
      log: 'E0601 10:00:00.000000 1 reflector.go:147] watch of *v1.Pod ended with: too many requests, rate limit reached',
    },
    {
      name: 'a Failed event for a full disk on start is not the key quota',
      log: '',
      exitCode: 128,
      reason: 'StartError',
      events: [
        {
          type: 'Warning',
          reason: 'Failed',
          message:
            'Error: failed to create containerd task: failed to create shim task: OCI runtime create failed: write /run/containerd/io.containerd.runtime.v2.task/k8s.io/abc/config.json: disk quota exceeded: unknown',
          count: 2,
        },
      ],
    },
    {
      name: 'a full volume that names no namespace or keyring',
      log: 'ERROR: could not write block 1042 of temporary file: No space left on device',
      exitCode: 1,
    },
    {
      name: 'too many open files without a limit check is weak, not this signature',
      log: 'WARN: the open files count is high (812) but within limits\nINFO: ready',
      exitCode: 0,
      reason: 'Completed',
    },
    {
      name: "Vault's startup banner reporting mlock support is not a failure",
      log: '==> Vault server configuration:\n             Api Address: http://0.0.0.0:8200\n                   Mlock: supported: true, enabled: false\n==> Vault server started! Log data will stream in below:',
      exitCode: 0,
    },
    {
      name: 'InnoDB announcing native AIO at start is not a limit',
      log: '2024-06-03 08:01:12 0 [Note] InnoDB: Using Linux native AIO\n2024-06-03 08:01:12 0 [Note] InnoDB: Initializing buffer pool, total size = 128.000MiB',
    },
    {
      name: 'a Go program that starts its threads normally',
      log: 'runtime: GOMAXPROCS=4\nINFO started 12 workers\nINFO listening on :8080',
    },
    { name: 'a sysctl mentioned in docs', log: 'INFO tip: tune net.core.somaxconn for high load\nINFO ready' },
    { name: 'a real disk full', log: 'ERROR: could not write block: No space left on device' },
    {
      name: 'a file watcher denied a path is a permission error, not a limit',
      log: 'level=error msg="fsnotify watcher error" path=/etc/app err="open /etc/app: permission denied"',
      exitCode: 1,
    },
    {
      name: 'a wrapper that raised its limit and started',
      log: '+ ulimit -n 65536\nraised open files limit to 65536\nINFO server listening on :8080',
    },
    {
      name: 'a non-blocking read that would block is EAGAIN too, but no limit',
      log: 'Errno::EAGAIN: Resource temporarily unavailable - read would block',
      exitCode: 1,
    },
    {
      name: 'a listen-based watcher that stops cleanly on SIGTERM is no kernel limit',
      log: 'Listen: stopped monitoring directories for changes\nShutting down gracefully',
      exitCode: 0,
    },
  ],
});
