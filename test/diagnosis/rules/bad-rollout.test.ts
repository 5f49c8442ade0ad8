import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { badRollout, shortImage } from '../../../src/diagnosis/rules/bad-rollout.ts';
import { containerFacts, contextFor, event, podFacts, terminated, workloadFacts } from '../../fixtures/pods.ts';

// Defaults: revision 7 rolled out at 11:27, the pod was created at 11:30, the first BackOff at 11:31.
const container = containerFacts({ lastState: terminated(1, 'Error', { finishedAt: '2026-11-25T11:59:00Z' }) });
const pod = podFacts({ containers: [container] });

describe('bad-rollout', () => {
  test('names the revision, the delay and the image change', () => {
    const finding = badRollout.match(contextFor({ container, pod, workload: workloadFacts(), events: [event()] }));
    assert.ok(finding);
    assert.equal(finding.category, 'bad_rollout');
    assert.equal(
      finding.title,
      'Crashes started 4 min after rollout of deployment/api revision 7 (image api:1.4.2 -> api:1.5.0)',
    );
    assert.ok(finding.nextSteps[0]?.includes('kubectl rollout undo -n shop deployment/api'));
    assert.ok(finding.nextSteps.some((s) => s.endsWith('--revision=7')));
    assert.ok(finding.evidence.some((e) => e.source === 'event'));
  });

  test('ranks below a clear log cause but above a guess (calibration)', () => {
    const finding = badRollout.match(contextFor({ container, pod, workload: workloadFacts(), events: [event()] }));
    assert.ok(finding);
    assert.ok(finding.confidence >= 0.5 && finding.confidence <= 0.7);
  });

  test('the same image means the template changed, and confidence is lower', () => {
    const image = 'registry.example.com/shop/api:1.5.0';
    const workload = workloadFacts({
      current: { revision: '8', createdAt: '2026-11-25T11:27:00Z', images: { api: image } },
      previous: { revision: '7', createdAt: '2026-11-24T11:27:00Z', images: { api: image } },
    });
    const withImage = badRollout.match(contextFor({ container, pod, workload: workloadFacts(), events: [event()] }));
    const finding = badRollout.match(contextFor({ container, pod, workload, events: [event()] }));
    assert.ok(finding && withImage);
    assert.match(finding.title, /same image/);
    assert.ok(finding.confidence < withImage.confidence);
  });

  test('a pod still on the previous revision was not broken by the rollout', () => {
    const onCurrent = workloadFacts({ podRevision: '7' });
    assert.ok(badRollout.match(contextFor({ container, pod, workload: onCurrent, events: [event()] })));
    const onPrevious = workloadFacts({ podRevision: '6' });
    assert.equal(badRollout.match(contextFor({ container, pod, workload: onPrevious, events: [event()] })), null);
  });

  test('without events, the termination time dates the first crash', () => {
    const early = containerFacts({ lastState: terminated(1, 'Error', { finishedAt: '2026-11-25T11:40:00Z' }) });
    const finding = badRollout.match(contextFor({ container: early, pod, workload: workloadFacts() }));
    assert.ok(finding);
    assert.match(finding.title, /13 min after/);
  });

  test('no finding when crashes began long after, before the rollout, or with no previous revision', () => {
    const late = [event({ firstSeen: '2026-11-25T11:58:30Z' })];
    const lateContainer = containerFacts({ lastState: terminated(1, 'Error', { finishedAt: '2026-11-25T11:59:00Z' }) });
    assert.equal(
      badRollout.match(contextFor({ container: lateContainer, pod, workload: workloadFacts(), events: late })),
      null,
    );
    const oldPod = podFacts({ createdAt: '2026-11-25T09:00:00Z' });
    assert.equal(
      badRollout.match(contextFor({ container, pod: oldPod, workload: workloadFacts(), events: [event()] })),
      null,
    );
    const first = workloadFacts({ previous: undefined });
    assert.equal(badRollout.match(contextFor({ container, pod, workload: first, events: [event()] })), null);
    assert.equal(badRollout.match(contextFor({ container, pod, events: [event()] })), null);
  });

  test('shortImage keeps the last path segment and its tag', () => {
    assert.equal(shortImage('registry.example.com/shop/api:1.5.0'), 'api:1.5.0');
    assert.equal(shortImage('nginx'), 'nginx');
  });
});

describe('bad-rollout: the failure of the new revision', () => {
  test('reads the previous log and quotes the first two error lines, keeping its context confidence', () => {
    const finding = badRollout.match(
      contextFor({
        container,
        pod,
        workload: workloadFacts(),
        events: [event()],
        logLines: [
          'INFO starting api 1.5.0',
          'WARN cache disabled',
          'ERROR failed to parse FEATURE_FLAGS: unexpected token',
          'ERROR shutting down',
          'ERROR exit',
        ],
      }),
    );
    assert.ok(finding);
    assert.ok(finding.nextSteps.some((s) => s.includes('kubectl logs -n shop') && s.endsWith('--previous')));
    const quoted = finding.evidence.filter((e) => e.source === 'log').map((e) => e.text);
    assert.deepEqual(quoted, ['ERROR failed to parse FEATURE_FLAGS: unexpected token', 'ERROR shutting down']);
    assert.ok(finding.confidence >= 0.55 && finding.confidence <= 0.65);
  });

  test('warnings are quoted when there is no error line, nothing when the log is quiet', () => {
    const warned = badRollout.match(
      contextFor({
        container,
        pod,
        workload: workloadFacts(),
        events: [event()],
        logLines: ['WARN config reload failed'],
      }),
    );
    assert.deepEqual(
      warned?.evidence.filter((e) => e.source === 'log').map((e) => e.text),
      ['WARN config reload failed'],
    );
    const quiet = badRollout.match(
      contextFor({ container, pod, workload: workloadFacts(), events: [event()], logLines: ['INFO started'] }),
    );
    assert.equal(quiet?.evidence.filter((e) => e.source === 'log').length, 0);
  });
});
