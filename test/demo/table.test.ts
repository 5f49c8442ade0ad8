import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { startDemoCluster } from '../../src/demo/server.ts';
import { humanAge } from '../../src/demo/table.ts';

const KUBECTL_ACCEPT =
  'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

describe('server-side Tables for kubectl', () => {
  test('humanAge prints durations the way kubectl does', () => {
    const cases: Array<[number, string]> = [
      [0, '0s'],
      [45, '45s'],
      [119, '119s'],
      [192, '3m12s'],
      [600, '10m'],
      [2400, '40m'],
      [5 * 3600 + 600, '5h10m'],
      [30 * 3600, '30h'],
      [3 * 86_400 + 4 * 3600, '3d4h'],
      [12 * 86_400 + 5, '12d'],
    ];
    for (const [seconds, text] of cases) assert.equal(humanAge(seconds), text, `${seconds}s`);
  });

  test('pods: READY, STATUS and RESTARTS as kubectl get pods shows them; plain JSON without the Accept header', async () => {
    const now = new Date('2026-11-25T20:00:00Z');
    const cluster = await startDemoCluster({
      now: () => now,
      scenarios: [
        'accounts-init-migration',
        'report-builder-oom',
        'gateway-past-restart',
        'orders-panic-after-rollout',
      ],
    });
    try {
      const table = async (path: string) => {
        const response = await fetch(`${cluster.url}${path}`, { headers: { accept: KUBECTL_ACCEPT } });
        return (await response.json()) as {
          kind: string;
          columnDefinitions: { name: string }[];
          rows: { cells: unknown[]; object: { metadata: { namespace: string } } }[];
        };
      };
      const pods = await table('/api/v1/pods');
      assert.equal(pods.kind, 'Table');
      assert.deepEqual(
        pods.columnDefinitions.map((c) => c.name),
        ['Name', 'Ready', 'Status', 'Restarts', 'Age', 'IP', 'Node'],
      );
      const row = (prefix: string) => pods.rows.find((r) => String(r.cells[0]).startsWith(prefix))?.cells.slice(1, 5);
      assert.deepEqual(row('accounts-api'), ['0/1', 'Init:CrashLoopBackOff', '10 (2m ago)', '35m']);
      assert.deepEqual(row('report-builder'), ['0/1', 'CrashLoopBackOff', '6 (5m12s ago)', '70m']);
      assert.deepEqual(row('payments-gateway'), ['1/1', 'Running', '1 (2d ago)', '9d']);
      assert.ok(pods.rows.every((r) => ['shop', 'payments', 'data'].includes(r.object.metadata.namespace)));
      const deployments = await table('/apis/apps/v1/namespaces/shop/deployments/orders-api');
      assert.deepEqual(deployments.rows[0]?.cells, ['orders-api', '2/2', 1, 2, '120d']);
      const plain = (await (await fetch(`${cluster.url}/api/v1/pods`)).json()) as { kind: string };
      assert.equal(plain.kind, 'PodList');
    } finally {
      await cluster.close();
    }
  });
});
