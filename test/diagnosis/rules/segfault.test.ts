import { segfault } from '../../../src/diagnosis/rules/segfault.ts';
import { ruleTable } from './helpers.ts';

ruleTable(segfault, 'segfault', {
  positives: [
    {
      name: '.NET reporting an access violation from a native library it calls',
      log: 'Fatal error. System.AccessViolationException: Attempted to read or write protected memory. This is often an indication that other memory is corrupt.\n   at Interop+Sqlite.sqlite3_step(IntPtr)\n   at Microsoft.Data.Sqlite.SqliteDataReader.NextResult()',
      exitCode: 139,
      min: 0.85,
    },
    {
      name: 'shell reports Segmentation fault',
      log: '/entrypoint.sh: line 8:     7 Segmentation fault      (core dumped) ./server',
      exitCode: 139,
      min: 0.85,
    },
    {
      name: 'python faulthandler',
      log: 'Fatal Python error: Segmentation fault\n\nCurrent thread 0x00007f (most recent call first):\n  File "/usr/local/lib/python3.11/site-packages/cv2/__init__.py", line 181 in bootstrap',
      exitCode: 139,
      min: 0.85,
    },
    {
      name: 'JVM crash',
      log: '#\n# A fatal error has been detected by the Java Runtime Environment:\n#\n#  SIGSEGV (0xb) at pc=0x00007f3c, pid=1, tid=7\n#',
      exitCode: 134,
      min: 0.8,
    },
    {
      name: 'cgo crash',
      log: 'fatal error: unexpected signal during runtime execution\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x7f]',
      exitCode: 2,
      min: 0.75,
    },
    {
      name: 'nginx master reports a worker dying of signal 11',
      log: '2024/03/01 10:00:01 [alert] 1#1: worker process 31 exited on signal 11 (core dumped)',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'jemalloc on a 64K-page arm64 kernel',
      log: '<jemalloc>: Unsupported system page size\n/docker-entrypoint.sh: line 12:    41 Killed by signal',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a game engine crash handler (Godot) reports the signal it crashed with, then a native backtrace',
      log: 'Godot Engine v4.1.3.stable.official.f06b6836a\n[Server] Peer 42 connected\n================================================================\nhandle_crash: Program crashed with signal 11\nDumping the backtrace.\n[1] /lib/x86_64-linux-gnu/libc.so.6(+0x3c050) [0x7f3a1c23c050] (??:0)\n-- END OF BACKTRACE --',
      exitCode: null,
      min: 0.8,
    },
    {
      name: 'a bionic/Android-style fatal signal line from a native library',
      log: 'I/engine: loading level 3\nF/libc: Fatal signal 11 (SIGSEGV), code 1 (SEGV_MAPERR), fault addr 0x0 in tid 812 (GameThread), pid 790',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'an Unreal dedicated server crash handler ("Signal 11 caught.")',
      log: 'LogNet: Login request: userId: Steam:76561198000000000\nSignal 11 caught.\nMalloc Size=262146 LargeMemoryPoolOffset=262162\nCommonUnixCrashHandler: Signal=11',
      exitCode: 1,
      min: 0.8,
    },
    { name: 'exit 139 alone', log: '', exitCode: 139, min: 0.45, max: 0.6 },
    {
      name: 'exit 139 after a clean start (only notices and a warning about an agent socket) is a native crash',
      log: '2024-06-03T08:14:02Z [notice] uwsgi: *** Operational MODE: preforking ***\n2024-06-03T08:14:02Z [warn] datadog tracer: failed to connect to agent at /var/run/datadog/apm.socket: connection refused\n2024-06-03T08:14:02Z [notice] spawned uWSGI worker 1 (pid: 7, cores: 1)',
      exitCode: 139,
      min: 0.8,
      max: 0.84,
    },
    {
      name: 'exit 139 after an error line keeps exit 139 a weak reading (the error may be the cause)',
      log: '[notice] starting workers\nERROR: worker 3 stopped responding',
      exitCode: 139,
      min: 0.45,
      max: 0.6,
    },
    {
      name: "a server's own fatal-signal handler names the segmentation violation (then aborts)",
      log: '2024/02/27 14:02:19| helperOpenServers: Starting 5/32 helpers\n2024/02/27 14:02:19| FATAL: Received Segment Violation...dying.',
      exitCode: 134,
      min: 0.8,
    },
    {
      name: 'a C server that caught SIGSEGV',
      log: '[main] caught SIGSEGV, dumping core to /tmp/core.1',
      exitCode: 139,
      min: 0.85,
    },
  ],
  negatives: [
    {
      name: 'a clean log that ended with exit 1 (no signal 11) is not a native crash',
      log: '[notice] fpm is running, pid 1\n[notice] ready to handle connections',
      exitCode: 1,
    },
    {
      name: 'Crystal reporting a stack overflow from deep recursion under its invalid-memory line is the app',
      log: 'Invalid memory access (signal 11) at address 0x7ffd5e2b8ff8\nStack overflow (e.g., infinite or very deep recursion)\n[0x55d3e8a1b3c6] *Tree#depth:Int32 +12 in /app/bin/api',
      exitCode: 11,
    },
    {
      name: 'qemu-user names the signal: a foreign-architecture binary under emulation, not a native bug',
      log: 'qemu: uncaught target signal 11 (Segmentation fault) - core dumped\nSegmentation fault (core dumped)',
      exitCode: 139,
    },
    {
      name: 'a handler that received a graceful stop signal',
      log: 'FATAL: Received signal 15, shutting down',
      exitCode: 143,
    },
    {
      name: 'a crash handler naming another signal (9, a kill) is not a segmentation fault',
      log: 'handle_crash: Program crashed with signal 9\nDumping the backtrace.',
      exitCode: 137,
    },
    {
      name: 'a worker stopped by signal 15 during a rollout',
      log: '[INFO] worker 3 stopped on signal 15 (SIGTERM), draining connections',
      exitCode: 143,
    },
    {
      name: 'a graceful stop on another signal',
      log: 'Received signal 15 (SIGTERM), shutting down gracefully',
      exitCode: 143,
    },
    {
      name: 'Go nil dereference is an app bug',
      log: 'panic: runtime error: invalid memory address or nil pointer dereference\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x4a5b6c]\n\ngoroutine 1 [running]:\nmain.main()\n\t/app/main.go:14 +0x1c',
      exitCode: 2,
    },
    {
      name: 'an OpenMP pool sized to the node cores hits the pids limit, then the library faults (the limit is the cause)',
      log: 'libgomp: Thread creation failed: Resource temporarily unavailable\nSegmentation fault (core dumped)',
      exitCode: 139,
    },
    {
      name: 'V8 heap exhaustion exiting 139',
      log: 'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory',
      exitCode: 139,
    },
  ],
});
