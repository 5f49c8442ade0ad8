import { scriptCrlfLineEndings } from '../../../src/diagnosis/rules/script-crlf-line-endings.ts';
import { ruleTable } from './helpers.ts';

ruleTable(scriptCrlfLineEndings, 'script_crlf_line_endings', {
  positives: [
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
      name: 'exec of a script reporting no such file (ambiguous, modest confidence)',
      log: 'exec /app/entrypoint.sh: no such file or directory',
      min: 0.5,
      max: 0.7,
    },
  ],
  negatives: [
    { name: 'a Go binary exec ENOENT (not a script)', log: 'exec /app/server: no such file or directory', best: false },
    { name: 'an ordinary unknown command', log: '/entrypoint.sh: line 9: jq: command not found' },
    { name: 'set used correctly', log: '+ set -euo pipefail\n+ exec node server.js\nListening on 3000' },
  ],
});
