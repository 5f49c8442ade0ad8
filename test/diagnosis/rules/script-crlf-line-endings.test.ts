import { scriptCrlfLineEndings } from '../../../src/diagnosis/rules/script-crlf-line-endings.ts';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { classifyCase, contextFor, ruleTable } from './helpers.ts';

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
