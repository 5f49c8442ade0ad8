/**
 * host_kernel_limit's readings of a kernel feature the node was built or booted without: a server that needs
 * seccomp (Elasticsearch's system call filter bootstrap check, Chromium's sandbox, sandboxed daemons) on a vendor
 * or appliance kernel compiled without CONFIG_SECCOMP / CONFIG_SECCOMP_FILTER. The node's kernel, not the app or
 * its config, is what is missing. The host-kernel-limit rule lists these among its own signatures.
 */
import type { Signature } from './log-helpers.ts';

export const KERNEL_FEATURE_SIGNATURES: Signature[] = [
  {
    // "seccomp unavailable: CONFIG_SECCOMP not compiled into kernel", "system call filters failed to install",
    // "seccomp is not supported by the kernel", "Seccomp BPF not available", "kernel lacks seccomp support".
    all: [
      /\bCONFIG_SECCOMP(?:_FILTER)?\b|\bseccomp (?:is )?(?:unavailable|not (?:available|supported|enabled))\b|\bseccomp(?:[ -]bpf)? (?:support )?(?:is )?not (?:compiled|built) in|\bsystem call filters? failed to install\b|\b(?:kernel|system) (?:lacks|has no|does not support|doesn't support) seccomp\b|\bSeccomp BPF (?:is )?not (?:available|supported)\b/i,
    ],
    confidence: 0.82,
    title: 'The node kernel lacks a feature the server needs (seccomp / system call filters not available)',
    // A profile the runtime failed to load names the runtime's config, and a warning that seccomp is only
    // skipped in a dev mode is not the failure.
    not: /\bseccomp profile\b|\bsecurityContext\b/i,
  },
];
