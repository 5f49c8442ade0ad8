/** exec_format_error: the binary was built for another CPU architecture than the node runs. */
import { kubectl } from '../kubectl.ts';
import type { Rule, RuleContext } from '../rule.ts';
import type { Finding } from '../types.ts';
import { finding, type Signature, signatureRule } from './log-helpers.ts';

const SIGNATURES: Signature[] = [
  {
    all: [/exec format error/i],
    confidence: 0.93,
    title: 'The binary is for a different CPU architecture (exec format error)',
  },
  {
    all: [/cannot execute binary file/i],
    confidence: 0.85,
    title: 'The binary cannot be executed on this CPU architecture',
  },
  {
    // The same ENOEXEC seen from a runtime that spawns the binary itself and prints the errno rather than
    // its text: Node/libuv "spawn ENOEXEC" or, when libuv lacks the name, "spawn Unknown system error -8"
    // (errno -8); Ruby "Errno::ENOEXEC". A Mach-O or foreign-CPU helper binary shipped in the image.
    all: [/\bspawn(?:Sync)? (?:[^\s]{1,200} )?(?:ENOEXEC\b|Unknown system error -8\b)|\bErrno::ENOEXEC\b/],
    confidence: 0.88,
    title: 'A binary the app spawns is for another platform or CPU architecture (ENOEXEC)',
  },
  {
    // A foreign-architecture binary run through binfmt emulation (qemu-user-static registered by a buildx
    // or multiarch DaemonSet, Rosetta on Apple silicon) starts instead of failing with exec format error,
    // then dies inside the emulator: qemu names the target signal (11, 4, 7) or cannot reserve the
    // foreign address space; Rosetta reports its own error.
    all: [
      /\bqemu(?:-[a-z0-9_]{1,20})?(?:-static)?: (?:uncaught target signal \d|Unable to reserve 0x)|\brosetta error: /,
    ],
    // Below the confident band: the crash under emulation is still a native crash (segfault is the
    // runner-up reading), and an emulator bug can fault on a binary that is fine natively.
    confidence: 0.8,
    title: 'A binary for another CPU architecture crashed under emulation (qemu/binfmt or Rosetta)',
  },
  {
    // The emulator for another CPU (qemu-x86_64 on an arm64 node, qemu-aarch64 on amd64; Rosetta) was
    // started at all, so the kernel saw a binary for a foreign architecture; it then could not open that
    // architecture's dynamic loader (/lib64/ld-linux-x86-64.so.2, /lib/ld-linux-aarch64.so.1) because the
    // image's own userland is for the node's CPU. The binary is for the wrong architecture; the loader
    // missing is its consequence (missing_shared_library stays the runner-up reading).
    all: [
      /\bqemu-[a-z0-9_]{1,20}(?:-static)?: (?:Could not open|Error while loading|Unable to open) ['"]?\/[^\s'":]{0,200}\bld-|\brosetta error: failed to open elf at \/[^\s'":]{0,200}\bld-/,
    ],
    confidence: 0.88,
    title: 'A binary for another CPU architecture ran under emulation and the image has no loader for it',
  },
  {
    // A binary for another CPU run by a shell: execve fails with ENOEXEC, so dash and busybox fall back
    // to reading the ELF file as a script and choke on its first "line" ("/app/bin/erlexec: 1: Syntax
    // error: word unexpected (expecting \")\")", "line 1: syntax error: unexpected \"(\"", "1: ELF: not
    // found"). A script's line 1 is its shebang, a comment, so a syntax error there names a binary. Only
    // a path without a script extension and not the shell itself (sh -c reports "/bin/sh: 1: ").
    all: [
      /^\.?\/[\w./@+-]{1,300}: (?:line )?1: (?:Syntax error: |syntax error: unexpected |[^\s:]{0,8}ELF[^\s:]{0,20}: (?:not found|command not found))/,
    ],
    not: /^[^\s:]{0,300}\.(?:sh|bash|ksh|zsh|ash|env|rc|profile|conf|cfg|py|pl|rb|php|js):|^\/(?:usr\/)?(?:local\/)?bin\/(?:ba|da|z|k|a|busybox )?sh: |expecting "(?:do|done|then|fi|in|esac)"/,
    // Below the confident band: an extensionless script that really starts with bad syntax prints the same.
    confidence: 0.78,
    title: 'The shell read a binary as a script: it is for another CPU architecture (ENOEXEC)',
  },
  {
    // A native library or addon that is not a Linux ELF for this CPU, seen by the dynamic loader when the
    // runtime dlopen()s it: Node's "ERR_DLOPEN_FAILED ... bcrypt_lib.node: invalid ELF header" and Python's
    // "ImportError: ...so: invalid ELF header" (a macOS Mach-O or Windows build copied from the developer's
    // machine), "wrong ELF class: ELFCLASS32", the JVM's "can't load AMD 64 .so on a AARCH64 platform" /
    // "(Possible cause: architecture word width mismatch)", "ELF load command address/offset not properly
    // aligned", "ELF file's phentsize not the expected size".
    all: [
      /\binvalid ELF header\b|\bwrong ELF class: ELFCLASS(?:32|64)\b|\bcan't load [\w -]{1,30}\.so on a[n]? [\w -]{1,30}platform\b|\bPossible cause: (?:architecture word width mismatch|endianness mismatch)|\bELF load command (?:address\/offset|alignment) not (?:properly aligned|page-aligned)|\bELF file's phentsize not the expected size|\bELF file (?:OS ABI|version|data encoding) (?:invalid|does not match|not little-endian|not big-endian)/,
    ],
    // Below the top of the band: a truncated or corrupt file (a Git LFS pointer, a failed download) also
    // reads as an invalid ELF header, and missing_file / missing_dependency are then the readings.
    confidence: 0.86,
    title: 'A native library or addon was built for another platform or CPU (not a Linux ELF for this node)',
  },
  {
    all: [/image's platform \(/, /does not match the detected host platform/],
    confidence: 0.7,
    title: "The image's platform does not match the node's",
    warningIsEvidence: true,
  },
];

const steps = (ctx: RuleContext): string[] => [
  `Compare the node architecture with the image: ${kubectl.podSpec(ctx.target, '{.spec.nodeName}')} then kubectl get node <node> -o jsonpath='{.status.nodeInfo.architecture}'`,
  'Inspect the image platforms: docker buildx imagetools inspect <image>',
];

const bySignature = signatureRule({
  id: 'exec-format-error',
  category: 'exec_format_error',
  signatures: SIGNATURES,
  options: { status: true },
  steps,
});

// An exec probe whose binary cannot run on the node's CPU: "Liveness probe errored: ... exec
// /bin/grpc_health_probe: exec format error" (an image rebuilt for arm64 whose Dockerfile still downloads
// the amd64 grpc_health_probe, wget or a static health tool). The kubelet then kills a healthy server, but
// what is wrong is the probe binary's architecture, not the probe's path, port or timing.
const PROBE_EVENT = /\b(?:Liveness|Readiness|Startup) probe (?:errored|failed)\b/i;
const FOREIGN_ARCH_EXEC = /exec format error|cannot execute binary file|\bENOEXEC\b/i;

const probeBinaryForeignArch = (ctx: RuleContext): Finding | null => {
  const event = ctx.events.find((e) => PROBE_EVENT.test(e.message) && FOREIGN_ARCH_EXEC.test(e.message));
  if (!event) return null;
  return finding(ctx, {
    ruleId: 'exec-format-error',
    category: 'exec_format_error',
    title: "The exec probe's binary is for a different CPU architecture (exec format error)",
    // Below the confident band: the restarts are the probe's, and probe_failure stays the runner-up reading.
    confidence: 0.8,
    evidence: [{ line: null, text: event.message, source: 'event' }],
    steps: [...steps(ctx), 'Install the probe binary for the node architecture (e.g. grpc_health_probe-linux-arm64)'],
  });
};

export const execFormatError: Rule = {
  id: 'exec-format-error',
  match: (ctx) => bySignature.match(ctx) ?? probeBinaryForeignArch(ctx),
};
