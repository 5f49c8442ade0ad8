import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { memoryBytes, oomLimit, suggestLimit } from '../../../src/diagnosis/rules/oom-limit.ts';
import { containerFacts, contextFor, event, podFacts, terminated } from '../../fixtures/pods.ts';

const oomContainer = (limits: Record<string, string>, requests: Record<string, string> = {}) =>
  containerFacts({ lastState: terminated(137, 'OOMKilled'), resources: { limits, requests } });

describe('memory quantities', () => {
  test('parse binary and decimal suffixes', () => {
    assert.equal(memoryBytes('256Mi'), 256 * 1024 ** 2);
    assert.equal(memoryBytes('1Gi'), 1024 ** 3);
    assert.equal(memoryBytes('500M'), 500e6);
    assert.equal(memoryBytes('134217728'), 134217728);
    assert.equal(memoryBytes('lots'), undefined);
    assert.equal(memoryBytes(undefined), undefined);
  });

  test('suggest about 1.5x, rounded to a value a person writes', () => {
    assert.equal(suggestLimit(256 * 1024 ** 2), '384Mi');
    assert.equal(suggestLimit(100 * 1024 ** 2), '192Mi');
    assert.equal(suggestLimit(2 * 1024 ** 3), '3Gi');
  });
});

describe('oom-limit', () => {
  test('names the limit and the request, and suggests a concrete new limit', () => {
    const container = oomContainer({ memory: '256Mi' }, { memory: '128Mi' });
    const finding = oomLimit.match(contextFor({ container }));
    assert.ok(finding);
    assert.equal(finding.category, 'oom_killed');
    assert.equal(finding.title, 'OOMKilled at its 256Mi memory limit (request 128Mi)');
    assert.ok(finding.confidence >= 0.95);
    assert.ok(finding.evidence.some((e) => e.source === 'spec' && e.text.includes('256Mi')));
    assert.ok(
      finding.nextSteps.some((s) =>
        s.includes('kubectl set resources -n shop deployment/api -c api --limits=memory=384Mi'),
      ),
    );
  });

  test('without a limit, speaks of node memory pressure and names the node', () => {
    const container = oomContainer({});
    const finding = oomLimit.match(
      contextFor({ container, pod: podFacts({ containers: [container], nodeName: 'node-b' }) }),
    );
    assert.ok(finding);
    assert.match(finding.title, /no memory limit/);
    assert.match(finding.title, /node-b/);
    assert.ok(finding.nextSteps.includes('kubectl describe node node-b'));
    assert.ok(finding.confidence >= 0.95, 'the spec proves no limit: as sure as with one');
  });

  test('exit 137 with an OOMKilling event counts, with less confidence than the status reason', () => {
    const container = containerFacts({
      lastState: terminated(137, 'Error'),
      resources: { limits: { memory: '1Gi' }, requests: {} },
    });
    const events = [
      event({ reason: 'OOMKilling', message: 'Memory cgroup out of memory: Killed process 4242 (java)' }),
    ];
    const finding = oomLimit.match(contextFor({ container, events }));
    assert.ok(finding);
    assert.match(finding.title, /1Gi memory limit/);
    assert.ok(finding.confidence < 0.95 && finding.confidence >= 0.85);
    assert.ok(finding.evidence.some((e) => e.source === 'event'));
  });

  test('does not fire on a plain 137 or without the container spec', () => {
    const sigkill = containerFacts({
      lastState: terminated(137, 'Error'),
      resources: { limits: { memory: '1Gi' }, requests: {} },
    });
    assert.equal(oomLimit.match(contextFor({ container: sigkill })), null);
    assert.equal(oomLimit.match(contextFor({ exitCode: 137, reason: 'OOMKilled' })), null);
    assert.equal(oomLimit.match(contextFor({ container: containerFacts() })), null);
  });
});
