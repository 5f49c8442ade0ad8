/**
 * host_kernel_limit's readings of the node's System V IPC limits: PostgreSQL (and other servers that size
 * semaphore and shared-memory sets by their connection count) report an exhausted SEMMNI/SEMMNS or SHMMNI as
 * "could not create semaphores: No space left on device", with "Failed system call was semget(...)". The
 * errno is ENOSPC, but no disk is involved: the kernel's semaphore or segment table is full, so the fix is a
 * smaller max_connections or a node sysctl. The host-kernel-limit rule lists these among its own signatures;
 * the disk-full rule steps back on the same words.
 */
import type { Signature } from './log-helpers.ts';

export const IPC_LIMIT_SIGNATURES: Signature[] = [
  {
    all: [
      /\bcould not create (?:semaphores|shared memory segment): No space left on device|\bFailed system call was (?:semget|shmget)\b|\b(?:semget|shmget)\([^()\n]{0,80}\) failed: No space left on device/,
    ],
    confidence: 0.88,
    title: "The node's System V semaphore or shared-memory limit is exhausted (semget/shmget: No space left on device)",
  },
];
