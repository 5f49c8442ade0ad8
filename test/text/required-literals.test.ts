import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { requiredLiterals } from '../../src/text/required-literals.ts';
import { freshBatches, readCorpus, REGRESSION_CORPUS, sharedCorpora } from '../diagnosis/corpus.ts';
import { shippedPatterns } from '../helpers/redos-check.ts';

const anyOf = (pattern: RegExp) => requiredLiterals(pattern)?.anyOf ?? null;

/** The requirement's own claim: when the pattern matches `text`, one of the literals is in it. */
const holds = (pattern: RegExp, text: string): boolean => {
  const requirement = requiredLiterals(pattern);
  if (!requirement) return true;
  const haystack = requirement.caseless ? text.toLowerCase() : text;
  return requirement.anyOf.some((literal) => haystack.includes(literal));
};

describe('requiredLiterals reads what every match contains', () => {
  test('a literal run, and the longest of several required pieces', () => {
    assert.deepEqual(anyOf(/Permission denied/), ['Permission denied']);
    assert.deepEqual(anyOf(/\bno such file\b[^\n]{0,80}\bdirectory/), ['no such file']);
    assert.deepEqual(anyOf(/ab\d+connection refused/), ['connection refused']);
  });

  test('an alternation gives one string per branch; an unreadable branch gives nothing', () => {
    assert.deepEqual(anyOf(/ECONNREFUSED|connection refused/), ['ECONNREFUSED', 'connection refused']);
    assert.deepEqual(anyOf(/\b(?:could not|unable to) connect\b/), ['could not', 'unable to']);
    assert.equal(anyOf(/ECONNREFUSED|\d+/), null);
    assert.deepEqual(anyOf(/ECONNREFUSED|\d+ refused/), ['ECONNREFUSED', ' refused']);
    assert.equal(anyOf(/(?:foo|)barbaz/)?.join(), 'barbaz');
    assert.equal(anyOf(/(?:foo|)/), null);
  });

  test('optional parts and quantified characters are not required; a + keeps one copy', () => {
    assert.deepEqual(anyOf(/colou?r missing/), ['r missing']);
    assert.deepEqual(anyOf(/(?:fatal )?error: bad/), ['error: bad']);
    assert.deepEqual(anyOf(/abcx*yz12/), ['yz12']);
    assert.deepEqual(anyOf(/abcdx+yz/), ['abcdx']);
    assert.deepEqual(anyOf(/abcde{2,3}/), ['abcde']);
    assert.deepEqual(anyOf(/abc{0,2}defg/), ['defg']);
  });

  test('classes, dots, anchors and lookarounds break a run and require nothing', () => {
    assert.deepEqual(anyOf(/^ERROR[:\]] cannot start/), [' cannot start']);
    assert.deepEqual(anyOf(/(?<![\w.-])timeout.expired/), ['timeout']);
    assert.deepEqual(anyOf(/(?=secret)token value/), ['token value']);
    assert.equal(anyOf(/(?=secret)\d+/), null);
  });

  test('escapes: punctuation and control characters are literal, class escapes and references are not', () => {
    assert.deepEqual(anyOf(/exit\.code\/\(1\)/), ['exit.code/(1)']);
    assert.deepEqual(anyOf(/line\none/), ['line\none']);
    assert.deepEqual(anyOf(/(["'])quoted\1 value/), ['quoted']);
    assert.deepEqual(anyOf(/abcd\x41def/), ['abcd']);
    assert.deepEqual(anyOf(/(?<q>x)abcd\k<q>/), ['abcd']);
  });

  test('case-insensitive patterns give lower-case literals; non-ASCII letters are not read', () => {
    assert.deepEqual(requiredLiterals(/Out Of Memory/i), { anyOf: ['out of memory'], caseless: true });
    assert.deepEqual(anyOf(/abcé fgh/i), [' fgh']);
    assert.deepEqual(anyOf(/abc\u00e9defg/), ['defg']);
  });

  test('nothing useful: short literals, too many branches, Unicode mode, inline modifiers', () => {
    assert.equal(anyOf(/ab\d/), null);
    assert.equal(anyOf(/one1|two2|thr3|fou4|fiv5|six6|sev7|eig8|nin9|ten0|ele1|twe2|thi3/), null);
    assert.equal(anyOf(/Permission denied/u), null);
    assert.equal(anyOf(/[A-Z]\d{3}/), null);
  });

  test('property: on strings built from the pattern pieces, every match holds a literal', () => {
    const patterns = [
      /\b(?:could not|unable to) (?:connect|reach)\b/,
      /ab?c(?:de|fg)+h/,
      /x(?:yz|w)?\b(?:uvw)/i,
      /(?<!a)bcd(?=e)|fgh$/,
      /p{2}q+rs?t/,
    ];
    const pieces = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'x', 'y', 'z', 'w', 'uvw', 'UVW', 'X', 'p', 'q', 'r', 's'];
    const words = ['could not', 'unable to', ' ', 'connect', 'reach', 'de', 'fg', 't', '\n', 'YZ'];
    const text = fc.array(fc.constantFrom(...pieces, ...words), { maxLength: 14 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (s) => patterns.every((pattern) => !pattern.test(s) || holds(pattern, s))),
      { numRuns: 3000 },
    );
  });
});

// The whole sweep takes about a minute on 2 cores: npm test tries every 8th labelled case, CI all of them.
const EVERY_NTH_CASE = process.env.REQUIRED_LITERALS_FULL === '1' ? 1 : 8;

describe('every shipped pattern of the diagnosis, on labelled logs', () => {
  // The signature prefilter skips a pattern on a log without its literals: that is only sound if no text
  // the pattern matches lacks them. A pattern that sees only whole lines (anchors, lookarounds) is also
  // tried line by line; for the others a line's match is a match in the whole log.
  test(`a pattern never matches a text that lacks its required literals (every ${EVERY_NTH_CASE === 1 ? '' : `${EVERY_NTH_CASE}th `}case)`, () => {
    const shared = sharedCorpora();
    const cases = [
      ...('corpora' in shared ? shared.corpora : []),
      { name: 'regression-corpus.json', cases: readCorpus(REGRESSION_CORPUS) },
      ...freshBatches(),
    ]
      .flatMap((c) => c.cases)
      .filter((_, i) => i % EVERY_NTH_CASE === 0);
    const wholes = cases.flatMap((k) => [k.log, ...(k.events ?? [])]);
    const lines = cases.flatMap((k) => k.log.split('\n'));
    const patterns = shippedPatterns()
      .patterns.filter((p) => p.where.startsWith('diagnosis/'))
      .flatMap((p) => {
        const pattern = new RegExp(p.source, p.flags.replace(/[gy]/g, ''));
        const requirement = requiredLiterals(pattern);
        const seesLines = /[\^$]|\(\?<?[=!]/.test(p.source);
        return requirement ? [{ pattern, requirement, seesLines, where: p.where }] : [];
      });
    assert.ok(patterns.length > 1000, `${patterns.length} patterns with a requirement`);
    const lowered = new Map<string, string>();
    const unsound: string[] = [];
    for (const { pattern, requirement, seesLines, where } of patterns) {
      for (const text of seesLines ? [...wholes, ...lines] : wholes) {
        let haystack = text;
        if (requirement.caseless) {
          haystack = lowered.get(text) ?? text.toLowerCase();
          lowered.set(text, haystack);
        }
        if (requirement.anyOf.some((literal) => haystack.includes(literal))) continue;
        if (pattern.test(text)) unsound.push(`${where}: ${JSON.stringify(text.slice(0, 120))}`);
      }
    }
    assert.deepEqual(unsound, []);
  });
});
