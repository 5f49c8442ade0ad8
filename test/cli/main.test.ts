/**
 * The `exitcode` entry point as a person runs it: the real process, its output and its exit status.
 */
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const exitcode = (args: string[]) =>
  promisify(execFile)(process.execPath, ['src/cli/main.ts', ...args], { cwd: ROOT }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      stdout: error.stdout,
      stderr: error.stderr,
    }),
  );

test('"exitcode help <command>" prints that command\'s help, like "<command> --help"', async () => {
  const viaHelp = await exitcode(['help', 'classify']);
  const viaFlag = await exitcode(['classify', '--help']);
  assert.equal(viaHelp.code, 0);
  assert.match(viaHelp.stdout, /^Usage: exitcode classify /);
  assert.equal(viaHelp.stdout, viaFlag.stdout);
});

test('"exitcode help" and an unknown topic print the command list', async () => {
  for (const args of [['help'], ['help', 'nope']]) {
    const { code, stdout } = await exitcode(args);
    assert.equal(code, 0);
    assert.match(stdout, /^exitcode: why did my container die/);
    assert.match(stdout, /\n {2}diagnose /);
  }
});

test('a reader that closes the pipe early (exitcode demo | head) ends the output quietly', async () => {
  const child = spawn(process.execPath, ['src/cli/main.ts', 'demo'], { cwd: ROOT });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  child.stdout.once('data', () => child.stdout.destroy());
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.equal(stderr, '');
  assert.equal(code, 0);
});
