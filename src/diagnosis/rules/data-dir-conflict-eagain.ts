/**
 * data_dir_conflict's reading of Python's bare EAGAIN (BlockingIOError [Errno 11]), a non-blocking lock's
 * answer, and when the same line is not a lock: a process that failed to fork says it too.
 */
import type { RuleContext } from '../rule.ts';
import { FORK_FRAME } from './host-kernel-limit-forks.ts';
import type { Signature, SignatureHit } from './log-helpers.ts';

/**
 * Python's fcntl.flock(fd, LOCK_EX | LOCK_NB) raises BlockingIOError [Errno 11] with the call only in the
 * traceback above; a non-blocking socket or pipe raises the same, hence the modest confidence.
 */
export const BARE_LOCK_EAGAIN: Signature = {
  all: [/\bBlockingIOError: \[Errno 11\] Resource temporarily unavailable\s*$/],
  confidence: 0.6,
  title: 'A lock on the data directory is probably held by another process (EAGAIN from a non-blocking lock)',
};

/**
 * The bare EAGAIN under a traceback that was forking (os.fork, popen_fork.py, fork_exec) is the process
 * limit, host_kernel_limit's reading: the same line is then no lock at all.
 */
export const weighLockReading = (ctx: RuleContext, hit: SignatureHit): number =>
  hit.signature === BARE_LOCK_EAGAIN && ctx.log.lines.some((l) => FORK_FRAME.test(l.text)) ? 0 : hit.confidence;
