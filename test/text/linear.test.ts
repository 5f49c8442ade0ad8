/**
 * Redaction costs O(n) on any repetitive input, through every path (redact alone, unclipped; the one
 * exit, which clips; redactDeep; the display pass; the `logs N` / `logs all` path). Measured as work, not as a deadline: the CPU time
 * (process.cpuUsage, the best of several runs) at n and at 4n characters. Linear work grows about 4x,
 * quadratic 16x; the test allows 9x, so a busy machine does not fail it and a quadratic path cannot pass.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { analysisJobs } from '../../src/services/analysis-jobs.ts';
import { neutralizeDisplay, redact, redactDeep, sanitizeOutgoing } from '../../src/text/outgoing.ts';
import { HOSTILE_UNITS, hostileLine } from './hostile-shapes.ts';

const SMALL = 32 * 1024;
const LARGE = 4 * SMALL;
const MAX_GROWTH = 9;

const cpuMicros = (run: () => unknown): number => {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return used.user + used.system;
};
const bestOf = (runs: number, run: () => unknown): number =>
  Math.min(...Array.from({ length: runs }, () => cpuMicros(run)));

/** Growth of the cost from n to 4n; measured twice when the first reading is high (a busy neighbour). */
const growth = (path: (text: string) => unknown, unit: string): number => {
  const small = hostileLine(unit, SMALL);
  const large = hostileLine(unit, LARGE);
  const once = (): number =>
    bestOf(5, () => path(large)) /
    Math.max(
      200,
      bestOf(5, () => path(small)),
    );
  const first = once();
  return first <= MAX_GROWTH ? first : Math.min(first, once());
};

const PATHS: Record<string, (text: string) => unknown> = {
  redact,
  sanitizeOutgoing,
  redactDeep: (text) => redactDeep({ message: text, nested: [text.slice(0, 1000)] }),
  neutralizeDisplay,
  // `logs N` and `logs all`: the last lines of a log, clipped, then redacted as one text.
  'logs path': (text) => analysisJobs.logLines({ raw: text, tailLines: 5000 }),
};

describe('the measure', () => {
  test('flags a quadratic path (a scan from every position, as the old key=value pattern did)', () => {
    const quadratic = (text: string): number => {
      let found = 0;
      for (let i = 0; i < text.length; i += 2) found += text.indexOf('\u0000', i) < 0 ? 0 : 1;
      return found;
    };
    assert.ok(growth(quadratic, 'a=') > MAX_GROWTH);
  });
});

describe('redaction work grows linearly with the input', () => {
  for (const [name, unit] of Object.entries(HOSTILE_UNITS)) {
    test(`named shape ${JSON.stringify(name)} through redact and the one exit`, () => {
      for (const path of ['redact', 'sanitizeOutgoing', 'logs path'] as const) {
        const ratio = growth(PATHS[path] as (text: string) => unknown, unit);
        assert.ok(ratio <= MAX_GROWTH, `${path}: cost grew ${ratio.toFixed(1)}x from ${SMALL} to ${LARGE} chars`);
      }
    });
  }
  test('any repetitive shape, through every path (fast-check)', () => {
    const alphabet = fc.constantFrom(
      ...'aA0=:/"\'\\-._% \t\n@?&;,{}[]<>#+~|'.split(''),
      'eyJ',
      'sk-',
      'key',
      'password',
      'token',
      '-----END PRIVATE KEY-----',
      '://',
      '%3D',
      'Bearer ',
      'AKIA',
      '\u202E',
    );
    const unit = fc.array(alphabet, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(unit, fc.constantFrom(...Object.keys(PATHS)), (shape, path) => {
        const ratio = growth(PATHS[path] as (text: string) => unknown, shape);
        assert.ok(ratio <= MAX_GROWTH, `${path} on ${JSON.stringify(shape)}: cost grew ${ratio.toFixed(1)}x`);
      }),
      { numRuns: 25, seed: 4242 },
    );
  });
});
