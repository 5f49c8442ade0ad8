import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type DemoCluster, startDemoCluster } from '../../src/demo/server.ts';
import {
  crashLoop,
  NAMESPACE,
  putPod,
  runningFor,
  slackStandIn,
  startCluster,
  startScanner,
  until,
  virtualQueueClock,
} from './harness.ts';

const posts = (slack: ReturnType<typeof slackStandIn>) =>
  slack.calls.filter((c) => c.kind === 'post' && !c.message.threadTs);
const threadReplies = (slack: ReturnType<typeof slackStandIn>) =>
  slack.calls.filter((c) => c.kind === 'post' && c.message.threadTs);

describe('incident scanner against the demo cluster', () => {
  let cluster: DemoCluster;
  before(async () => {
    cluster = await startCluster();
  });
  after(async () => {
    await cluster.close();
  });

  const fresh = async (): Promise<void> => {
    for (const pod of cluster.state.list('pods', NAMESPACE)) cluster.state.remove('pods', NAMESPACE, pod.metadata.name);
    for (const lease of cluster.state.list('leases', 'exitcode'))
      cluster.state.remove('leases', 'exitcode', lease.metadata.name);
  };

  test('200 crashing pods of one Deployment give one message, then updates of it', async () => {
    await fresh();
    const slack = slackStandIn();
    for (let i = 0; i < 150; i += 1)
      putPod(cluster, { name: `api-5d8f7c6b9-${i}`, deployment: 'api', status: crashLoop() });
    const scanner = startScanner({ cluster, holder: 'replica-a', slack });
    await scanner.watch.ready;
    await until(() => scanner.engine.isLeader());
    // 50 more arrive through the watch while the incident is open.
    for (let i = 150; i < 200; i += 1)
      putPod(cluster, { name: `api-5d8f7c6b9-${i}`, deployment: 'api', status: crashLoop() });
    await until(() => Object.values(scanner.engine.ledger())[0]?.podCount === 200);
    await scanner.engine.idle();
    assert.equal(posts(slack).length, 1);
    assert.ok(slack.calls.some((c) => c.kind === 'update'));
    const [incident] = Object.values(scanner.engine.ledger());
    assert.equal(incident?.podCount, 200);
    assert.ok(incident && typeof incident.announce === 'object' && 'ts' in incident.announce);
    // The message is the diagnosis message: its metadata lets thread verbs find the pod.
    assert.equal(posts(slack)[0]?.message.metadata?.event_payload.namespace, NAMESPACE);
    await scanner.stop();
  });

  test('200 distinct incidents are all announced, paced at one message per 1.1 s of Slack time', async () => {
    await fresh();
    const slack = slackStandIn();
    const clock = virtualQueueClock();
    for (let i = 0; i < 200; i += 1) putPod(cluster, { name: `solo-${i}`, status: crashLoop() });
    const scanner = startScanner({
      cluster,
      holder: 'replica-a',
      slack,
      queueClock: clock,
      settings: { diagnoseConcurrency: 8 },
    });
    await until(() => posts(slack).length === 200);
    await scanner.engine.idle();
    assert.equal(posts(slack).length, 200);
    assert.equal(new Set(posts(slack).map((c) => c.message.text)).size, 200);
    // Nothing waited longer than Slack's pacing requires (no rounds, no per-round cap).
    assert.ok(clock.elapsed() <= 200 * 1_100 + 60_000, `took ${clock.elapsed()} ms of Slack time`);
    await scanner.stop();
  });

  test('recovery: every pod healthy long enough turns the incident resolved, with a thread reply', async () => {
    await fresh();
    const slack = slackStandIn();
    putPod(cluster, { name: 'pay-5d8f7c6b9-a', deployment: 'pay', status: crashLoop(5, 300) });
    const scanner = startScanner({ cluster, holder: 'replica-a', slack, settings: { resolveAfterMs: 60_000 } });
    await until(() => posts(slack).length === 1);
    await scanner.engine.idle();
    putPod(cluster, { name: 'pay-5d8f7c6b9-a', deployment: 'pay', status: runningFor(120) });
    // The watch delivers the recovery; then the periodic resolution check runs.
    await until(() => {
      scanner.engine.resolve();
      return Object.values(scanner.engine.ledger())[0]?.status === 'resolved';
    });
    await scanner.engine.idle();
    assert.ok(threadReplies(slack).some((c) => c.message.text.includes('Resolved')));
    assert.ok(slack.calls.some((c) => c.kind === 'update' && c.message.text.includes('✅')));
    await scanner.stop();
  });

  test('a pod annotated exitcode.io/ignore is never announced', async () => {
    await fresh();
    const slack = slackStandIn();
    putPod(cluster, { name: 'noisy', status: crashLoop(), annotations: { 'exitcode.io/ignore': 'true' } });
    putPod(cluster, { name: 'real', status: crashLoop() });
    const scanner = startScanner({ cluster, holder: 'replica-a', slack });
    await until(() => posts(slack).length === 1);
    await scanner.engine.idle();
    assert.equal(posts(slack).length, 1);
    assert.ok(posts(slack)[0]?.message.text.includes('real'));
    await scanner.stop();
  });

  test('fewer restarts than the minimum are not announced until the minimum is reached', async () => {
    await fresh();
    const slack = slackStandIn();
    putPod(cluster, { name: 'young', status: crashLoop(1) });
    const scanner = startScanner({ cluster, holder: 'replica-a', slack, settings: { minRestarts: 3 } });
    await until(() => scanner.engine.isLeader());
    await scanner.engine.idle();
    assert.equal(posts(slack).length, 0);
    putPod(cluster, { name: 'young', status: crashLoop(3) });
    await until(() => posts(slack).length === 1);
    await scanner.stop();
  });

  test('a leader change mid-stream: no incident announced twice, none lost', async () => {
    await fresh();
    const slack = slackStandIn();
    for (let i = 0; i < 40; i += 1) putPod(cluster, { name: `svc-${i}`, status: crashLoop() });
    const a = startScanner({ cluster, holder: 'replica-a', slack });
    const b = startScanner({ cluster, holder: 'replica-b', slack });
    await until(() => posts(slack).length >= 10);
    await a.stop();
    // B's next renewal finds the Lease released and takes over.
    while (!(await b.renew())) await new Promise((resolve) => setTimeout(resolve, 20));
    for (let i = 40; i < 50; i += 1) putPod(cluster, { name: `svc-${i}`, status: crashLoop() });
    await until(() => new Set(posts(slack).map((c) => c.message.text)).size === 50);
    await b.engine.idle();
    const texts = posts(slack).map((c) => c.message.text);
    assert.equal(texts.length, 50, 'one message per incident');
    assert.equal(new Set(texts).size, 50);
    await b.stop();
  });

  test('a compacted resourceVersion (410 Gone) is answered with one relist, and nothing is re-announced', async () => {
    await fresh();
    const slack = slackStandIn();
    putPod(cluster, { name: 'steady', status: crashLoop() });
    const scanner = startScanner({ cluster, holder: 'replica-a', slack, watchSeconds: 1 });
    await until(() => posts(slack).length === 1);
    cluster.compactWatchHistory();
    putPod(cluster, { name: 'other', status: runningFor(10, 0) });
    cluster.compactWatchHistory();
    await until(() => scanner.watch.stats().relists >= 1);
    await until(() => scanner.engine.isLeader());
    await scanner.engine.idle();
    assert.equal(posts(slack).length, 1);
    await scanner.stop();
  });
});

describe('a namespace the scanner may not list', () => {
  test('does not hold up the others: their incidents are still announced', async () => {
    const cluster = await startDemoCluster({
      port: 0,
      scenarios: [],
      forbidden: [{ verb: 'list', resource: 'pods', namespace: 'secret-team' }],
    });
    cluster.state.put({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: NAMESPACE } });
    try {
      const slack = slackStandIn();
      putPod(cluster, { name: 'solo', status: crashLoop() });
      const scanner = startScanner({ cluster, holder: 'replica-a', slack, namespaces: ['secret-team', NAMESPACE] });
      await until(() => posts(slack).length === 1);
      await scanner.stop();
    } finally {
      await cluster.close();
    }
  });
});
