/**
 * Accuracy on the public crash logs (../shared/crashlogs/public.json): real logs from public issue
 * threads, labelled with the cause the thread established. The rules are general, not shaped to these
 * cases; this test guards against regressions and checks that high confidence means "almost always right".
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { classifyText } from '../../src/diagnosis/engine.ts';
import { parseEventsText } from '../../src/diagnosis/events-text.ts';

const PUBLIC = fileURLToPath(new URL('../../../shared/crashlogs/public.json', import.meta.url));

interface PublicCase {
  id: string;
  exit_code: number | null;
  reason: string | null;
  log: string;
  events: string | string[] | null;
  root_cause_category: string;
}

const load = (): PublicCase[] | null =>
  existsSync(PUBLIC) ? (JSON.parse(readFileSync(PUBLIC, 'utf8')) as PublicCase[]) : null;

const run = (cases: PublicCase[]) =>
  cases.map((c) => {
    const result = classifyText({
      log: c.log,
      exitCode: c.exit_code,
      reason: c.reason,
      events: c.events ? parseEventsText(c.events) : [],
    });
    return { id: c.id, expected: c.root_cause_category, got: result.best.category, confidence: result.best.confidence };
  });

const cases = load();

test('public.json: top-1 accuracy >= 0.90', { skip: cases ? false : `absent: ${PUBLIC}` }, () => {
  const results = run(cases!);
  const correct = results.filter((r) => r.got === r.expected).length;
  const accuracy = correct / results.length;
  const misses = results
    .filter((r) => r.got !== r.expected)
    .map((r) => `${r.id}: ${r.expected} -> ${r.got} (${r.confidence})`);
  assert.ok(
    accuracy >= 0.9,
    `accuracy ${accuracy.toFixed(3)} (${correct}/${results.length}); misses:\n${misses.join('\n')}`,
  );
});

test('public.json: confident answers are right (confidence >= 0.85 -> accuracy >= 0.9)', {
  skip: cases ? false : `absent: ${PUBLIC}`,
}, () => {
  const confident = run(cases!).filter((r) => r.confidence >= 0.85);
  assert.ok(confident.length > 0, 'some answers are confident');
  const right = confident.filter((r) => r.got === r.expected).length;
  assert.ok(right / confident.length >= 0.9, `${right}/${confident.length} confident answers right`);
});

test('public.json: wrong answers are never very confident', { skip: cases ? false : `absent: ${PUBLIC}` }, () => {
  for (const r of run(cases!).filter((x) => x.got !== x.expected)) {
    assert.ok(r.confidence < 0.85, `${r.id}: ${r.got} at ${r.confidence}`);
  }
});
