import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { explainExit } from '../../src/diagnosis/exit-codes.ts';

const SIGNAL_WORDS = /SIG[A-Z]+|signal/i;

describe('explainExit: exit codes', () => {
  const cases: { code: number; reason?: string; signal: string | null; summary: RegExp; detail?: RegExp }[] = [
    { code: 0, signal: null, summary: /success/ },
    { code: 1, signal: null, summary: /status 1.*program reported a failure/, detail: /generic failure/ },
    { code: 2, signal: null, summary: /usage error/, detail: /bad argument/ },
    { code: 3, signal: null, summary: /application-specific/ },
    { code: 42, signal: null, summary: /application-specific/ },
    { code: 64, signal: null, summary: /EX_USAGE.*usage error/, detail: /sysexits\.h/ },
    { code: 78, signal: null, summary: /status 78 \(EX_CONFIG in the sysexits convention: a configuration error\)/ },
    { code: 79, signal: null, summary: /application-specific/ },
    { code: 125, signal: null, summary: /application-specific/ },
    { code: 126, signal: null, summary: /found but not executable/ },
    { code: 127, signal: null, summary: /command not found/ },
    { code: 128, signal: null, summary: /application-specific/ },
    { code: 129, signal: 'SIGHUP', summary: /SIGHUP \(129\)/ },
    { code: 130, signal: 'SIGINT', summary: /SIGINT \(130\)/ },
    { code: 131, signal: 'SIGQUIT', summary: /SIGQUIT/ },
    { code: 132, signal: 'SIGILL', summary: /SIGILL/ },
    { code: 133, signal: 'SIGTRAP', summary: /SIGTRAP/ },
    { code: 134, signal: 'SIGABRT', summary: /SIGABRT \(134\)/, detail: /abort/ },
    { code: 135, signal: 'SIGBUS', summary: /SIGBUS/ },
    { code: 136, signal: 'SIGFPE', summary: /SIGFPE/ },
    { code: 137, signal: 'SIGKILL', summary: /SIGKILL \(137\)/, detail: /Not marked OOMKilled/ },
    { code: 137, reason: 'OOMKilled', signal: 'SIGKILL', summary: /memory limit: OOMKilled/, detail: /memory limit/ },
    { code: 137, reason: 'Error', signal: 'SIGKILL', summary: /SIGKILL \(137\)/, detail: /liveness probe/ },
    { code: 138, signal: 'SIGUSR1', summary: /SIGUSR1/ },
    { code: 139, signal: 'SIGSEGV', summary: /SIGSEGV \(139\)/, detail: /segmentation fault/ },
    { code: 140, signal: 'SIGUSR2', summary: /SIGUSR2/ },
    { code: 141, signal: 'SIGPIPE', summary: /SIGPIPE/ },
    { code: 142, signal: 'SIGALRM', summary: /SIGALRM/ },
    { code: 143, signal: 'SIGTERM', summary: /SIGTERM \(143\)/, detail: /stop/ },
    { code: 255, signal: null, summary: /255/, detail: /exit\(-1\)/ },
    { code: 256, signal: null, summary: /not a valid exit status \(reported mod 256\)/, detail: /truncated to 0/ },
    { code: -1, signal: null, summary: /not a valid exit status/, detail: /truncated to 255/ },
  ];
  for (const c of cases) {
    test(`${c.code}${c.reason ? ` + ${c.reason}` : ''}`, () => {
      const meaning = explainExit(c.code, c.reason ?? null);
      assert.equal(meaning.code, c.code);
      assert.equal(meaning.signal?.name ?? null, c.signal);
      if (c.signal) assert.equal(meaning.signal?.number, c.code - 128);
      assert.match(meaning.summary, c.summary);
      if (c.detail) assert.match(meaning.detail, c.detail);
    });
  }

  test('exit 1 never mentions a signal, whatever the reason', () => {
    for (const reason of [null, 'Error', 'CrashLoopBackOff', 'Completed']) {
      const meaning = explainExit(1, reason);
      assert.equal(meaning.signal, null);
      assert.doesNotMatch(meaning.summary, SIGNAL_WORDS);
      assert.doesNotMatch(meaning.detail, SIGNAL_WORDS);
    }
  });

  test('exit codes 3..125 are application-specific, never signals', () => {
    for (let code = 3; code <= 125; code++) {
      const meaning = explainExit(code, null);
      assert.equal(meaning.signal, null);
      assert.doesNotMatch(meaning.summary, SIGNAL_WORDS);
    }
  });
});

describe('explainExit: Kubernetes reasons', () => {
  const reasons: [string, RegExp][] = [
    ['Error', /error/],
    ['OOMKilled', /memory limit/],
    ['ContainerCannotRun', /could not run/],
    ['StartError', /failed to start/],
    ['Completed', /completed/],
    ['CrashLoopBackOff', /CrashLoopBackOff/],
    ['CreateContainerConfigError', /CreateContainerConfigError/],
    ['CreateContainerError', /CreateContainerError/],
    ['InvalidImageName', /image name is invalid/],
    ['ImagePullBackOff', /ImagePullBackOff/],
    ['ErrImagePull', /ErrImagePull/],
    ['RunContainerError', /RunContainerError/],
    ['DeadlineExceeded', /deadline/],
    ['Evicted', /evicted/],
    ['ContainerStatusUnknown', /unknown/],
  ];
  for (const [reason, summary] of reasons) {
    test(reason, () => {
      const meaning = explainExit(null, reason);
      assert.equal(meaning.reason, reason);
      assert.match(meaning.summary, summary);
      assert.ok(meaning.detail.length > 20);
    });
  }

  test('an unknown reason without a code is named as is', () => {
    assert.match(explainExit(null, 'Weird').summary, /Weird/);
    assert.match(explainExit(null, null).summary, /no exit code/);
  });

  test('OOMKilled with a code other than 137 still says memory limit', () => {
    const meaning = explainExit(1, 'OOMKilled');
    assert.match(meaning.summary, /OOMKilled/);
    assert.match(meaning.detail, /memory/);
  });

  test('the status message is carried into the detail', () => {
    assert.match(explainExit(128, 'StartError', 'exec: "foo": not found').detail, /exec: "foo"/);
  });
});
