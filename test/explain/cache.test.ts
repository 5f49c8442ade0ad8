import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createCache, explanationKey } from '../../src/explain/cache.ts';
import { containerDiagnosis, diagnosis, finding } from '../fixtures/diagnoses.ts';

describe('cache', () => {
  test('expires entries after the TTL (injected clock)', () => {
    let now = Date.parse('2026-11-25T12:00:00Z');
    const cache = createCache<string>({ ttlMs: 60_000, clock: () => new Date(now) });
    cache.set('a', 'one');
    now += 59_999;
    assert.equal(cache.get('a'), 'one');
    now += 1;
    assert.equal(cache.get('a'), undefined);
    assert.equal(cache.size, 0);
  });

  test('evicts the least recently used entry when full', () => {
    const cache = createCache<number>({ ttlMs: 60_000, maxEntries: 2, clock: () => new Date(0) });
    cache.set('a', 1);
    cache.set('b', 2);
    assert.equal(cache.get('a'), 1, 'a is now the most recently used');
    cache.set('c', 3);
    assert.equal(cache.get('b'), undefined);
    assert.equal(cache.get('a'), 1);
    assert.equal(cache.get('c'), 3);
  });
});

describe('explanationKey', () => {
  test('same cause, evidence and image: same key, even for another replica and other numbers', () => {
    const one = diagnosis();
    const two = diagnosis({
      pod: 'checkout-7f9c6b4d5-qqqqq',
      containers: [
        containerDiagnosis({
          best: finding({
            evidence: [
              { line: null, text: 'lastState.terminated.reason=OOMKilled exitCode=137', source: 'status' },
              { line: 96, text: 'java.lang.OutOfMemoryError: Java heap space', source: 'log' },
            ],
          }),
        }),
      ],
    });
    assert.equal(explanationKey(one), explanationKey(two));
  });

  test('another cause, other evidence or another image: another key; nothing failing: no key', () => {
    const base = explanationKey(diagnosis());
    assert.notEqual(
      explanationKey(diagnosis({ containers: [containerDiagnosis({ image: 'shop/checkout:1.4.3' })] })),
      base,
    );
    assert.notEqual(
      explanationKey(
        diagnosis({ containers: [containerDiagnosis({ best: finding({ category: 'heap_out_of_memory' }) })] }),
      ),
      base,
    );
    assert.notEqual(
      explanationKey(
        diagnosis({
          containers: [
            containerDiagnosis({
              best: finding({ evidence: [{ line: 3, text: 'Killed by the kernel', source: 'log' }] }),
            }),
          ],
        }),
      ),
      base,
    );
    assert.equal(explanationKey(diagnosis({ healthy: true, containers: [] })), undefined);
  });
});
