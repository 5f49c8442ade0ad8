/**
 * The corpus helper behind the accuracy test, the regression score and `npm run bench`: it says why
 * when ../shared is absent (so they skip with one line), and its scores count what they claim to.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { calibration, type ScoredCase, sharedCorpora, summarize } from './corpus.ts';

test('an absent ../shared is named, file by file, instead of throwing', () => {
  const dir = `${mkdtempSync(join(tmpdir(), 'exitcode-corpus-'))}/`;
  try {
    const none = sharedCorpora(dir);
    assert.ok('absent' in none && none.absent.includes('public.json, public2.json'), JSON.stringify(none));
    writeFileSync(`${dir}public.json`, '[]');
    const one = sharedCorpora(dir);
    assert.ok('absent' in one && one.absent.startsWith('public2.json not found'), JSON.stringify(one));
    writeFileSync(`${dir}public2.json`, '[]');
    const both = sharedCorpora(dir);
    assert.ok('corpora' in both && both.corpora.length === 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('top-1, top-3 and the calibration bands count what they claim', () => {
  const rows: ScoredCase[] = [
    { id: 'a', expected: 'x', ranked: ['x', 'y'], confidence: 0.9 },
    { id: 'b', expected: 'y', ranked: ['x', 'y'], confidence: 0.9 },
    { id: 'c', expected: 'z', ranked: ['x', 'y', 'w', 'z'], confidence: 0.6 },
    { id: 'd', expected: 'x', ranked: ['x'], confidence: 0.2 },
  ];
  assert.deepEqual(summarize(rows), { cases: 4, top1: 0.5, top3: 0.75 });
  const bands = Object.fromEntries(calibration(rows).map((b) => [b.label, `${b.right}/${b.cases}`]));
  assert.deepEqual(bands, { '< 0.50': '1/1', '0.50-0.70': '0/1', '0.70-0.85': '0/0', '>= 0.85': '1/2' });
});
