/**
 * data_dir_conflict's weighing of its lock readings: Python's bare EAGAIN (BlockingIOError [Errno 11]), a
 * non-blocking lock's answer, is no lock when the process failed to fork; a wait for a lock that was later
 * obtained is a hand-over.
 */
import type { RuleContext } from '../rule.ts';
import { LOCKED_STORE_STANDBY, WAITING_FOR_VOLUME_LOCK } from './data-dir-conflict-shared-access.ts';
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
 * A lock call that names itself as failed and gives EAGAIN (errno 11, EWOULDBLOCK) as the reason: the non-blocking
 * lock was refused because another process holds it. Dart "FileSystemException: lock failed, path =
 * '/data/hive/sessions.lock' (OS Error: Resource temporarily unavailable, errno = 11)" (Hive, Isar), "failed to
 * acquire lock on /data/LOCK: EWOULDBLOCK", "could not lock ...: Resource temporarily unavailable".
 */
export const LOCK_CALL_EAGAIN: Signature = {
  all: [
    /\b[Ll]ock(?:ing)? failed\b|\b(?:[Ff]ailed to|[Cc]ould not|[Cc]ouldn't|[Uu]nable to|[Cc]annot|[Cc]an't) (?:acquire |obtain |take |get |place )?(?:an? |the )?(?:exclusive |file |write )?lock\b|\.lock['"`]/,
    /[Rr]esource temporarily unavailable|\bEAGAIN\b|\bEWOULDBLOCK\b|\berrno ?[=:]? ?11\b|\[Errno 11\]|os error 11\b/,
  ],
  confidence: 0.85,
  title: 'A lock on the data directory is held by another process (the old pod, or a second replica on the volume)',
  // A thread, mutex, socket or fork answering EAGAIN is no file lock; nor is a full or unwritable volume.
  not: /[Mm]utex|[Tt]hread|[Ss]ocket|[Cc]onnect|\bfork\b|[Nn]o space left|[Pp]ermission denied|[Rr]ead-only file system/,
};

const LOCK_OBTAINED =
  /\b(?:[Oo]btained|[Aa]cquired|[Gg]ot|[Tt]ook) (?:the )?(?:[\w-]{1,20} )?lock\b|\block (?:obtained|acquired)\b/;

/**
 * The bare EAGAIN under a traceback that was forking (os.fork, popen_fork.py, fork_exec) is the process
 * limit, host_kernel_limit's reading: the same line is then no lock at all.
 */
export const weighLockReading = (ctx: RuleContext, hit: SignatureHit): number => {
  if (hit.signature === BARE_LOCK_EAGAIN && ctx.log.lines.some((l) => FORK_FRAME.test(l.text))) return 0;
  // A wait for the lock that ended ("obtained primary lock", "got live lock") is a normal hand-over.
  if (
    (hit.signature === WAITING_FOR_VOLUME_LOCK || hit.signature === LOCKED_STORE_STANDBY) &&
    ctx.log.lines.some((l) => l.line > hit.line.line && LOCK_OBTAINED.test(l.text))
  )
    return 0;
  return hit.confidence;
};
