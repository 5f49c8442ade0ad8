/**
 * The permissions shipped in deploy/ against what the code asks for. The demo cluster enforces RBAC from
 * exactly the Roles and bindings in deploy/rbac.yaml and deploy/remediation-rbac.yaml (the per-namespace
 * examples copied into each namespace used, as the README says); diagnose, a scanner round and the
 * remediation flow (restart-pod, rollout-restart, recovery and sweep) then run through the real client.
 * Every request's RBAC attributes are recorded at the server, and deploy/ must grant exactly those:
 * nothing refused (missing) and nothing granted that the code never asked for (extra). A grant that a
 * run here cannot reach must at least be called in src/ (named in the failure otherwise). The Helm
 * chart must grant the same.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pino } from 'pino';
import { connectCluster } from '../../src/cluster/connection.ts';
import { findTarget } from '../../src/cluster/find-target.ts';
import { createRemediationGateway } from '../../src/cluster/mutations.ts';
import { SCENARIOS } from '../../src/demo/scenarios/index.ts';
import { DEMO_USER, type DemoCluster, startDemoCluster } from '../../src/demo/server.ts';
import { createRemediationFlow } from '../../src/remediation/flow.ts';
import { createGroupResolver } from '../../src/remediation/groups.ts';
import { parsePolicy } from '../../src/remediation/policy.ts';
import { createInvestigator } from '../../src/services/investigator.ts';
import { createSlackRecorder } from '../remediation/slack-recorder.ts';
import {
  crashLoop,
  NAMESPACE as SCAN_NAMESPACE,
  putPod,
  slackStandIn,
  startScanner,
  until,
} from '../scanner/harness.ts';
import { botNamespace, deployRbac, grantsOf, helmRbac, ROOT, usedOf } from './rbac-grants.ts';

const WORKLOADS = [...new Set([...SCENARIOS.map((s) => s.namespace), SCAN_NAMESPACE])].sort();
const OWN = botNamespace();
const POLICY = `
rules:
  - namespaces: [${WORKLOADS.join(', ')}]
    actions: [restart-pod, rollout-restart]
    approvers: { users: [UALICE] }
`;

/** Client-node calls that need each grant, to tell a grant no run reached from one no code makes. */
const KINDS: Record<string, string> = {
  pods: 'Pod',
  'pods/log': 'PodLog',
  events: 'Event',
  nodes: 'Node',
  leases: 'Lease',
  deployments: 'Deployment',
  replicasets: 'ReplicaSet',
  statefulsets: 'StatefulSet',
  daemonsets: 'DaemonSet',
  controllerrevisions: 'ControllerRevision',
  jobs: 'Job',
  cronjobs: 'CronJob',
};
const CALLS: Record<string, (kind: string) => RegExp> = {
  get: (kind) => new RegExp(`\\bread(Namespaced)?${kind}\\b`),
  list: (kind) => new RegExp(`\\blist(Namespaced)?${kind}(ForAllNamespaces)?\\b`),
  create: (kind) => new RegExp(`\\bcreateNamespaced${kind}\\b`),
  update: (kind) => new RegExp(`\\breplaceNamespaced${kind}\\b`),
  patch: (kind) => new RegExp(`\\bpatchNamespaced${kind}\\b`),
  delete: (kind) => new RegExp(`\\bdeleteNamespaced${kind}\\b`),
  watch: () => /[?&]watch=|\bwatch:\s*['"](true|1)['"]|new Watch\(|makeInformer\(/,
};

const sources = (directory: string): string[] =>
  readdirSync(directory).flatMap((entry) => {
    const path = join(directory, entry);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') && !path.includes('/demo/') ? [readFileSync(path, 'utf8')] : [];
  });

const calledInSource = (grant: string, code: string): boolean => {
  const match = /^(\w+) ([^/]+)\/([^@]+)@/.exec(grant);
  const [, verb = '', group = '', resource = ''] = match ?? [];
  const kind = KINDS[resource];
  const call = CALLS[verb];
  if (!kind || !call) return false;
  // events.k8s.io is a separate client (EventsV1Api); core events are CoreV1Api.
  if (group === 'events.k8s.io' && !/EventsV1Api/.test(code)) return false;
  return call(kind).test(code);
};

describe('deploy/ grants exactly what diagnose, the scanner and remediation use', () => {
  let cluster: DemoCluster;
  before(async () => {
    cluster = await startDemoCluster({
      rbac: true,
      recreateDelayMs: 20,
      watchBookmarkIntervalMs: 200,
      // Small pages: every list the product pages through takes several round trips.
      maxPageSize: 2,
    });
    for (const name of [OWN, SCAN_NAMESPACE])
      cluster.state.put({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
    for (const object of deployRbac(WORKLOADS)) cluster.state.put(object);
    cluster.resetRequests();
  });
  after(async () => cluster.close());

  const refused = () => cluster.authorizations().filter((d) => !d.allowed);

  test('diagnose: every demo scenario, by name, gets its diagnosis with only these permissions', async () => {
    cluster.resetRequests();
    const connection = connectCluster({ kubeconfigYaml: cluster.kubeconfigYaml });
    const investigator = createInvestigator({ connection });
    for (const scenario of SCENARIOS) {
      const diagnosis = await investigator.diagnose({ namespace: scenario.namespace, target: scenario.workload });
      assert.deepEqual(refused(), [], scenario.id);
      assert.equal(diagnosis.namespace, scenario.namespace, scenario.id);
      const cause = diagnosis.healthy ? null : (diagnosis.containers[0]?.classification.best.category ?? null);
      assert.equal(cause, scenario.expectedCategory, scenario.id);
    }
    const found = await findTarget(connection, { name: 'checkout', namespaces: WORKLOADS });
    assert.equal(found.kind, 'found');
    assert.deepEqual(refused(), []);
  });

  test('scanner: a round lists and watches pods, holds its Lease and announces the crash', async () => {
    const slack = slackStandIn();
    // Five pods: the scanner's initial list takes three pages of two.
    for (let i = 0; i < 5; i += 1)
      putPod(cluster, { name: `api-5d8f7c6b9-${i}`, deployment: 'api', status: crashLoop() });
    const scanner = startScanner({ cluster, holder: 'replica-a', slack });
    try {
      await scanner.watch.ready;
      await until(() => scanner.engine.isLeader());
      await until(() => slack.calls.some((call) => call.kind === 'post' && !call.message.threadTs));
      await scanner.engine.idle();
    } finally {
      await scanner.stop();
    }
    assert.deepEqual(refused(), []);
  });

  test('remediation: restart-pod and rollout-restart run, audited; recovery and the sweep read and delete Leases', async () => {
    const connection = connectCluster({ kubeconfigYaml: cluster.kubeconfigYaml });
    const investigator = createInvestigator({ connection });
    const { policy } = parsePolicy(POLICY);
    assert.ok(policy);
    const slack = createSlackRecorder();
    let now = Date.now();
    const flow = createRemediationFlow({
      policy,
      access: { defaultNamespaces: ['*'], channels: {} },
      gateway: createRemediationGateway(connection),
      groups: createGroupResolver({ listUsers: async () => [], ttlMs: 60_000, now: () => new Date(now) }),
      slack,
      secret: 's'.repeat(40),
      ttlMs: 15 * 60_000,
      now: () => new Date(now),
      logger: pino({ level: 'silent' }),
      replicaId: 'rbac',
      investigator,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      followUpAttempts: 40,
      followUpIntervalMs: 50,
      retentionMs: 60_000,
    });
    const run = async (namespace: string, target: string, action: string): Promise<string> => {
      const diagnosis = await investigator.diagnose({ namespace, target });
      const offer = flow
        .buttons(diagnosis, 'CINCIDENT')
        .find((b) => b.actionId === `exitcode_remediation_req_${action}`);
      assert.ok(offer, `${action} offered for ${namespace}/${target}`);
      const threadTs = slack.seed('CINCIDENT', 'diagnosis');
      await flow.request({ value: offer.value, userId: 'UALICE', channel: 'CINCIDENT', threadTs });
      return slack.replies(threadTs).at(-1)?.versions.at(-1) ?? '';
    };
    const leaseStates = (namespace: string) =>
      cluster.state.list('leases', namespace).map((lease) => lease.metadata.annotations?.['exitcode.dev/state']);
    assert.match(await run('shop', 'deploy/recommendations', 'restart-pod'), /done/);
    assert.match(await run('payments', 'deploy/fraud-scorer', 'rollout-restart'), /done|started|rolling/i);
    assert.ok(
      WORKLOADS.flatMap(leaseStates).filter((state) => state === 'done').length >= 1,
      'a request Lease reached done',
    );
    now += 2 * 60 * 60_000; // past the retention: the sweep deletes the finished requests
    await flow.recover(WORKLOADS);
    assert.deepEqual(refused(), []);
  });

  test('nothing missing, nothing extra: the grants equal the requests recorded (or, where no run reaches them, calls in src/)', (t) => {
    const used = usedOf(cluster.authorizations(), OWN);
    const granted = grantsOf(deployRbac(WORKLOADS), OWN, DEMO_USER);
    const missing = [...used].filter((g) => !granted.has(g)).sort();
    assert.deepEqual(missing, [], 'requests deploy/ does not grant');
    const code = sources(join(ROOT, 'src')).join('\n');
    const unreached = [...granted].filter((g) => !used.has(g));
    const extra = unreached.filter((g) => !calledInSource(g, code)).sort();
    assert.deepEqual(extra, [], 'grants no code uses');
    const continued = cluster.requests().filter((r) => r.search.includes('continue=')).length;
    t.diagnostic(`${cluster.authorizations().length} requests authorized; ${continued} of them continued a paged list`);
    t.diagnostic(
      `${granted.size} grants: ${granted.size - unreached.length} requested by the runs, only called in src/: ${unreached.sort().join(', ') || 'none'}`,
    );
  });

  test('the Helm chart grants what deploy/ grants', () => {
    const fromHelm = grantsOf(helmRbac(WORKLOADS, OWN), OWN, `system:serviceaccount:${OWN}:exitcode`);
    const fromDeploy = grantsOf(deployRbac(WORKLOADS), OWN, DEMO_USER);
    assert.deepEqual([...fromHelm].sort(), [...fromDeploy].sort());
  });
});
