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
  scriptNotFound,
  shellDeniedPath,
} from '../../../src/diagnosis/rules/exec-clues.ts';
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

describe('scriptNotFound', () => {
  test('a script the log shows launching, then "not found": it exists', () => {
    const ctx = podContext({
      logLines: ['Running /docker-entrypoint.d/10-setup.sh', '/bin/sh: /docker-entrypoint.d/10-setup.sh: not found'],
    });
    assert.deepEqual(
      { path: scriptNotFound(ctx)?.path, launched: scriptNotFound(ctx)?.launched },
      { path: '/docker-entrypoint.d/10-setup.sh', launched: true },
    );
  });

  test('a set -x trace naming it is no proof it exists', () => {
    const ctx = podContext({ logLines: ['+ /app/start.sh', '/bin/sh: /app/start.sh: not found'] });
    assert.equal(scriptNotFound(ctx)?.launched, false);
  });
});

describe('shell exec denied', () => {
  const cases: [string, string | undefined, boolean][] = [
    ['/bin/sh: 1: /app/run.sh: Permission denied', '/app/run.sh', true],
    ['sh: 1: next: Permission denied', 'next', true],
    ['/entrypoint.sh: line 4: /data/out.log: Permission denied', '/data/out.log', false],
    ['open /data/out.log: Permission denied', undefined, false],
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
