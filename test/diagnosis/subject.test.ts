/**
 * Headlines carry the subject the evidence names (the variable, the module, the file, host:port, the
 * image, the memory limit), and stay the generic title when the evidence names nothing or only
 * something that merely looks like a subject (a time, a source position, an error code).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classify, classifyText } from '../../src/diagnosis/engine.ts';
import { scanLog } from '../../src/diagnosis/log-scan.ts';
import type { ContainerFacts } from '../../src/diagnosis/types.ts';

const headlineOf = (log: string, exitCode: number | null = 1) => classifyText({ log, exitCode, reason: null }).best;

const NAMED: { name: string; log: string; exitCode?: number; headline: string; subject: string }[] = [
  {
    name: 'the unset variable',
    log: 'Error: STRIPE_API_KEY is required but not set\n    at loadConfig (/app/config.js:12:11)',
    headline: 'STRIPE_API_KEY is not set',
    subject: 'STRIPE_API_KEY',
  },
  {
    name: 'the missing Node.js module',
    log: "node:internal/modules/cjs/loader:1080\n  throw err;\n  ^\n\nError: Cannot find module 'ioredis'\nRequire stack:\n- /app/index.js",
    headline: 'Node.js module `ioredis` is not installed',
    subject: 'ioredis',
  },
  {
    name: 'the missing Python module',
    log: 'Traceback (most recent call last):\n  File "/app/main.py", line 4, in <module>\n    import structlog\nModuleNotFoundError: No module named \'structlog\'',
    headline: 'Python module `structlog` is not installed',
    subject: 'structlog',
  },
  {
    name: 'the missing file',
    log: "Unhandled exception. System.IO.FileNotFoundException: The configuration file 'appsettings.json' was not found and is not optional. The expected physical path was '/app/appsettings.json'.",
    headline: '/app/appsettings.json is missing from the container',
    subject: '/app/appsettings.json',
  },
  {
    name: 'the host and port refused',
    log: 'org.postgresql.util.PSQLException: Connection to orders-db:5432 refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.',
    headline: 'Cannot connect to orders-db:5432',
    subject: 'orders-db:5432',
  },
  {
    name: 'the host that does not resolve',
    log: 'Error: getaddrinfo ENOTFOUND redis-master\n    at GetAddrInfoReqWrap.onlookup [as oncomplete] (node:dns:107:26)',
    headline: 'Host name redis-master does not resolve',
    subject: 'redis-master',
  },
  {
    name: 'the port in use',
    log: 'Failed to bind socket to port 2456: Address already in use',
    headline: 'Port 2456 is already in use',
    subject: '2456',
  },
  {
    name: 'the missing shared library',
    log: '/usr/local/bin/api: error while loading shared libraries: libssl.so.3: cannot open shared object file: No such file or directory',
    exitCode: 127,
    headline: 'Shared library libssl.so.3 is missing from the image',
    subject: 'libssl.so.3',
  },
  {
    name: 'the script, not the shell that ran it',
    log: '/bin/sh: 1: /code/run.sh: Permission denied',
    exitCode: 126,
    headline: '/code/run.sh is not executable',
    subject: '/code/run.sh',
  },
];

for (const c of NAMED) {
  test(`the headline names ${c.name}`, () => {
    const best = headlineOf(c.log, c.exitCode);
    assert.equal(best.headline, c.headline);
    assert.equal(best.subject, c.subject);
    assert.ok(!best.headline?.endsWith('.'), 'no final period');
  });
}

test('the memory limit comes from the container spec', () => {
  const container = { resources: { limits: { memory: '512Mi' }, requests: {} } } as unknown as ContainerFacts;
  const { best } = classify({ exitCode: 137, reason: 'OOMKilled', log: scanLog(''), events: [], container });
  assert.equal(best.headline, 'OOMKilled at its 512Mi memory limit');
  assert.equal(best.subject, '512Mi');
});

test('a time of day is not a port, a source position is not a host, an error code is not a variable', () => {
  const port = headlineOf('2024-06-01 10:35:59 ERROR listen: address already in use');
  assert.equal(port.category, 'port_in_use');
  assert.notEqual(port.subject, '35');
  assert.notEqual(port.subject, '59');
  const refused = headlineOf(
    '  File "/app/consumer.py", line 493, in connect\nConnectionRefusedError: [Errno 111] Connection refused',
  );
  assert.ok(!refused.subject?.includes('consumer.py'), `subject ${refused.subject}`);
  const code = headlineOf(
    'TypeError [ERR_INVALID_ARG_TYPE]: The "path" argument must be of type string. Received undefined',
  );
  assert.notEqual(code.subject, 'ERR_INVALID_ARG_TYPE');
});

test('without a subject the headline is the generic title, and every alternative has a headline', () => {
  const result = classifyText({ log: 'Segmentation fault (core dumped)', exitCode: 139, reason: null });
  assert.equal(result.best.subject, undefined);
  assert.equal(result.best.headline, result.best.title);
  for (const finding of [result.best, ...result.alternatives]) assert.ok(finding.headline, finding.category);
});

test('a secret in the subject is redacted like the rest of the finding', () => {
  const secret = 'sk_live_51HabcdefghijklmnopqrstuvWXyz01';
  const { best } = classifyText({
    log: `Error: ENOENT: no such file or directory, open '/run/${secret}/config.json'`,
    exitCode: 1,
    reason: null,
  });
  assert.equal(best.category, 'missing_file');
  assert.ok(best.subject?.endsWith('/config.json'), `subject ${best.subject}`);
  assert.ok(!`${best.headline} ${best.subject}`.includes(secret), `${best.headline} / ${best.subject}`);
});
