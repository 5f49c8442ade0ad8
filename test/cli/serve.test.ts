import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CliIo } from '../../src/cli/io.ts';
import { COMMANDS } from '../../src/cli/commands.ts';
import { describeSettings } from '../../src/config.ts';

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const ioWith = (env: Record<string, string | undefined>) => {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    readStdin: async () => Buffer.alloc(0),
    isTTY: false,
    env,
  };
  return { io, out, err };
};

test('serve is registered, and configuration errors print the whole list and exit 1', async () => {
  const serve = COMMANDS.serve;
  assert.ok(serve);
  const { io, out, err } = ioWith({ SLACK_BOT_TOKEN: 'xoxb-SECRET-VALUE', SLACK_APP_TOKEN: 'not-an-app-token' });
  assert.equal(await serve([], io), 1);
  const text = err.join('');
  assert.match(text, /^exitcode cannot start: 3 settings to fix:\n/);
  assert.match(text, /\n {2}- SLACK_SIGNING_SECRET: required/);
  assert.match(text, /\n {2}- SLACK_APP_TOKEN: expected an app-level token starting with "xapp-"/);
  assert.match(text, /\n {2}- EXITCODE_NAMESPACES: required/);
  assert.ok(!text.includes('SECRET-VALUE') && !text.includes('not-an-app-token'));
  assert.deepEqual(out, []);
});

test('serve --help lists every setting of the schema: name, default, meaning, secret; a stray argument is a usage error', async () => {
  const help = ioWith({});
  assert.equal(await COMMANDS.serve!(['--help'], help.io), 0);
  const text = help.out.join('');
  assert.match(text, /^Usage: exitcode serve/);
  for (const setting of describeSettings()) {
    const block = new RegExp(`\\n {2}${setting.name}\\n {6}(.+)\\n {6}\\((.+)\\)`).exec(text);
    assert.ok(block, `${setting.name} is listed`);
    assert.equal(block[1], setting.description);
    assert.match(
      block[2] ?? '',
      new RegExp(`^default: ${setting.default === undefined ? 'unset' : escapeRegExp(setting.default)}`),
    );
    assert.equal((block[2] ?? '').includes('secret'), setting.secret === true, `${setting.name} secrecy`);
  }
  assert.match(text, /\n {2}SLACK_SIGNING_SECRET\n.*\n.*secret/);
  const stray = ioWith({});
  assert.equal(await COMMANDS.serve!(['--port', '3000'], stray.io), 2);
  assert.match(stray.err.join(''), /unexpected argument "--port"/);
});

test('a start-up failure after the configuration (no kubeconfig) is one line led by "exitcode cannot start"', async () => {
  const { io, out, err } = ioWith({
    SLACK_BOT_TOKEN: 'xoxb-SECRET-VALUE',
    SLACK_SIGNING_SECRET: 'signing-SECRET-VALUE',
    EXITCODE_NAMESPACES: 'shop',
    KUBECONFIG: '/nonexistent/exitcode-test/kubeconfig',
  });
  assert.equal(await COMMANDS.serve!([], io), 1);
  assert.equal(
    err.join(''),
    'exitcode cannot start: No kubeconfig found at /nonexistent/exitcode-test/kubeconfig: set KUBECONFIG (or --kubeconfig FILE on the command line), or run inside a cluster.\n',
  );
  assert.deepEqual(out, []);
});
