/**
 * Recall and false positives on the two corpora: every planted secret of every kind is masked (alone,
 * inside the whole corpus as one log, and through the one exit), and the must-keep lines come back
 * unchanged (at most 1 % may change; the figure is printed).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MASK, redact, sanitizeOutgoing } from '../../src/text/outgoing.ts';
import { KEEP_CORPUS } from './keep-corpus.ts';
import { SECRET_CORPUS, SECRET_KINDS } from './secret-corpus.ts';

describe('recall: no planted secret survives', () => {
  test(`the corpus is broad: ${SECRET_CORPUS.length} secrets of ${SECRET_KINDS.length} kinds`, () => {
    assert.ok(SECRET_CORPUS.length >= 150);
    assert.ok(SECRET_KINDS.length >= 60);
  });
  for (const kind of SECRET_KINDS) {
    test(kind, () => {
      for (const { line, secret } of SECRET_CORPUS.filter((s) => s.kind === kind)) {
        const out = redact(line);
        assert.ok(!out.includes(secret), `survived in ${JSON.stringify(out)}`);
        assert.ok(out.includes(MASK), `no mask in ${JSON.stringify(out)}`);
        assert.equal(redact(out), out, 'idempotent');
      }
    });
  }
  test('the whole corpus as one multi-line log, through redact and the one exit', () => {
    const log = SECRET_CORPUS.map((s) => s.line).join('\n');
    for (const out of [redact(log), sanitizeOutgoing(log)])
      for (const { kind, secret } of SECRET_CORPUS) assert.ok(!out.includes(secret), kind);
  });
});

describe('must-keep: ordinary lines stay evidence', () => {
  test(`at most 1 % of ${KEEP_CORPUS.length} lines change`, (t) => {
    const changed = KEEP_CORPUS.filter((line) => redact(line) !== line);
    t.diagnostic(
      `${changed.length} of ${KEEP_CORPUS.length} changed (${((100 * changed.length) / KEEP_CORPUS.length).toFixed(2)} %)`,
    );
    for (const line of changed) t.diagnostic(`changed: ${JSON.stringify(line)} -> ${JSON.stringify(redact(line))}`);
    assert.ok(KEEP_CORPUS.length >= 150);
    assert.ok(changed.length <= KEEP_CORPUS.length / 100, changed.join('\n'));
  });
  test('the must-keep lines joined as one log also stay', () => {
    const log = KEEP_CORPUS.join('\n');
    const out = redact(log).split('\n');
    const changed = out.filter((line, i) => line !== KEEP_CORPUS[i]);
    assert.ok(changed.length <= KEEP_CORPUS.length / 100, changed.join('\n'));
  });
});
