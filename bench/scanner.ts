/**
 * Scanner bench (`npm run bench scanner`):
 * 1. Scale: a stand-in pod API (bench/pod-api-stand-in.ts: 4.3 KB pods over 50 namespaces, 2 %
 *    crash-looping, 20 ms per request, a bookmark per watch every minute as a real API server sends
 *    them) at 10k and 50k pods; the scanner runs in
 *    its own process (bench/scanner-child.ts, under the Deployment's NODE_OPTIONS), so its peak RSS is its own. Initial sync time, peak RSS,
 *    and a quiet steady state's API bytes and CPU per minute as a share of one full relist's.
 * 2. Behaviour on the demo cluster with watch support (real client-node, Leases, investigator):
 *    200 crashing pods of one Deployment, 200 distinct incidents under Slack's pacing (virtual Slack
 *    clock), recovery, and a leader change mid-stream.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  crashLoop,
  putPod,
  runningFor,
  slackStandIn,
  startCluster,
  startScanner,
  until,
  virtualQueueClock,
} from '../test/scanner/harness.ts';
import { startPodApiStandIn } from './pod-api-stand-in.ts';
import { type BenchRow, type BenchSection, round } from './types.ts';

const NAMESPACES = 50;
const WINDOW_MS = Number(process.env.EXITCODE_BENCH_SCANNER_WINDOW_MS ?? 60_000);
/** Slack's pace in the queue: one message per 1.1 s per channel. */
const SLACK_INTERVAL_MS = 1_100;

interface ChildResult {
  syncMs: number;
  syncCpuMs: number;
  syncBytes: number;
  incidents: number;
  peakRssMiB: number;
  steady: {
    windowMs: number;
    bytes: number;
    leaseCalls: number;
    leaseBytes: number;
    requests: number;
    bookmarks: number;
    relists: number;
    cpuMs: number;
  };
}

/** The V8 flags the Deployment ships (NODE_OPTIONS in deploy/deployment.yaml): the child runs under them. */
const shippedNodeOptions = (): string[] => {
  const yaml = readFileSync(fileURLToPath(new URL('../deploy/deployment.yaml', import.meta.url)), 'utf8');
  const value = /name: NODE_OPTIONS\s+value: "([^"]*)"/.exec(yaml)?.[1] ?? '';
  return value.split(/\s+/).filter(Boolean);
};

const runChild = <T = ChildResult>(input: { url: string; namespaces: string[]; windowMs: number }): Promise<T> =>
  new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [
        ...shippedNodeOptions(),
        '--expose-gc',
        fileURLToPath(new URL('./scanner-child.ts', import.meta.url)),
        JSON.stringify(input),
      ],
      { maxBuffer: 1024 * 1024, timeout: 600_000 },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`scanner child failed: ${stderr.slice(-500) || error.message}`));
        resolve(JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as T);
      },
    );
  });

/**
 * `listed`: the 50 namespaces named in the config (one watch each, as with a channel map);
 * `all`: every namespace (one cluster-wide watch, as when the scan channel may see `*`).
 */
const scale = async (pods: number, mode: 'listed' | 'all'): Promise<BenchRow[]> => {
  const standIn = await startPodApiStandIn({
    pods,
    namespaces: NAMESPACES,
    crashingShare: 0.02,
    delayMs: 20,
    bookmarkMs: 60_000,
  });
  try {
    const namespaces =
      mode === 'all' ? ['*'] : Array.from({ length: NAMESPACES }, (_, n) => `team-${String(n).padStart(2, '0')}`);
    const r = await runChild({ url: standIn.url, namespaces, windowMs: WINDOW_MS });
    const floor = await runChild<{ floorCpuMs: number; windowMs: number; peakRssMiB: number }>({
      url: standIn.url,
      namespaces: [],
      windowMs: WINDOW_MS,
    });
    const perMinute = 60_000 / r.steady.windowMs;
    const aboveFloorMs = Math.max(0, r.steady.cpuMs - floor.floorCpuMs);
    const label = `${pods / 1000}k pods, ${mode === 'all' ? 'all namespaces (1 watch)' : `${NAMESPACES} listed namespaces (${NAMESPACES} watches)`}`;
    return [
      {
        name: `${label}: initial sync${mode === 'all' ? '' : ' (namespaces listed in parallel)'}`,
        value: round(r.syncMs / 1000, 2),
        unit: 's',
      },
      {
        name: `${label}: bot CPU for the initial sync (one full list)`,
        value: round(r.syncCpuMs / 1000, 2),
        unit: 's',
      },
      { name: `${label}: bytes of one full list`, value: round(r.syncBytes / 1024 / 1024, 1), unit: 'MiB' },
      {
        name: `${label}: incidents from the 2 % crashing pods (one Deployment per namespace)`,
        value: r.incidents,
        unit: '',
      },
      {
        name: `${label}: peak RSS of the scanner process`,
        value: round(r.peakRssMiB, 1),
        unit: 'MiB',
        ...(pods >= 50_000 ? { target: 250 } : {}),
      },
      {
        name: `${label}: quiet steady state, API bytes per minute (watch + Lease renewals) / one full list`,
        value: round((((r.steady.bytes + r.steady.leaseBytes) * perMinute) / r.syncBytes) * 100, 4),
        unit: '%',
        target: 1,
      },
      {
        name: `${label}: of which Lease renewals (one conditional write every 10 s, over HTTP)`,
        value: round((r.steady.leaseBytes * perMinute) / 1024, 1),
        unit: 'KiB/min',
      },
      {
        name: `${label}: quiet steady state, bot CPU per minute / one full list`,
        value: round(((r.steady.cpuMs * perMinute) / r.syncCpuMs) * 100, 3),
        unit: '%',
        target: 1,
      },
      {
        name: `${label}: same, above an idle Node process's own CPU (same modules, nothing watched: ${round(floor.floorCpuMs * perMinute, 0)} ms/min)`,
        value: round(((aboveFloorMs * perMinute) / r.syncCpuMs) * 100, 3),
        unit: '%',
        target: 1,
      },
      {
        name: `${label}: quiet steady state, bot CPU per minute (absolute)`,
        value: round(r.steady.cpuMs * perMinute, 0),
        unit: 'ms',
      },
      {
        name: `${label}: what woke it in the quiet window: watch bookmarks + Lease requests`,
        value: r.steady.bookmarks + r.steady.leaseCalls,
        unit: '',
      },
      {
        name: `${label}: peak RSS of that idle Node process (modules alone, client-node included)`,
        value: round(floor.peakRssMiB, 1),
        unit: 'MiB',
      },
      {
        name: `${label}: requests and relists in the quiet window (${r.steady.windowMs / 1000} s)`,
        value: r.steady.requests + r.steady.relists,
        unit: '',
      },
    ];
  } finally {
    await standIn.close();
  }
};

const posts = (slack: ReturnType<typeof slackStandIn>) =>
  slack.calls.filter((c) => c.kind === 'post' && !c.message.threadTs);

const behaviour = async (): Promise<BenchRow[]> => {
  const cluster = await startCluster();
  const rows: BenchRow[] = [];
  const fresh = () => {
    for (const pod of cluster.state.list('pods', 'load')) cluster.state.remove('pods', 'load', pod.metadata.name);
    for (const lease of cluster.state.list('leases', 'exitcode'))
      cluster.state.remove('leases', 'exitcode', lease.metadata.name);
  };
  try {
    // 200 crashing pods of one Deployment.
    {
      fresh();
      const slack = slackStandIn();
      for (let i = 0; i < 200; i += 1)
        putPod(cluster, { name: `api-5d8f7c6b9-${i}`, deployment: 'api', status: crashLoop() });
      const scanner = startScanner({ cluster, holder: 'a', slack });
      await until(() => Object.values(scanner.engine.ledger())[0]?.podCount === 200);
      await scanner.engine.idle();
      rows.push({
        name: '200 crashing pods of one Deployment: channel messages',
        value: posts(slack).length,
        unit: '',
        target: 1,
      });
      rows.push({
        name: '200 crashing pods of one Deployment: updates of that message',
        value: slack.calls.filter((c) => c.kind === 'update').length,
        unit: '',
      });
      await scanner.stop();
    }
    // 200 distinct incidents, one channel.
    {
      fresh();
      const slack = slackStandIn();
      const clock = virtualQueueClock();
      for (let i = 0; i < 200; i += 1) putPod(cluster, { name: `solo-${i}`, status: crashLoop() });
      const started = performance.now();
      const scanner = startScanner({
        cluster,
        holder: 'a',
        slack,
        queueClock: clock,
        settings: { diagnoseConcurrency: 8 },
      });
      await until(() => posts(slack).length === 200);
      const wall = performance.now() - started;
      rows.push({
        name: '200 distinct incidents: announced',
        value: posts(slack).length,
        unit: '',
        target: 200,
        ok: posts(slack).length === 200,
      });
      rows.push({
        name: '200 distinct incidents: Slack time to announce all / 200 x 1.1 s (the rate limit)',
        value: round(clock.elapsed() / (199 * SLACK_INTERVAL_MS), 3),
        unit: 'x',
        target: 1.05,
      });
      rows.push({
        name: '200 distinct incidents: wall time (200 real diagnoses on the demo cluster)',
        value: round(wall / 1000, 1),
        unit: 's',
      });
      await scanner.stop();
    }
    // Recovery.
    {
      fresh();
      const slack = slackStandIn();
      putPod(cluster, { name: 'pay-5d8f7c6b9-a', deployment: 'pay', status: crashLoop(5, 300) });
      const scanner = startScanner({ cluster, holder: 'a', slack, settings: { resolveAfterMs: 60_000 } });
      await until(() => posts(slack).length === 1);
      putPod(cluster, { name: 'pay-5d8f7c6b9-a', deployment: 'pay', status: runningFor(120) });
      await until(() => {
        scanner.engine.resolve();
        return Object.values(scanner.engine.ledger())[0]?.status === 'resolved';
      });
      await scanner.engine.idle();
      const resolvedUpdates = slack.calls.filter((c) => c.kind === 'update' && c.message.text.includes('✅')).length;
      rows.push({
        name: 'recovery: resolved (✅) updates of the message',
        value: resolvedUpdates,
        unit: '',
        target: 1,
        ok: resolvedUpdates >= 1,
      });
      await scanner.stop();
    }
    // Leader change mid-stream.
    {
      fresh();
      const slack = slackStandIn();
      for (let i = 0; i < 40; i += 1) putPod(cluster, { name: `svc-${i}`, status: crashLoop() });
      const a = startScanner({ cluster, holder: 'a', slack });
      const b = startScanner({ cluster, holder: 'b', slack });
      await until(() => posts(slack).length >= 10);
      await a.stop();
      while (!(await b.renew())) await new Promise((resolve) => setTimeout(resolve, 20));
      for (let i = 40; i < 50; i += 1) putPod(cluster, { name: `svc-${i}`, status: crashLoop() });
      await until(() => new Set(posts(slack).map((c) => c.message.text)).size === 50);
      await b.engine.idle();
      const texts = posts(slack).map((c) => c.message.text);
      rows.push({
        name: 'leader change mid-stream (50 incidents): duplicate announcements',
        value: texts.length - new Set(texts).size,
        unit: '',
        target: 0,
      });
      rows.push({
        name: 'leader change mid-stream (50 incidents): lost announcements',
        value: 50 - new Set(texts).size,
        unit: '',
        target: 0,
      });
      await b.stop();
    }
  } finally {
    await cluster.close();
  }
  return rows;
};

export const bench = async (): Promise<BenchSection> => ({
  title: 'scanner: watch at 10k and 50k pods, incidents, Slack pacing, failover',
  rows: [
    ...(await scale(10_000, 'listed')),
    ...(await scale(10_000, 'all')),
    ...(await scale(50_000, 'listed')),
    ...(await behaviour()),
  ],
});

if (import.meta.main) {
  const { renderSection } = await import('./run.ts');
  console.log(renderSection(await bench()));
}
