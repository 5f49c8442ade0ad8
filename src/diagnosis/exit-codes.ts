/**
 * What an exit code and a Kubernetes reason mean, said correctly. The convention: a process that exits
 * by itself chooses its status (0..255); a process killed by signal n is reported by the runtime and
 * shells as 128+n. Exit 1 is the program's own generic failure and has nothing to do with SIGHUP.
 */
import type { ExitMeaning } from './types.ts';

export const SIGNALS: Readonly<Record<number, string>> = {
  1: 'SIGHUP',
  2: 'SIGINT',
  3: 'SIGQUIT',
  4: 'SIGILL',
  5: 'SIGTRAP',
  6: 'SIGABRT',
  7: 'SIGBUS',
  8: 'SIGFPE',
  9: 'SIGKILL',
  10: 'SIGUSR1',
  11: 'SIGSEGV',
  12: 'SIGUSR2',
  13: 'SIGPIPE',
  14: 'SIGALRM',
  15: 'SIGTERM',
  16: 'SIGSTKFLT',
  17: 'SIGCHLD',
  18: 'SIGCONT',
  19: 'SIGSTOP',
  20: 'SIGTSTP',
  21: 'SIGTTIN',
  22: 'SIGTTOU',
  23: 'SIGURG',
  24: 'SIGXCPU',
  25: 'SIGXFSZ',
  26: 'SIGVTALRM',
  27: 'SIGPROF',
  28: 'SIGWINCH',
  29: 'SIGIO',
  30: 'SIGPWR',
  31: 'SIGSYS',
};

const SIGNAL_DETAIL: Readonly<Record<number, string>> = {
  2: 'an interrupt, as from Ctrl-C',
  3: 'a quit request, which also dumps core',
  4: 'an illegal CPU instruction (often a binary built for a newer CPU)',
  6: 'an abort: the program called abort(), usually after a failed assertion or a runtime giving up (for example V8 out of heap)',
  7: 'a bus error: bad memory access, often a memory-mapped file that shrank',
  8: 'an arithmetic fault such as integer division by zero',
  9: 'SIGKILL, which cannot be caught: something outside the process killed it',
  11: 'a segmentation fault: the process touched memory it does not own (native crash)',
  13: 'a write to a closed pipe or socket',
  15: 'a polite request to stop, as the kubelet sends on pod deletion, eviction or a failed liveness probe',
};

const REASONS: Readonly<Record<string, { summary: string; detail: string }>> = {
  Error: {
    summary: 'terminated with an error',
    detail: 'The container exited with a non-zero status; the exit code and the log tell why.',
  },
  OOMKilled: {
    summary: 'killed for exceeding its memory limit (OOMKilled)',
    detail:
      "The kernel's cgroup OOM killer killed the container because it used more memory than resources.limits.memory allows.",
  },
  ContainerCannotRun: {
    summary: 'the container could not run',
    detail:
      'The runtime created the container but could not start its process: usually the command is missing, not executable or for the wrong CPU.',
  },
  StartError: {
    summary: 'the container process failed to start',
    detail:
      'The runtime failed to start the configured command (missing executable, bad path, permission or architecture mismatch).',
  },
  Completed: {
    summary: 'completed (exited 0)',
    detail:
      'The process finished successfully; a Deployment restarts containers that finish, so a server must not exit.',
  },
  CrashLoopBackOff: {
    summary: 'crashing repeatedly (CrashLoopBackOff)',
    detail:
      'The container keeps exiting and the kubelet waits longer before each restart; the previous run’s exit code and log show why.',
  },
  CreateContainerConfigError: {
    summary: 'the container config is invalid (CreateContainerConfigError)',
    detail:
      'The kubelet could not build the container config, usually because a referenced ConfigMap, Secret or key does not exist.',
  },
  CreateContainerError: {
    summary: 'the container could not be created (CreateContainerError)',
    detail: 'The runtime refused to create the container: a name conflict, a bad mount, or no command in the image.',
  },
  InvalidImageName: {
    summary: 'the image name is invalid',
    detail: 'The image reference in the pod spec cannot be parsed; fix the image field.',
  },
  ImagePullBackOff: {
    summary: 'the image cannot be pulled (ImagePullBackOff)',
    detail:
      'Pulling the image keeps failing: wrong name or tag, missing pull credentials, or the registry is unreachable.',
  },
  ErrImagePull: {
    summary: 'the image pull failed (ErrImagePull)',
    detail: 'Pulling the image failed: wrong name or tag, missing pull credentials, or the registry is unreachable.',
  },
  RunContainerError: {
    summary: 'the container failed to run (RunContainerError)',
    detail: 'The runtime could not run the container: often a missing executable, a bad mount or a security setting.',
  },
  DeadlineExceeded: {
    summary: 'the deadline was exceeded',
    detail: 'The pod or Job ran longer than its activeDeadlineSeconds and was stopped.',
  },
  Evicted: {
    summary: 'evicted by the kubelet',
    detail: 'The node ran short of memory, disk or process ids and the kubelet evicted the pod.',
  },
  ContainerStatusUnknown: {
    summary: 'the container state is unknown',
    detail:
      'The kubelet lost track of the container (often after a node problem or eviction), so no exit status is known.',
  },
};

/** Reasons for a process that never ran: whatever code comes with them is the runtime's, not the program's. */
const START_FAILURES: ReadonlySet<string> = new Set([
  'StartError',
  'ContainerCannotRun',
  'RunContainerError',
  'CreateContainerError',
]);

const codeMeaning = (
  code: number,
  reason: string | null,
): { summary: string; detail: string; signal: ExitMeaning['signal']; generic?: boolean } => {
  if (!Number.isInteger(code) || code < 0 || code > 255) {
    return {
      signal: null,
      summary: `exit ${code} is not a valid exit status (reported mod 256)`,
      detail: `An exit status is one byte (0-255), so ${code} was truncated to ${((code % 256) + 256) % 256} by the system; the program likely called exit() with an out-of-range value.`,
    };
  }
  if (code === 0)
    return { signal: null, summary: 'exited successfully (0)', detail: 'The process finished without error.' };
  if (code === 1) {
    return {
      signal: null,
      summary: 'exited with status 1 (the program reported a failure)',
      detail: 'Exit 1 is the generic failure status the program chose itself; the log says what failed.',
    };
  }
  if (code === 2) {
    return {
      signal: null,
      summary: 'exited with status 2 (usage error, or a Go panic)',
      detail:
        'Shells and many command-line programs exit 2 on misuse: a bad argument, an unknown option or a shell syntax error. A Go program also exits 2 after an unrecovered panic.',
    };
  }
  const sysexit = SYSEXITS[code];
  if (sysexit) {
    return {
      signal: null,
      summary: `exited with status ${code} (${sysexit.name} in the sysexits convention: ${sysexit.meaning})`,
      detail: `Programs that follow sysexits.h (mail servers, many daemons and CLIs) exit ${code} for ${sysexit.meaning}; others may use ${code} for anything, so the log decides.`,
    };
  }
  if (code === 126) {
    return {
      signal: null,
      summary: 'exit 126: command found but not executable',
      detail:
        'The command exists but could not be executed: it lacks the execute permission or is not a valid program.',
    };
  }
  if (code === 127) {
    return {
      signal: null,
      summary: 'exit 127: command not found',
      detail: 'The shell could not find the command: it is not in the image or not on PATH.',
    };
  }
  if (code === 255) {
    return {
      signal: null,
      summary: 'exited with status 255',
      detail:
        'Status 255 usually means the program called exit(-1) or an out-of-range value (ssh also uses it for its own errors).',
    };
  }
  if (code > 128 && code < 128 + 65) {
    const number = code - 128;
    const name = SIGNALS[number] ?? `signal ${number}`;
    const signal = { number, name };
    if (number === 9) {
      if (reason === 'OOMKilled') {
        return {
          signal,
          summary: 'killed by SIGKILL (memory limit: OOMKilled)',
          detail: 'The cgroup OOM killer sent SIGKILL because the container exceeded its memory limit.',
        };
      }
      return {
        signal,
        summary: 'killed by SIGKILL (137)',
        detail:
          'Something outside the process killed it with SIGKILL: the kubelet after the grace period (shutdown or failed liveness probe), a manual kill, or the node running out of memory. Not marked OOMKilled, so not the container memory limit.',
      };
    }
    const what = SIGNAL_DETAIL[number];
    return {
      signal,
      summary: `killed by ${name} (${code})`,
      detail: `Exit ${code} means the process was terminated by signal ${number} (${name})${what ? `: ${what}` : ''}.`,
    };
  }
  return {
    signal: null,
    generic: true,
    summary: `exited with status ${code} (application-specific)`,
    detail: `Status ${code} has no standard meaning: the program chose it, so its documentation or log explains it.`,
  };
};

/** The BSD sysexits.h statuses (64-78): what a program that follows the convention meant by each. */
const SYSEXITS: Record<number, { name: string; meaning: string }> = {
  64: { name: 'EX_USAGE', meaning: 'a command-line usage error' },
  65: { name: 'EX_DATAERR', meaning: 'bad input data' },
  66: { name: 'EX_NOINPUT', meaning: 'an input file that does not exist or cannot be read' },
  67: { name: 'EX_NOUSER', meaning: 'an unknown user' },
  68: { name: 'EX_NOHOST', meaning: 'an unknown host' },
  69: { name: 'EX_UNAVAILABLE', meaning: 'a service it needs is unavailable' },
  70: { name: 'EX_SOFTWARE', meaning: 'an internal software error' },
  71: { name: 'EX_OSERR', meaning: 'an operating-system error (cannot fork, cannot create a pipe)' },
  72: { name: 'EX_OSFILE', meaning: 'a system file that is missing or broken' },
  73: { name: 'EX_CANTCREAT', meaning: 'an output file it cannot create' },
  74: { name: 'EX_IOERR', meaning: 'an input/output error' },
  75: { name: 'EX_TEMPFAIL', meaning: 'a temporary failure worth retrying' },
  76: { name: 'EX_PROTOCOL', meaning: 'a remote protocol error' },
  77: { name: 'EX_NOPERM', meaning: 'insufficient permission' },
  78: { name: 'EX_CONFIG', meaning: 'a configuration error' },
};

export const explainExit = (code: number | null, reason: string | null, message?: string | null): ExitMeaning => {
  const known = reason ? REASONS[reason] : undefined;
  const note = message ? ` Status message: ${message}` : '';
  if (code === null) {
    if (known) return { code, reason, signal: null, summary: known.summary, detail: known.detail + note };
    return {
      code,
      reason,
      signal: null,
      summary: reason ? `reason ${reason}, no exit code` : 'no exit code or reason known',
      detail:
        (reason ? `Kubernetes reported ${reason} without an exit status.` : 'No exit status was reported.') + note,
    };
  }
  const meaning = codeMeaning(code, reason);
  // The runtime reports a process it could not start with a code of its own (runc: 128): that code
  // means nothing by itself, and calling it application-specific would contradict the reason.
  if (known && meaning.generic && reason && START_FAILURES.has(reason)) {
    return {
      code,
      reason,
      signal: null,
      summary: `${known.summary} (${reason}, exit ${code})`,
      detail: known.detail + note,
    };
  }
  // The reason adds what the code alone cannot say (OOMKilled is already folded into 137's text).
  const reasonText = known && reason !== 'Error' && reason !== 'OOMKilled' ? ` ${known.detail}` : '';
  const oomNot137 = reason === 'OOMKilled' && code !== 137 ? ` ${REASONS['OOMKilled']!.detail}` : '';
  return {
    code,
    reason,
    signal: meaning.signal,
    summary: reason === 'OOMKilled' && code !== 137 ? `${meaning.summary}, OOMKilled` : meaning.summary,
    detail: meaning.detail + reasonText + oomNot137 + note,
  };
};

/**
 * The exit in one phrase for a headline: the summary, led by the code (or the reason) when the summary
 * does not already say it, so no renderer has to print "exit 1: exited with status 1".
 */
export const exitHeadline = ({ code, reason, summary }: Pick<ExitMeaning, 'code' | 'reason' | 'summary'>): string => {
  if (code === null)
    return reason && reason !== 'Error' && !summary.includes(reason) ? `${reason}: ${summary}` : summary;
  const mentionsCode = summary.split(/[^0-9]+/).includes(String(code));
  return mentionsCode ? summary : `exit ${code}: ${summary}`;
};
