/**
 * The exec clues several rules share (a hidden entrypoint, a script "not found", a shell's exec denied),
 * and the boundary that keeps them shared: a rule file imports readings from the shared modules, never
 * from another rule file.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import {
  entrypointHiddenByMount,
  isShellExecDenied,
  PATH_GLUED_TO_FLAG,
  shellPathNotFound,
  shellDeniedPath,
} from '../../../src/diagnosis/rules/exec-clues.ts';
import { launchFailure } from '../../../src/diagnosis/rules/exec-launch-clues.ts';
import { RULES } from '../../../src/diagnosis/rules/index.ts';
import { containerFacts, event, contextFor as podContext, terminated } from '../../fixtures/pods.ts';

const STAT_ENOENT =
  'Error: failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "/srv/app/run.sh": stat /srv/app/run.sh: no such file or directory: unknown';
const attached = event({
  type: 'Normal',
  reason: 'SuccessfulAttachVolume',
  message: 'AttachVolume.Attach succeeded for volume "pvc-1f0c"',
});

describe('entrypointHiddenByMount', () => {
  test('reads the start-failure event when the status message is gone', () => {
    const ctx = podContext({ events: [attached, event({ reason: 'Failed', message: STAT_ENOENT })] });
    assert.deepEqual(entrypointHiddenByMount(ctx), { path: '/srv/app/run.sh', text: STAT_ENOENT });
  });

  test("reads runc's message whatever runtime wraps it", () => {
    const runc =
      'Error: container create failed: runc create failed: unable to start container process: exec: "/srv/app/run.sh": stat /srv/app/run.sh: no such file or directory';
    const ctx = podContext({ events: [attached, event({ reason: 'Failed', message: runc })] });
    assert.equal(entrypointHiddenByMount(ctx)?.path, '/srv/app/run.sh');
  });

  test('reads the status message too', () => {
    const ctx = podContext({ message: STAT_ENOENT, events: [attached] });
    assert.equal(entrypointHiddenByMount(ctx)?.path, '/srv/app/run.sh');
  });

  test("a probe's own exec failure is the probe's problem, not the entrypoint's", () => {
    const probe = event({ reason: 'Unhealthy', message: `Liveness probe errored: ${STAT_ENOENT}` });
    assert.equal(entrypointHiddenByMount(podContext({ events: [attached, probe] })), null);
  });

  test('the container spec names the mount over the entrypoint', () => {
    const ctx = podContext({
      container: containerFacts({
        lastState: terminated(128, 'StartError'),
        volumeMounts: [{ name: 'data', mountPath: '/srv/app', readOnly: false }],
      }),
      events: [event({ reason: 'Failed', message: STAT_ENOENT })],
    });
    assert.equal(entrypointHiddenByMount(ctx)?.mountPath, '/srv/app');
  });

  test('no volume in sight: not hidden', () => {
    assert.equal(
      entrypointHiddenByMount(podContext({ events: [event({ reason: 'Failed', message: STAT_ENOENT })] })),
      null,
    );
  });
});

describe('shellPathNotFound', () => {
  test('a script the log shows launching, then "not found": it exists', () => {
    const ctx = podContext({
      logLines: ['Running /docker-entrypoint.d/10-setup.sh', '/bin/sh: /docker-entrypoint.d/10-setup.sh: not found'],
    });
    assert.deepEqual(
      { path: shellPathNotFound(ctx)?.path, launched: shellPathNotFound(ctx)?.launched },
      { path: '/docker-entrypoint.d/10-setup.sh', launched: true },
    );
  });

  test('a set -x trace naming it is no proof it exists', () => {
    const ctx = podContext({ logLines: ['+ /app/start.sh', '/bin/sh: /app/start.sh: not found'] });
    assert.equal(shellPathNotFound(ctx)?.launched, false);
  });

  test("a relative path without an extension, in dash's numbered format", () => {
    const found = shellPathNotFound(podContext({ logLines: ['sh: 1: bin/migrate: not found'] }));
    assert.deepEqual(
      { path: found?.path, script: found?.script, dash: found?.dash },
      { path: 'bin/migrate', script: false, dash: true },
    );
  });

  test("busybox's format is not dash's", () => {
    assert.equal(shellPathNotFound(podContext({ logLines: ['/bin/sh: /app/server: not found'] }))?.dash, false);
  });

  test('a bare name is looked up on PATH, and a system binary is simply not installed: neither is a path', () => {
    assert.equal(shellPathNotFound(podContext({ logLines: ['sh: 1: gunicorn: not found'] })), null);
    assert.equal(shellPathNotFound(podContext({ logLines: ['sh: 1: /usr/bin/python3: not found'] })), null);
  });
});

describe('launchFailure', () => {
  const cases: [string, string[], { program: string; denied: boolean } | null][] = [
    ['Node spawn', ['Error: spawn ffmpeg ENOENT'], { program: 'ffmpeg', denied: false }],
    [
      'Java ProcessBuilder',
      ['java.io.IOException: Cannot run program "pg_dump" (in directory "/app"): error=2, No such file or directory'],
      { program: 'pg_dump', denied: false },
    ],
    ['Go os/exec', ['fork/exec /plugins/hook: permission denied'], { program: '/plugins/hook', denied: true }],
    [
      'tini, bare name',
      ['[FATAL tini (7)] exec gunicorn failed: No such file or directory'],
      { program: 'gunicorn', denied: false },
    ],
    [
      '.NET Process.Start',
      [
        "System.ComponentModel.Win32Exception (2): An error occurred trying to start process 'wkhtmltopdf' with working directory '/app'. No such file or directory",
      ],
      { program: 'wkhtmltopdf', denied: false },
    ],
    [
      'Perl',
      ['Can\'t exec "convert": No such file or directory at /app/thumbs.pl line 12.'],
      { program: 'convert', denied: false },
    ],
    [
      'Haskell process',
      ['api: pandoc: createProcess: posix_spawnp: does not exist (No such file or directory)'],
      { program: 'pandoc', denied: false },
    ],
    ['Ruby spawn', ['Errno::ENOENT: No such file or directory - git'], { program: 'git', denied: false }],
    [
      'OCaml Unix',
      ['Fatal error: exception Unix.Unix_error(Unix.ENOENT, "create_process", "rsync")'],
      { program: 'rsync', denied: false },
    ],
    [
      'Python subprocess, from the traceback frames',
      [
        'Traceback (most recent call last):',
        '  File "/usr/local/lib/python3.12/subprocess.py", line 1955, in _execute_child',
        "FileNotFoundError: [Errno 2] No such file or directory: 'ffmpeg'",
      ],
      { program: 'ffmpeg', denied: false },
    ],
    [
      'Python opening a data file is no launch',
      ["FileNotFoundError: [Errno 2] No such file or directory: 'ffmpeg'"],
      null,
    ],
    [
      'Ruby opening a file is no launch',
      ['No such file or directory @ rb_sysopen - /app/config.yml (Errno::ENOENT)'],
      null,
    ],
    [
      "a CRLF shebang's interpreter belongs to the line-endings reading",
      ["/usr/bin/env: 'bash\\r': No such file or directory"],
      null,
    ],
  ];
  for (const [name, logLines, expected] of cases) {
    test(name, () => {
      const found = launchFailure(podContext({ logLines }));
      assert.deepEqual(found && { program: found.program, denied: found.denied }, expected);
    });
  }
});

describe('PATH_GLUED_TO_FLAG', () => {
  const cases: [string, boolean][] = [
    ['java.io.FileNotFoundException: /etc/app/application.conf -J-Xmx512m (No such file or directory)', true],
    ['open /etc/agent.yaml --debug: no such file or directory', true],
    ["[Errno 2] No such file or directory: '/etc/app.ini --workers 4'", true],
    ['java.io.FileNotFoundException: /etc/app/application.conf (No such file or directory)', false],
    ['ERROR: range 10-20 is invalid', false],
  ];
  for (const [text, glued] of cases) test(text, () => assert.equal(PATH_GLUED_TO_FLAG.test(text), glued));
});

describe('shell exec denied', () => {
  const cases: [string, string | undefined, boolean][] = [
    ['/bin/sh: 1: /app/run.sh: Permission denied', '/app/run.sh', true],
    ['sh: 1: next: Permission denied', 'next', true],
    ['/entrypoint.sh: line 4: /data/out.log: Permission denied', '/data/out.log', false],
    ['open /data/out.log: Permission denied', undefined, false],
    // A generated script without an extension (Tekton, CI runners) still prefixes its errors with its path.
    ['/tekton/scripts/script-0-x7k2p: line 6: ./hack/release.sh: Permission denied', './hack/release.sh', true],
    ['/builds/ci/step-script: 14: ./scripts/publish: Permission denied', './scripts/publish', true],
  ];
  for (const [text, path, exec] of cases) {
    test(text, () => {
      assert.equal(shellDeniedPath(text), path);
      assert.equal(isShellExecDenied(text), exec);
    });
  }
});

describe('rule files import shared readings from shared modules only', () => {
  const dir = new URL('../../../src/diagnosis/rules/', import.meta.url);
  const ruleFiles = new Set(RULES.map((rule) => `${rule.id}.ts`));
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'index.ts')) {
    test(file, () => {
      const source = readFileSync(new URL(file, dir), 'utf8');
      const imported = [...source.matchAll(/from '\.\/([\w.-]{1,80}\.ts)'/g)].map((m) => m[1]);
      assert.deepEqual(
        imported.filter((name) => name !== undefined && ruleFiles.has(name)),
        [],
        `${file} imports another rule file`,
      );
    });
  }
});
