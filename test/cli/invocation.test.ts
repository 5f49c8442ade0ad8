import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { invocationOf } from '../../src/cli/invocation.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

test('hints name the command that ran this process, so they work as printed', () => {
  const cwd = '/home/me/exitcode';
  assert.equal(
    invocationOf({ script: '/home/me/exitcode/src/cli/main.ts', env: { npm_lifecycle_event: 'exitcode' }, cwd }),
    'npm run exitcode --',
  );
  assert.equal(invocationOf({ script: '/home/me/exitcode/src/cli/main.ts', env: {}, cwd }), 'node src/cli/main.ts');
  assert.equal(invocationOf({ script: '/home/me/exitcode/dist/cli/main.js', env: {}, cwd }), 'node dist/cli/main.js');
  assert.equal(
    invocationOf({ script: '/usr/local/bin/exitcode', env: { PATH: '/usr/bin:/usr/local/bin' }, cwd }),
    'exitcode',
  );
  assert.equal(
    invocationOf({ script: '/home/me/exitcode/node_modules/.bin/exitcode', env: { PATH: '/usr/bin' }, cwd }),
    'npx exitcode',
  );
  assert.equal(
    invocationOf({ script: '/srv/tools/exitcode', env: { PATH: '/usr/bin' }, cwd: '/srv' }),
    'tools/exitcode',
  );
  assert.equal(invocationOf({ script: undefined, env: {}, cwd }), 'exitcode');
});

test('--version prints the package version; the help lists it', async () => {
  const run = (args: string[]) => promisify(execFile)(process.execPath, ['src/cli/main.ts', ...args], { cwd: ROOT });
  const { stdout } = await run(['--version']);
  assert.match(stdout, /^exitcode \d+\.\d+\.\d+\n$/);
  const help = await run(['--help']);
  assert.match(help.stdout, /--version/);
  assert.match(help.stdout, /Run "node src\/cli\/main\.ts <command> --help"/);
});
