import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sigtermShutdown } from '../../../src/diagnosis/rules/sigterm-shutdown.ts';
import { containerFacts, contextFor, event, terminated, workloadFacts } from '../../fixtures/pods.ts';

const stopped = containerFacts({ lastState: terminated(143, 'Error', { finishedAt: '2026-11-25T11:40:00Z' }) });
const stopping = event({ type: 'Normal', reason: 'Killing', message: 'Stopping container api' });

describe('sigterm-shutdown', () => {
  test('a Killing "Stopping container" event makes exit 143 a stop on purpose', () => {
    const finding = sigtermShutdown.match(contextFor({ container: stopped, events: [stopping] }));
    assert.ok(finding);
    assert.equal(finding.category, 'sigterm_shutdown');
    assert.match(finding.title, /^Stopped on purpose: the kubelet stopped it/);
    assert.ok(finding.confidence >= 0.8);
  });

  test('a rollout just before the stop is named as the reason', () => {
    const finding = sigtermShutdown.match(contextFor({ container: stopped, workload: workloadFacts() }));
    assert.ok(finding);
    assert.match(finding.title, /a rollout replaced it/);
  });

  test('a drain is named as the reason', () => {
    const drain = event({ type: 'Normal', reason: 'Killing', message: 'Stopping container api (node drain)' });
    const finding = sigtermShutdown.match(contextFor({ container: stopped, events: [drain] }));
    assert.ok(finding);
    assert.match(finding.title, /drained/);
  });

  test('with nobody asking, the answer is unsure', () => {
    const finding = sigtermShutdown.match(contextFor({ container: stopped }));
    assert.ok(finding);
    assert.ok(finding.confidence < 0.5);
    assert.match(finding.title, /no event saying who asked/);
  });

  test('a liveness kill is left to probe-failure, and other exits are not SIGTERM', () => {
    const probe = event({ reason: 'Killing', message: 'Container api failed liveness probe, will be restarted' });
    assert.equal(sigtermShutdown.match(contextFor({ container: stopped, events: [probe] })), null);
    assert.equal(sigtermShutdown.match(contextFor({ container: containerFacts(), events: [stopping] })), null);
    const oom = containerFacts({ lastState: terminated(137, 'OOMKilled') });
    assert.equal(sigtermShutdown.match(contextFor({ container: oom, events: [stopping] })), null);
  });
});
