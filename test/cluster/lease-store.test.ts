/**
 * The Lease store's contract, over both transports (client-node, and the plain JSON requests the
 * scanner renews with), against the demo cluster with RBAC on (its strict Lease rules: MicroTime,
 * resourceVersion on update, 409s) and behind the fault proxy: the same records, the same answers to
 * conflicts, and the same "may have applied" verdict on an ambiguous write.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { connectCluster } from '../../src/cluster/connection.ts';
import { createLeaseStore } from '../../src/cluster/leases.ts';
import { mayHaveAppliedError } from '../../src/cluster/retry.ts';
import { type DemoCluster, startDemoCluster } from '../../src/demo/server.ts';
import { type FaultProxy, startFaultProxy } from '../helpers/fault-proxy.ts';
import { deployRbac } from '../integration/rbac-grants.ts';

let demo: DemoCluster;
let proxy: FaultProxy;
before(async () => {
  demo = await startDemoCluster({ rbac: true });
  // deploy/'s own Roles: the store needs nothing they do not grant.
  for (const object of deployRbac([NAMESPACE])) demo.state.put(object);
  proxy = await startFaultProxy({ target: demo.url, kubeconfigYaml: demo.kubeconfigYaml });
});
after(async () => {
  await proxy.close();
  await demo.close();
});

const NOW = '2026-12-02T10:00:00.123Z';
/** A workload namespace: remediation's request Leases live there, with list and delete granted. */
const NAMESPACE = 'shop';

for (const transport of ['client-node', 'json'] as const) {
  describe(`the Lease store over ${transport}`, () => {
    const store = () => createLeaseStore(connectCluster({ kubeconfigYaml: proxy.kubeconfigYaml }), { transport });
    const name = `exitcode-contract-${transport}`;
    const record = {
      namespace: NAMESPACE,
      name,
      holder: 'replica-a',
      annotations: { 'exitcode.dev/state': '{"a":1}' },
      labels: { 'exitcode.dev/channel': `C-${transport}` },
      renewTime: NOW,
      acquireTime: NOW,
      durationSeconds: 30,
    };

    test('create, read, conditional replace, list and delete give the same records', async () => {
      proxy.clear();
      const leases = store();
      const created = await leases.createLease(record);
      assert.ok(created !== 'exists');
      assert.equal(await leases.createLease(record), 'exists', 'a second create is refused');
      const read = await leases.readLease({ namespace: NAMESPACE, name });
      assert.deepEqual(read, created);
      assert.equal(read?.renewTime, NOW);
      assert.deepEqual(read?.labels, { 'exitcode.dev/channel': `C-${transport}` });
      const stored = demo.state.list('leases', NAMESPACE).find((l) => l.metadata.name === name);
      assert.match(
        (stored?.['spec'] as { renewTime?: string } | undefined)?.renewTime ?? '',
        /\.\d{6}Z$/,
        'MicroTime on the wire',
      );

      const renewed = await leases.replaceLease({ ...created, renewTime: '2026-12-02T10:00:10.000Z' });
      assert.ok(renewed !== 'conflict');
      assert.notEqual(renewed.resourceVersion, created.resourceVersion);
      assert.equal(
        await leases.replaceLease({ ...created, holder: 'replica-b' }),
        'conflict',
        'a stale resourceVersion is a conflict, not an overwrite',
      );
      assert.equal((await leases.readLease({ namespace: NAMESPACE, name }))?.holder, 'replica-a');

      await leases.createLease({ ...record, name: `${name}-other`, labels: { 'exitcode.dev/channel': 'C-other' } });
      const listed = await leases.listLeases({
        namespace: NAMESPACE,
        labels: { 'exitcode.dev/channel': `C-${transport}` },
      });
      assert.deepEqual(
        listed.map((l) => l.name),
        [name],
        'only the Leases carrying the label',
      );
      await leases.deleteLease({ namespace: NAMESPACE, name });
      assert.equal(await leases.readLease({ namespace: NAMESPACE, name }), undefined);
      await leases.deleteLease({ namespace: NAMESPACE, name });
    });

    test('a write the server applied but answered 500 is sent once and reported as maybe applied', async () => {
      proxy.clear();
      const leases = store();
      const created = await leases.createLease({ ...record, name: `${name}-fault` });
      assert.ok(created !== 'exists');
      const updatesBefore = demo.requests().filter((r) => r.method === 'PUT').length;
      proxy.inject({ method: 'PUT', resource: 'leases', mode: 'status-after' });
      const error = await leases.replaceLease({ ...created, renewTime: '2026-12-02T10:00:20.000Z' }).then(
        () => undefined,
        (e: unknown) => e,
      );
      assert.ok(error, 'the 500 is an error');
      assert.equal(mayHaveAppliedError(error), true);
      assert.equal(demo.requests().filter((r) => r.method === 'PUT').length - updatesBefore, 1, 'sent once');
      const after = await leases.readLease({ namespace: NAMESPACE, name: `${name}-fault` });
      assert.equal(after?.renewTime, '2026-12-02T10:00:20.000Z', 'and it was applied');
    });

    test('a read answered 500 is retried like any read', async () => {
      proxy.clear();
      const leases = store();
      const hitsBefore = proxy.hits.length;
      proxy.inject({ method: 'GET', resource: 'leases', mode: 'status-before', times: 2 });
      assert.equal(await leases.readLease({ namespace: NAMESPACE, name: 'absent' }), undefined);
      assert.equal(proxy.hits.length - hitsBefore, 2, 'two 500s, then the answer');
    });
  });
}
