/**
 * ReDoS proof: every regular expression written anywhere under src/ is checked with recheck and must
 * be "safe" (no exponential or polynomial backtracking). recheck runs on its pure-JS backend so the
 * check needs neither the network, nor Java, nor the optional native binary.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { checkSync } from 'recheck';
import { extractRegexes, type FoundRegex } from '../helpers/regex-literals.ts';

// recheck reads this at call time: the in-process Scala.js checker (no worker, no native agent).
process.env['RECHECK_SYNC_BACKEND'] = 'pure';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });

/**
 * The automaton checker is exact for what it supports (bounded repeats included); for the few
 * features it does not model (look-around around repetitions), fall back to the fuzzing checker.
 */
const verdict = (source: string, flags: string): { status: string; detail: string } => {
  const exact = checkSync(source, flags, { checker: 'automaton', maxRepeatCount: 10_000, timeout: 20_000 });
  const result =
    exact.status === 'unknown' ? checkSync(source, flags, { checker: 'fuzz', timeout: 20_000, randomSeed: 1 }) : exact;
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
      'const e = `tpl ${/in[/]tpl/.source} /no/`;',
      'const f = (x: number) => x / 2;',
      'if (/^ok$/.test(s)) return /ret/;',
      'const g = new RegExp(words.join("|"));',
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
    assert.equal(dynamic.length, 1);
    assert.equal(dynamic[0]?.line, 9);
  });
});

describe('every regex under src/ is linear-time', () => {
  const files = sourceFiles(SRC);
  test('src/ has source files with regexes', () => {
    const total = files.reduce((n, file) => n + extractRegexes(readFileSync(file, 'utf8')).regexes.length, 0);
    assert.ok(total > 20, `found only ${total} regexes: is the extractor broken?`);
  });
  for (const file of files) {
    const name = relative(SRC, file);
    const { regexes, dynamic } = extractRegexes(readFileSync(file, 'utf8'));
    if (regexes.length === 0 && dynamic.length === 0) continue;
    test(name, () => {
      const problems: string[] = [];
      for (const regex of regexes as FoundRegex[]) {
        const { status, detail } = verdict(regex.source, regex.flags);
        if (status !== 'safe')
          problems.push(`line ${regex.line}: /${regex.source}/${regex.flags} is ${status} ${detail}`);
      }
      for (const d of dynamic) problems.push(`line ${d.line}: dynamic RegExp cannot be checked: ${d.text}`);
      assert.deepEqual(problems, []);
    });
  }
});
