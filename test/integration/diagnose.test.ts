/**
 * The full path against the demo cluster: kubeconfig -> real client -> gather -> classify -> render.
 * Nothing inside the client is mocked; the demo server speaks the API over loopback HTTP.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { type ClusterConnection, type ConnectOptions, connectCluster } from '../../src/cluster/connection.ts';
import { createDiagnoseCommand } from '../../src/cli/diagnose.ts';
import type { CliIo } from '../../src/cli/io.ts';
import { type DemoCluster, type DemoClusterOptions, startDemoCluster } from '../../src/demo/server.ts';
import type { Diagnosis } from '../../src/diagnosis/types.ts';
import { createInvestigator } from '../../src/services/investigator.ts';

const noSleep = { sleep: async () => {} };

const capture = (env: Record<string, string | undefined> = {}) => {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    readStdin: async () => Buffer.alloc(0),
    isTTY: false,
    env,
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
};

/** Runs `exitcode diagnose ...` in-process against a kubeconfig, with a short timeout and no retry waits. */
const runCli = async (argv: string[], extra: Partial<ConnectOptions> = {}) => {
  const run = capture({ HOME: '/nonexistent' });
  const command = createDiagnoseCommand({
    connect: (options) => connectCluster({ ...options, retry: noSleep, ...extra }),
  });
  const code = await command(argv, run.io);
  return { code, stdout: run.stdout(), stderr: run.stderr() };
};

/**
 * Counts sequential round trips without timing anything: a call's depth is one more than the deepest
 * call that had finished when it started. Calls launched together share a depth, however slow they are.
 */
const instrument = (connection: ClusterConnection) => {
  const finished: number[] = [];
  let calls = 0;
  const call: ClusterConnection['call'] = async (what, request) => {
    calls += 1;
    const depth = 1 + Math.max(0, ...finished);
    try {
      return await connection.call(what, request);
    } finally {
      finished.push(depth);
    }
  };
  return { connection: { ...connection, call }, rounds: () => Math.max(0, ...finished), calls: () => calls };
};

const withDemo = async <T>(options: DemoClusterOptions, work: (demo: DemoCluster) => Promise<T>): Promise<T> => {
  const demo = await startDemoCluster(options);
  try {
    return await work(demo);
  } finally {
    await demo.close();
  }
};

const closedPort = async (): Promise<number> => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
};

describe('diagnose against the demo cluster', () => {
  let demo: DemoCluster;
  let connection: ClusterConnection;
  const diagnose = (namespace: string, target: string, container?: string): Promise<Diagnosis> =>
    createInvestigator({ connection }).diagnose({ namespace, target, ...(container ? { container } : {}) });

  before(async () => {
    demo = await startDemoCluster();
    connection = connectCluster({ kubeconfigYaml: demo.kubeconfigYaml, retry: noSleep });
  });
  after(async () => {
    await demo.close();
  });

  test('every scenario: the workload name resolves to its failing pod and the expected cause', async () => {
    const wrong: string[] = [];
    for (const scenario of demo.scenarios) {
      const diagnosis = await diagnose(scenario.namespace, scenario.workload);
      const got = diagnosis.healthy ? null : (diagnosis.containers[0]?.classification.best.category ?? null);
      if (got !== scenario.expectedCategory)
        wrong.push(`${scenario.id}: expected ${scenario.expectedCategory}, got ${got}`);
      assert.equal(diagnosis.namespace, scenario.namespace);
      assert.equal(diagnosis.cluster, 'exitcode-demo');
    }
    assert.deepEqual(wrong, []);
  });

  test('a Deployment-owned pod by name: two sequential round trips and at most seven requests', async () => {
    const viaWorkload = await diagnose('shop', 'deploy/report-builder').catch(() =>
      diagnose('data', 'deploy/report-builder'),
    );
    const counted = instrument(connection);
    demo.resetRequests();
    const diagnosis = await createInvestigator({ connection: counted.connection }).diagnose({
      namespace: viaWorkload.namespace,
      target: viaWorkload.pod,
    });
    assert.equal(diagnosis.pod, viaWorkload.pod);
    assert.equal(diagnosis.selectedBecause, undefined);
    assert.equal(diagnosis.workload?.kind, 'Deployment');
    assert.ok(diagnosis.workload?.revision, 'the current revision is named');
    assert.equal(counted.rounds(), 2);
    // pod + events, then log + replicaset + deployment + replicasets + node.
    assert.equal(counted.calls(), 7);
    assert.ok(demo.requestCount() <= 7, `${demo.requestCount()} requests: ${JSON.stringify(demo.requests())}`);
  });

  test('owner chains and revisions for every workload kind', async () => {
    const sts = await diagnose('data', 'sts/warehouse-db');
    assert.equal(sts.pod, 'warehouse-db-0');
    assert.deepEqual(
      { kind: sts.workload?.kind, name: sts.workload?.name },
      { kind: 'StatefulSet', name: 'warehouse-db' },
    );
    assert.ok(sts.workload?.revision && sts.workload.rolledOutAt, JSON.stringify(sts.workload));
    const ds = await diagnose('data', 'ds/metrics-agent');
    assert.equal(ds.workload?.kind, 'DaemonSet');
    assert.equal(ds.healthy, true);
    const job = await diagnose('data', 'job/nightly-etl-29410560');
    // The Job's owner is a CronJob: the workload named is the one a person would edit.
    assert.deepEqual({ kind: job.workload?.kind, name: job.workload?.name }, { kind: 'CronJob', name: 'nightly-etl' });
    const rollout = await diagnose('shop', 'deploy/orders-api');
    assert.equal(rollout.workload?.kind, 'Deployment');
    assert.ok(
      rollout.timeline.some(
        (t) => t.source === 'workload' && /revision \d+ rolled out \(orders-api: .+ -> .+\)/.test(t.what),
      ),
      JSON.stringify(rollout.timeline),
    );
    assert.ok(
      rollout.containers[0]?.classification.best.nextSteps.some((step) => step.includes('deployment/orders-api')),
    );
  });

  test('deploy/name says which pod it picked and why', async () => {
    const diagnosis = await diagnose('shop', 'deploy/checkout');
    assert.match(diagnosis.selectedBecause ?? '', /^deployment\/checkout has \d+ pods?.*; picked checkout-/);
    assert.equal(diagnosis.workload?.name, 'checkout');
  });

  test('CLI: readable report, and --json is the Diagnosis', async () => {
    const text = await runCli(['deploy/recommendations', '-n', 'shop', '--kubeconfig', demo.kubeconfigPath]);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /^Pod shop\/recommendations-/);
    assert.match(text.stdout, /\[probe_failure, \d+% confident\]/);
    assert.match(text.stdout, /kubectl [^\n]*-n shop/);
    assert.doesNotMatch(text.stdout, /\x1b\[/);
    const json = await runCli(['recommendations', '--json', '--kubeconfig', demo.kubeconfigPath]);
    assert.equal(json.code, 0, json.stderr);
    const parsed = JSON.parse(json.stdout) as Diagnosis;
    assert.equal(parsed.namespace, 'shop', 'the kubeconfig context namespace is the default');
    assert.equal(parsed.containers[0]?.classification.best.category, 'probe_failure');
  });

  test('a healthy pod is said to be healthy, with its restart history', async () => {
    const run = await runCli(['payments-gateway', '-n', 'payments', '--kubeconfig', demo.kubeconfigPath]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /Healthy: no container is failing right now\./);
    assert.match(run.stdout, /container [a-z-]+: ready, \d+ restarts?/);
  });

  test('pod not found: did you mean, from the namespace pods and their workloads', async () => {
    const run = await runCli(['checkou', '-n', 'shop', '--kubeconfig', demo.kubeconfigPath]);
    assert.equal(run.code, 1);
    assert.match(
      run.stderr,
      /^exitcode: No pod or workload named "checkou" in namespace shop\. Did you mean checkout, checkout-[a-z0-9]+-[a-z0-9]+\?\n$/,
    );
    const typo = await runCli(['ordrs-api', '-n', 'shop', '--kubeconfig', demo.kubeconfigPath]);
    assert.equal(
      typo.stderr,
      'exitcode: No pod or workload named "ordrs-api" in namespace shop. Did you mean orders-api?\n',
    );
    const nothing = await runCli(['zzzzzzzz', '-n', 'shop', '--kubeconfig', demo.kubeconfigPath]);
    assert.match(nothing.stderr, /Check the name with "kubectl get pods -n shop"/);
  });

  test('namespace not found', async () => {
    const run = await runCli(['api', '-n', 'nope', '--kubeconfig', demo.kubeconfigPath]);
    assert.equal(run.code, 1);
    assert.equal(
      run.stderr,
      'exitcode: Namespace "nope" does not exist, or I may not read it: check the name with "kubectl get namespaces", and that the bot\'s Role is bound in nope.\n',
    );
    const workload = await runCli(['deploy/api', '-n', 'nope', '--kubeconfig', demo.kubeconfigPath]);
    assert.match(workload.stderr, /Namespace "nope" does not exist/);
  });

  test('a workload that does not exist', async () => {
    const run = await runCli(['deploy/nothing', '-n', 'shop', '--kubeconfig', demo.kubeconfigPath]);
    assert.equal(run.code, 1);
    assert.equal(run.stderr, 'exitcode: The deployment "nothing" was not found in namespace shop.\n');
  });

  test('invalid names are refused before any request', async () => {
    demo.resetRequests();
    for (const argv of [['../../secrets'], ['api', '-n', 'Shop'], ['api', '-c', 'a/b'], ['deploy/x?y']]) {
      const run = await runCli([...argv, '--kubeconfig', demo.kubeconfigPath]);
      assert.equal(run.code, 2, argv.join(' '));
      assert.match(run.stderr, /^exitcode: .* is not a (valid \w+ name: |kind exitcode can diagnose)/);
    }
    assert.equal(demo.requestCount(), 0);
  });

  test('usage errors: bad flags, missing or extra arguments, --help', async () => {
    const unknown = await runCli(['api', '--bogus']);
    assert.equal(unknown.code, 2);
    assert.equal(unknown.stderr, 'exitcode: Unknown option --bogus. Run "exitcode diagnose --help".\n');
    const none = await runCli([]);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /diagnose takes exactly one pod or kind\/name/);
    const two = await runCli(['a', 'b']);
    assert.equal(two.code, 2);
    const help = await runCli(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: exitcode diagnose <pod\|kind\/name>/);
  });

  test('-c picks one container; an unknown one lists the real ones', async () => {
    const picked = await diagnose('payments', 'deploy/accounts-api', 'migrate');
    assert.deepEqual(
      picked.containers.map((c) => c.container),
      ['migrate'],
    );
    const run = await runCli([
      'deploy/accounts-api',
      '-n',
      'payments',
      '-c',
      'nope',
      '--kubeconfig',
      demo.kubeconfigPath,
    ]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /has no container "nope": use one of /);
  });

  test('several failing containers: each is diagnosed', async () => {
    const terminated = (exitCode: number, reason: string, finishedAt: string) => ({
      terminated: { exitCode, reason, startedAt: '2026-11-25T10:00:00Z', finishedAt },
    });
    const status = (name: string, restartCount: number, last: ReturnType<typeof terminated>) => ({
      name,
      image: `${name}:1`,
      imageID: '',
      ready: false,
      restartCount,
      state: { waiting: { reason: 'CrashLoopBackOff' } },
      lastState: last,
    });
    // The demo API refuses to create pods (as an RBAC-limited bot would be), so this one goes in behind it.
    demo.state.put({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'two-failing', namespace: 'shop', creationTimestamp: '2026-11-25T09:59:00Z' },
      spec: {
        nodeName: 'node-amd64-1',
        containers: [
          { name: 'app', image: 'app:1', resources: { limits: { memory: '64Mi' } } },
          { name: 'proxy', image: 'proxy:1' },
        ],
      },
      status: {
        phase: 'Running',
        containerStatuses: [
          status('app', 3, terminated(137, 'OOMKilled', '2026-11-25T10:05:00Z')),
          status('proxy', 2, terminated(1, 'Error', '2026-11-25T10:01:00Z')),
        ],
      },
    });
    const run = await runCli(['two-failing', '-n', 'shop', '--kubeconfig', demo.kubeconfigPath]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /2 containers are failing/);
    assert.match(run.stdout, /\nContainer app [\s\S]*\[oom_killed, \d+% confident\][\s\S]*\nContainer proxy /);
  });

  test('ping, and logs fall back to the current instance when there is no previous one', async () => {
    const investigator = createInvestigator({ connection });
    await investigator.ping();
    assert.equal(investigator.clusterName, 'exitcode-demo');
    const diagnosis = await diagnose('shop', 'catalog');
    const pod = demo.state.get('pods', 'shop', diagnosis.pod);
    const container = (pod?.spec as { containers?: Array<{ name: string }> } | undefined)?.containers?.[0]?.name ?? '';
    demo.state.setLogs('shop', diagnosis.pod, container, {
      current: [
        { at: '2026-11-25T10:00:00Z', text: 'line one' },
        { at: '2026-11-25T10:00:01Z', text: 'line two' },
        { at: '2026-11-25T10:00:02Z', text: 'line three' },
      ],
    });
    const logs = await investigator.logs({ namespace: 'shop', pod: diagnosis.pod, container, tailLines: 2 });
    assert.equal(logs.previous, false);
    assert.deepEqual(logs.lines, ['line two', 'line three']);
    await assert.rejects(investigator.logs({ namespace: 'shop', pod: '../x', tailLines: 5 }), { code: 'invalid_name' });
  });

  test('logs and events from the investigator are redacted', async () => {
    const diagnosis = await diagnose('shop', 'deploy/checkout');
    const pod = diagnosis.pod;
    const container = diagnosis.containers[0]?.container ?? '';
    demo.state.setLogs('shop', pod, container, {
      previous: [
        {
          at: '2026-11-25T10:00:00Z',
          text: 'connecting with password=hunter2secret and token ghp_0123456789abcdefghij0123456789abcdef',
        },
      ],
    });
    const logs = await createInvestigator({ connection }).logs({ namespace: 'shop', pod, container, tailLines: 20 });
    assert.equal(logs.previous, true);
    const text = logs.lines.join('\n');
    assert.match(text, /connecting with/);
    assert.doesNotMatch(text, /hunter2secret|ghp_0123456789/);
    const events = await createInvestigator({ connection }).events({ namespace: 'shop', pod });
    assert.ok(events.length > 0);
  });
});

describe('failures and partial evidence', () => {
  test('forbidden pod read names the verb and resource', async () => {
    await withDemo({ forbidden: [{ verb: 'get', resource: 'pods' }] }, async (demo) => {
      const run = await runCli(['anything', '-n', 'shop', '--kubeconfig', demo.kubeconfigPath]);
      assert.equal(run.code, 1);
      assert.equal(
        run.stderr,
        'exitcode: The service account may not get pods in namespace shop: add that verb to its Role.\n',
      );
    });
  });

  test('logs forbidden: diagnosed from status and events, and says what was missing', async () => {
    await withDemo(
      {
        forbidden: [{ verb: 'get', resource: 'pods/log' }],
        scenarios: ['report-builder-oom', 'recommendations-liveness'],
      },
      async (demo) => {
        const investigator = createInvestigator({
          connection: connectCluster({ kubeconfigYaml: demo.kubeconfigYaml, retry: noSleep }),
        });
        const oom = await investigator.diagnose({ namespace: 'data', target: 'report-builder' });
        assert.equal(oom.containers[0]?.classification.best.category, 'oom_killed');
        assert.deepEqual(oom.missing, [
          {
            what: 'previous logs of container report-builder',
            why: 'forbidden: the service account may not get pods/log in namespace data (add "get pods/log" to its Role)',
          },
        ]);
        const probe = await investigator.diagnose({ namespace: 'shop', target: 'recommendations' });
        assert.equal(probe.containers[0]?.classification.best.category, 'probe_failure');
      },
    );
  });

  test('logs rotated away: still an answer, with the gap named', async () => {
    await withDemo({ rotatedLogs: true, scenarios: ['report-builder-oom'] }, async (demo) => {
      const run = await runCli(['report-builder', '-n', 'data', '--kubeconfig', demo.kubeconfigPath]);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /\[oom_killed, \d+% confident\]/);
      assert.match(
        run.stdout,
        /Could not read \(diagnosed without it\):\n {2}- previous logs of container report-builder: rotated away/,
      );
    });
  });

  test('events and owners forbidden: MissingEvidence, not a failure', async () => {
    const forbidden = [
      { verb: 'list', resource: 'events' },
      { verb: 'get', resource: 'deployments' },
      { verb: 'list', resource: 'replicasets' },
      { verb: 'get', resource: 'nodes' },
    ];
    await withDemo({ forbidden, scenarios: ['report-builder-oom'] }, async (demo) => {
      const investigator = createInvestigator({
        connection: connectCluster({ kubeconfigYaml: demo.kubeconfigYaml, retry: noSleep }),
      });
      const pod = demo.state.list('pods', 'data').find((p) => p.metadata.name.startsWith('report-builder-'));
      const diagnosis = await investigator.diagnose({ namespace: 'data', target: pod?.metadata.name ?? '' });
      assert.equal(diagnosis.containers[0]?.classification.best.category, 'oom_killed');
      const why = diagnosis.missing.map((m) => `${m.what}: ${m.why}`);
      assert.ok(
        why.includes(
          'events: forbidden: the service account may not list events in namespace data (add "list events" to its Role)',
        ),
        why.join('\n'),
      );
      assert.ok(
        why.includes(
          'deployment report-builder: forbidden: the service account may not get deployments in namespace data (add "get deployments" to its Role)',
        ),
        why.join('\n'),
      );
      assert.ok(
        why.includes(
          'rollout history of deployment report-builder: forbidden: the service account may not list replicasets in namespace data (add "list replicasets" to its Role)',
        ),
        why.join('\n'),
      );
      assert.ok(
        why.some((w) =>
          /^node [a-z0-9-]+: forbidden: the service account may not get nodes \(add "get nodes" to its ClusterRole\)$/.test(
            w,
          ),
        ),
        why.join('\n'),
      );
    });
  });

  test('with a delay on every request the pod and deploy/ are each read in two rounds', async () => {
    await withDemo({ delayMs: 25, scenarios: ['report-builder-oom'] }, async (demo) => {
      const counted = instrument(connectCluster({ kubeconfigYaml: demo.kubeconfigYaml, retry: noSleep }));
      const investigator = createInvestigator({ connection: counted.connection });
      const pod = demo.state.list('pods', 'data').find((p) => p.metadata.name.startsWith('report-builder-'));
      demo.resetRequests();
      await investigator.diagnose({ namespace: 'data', target: pod?.metadata.name ?? '' });
      assert.equal(counted.rounds(), 2);
      assert.equal(demo.requestCount(), 7);
      const byWorkload = instrument(connectCluster({ kubeconfigYaml: demo.kubeconfigYaml, retry: noSleep }));
      demo.resetRequests();
      await createInvestigator({ connection: byWorkload.connection }).diagnose({
        namespace: 'data',
        target: 'deploy/report-builder',
      });
      // The Deployment and the namespace's pods together, then events + log + replicaset + replicasets + node
      // around the picked pod: the Deployment already read is reused, not read again.
      assert.equal(byWorkload.rounds(), 2);
      assert.equal(byWorkload.calls(), 7);
      const requests = demo.requests();
      assert.equal(requests.length, 7, JSON.stringify(requests));
      const deploymentReads = requests.filter((r) => r.path.endsWith('/deployments/report-builder'));
      assert.equal(deploymentReads.length, 1, JSON.stringify(requests));
      // The namespace's pods are listed a page at a time, never unbounded.
      const podLists = requests.filter((r) => r.path.endsWith('/namespaces/data/pods'));
      assert.deepEqual(
        podLists.map((r) => new URLSearchParams(r.search).get('limit')),
        ['500'],
      );
    });
  });

  test('sts/ and job/ are read in two rounds too, and the workload object once', async () => {
    await withDemo({ scenarios: ['postgres-data-dir', 'etl-crlf-entrypoint'] }, async (demo) => {
      for (const [target, path, kind] of [
        ['sts/warehouse-db', '/statefulsets/warehouse-db', 'StatefulSet'],
        ['job/nightly-etl-29410560', '/jobs/nightly-etl-29410560', 'CronJob'],
      ] as const) {
        const counted = instrument(connectCluster({ kubeconfigYaml: demo.kubeconfigYaml, retry: noSleep }));
        demo.resetRequests();
        const diagnosis = await createInvestigator({ connection: counted.connection }).diagnose({
          namespace: 'data',
          target,
        });
        assert.equal(diagnosis.workload?.kind, kind);
        // The Job read in round 1 already names its CronJob, so even that read fits in round 2.
        assert.equal(counted.rounds(), 2, target);
        const requests = demo.requests();
        assert.equal(requests.filter((r) => r.path.endsWith(path)).length, 1, JSON.stringify(requests));
      }
    });
  });

  test('deploy/ picks only pods its ReplicaSets own, however recent a look-alike failure', async () => {
    await withDemo({ scenarios: ['report-builder-oom'] }, async (demo) => {
      const real = demo.state.list('pods', 'data').find((p) => p.metadata.name.startsWith('report-builder-'));
      assert.ok(real);
      // Same labels, later crash: one owned by another Deployment's ReplicaSet, one with no owner at all.
      const lookAlike = (name: string, ownerReferences: unknown[]) => {
        const copy = structuredClone(real) as typeof real & {
          status: { containerStatuses: Array<{ lastState: { terminated: { finishedAt: string } } }> };
        };
        copy.metadata = { ...copy.metadata, name, uid: name, ownerReferences } as typeof copy.metadata;
        copy.metadata.labels = { ...(copy.metadata.labels as Record<string, string>), 'pod-template-hash': 'abc12' };
        for (const status of copy.status.containerStatuses)
          status.lastState.terminated.finishedAt = '2026-11-25T23:59:00Z';
        demo.state.put(copy);
      };
      lookAlike('report-builder-canary-abc12-zz9x1', [
        { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'report-builder-canary-abc12', uid: 'c', controller: true },
      ]);
      lookAlike('report-builder-orphan', []);
      const investigator = createInvestigator({
        connection: connectCluster({ kubeconfigYaml: demo.kubeconfigYaml, retry: noSleep }),
      });
      const diagnosis = await investigator.diagnose({ namespace: 'data', target: 'deploy/report-builder' });
      assert.equal(diagnosis.pod, real.metadata.name);
      assert.match(diagnosis.selectedBecause ?? '', /^deployment\/report-builder has 1 pod;/);
      const bare = await investigator.diagnose({ namespace: 'data', target: 'report-builder' });
      assert.equal(bare.pod, real.metadata.name);
    });
  });

  test('a namespace with more pods than one page: the selector-narrowed list is read instead', async () => {
    await withDemo({ scenarios: ['report-builder-oom'] }, async (demo) => {
      const counted = instrument(connectCluster({ kubeconfigYaml: demo.kubeconfigYaml, retry: noSleep }));
      // The demo API has no continue tokens: the first pod page is marked as cut, as a big namespace's would be.
      let pages = 0;
      const call: ClusterConnection['call'] = async (what, request) => {
        const result = await counted.connection.call(what, request);
        if (what.verb === 'list' && what.resource === 'pods' && pages === 0) {
          pages += 1;
          const list = result as { metadata?: { _continue?: string } };
          list.metadata = { ...list.metadata, _continue: 'more' };
        }
        return result;
      };
      demo.resetRequests();
      const diagnosis = await createInvestigator({ connection: { ...counted.connection, call } }).diagnose({
        namespace: 'data',
        target: 'deploy/report-builder',
      });
      assert.match(diagnosis.pod, /^report-builder-/);
      assert.equal(counted.rounds(), 3);
      const lists = demo.requests().filter((r) => r.path.endsWith('/namespaces/data/pods'));
      assert.deepEqual(
        lists.map((r) => Object.fromEntries(new URLSearchParams(r.search))),
        [{ limit: '500' }, { labelSelector: 'app=report-builder' }],
      );
    });
  });

  test('unreachable cluster (closed port)', async () => {
    const port = await closedPort();
    const { demoKubeconfig } = await import('../../src/demo/kubeconfig.ts');
    const run = await runCli(['api'], { kubeconfigYaml: demoKubeconfig({ url: `http://127.0.0.1:${port}` }) });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /^exitcode: The Kubernetes API cannot be reached: /);
  });

  test('a server that never answers times out', async () => {
    await withDemo({ hang: true }, async (demo) => {
      const run = await runCli(['api', '--kubeconfig', demo.kubeconfigPath], { requestTimeoutMs: 300 });
      assert.equal(run.code, 1);
      assert.match(run.stderr, /^exitcode: The Kubernetes API did not answer in time /);
    });
  });

  test('an unknown --context lists the real ones', async () => {
    await withDemo({ scenarios: ['catalog-healthy'] }, async (demo) => {
      const run = await runCli(['catalog', '--context', 'prod', '--kubeconfig', demo.kubeconfigPath]);
      assert.equal(run.code, 2);
      assert.equal(run.stderr, 'exitcode: There is no context "prod" in the kubeconfig: use one of exitcode-demo.\n');
    });
  });
});
