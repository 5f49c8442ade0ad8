import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parseFlags } from '../../src/cli/args.ts';
import { classifyCommand } from '../../src/cli/classify.ts';
import type { CliIo } from '../../src/cli/io.ts';
import { LOG_BOUNDS } from '../../src/diagnosis/log-scan.ts';
import { isExitcodeError } from '../../src/errors.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const EXAMPLES = join(ROOT, 'examples');

interface Captured {
  io: CliIo;
  out: () => string;
  err: () => string;
}

const fakeIo = ({
  stdin = '',
  isTTY = false,
  stdinIsTTY = false,
}: {
  stdin?: string | Buffer;
  isTTY?: boolean;
  stdinIsTTY?: boolean;
} = {}): Captured => {
  let out = '';
  let err = '';
  return {
    io: {
      stdout: (text) => {
        out += text;
      },
      stderr: (text) => {
        err += text;
      },
      readStdin: async () => (typeof stdin === 'string' ? Buffer.from(stdin) : stdin),
      isTTY,
      stdinIsTTY,
      env: {},
    },
    out: () => out,
    err: () => err,
  };
};

const run = async (argv: string[], options?: Parameters<typeof fakeIo>[0]) => {
  const captured = fakeIo(options);
  const code = await classifyCommand(argv, captured.io);
  return { code, out: captured.out(), err: captured.err() };
};

let dir = '';
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'exitcode-classify-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});
const file = async (name: string, content: string | Buffer): Promise<string> => {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
};

describe('exitcode classify: one log', () => {
  test('--log --exit-code --json prints one JSON object with the contract keys', async () => {
    const { code, out, err } = await run([
      '--log',
      join(EXAMPLES, 'node-missing-module.log'),
      '--exit-code',
      '1',
      '--json',
    ]);
    assert.equal(code, 0);
    assert.equal(err, '');
    assert.equal(out.trim().split('\n').length, 1);
    const json = JSON.parse(out);
    assert.deepEqual(Object.keys(json).slice(0, 6), [
      'category',
      'confidence',
      'title',
      'evidence',
      'nextSteps',
      'alternatives',
    ]);
    assert.equal(json.category, 'missing_dependency');
    assert.ok(json.confidence > 0 && json.confidence <= 1);
    assert.ok(
      json.evidence.some(
        (e: { line: number; text: string }) => e.line === 8 && e.text.includes("Cannot find module 'express'"),
      ),
    );
    assert.ok(json.nextSteps.length > 0);
    assert.deepEqual(json.exit, { code: 1, reason: null, summary: json.exit.summary });
    assert.match(json.exit.summary, /status 1/);
  });

  test('reads the log from stdin when --log is absent', async () => {
    const { code, out } = await run(['--exit-code', '137', '--reason', 'OOMKilled', '--json'], {
      stdin: 'starting\nloading cache\n',
    });
    assert.equal(code, 0);
    const json = JSON.parse(out);
    assert.equal(json.category, 'oom_killed');
    assert.equal(json.exit.reason, 'OOMKilled');
    assert.match(json.exit.summary, /SIGKILL/);
  });

  test('stdin from a terminal: says it is waiting for the log instead of hanging in silence', async () => {
    const typed = await run(['--exit-code', '1'], { stdin: 'boom\n', stdinIsTTY: true });
    assert.equal(typed.code, 0);
    assert.equal(typed.err, 'Reading the log from standard input: paste it, then press Ctrl-D (or pass --log FILE).\n');
    const piped = await run(['--exit-code', '1'], { stdin: 'boom\n' });
    assert.equal(piped.err, '');
    const fromFile = await run(['--log', join(EXAMPLES, 'go-dns.log')], { stdinIsTTY: true });
    assert.equal(fromFile.err, '');
  });

  test('human output: exit meaning, cause, evidence with line numbers, next steps; no ANSI without a TTY', async () => {
    const { code, out } = await run(['--log', join(EXAMPLES, 'python-missing-env.log'), '--exit-code', '3']);
    assert.equal(code, 0);
    assert.match(out, /^Exit {6}exited with status 3 \(application-specific\)\n/);
    assert.match(out, /Cause .*missing_env_var/);
    assert.match(out, /Cause +DATABASE_URL is not set/, 'the cause names the subject its evidence names');
    assert.match(out, /line \d+ {2}KeyError: 'DATABASE_URL'/);
    assert.match(out, /Next steps\n {2}1\. /);
    assert.ok(!out.includes('\x1b['), 'no colour codes when not a TTY');
  });

  test('colour only on a TTY, and hostile control characters never reach the terminal', async () => {
    const log = await file('hostile.log', "Error: Cannot find module 'x\x1b[2J\x07'\n");
    const { out } = await run(['--log', log, '--exit-code', '1'], { isTTY: true });
    assert.ok(out.includes('\x1b[1m'), 'colour on a TTY');
    assert.ok(!out.includes('\x1b[2J') && !out.includes('\x07'), 'log control characters removed');
  });

  test('--events: describe text fills the status and reaches the rules', async () => {
    const events = await file(
      'events.txt',
      '    Last State:     Terminated\n      Reason:       OOMKilled\n      Exit Code:    137\n  Warning  BackOff  1m (x6 over 9m)  kubelet  Back-off restarting failed container worker',
    );
    const { code, out } = await run(['--log', join(EXAMPLES, 'go-dns.log'), '--events', events, '--json']);
    assert.equal(code, 0);
    const json = JSON.parse(out);
    assert.equal(json.exit.code, 137);
    assert.equal(json.exit.reason, 'OOMKilled');
  });

  test('--events: a JSON array of strings and objects', async () => {
    const events = await file(
      'events.json',
      JSON.stringify([
        'Warning  Failed  12s  kubelet  Error: secret "payments-db" not found',
        { type: 'Warning', reason: 'BackOff', message: 'Back-off restarting failed container' },
      ]),
    );
    const { code, out } = await run(['--reason', 'CreateContainerConfigError', '--events', events, '--json'], {
      stdin: '',
    });
    assert.equal(code, 0);
    assert.equal(JSON.parse(out).category, 'missing_config_reference');
  });

  test('an empty log is not an error: the answer says so', async () => {
    const { code, out } = await run(['--exit-code', '1'], { stdin: '' });
    assert.equal(code, 0);
    assert.match(out, /the log was empty/);
    const json = JSON.parse((await run(['--json'], { stdin: '' })).out);
    assert.equal(json.log.empty, true);
  });

  test('the exit line names the code once, and adds it where the summary does not', async () => {
    const one = await run(['--exit-code', '1'], { stdin: 'boom\n' });
    assert.match(one.out, /^Exit {6}exited with status 1 \(the program reported a failure\)\n/);
    const oom = await run(['--exit-code', '137', '--reason', 'OOMKilled'], { stdin: 'x\n' });
    assert.match(oom.out, /^Exit {6}exit 137: killed by SIGKILL \(memory limit: OOMKilled\)\n/);
    const pull = await run(['--reason', 'ImagePullBackOff'], { stdin: '' });
    assert.match(pull.out, /^Exit {6}the image cannot be pulled \(ImagePullBackOff\)\n/);
    const go = await run(['--exit-code', '2'], { stdin: 'x\n' });
    assert.match(go.out, /^Exit {6}exited with status 2 \(usage error, or a Go panic\)\n/);
  });

  test('a container that never ran: its empty log is no clue, and runc’s 128 is not the program’s status', async () => {
    for (const reason of ['ImagePullBackOff', 'CreateContainerConfigError']) {
      const { out } = await run(['--reason', reason], { stdin: '' });
      assert.doesNotMatch(out, /process wrote nothing/, reason);
    }
    const { out } = await run(['--exit-code', '128', '--reason', 'StartError'], { stdin: '' });
    assert.match(out, /^Exit {6}the container process failed to start \(StartError, exit 128\)\n/);
    assert.doesNotMatch(out, /application-specific|no standard meaning|the container the container/);
  });

  test('nothing known at all: the cause is still a sentence, and one line is "1 log line"', async () => {
    const { out } = await run([], { stdin: 'starting up\n' });
    assert.match(out, /^Cause {5}No known cause found in the log, and no exit code or reason was given \[unknown/m);
    assert.match(out, /\(1 log line read\)\n$/);
  });

  test('a binary log is not an error: the answer says so', async () => {
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    const log = await file('core.bin', bytes);
    const { code, out } = await run(['--log', log, '--exit-code', '139']);
    assert.equal(code, 0);
    assert.match(out, /binary/);
  });

  test('secrets in the log never reach the output', async () => {
    const log = await file(
      'secret.log',
      "connecting with DB_PASSWORD=hunter2hunter2\nError: Cannot find module 'pg' token=ghp_16C7e42F292c6912E7710c838347Ae178B4a\n",
    );
    for (const flags of [['--json'], []]) {
      const { out } = await run(['--log', log, '--exit-code', '1', ...flags]);
      assert.ok(!out.includes('hunter2hunter2') && !out.includes('ghp_16C7e42F'), out);
    }
  });

  test('a log file far beyond the bound: only its tail is read, its real size is reported', async () => {
    const noise = 'INFO request served status=200\n'.repeat(100_000);
    const log = await file('big.log', `${noise}Error: Cannot find module 'express'\n`);
    const { code, out } = await run(['--log', log, '--exit-code', '1', '--json']);
    assert.equal(code, 0);
    const json = JSON.parse(out);
    assert.equal(json.category, 'missing_dependency');
    assert.equal(json.log.totalBytes, noise.length + 36);
    assert.equal(json.log.bytesRead, LOG_BOUNDS.maxBytes);
    assert.equal(json.log.truncated, true);
  });

  test('--help', async () => {
    const { code, out } = await run(['--help']);
    assert.equal(code, 0);
    assert.match(out, /Usage: exitcode classify/);
    assert.match(out, /--cases FILE/);
  });
});

describe('exitcode classify: errors are one clear line', () => {
  const cases: { name: string; argv: () => Promise<string[]>; code: number; message: RegExp }[] = [
    {
      name: 'unknown flag',
      argv: async () => ['--frobnicate'],
      code: 2,
      message: /^exitcode classify: Unknown option --frobnicate\. Run "exitcode classify --help"\.\n$/,
    },
    { name: 'flag without value', argv: async () => ['--log'], code: 2, message: /Option --log needs a value/ },
    { name: 'stray argument', argv: async () => ['app.log'], code: 2, message: /Unexpected argument "app\.log"/ },
    {
      name: 'exit code not a number',
      argv: async () => ['--exit-code', 'abc'],
      code: 2,
      message: /--exit-code must be a number from 0 to 255, got "abc"/,
    },
    {
      name: 'exit code out of range',
      argv: async () => ['--exit-code', '300'],
      code: 2,
      message: /--exit-code must be a number from 0 to 255/,
    },
    {
      name: 'reason with spaces',
      argv: async () => ['--reason', 'out of memory'],
      code: 2,
      message: /--reason must be one word/,
    },
    {
      name: 'missing log file',
      argv: async () => ['--log', join(dir, 'nope.log')],
      code: 1,
      message: /Cannot read .*nope\.log: no such file\./,
    },
    { name: 'log is a directory', argv: async () => ['--log', dir], code: 1, message: /it is a directory/ },
    {
      name: 'malformed events JSON says where',
      argv: async () => [
        '--log',
        join(EXAMPLES, 'go-dns.log'),
        '--events',
        await file('bad-events.json', '[\n  "ok",\n  {"message": }\n]'),
      ],
      code: 2,
      message: /bad-events\.json:3:15: malformed JSON/,
    },
    {
      name: 'events JSON of the wrong shape',
      argv: async () => [
        '--log',
        join(EXAMPLES, 'go-dns.log'),
        '--events',
        await file('shape.json', '[{"reason": "BackOff"}]'),
      ],
      code: 2,
      message: /shape\.json: item 0\.message/,
    },
    {
      name: '--cases with --log',
      argv: async () => ['--cases', 'x.json', '--log', 'y.log'],
      code: 2,
      message: /--cases cannot be combined with --log/,
    },
  ];
  for (const c of cases) {
    test(c.name, async () => {
      const { code, out, err } = await run(await c.argv(), { stdin: '' });
      assert.equal(code, c.code);
      assert.equal(out, '');
      assert.match(err, c.message);
      assert.equal(err.trim().split('\n').length, 1, 'one line');
      assert.ok(!/\n\s+at /.test(err), 'no stack trace');
    });
  }

  test('unreadable file (permission denied)', {
    skip: process.getuid?.() === 0 ? 'root can read anything' : false,
  }, async () => {
    const path = await file('locked.log', 'x');
    await chmod(path, 0o000);
    const { code, err } = await run(['--log', path]);
    assert.equal(code, 1);
    assert.match(err, /permission denied/);
  });
});

describe('exitcode classify --cases', () => {
  test('one line per case and the accuracy summary', async () => {
    const { code, out } = await run(['--cases', join(EXAMPLES, 'cases.json')]);
    assert.equal(code, 0);
    const lines = out.trim().split('\n');
    assert.equal(lines.length, 8);
    assert.match(lines[0] ?? '', /^node-missing-express +missing_dependency +0\.\d\d {2}ok$/);
    assert.match(lines[7] ?? '', /^accuracy 7\/7 = 1\.000$/);
  });

  test('--json: one object per line with id, no summary', async () => {
    const { out } = await run(['--cases', join(EXAMPLES, 'cases.json'), '--json']);
    const objects = out
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    assert.equal(objects.length, 7);
    assert.deepEqual(Object.keys(objects[0]).slice(0, 7), [
      'id',
      'category',
      'confidence',
      'title',
      'evidence',
      'nextSteps',
      'alternatives',
    ]);
    assert.equal(objects[5].id, 'worker-oomkilled');
    assert.equal(objects[5].category, 'oom_killed');
  });

  test('a miss is shown with what was expected; no summary without labels', async () => {
    const labelled = await file(
      'cases-miss.json',
      JSON.stringify([
        {
          id: 7,
          log: "Error: Cannot find module 'x'",
          exit_code: 1,
          reason: null,
          events: '',
          root_cause_category: 'disk_full',
        },
      ]),
    );
    const miss = await run(['--cases', labelled]);
    assert.match(
      miss.out,
      /^7 {2}missing_dependency +0\.\d\d {2}MISS \(expected disk_full\)\naccuracy 0\/1 = 0\.000\n$/,
    );
    const unlabelled = await file('cases-plain.json', JSON.stringify([{ id: 'a', log: '' }]));
    assert.doesNotMatch((await run(['--cases', unlabelled])).out, /accuracy/);
  });

  test('malformed cases JSON says line and column', async () => {
    const path = await file('broken.json', '[\n {"id": "a", "log": "x"},\n {"id": "b" "log": "y"}\n]');
    const { code, err } = await run(['--cases', path]);
    assert.equal(code, 2);
    assert.match(err, /broken\.json:3:13: malformed JSON/);
  });

  test('a case of the wrong shape names the case and the field', async () => {
    const path = await file(
      'shape-cases.json',
      JSON.stringify([
        { id: 'a', log: 'x' },
        { id: 'b', log: 42 },
      ]),
    );
    const { code, err } = await run(['--cases', path]);
    assert.equal(code, 2);
    assert.match(err, /shape-cases\.json: case 1 field "log": /);
  });
});

describe('parseFlags', () => {
  test('returns values and refuses unknown flags with a coded error', () => {
    const options = { name: { type: 'string' }, all: { type: 'boolean' } } as const;
    assert.deepEqual(
      { ...parseFlags({ command: 'x', argv: ['--name', 'a', '--all'], options }).values },
      {
        name: 'a',
        all: true,
      },
    );
    assert.deepEqual(parseFlags({ command: 'x', argv: ['pod-1'], options, positionals: true }).positionals, ['pod-1']);
    assert.throws(
      () => parseFlags({ command: 'diagnose', argv: ['--bogus'], options }),
      (error) =>
        isExitcodeError(error) &&
        error.code === 'bad_input' &&
        error.message === 'Unknown option --bogus. Run "exitcode diagnose --help".',
    );
    assert.throws(
      () => parseFlags({ command: 'x', argv: ['--all=yes'], options }),
      /Option --all does not take a value/,
    );
  });
});

describe('the real binary', () => {
  test('node src/cli/main.ts classify --log examples/... --json', async () => {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['src/cli/main.ts', 'classify', '--log', 'examples/node-missing-module.log', '--exit-code', '1', '--json'],
      { cwd: ROOT },
    );
    assert.equal(stderr, '');
    assert.equal(JSON.parse(stdout).category, 'missing_dependency');
  });
  test('an unknown flag exits 2 with one line on stderr', async () => {
    const result = await promisify(execFile)(process.execPath, ['src/cli/main.ts', 'classify', '--nope'], {
      cwd: ROOT,
    }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
    );
    assert.equal(result.code, 2);
    // The hint is a command that works as printed: this process was run as "node src/cli/main.ts".
    assert.equal(
      result.stderr,
      'exitcode classify: Unknown option --nope. Run "node src/cli/main.ts classify --help".\n',
    );
  });
});
