import { execFormatError } from '../../../src/diagnosis/rules/exec-format-error.ts';
import { ruleTable } from './helpers.ts';

ruleTable(execFormatError, 'exec_format_error', {
  positives: [
    {
      name: 'an exec readiness probe whose binary is for another CPU (wget from an amd64 busybox on arm64)',
      log: 'server started on :8080',
      exitCode: 137,
      events: [
        {
          type: 'Warning',
          reason: 'Unhealthy',
          message:
            'Readiness probe errored: rpc error: code = Unknown desc = failed to exec in container: OCI runtime exec failed: exec failed: unable to start container process: exec /usr/local/bin/healthcheck: exec format error: unknown',
          count: 4,
        },
      ],
      min: 0.75,
      max: 0.84,
    },
    {
      name: 'a Node app spawning a Mach-O helper binary (libuv reports ENOEXEC by name)',
      log: "Error: spawn ENOEXEC\n    at ChildProcess._handle.onexit (node:internal/child_process:286:19)\n  errno: -8,\n  code: 'ENOEXEC',\n  syscall: 'spawn /app/bin/pngquant'",
      min: 0.85,
    },
    {
      name: 'Ruby spawning a binary for another platform',
      log: "/app/lib/thumbs.rb:12:in `spawn': Exec format error - /app/vendor/bin/vips (Errno::ENOEXEC)",
      min: 0.85,
    },
    {
      name: 'an arm64 image crashing under qemu-user emulation on an amd64 node (illegal instruction)',
      log: 'qemu-aarch64-static: uncaught target signal 4 (Illegal instruction) - core dumped\nIllegal instruction (core dumped)',
      exitCode: 132,
      min: 0.75,
    },
    {
      name: 'qemu cannot reserve the address space of the emulated binary',
      log: 'qemu-x86_64: Unable to reserve 0xffff8000 bytes of virtual address space at 0x8000 (Success) for use as guest address space (check your virtual memory ulimit setting, min_mmap_addr or reserve less using -R option)',
      exitCode: 255,
      min: 0.75,
    },
    {
      name: 'Rosetta emulating an amd64 binary fails',
      log: 'rosetta error: failed to open elf at /lib64/ld-linux-x86-64.so.2\n Trace/breakpoint trap',
      exitCode: 133,
      min: 0.75,
    },
    {
      name: 'an amd64 binary in an arm64 image: qemu (binfmt) finds no x86-64 loader',
      log: "+ exec /usr/local/bin/restic backup /data\nqemu-x86_64-static: Could not open '/lib64/ld-linux-x86-64.so.2': No such file or directory",
      exitCode: 255,
      min: 0.85,
    },
    {
      name: 'an arm64 binary in an amd64 image: qemu-aarch64 finds no aarch64 loader',
      log: "qemu-aarch64: Could not open '/lib/ld-linux-aarch64.so.1': No such file or directory",
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'busybox sh reads an amd64 binary as a script on an arm64 node',
      log: '/usr/local/bin/kubectl: line 1: syntax error: unexpected "("',
      exitCode: 2,
      min: 0.75,
    },
    {
      name: 'dash reads a foreign-architecture release launcher as a script',
      log: '/opt/app/erts-14.2/bin/beam.smp: 1: Syntax error: "(" unexpected',
      exitCode: 2,
      min: 0.75,
    },
    { name: 'runc: exec format error', log: 'exec /usr/local/bin/server: exec format error', min: 0.9 },
    {
      name: 'older runc wording',
      log: 'standard_init_linux.go:228: exec user process caused: exec format error',
      min: 0.9,
    },
    {
      name: 'in the status message only (StartError)',
      log: '',
      exitCode: 128,
      reason: 'StartError',
      message: 'failed to create containerd task: failed to start shim: exec: "/app/run": exec format error: unknown',
      min: 0.9,
    },
    {
      name: 'shell cannot execute binary file',
      log: 'bash: /opt/tool/bin/tool: cannot execute binary file: Exec format error',
      exitCode: 126,
      min: 0.85,
    },
    {
      name: 'docker platform warning',
      log: "WARNING: The requested image's platform (linux/amd64) does not match the detected host platform (linux/arm64/v8) and no specific platform was requested\nSegmentation fault",
      exitCode: 139,
      min: 0.7,
    },
    {
      name: 'a Python extension built on macOS copied into the image is not a Linux ELF',
      log: 'Traceback (most recent call last):\n  File "/app/main.py", line 3, in <module>\n    import _cffi_backend\nImportError: /app/.venv/lib/python3.11/site-packages/_cffi_backend.cpython-311-darwin.so: invalid ELF header',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a 32-bit native library loaded by a 64-bit process',
      log: 'Error: Error loading shared library /app/lib/libsqlite3.so: wrong ELF class: ELFCLASS32',
      exitCode: 1,
      min: 0.8,
    },
  ],
  negatives: [
    {
      name: 'an exec probe that fails on its own output, not on the binary',
      log: 'server started on :8080',
      exitCode: 137,
      events: [
        {
          type: 'Warning',
          reason: 'Unhealthy',
          message: 'Liveness probe failed: status: NOT_SERVING, service: pricing.v1.PricingService',
          count: 3,
        },
      ],
    },
    {
      name: 'a native addon built for another Node ABI loads as an ELF but misses a symbol',
      log: "Error: /app/node_modules/better-sqlite3/build/Release/better_sqlite3.node: undefined symbol: _ZN2v88internal12StrongRootsE\n  code: 'ERR_DLOPEN_FAILED'",
      exitCode: 1,
    },
    {
      name: 'a spawned program that is not installed (ENOENT, not ENOEXEC)',
      log: "Error: spawn ffprobe ENOENT\n  errno: -2,\n  code: 'ENOENT',\n  syscall: 'spawn ffprobe'",
    },
    {
      name: 'a native segfault without an emulator',
      log: '/entrypoint.sh: line 8:     7 Segmentation fault      (core dumped) ./server',
      exitCode: 139,
    },
    { name: 'a qemu VM guest log line', log: 'qemu-system-x86_64: terminating on signal 15 from pid 1', exitCode: 143 },
    {
      name: 'sh -c given a command string with a syntax error (the shell itself, line 1)',
      log: '/bin/sh: 1: Syntax error: "(" unexpected',
      exitCode: 2,
    },
    {
      name: 'a shell script with a syntax error on its first line',
      log: '/docker-entrypoint.sh: 1: Syntax error: Unterminated quoted string',
      exitCode: 2,
    },
    { name: 'a log about formatting', log: 'ERROR invalid date format error in request body\nINFO retrying' },
    { name: 'a missing binary', log: 'exec /app/server: no such file or directory' },
    {
      name: 'a native glibc binary on a musl image (no emulator involved)',
      log: 'Error loading shared library ld-linux-x86-64.so.2: No such file or directory (needed by /app/server)',
      exitCode: 127,
    },
    {
      name: 'qemu-img unable to open a disk image (a tool, not the emulator of a binary)',
      log: "qemu-img: Could not open '/data/disk.qcow2': Could not open '/data/disk.qcow2': No such file or directory",
    },
  ],
});
