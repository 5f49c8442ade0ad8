/**
 * Each subcommand imports only what it uses: the modules a real `exitcode` process resolves, recorded by
 * a preloaded hook. Start-up time itself is measured by `npm run bench -- startup`, not asserted here.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const HOOK = join(ROOT, 'test', 'helpers', 'record-imports.mjs');

const importsOf = async (args: string[]): Promise<string[]> => {
  const file = join(mkdtempSync(join(tmpdir(), 'exitcode-imports-')), 'imports.json');
  await promisify(execFile)(process.execPath, ['--import', HOOK, 'src/cli/main.ts', ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, EXITCODE_RECORD_IMPORTS: file },
  }).catch((error: { code?: number }) => {
    if (typeof error.code !== 'number') throw error;
  });
  return JSON.parse(readFileSync(file, 'utf8')) as string[];
};

const HEAVY = ['/node_modules/@kubernetes/client-node/', '/node_modules/@slack/bolt/', '/node_modules/openai/'];
const heavyIn = (urls: string[]): string[] => HEAVY.filter((dir) => urls.some((url) => url.includes(dir)));

test('--help, --version, serve --help and classify load neither the Kubernetes client, Bolt nor openai', async () => {
  for (const args of [
    ['--help'],
    ['--version'],
    ['serve', '--help'],
    ['classify', '--log', 'examples/node-missing-module.log', '--exit-code', '1'],
  ]) {
    const urls = await importsOf(args);
    assert.ok(
      urls.some((url) => url.endsWith('/src/cli/main.ts')),
      `${args.join(' ')}: the hook saw the CLI`,
    );
    assert.deepEqual(heavyIn(urls), [], args.join(' '));
  }
  const classify = await importsOf(['classify', '--log', 'examples/node-missing-module.log']);
  assert.ok(!classify.some((url) => url.includes('/node_modules/zod/')), 'classify of a plain log does not load zod');
});

test('diagnose loads the Kubernetes client but neither Bolt nor openai', async () => {
  const urls = await importsOf(['diagnose', 'api', '--kubeconfig', '/nonexistent/kubeconfig']);
  assert.deepEqual(heavyIn(urls), ['/node_modules/@kubernetes/client-node/']);
});
