import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { describeProbe, probeFailure } from '../../../src/diagnosis/rules/probe-failure.ts';
import type { ProbeFacts } from '../../../src/diagnosis/types.ts';
import { containerFacts, contextFor, event, terminated } from '../../fixtures/pods.ts';

const liveness: ProbeFacts = {
  type: 'httpGet',
  target: '/healthz',
  port: 8080,
  initialDelaySeconds: 5,
  periodSeconds: 10,
  timeoutSeconds: 1,
  failureThreshold: 3,
};
const unhealthy = (
  message = 'Liveness probe failed: Get "http://10.1.2.3:8080/healthz": dial tcp 10.1.2.3:8080: connect: connection refused',
) => event({ reason: 'Unhealthy', message, count: 9 });
const killing = event({
  type: 'Normal',
  reason: 'Killing',
  message: 'Container api failed liveness probe, will be restarted',
});
const healthyLog = ['Starting server', 'Loading 1.2M cache entries', 'still loading...'];

describe('probe-failure', () => {
  test('a signal kill with liveness events and a healthy log is the probe, with the probe config shown', () => {
    const container = containerFacts({ lastState: terminated(137), probes: { liveness } });
    const finding = probeFailure.match(contextFor({ container, events: [unhealthy(), killing], logLines: healthyLog }));
    assert.ok(finding);
    assert.equal(finding.category, 'probe_failure');
    assert.match(
      finding.title,
      /Killed by the kubelet after its liveness probe failed \(\/healthz on port 8080, 3 failures\)/,
    );
    assert.ok(finding.confidence >= 0.9);
    assert.ok(finding.evidence.some((e) => e.source === 'spec' && e.text.includes('initialDelaySeconds 5')));
    assert.ok(finding.nextSteps.some((s) => s.includes('startupProbe')));
    assert.ok(finding.nextSteps.some((s) => s.startsWith('Connection refused')));
  });

  test('a probe on a port the container does not declare is pointed out', () => {
    const container = containerFacts({ lastState: terminated(143), probes: { liveness: { ...liveness, port: 9090 } } });
    const finding = probeFailure.match(
      contextFor({ container, events: [unhealthy('Liveness probe failed: HTTP probe failed with statuscode: 404')] }),
    );
    assert.ok(finding);
    assert.ok(finding.nextSteps.some((s) => s.includes('port 9090') && s.includes('8080')));
    assert.ok(finding.nextSteps.some((s) => s.startsWith('HTTP 404')));
  });

  test("the app's own exit with an error in the log lowers the confidence: the probe is a symptom", () => {
    const container = containerFacts({ lastState: terminated(1), probes: { liveness } });
    const log = ['Starting server', 'Error: connect ECONNREFUSED 10.0.0.5:5432', '    at TCPConnectWrap.afterConnect'];
    const finding = probeFailure.match(contextFor({ container, events: [unhealthy()], logLines: log }));
    assert.ok(finding);
    assert.ok(finding.confidence < 0.5);
    assert.match(finding.title, /exited by itself \(exit 1\)/);
  });

  test('an error in the log lowers a signal kill below the healthy-log case', () => {
    const container = containerFacts({ lastState: terminated(137), probes: { liveness } });
    const healthy = probeFailure.match(contextFor({ container, events: [unhealthy(), killing], logLines: healthyLog }));
    const noisy = probeFailure.match(
      contextFor({ container, events: [unhealthy(), killing], logLines: ['FATAL: could not open cache'] }),
    );
    assert.ok(healthy && noisy);
    assert.ok(noisy.confidence < healthy.confidence);
  });

  test('startup probe failures are named as such', () => {
    const container = containerFacts({
      lastState: terminated(137),
      probes: { startup: { ...liveness, target: '/ready' } },
    });
    const events = [
      unhealthy('Startup probe failed: HTTP probe failed with statuscode: 503'),
      event({ reason: 'Killing', message: 'Container api failed startup probe, will be restarted' }),
    ];
    const finding = probeFailure.match(contextFor({ container, events }));
    assert.ok(finding);
    assert.match(finding.title, /startup probe/);
  });

  test('readiness failures alone never kill: no finding', () => {
    const container = containerFacts({ lastState: terminated(137), probes: { liveness } });
    const events = [unhealthy('Readiness probe failed: HTTP probe failed with statuscode: 503')];
    assert.equal(probeFailure.match(contextFor({ container, events })), null);
    assert.equal(probeFailure.match(contextFor({ container, events: [] })), null);
  });

  test('events about another container are ignored', () => {
    const container = containerFacts({ lastState: terminated(137), probes: { liveness } });
    const events = [{ ...unhealthy(), container: 'sidecar' }];
    assert.equal(probeFailure.match(contextFor({ container, events })), null);
  });

  test('describeProbe shows every setting', () => {
    assert.equal(
      describeProbe(liveness),
      'httpGet /healthz on port 8080, initialDelaySeconds 5, periodSeconds 10, timeoutSeconds 1, failureThreshold 3',
    );
  });
});
