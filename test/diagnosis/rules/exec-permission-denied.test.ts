import { execPermissionDenied } from '../../../src/diagnosis/rules/exec-permission-denied.ts';
import { ruleTable } from './helpers.ts';

ruleTable(execPermissionDenied, 'exec_permission_denied', {
  positives: [
    {
      name: 'dumb-init cannot exec the script',
      log: '[dumb-init] /app/run.sh: Permission denied',
      exitCode: 126,
      min: 0.85,
    },
    { name: 'tini exec failed', log: '[FATAL tini (7)] exec /app/run failed: Permission denied', min: 0.85 },
    {
      name: 'runc exec permission denied',
      log: 'exec /docker-entrypoint.sh: permission denied',
      exitCode: 126,
      min: 0.9,
    },
    { name: 'older runc', log: 'standard_init_linux.go:219: exec user process caused: permission denied', min: 0.9 },
    {
      name: 'status message of a StartError',
      log: '',
      exitCode: 128,
      reason: 'StartError',
      message:
        'failed to create containerd task: OCI runtime create failed: runc create failed: unable to start container process: exec: "/app/run.sh": permission denied: unknown',
      min: 0.9,
    },
    {
      name: 'shell running a script without +x, exit 126',
      log: '/bin/sh: 1: ./start.sh: Permission denied',
      exitCode: 126,
      min: 0.85,
    },
    {
      name: 'script calling a non-executable tool',
      log: '++ kubectl get pod --no-headers\n/opt/cpm/bin/start-watch.sh: line 91: /opt/cpm/bin/kubectl: Permission denied',
      min: 0.6,
    },
    { name: 'exit 126 alone', log: '', exitCode: 126, min: 0.55 },
  ],
  negatives: [
    {
      name: 'shell redirect to an unwritable log file is a data permission',
      log: 'bash: /var/log/app/out.log: Permission denied',
      exitCode: 1,
      best: false,
    },
    {
      name: 'a python permission error on data',
      log: "PermissionError: [Errno 13] Permission denied: '/data/db.sqlite'",
    },
    {
      name: 'help text',
      log: '  -x, --exec   exec the command; fails with permission denied if not executable\nstarted',
    },
  ],
});
