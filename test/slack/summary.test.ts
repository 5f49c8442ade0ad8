/**
 * The incident summary from structured state: what the diagnosis message's metadata says, what the
 * requests recorded, and the pod now (or its replacement). Never from message text.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ExitcodeError } from '../../src/errors.ts';
import { renderDiagnosis } from '../../src/slack/blocks/diagnosis.ts';
import { summaryMarkdown } from '../../src/slack/blocks/summary.ts';
import { buildIncidentSummary } from '../../src/slack/summary-verb.ts';
import { healthy, missingEnv, NOW } from './message-fixtures.ts';

const ref = { namespace: 'shop', pod: 'checkout-7f9c6b4d5-x2x9z', cluster: 'demo' };

describe('buildIncidentSummary', () => {
  test('the diagnosis message’s metadata is the source of the cause, evidence, first crash and rollout', () => {
    const facts = renderDiagnosis({ diagnosis: missingEnv(), now: NOW }).metadata?.event_payload;
    const summary = buildIncidentSummary({ facts, actions: [], current: { diagnosis: missingEnv() }, ref, now: NOW });
    assert.equal(summary.cause?.title, 'STRIPE_API_KEY is not set');
    assert.equal(summary.cause?.confidence, 88);
    assert.deepEqual(summary.evidence.slice(0, 1), ['12: Error: STRIPE_API_KEY is required']);
    assert.equal(summary.workload, 'deployment/checkout');
    assert.equal(summary.rollout?.revision, '12');
    assert.equal(summary.now.severity, 'crash_looping');
    assert.match(summary.now.sentence, /^Still failing: STRIPE_API_KEY is not set, 14 restarts$/);
  });

  test('a resolved message re-rendered for the healthy replacement keeps its cause and resolution time', () => {
    const rendered = renderDiagnosis({
      diagnosis: healthy(),
      state: { kind: 'resolved', resolvedAt: '2026-11-25T12:08:00Z', cause: 'STRIPE_API_KEY is not set' },
      now: NOW,
    });
    const header = (rendered.blocks[0] as { text: { text: string } }).text.text;
    assert.equal(header, '✅ checkout has recovered (cause: STRIPE_API_KEY is not set)');
    const summary = buildIncidentSummary({
      facts: rendered.metadata?.event_payload,
      actions: [],
      current: { diagnosis: healthy() },
      ref,
      now: NOW,
    });
    assert.equal(summary.cause?.title, 'STRIPE_API_KEY is not set');
    assert.equal(summary.now.severity, 'resolved');
    assert.equal(summary.now.resolvedAt, '2026-11-25T12:08:00Z');
  });

  test('the pod is gone and the workload could not be read either: the reason, not "pod_not_found"', () => {
    const error = new ExitcodeError('pod_not_found', 'Pod checkout-7f9c6b4d5-x2x9z is not in namespace shop any more.');
    const summary = buildIncidentSummary({ facts: undefined, actions: [], current: { error }, ref, now: NOW });
    assert.equal(summary.now.severity, 'unknown');
    assert.equal(
      summary.now.sentence,
      'State unknown: Pod checkout-7f9c6b4d5-x2x9z is not in namespace shop any more.',
    );
    assert.doesNotMatch(summaryMarkdown({ summary }), /pod_not_found/);
  });

  test('the replacement pod, found through the workload, is named', () => {
    const replacement = healthy();
    const summary = buildIncidentSummary({
      facts: undefined,
      actions: [],
      current: { diagnosis: replacement },
      ref,
      now: NOW,
    });
    assert.match(summary.now.sentence, /replacement pod checkout-7f9c6b4d5-zz9k2/);
  });
});
