import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { V1Pod } from '@kubernetes/client-node';
import { type ClusterConnection, connectCluster } from '../../src/cluster/connection.ts';
import { gatherTarget, parseTarget, suggest } from '../../src/cluster/resolve.ts';
import { startDemoCluster } from '../../src/demo/server.ts';
import type { DemoClusterOptions } from '../../src/demo/types.ts';
import { buildDiagnosis } from '../../src/diagnosis/diagnose-pod.ts';
import { pickPod, selectorString, workloadNameOf } from '../../src/cluster/workload-pods.ts';
import { ExitcodeError } from '../../src/errors.ts';

describe('parseTarget', () => {
  const cases: Array<[string, ReturnType<typeof parseTarget>]> = [
    ['api-7f9c6-abcde', { name: 'api-7f9c6-abcde' }],
    ['deploy/api', { kind: 'Deployment', name: 'api' }],
    ['deployment/api', { kind: 'Deployment', name: 'api' }],
    ['deployments.apps/api', { kind: 'Deployment', name: 'api' }],
    ['sts/db', { kind: 'StatefulSet', name: 'db' }],
    ['statefulset/db', { kind: 'StatefulSet', name: 'db' }],
    ['ds/agent', { kind: 'DaemonSet', name: 'agent' }],
    ['job/migrate', { kind: 'Job', name: 'migrate' }],
    ['pod/api-1', { kind: 'Pod', name: 'api-1' }],
  ];
  for (const [input, expected] of cases) test(input, () => assert.deepEqual(parseTarget(input), expected));

  test('unknown kinds and bad names are refused before any request', () => {
    assert.throws(
      () => parseTarget('svc/api'),
      (e: unknown) => e instanceof ExitcodeError && e.code === 'bad_input',
    );
    assert.throws(
      () => parseTarget('deploy/../../secrets'),
      (e: unknown) => e instanceof ExitcodeError && e.code === 'invalid_name',
    );
    assert.throws(
      () => parseTarget('deploy/'),
      (e: unknown) => e instanceof ExitcodeError && e.code === 'invalid_name',
    );
    assert.throws(
      () => parseTarget('../etc'),
      (e: unknown) =>
        e instanceof ExitcodeError && e.code === 'invalid_name' && e.message.startsWith('"../etc" is not'),
    );
    assert.throws(
      () => parseTarget('API'),
      (e: unknown) => e instanceof ExitcodeError && e.code === 'invalid_name',
    );
  });
});

describe('suggestions', () => {
  test('prefix matches first, then close names, at most three', () => {
    const pods = ['api-7f9c6-abcde', 'api-7f9c6-fghij', 'payments-0', 'worker-5d4-zzzzz', 'apx-1', 'web-1'];
    assert.deepEqual(suggest('api', pods), ['api-7f9c6-abcde', 'api-7f9c6-fghij']);
    assert.deepEqual(suggest('a', pods), ['apx-1', 'api-7f9c6-abcde', 'api-7f9c6-fghij']);
    assert.deepEqual(suggest('wbe-1', pods), ['web-1']);
    assert.deepEqual(suggest('paymetns-0', pods), ['payments-0']);
    assert.deepEqual(suggest('database', pods), []);
  });
});

describe('selectorString', () => {
  test('matchLabels and expressions', () => {
    assert.equal(
      selectorString({
        matchLabels: { app: 'api', tier: 'web' },
        matchExpressions: [
          { key: 'env', operator: 'In', values: ['prod', 'stage'] },
          { key: 'canary', operator: 'DoesNotExist' },
        ],
      }),
      'app=api,tier=web,env in (prod,stage),!canary',
    );
  });
});

const pod = (name: string, created: string, status: V1Pod['status']): V1Pod =>
  ({
    metadata: { name, namespace: 'shop', creationTimestamp: new Date(created) },
    spec: { containers: [{ name: 'api', image: 'a' }] },
    status,
  }) as V1Pod;

describe('pickPod', () => {
  const healthy = (name: string, created: string) =>
    pod(name, created, {
      phase: 'Running',
      containerStatuses: [
        { name: 'api', image: 'a', imageID: '', ready: true, restartCount: 0, state: { running: {} } },
      ],
    });
  const crashing = (name: string, finishedAt: string) =>
    pod(name, '2026-11-25T10:00:00Z', {
      phase: 'Running',
      containerStatuses: [
        {
          name: 'api',
          image: 'a',
          imageID: '',
          ready: false,
          restartCount: 3,
          state: { waiting: { reason: 'CrashLoopBackOff' } },
          lastState: { terminated: { exitCode: 1, finishedAt: new Date(finishedAt) } },
        },
      ],
    });

  test('the most recently failing pod, and why', () => {
    const picked = pickPod(
      [
        healthy('api-a', '2026-11-25T11:00:00Z'),
        crashing('api-b', '2026-11-25T11:10:00Z'),
        crashing('api-c', '2026-11-25T11:20:00Z'),
      ],
      'deployment/api',
    );
    assert.equal(picked?.pod.metadata?.name, 'api-c');
    assert.equal(
      picked?.because,
      'deployment/api has 3 pods (2 are failing); picked api-c: its container api failed most recently.',
    );
  });

  test('one failing pod among several is counted too', () => {
    const picked = pickPod(
      [healthy('api-a', '2026-11-25T11:00:00Z'), crashing('api-b', '2026-11-25T11:10:00Z')],
      'deployment/api',
    );
    assert.equal(
      picked?.because,
      'deployment/api has 2 pods (1 is failing); picked api-b: its container api failed most recently.',
    );
    const alone = pickPod([crashing('api-b', '2026-11-25T11:10:00Z')], 'deployment/api');
    assert.equal(alone?.because, 'deployment/api has 1 pod; picked api-b: its container api failed most recently.');
  });

  test('none failing: the newest; no pods: nothing', () => {
    const picked = pickPod(
      [healthy('api-a', '2026-11-25T11:00:00Z'), healthy('api-b', '2026-11-25T11:30:00Z')],
      'deployment/api',
    );
    assert.equal(picked?.pod.metadata?.name, 'api-b');
    assert.match(picked?.because ?? '', /none failing/);
    assert.equal(pickPod([], 'deployment/api'), undefined);
  });
});

describe('workloadNameOf', () => {
  const owned = (kind: string, name: string, labels: Record<string, string> = {}) =>
    ({
      metadata: { name: 'x', labels, ownerReferences: [{ apiVersion: 'v1', kind, name, uid: 'u', controller: true }] },
    }) as V1Pod;
  test('the Deployment behind a ReplicaSet, else the owner, else nothing', () => {
    assert.equal(workloadNameOf(owned('ReplicaSet', 'api-7f9c6d5b8', { 'pod-template-hash': '7f9c6d5b8' })), 'api');
    assert.equal(workloadNameOf(owned('ReplicaSet', 'bare-rs')), 'bare-rs');
    assert.equal(workloadNameOf(owned('StatefulSet', 'db')), 'db');
    assert.equal(workloadNameOf({ metadata: { name: 'lonely' } } as V1Pod), undefined);
  });
});

describe('target resolution keeps errors what they are (against the demo cluster)', () => {
  const withDemo = async (options: DemoClusterOptions, work: (connection: ClusterConnection) => Promise<void>) => {
    const demo = await startDemoCluster({ scenarios: ['report-builder-oom'], ...options });
    try {
      await work(connectCluster({ kubeconfigYaml: demo.kubeconfigYaml, retry: { sleep: async () => {} } }));
    } finally {
      await demo.close();
    }
  };
  const failure = async (promise: Promise<unknown>): Promise<ExitcodeError> => {
    try {
      await promise;
    } catch (error) {
      assert.ok(error instanceof ExitcodeError, String(error));
      return error;
    }
    assert.fail('expected a failure');
  };

  test('a 403 on a workload probe is forbidden, naming verb and resource, never "no such name"', async () => {
    await withDemo({ forbidden: [{ verb: 'get', resource: 'statefulsets' }] }, async (connection) => {
      const error = await failure(gatherTarget(connection, { namespace: 'data', target: 'report-buildr' }));
      assert.equal(error.code, 'forbidden');
      assert.match(error.message, /may not get statefulsets in namespace data/);
      assert.doesNotMatch(error.message, /Did you mean|No pod or workload/);
    });
  });

  test('a timed-out probe is reported as the timeout, never "no such name"', async () => {
    await withDemo({}, async (real) => {
      const connection: ClusterConnection = {
        ...real,
        call: (what, request) =>
          what.resource === 'daemonsets'
            ? Promise.reject(
                new ExitcodeError('cluster_timeout', 'The Kubernetes API did not answer in time.', { ...what }),
              )
            : real.call(what, request),
      };
      const error = await failure(gatherTarget(connection, { namespace: 'data', target: 'report-buildr' }));
      assert.equal(error.code, 'cluster_timeout');
      assert.doesNotMatch(error.message, /Did you mean/);
    });
  });

  test('every probe says 404: then, and only then, "did you mean"', async () => {
    await withDemo({}, async (connection) => {
      const error = await failure(gatherTarget(connection, { namespace: 'data', target: 'report-buildr' }));
      assert.equal(error.code, 'pod_not_found');
      assert.match(error.message, /Did you mean report-builder/);
    });
  });

  test('a namespace that does not exist, or that the Role is not bound in, reads as what we know', async () => {
    const sentence = /^Namespace "nope" does not exist, or I may not read it: /;
    await withDemo({}, async (connection) => {
      for (const target of ['api', 'deploy/api']) {
        const error = await failure(gatherTarget(connection, { namespace: 'nope', target }));
        assert.match(error.message, sentence, target);
      }
    });
    // A namespaced Role bound elsewhere: every request in "nope" is refused, and namespaces cannot be read.
    const locked = ['pods', 'deployments', 'statefulsets', 'daemonsets', 'jobs', 'events'].flatMap((resource) => [
      { verb: 'get', resource, namespace: 'nope' },
      { verb: 'list', resource, namespace: 'nope' },
    ]);
    await withDemo({ forbidden: [...locked, { verb: 'get', resource: 'namespaces' }] }, async (connection) => {
      for (const target of ['api', 'deploy/api']) {
        const error = await failure(gatherTarget(connection, { namespace: 'nope', target }));
        assert.match(error.message, sentence, target);
        assert.equal(error.code, 'forbidden');
      }
    });
  });

  test('a forbidden log is named as forbidden with the permission to add, never as an empty log', async () => {
    await withDemo({ forbidden: [{ verb: 'get', resource: 'pods/log' }] }, async (connection) => {
      const gathered = await gatherTarget(connection, { namespace: 'data', target: 'deploy/report-builder' });
      const diagnosis = buildDiagnosis({ ...gathered, cluster: 'demo' });
      const why = diagnosis.missing.map((m) => m.why).join('\n');
      assert.match(
        why,
        /forbidden: the service account may not get pods\/log in namespace data \(add "get pods\/log" to its Role\)/,
      );
      const evidence = (diagnosis.containers[0]?.classification.best.evidence ?? []).map((e) => e.text).join('\n');
      assert.doesNotMatch(evidence, /log was empty/);
    });
  });
});
