/**
 * findTarget against the demo cluster through the real client: pods first, then workloads, across
 * several namespaces in one round; did-you-mean across them; and a namespace that cannot be read keeps
 * its own error (never "no such name").
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { connectCluster } from '../../src/cluster/connection.ts';
import { findTarget, MAX_NAMESPACES_IN_FLIGHT } from '../../src/cluster/find-target.ts';
import { startDemoCluster } from '../../src/demo/server.ts';
import { isExitcodeError } from '../../src/errors.ts';

const withDemo = async (
  options: Parameters<typeof startDemoCluster>[0],
  run: (args: {
    connection: ReturnType<typeof connectCluster>;
    demo: Awaited<ReturnType<typeof startDemoCluster>>;
  }) => Promise<void>,
) => {
  const demo = await startDemoCluster({
    scenarios: ['checkout-missing-env', 'ledger-dns-failure', 'catalog-healthy'],
    ...options,
  });
  try {
    await run({ demo, connection: connectCluster({ kubeconfigYaml: demo.kubeconfigYaml }) });
  } finally {
    await demo.close();
  }
};

describe('findTarget', () => {
  test('a pod name: found in its namespace, whichever of the listed ones it is in', async () => {
    await withDemo({}, async ({ connection, demo }) => {
      const pod = demo.state.list('pods', 'payments')[0]?.metadata.name as string;
      const found = await findTarget(connection, { name: pod, namespaces: ['shop', 'payments'] });
      assert.deepEqual(found, {
        kind: 'found',
        matches: [{ namespace: 'payments', kind: 'Pod', name: pod, target: pod }],
        unreadable: [],
      });
    });
  });

  test('a pod past the first page of a paged list is still found (pods are matched by field selector)', async () => {
    await withDemo({ maxPageSize: 2 }, async ({ connection, demo }) => {
      // The API answers pods in name order: the last name is on the last page.
      const last = demo.state
        .list('pods', 'shop')
        .map((pod) => pod.metadata.name as string)
        .sort()
        .at(-1) as string;
      const found = await findTarget(connection, { name: last, namespaces: ['shop', 'payments'] });
      assert.deepEqual(found.kind === 'found' && found.matches, [
        { namespace: 'shop', kind: 'Pod', name: last, target: last },
      ]);
    });
  });

  test('a workload name: the workload, as the investigator names it', async () => {
    await withDemo({}, async ({ connection }) => {
      const found = await findTarget(connection, { name: 'checkout', namespaces: ['shop', 'payments'] });
      assert.equal(found.kind, 'found');
      assert.deepEqual(found.kind === 'found' && found.matches, [
        { namespace: 'shop', kind: 'Deployment', name: 'checkout', target: 'deploy/checkout' },
      ]);
    });
  });

  test('one round: per namespace, pods by name, one page of pods and one list per workload kind, nothing after', async () => {
    await withDemo({}, async ({ connection, demo }) => {
      demo.resetRequests();
      await findTarget(connection, { name: 'chekout', namespaces: ['shop', 'payments', 'data'] });
      const paths = demo
        .requests()
        .map((r) => r.path)
        .sort();
      assert.equal(paths.length, 18, paths.join('\n'));
      for (const ns of ['shop', 'payments', 'data']) {
        assert.deepEqual(
          paths.filter((p) => p.includes(`/namespaces/${ns}/`)),
          [
            `/api/v1/namespaces/${ns}/pods`,
            `/api/v1/namespaces/${ns}/pods`,
            `/apis/apps/v1/namespaces/${ns}/daemonsets`,
            `/apis/apps/v1/namespaces/${ns}/deployments`,
            `/apis/apps/v1/namespaces/${ns}/statefulsets`,
            `/apis/batch/v1/namespaces/${ns}/jobs`,
          ].sort(),
        );
      }
    });
  });

  test('many namespaces: at most eight searched at once (48 requests in flight), every one answered', async () => {
    await withDemo({ delayMs: 5 }, async ({ connection }) => {
      let inFlight = 0;
      let peak = 0;
      const counted = {
        ...connection,
        call: async <T>(what: Parameters<typeof connection.call>[0], request: () => Promise<T>): Promise<T> => {
          inFlight += 1;
          peak = Math.max(peak, inFlight);
          try {
            return await connection.call(what, request);
          } finally {
            inFlight -= 1;
          }
        },
      };
      const namespaces = ['shop', ...Array.from({ length: 29 }, (_, i) => `team-${i}`)];
      const found = await findTarget(counted, { name: 'checkout', namespaces });
      assert.equal(found.kind === 'found' && found.matches[0]?.namespace, 'shop');
      assert.ok(peak <= MAX_NAMESPACES_IN_FLIGHT * 6, `peak ${peak}`);
      assert.ok(peak > 6, 'namespaces are still searched side by side');
    });
  });

  test('every namespace at once for a channel that may read all', async () => {
    await withDemo({}, async ({ connection }) => {
      const found = await findTarget(connection, { name: 'checkout', namespaces: ['*'] });
      assert.equal(found.kind === 'found' && found.matches[0]?.namespace, 'shop');
    });
  });

  test('nothing by that name: suggestions from every namespace read, workloads named as people type them', async () => {
    await withDemo({}, async ({ connection }) => {
      const found = await findTarget(connection, { name: 'chekout', namespaces: ['shop', 'payments'] });
      assert.equal(found.kind, 'none');
      assert.ok(
        found.kind === 'none' &&
          found.suggestions.some((s) => s.target === 'deploy/checkout' && s.namespace === 'shop'),
      );
    });
  });

  test('one namespace forbidden: the others answer, and the refusal is kept as itself', async () => {
    await withDemo(
      { forbidden: [{ verb: 'list', resource: 'pods', namespace: 'payments' }] },
      async ({ connection }) => {
        const found = await findTarget(connection, { name: 'chekout', namespaces: ['shop', 'payments'] });
        assert.equal(found.kind, 'none');
        assert.equal(found.unreadable.length, 1);
        assert.equal(found.unreadable[0]?.namespace, 'payments');
        assert.equal(found.unreadable[0]?.error.code, 'forbidden');
      },
    );
  });

  test('every namespace forbidden: the forbidden error itself, not "no such name"', async () => {
    await withDemo({ forbidden: [{ verb: 'list', resource: 'pods' }] }, async ({ connection }) => {
      await assert.rejects(
        findTarget(connection, { name: 'checkout', namespaces: ['shop', 'payments'] }),
        (error: unknown) => isExitcodeError(error) && error.code === 'forbidden',
      );
    });
  });

  test('names are validated before any request', async () => {
    await withDemo({}, async ({ connection }) => {
      await assert.rejects(findTarget(connection, { name: '../etc', namespaces: ['shop'] }), (e: unknown) =>
        isExitcodeError(e),
      );
      await assert.rejects(findTarget(connection, { name: 'api', namespaces: ['Bad_NS'] }), (e: unknown) =>
        isExitcodeError(e),
      );
    });
  });
});
