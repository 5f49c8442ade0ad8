import { scriptCrlfLineEndings } from '../../../src/diagnosis/rules/script-crlf-line-endings.ts';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { classifyCase, contextFor, ruleTable } from './helpers.ts';

ruleTable(scriptCrlfLineEndings, 'script_crlf_line_endings', {
  positives: [
    {
      name: 'a Ruby exception class written over the start of its own line by a CR-ended argument',
      log: "bundler: failed to load command: sidekiq (/usr/local/bundle/bin/sidekiq)\n (Errno::ENOENT)dle/gems/sidekiq-7.2.0/lib/sidekiq/cli.rb:402:in `read': No such file or directory @ rb_sysopen - config/sidekiq.yml",
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'bash rejecting "nounset\\r" whose message overwrote the line and left letters glued to "name"',
      log: 'Booting worker pool\n: invalid option nameline 2: set: nounset',
      exitCode: 2,
      min: 0.85,
    },
    {
      name: 'a CR-ended command whose "command not found" overwrote the script prefix, letters glued on',
      log: ': command not foundh: line 7: exec',
      exitCode: 127,
      min: 0.85,
    },
    {
      name: 'a CLI quoted a CR-ended subcommand and the closing quote overwrote column 0',
      log: "' Error: unknown command 'serve\nRun 'hugo --help' for usage.",
      exitCode: 1,
      min: 0.8,
      max: 0.84,
    },
    {
      name: 'an argparse program rejects a flag its own usage lists: the flag carried a carriage return',
      log: '+ celery-exporter --verbose\r\nusage: celery-exporter [-h] [--broker-url BROKER_URL] [--port PORT] [--verbose]\ncelery-exporter: error: unrecognized arguments: --verbose\r\n',
      exitCode: 2,
      min: 0.7,
    },
    {
      name: 'busybox run-parts cannot execute a listed entrypoint.d hook (CRLF shebang)',
      log: "/docker-entrypoint.sh: running /docker-entrypoint.d/\nrun-parts: can't execute '/docker-entrypoint.d/10-render-config.sh': No such file or directory",
      exitCode: 1,
      min: 0.65,
      max: 0.84,
    },
    {
      name: 'GNU env quotes a CR-ended interpreter with typographic quotes (python3\\r)',
      log: '/usr/bin/env: ‘python3\\r’: No such file or directory',
      exitCode: 127,
      min: 0.9,
    },
    {
      name: 'a runtime percent-encodes the CR at the end of a path argument (%0D)',
      log: 'Error: Cannot load script "file:///srv/app/server.js%0D": not found',
      exitCode: 1,
      min: 0.6,
    },
    {
      name: 's6/runit could not exec a supervised script that exists (CRLF shebang)',
      log: 's6-supervise: unable to exec /etc/services.d/app/run.sh: No such file or directory',
      min: 0.6,
    },
    {
      name: "bash: $'\\r': command not found",
      log: "/docker-entrypoint.sh: line 2: $'\\r': command not found\n/docker-entrypoint.sh: line 5: syntax error near unexpected token `$'do\\r''",
      min: 0.9,
    },
    { name: 'dash: set: illegal option -', log: '/config/entrypoint.sh: set: line 2: illegal option -', min: 0.85 },
    {
      name: 'shebang with a real CR (env: bash\\r)',
      log: "/usr/bin/env: 'bash\r': No such file or directory",
      exitCode: 127,
      min: 0.85,
    },
    {
      name: 'bad interpreter ^M',
      log: '/bin/sh: ./start.sh: /bin/bash^M: bad interpreter: No such file or directory',
      exitCode: 126,
      min: 0.9,
    },
    {
      name: 'env: a CR pasted as a blank after the interpreter name',
      log: "/usr/bin/env: 'python3 ': No such file or directory",
      exitCode: 127,
      min: 0.85,
    },
    {
      name: 'bash: "#!/bin/bash -e\\r" pasted as "- : invalid option"',
      log: '/usr/bin/bash: - : invalid option\nUsage:\t/usr/bin/bash [GNU long option] [option] ...',
      exitCode: 2,
      min: 0.85,
    },
    {
      name: 'sh -c from the spec cannot find the start script it names: a CRLF shebang first',
      log: 'sh: 1: /srv/etl/run-export.sh: not found',
      exitCode: 127,
      min: 0.55,
    },
    {
      name: 'dash: a hook script the entrypoint launched is "not found"',
      log: 'entrypoint: running hook /app/hooks/pre-start.sh\n/entrypoint.sh: 18: /app/hooks/pre-start.sh: not found',
      exitCode: 127,
      min: 0.65,
      max: 0.8,
    },
    {
      name: 'dash: a release script without an extension, run by relative path after the log shows it starting',
      log: '[release] running bin/seed before start\nsh: 1: bin/seed: not found',
      exitCode: 127,
      min: 0.65,
      max: 0.8,
    },
    {
      name: 'exec of a script reporting no such file (ambiguous, modest confidence)',
      log: 'exec /app/entrypoint.sh: no such file or directory',
      min: 0.5,
      max: 0.7,
    },
    {
      name: 'the CR made the shell message overwrite its own start (terminal-rendered log)',
      log: ': invalid option namep.sh: line 3: set: pipefail',
      exitCode: 2,
      min: 0.85,
    },
    {
      name: 'an argument carries the CR into the program, which quotes it',
      log: "mc: <ERROR> Unable to read config file '/root/.mc/config.json\\r'. No such file or directory.",
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'exec of an extension-less wrapper script: CRLF shebang is the usual cause',
      log: 'exec /usr/local/bin/start-worker: no such file or directory',
      exitCode: 1,
      min: 0.5,
      best: false,
    },
    {
      name: 'a CR-ended path the script passed to a Go program (a real CR in the log)',
      log: 'starting billing\n2024/06/07 10:41:22 open /etc/billing/app.toml\r: no such file or directory',
      exitCode: 1,
      min: 0.9,
    },
    {
      name: 'dash running an if statement from a CRLF script never finds its "then"',
      log: '/docker-entrypoint.sh: 25: Syntax error: end of file unexpected (expecting "then")',
      exitCode: 2,
      min: 0.65,
      max: 0.8,
    },
    {
      name: 'a CRLF-ended argument splits the error at each carriage return',
      log: 'loading settings\r\nfatal: open /etc/relay/relay.yaml\r: no such file or directory',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: "a Python error whose CR-ended path made the terminal rewrite its start ('rror, 'xception)",
      log: "Traceback (most recent call last):\n'rror: [Errno 2] No such file or directory: '/srv/app/settings.toml",
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a CLI rejects a name and suggests the very same one (an invisible CR after it)',
      log: '+ kafka-topics.sh --bootstrap-server kafka:9092 --describe --topic orders\nError: unknown command "orders" for "kafka-admin"\nDid you mean this? orders',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'clap rejects a flag and hints the very same one (a CRLF wrapper passed "--release\\r")',
      log: "error: unexpected argument '--release' found\n\n  tip: a similar argument exists: '--release'\n\nUsage: tool build [OPTIONS]",
      exitCode: 2,
      min: 0.75,
    },
    {
      name: 'a Go service runs its hook script by path and gets ENOENT (the script is there, its shebang is not)',
      log: 'level=info msg="running pre-start hook" path=/etc/agent/hooks/pre-start.sh\nlevel=fatal msg="pre-start hook failed" error="fork/exec /etc/agent/hooks/pre-start.sh: no such file or directory"',
      exitCode: 1,
      min: 0.55,
    },
    {
      name: 'Go flag parser quotes the CR-ended value from a CRLF start script',
      log: 'invalid value "30s\\r" for flag -timeout: parse error\nUsage of /app/worker:',
      exitCode: 2,
      min: 0.85,
    },
    {
      name: 'file(1) pasted under the crash reports the entrypoint script has CRLF line terminators',
      log: 'exec /docker-entrypoint.sh: no such file or directory\n$ file docker/docker-entrypoint.sh\ndocker/docker-entrypoint.sh: Bourne-Again shell script, ASCII text executable, with CRLF line terminators',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a CR-ended chown argument: the errno text overwrote the line and runs on into the covered word',
      log: '+ chown -R app:app /var/lib/app\n: No such file or directoryapp\nstarting app',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a trailing period after a CR-ended path landed on the first digit of the timestamp',
      log: '.024-05-11 07:42:10 ERROR Could not read configuration from /etc/relay/relay.yml',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'busybox ash running an explicitly named .sh from sh -c reports the CRLF shebang as not found',
      log: 'sh: ./docker/start-worker.sh: not found',
      exitCode: 127,
      min: 0.55,
    },
    {
      name: 'a Click worker (rq) given a bare carriage return as an extra argument by a CRLF start script',
      log: "Usage: rq worker [OPTIONS] [QUEUES]...\nTry 'rq worker --help' for help.\n\nError: Got unexpected extra argument (\r)",
      exitCode: 2,
      min: 0.85,
    },
    {
      name: 'cobra quoting a lone \\r as the unknown command (pasted with the CR shown)',
      log: 'Error: unknown command "\\r" for "hugo"\nRun \'hugo --help\' for usage.',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'dash running continuation lines of a CRLF entrypoint as commands of their own',
      log: '/docker-entrypoint.sh: 5: --port: not found\n/docker-entrypoint.sh: 6: --workers=4: not found',
      exitCode: 127,
      min: 0.65,
      max: 0.8,
    },
  ],
  negatives: [
    {
      name: 'file(1) on a config file with CRLF terminators is not about a script',
      log: 'Error: failed to parse conf/app.ini: unexpected character at line 1\n$ file conf/app.ini\nconf/app.ini: ASCII text, with CRLF line terminators',
      exitCode: 1,
    },
    {
      name: 'an ordinary errno message with its program prefix intact is not an overwrite',
      log: "chown: cannot access '/data/app': No such file or directory",
      exitCode: 1,
    },
    {
      name: 'a log line with a fractional-second timestamp starting with a digit is not beheaded',
      log: '1711630212.711630: Error: Unable to open config file /mosquitto/config/mosquitto.conf',
      exitCode: 1,
    },
    {
      name: 'busybox ash not finding a bare program name on PATH is a missing command',
      log: 'sh: wget: not found',
      exitCode: 127,
    },
    {
      name: 'a Ruby exception class on its own line after a normal message (no overwrite)',
      log: "/app/lib/boot.rb:3:in `read': No such file or directory @ rb_sysopen - config/puma.rb\n (Errno::ENOENT)",
      exitCode: 1,
    },
    {
      name: 'a shell rejecting a genuinely unknown set -o option with its script prefix intact',
      log: '/docker-entrypoint.sh: line 2: set: pipefial: invalid option name',
      exitCode: 2,
    },
    {
      name: 'a line that quotes two complete words is not a carriage-return overwrite',
      log: '"GET /healthz HTTP/1.1" 500\nError: "database" is not reachable',
      exitCode: 1,
    },
    {
      name: 'a rejected flag that the usage does not list is a wrong flag, not a carriage return',
      log: 'usage: manage.py migrate [-h] [--noinput] [--database DATABASE]\nmanage.py migrate: error: unrecognized arguments: --no-prompt',
      exitCode: 2,
    },
    {
      name: 'a listed flag among several rejected arguments proves nothing about a carriage return',
      log: 'usage: manage.py migrate [-h] [--noinput] [--database DATABASE]\nmanage.py migrate: error: unrecognized arguments: --noinput extra',
      exitCode: 2,
    },
    {
      name: 'a hook script that ran and failed on its own is not an unexecutable script',
      log: 'psql: error: connection to server on socket "/var/run/postgresql/.s.PGSQL.5432" failed\nrun-parts: /docker-entrypoint-initdb.d/20-seed.sh exited with return code 2',
      exitCode: 1,
    },
    {
      name: 'a flag rejected together with its value was one list item, not a name with a carriage return',
      log: "Usage: gateway [OPTIONS]\nTry 'gateway --help' for help.\n\nError: No such option: --port 4000 (Possible options: --port, --port-file)",
      exitCode: 2,
    },
    {
      name: 'the app launching a binary that is not installed is a missing program, not a CRLF script',
      log: "Error: spawn /usr/bin/ffmpeg ENOENT\n    at ChildProcess._handle.onexit (node:internal/child_process:285:19)\n  errno: -2,\n  code: 'ENOENT'",
      exitCode: 1,
    },
    {
      name: 'a suggestion of a different name is a typo, not a carriage return',
      log: 'ERROR: Unknown plugin analysis-icux, did you mean [analysis-icu]?',
      exitCode: 64,
    },
    {
      name: 'picocli suggesting a different option is a typo, not a carriage return',
      log: "Unknown option: '--optimised'\nPossible solutions: --optimized\nTry 'kc.sh start --help' for more information on the available options.",
      exitCode: 2,
    },
    {
      name: 'a typo whose message repeats on the next line (a stack trace under its summary) is still a typo',
      log: 'fatal exception while booting: unknown setting [xpack.security.enable] did you mean [xpack.security.enabled]?\njava.lang.IllegalArgumentException: unknown setting [xpack.security.enable] did you mean [xpack.security.enabled]?',
      exitCode: 1,
    },
    {
      name: 'a quoted word that is not a beheaded error',
      log: '\'rationale: see ADR-12\' was logged by the migration\nError: relation "users" does not exist',
      exitCode: 1,
    },
    {
      name: 'a percent-encoded space (%20) in a path is not a carriage return',
      log: 'error: Module not found "file:///app/my%20module.ts".',
      exitCode: 1,
    },
    {
      name: 'a supervisor that cannot find the command at all is not a CRLF script',
      log: "2024-05-28 08:12:05,459 INFO spawnerr: can't find command '/usr/local/bin/worker'",
    },
    {
      name: 'a path without a carriage return that is simply missing',
      log: '2024/06/07 10:41:22 open /etc/billing/app.toml: no such file or directory',
      exitCode: 1,
    },
    {
      name: 'a JSON log line ending in an escaped CRLF pair is not a script with CRLF',
      log: '{"level":"error","msg":"upstream said: bad request\\r\\n"}',
      exitCode: 1,
    },
    {
      name: 'a message that merely begins with a colon-separated field',
      log: ': invalid option list in request body',
      exitCode: 1,
    },
    { name: 'a Go binary exec ENOENT (not a script)', log: 'exec /app/server: no such file or directory', best: false },
    { name: 'an ordinary unknown command', log: '/entrypoint.sh: line 9: jq: command not found' },
    { name: 'set used correctly', log: '+ set -euo pipefail\n+ exec node server.js\nListening on 3000' },
    { name: 'an option bash really does not know', log: '/bin/bash: --debugg: invalid option', exitCode: 2 },
    {
      name: 'a script "not found" that nothing shows exists is more likely absent',
      log: '/docker-entrypoint.sh: 12: /app/start.sh: not found',
      exitCode: 127,
    },
    {
      name: 'busybox\'s "not found" for a launched binary is its missing loader, not a shebang',
      log: 'starting /app/server\n/bin/sh: /app/server: not found',
      exitCode: 127,
    },
    {
      name: 'a set -x trace naming the script does not prove it exists',
      log: '+ /app/migrate.sh\n/entrypoint.sh: 7: /app/migrate.sh: not found',
      exitCode: 127,
    },
    {
      name: 'a genuine bash syntax error names the token, not a keyword it expected',
      log: "/app/run.sh: line 12: syntax error near unexpected token `fi'",
      exitCode: 2,
    },
    {
      name: 'a bash-only construct under dash is not CRLF',
      log: '/entrypoint.sh: 4: Syntax error: "(" unexpected',
      exitCode: 2,
    },
    {
      name: 'a Click program given a real extra word is not a carriage return',
      log: "Usage: rq worker [OPTIONS] [QUEUES]...\nTry 'rq worker --help' for help.\n\nError: Got unexpected extra argument (serve)",
      exitCode: 2,
    },
    {
      name: 'one flag line run as a command is a missing backslash as likely as a CR',
      log: '/app/start.sh: line 4: --port: command not found',
      exitCode: 127,
    },
  ],
});

describe('script-crlf-line-endings: literal CR in a shell error', () => {
  test('bash "set: -\\r: invalid option" from a raw CRLF log is recognised and names the script', () => {
    const c = { name: 'raw CR', log: '/app/entrypoint.sh: line 2: set: -\r: invalid option\r\n', exitCode: 2 };
    const finding = scriptCrlfLineEndings.match(contextFor(c));
    assert.ok(finding);
    assert.ok(finding.confidence >= 0.9);
    assert.ok(finding.evidence.some((e) => e.text.includes('set: -\\r: invalid option')));
    assert.ok(finding.nextSteps.some((s) => s.includes("sh -c 'head -1 /app/entrypoint.sh | od -c'")));
    assert.equal(classifyCase(c).best.category, 'script_crlf_line_endings');
  });

  test('the placeholder stays when no line names the script', () => {
    const finding = scriptCrlfLineEndings.match(contextFor({ name: 'sh', log: '/bin/sh: 1: set: Illegal option -' }));
    assert.ok(finding);
    assert.ok(finding.nextSteps.some((s) => s.includes('/path/to/entrypoint.sh')));
  });
});
