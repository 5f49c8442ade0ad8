import { missingFile } from '../../../src/diagnosis/rules/missing-file.ts';
import { parseEventsText } from '../../../src/diagnosis/events-text.ts';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { containerFacts, event, contextFor as podContext, terminated } from '../../fixtures/pods.ts';
import { ruleTable } from './helpers.ts';

const HIDDEN_ENTRYPOINT =
  'Error: failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "/srv/app/run.sh": stat /srv/app/run.sh: no such file or directory: unknown';

ruleTable(missingFile, 'missing_file', {
  positives: [
    {
      name: 'a definitions file that is not mounted',
      log: "2024-10-04 09:03:00.100 [error] <0.250.0> Definitions file at '/etc/rabbitmq/definitions.json' does not exist\nBOOT FAILED",
      min: 0.75,
    },
    {
      name: "Spring's config import of a missing file",
      log: "Description:\n\nConfig data resource 'file [/config/application-prod.yml]' via location '/config/application-prod.yml' does not exist",
      min: 0.75,
    },
    {
      name: 'a host file mounted before it existed became a directory',
      log: '2024/10/03 09:02:00 read config: read /etc/app/config.json: is a directory',
      min: 0.7,
    },
    {
      name: 'Kestrel HTTPS without a certificate',
      log: 'Unhandled exception. System.InvalidOperationException: Unable to configure HTTPS endpoint. No server certificate was specified, and the default developer certificate could not be found or is out of date.',
      exitCode: 134,
      min: 0.75,
    },
    {
      name: 'Next.js without its build output',
      log: "Error: Could not find a production build in the '.next' directory. Try building your app with 'next build' before starting the production server.",
      min: 0.8,
    },
    {
      name: 'viper finds no config file',
      log: 'Error: Config File "config" Not Found in "[/etc/app /app]"',
      min: 0.75,
    },
    {
      name: "Envoy's invalid certificate path",
      log: "[critical][main] [source/server/server.cc:131] error initializing configuration '/etc/envoy/envoy.yaml': Invalid path: /etc/envoy/certs/tls.crt",
      min: 0.8,
    },
    {
      name: 'a Go template glob matching nothing',
      log: 'panic: html/template: pattern matches no files: `templates/*.html`\n\ngoroutine 1 [running]:\nmain.main()\n\t/src/main.go:21 +0x2e',
      exitCode: 2,
      min: 0.75,
    },
    {
      name: "a venv moved after its scripts' shebangs were written",
      log: '/app/docker-entrypoint.sh: line 9: /app/venv/bin/gunicorn: cannot execute: required file not found',
      exitCode: 127,
      min: 0.55,
    },
    {
      name: '.NET configuration file',
      log: "Unhandled exception. System.IO.FileNotFoundException: The configuration file 'appsettings.Production.json' was not found and is not optional. The expected physical path was '/app/appsettings.Production.json'.\n   at Microsoft.Extensions.Configuration.FileConfigurationProvider.HandleException(ExceptionDispatchInfo info)",
      min: 0.8,
    },
    {
      name: 'python FileNotFoundError',
      log: "Traceback (most recent call last):\n  File \"/app/main.py\", line 5, in <module>\n    open('/etc/app/settings.toml')\nFileNotFoundError: [Errno 2] No such file or directory: '/etc/app/settings.toml'",
      min: 0.8,
    },
    {
      name: 'python cannot open the script',
      log: "python: can't open file '/app/manage.py': [Errno 2] No such file or directory",
      exitCode: 2,
      min: 0.8,
    },
    {
      name: 'node main file missing',
      log: "node:internal/modules/cjs/loader:1080\n  throw err;\n  ^\n\nError: Cannot find module '/usr/src/app/dist/main.js'\n    at Module._resolveFilename (node:internal/modules/cjs/loader:1077:15)",
      min: 0.75,
    },
    { name: 'java jar missing', log: 'Error: Unable to access jarfile /opt/app/app.jar', exitCode: 1, min: 0.8 },
    {
      name: 'nginx include missing',
      log: '2024/01/01 00:00:00 [emerg] 1#1: open() "/etc/nginx/conf.d/upstreams.conf" failed (2: No such file or directory) in /etc/nginx/nginx.conf:30',
      min: 0.75,
    },
    {
      name: 'Java reads a config path that a mount turned into a directory',
      log: 'Exception in thread "main" java.io.FileNotFoundException: /opt/app/config/application.yml (Is a directory)\n\tat java.base/java.io.FileInputStream.open0(Native Method)',
      min: 0.7,
    },
    { name: 'Rust reads a directory', log: 'Error: Is a directory (os error 21)', exitCode: 1, min: 0.7 },
    {
      name: 'a tool finds no config file (not shipped in the image)',
      log: 'ts=2024-06-01T10:00:00Z level=error msg="Could not find configuration file /etc/alloy/config.alloy"',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'an entrypoint under a freshly attached volume (events only: a likely reading)',
      log: '',
      exitCode: 128,
      reason: 'StartError',
      events: parseEventsText([
        'Normal   SuccessfulAttachVolume  2m  attachdetach-controller  AttachVolume.Attach succeeded for volume "pvc-1f0c"',
        `Warning  Failed  30s (x4 over 2m)  kubelet  ${HIDDEN_ENTRYPOINT}`,
      ]),
      min: 0.6,
      max: 0.7,
    },
    {
      name: 'go open',
      log: 'level=fatal msg="cannot load certificate" err="open /certs/tls.crt: no such file or directory"',
      min: 0.7,
    },
  ],
  negatives: [
    {
      name: 'a bare package import is a dependency',
      log: "Error: Cannot find module 'express'\nRequire stack:\n- /app/server.js",
    },
    { name: 'a lookup in app data', log: 'WARN file /data/cache/123 not in index, rebuilding\nINFO ready' },
    {
      name: 'a shared library',
      log: 'app: error while loading shared libraries: libpq.so.5: cannot open shared object file: No such file or directory',
    },
    {
      name: 'no config file is a notice when the app goes on with defaults',
      log: 'WARN No config file found, using defaults\nINFO listening on :8080',
    },
    {
      name: 'a PostgreSQL extension missing from the server is a dependency',
      log: 'django.db.utils.NotSupportedError: extension "postgis" is not available\nDETAIL:  Could not open extension control file "/usr/share/postgresql/16/extension/postgis.control": No such file or directory.',
    },
    {
      name: 'an entrypoint absent with no volume involved is a command that is not in the image',
      log: '',
      exitCode: 128,
      reason: 'StartError',
      events: parseEventsText([`Warning  Failed  30s (x4 over 2m)  kubelet  ${HIDDEN_ENTRYPOINT}`]),
    },
  ],
});

describe('missing-file: an entrypoint hidden by a volume mount (container spec known)', () => {
  const failed = event({ reason: 'Failed', message: HIDDEN_ENTRYPOINT });
  const withMount = (mountPath: string) =>
    podContext({
      container: containerFacts({
        lastState: terminated(128, 'StartError'),
        volumeMounts: [{ name: 'uploads', mountPath, readOnly: false }],
      }),
      events: [failed],
    });

  test('a mount over the entrypoint directory is named, with confidence', () => {
    const found = missingFile.match(withMount('/srv/app'));
    assert.ok(found);
    assert.equal(found.category, 'missing_file');
    assert.ok(found.confidence >= 0.85);
    assert.ok(found.title.includes('/srv/app/run.sh') && found.title.includes('mounted at /srv/app'));
  });

  test('a mount elsewhere (or a sibling prefix) does not explain it', () => {
    assert.equal(missingFile.match(withMount('/srv/app/uploads')), null);
    assert.equal(missingFile.match(withMount('/srv/ap')), null);
  });
});
