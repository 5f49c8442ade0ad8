/**
 * The scan lease against the demo cluster, through the real client library: several scanner replicas on
 * one cluster post each crash once, a restarted scanner does not repost, and a lease left by a dead
 * replica is taken over once it has expired (the clock is injected, nothing waits).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { pino } from 'pino';
import { type ClusterConnection, connectCluster } from '../../src/cluster/connection.ts';
import { createLeaseStore } from '../../src/cluster/leases.ts';
import { listPods } from '../../src/cluster/list-pods.ts';
import { type DemoCluster, startDemoCluster } from '../../src/demo/server.ts';
import type { Diagnosis } from '../../src/diagnosis/types.ts';
import type { LeaseRecord } from '../../src/cluster/lease-store.ts';
import {
  CHANNEL_ANNOTATION,
  createLeaseCoordinator,
  decodeMemory,
  encodeMemory,
  leaseSecondsFor,
  leaseVerdict,
  MEMORY_ANNOTATION,
  scanLeaseName,
} from '../../src/scanner/lease-coordinator.ts';
import { SCAN_DEFAULTS, type ScanMemory } from '../../src/scanner/scan.ts';
import { createScanJob, scanIntervalMs } from '../../src/scanner/schedule.ts';

const logger = pino({ level: 'silent' });
const START = new Date('2026-11-25T12:00:00Z');
const CHANNEL = 'C0SCAN1';
const DURATION = leaseSecondsFor(scanIntervalMs('*/5 * * * *'));

describe('pure parts', () => {
  test('the lease is a bit longer than the schedule interval', () => {
    assert.equal(scanIntervalMs('*/5 * * * *'), 300_000);
    assert.equal(scanIntervalMs('0 9 * * 1-5'), 3 * 24 * 3_600_000, 'the weekend is the longest gap');
    assert.equal(leaseSecondsFor(300_000), 375);
    assert.equal(leaseSecondsFor(10_000), 40, 'at least 30 s longer');
  });

  test('verdict: absent, mine, free (released or expired), held', () => {
    const record = (holder: string, renewTime?: string): LeaseRecord => ({
      namespace: 'exitcode',
      name: 'exitcode-scan-c0scan1',
      resourceVersion: '1',
      holder,
      annotations: {},
      durationSeconds: 60,
      ...(renewTime ? { renewTime } : {}),
    });
    const now = new Date('2026-11-25T12:01:00Z');
    const verdict = (r: LeaseRecord | undefined) => leaseVerdict({ record: r, holder: 'me', now });
    assert.equal(verdict(undefined), 'absent');
    assert.equal(verdict(record('me', '2026-11-25T10:00:00Z')), 'mine', 'mine even when expired');
    assert.equal(verdict(record('')), 'free');
    assert.equal(verdict(record('other')), 'free', 'never renewed');
    assert.equal(verdict(record('other', '2026-11-25T12:00:00Z')), 'free', 'expired exactly now');
    assert.equal(verdict(record('other', '2026-11-25T12:00:01Z')), 'held');
    assert.equal(verdict(record('other', 'not a time')), 'free');
  });

  test('memory round-trips, keeps reported entries first, and is bounded', () => {
    const memory: ScanMemory = {
      'uid-1/api': { restartCount: 4, at: '2026-11-25T11:00:00.000Z' },
      'uid-2/api': { restartCount: 9, at: '2026-11-25T12:00:00.000Z' },
      'uid-3/api': { restartCount: 2, at: '' },
      'uid-4/api': { restartCount: 0, at: '' },
    };
    assert.deepEqual(decodeMemory(encodeMemory(memory)), {
      'uid-1/api': memory['uid-1/api'],
      'uid-2/api': memory['uid-2/api'],
      'uid-3/api': memory['uid-3/api'],
    });
    assert.deepEqual(Object.keys(decodeMemory(encodeMemory(memory, 2))).sort(), ['uid-1/api', 'uid-2/api']);
    assert.deepEqual(Object.keys(decodeMemory(encodeMemory(memory, 1))), ['uid-2/api'], 'the latest report');
    const many: ScanMemory = {};
    for (let i = 0; i < 5000; i += 1)
      many[`${'0'.repeat(28)}${String(i).padStart(8, '0')}/container-name`] = {
        restartCount: 100_000 + i,
        at: new Date(START.getTime() + i * 1000).toISOString(),
      };
    const text = encodeMemory(many);
    assert.equal(Object.keys(decodeMemory(text)).length, 1000);
    assert.ok(text.length < 256 * 1024, `${text.length} bytes fit in an annotation`);
    for (const bad of [undefined, '', 'not json', '{"a":[1]}', '{"a":[-1,0]}', '[1,2]'])
      assert.deepEqual(decodeMemory(bad), {}, String(bad));
  });
});

describe('several replicas against one cluster', () => {
  let demo: DemoCluster;
  let connection: ClusterConnection;
  let clock = START;
  const now = () => clock;

  before(async () => {
    demo = await startDemoCluster({
      scenarios: ['checkout-missing-env', 'cart-missing-module', 'ledger-dns-failure', 'catalog-healthy'],
      now,
    });
    connection = connectCluster({ kubeconfigYaml: demo.kubeconfigYaml, retry: { attempts: 1 } });
  });
  after(async () => {
    await demo?.close();
  });

  /** One replica: its own coordinator and job, the shared cluster, and a channel recording its posts. */
  const replica = ({
    id,
    channel,
    posts,
    namespace = 'exitcode',
    beforeDiagnose,
    maxPerScan = SCAN_DEFAULTS.maxPerScan,
  }: {
    id: string;
    channel: string;
    posts: string[];
    namespace?: string;
    beforeDiagnose?: () => Promise<void>;
    maxPerScan?: number;
  }) => {
    const coordinator = createLeaseCoordinator({
      store: createLeaseStore(connection),
      namespace,
      name: scanLeaseName(channel),
      holder: id,
      durationSeconds: DURATION,
      channel,
      now,
    });
    const job = createScanJob({
      namespaces: () => ['shop', 'payments'],
      listPods: async (ns) => {
        const pods = await listPods(connection, ns);
        await beforeDiagnose?.();
        return pods;
      },
      investigator: {
        diagnose: async (request) =>
          ({ namespace: request.namespace, pod: request.target, healthy: false }) as Diagnosis,
      },
      post: async (diagnosis) => {
        posts.push(`${diagnosis.namespace}/${diagnosis.pod}`);
      },
      logger,
      now,
      coordinator,
      options: { ...SCAN_DEFAULTS, maxPerScan },
    });
    return { job, coordinator, id };
  };

  const leaseOf = (channel: string, namespace = 'exitcode') =>
    demo.state.get('leases', namespace, scanLeaseName(channel)) as
      | { metadata: { annotations: Record<string, string> }; spec: { holderIdentity: string; renewTime: string } }
      | undefined;

  const crashingPods = async (): Promise<string[]> => {
    const pods = [...(await listPods(connection, 'shop')), ...(await listPods(connection, 'payments'))];
    return pods
      .filter((pod) => [...pod.initContainers, ...pod.containers].some((c) => c.restartCount > 0))
      .map((pod) => `${pod.namespace}/${pod.name}`)
      .sort();
  };

  test('two replicas scanning at the same moment post each crash once, and not again next round', async () => {
    clock = START;
    const posts: string[] = [];
    const a = replica({ id: 'exitcode-7d9f-a', channel: CHANNEL, posts });
    const b = replica({ id: 'exitcode-7d9f-b', channel: CHANNEL, posts });
    const [ra, rb] = await Promise.all([a.job.run(), b.job.run()]);
    const expected = await crashingPods();
    assert.ok(expected.length >= 3, `several crashing pods: ${expected.join(', ')}`);
    assert.deepEqual([...posts].sort(), expected, 'every crash posted exactly once');
    assert.equal([ra, rb].filter((round) => round.skipped === undefined).length, 1, 'one replica scanned');
    assert.ok([ra, rb].some((round) => round.skipped === 'lease-held' || round.skipped === 'lease-lost'));

    const lease = leaseOf(CHANNEL);
    assert.ok(lease, 'the lease is in the bot namespace');
    assert.equal(lease.metadata.annotations[CHANNEL_ANNOTATION], CHANNEL);
    const winner = ra.skipped === undefined ? a : b;
    assert.equal(lease.spec.holderIdentity, winner.id);
    assert.match(lease.spec.renewTime, /^2026-11-25T12:00:00\.000000Z$/, 'renewTime as a MicroTime');

    // Next rounds, both orders and at once: nothing new to post.
    clock = new Date(START.getTime() + 300_000);
    await a.job.run();
    await b.job.run();
    await Promise.all([b.job.run(), a.job.run()]);
    assert.deepEqual([...posts].sort(), expected);
  });

  test('a restarted scanner (a new pod, empty memory) does not repost, by name or after taking over', async () => {
    clock = START;
    const channel = 'C0RESTART';
    const posts: string[] = [];
    const first = replica({ id: 'exitcode-old', channel, posts });
    assert.equal((await first.job.run()).posted, (await crashingPods()).length);
    const count = posts.length;

    // The same identity restarted (a StatefulSet pod keeps its name): the lease is its own.
    const sameName = replica({ id: 'exitcode-old', channel, posts });
    const again = await sameName.job.run();
    assert.equal(again.skipped, undefined);
    assert.equal(again.posted, 0);
    assert.equal(again.suppressed, count, 'known from the lease, not from process memory');

    // A new pod name: waits while the old lease is valid, then takes it over, still without reposting.
    const renamed = replica({ id: 'exitcode-new', channel, posts });
    assert.equal((await renamed.job.run()).skipped, 'lease-held');
    clock = new Date(START.getTime() + (DURATION + 1) * 1000);
    const takeover = await renamed.job.run();
    assert.equal(takeover.skipped, undefined);
    assert.equal(takeover.posted, 0);
    assert.equal(leaseOf(channel)?.spec.holderIdentity, 'exitcode-new');
    assert.equal(posts.length, count);
  });

  test('a lease held by a dead replica is taken over only after it expires; the old holder then stands by', async () => {
    clock = START;
    const channel = 'C0DEAD';
    const posts: string[] = [];
    // The holder posts one crash (its per-round cap), then dies: the rest is left for the next round.
    const dead = replica({ id: 'exitcode-dead', channel, posts, maxPerScan: 1 });
    assert.equal((await dead.job.run()).posted, 1);
    const memory = decodeMemory(leaseOf(channel)?.metadata.annotations[MEMORY_ANNOTATION]);
    assert.equal(Object.values(memory).filter((entry) => entry.at !== '').length, 1, 'its report is in the lease');
    const survivor = replica({ id: 'exitcode-alive', channel, posts });
    clock = new Date(START.getTime() + (DURATION - 1) * 1000);
    assert.equal((await survivor.job.run()).skipped, 'lease-held', 'still valid: nobody else scans');
    assert.equal(posts.length, 1);
    clock = new Date(START.getTime() + DURATION * 1000);
    const round = await survivor.job.run();
    assert.equal(round.skipped, undefined, 'expired: taken over');
    assert.equal(leaseOf(channel)?.spec.holderIdentity, 'exitcode-alive');
    assert.deepEqual([...posts].sort(), await crashingPods(), 'the rest posted; the dead replica’s report not again');
    // The old holder comes back (a network partition healed): the lease is no longer its own.
    clock = new Date(START.getTime() + (DURATION + 10) * 1000);
    assert.equal((await dead.job.run()).skipped, 'lease-held');
  });

  test('a replica that loses the lease mid-round (paused past expiry) posts nothing', async () => {
    clock = START;
    const channel = 'C0PAUSE';
    const posts: string[] = [];
    const other = replica({ id: 'exitcode-other', channel, posts });
    // The slow replica reads the (absent) lease, then "pauses" while the other one scans and writes.
    const slow = replica({
      id: 'exitcode-slow',
      channel,
      posts,
      beforeDiagnose: async () => {
        if (posts.length === 0) await other.job.run();
      },
    });
    const slowRound = await slow.job.run();
    assert.equal(slowRound.skipped, 'lease-lost');
    assert.equal(slowRound.posted, 0);
    assert.deepEqual([...posts].sort(), await crashingPods(), 'posted once, by the replica whose write won');
  });

  test('release at shutdown lets another replica scan at once; each channel has its own lease', async () => {
    clock = START;
    const channel = 'C0RELEASE';
    const posts: string[] = [];
    const leaving = replica({ id: 'exitcode-leaving', channel, posts });
    const staying = replica({ id: 'exitcode-staying', channel, posts });
    await leaving.job.run();
    assert.equal((await staying.job.run()).skipped, 'lease-held');
    await leaving.coordinator.release();
    assert.equal(leaseOf(channel)?.spec.holderIdentity, '');
    const round = await staying.job.run();
    assert.equal(round.skipped, undefined);
    assert.equal(round.posted, 0);
    assert.equal(leaseOf(channel)?.spec.holderIdentity, 'exitcode-staying');
    // Another channel's scanner is independent: it posts its own report of the same crashes.
    const otherChannelPosts: string[] = [];
    const elsewhere = replica({ id: 'exitcode-staying', channel: 'C0OTHER', posts: otherChannelPosts });
    assert.equal((await elsewhere.job.run()).posted, (await crashingPods()).length);
  });

  test('a lease that cannot be written (missing namespace or RBAC) skips the round rather than posting blind', async () => {
    clock = START;
    const posts: string[] = [];
    const lost = replica({ id: 'exitcode-x', channel: 'C0NOWHERE', posts, namespace: 'no-such-namespace' });
    const round = await lost.job.run();
    assert.equal(round.skipped, 'lease-unavailable');
    assert.deepEqual(posts, []);
  });
});
