import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { crashFrequency } from '../../src/diagnosis/crash-frequency.ts';
import { containerFacts, event, terminated, waiting } from '../fixtures/pods.ts';

describe('crashFrequency', () => {
  test('rate from the first crash event to the observation time', () => {
    const container = containerFacts({ restartCount: 12, state: waiting('CrashLoopBackOff') });
    const events = [
      event({ firstSeen: '2026-11-25T10:00:00Z' }),
      event({ reason: 'Pulled', type: 'Normal', firstSeen: '2026-11-25T09:00:00Z' }),
    ];
    const result = crashFrequency({ container, events, observedAt: '2026-11-25T12:00:00Z' });
    assert.equal(result.since, '2026-11-25T10:00:00.000Z');
    assert.equal(result.perHour, 6);
    assert.equal(result.backingOff, true);
    assert.equal(result.summary, 'Restarted 12 times in 2 h (about 6 per hour); now in CrashLoopBackOff.');
  });

  test("ignores other containers' events and falls back to the pod's creation", () => {
    const container = containerFacts({ restartCount: 3, state: { kind: 'running' }, lastState: undefined });
    const events = [event({ container: 'sidecar', firstSeen: '2026-11-20T00:00:00Z' })];
    const result = crashFrequency({
      container,
      events,
      observedAt: '2026-11-25T12:00:00Z',
      podCreatedAt: '2026-11-25T11:30:00Z',
    });
    assert.equal(result.since, '2026-11-25T11:30:00.000Z');
    assert.equal(result.perHour, 6);
    assert.equal(result.summary, 'Restarted 3 times in 30 min (about 6 per hour).');
  });

  test('the previous start counts when it is earlier than the events', () => {
    const container = containerFacts({
      restartCount: 1,
      lastState: terminated(1, 'Error', { startedAt: '2026-11-25T11:00:00Z' }),
    });
    const result = crashFrequency({ container, events: [], observedAt: '2026-11-25T12:00:00Z' });
    assert.equal(result.perHour, 1);
    assert.match(result.summary, /^Restarted once in 60 min/);
  });

  test('no rate without a window or without restarts', () => {
    const fresh = containerFacts({ restartCount: 0, state: { kind: 'running' }, lastState: undefined });
    assert.deepEqual(crashFrequency({ container: fresh, events: [] }), {
      restartCount: 0,
      backingOff: false,
      summary: 'Not restarted yet.',
    });
    const noTime = crashFrequency({ container: containerFacts({ lastState: undefined }), events: [] });
    assert.equal(noTime.perHour, undefined);
    assert.equal(noTime.summary, 'Restarted 4 times; now in CrashLoopBackOff.');
  });
});
