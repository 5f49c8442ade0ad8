/**
 * script_crlf_line_endings: a shell script saved with Windows line endings. The shell sees "bash\r" or
 * "set -e\r", so the shebang is "not found", options are illegal, or $'\r' is an unknown command.
 */
import { kubectl } from '../kubectl.ts';
import type { Rule } from '../rule.ts';
import { execNoSuchFile, finding, hitEvidence, logEvidence, matchSignatures, type Signature } from './log-helpers.ts';

const SIGNATURES: Signature[] = [
  { all: [/\$'\\r'|\\r'/], confidence: 0.95, title: "A shell script has Windows line endings ($'\\r')" },
  { all: [/\^M\b|\^M:/], confidence: 0.93, title: 'A shell script has Windows line endings (^M)' },
  // The scanner turns a bare CR into a line break, so "env: 'bash\r': No such file" arrives as two
  // lines, the second one starting with the quote that followed the CR.
  {
    all: [
      /^['’]: (?:No such file or directory|not found|command not found|invalid option|bad interpreter)|^: invalid option(?: name)?\s*$/,
    ],
    confidence: 0.9,
    title: 'A shell script has Windows line endings (a stray carriage return)',
  },
  {
    all: [/\bset: (?:line )?\d+: (?:illegal|invalid) option -$|\bset: (?:line )?\d+: [Ii]llegal option -\s*$/],
    confidence: 0.9,
    title: 'A shell script has Windows line endings ("set: illegal option -")',
  },
  {
    all: [/\bset: [Ii]llegal option -\s*$|\bset: -\s*: invalid option/],
    confidence: 0.88,
    title: 'A shell script has Windows line endings ("set: illegal option -")',
  },
  {
    all: [/bad interpreter: No such file or directory/],
    confidence: 0.75,
    title: "The script's interpreter line is broken (often CRLF line endings)",
  },
  {
    all: [/syntax error: unexpected end of file/],
    confidence: 0.5,
    title: 'A shell script ends unexpectedly (often CRLF line endings)',
  },
];

export const scriptCrlfLineEndings: Rule = {
  id: 'script-crlf-line-endings',
  match: (ctx) => {
    const steps = [
      `Check the entrypoint for CR characters: ${kubectl.debugCopy(ctx.target, "sh -c 'head -1 /path/to/entrypoint.sh | od -c'")}`,
      'Convert it to LF (dos2unix) and add "*.sh text eol=lf" to .gitattributes, then rebuild the image',
    ];
    const hit = matchSignatures(ctx, SIGNATURES, { status: true });
    if (hit) {
      return finding(ctx, {
        ruleId: 'script-crlf-line-endings',
        category: 'script_crlf_line_endings',
        title: hit.signature.title,
        confidence: hit.confidence,
        evidence: hitEvidence(hit),
        steps,
      });
    }
    // "exec /entrypoint.sh: no such file or directory" for a script that exists: CRLF in the shebang
    // is the usual reason, but a missing interpreter or file prints the same.
    const exec = execNoSuchFile(ctx);
    if (!exec) return null;
    return finding(ctx, {
      ruleId: 'script-crlf-line-endings',
      category: 'script_crlf_line_endings',
      title: 'The entrypoint could not be executed: if it is a script, a CRLF shebang is the usual cause',
      confidence: exec.script ? 0.55 : 0.3,
      evidence:
        exec.line.line > 0 ? logEvidence([exec.line]) : [{ line: null, text: exec.line.text, source: 'status' }],
      steps,
    });
  },
};
