import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { connectCluster } from '../../src/cluster/connection.ts';
import { createLeaseStore } from '../../src/cluster/leases.ts';
import { createLedger, leaseName } from '../../src/remediation/ledger.ts';
import { startKubeStandIn } from './kube-stand-in.ts';

const kube = await startKubeStandIn();
after(() => kube.close());
const store = createLeaseStore(connectCluster({ kubeconfigYaml: kube.kubeconfigYaml, retry: { attempts: 1 } }));
const view = { state: 'requested' as const, action: 'restart-pod', pod: 'api-1', requestedBy: 'U1' };

test('lease names are stable, DNS-safe and distinct per request id', () => {
  assert.equal(leaseName('abc12345'), leaseName('abc12345'));
  assert.notEqual(leaseName('abc12345'), leaseName('abc12346'));
  assert.match(leaseName('abc12345'), /^exitcode-action-[0-9a-f]{32}$/);
});

test('claim is create-if-absent; move is compare-and-set on the state', async () => {
  const ledger = createLedger({ store, holder: 'a', durationSeconds: 60, now: () => new Date('2026-11-25T12:00:00Z') });
  const first = await ledger.claim({ namespace: 'shop', rid: 'rid-claim-1', view });
  const second = await ledger.claim({ namespace: 'shop', rid: 'rid-claim-1', view: { ...view, requestedBy: 'U2' } });
  assert.equal(first.won, true);
  assert.deepEqual(second, { won: false, existing: view });
  if (!first.won) return;
  const approved = await ledger.move({
    record: first.record,
    from: 'requested',
    to: { state: 'approved', approvedBy: 'U3' },
  });
  assert.equal(approved.won, true);
  // A writer holding the stale record loses, and learns who won.
  const stale = await ledger.move({ record: first.record, from: 'requested', to: { state: 'denied', deniedBy: 'U4' } });
  assert.deepEqual(stale, { won: false, existing: { ...view, state: 'approved', approvedBy: 'U3' } });
});

test('sweep deletes only action leases whose lifetime has passed', async () => {
  let clock = new Date('2026-11-25T12:00:00Z');
  const ledger = createLedger({ store, holder: 'a', durationSeconds: 60, now: () => clock });
  await ledger.claim({ namespace: 'sweep', rid: 'rid-old-1', view });
  clock = new Date('2026-11-25T12:00:30Z');
  await ledger.claim({ namespace: 'sweep', rid: 'rid-new-1', view });
  clock = new Date('2026-11-25T12:01:10Z');
  assert.equal(await ledger.sweep({ namespace: 'sweep' }), 1);
  assert.equal(await ledger.read({ namespace: 'sweep', rid: 'rid-old-1' }), undefined);
  assert.ok(await ledger.read({ namespace: 'sweep', rid: 'rid-new-1' }));
});
