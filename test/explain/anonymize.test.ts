import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { checkSync } from 'recheck';
import { anonymizerFor, createAnonymizer, HOST, IPV4 } from '../../src/explain/anonymize.ts';
import { diagnosis } from '../fixtures/diagnoses.ts';

const facts = {
  container: {
    name: 'app',
    image: 'registry.example/shop/checkout:1.4.2',
    command: [],
    args: [],
    resources: { limits: {}, requests: {} },
    probes: {},
  },
};

describe('anonymizer', () => {
  test('masks namespace, pod, workload, container, node, image, hosts and IPs with stable placeholders', () => {
    const a = anonymizerFor({ diagnosis: diagnosis(), facts });
    const text = [
      'pod checkout-7f9c6b4d5-x2x9z in shop (Deployment checkout, container app) on node-a',
      'image registry.example/shop/checkout:1.4.2 (repo registry.example/shop/checkout)',
      'dial tcp 10.42.3.17:5432 to db.shop.svc.cluster.local failed; retry api.payments.example.com',
    ].join('\n');
    const masked = a.mask(text);
    assert.equal(
      masked,
      [
        'pod pod-1 in ns-1 (Deployment workload-1, container container-1) on node-1',
        'image image-1 (repo image-1)',
        'dial tcp host-1:5432 to host-2 failed; retry host-3',
      ].join('\n'),
    );
    for (const real of ['checkout', 'shop', 'node-a', 'registry.example', '10.42.3.17', 'payments']) {
      assert.ok(!masked.includes(real), `${real} leaked`);
    }
    assert.equal(a.mask('again 10.42.3.17 and shop'), 'again host-1 and ns-1', 'the same value keeps its placeholder');
    assert.equal(
      a.restore('pod-1 in ns-1 talks to host-2 from image-1; pod-9 is unknown'),
      'checkout-7f9c6b4d5-x2x9z in shop talks to db.shop.svc.cluster.local from registry.example/shop/checkout:1.4.2; pod-9 is unknown',
    );
  });

  test('masks whole words only, and leaves file names and Java packages alone', () => {
    const a = anonymizerFor({ diagnosis: diagnosis() });
    assert.equal(
      a.mask('application app started, app.js loaded'),
      'application container-1 started, container-1.js loaded',
    );
    assert.equal(a.mask('java.lang.OutOfMemoryError at com.acme.Main'), 'java.lang.OutOfMemoryError at com.acme.Main');
    assert.equal(a.mask('shopping cart'), 'shopping cart');
  });

  test('restore(mask(text)) gives the text back for any text around the names', () => {
    const a = createAnonymizer({
      names: [
        { kind: 'ns', value: 'payments' },
        { kind: 'pod', value: 'ledger-5d8f7-abcde' },
      ],
    });
    const piece = fc.constantFrom('payments', 'ledger-5d8f7-abcde', ' ', ':', '/', 'x', '10.1.2.3', 'db.corp.internal');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        assert.equal(a.restore(a.mask(text)), text);
      }),
    );
  });

  test('is linear-time: the host and address patterns, as they ship, pass recheck', () => {
    for (const source of [HOST, IPV4]) {
      const result = checkSync(source, 'g', { checker: 'auto', timeout: 30_000, randomSeed: 1 });
      assert.notEqual(result.status, 'vulnerable', `${source}: ${JSON.stringify(result)}`);
    }
  });
});
