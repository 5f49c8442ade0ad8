import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { boundLedger, decodeLedger, encodeLedger, mayLead } from '../../src/incidents/ledger.ts';
import { type Ledger, openIncident } from '../../src/incidents/machine.ts';
import { INCIDENT_DEFAULTS } from '../../src/incidents/types.ts';

const NOW = new Date('2026-12-01T10:00:00Z');

const ledgerOf = (count: number, { resolvedEvery = 0 } = {}): Ledger => {
  let ledger: Ledger = {};
  for (let i = 0; i < count; i += 1) {
    const result = openIncident({
      ledger,
      scope: {
        cluster: 'prod',
        namespace: 'shop',
        workload: { kind: 'Deployment', name: `app-${i}` },
        container: 'main',
      },
      cause: { category: 'app-bug', title: 'Unhandled exception', confidence: 0.8 },
      pod: `app-${i}-abc`,
      restarts: i,
      at: new Date(NOW.getTime() + i * 1000).toISOString(),
      now: NOW,
      channel: 'C1',
      settings: INCIDENT_DEFAULTS,
    });
    ledger = result.ledger;
    if (resolvedEvery && i % resolvedEvery === 0) {
      const incident = ledger[result.key];
      if (incident) ledger[result.key] = { ...incident, status: 'resolved', resolvedAt: NOW.toISOString() };
    }
  }
  return ledger;
};

describe('incident ledger', () => {
  test('round-trips through its durable text', () => {
    const ledger = ledgerOf(5);
    assert.deepEqual(decodeLedger(encodeLedger(ledger)), ledger);
  });

  test('stays within its byte budget, dropping resolved incidents before open ones', () => {
    const ledger = ledgerOf(400, { resolvedEvery: 2 });
    const text = encodeLedger(ledger, 50_000);
    assert.ok(text.length <= 50_000);
    const kept = Object.values(decodeLedger(text));
    const open = Object.values(ledger).filter((i) => i.status === 'open').length;
    const keptOpen = kept.filter((i) => i.status === 'open').length;
    assert.ok(kept.length < 400);
    assert.ok(keptOpen === Math.min(open, kept.length), 'every kept slot goes to open incidents first');
  });

  test('unreadable text is an empty ledger; an invalid entry is dropped, the rest kept', () => {
    assert.deepEqual(decodeLedger('not json'), {});
    assert.deepEqual(decodeLedger('{"a":1}'), {});
    const ledger = ledgerOf(2);
    const entries = JSON.parse(encodeLedger(ledger)) as unknown[];
    const decoded = decodeLedger(JSON.stringify([...entries, { key: 'x', status: 'weird' }]));
    assert.equal(Object.keys(decoded).length, 2);
  });

  test('boundLedger keeps the most important incidents', () => {
    const bounded = boundLedger(ledgerOf(10, { resolvedEvery: 3 }), 6);
    assert.equal(Object.keys(bounded).length, 6);
    assert.ok(Object.values(bounded).every((i) => i.status === 'open'));
  });

  const leadCases = [
    { name: 'nobody wrote yet', record: undefined, lead: true },
    { name: 'held by me', record: { holder: 'a', renewedAt: NOW.toISOString() }, lead: true },
    { name: 'released', record: { holder: '', renewedAt: NOW.toISOString() }, lead: true },
    { name: 'held by another, fresh', record: { holder: 'b', renewedAt: NOW.toISOString() }, lead: false },
    {
      name: 'held by another, expired',
      record: { holder: 'b', renewedAt: new Date(NOW.getTime() - 16_000).toISOString() },
      lead: true,
    },
  ];
  for (const c of leadCases) {
    test(`mayLead: ${c.name}`, () => {
      const record = c.record && { ledger: {}, version: '1', durationSeconds: 15, ...c.record };
      assert.equal(mayLead({ record, holder: 'a', now: NOW }), c.lead);
    });
  }
});
