import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { openIncident } from '../../src/incidents/machine.ts';
import { INCIDENT_DEFAULTS, type Incident } from '../../src/incidents/types.ts';
import {
  INCIDENT_BLOCK_ID,
  patchIncidentBlocks,
  renderDigest,
  renderIncident,
  renderIncidentNote,
} from '../../src/slack/blocks/incident.ts';
import { factsOnlyMessage } from '../../src/scanner/incident-posts.ts';
import { diagnosis } from '../fixtures/diagnoses.ts';
import { blockViolations } from '../helpers/block-limits.ts';

const NOW = '2026-12-02T12:00:00.000Z';

const incidentWith = (over: Partial<Incident> = {}): Incident => {
  const { ledger, key } = openIncident({
    ledger: {},
    scope: { cluster: 'prod', namespace: 'shop', workload: { kind: 'Deployment', name: 'checkout' }, container: 'app' },
    cause: { category: 'oom_killed', title: 'Out of memory', confidence: 0.9 },
    pod: 'checkout-7f9c6b4d5-x2x9z',
    restarts: 7,
    at: '2026-12-02T11:00:00.000Z',
    now: new Date(NOW),
    channel: 'C1',
    settings: INCIDENT_DEFAULTS,
  });
  return { ...(ledger[key] as Incident), ...over };
};

describe('incident message', () => {
  test('is the diagnosis message (buttons, thread metadata) with the incident facts under its header', () => {
    const incident = incidentWith({ podCount: 12, restarts: 40 });
    const message = renderIncident({ incident, diagnosis: diagnosis(), now: NOW });
    assert.equal(message.blocks[0]?.type, 'header');
    assert.equal((message.blocks[1] as { block_id?: string }).block_id, INCIDENT_BLOCK_ID);
    assert.match(JSON.stringify(message.blocks[1]), /12 pods.*40 restarts/s);
    assert.ok(
      message.blocks.some((b) => b.type === 'actions'),
      'the diagnosis buttons are kept',
    );
    assert.equal(message.metadata?.event_payload.incident, incident.key);
    assert.ok(message.metadata?.event_payload.pod, 'thread verbs find the pod');
    assert.deepEqual(blockViolations(message.blocks), []);
  });

  test('resolved: ✅ with the time it took', () => {
    const incident = incidentWith({ status: 'resolved', resolvedAt: '2026-12-02T11:40:00.000Z' });
    const message = renderIncident({ incident, diagnosis: diagnosis(), now: NOW });
    assert.match(JSON.stringify(message.blocks), /✅|white_check_mark/);
    assert.match(JSON.stringify(message.blocks), /40 min/);
  });

  test('names from the cluster are escaped: no mention, link or markup gets through', () => {
    const incident = incidentWith({ pods: { '<!channel>': 1 }, alerts: ['<https://evil|click>'] });
    const text = JSON.stringify(renderIncident({ incident, diagnosis: diagnosis(), now: NOW }).blocks);
    assert.ok(!text.includes('<!channel>'));
    assert.ok(!text.includes('<https://evil'));
  });

  test('patching the posted message changes only the incident block (and the header once resolved)', () => {
    const posted = renderIncident({ incident: incidentWith(), diagnosis: diagnosis(), now: NOW }).blocks;
    const patched = patchIncidentBlocks({
      blocks: posted,
      incident: incidentWith({ podCount: 3, status: 'resolved', resolvedAt: NOW }),
      now: NOW,
    });
    assert.equal(patched.length, posted.length);
    assert.match(JSON.stringify(patched[1]), /3 pods/);
    assert.match(JSON.stringify(patched[0]), /recovered/);
    assert.deepEqual(patched.slice(2), posted.slice(2));
  });

  test('notes, the digest and the facts-only fallback stay within Block Kit limits', () => {
    const incident = incidentWith();
    for (const note of [
      { kind: 'cause-changed', from: 'a', to: 'b' },
      { kind: 'resolved', durationMs: 3_600_000 },
      { kind: 'reopened', count: 2 },
      { kind: 'alert-firing', alert: 'KubePodCrashLooping' },
      { kind: 'alert-resolved', alert: 'KubePodCrashLooping' },
    ] as const) {
      assert.deepEqual(blockViolations(renderIncidentNote({ note, incident }).blocks), []);
    }
    const many = Array.from({ length: 80 }, (_, i) => incidentWith({ key: `k${i}` }));
    assert.deepEqual(blockViolations(renderDigest({ incidents: many, now: NOW }).blocks), []);
    assert.deepEqual(blockViolations(factsOnlyMessage({ incident, now: NOW }).blocks), []);
  });
});
