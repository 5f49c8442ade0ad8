import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import { createDemoCommand, demoCommand } from '../../src/cli/demo.ts';
import { diagnoseCommand } from '../../src/cli/diagnose.ts';
import type { CliIo } from '../../src/cli/io.ts';
import { SCENARIOS } from '../../src/demo/scenarios/index.ts';
import type { Diagnosis } from '../../src/diagnosis/types.ts';

const capture = () => {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    readStdin: async () => Buffer.alloc(0),
    isTTY: false,
    env: {},
  };
  return { io, out: () => out.join(''), err: () => err.join('') };
};

const FAILING = SCENARIOS.filter((s) => s.expectedCategory !== null);

describe('exitcode demo --json: every failing scenario is diagnosed as its expected category', () => {
  const lines = new Map<string, { expectedCategory: string; diagnosis?: Diagnosis; error?: string }>();
  let code = -1;
  before(async () => {
    const run = capture();
    code = await demoCommand(['--json'], run.io);
    for (const line of run.out().trimEnd().split('\n')) {
      const parsed = JSON.parse(line) as {
        scenario: string;
        expectedCategory: string;
        diagnosis?: Diagnosis;
        error?: string;
      };
      lines.set(parsed.scenario, parsed);
    }
  });

  test('one JSON line per failing scenario, and no errors', () => {
    assert.deepEqual(
      [...lines.keys()],
      FAILING.map((s) => s.id),
    );
    assert.equal(code, 0);
  });

  for (const scenario of FAILING) {
    test(`${scenario.id} -> ${scenario.expectedCategory}`, () => {
      const line = lines.get(scenario.id);
      assert.equal(line?.error, undefined);
      const diagnosis = line?.diagnosis;
      assert.equal(diagnosis?.namespace, scenario.namespace);
      assert.equal(diagnosis?.healthy, false);
      const classification = diagnosis?.containers[0]?.classification;
      const best = classification?.best;
      if (scenario.expectedAlternative) {
        assert.ok(
          classification?.alternatives.some((a) => a.category === scenario.expectedAlternative),
          `${scenario.id}: ${scenario.expectedAlternative} is among the alternatives`,
        );
      }
      assert.equal(
        best?.category,
        scenario.expectedCategory,
        `${scenario.id}: got "${best?.title}" (alternatives: ${classification?.alternatives.map((a) => a.category).join(', ')})`,
      );
    });
  }
});

describe('exitcode demo', () => {
  test('prints the summary table, two full reports and the next step', async () => {
    const run = capture();
    assert.equal(await demoCommand([], run.io), 0);
    const text = run.out();
    const rows = text.split('\n').filter((l) => /^(shop|payments|data)\//.test(l));
    assert.equal(rows.length, FAILING.length);
    assert.match(text, /^POD +EXIT +CAUSE +CONFIDENCE$/m);
    assert.match(text, /^data\/report-builder-\S+ +137 OOMKilled +oom_killed +\d+%$/m);
    assert.match(text, /^Pod shop\/pricing-\S+ \(deployment\/pricing, revision 12\)/m);
    assert.match(text, /^ {2}Cause: Crashes started .* revision 12 \(image pricing:1\.8\.4 -> pricing:1\.9\.0\)/m);
    assert.match(text, /^Pod shop\/recommendations-\S+ /m);
    assert.match(text, /exitcode demo --serve/);
    assert.equal(run.err(), '');
  });

  test('--serve prints a kubeconfig that exitcode diagnose can use, and stops when asked', async () => {
    let stop = (): void => {};
    const stopped = new Promise<void>((resolve) => {
      stop = resolve;
    });
    const run = capture();
    const serving = createDemoCommand({ waitForStop: () => stopped })(['--serve'], run.io);
    const path = await new Promise<string>((resolve, reject) => {
      const poll = (attempt: number): void => {
        const found = /^Kubeconfig: (.+)$/m.exec(run.out())?.[1];
        if (found) resolve(found);
        else if (attempt > 500) reject(new Error('no kubeconfig path printed'));
        else setTimeout(() => poll(attempt + 1), 10);
      };
      poll(0);
    });
    assert.match(run.out(), /kubectl --kubeconfig \S+ get pods -A/);
    const pod = /exitcode diagnose -n shop (checkout-\S+) --kubeconfig/.exec(run.out())?.[1];
    assert.ok(pod);
    const diagnose = capture();
    assert.equal(await diagnoseCommand([pod, '-n', 'shop', '--kubeconfig', path], diagnose.io), 0, diagnose.err());
    assert.match(diagnose.out(), new RegExp(`^Pod shop/${pod} `, 'm'));
    stop();
    assert.equal(await serving, 0);
    assert.equal(existsSync(path), false);
  });

  test('bad arguments exit 2 with one sentence; --help exits 0', async () => {
    const bad = capture();
    assert.equal(await demoCommand(['--nope'], bad.io), 2);
    assert.match(bad.err(), /^exitcode: .*--nope.*exitcode demo --help/);
    const port = capture();
    assert.equal(await demoCommand(['--port', '8080'], port.io), 2);
    assert.match(port.err(), /only goes with --serve/);
    const help = capture();
    assert.equal(await demoCommand(['--help'], help.io), 0);
    assert.match(help.out(), /^Usage: exitcode demo/);
  });

  test('run through npm, the printed commands are npm commands that exist (they work as printed)', async () => {
    let stop = (): void => {};
    const stopped = new Promise<void>((resolve) => {
      stop = resolve;
    });
    const run = capture();
    run.io.program = 'npm run exitcode --';
    const serving = createDemoCommand({ waitForStop: () => stopped })(['--serve'], run.io);
    await new Promise<void>((resolve, reject) => {
      const poll = (attempt: number): void => {
        if (/Press Ctrl-C/.test(run.out())) resolve();
        else if (attempt > 500) reject(new Error('no hints printed'));
        else setTimeout(() => poll(attempt + 1), 10);
      };
      poll(0);
    });
    const tries = run
      .out()
      .split('\n')
      .filter((line) => /diagnose/.test(line));
    assert.ok(tries.length >= 3);
    for (const line of tries) assert.match(line, /^ {2}(KUBECONFIG=\S+ )?npm run exitcode -- diagnose /);
    const scripts = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).scripts;
    assert.ok(scripts.exitcode, 'package.json has the "exitcode" script the hint runs');
    stop();
    assert.equal(await serving, 0);
  });
});
