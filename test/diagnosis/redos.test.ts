/**
 * ReDoS proof: every regular expression written anywhere under src/ is checked with recheck and must
 * be "safe" (no exponential or polynomial backtracking). recheck uses its native binary when the
 * optional package is installed and otherwise falls back to its pure-JS (Scala.js) checker by itself:
 * both run offline and give the same verdicts (checked with RECHECK_SYNC_BACKEND=pure).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { checkSync } from 'recheck';
import { HOST, IPV4 } from '../../src/explain/anonymize.ts';
import { capBoundedRepeats, extractRegexes, type FoundRegex } from '../helpers/regex-literals.ts';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
/** Generous: the machine may be busy, and a timeout counts as a failure (status "unknown"). */
const CHECK_TIMEOUT_MS = 30_000;

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });

/**
 * recheck's "auto" picks the automaton (exact) or fuzzing checker; a fixed seed keeps fuzzing
 * deterministic. Large bounded repeats are capped first (see capBoundedRepeats: they are not loops).
 * For features the automaton does not model, auto may answer "unknown": fuzz then decides.
 */
const verdict = (pattern: string, flags: string): { status: string; detail: string } => {
  const source = capBoundedRepeats(pattern);
  const first = checkSync(source, flags, { checker: 'auto', timeout: CHECK_TIMEOUT_MS, randomSeed: 1 });
  const result =
    first.status === 'unknown' && first.error.kind === 'unsupported'
      ? checkSync(source, flags, { checker: 'fuzz', timeout: CHECK_TIMEOUT_MS, randomSeed: 1 })
      : first;
  const detail =
    result.status === 'vulnerable'
      ? `${result.complexity.type}, attack ${JSON.stringify(result.attack.pattern)}`
      : result.status === 'unknown'
        ? JSON.stringify(result.error)
        : '';
  return { status: result.status, detail };
};

describe('recheck itself', () => {
  test('flags known-vulnerable patterns (the check can fail)', () => {
    assert.equal(verdict('(a+)+$', '').status, 'vulnerable');
    assert.equal(verdict('^(a|a)*$', '').status, 'vulnerable');
    assert.equal(verdict('\\w+x', '').status, 'vulnerable', 'unanchored quadratic search');
    assert.equal(verdict('[\\s\\S]*?-----END', '').status, 'vulnerable');
  });
  test('capping bounded repeats keeps loops', () => {
    assert.equal(capBoundedRepeats('[a-z]{0,4096}x{2}y{3,}z{10}[{]{9}\\{99}'), '[a-z]{0,4}x{2}y{3,}z{4}[{]{4}\\{99}');
    assert.equal(verdict('(?:a{1,100})+$', '').status, 'vulnerable');
  });
  test('passes linear patterns', () => {
    assert.equal(verdict('^\\d{1,3}$', '').status, 'safe');
    assert.equal(verdict('\\bAKIA[A-Z0-9]{16}\\b', 'g').status, 'safe');
  });
});

describe('regex extraction', () => {
  test('finds literals and RegExp strings, skips strings, comments and division', () => {
    const code = [
      '#!/usr/bin/env node',
      'const a = /x+y/gi; // not /this/',
      "const b = 'not /a regex/';",
      '/* nor /this/ */ const c = 4 / 2 / 1;',
      "const d = new RegExp('\\\\d{1,3}', 'u');",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: this is source code for the extractor
      'const e = `tpl ${/in[/]tpl/.source} /no/`;',
      'const f = (x: number) => x / 2;',
      'if (/^ok$/.test(s)) return /ret/;',
      'const g = new RegExp(words.join("|"));',
      '// redos: alternation of escaped literal words',
      'const h = new RegExp(escaped.join("|"));',
    ].join('\n');
    const { regexes, dynamic } = extractRegexes(code);
    assert.deepEqual(
      regexes.map((r) => [r.source, r.flags, r.line]),
      [
        ['x+y', 'gi', 2],
        ['\\d{1,3}', 'u', 5],
        ['in[/]tpl', '', 6],
        ['^ok$', '', 8],
        ['ret', '', 8],
      ],
    );
    assert.deepEqual(
      dynamic.map((d) => [d.line, d.justified]),
      [
        [9, false],
        [11, true],
      ],
    );
  });
});

describe('patterns built at run time (justified by a // redos: comment at their RegExp)', () => {
  test('explain/anonymize.ts: HOST, IPV4 and their alternation with escaped names', () => {
    const names = '(?<![A-Za-z0-9_-])(?:checkout-api|checkout|shop\\.example)(?![A-Za-z0-9_-])';
    const composed = [names, HOST, IPV4, names].map((p) => `(?:${p})`).join('|');
    for (const source of [HOST, IPV4, composed]) assert.equal(verdict(source, 'g').status, 'safe', source);
  });
});

describe('every regex under src/ is linear-time', { timeout: 600_000 }, () => {
  const files = sourceFiles(SRC);
  test('src/ has source files with regexes', () => {
    const total = files.reduce((n, file) => n + extractRegexes(readFileSync(file, 'utf8')).regexes.length, 0);
    assert.ok(total > 20, `found only ${total} regexes: is the extractor broken?`);
  });
  for (const file of files) {
    const name = relative(SRC, file);
    const { regexes, dynamic } = extractRegexes(readFileSync(file, 'utf8'));
    if (regexes.length === 0 && dynamic.length === 0) continue;
    test(name, { timeout: 300_000 }, (t) => {
      const problems: string[] = [];
      for (const regex of regexes as FoundRegex[]) {
        const { status, detail } = verdict(regex.source, regex.flags);
        if (status !== 'safe')
          problems.push(`line ${regex.line}: /${regex.source}/${regex.flags} is ${status} ${detail}`);
      }
      for (const d of dynamic) {
        // A dynamic pattern is accepted only with a written reason (// redos: ...), shown in the output.
        if (d.justified) t.diagnostic(`line ${d.line}: dynamic RegExp accepted by its // redos: comment`);
        else problems.push(`line ${d.line}: dynamic RegExp cannot be checked (add a // redos: reason): ${d.text}`);
      }
      assert.deepEqual(problems, []);
    });
  }
});
