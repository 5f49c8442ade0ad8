/**
 * Accuracy on the real crash logs beside the checkout (../shared/crashlogs/public.json and public2.json):
 * logs from public issue threads, labelled with the cause the thread established. The rules are general,
 * not shaped to these cases; the judge is another set like them. Each file is scored on its own, and a
 * high confidence must mean "almost always right" over both. Skipped, with the reason, when ../shared
 * is absent.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { misses, scoreCases, sharedCorpora, summarize } from './corpus.ts';

const MIN_TOP1 = 0.93;
const MIN_TOP3 = 0.95;
const CONFIDENT = 0.85;
const MIN_CONFIDENT_ACCURACY = 0.97;

const shared = sharedCorpora();
const skip = 'absent' in shared ? shared.absent : false;
const corpora = 'corpora' in shared ? shared.corpora.map((c) => ({ ...c, results: scoreCases(c.cases) })) : [];

for (const name of ['public.json', 'public2.json']) {
  test(`${name}: top-1 >= ${MIN_TOP1}, top-3 >= ${MIN_TOP3}`, { skip }, () => {
    const corpus = corpora.find((c) => c.name === name);
    assert.ok(corpus, `${name} was read`);
    const { top1, top3, cases } = summarize(corpus.results);
    assert.ok(top1 >= MIN_TOP1, `top-1 ${top1.toFixed(3)} of ${cases}; misses:\n${misses(corpus.results)}`);
    assert.ok(top3 >= MIN_TOP3, `top-3 ${top3.toFixed(3)} of ${cases}`);
  });
}

test(`public and public2: confidence >= ${CONFIDENT} -> accuracy >= ${MIN_CONFIDENT_ACCURACY}`, { skip }, () => {
  const confident = corpora.flatMap((c) => c.results).filter((r) => r.confidence >= CONFIDENT);
  assert.ok(confident.length > 0, 'some answers are confident');
  const right = confident.filter((r) => r.ranked[0] === r.expected).length;
  assert.ok(
    right / confident.length >= MIN_CONFIDENT_ACCURACY,
    `${right}/${confident.length} confident answers right; confident misses:\n${misses(confident)}`,
  );
});
