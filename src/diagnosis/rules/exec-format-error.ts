/** exec_format_error: the binary was built for another CPU architecture than the node runs. */
import { kubectl } from '../kubectl.ts';
import { type Signature, signatureRule } from './log-helpers.ts';

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
    // foreign address space; Rosetta reports its own error. (qemu failing to open the loader is left to
    // missing_shared_library: a musl image lacks the glibc loader under emulation too.)
    all: [
      /\bqemu(?:-[a-z0-9_]{1,20})?(?:-static)?: (?:uncaught target signal \d|Unable to reserve 0x)|\brosetta error: /,
    ],
    // Below the confident band: the crash under emulation is still a native crash (segfault is the
    // runner-up reading), and an emulator bug can fault on a binary that is fine natively.
    confidence: 0.8,
    title: 'A binary for another CPU architecture crashed under emulation (qemu/binfmt or Rosetta)',
  },
  {
    all: [/image's platform \(/, /does not match the detected host platform/],
    confidence: 0.7,
    title: "The image's platform does not match the node's",
    warningIsEvidence: true,
  },
];

export const execFormatError = signatureRule({
  id: 'exec-format-error',
  category: 'exec_format_error',
  signatures: SIGNATURES,
  options: { status: true },
  steps: (ctx) => [
    `Compare the node architecture with the image: ${kubectl.podSpec(ctx.target, '{.spec.nodeName}')} then kubectl get node <node> -o jsonpath='{.status.nodeInfo.architecture}'`,
    'Inspect the image platforms: docker buildx imagetools inspect <image>',
  ],
});
