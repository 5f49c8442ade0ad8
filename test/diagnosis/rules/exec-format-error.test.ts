import { execFormatError } from '../../../src/diagnosis/rules/exec-format-error.ts';
import { ruleTable } from './helpers.ts';

ruleTable(execFormatError, 'exec_format_error', {
  positives: [
    { name: 'runc: exec format error', log: 'exec /usr/local/bin/server: exec format error', min: 0.9 },
    {
      name: 'older runc wording',
      log: 'standard_init_linux.go:228: exec user process caused: exec format error',
      min: 0.9,
    },
    {
      name: 'in the status message only (StartError)',
      log: '',
      exitCode: 128,
      reason: 'StartError',
      message: 'failed to create containerd task: failed to start shim: exec: "/app/run": exec format error: unknown',
      min: 0.9,
    },
    {
      name: 'shell cannot execute binary file',
      log: 'bash: /opt/tool/bin/tool: cannot execute binary file: Exec format error',
      exitCode: 126,
      min: 0.85,
    },
    {
      name: 'docker platform warning',
      log: "WARNING: The requested image's platform (linux/amd64) does not match the detected host platform (linux/arm64/v8) and no specific platform was requested\nSegmentation fault",
      exitCode: 139,
      min: 0.7,
    },
  ],
  negatives: [
    { name: 'a log about formatting', log: 'ERROR invalid date format error in request body\nINFO retrying' },
    { name: 'a missing binary', log: 'exec /app/server: no such file or directory' },
  ],
});
