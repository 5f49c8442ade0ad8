import { commandNotFound } from '../../../src/diagnosis/rules/command-not-found.ts';
import { parseEventsText } from '../../../src/diagnosis/events-text.ts';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { contextFor, ruleTable } from './helpers.ts';

ruleTable(commandNotFound, 'command_not_found', {
  positives: [
    {
      name: 'runtime: an absolute entrypoint path that is not in the image (no volume involved)',
      log: '',
      exitCode: 128,
      reason: 'StartError',
      events: parseEventsText([
        'Warning  Failed  8s (x2 over 9s)  kubelet  Error: failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "/usr/local/bin/worker": stat /usr/local/bin/worker: no such file or directory: unknown',
      ]),
      min: 0.7,
    },
    {
      name: 'under a set -x trace the answer is less sure',
      log: "+ echo 'starting  serve'\nstarting  serve\n+ exec serve\n/entrypoint.sh: line 9: exec: serve: not found",
      exitCode: 127,
      min: 0.7,
      max: 0.8,
    },
    {
      name: 'supervisord cannot find a program',
      log: "2024-06-01 08:00:00,101 INFO supervisord started with pid 1\n2024-06-01 08:00:01,104 INFO spawnerr: can't find command '/usr/local/bin/php-fpm8.2'\n2024-06-01 08:00:04,110 INFO gave up: php-fpm entered FATAL state, too many start retries too quickly",
      min: 0.8,
    },
    {
      name: 'dash exec of a missing program',
      log: '/docker-entrypoint.sh: 12: exec: /app/server: not found',
      exitCode: 127,
      min: 0.85,
    },
    { name: 'dash: gunicorn not found', log: '/bin/sh: 1: gunicorn: not found', exitCode: 127, min: 0.9 },
    {
      name: 'bash command not found in a script',
      log: '/entrypoint.sh: line 12: envsubst: command not found',
      exitCode: 127,
      min: 0.85,
    },
    {
      name: 'runtime: executable file not found in $PATH (status message)',
      log: '',
      exitCode: 128,
      reason: 'StartError',
      message:
        'failed to create containerd task: OCI runtime create failed: exec: "uvicorn": executable file not found in $PATH: unknown',
      min: 0.9,
    },
    { name: 'busybox ash', log: 'sh: yarn: not found', min: 0.85 },
    { name: 'exit 127 with an empty log', log: '', exitCode: 127, min: 0.6, max: 0.8 },
    {
      name: 'env cannot find the interpreter',
      log: "/usr/bin/env: 'python': No such file or directory",
      exitCode: 127,
      min: 0.8,
    },
  ],
  negatives: [
    {
      name: "an exec probe's missing command is the probe's problem",
      log: '2024-10-04 09:11:00.100 UTC [1] LOG:  database system is ready to accept connections\n2024-10-04 09:12:30.100 UTC [1] LOG:  received fast shutdown request',
      exitCode: 0,
      events: parseEventsText([
        'Warning  Unhealthy  1m (x6 over 3m)  kubelet  Liveness probe failed: OCI runtime exec failed: exec failed: unable to start container process: exec: "pg_isready": executable file not found in $PATH: unknown',
        'Normal   Killing    1m (x2 over 3m)  kubelet  Container db failed liveness probe, will be restarted',
      ]),
    },
    {
      name: 'a flag run as the program is an argument problem',
      log: '/docker-entrypoint.sh: exec: line 47: -p: not found',
      exitCode: 127,
    },
    {
      name: 'a set -x trace with an empty exec',
      log: "+ echo 'starting worker'\nstarting worker\n+ exec ''\n/entrypoint.sh: line 14: exec: : not found",
      exitCode: 127,
    },
    {
      name: 'CRLF in the command name is a line-ending problem',
      log: "/start.sh: line 3: $'\\r': command not found",
      exitCode: 127,
    },
    { name: 'HTTP 404 is not a missing command', log: 'GET /health 404 not found\nGET /api 200' },
    { name: 'a user record not found', log: 'ERROR user 42: not found\nINFO continuing' },
    {
      name: 'a script the entrypoint launched, then "not found", exists: its shebang is what is missing',
      log: 'entrypoint: running hook /app/hooks/pre-start.sh\n/entrypoint.sh: 18: /app/hooks/pre-start.sh: not found',
      exitCode: 127,
    },
    {
      name: 'a flag put in command: the runtime execs the flag',
      log: '',
      exitCode: 128,
      reason: 'StartError',
      events: parseEventsText([
        'Warning  Failed  12s (x3 over 40s)  kubelet  Error: failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "--config.file=/etc/agent/agent.yaml": stat --config.file=/etc/agent/agent.yaml: no such file or directory: unknown',
      ]),
    },
    {
      name: 'an entrypoint under a freshly mounted volume is hidden by it',
      log: '',
      exitCode: 128,
      reason: 'StartError',
      events: parseEventsText([
        'Normal   SuccessfulAttachVolume  2m  attachdetach-controller  AttachVolume.Attach succeeded for volume "pvc-1f0c"',
        'Warning  Failed  30s (x4 over 2m)  kubelet  Error: failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "/srv/app/run.sh": stat /srv/app/run.sh: no such file or directory: unknown',
      ]),
    },
    {
      name: 'exit 127 with exec ENOENT on an existing binary is not a missing command',
      log: 'exec /usr/local/bin/server: no such file or directory',
      exitCode: 127,
    },
  ],
});

describe('command-not-found: next steps', () => {
  const lookup = (log: string, message: string | null = null) =>
    commandNotFound
      .match(contextFor({ name: 'x', log, exitCode: 127, message }))
      ?.nextSteps.find((s) => s.includes('command -v'));

  test('$PATH is single-quoted so it expands in the pod, and the missing program is named', () => {
    assert.ok(lookup('/docker-entrypoint.sh: 5: psql: not found')?.endsWith("-- sh -c 'echo $PATH; command -v psql'"));
    assert.ok(lookup('/entrypoint.sh: line 12: envsubst: command not found')?.includes('command -v envsubst'));
    assert.ok(
      lookup('', 'OCI runtime create failed: exec: "foo": executable file not found in $PATH: unknown')?.includes(
        'command -v foo',
      ),
    );
  });

  test('the placeholder stays when the log names no program', () => {
    assert.ok(lookup('')?.includes("sh -c 'echo $PATH; command -v <name>'"));
  });
});
