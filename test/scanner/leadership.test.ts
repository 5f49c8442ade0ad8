import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { LeaseRecord, LeaseStore } from '../../src/cluster/lease-store.ts';
import { createLeadership } from '../../src/scanner/leadership.ts';
import { leaseVerdict, scanLeaseName } from '../../src/scanner/lease-coordinator.ts';

const NOW = new Date('2026-12-02T10:00:00Z');
const record = (over: Partial<LeaseRecord>): LeaseRecord => ({
  namespace: 'exitcode',
  name: 'exitcode-scan-c1',
  resourceVersion: '1',
  holder: 'b',
  annotations: {},
  renewTime: NOW.toISOString(),
  durationSeconds: 20,
  ...over,
});

/** Leases in memory with the API server's conditional-write rules (409 on a stale resourceVersion). */
const memoryLeases = (): Pick<LeaseStore, 'createLease' | 'readLease' | 'replaceLease'> & {
  map: Map<string, LeaseRecord>;
} => {
  const map = new Map<string, LeaseRecord>();
  let version = 0;
  return {
    map,
    createLease: async (r) => {
      if (map.has(r.name)) return 'exists';
      const created = { ...r, resourceVersion: String(++version) };
      map.set(r.name, created);
      return created;
    },
    readLease: async ({ name }) => map.get(name),
    replaceLease: async (r) => {
      if (map.get(r.name)?.resourceVersion !== r.resourceVersion) return 'conflict';
      const next = { ...r, resourceVersion: String(++version) };
      map.set(r.name, next);
      return next;
    },
  };
};

describe('scanner leadership', () => {
  const cases: { name: string; lease?: Partial<LeaseRecord>; want: string }[] = [
    { name: 'no Lease yet', want: 'absent' },
    { name: 'mine', lease: { holder: 'a' }, want: 'mine' },
    { name: 'released', lease: { holder: '' }, want: 'free' },
    { name: 'held and fresh', lease: {}, want: 'held' },
    { name: 'held but expired', lease: { renewTime: new Date(NOW.getTime() - 21_000).toISOString() }, want: 'free' },
    { name: 'unreadable renew time', lease: { renewTime: 'yesterday' }, want: 'free' },
  ];
  for (const c of cases) {
    test(`verdict: ${c.name}`, () => {
      assert.equal(leaseVerdict({ record: c.lease ? record(c.lease) : undefined, holder: 'a', now: NOW }), c.want);
    });
  }

  test('one replica leads; the other takes over only after release or expiry', async () => {
    const leases = memoryLeases();
    let now = NOW;
    const make = (holder: string) =>
      createLeadership({
        leases,
        namespace: 'exitcode',
        name: scanLeaseName('C1'),
        holder,
        durationSeconds: 20,
        now: () => now,
      });
    const a = make('a');
    const b = make('b');
    assert.equal(await a.renew(), true);
    assert.equal(await b.renew(), false);
    assert.equal(await a.renew(), true, 'renewing keeps it');
    now = new Date(NOW.getTime() + 25_000);
    assert.equal(await b.renew(), true, 'expired: taken over');
    assert.equal(await a.renew(), false);
    await b.release();
    assert.equal(await a.renew(), true, 'released: free at once');
  });
});

describe('renewal while holding the Lease', () => {
  const counting = () => {
    const leases = memoryLeases();
    const calls: string[] = [];
    return {
      leases,
      calls,
      store: {
        createLease: (r: Parameters<typeof leases.createLease>[0]) => {
          calls.push('create');
          return leases.createLease(r);
        },
        readLease: (r: Parameters<typeof leases.readLease>[0]) => {
          calls.push('read');
          return leases.readLease(r);
        },
        replaceLease: (r: LeaseRecord) => {
          calls.push('replace');
          return leases.replaceLease(r);
        },
      },
    };
  };

  test('is one conditional replace, and a write by somebody else sends it back to read and judge', async () => {
    const { leases, calls, store } = counting();
    let now = NOW;
    const lead = createLeadership({
      leases: store,
      namespace: 'exitcode',
      name: 'exitcode-scan-c1',
      holder: 'a',
      durationSeconds: 20,
      now: () => now,
    });
    assert.equal(await lead.renew(), true);
    assert.deepEqual(calls.splice(0), ['read', 'create']);
    now = new Date(NOW.getTime() + 5_000);
    assert.equal(await lead.renew(), true);
    assert.deepEqual(calls.splice(0), ['replace'], 'no read while it holds the Lease');
    assert.equal(leases.map.get('exitcode-scan-c1')?.renewTime, now.toISOString());

    // Another replica took it over (say this one was paused past the Lease's duration).
    const current = leases.map.get('exitcode-scan-c1');
    assert.ok(current);
    leases.map.set('exitcode-scan-c1', {
      ...current,
      holder: 'b',
      resourceVersion: '99',
      renewTime: now.toISOString(),
    });
    assert.equal(await lead.renew(), false, 'stale version: it reads and sees the Lease held');
    assert.deepEqual(calls.splice(0), ['replace', 'read']);
    assert.equal(leases.map.get('exitcode-scan-c1')?.holder, 'b');
    assert.equal(await lead.renew(), false);
    assert.deepEqual(calls.splice(0), ['read'], 'not holding: read only');
  });

  test('a failed renewal write forgets what it held, so the next round reads first', async () => {
    const { calls, store } = counting();
    let fail = false;
    const lead = createLeadership({
      leases: {
        ...store,
        replaceLease: async (r) => {
          if (fail) {
            calls.push('replace');
            throw new Error('connection reset');
          }
          return store.replaceLease(r);
        },
      },
      namespace: 'exitcode',
      name: 'exitcode-scan-c1',
      holder: 'a',
      durationSeconds: 20,
      now: () => NOW,
    });
    assert.equal(await lead.renew(), true);
    fail = true;
    await assert.rejects(lead.renew());
    fail = false;
    calls.splice(0);
    assert.equal(await lead.renew(), true);
    assert.deepEqual(calls.splice(0), ['read', 'replace']);
  });
});
