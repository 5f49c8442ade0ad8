/**
 * ReDoS proof: every regular expression under src/, as it ships (bounded repeats included), is proven
 * linear with recheck. Verdicts are cached in test/diagnosis/redos-cache.json, keyed by a hash of each
 * pattern's flags and source: this test re-checks only new or changed patterns, and fails when the
 * cache is stale (an entry whose pattern no longer ships, or a pattern without an entry).
 *
 * After adding or changing a pattern:  REDOS_UPDATE_CACHE=1 node --import ./test/helpers/network-guard.ts --test test/diagnosis/redos.test.ts
 * The full proof, ignoring the cache:   node --import ./test/helpers/network-guard.ts test/diagnosis/redos-full.ts
 * (or REDOS_FULL=1 on this test). recheck falls back to its pure-JS checker when its native binary is
 * absent; both run offline and give the same verdicts.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import {
  audit,
  CACHE_FILE,
  patternKey,
  readCache,
  serializeCache,
  shippedPatterns,
  verdict,
} from '../helpers/redos-check.ts';
import { extractRegexes } from '../helpers/regex-literals.ts';

const update = process.env.REDOS_UPDATE_CACHE === '1';
const full = process.env.REDOS_FULL === '1';

describe('recheck and the audit can fail', () => {
  test('known-vulnerable patterns are vulnerable, bounded repeats included', () => {
    assert.equal(verdict('(a+)+$', '').status, 'vulnerable');
    assert.equal(verdict('^(a|a)*$', '').status, 'vulnerable');
    assert.equal(verdict('\\w+x', '').status, 'vulnerable', 'unanchored quadratic search');
    assert.equal(verdict('[\\s\\S]*?-----END', '').status, 'vulnerable');
    assert.equal(verdict('(?:a{1,100})+$', '').status, 'vulnerable');
    // The old JWT shape: rescanning up to 8192 characters from every start is O(n·8192).
    assert.equal(verdict('\\beyJ[A-Za-z0-9_-]{5,8192}\\.[A-Za-z0-9_-]{5,8192}', 'g').status, 'vulnerable');
  });
  test('linear patterns pass', () => {
    assert.equal(verdict('^\\d{1,3}$', '').status, 'safe');
    assert.equal(verdict('(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+', 'g').status, 'safe');
  });
  test('a bad pattern fails the audit even with a cache entry claiming it safe; missing and stale entries fail', () => {
    const bad = { source: '(a+)+$', flags: '', where: 'planted' };
    const bounded = { source: '\\beyJ[A-Za-z0-9_-]{5,8192}\\.[A-Za-z0-9_-]{5,8192}', flags: 'g', where: 'planted' };
    const good = { source: '^ok$', flags: '', where: 'planted' };
    const forged = { [patternKey(bad.source, bad.flags)]: { ...bad, status: 'safe' as const, checker: 'forged' } };
    const untrusted = audit({ patterns: [bad, bounded], cache: forged, trustCache: false });
    assert.equal(
      untrusted.problems.filter((p) => p.includes('is vulnerable')).length,
      2,
      untrusted.problems.join('\n'),
    );
    const stale = audit({ patterns: [good], cache: forged, trustCache: true });
    assert.ok(
      stale.problems.some((p) => p.startsWith('stale cache entry')),
      stale.problems.join('\n'),
    );
    assert.ok(
      stale.problems.some((p) => p.includes('has no cache entry')),
      stale.problems.join('\n'),
    );
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

describe('every regex under src/ is linear-time, as it ships', { timeout: 1_800_000 }, () => {
  const { patterns, unjustified, justified } = shippedPatterns();
  test(`src/ has patterns (${patterns.length})`, () => assert.ok(patterns.length > 100, 'is the extractor broken?'));
  test('patterns built at run time carry a // redos: reason', (t) => {
    for (const d of justified) t.diagnostic(`accepted by its // redos: comment: ${d}`);
    assert.deepEqual(unjustified, []);
  });
  test('cached verdicts match what ships; new or changed patterns are proven now', { timeout: 1_800_000 }, (t) => {
    const cache = readCache();
    const result = audit({ patterns, cache, trustCache: !full });
    t.diagnostic(`${result.checked} pattern(s) checked with recheck, the rest trusted from ${CACHE_FILE}`);
    if (update) {
      writeFileSync(CACHE_FILE, serializeCache(result.fresh));
      t.diagnostic(`cache rewritten: ${Object.keys(result.fresh).length} verdicts`);
    }
    const remaining = update
      ? result.problems.filter((p) => !p.includes('has no cache entry') && !p.startsWith('stale cache entry'))
      : result.problems;
    assert.deepEqual(remaining, [], 'run with REDOS_UPDATE_CACHE=1 after proving new patterns safe');
  });
});
