import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { classify, classifyText } from '../../src/diagnosis/engine.ts';
import { scanLog } from '../../src/diagnosis/log-scan.ts';
import type { Rule } from '../../src/diagnosis/rule.ts';
import type { CategoryId } from '../../src/diagnosis/taxonomy.ts';
import type { CrashFacts } from '../../src/diagnosis/types.ts';

const facts = (log: string, exitCode: number | null = 1, reason: string | null = 'Error'): CrashFacts => ({
  exitCode,
  reason,
  log: scanLog(log),
  events: [],
});

/** A rule that answers a fixed category when its marker word is in the log. */
const fixed = (id: string, category: CategoryId, confidence: number, marker = 'boom'): Rule => ({
  id,
  match: (ctx) =>
    ctx.log.lines.some((l) => l.text.includes(marker))
      ? { ruleId: id, category, title: `${id} says ${category}`, confidence, evidence: [], nextSteps: ['step'] }
      : null,
});

describe('classify: ranking', () => {
  test('the most confident finding wins; the others are alternatives, best first', () => {
    const rules = [fixed('a', 'disk_full', 0.5), fixed('b', 'port_in_use', 0.9), fixed('c', 'auth_failure', 0.7)];
    const result = classify(facts('boom'), {}, rules);
    assert.equal(result.best.category, 'port_in_use');
    assert.deepEqual(
      result.alternatives.map((a) => a.category),
      ['auth_failure', 'disk_full'],
    );
  });

  test('ties go to the rule registered first', () => {
    const rules = [fixed('first', 'disk_full', 0.7), fixed('second', 'port_in_use', 0.7)];
    assert.equal(classify(facts('boom'), {}, rules).best.ruleId, 'first');
    assert.equal(classify(facts('boom'), {}, [...rules].reverse()).best.ruleId, 'second');
  });

  test('one finding per category, the best one kept', () => {
    const rules = [fixed('weak', 'disk_full', 0.5), fixed('strong', 'disk_full', 0.9), fixed('other', 'app_bug', 0.3)];
    const result = classify(facts('boom'), {}, rules);
    assert.equal(result.best.ruleId, 'strong');
    assert.deepEqual(
      result.alternatives.map((a) => a.ruleId),
      ['other'],
    );
  });

  test('at most three alternatives', () => {
    const categories: CategoryId[] = ['disk_full', 'port_in_use', 'auth_failure', 'app_bug', 'segfault', 'bad_config'];
    const rules = categories.map((c, i) => fixed(c, c, 0.9 - i * 0.1));
    assert.equal(classify(facts('boom'), {}, rules).alternatives.length, 3);
  });

  test('a close call lowers the best confidence, a clear win keeps it', () => {
    const close = classify(facts('boom'), {}, [fixed('a', 'disk_full', 0.8), fixed('b', 'port_in_use', 0.75)]);
    assert.ok(close.best.confidence < 0.8);
    assert.ok(close.best.confidence >= 0.75);
    const clear = classify(facts('boom'), {}, [fixed('a', 'disk_full', 0.8), fixed('b', 'port_in_use', 0.4)]);
    assert.equal(clear.best.confidence, 0.8);
  });

  test('a recent rollout is context, not a rival: it does not make the log cause a close call', () => {
    const rules = [fixed('a', 'app_bug', 0.7), fixed('b', 'bad_rollout', 0.65)];
    const withRollout = classify(facts('boom'), {}, rules);
    assert.equal(withRollout.best.confidence, 0.7);
    assert.equal(withRollout.alternatives[0]?.category, 'bad_rollout');
    const withRival = classify(facts('boom'), {}, [...rules, fixed('c', 'bad_config', 0.66)]);
    assert.ok(withRival.best.confidence < 0.7);
  });

  test('a rule that throws is skipped, the others still answer', () => {
    const broken: Rule = {
      id: 'broken',
      match: () => {
        throw new Error('bug in a rule');
      },
    };
    const result = classify(facts('boom'), {}, [broken, fixed('ok', 'disk_full', 0.6)]);
    assert.equal(result.best.category, 'disk_full');
  });
});

describe('classify: fallback and log notes', () => {
  test('nothing matches: unknown, quoting the last error-looking lines and the exit meaning', () => {
    const log = 'starting\nloading plugins\nERROR plugin x misbehaved\nstill going\nfatal: giving up\nbye';
    const result = classify(facts(log, 3, 'Error'), {}, []);
    assert.equal(result.best.category, 'unknown');
    assert.match(result.best.title, /status 3/);
    assert.deepEqual(
      result.best.evidence.filter((e) => e.source === 'log').map((e) => e.line),
      [3, 5],
    );
    assert.ok(result.best.evidence.some((e) => e.source === 'status'));
    assert.ok(result.best.nextSteps.some((s) => s.includes('--previous')));
    assert.ok(result.best.nextSteps.some((s) => s.includes('kubectl describe pod')));
  });

  test('an empty log is evidence: the answer says it was empty', () => {
    const result = classifyText({ log: '', exitCode: 1, reason: 'Error' });
    assert.ok(result.best.evidence.some((e) => /log was empty/.test(e.text)));
    assert.equal(result.log.empty, true);
  });

  test('a binary log is named as such', () => {
    const bytes = new Uint8Array(1000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 37) % 256;
    const result = classifyText({ log: bytes, exitCode: 1, reason: 'Error' });
    assert.equal(result.log.binary, true);
    assert.ok(result.best.evidence.some((e) => /binary/.test(e.text)));
  });

  test('the log summary counts lines and bytes read', () => {
    const result = classifyText({ log: 'a\nb\nc', exitCode: 0, reason: 'Completed' });
    assert.equal(result.log.linesRead, 3);
    assert.equal(result.log.totalBytes, 5);
    assert.equal(result.exit.code, 0);
  });
});

describe('classify: redaction', () => {
  test('secrets in evidence, titles and next steps are masked', () => {
    const leaky: Rule = {
      id: 'leaky',
      match: () => ({
        ruleId: 'leaky',
        category: 'auth_failure',
        title: 'login failed with password=hunter2secret',
        confidence: 0.9,
        evidence: [{ line: 1, text: 'Authorization: Bearer abcdefghijklmnop123456', source: 'log' }],
        nextSteps: ['try postgres://admin:s3cr3tpass@db:5432/app'],
      }),
    };
    const result = classify(facts('x'), {}, [leaky]);
    const text = JSON.stringify(result);
    for (const secret of ['hunter2secret', 'abcdefghijklmnop123456', 's3cr3tpass'])
      assert.ok(!text.includes(secret), secret);
  });

  test('real rules: a connection string with a password in the log does not leak', () => {
    const log = 'Error: connect ECONNREFUSED postgres://app:Sup3rS3cret@10.0.0.5:5432/shop';
    const result = classifyText({ log, exitCode: 1, reason: 'Error' });
    assert.equal(result.best.category, 'dependency_unreachable');
    assert.ok(!JSON.stringify(result).includes('Sup3rS3cret'));
  });
});

describe('classify: real rules on the exit code alone', () => {
  const cases: [number, string | null, CategoryId][] = [
    [137, 'OOMKilled', 'oom_killed'],
    [127, 'Error', 'command_not_found'],
    [126, 'Error', 'exec_permission_denied'],
    [139, 'Error', 'segfault'],
  ];
  for (const [code, reason, category] of cases) {
    test(`${code} ${reason ?? ''} with an empty log -> ${category}`, () => {
      assert.equal(classifyText({ log: '', exitCode: code, reason }).best.category, category);
    });
  }

  test('exit 1 with an unremarkable log is unknown, not a guess', () => {
    assert.equal(classifyText({ log: 'starting\nstopping', exitCode: 1, reason: 'Error' }).best.category, 'unknown');
  });
});
