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
    {
      // The program may be installed for root only (pip --user into /root/.local/bin) and unreachable
      // for the container's user: still command_not_found first, but not confidently.
      name: 'not found on PATH while the log names a per-user bin under /root',
      log: 'PATH=/root/.local/bin:/usr/local/bin:/usr/bin:/bin',
      exitCode: 128,
      reason: 'StartError',
      message:
        'failed to create containerd task: OCI runtime create failed: exec: "celery": executable file not found in $PATH: unknown',
      min: 0.6,
      max: 0.8,
    },
    { name: 'busybox ash', log: 'sh: yarn: not found', min: 0.85 },
    { name: 'exit 127 with an empty log', log: '', exitCode: 127, min: 0.6, max: 0.8 },
    {
      name: 'env cannot find the interpreter',
      log: "/usr/bin/env: 'python': No such file or directory",
      exitCode: 127,
      min: 0.8,
    },
    {
      name: 'the .NET CLI: a dotnet tool (dotnet-reportgenerator) absent from the image',
      log: 'Could not execute because the specified command or file was not found.\nPossible reasons for this include:\n  * You misspelled a built-in dotnet command.\n  * You intended to execute a .NET program, but dotnet-reportgenerator does not exist.',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'the .NET muxer in a runtime-only image: an SDK command is taken for an app',
      log: "The command could not be loaded, possibly because:\n  * You intended to execute a .NET application:\n      The application 'build' does not exist.\n  * You intended to execute a .NET SDK command:\n      No .NET SDKs were found.",
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'bundler exec of a gem executable that is not bundled',
      log: 'bundler: command not found: sidekiq\nInstall missing gem executables with `bundle install`',
      exitCode: 127,
      min: 0.85,
    },
    { name: 'poetry run of a tool not in the venv', log: 'Command not found: celery', exitCode: 1, min: 0.85 },
    { name: 'zsh puts the name last', log: 'zsh:1: command not found: pnpm', exitCode: 127, min: 0.85 },
    { name: 'bash without a script prefix', log: 'bash: psql: command not found', exitCode: 127, min: 0.85 },
    {
      name: 'pipenv run',
      log: "Error: the command gunicorn could not be found within PATH or Pipfile's [scripts].",
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'uv run',
      log: 'error: Failed to spawn: `alembic`\n  Caused by: No such file or directory (os error 2)',
      exitCode: 2,
      min: 0.8,
    },
    {
      name: 'Node spawns a tool that is not installed',
      log: "node:events:497\n      throw er; // Unhandled 'error' event\n      ^\n\nError: spawn ffmpeg ENOENT\n    at ChildProcess._handle.onexit (node:internal/child_process:286:19)",
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'Java cannot run a program it looks up on PATH',
      log: 'Exception in thread "main" java.io.IOException: Cannot run program "pg_dump": error=2, No such file or directory\n\tat java.base/java.lang.ProcessBuilder.start(ProcessBuilder.java:1143)',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'Python subprocess: FileNotFoundError for a bare program name, raised from _execute_child',
      log: 'Traceback (most recent call last):\n  File "/app/thumbs.py", line 7, in <module>\n    subprocess.run(["convert", "in.png", "out.webp"], check=True)\n  File "/usr/local/lib/python3.11/subprocess.py", line 1901, in _execute_child\n    raise child_exception_type(errno_num, err_msg, err_filename)\nFileNotFoundError: [Errno 2] No such file or directory: \'convert\'',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'tini with a bare program name',
      log: '[FATAL tini (7)] exec uvicorn failed: No such file or directory',
      exitCode: 127,
      min: 0.85,
    },
    {
      name: 'a relative path "not found" is as likely a broken shebang or loader as an absent program: not sure',
      log: 'sh: 1: bin/server: not found',
      exitCode: 127,
      min: 0.5,
      max: 0.6,
    },
    {
      name: 'podman/crun: the runtime says the command was not found',
      log: '',
      exitCode: 127,
      message:
        'crun: executable file `celery` not found in $PATH: No such file or directory: OCI runtime attempted to invoke a command that was not found',
      min: 0.9,
    },
    {
      name: 'pytesseract finds no tesseract binary in a slim image',
      log: 'Traceback (most recent call last):\n  File "/app/ocr.py", line 14, in extract\n    return pytesseract.image_to_string(img)\npytesseract.pytesseract.TesseractNotFoundError: tesseract is not installed or it\'s not in your PATH. See README file for more information.',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'Selenium cannot find its driver binary',
      log: "selenium.common.exceptions.WebDriverException: Message: 'chromedriver' executable needs to be in PATH.",
      exitCode: 1,
      min: 0.75,
    },
  ],
  negatives: [
    {
      name: 'a whole command line (with escaped quotes) as one list item is the command form, not a missing program',
      log: '',
      exitCode: 128,
      reason: 'StartError',
      message:
        'OCI runtime create failed: runc create failed: unable to start container process: exec: "uvicorn --host 0.0.0.0 --factory \\"app.main:create_app\\"": executable file not found in $PATH: unknown',
    },
    {
      name: 'the .NET host given an app assembly that is not there (the host exists; the .dll name or file is wrong)',
      log: 'Could not execute because the specified command or file was not found.\nPossible reasons for this include:\n  * You misspelled a built-in dotnet command.\n  * You intended to execute a .NET program, but dotnet-Billing.Worker.dll does not exist.\n  * You intended to run a global tool, but a dotnet-prefixed executable with this name could not be found on the PATH.',
      exitCode: 1,
    },
    {
      name: 'a subcommand run as the program (args put in command:) is a wrong command, not a missing program',
      log: '',
      exitCode: 128,
      reason: 'StartError',
      message:
        'OCI runtime create failed: runc create failed: unable to start container process: exec: "server": executable file not found in $PATH: unknown',
    },
    {
      name: 'env: an interpreter name ending in a CR is CRLF, not a missing interpreter',
      log: '/usr/bin/env: ‘node\\r’: No such file or directory',
      exitCode: 127,
    },
    {
      name: 'the .NET host told to run an application named dotnet is the entrypoint repeated in args',
      log: "The command could not be loaded, possibly because:\n  * You intended to execute a .NET application:\n      The application 'dotnet' does not exist.\n  * You intended to execute a .NET SDK command:\n      No .NET SDKs were found.",
    },
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
    {
      name: 'a command and its args given as one executable name is a quoting problem',
      log: '',
      reason: 'StartError',
      message:
        'failed to create containerd task: OCI runtime create failed: runc create failed: unable to start container process: exec: "npm run start": executable file not found in $PATH: unknown',
    },
    {
      name: 'the .NET muxer without the app dll is a missing file',
      log: "The command could not be loaded, possibly because:\n  * You intended to execute a .NET application:\n      The application 'Api.dll' does not exist.\n  * You intended to execute a .NET SDK command:\n      No .NET SDKs were found.",
      exitCode: 1,
      best: false,
    },
    {
      name: 'Python opening a file (no subprocess frame) is a missing file',
      log: "Traceback (most recent call last):\n  File \"/app/main.py\", line 3, in <module>\n    open('settings')\nFileNotFoundError: [Errno 2] No such file or directory: 'settings'",
      exitCode: 1,
    },
    {
      name: 'a Go plugin path that fork/exec cannot run may exist with a missing loader',
      log: 'An error occurred: fork/exec /plugins/velero-plugin-snapshots: no such file or directory',
      exitCode: 1,
      best: false,
    },
    {
      name: 'dotnet run in a runtime image is a dev-time command (bad_command_args), not a missing tool',
      log: "The command could not be loaded, possibly because:\n  * You intended to execute a .NET application:\n      The application 'run' does not exist.\n  * You intended to execute a .NET SDK command:\n      No .NET SDKs were found.",
      exitCode: 145,
    },
    {
      name: 'the Python wrapper library itself missing is missing_dependency',
      log: 'Traceback (most recent call last):\n  File "/app/pdf.py", line 1, in <module>\n    import pdfkit\nModuleNotFoundError: No module named \'pdfkit\'',
      exitCode: 1,
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
