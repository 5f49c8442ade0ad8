import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { V1MicroTime } from '@kubernetes/client-node';
import { type DemoCluster, startDemoCluster } from '../../src/demo/server.ts';
import { clientsFor, failureOf } from './client.ts';

/** Sends raw JSON, so the test controls exactly what goes on the wire (client-node would reformat dates). */
const send = async (cluster: DemoCluster, method: string, path: string, body: unknown) => {
  const response = await fetch(`${cluster.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { code: response.status, body: (await response.json()) as { message: string; reason: string } };
};

const LEASES = '/apis/coordination.k8s.io/v1/namespaces/exitcode/leases';

const lease = (name: string, spec: Record<string, unknown>, metadata: Record<string, unknown> = {}) => ({
  apiVersion: 'coordination.k8s.io/v1',
  kind: 'Lease',
  metadata: { name, ...metadata },
  spec,
});

describe('demo cluster: refuses what a real API server refuses', () => {
  let cluster: DemoCluster;
  let api: ReturnType<typeof clientsFor>;
  before(async () => {
    cluster = await startDemoCluster({ scenarios: ['checkout-missing-env'] });
    cluster.state.put({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'exitcode' } });
    api = clientsFor(cluster.kubeconfigYaml);
  });
  after(async () => cluster.close());

  test('Lease times must be MicroTime (six fractional digits): milliseconds and plain seconds are a 400', async () => {
    const millis = await send(cluster, 'POST', LEASES, lease('ms', { renewTime: '2026-12-02T10:00:00.123Z' }));
    assert.equal(millis.code, 400);
    assert.equal(
      millis.body.message,
      'Lease in version "v1" cannot be handled as a Lease: parsing time "2026-12-02T10:00:00.123Z" as "2006-01-02T15:04:05.000000Z07:00": cannot parse ".123Z" as ".000000"',
    );
    const seconds = await send(cluster, 'POST', LEASES, lease('s', { acquireTime: '2026-12-02T10:00:00Z' }));
    assert.equal(seconds.code, 400);
    const micro = await send(cluster, 'POST', LEASES, lease('us', { renewTime: '2026-12-02T10:00:00.123456Z' }));
    assert.equal(micro.code, 201);
    const viaClient = await api.coordination.createNamespacedLease({
      namespace: 'exitcode',
      body: lease('client', { renewTime: new V1MicroTime(), leaseDurationSeconds: 30 }),
    });
    assert.ok(viaClient.metadata?.resourceVersion, "client-node's V1MicroTime is accepted");
  });

  test('a non-positive duration, a negative transition count and a bad name are a 422 with every cause', async () => {
    const bad = await send(
      cluster,
      'POST',
      LEASES,
      lease('Bad_Name', { leaseDurationSeconds: 0, leaseTransitions: -1 }),
    );
    assert.equal(bad.code, 422);
    assert.equal(bad.body.reason, 'Invalid');
    assert.match(
      bad.body.message,
      /^Lease\.coordination\.k8s\.io "Bad_Name" is invalid: \[metadata\.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain/,
    );
    assert.match(bad.body.message, /spec\.leaseDurationSeconds: Invalid value: 0: must be greater than 0/);
    assert.match(bad.body.message, /spec\.leaseTransitions: Invalid value: -1: must be greater than or equal to 0/);
    const causes = (bad.body as unknown as { details: { causes: { field: string }[] } }).details.causes;
    assert.deepEqual(
      causes.map((c) => c.field),
      ['metadata.name', 'spec.leaseDurationSeconds', 'spec.leaseTransitions'],
    );
  });

  test('annotations over 256 KiB in total are refused; just under is accepted', async () => {
    const big = { a: 'x'.repeat(200 * 1024), b: 'y'.repeat(60 * 1024) };
    const over = await send(cluster, 'POST', LEASES, lease('big', {}, { annotations: big }));
    assert.equal(over.code, 422);
    assert.match(over.body.message, /metadata\.annotations: Too long: must have at most 262144 bytes/);
    const under = await send(
      cluster,
      'POST',
      LEASES,
      lease('big', {}, { annotations: { a: 'x'.repeat(256 * 1024 - 1) } }),
    );
    assert.equal(under.code, 201);
  });

  test('a label value the server would refuse is a 422', async () => {
    const bad = await send(
      cluster,
      'POST',
      LEASES,
      lease('labelled', {}, { labels: { thread: '1700000000.000100/x' } }),
    );
    assert.equal(bad.code, 422);
    assert.match(bad.body.message, /metadata\.labels: Invalid value: "1700000000\.000100\/x": a valid label must be/);
  });

  test('a Lease update needs metadata.resourceVersion; a stale one is a 409 Conflict', async () => {
    const created = await api.coordination.createNamespacedLease({
      namespace: 'exitcode',
      body: lease('versioned', { holderIdentity: 'a', leaseDurationSeconds: 15 }),
    });
    const unconditional = await send(
      cluster,
      'PUT',
      `${LEASES}/versioned`,
      lease('versioned', { holderIdentity: 'b', leaseDurationSeconds: 15 }),
    );
    assert.equal(unconditional.code, 422);
    assert.equal(
      unconditional.body.message,
      'Lease.coordination.k8s.io "versioned" is invalid: metadata.resourceVersion: Invalid value: "": must be specified for an update',
    );
    await api.coordination.replaceNamespacedLease({
      namespace: 'exitcode',
      name: 'versioned',
      body: { ...created, spec: { ...created.spec, holderIdentity: 'b' } },
    });
    const stale = await failureOf(() =>
      api.coordination.replaceNamespacedLease({
        namespace: 'exitcode',
        name: 'versioned',
        body: { ...created, spec: { ...created.spec, holderIdentity: 'c' } },
      }),
    );
    assert.equal(stale.code, 409);
    assert.equal(stale.body.reason, 'Conflict');
    assert.equal(
      stale.body.message,
      'Operation cannot be fulfilled on leases.coordination.k8s.io "versioned": the object has been modified; please apply your changes to the latest version and try again',
    );
  });

  test("an Event must live in its involved object's namespace; a new-style Event needs its reporting fields", async () => {
    const event = (namespace: string, extra: Record<string, unknown> = {}) => ({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: `audit.${namespace}` },
      involvedObject: { kind: 'Pod', name: 'x', namespace },
      reason: 'Restarted',
      message: 'by exitcode',
      type: 'Normal',
      ...extra,
    });
    const elsewhere = await send(cluster, 'POST', '/api/v1/namespaces/shop/events', event('payments'));
    assert.equal(elsewhere.code, 422);
    assert.equal(
      elsewhere.body.message,
      'Event "audit.payments" is invalid: involvedObject.namespace: Invalid value: "payments": does not match event.namespace',
    );
    const same = await send(cluster, 'POST', '/api/v1/namespaces/shop/events', event('shop'));
    assert.equal(same.code, 201);
    const newStyle = await send(
      cluster,
      'POST',
      '/api/v1/namespaces/shop/events',
      event('shop', { metadata: { name: 'new-style' }, eventTime: '2026-12-02T10:00:00.000000Z' }),
    );
    assert.equal(newStyle.code, 422);
    assert.match(newStyle.body.message, /reportingComponent: Required value/);
    assert.match(newStyle.body.message, /reportingInstance: Required value/);
    assert.match(newStyle.body.message, /action: Required value/);
  });

  test("a body whose namespace differs from the URL's is a 400", async () => {
    const moved = await send(cluster, 'POST', LEASES, lease('moved', {}, { namespace: 'shop' }));
    assert.equal(moved.code, 400);
    assert.equal(
      moved.body.message,
      'the namespace of the provided object does not match the namespace sent on the request',
    );
  });

  test('field selectors the real server does not support for the resource are a 400 in its words', async () => {
    const unsupported = [
      ['pods', 'spec.containers.image=x'],
      ['events', 'message=x'],
      ['nodes', 'metadata.namespace=x'],
    ] as const;
    for (const [resource, selector] of unsupported) {
      const path = resource === 'nodes' ? '/api/v1/nodes' : `/api/v1/namespaces/shop/${resource}`;
      const response = await fetch(`${cluster.url}${path}?fieldSelector=${encodeURIComponent(selector)}`);
      assert.equal(response.status, 400, selector);
      const body = (await response.json()) as { message: string };
      assert.equal(body.message, `field label not supported: ${selector.split('=')[0]}`);
    }
    const supported = await api.core.listNamespacedPod({
      namespace: 'shop',
      fieldSelector: 'status.phase!=Succeeded,spec.nodeName!=,spec.restartPolicy=Always',
    });
    assert.ok(supported.items.length > 0);
    const events = await api.core.listNamespacedEvent({
      namespace: 'shop',
      fieldSelector: 'type=Warning,source=kubelet',
    });
    assert.ok(events.items.every((e) => e.type === 'Warning' && e.source?.component === 'kubelet'));
  });

  test('label selectors with in and notin sets', async () => {
    const pods = await api.core.listNamespacedPod({ namespace: 'shop', labelSelector: 'app in (checkout,nothing)' });
    assert.ok(pods.items.length > 0);
    assert.ok(pods.items.every((p) => p.metadata?.labels?.['app'] === 'checkout'));
    const none = await api.core.listNamespacedPod({ namespace: 'shop', labelSelector: 'app notin (checkout)' });
    assert.ok(none.items.every((p) => p.metadata?.labels?.['app'] !== 'checkout'));
  });
});
