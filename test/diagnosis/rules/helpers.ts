/**
 * Table-driven helpers for the log rule tests: each rule is run alone (its own answer) and through the
 * whole engine (the answer a user sees), over realistic log fixtures.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { WEAK_GUESS_RULE } from '../../../src/diagnosis/alternatives.ts';
import { classifyText } from '../../../src/diagnosis/engine.ts';
import { explainExit } from '../../../src/diagnosis/exit-codes.ts';
import { scanLog } from '../../../src/diagnosis/log-scan.ts';
import type { Rule, RuleContext } from '../../../src/diagnosis/rule.ts';
import type { CategoryId } from '../../../src/diagnosis/taxonomy.ts';
import type { EventFact } from '../../../src/diagnosis/types.ts';

export interface LogCase {
  name: string;
  log: string;
  exitCode?: number | null;
  reason?: string | null;
  message?: string | null;
  events?: EventFact[];
  /** Lowest acceptable confidence for a positive case (default 0.5). */
  min?: number;
  /** Highest acceptable confidence (for deliberately uncertain cases). */
  max?: number;
  /** The category the whole engine must answer (default: the rule's own); false to skip that check. */
  best?: CategoryId | false;
}

/** The kubelet's Failed event: all a container that never started leaves besides its exit code. */
export const failedEvent = (message: string, count = 1): EventFact => ({
  type: 'Warning',
  reason: 'Failed',
  message,
  count,
});

/** A Job's BackoffLimitExceeded event: what a Job whose pods kept failing leaves besides their logs. */
export const backoffLimitEvents: EventFact[] = [
  { type: 'Warning', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit', count: 1 },
];

export const contextFor = (c: LogCase): RuleContext => ({
  exitCode: c.exitCode ?? null,
  reason: c.reason ?? null,
  message: c.message ?? null,
  log: scanLog(c.log),
  events: c.events ?? [],
  exit: explainExit(c.exitCode ?? null, c.reason ?? null, c.message ?? null),
  target: { namespace: 'shop', pod: 'api-7f9c6-abcde', container: 'api' },
});

export const classifyCase = (c: LogCase) =>
  classifyText({
    log: c.log,
    exitCode: c.exitCode ?? null,
    reason: c.reason ?? null,
    message: c.message ?? null,
    events: c.events,
  });

/**
 * Positives: the rule fires with its category, enough confidence and evidence that quotes real lines,
 * and the engine ranks its category first. Negatives: the rule stays silent (or weak) and no rule makes
 * the engine answer its category. The engine's own weak guess may still name it (words like "schema" or
 * "password" on an error line point there), but only as a guess: below half confidence, marked unsure.
 */
export const ruleTable = (
  rule: Rule,
  category: CategoryId,
  cases: { positives: LogCase[]; negatives: LogCase[] },
): void => {
  describe(`${rule.id}: fires`, () => {
    for (const c of cases.positives) {
      test(c.name, () => {
        const finding = rule.match(contextFor(c));
        assert.ok(finding, 'the rule should fire');
        assert.equal(finding.category, category);
        assert.equal(finding.ruleId, rule.id);
        assert.ok(finding.confidence >= (c.min ?? 0.5), `confidence ${finding.confidence} < ${c.min ?? 0.5}`);
        if (c.max !== undefined) assert.ok(finding.confidence <= c.max, `confidence ${finding.confidence} > ${c.max}`);
        assert.ok(finding.evidence.length > 0, 'evidence is quoted');
        const lines = scanLog(c.log).lines;
        for (const e of finding.evidence.filter((x) => x.source === 'log' && x.line !== null)) {
          assert.ok(
            lines.some((l) => l.line === e.line && l.text.trim().startsWith(e.text.replace(/…$/, '').slice(0, 40))),
            `evidence line ${e.line} is quoted from the log`,
          );
        }
        assert.ok(
          finding.nextSteps.some((s) => s.includes('kubectl')),
          'next steps include a kubectl command',
        );
        assert.ok(
          finding.nextSteps.some((s) => s.includes('-n shop')),
          'next steps use the target',
        );
        const expected = c.best === undefined ? category : c.best;
        if (expected) assert.equal(classifyCase(c).best.category, expected);
      });
    }
  });
  describe(`${rule.id}: stays silent`, () => {
    for (const c of cases.negatives) {
      test(c.name, () => {
        const finding = rule.match(contextFor(c));
        assert.ok(!finding || finding.confidence < 0.5, `unexpected ${finding?.title} (${finding?.confidence})`);
        const { best } = classifyCase(c);
        if (best.ruleId === WEAK_GUESS_RULE) assert.ok(best.confidence < 0.5, `a guess at ${best.confidence}`);
        else assert.notEqual(best.category, category);
      });
    }
  });
};
