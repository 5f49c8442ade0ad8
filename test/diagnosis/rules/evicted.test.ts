import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { evicted } from '../../../src/diagnosis/rules/evicted.ts';
import { containerFacts, contextFor, event, nodeFacts, podFacts, terminated } from '../../fixtures/pods.ts';

const container = containerFacts({ state: terminated(137, 'ContainerStatusUnknown'), lastState: undefined });

describe('evicted', () => {
  test('memory eviction names the node, the resource and the container usage against its request', () => {
    const pod = podFacts({
      phase: 'Failed',
      reason: 'Evicted',
      nodeName: 'node-c',
      message:
        'The node was low on resource: memory. Threshold quantity: 100Mi, available: 80Mi. Container api was using 1.2Gi, request is 256Mi, has larger consumption of memory.',
      containers: [container],
    });
    const node = nodeFacts({ name: 'node-c', conditions: [{ type: 'MemoryPressure', status: 'True' }] });
    const finding = evicted.match(contextFor({ container, pod, node }));
    assert.ok(finding);
    assert.equal(finding.category, 'evicted');
    assert.equal(
      finding.title,
      'Evicted: node node-c ran low on memory; container api used 1.2Gi against a request of 256Mi',
    );
    assert.ok(finding.confidence >= 0.95);
    assert.ok(finding.evidence.some((e) => e.text.includes('MemoryPressure=True')));
    assert.ok(finding.nextSteps.includes('kubectl describe node node-c'));
  });

  test('disk eviction from an event suggests bounding local storage', () => {
    const events = [event({ reason: 'Evicted', message: 'The node was low on resource: ephemeral-storage. ' })];
    const finding = evicted.match(contextFor({ container, pod: podFacts({ containers: [container] }), events }));
    assert.ok(finding);
    assert.match(finding.title, /low on ephemeral-storage/);
    assert.ok(finding.nextSteps.some((s) => s.includes('sizeLimit')));
  });

  test('an Evicted event on a pod whose container since restarted and exited on its own is history: a weak reading', () => {
    const restarted = containerFacts({ state: terminated(1, 'Error'), lastState: undefined });
    const events = [
      event({ reason: 'Evicted', message: 'The node was low on resource: memory. ' }),
      event({ reason: 'BackOff', message: 'Back-off restarting failed container app' }),
    ];
    const finding = evicted.match(
      contextFor({ container: restarted, pod: podFacts({ containers: [restarted] }), events }),
    );
    assert.ok(finding);
    assert.ok(finding.confidence < 0.5, String(finding.confidence));
    // The evicted pod itself (its container killed, status unknown) stays a confident reading.
    const gone = evicted.match(
      contextFor({ container, pod: podFacts({ containers: [container] }), events: [events[0]!] }),
    );
    assert.ok(gone && gone.confidence >= 0.95);
  });

  test('no finding for a pod that was not evicted', () => {
    assert.equal(evicted.match(contextFor({ container, pod: podFacts(), events: [event()] })), null);
  });
});
