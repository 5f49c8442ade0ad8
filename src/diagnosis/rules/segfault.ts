/**
 * segfault: the process crashed natively (SIGSEGV, exit 139), e.g. a libc/musl or seccomp mismatch, a
 * native extension, or a JVM crash. Exit 139 alone is weak evidence: V8 heap exhaustion can end the
 * same way, and a Go nil dereference is an app bug.
 */
import { kubectl } from '../kubectl.ts';
import type { Rule } from '../rule.ts';
import { finding, hitEvidence, matchSignatures, type Signature, statusEvidence } from './log-helpers.ts';
import { hasFatalLine } from './spec-helpers.ts';

const NOT_NATIVE = /nil pointer dereference|JavaScript heap|heap out of memory/;

// qemu-user (binfmt) or Rosetta naming the signal means the fault happened inside the emulator running
// a foreign-architecture binary: the architecture is the cause, the segfault its symptom.
const FOREIGN_PLATFORM =
  /does not match the detected host platform|exec format error|\bqemu(?:-[a-z0-9_]{1,20})?(?:-static)?: uncaught target signal \d|\brosetta error: /;

// A thread or process the library needed could not be started (the pod's pids limit, ulimit -u): OpenBLAS
// and OpenMP pools sized to the node's cores, the JVM, Go and Python all report it, and a native library
// that then uses the thread it never got crashes. The limit is the cause (host_kernel_limit), the fault
// its symptom.
const THREAD_START_REFUSED =
  /\b(?:pthread_create|[Tt]hread creation|clone|fork) failed\b|\bRLIMIT_NPROC\b|\bcan't start new thread\b|\bunable to create (?:new )?native thread\b|\bfailed to create new OS thread\b|\bpthread_create(?:\(\))?: (?:Resource temporarily unavailable|EAGAIN)/;

// A fault handler that reports a stack overflow from deep recursion (Crystal prints it under its
// "Invalid memory access" line): the app's recursion is the cause, the fault its symptom.
const RECURSION_OVERFLOW =
  /\bStack overflow \(e\.g\., infinite or very deep recursion\)|\bInfinite recursion\b|\bmaximum recursion depth\b/;

const SIGNATURES: Signature[] = [
  {
    all: [/Fatal Python error: Segmentation fault/],
    confidence: 0.9,
    title: 'Python crashed natively (segmentation fault)',
  },
  {
    all: [/[Ss]egmentation fault|\bsegfault at\b/],
    confidence: 0.85,
    title: 'The process crashed with a segmentation fault',
    not: NOT_NATIVE,
  },
  {
    all: [/A fatal error has been detected by the Java Runtime Environment/],
    confidence: 0.85,
    title: 'The JVM crashed natively',
  },
  {
    // The program's own fatal-signal handler naming the fault: Squid "FATAL: Received Segment
    // Violation...dying.", "Caught segmentation violation", "Received signal SIGSEGV". The handler then
    // often aborts, so the exit code is 134 rather than 139.
    all: [
      /\b(?:[Rr]eceived|[Cc]aught|[Gg]ot|[Tt]rapped) (?:an? )?(?:[Ss]egment(?:ation)? [Vv]iolation|SIGSEGV|[Ss]ignal (?:11|SIGSEGV)\b)|\bFATAL:? [^\n]{0,40}\b[Ss]egment(?:ation)? [Vv]iolation/,
    ],
    confidence: 0.84,
    title: "The process's fatal-signal handler reports a segmentation violation",
    not: NOT_NATIVE,
  },
  {
    // A runtime's own fault handler naming an invalid memory access: Crystal "Invalid memory access
    // (signal 11) at address 0x...", .NET "AccessViolationException: Attempted to read or write protected
    // memory", Rust "SIGSEGV: invalid memory reference". A stack that overflowed by recursion reads the
    // same in Crystal, which then says so: that is the app's bug (see RECURSION_OVERFLOW).
    all: [
      /\bInvalid memory access \(signal (?:11|10|7)\) at address\b|\bAttempted to read or write protected memory\b|\bSIGSEGV: [Ii]nvalid memory reference\b/,
    ],
    confidence: 0.85,
    title: 'The process made an invalid memory access and crashed natively',
    not: NOT_NATIVE,
  },
  {
    // An engine's or runtime's crash handler announcing the signal the program crashed with: Godot
    // "handle_crash: Program crashed with signal 11", Android/bionic "Fatal signal 11 (SIGSEGV)", Unreal
    // "Signal 11 caught.", "terminated due to signal SIGSEGV". Usually followed by a native backtrace.
    all: [
      /\b(?:[Cc]rash(?:ed|ing)?|[Tt]erminat(?:ed|ing)|[Aa]bort(?:ed|ing)|[Dd]ying|[Ss]topp(?:ed|ing)) (?:with|on|by|due to|from|after) (?:an? |the )?(?:fatal )?[Ss]ignal (?:11|SIGSEGV)\b|\bFatal signal 11\b|\b[Ss]ignal (?:11|SIGSEGV) (?:caught|received|raised)\b/,
    ],
    confidence: 0.84,
    title: "The program's crash handler reports it crashed with signal 11 (SIGSEGV)",
    not: NOT_NATIVE,
  },
  { all: [/\bSIGSEGV\b/], confidence: 0.7, title: 'The process crashed with SIGSEGV', not: NOT_NATIVE },
  {
    all: [/fatal error: unexpected signal during runtime execution/],
    confidence: 0.8,
    title: 'A native (cgo) crash in a Go program',
  },
  {
    all: [/double free or corruption|free\(\): invalid pointer|malloc\(\): corrupted|stack smashing detected/],
    confidence: 0.78,
    title: 'Native memory corruption crashed the process',
  },
  {
    // A supervisor or parent reporting the child's death by signal 11: s6/hassio "process received
    // signal 11", nginx "worker process 42 exited on signal 11", PostgreSQL "terminated by signal 11",
    // Python "died with <Signals.SIGSEGV: 11>".
    all: [
      /\b(?:received|killed by|terminated by|exited on|exited with|died with|died of|caught|got) (?:the )?(?:signal 11\b|signal SIGSEGV\b|<Signals\.SIGSEGV: 11>)/,
    ],
    confidence: 0.8,
    title: 'The process died of signal 11 (SIGSEGV)',
    not: NOT_NATIVE,
  },
  {
    // An allocator built for another page size (jemalloc/tcmalloc on 16K/64K-page kernels: Raspberry Pi 5,
    // Apple silicon, some arm64 servers) cannot map memory and the process then faults natively.
    all: [
      /\b(?:jemalloc|tcmalloc|mimalloc)\b/,
      /\b(?:[Uu]nsupported|[Ii]nvalid|[Uu]nexpected) (?:system )?page size\b/,
    ],
    confidence: 0.8,
    title: 'The memory allocator does not support the kernel page size, so the process crashes natively',
  },
  {
    all: [/\bIllegal instruction\b|\bBus error\b/],
    confidence: 0.6,
    title: 'The process crashed natively (illegal instruction or bus error)',
  },
];

export const segfault: Rule = {
  id: 'segfault',
  match: (ctx) => {
    const steps = [
      'Check the base image libc (musl vs glibc) against native modules and binaries; rebuild them in the runtime image',
      `Check the seccomp profile and the node: ${kubectl.describePod(ctx.target)}`,
    ];
    const exit139 = ctx.exitCode === 139;
    const hit = matchSignatures(ctx, SIGNATURES);
    // A binary for another platform (emulated, or mis-built) crashes natively as a symptom.
    const foreign = ctx.log.lines.some((l) => FOREIGN_PLATFORM.test(l.text));
    // A managed runtime's own fault (Go nil dereference, V8 heap) reports SIGSEGV without a native bug.
    const managed = ctx.log.lines.some((l) => NOT_NATIVE.test(l.text));
    const threadLimit = ctx.log.lines.some((l) => THREAD_START_REFUSED.test(l.text));
    const recursion = ctx.log.lines.some((l) => RECURSION_OVERFLOW.test(l.text));
    if (hit) {
      return finding(ctx, {
        ruleId: 'segfault',
        category: 'segfault',
        title: hit.signature.title,
        confidence:
          foreign || managed || recursion
            ? Math.min(hit.confidence, 0.45)
            : threadLimit
              ? Math.min(hit.confidence, 0.45)
              : Math.min(0.95, hit.confidence + (exit139 ? 0.05 : 0)),
        evidence: [...hitEvidence(hit), ...(exit139 ? statusEvidence(ctx) : [])],
        steps,
      });
    }
    if (!exit139 || managed) return null;
    // A log with no error at all (only notices and warnings, often "ready to handle connections" last)
    // did not end by its own hand: the kernel's SIGSEGV is the only account of the death, and a warning
    // about an unreachable agent or peer does not kill a process with signal 11. An error line may be
    // the real cause, with the fault its symptom, so then exit 139 stays weak.
    const quietLog = ctx.log.lines.length > 0 && !hasFatalLine(ctx) && !foreign && !threadLimit && !recursion;
    return finding(ctx, {
      ruleId: 'segfault',
      category: 'segfault',
      title: quietLog
        ? 'Killed by SIGSEGV (exit 139) with no error in its log: a native crash (an extension or agent?)'
        : 'Killed by SIGSEGV (exit 139): a native crash',
      confidence: quietLog ? 0.82 : 0.5,
      evidence: statusEvidence(ctx),
      steps,
    });
  },
};
