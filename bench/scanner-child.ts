/**
 * The scanner alone in its own process (so its peak RSS is its own), against the pod API stand-in:
 * initial list of every namespace in parallel, then watches; reports sync time, CPU and bytes, and
 * then the cost of a quiet steady state over a window. Leadership renewals and the incident ledger go
 * to the stand-in's Leases over HTTP, as in a cluster; Slack is in memory (its pacing is the bench's
 * other rows); diagnoses are a fixed answer (the scanner's cost, not the diagnosis engine's).
 * Input: argv[2] = JSON { url, namespaces, windowMs }. Output: one JSON line on stdout.
 */
import pino from 'pino';
import { connectCluster } from '../src/cluster/connection.ts';
import { createIncidentStore } from '../src/cluster/incident-store.ts';
import { createLeaseStore } from '../src/cluster/leases.ts';
import { startPodWatch } from '../src/cluster/watch-pods.ts';
import { demoKubeconfig } from '../src/demo/kubeconfig.ts';
import { startIncidentScanner, SCANNER_DEFAULTS } from '../src/scanner/incident-scanner.ts';
import { createPostQueue } from '../src/slack/post-queue.ts';
import { diagnosis } from '../test/fixtures/diagnoses.ts';

const { url, namespaces, windowMs } = JSON.parse(process.argv[2] ?? '{}') as {
  url: string;
  namespaces: string[];
  windowMs: number;
};

// The floor: the same modules loaded, nothing watched, idle for the same window (what Node itself costs).
if (namespaces.length === 0) {
  connectCluster({ kubeconfigYaml: demoKubeconfig({ url }) });
  await new Promise((resolve) => setTimeout(resolve, 10_000));
  const cpu = process.cpuUsage();
  await new Promise((resolve) => setTimeout(resolve, windowMs));
  const used = process.cpuUsage(cpu);
  process.stdout.write(
    `${JSON.stringify({ floorCpuMs: (used.user + used.system) / 1000, windowMs, peakRssMiB: process.resourceUsage().maxRSS / 1024 })}\n`,
  );
  process.exit(0);
}

/** The stand-in's count of Lease requests and bytes (renewals and ledger writes go over HTTP). */
const leaseTraffic = async (): Promise<{ requests: number; bytes: number }> =>
  (await (await fetch(`${url}/bench/lease-traffic`)).json()) as { requests: number; bytes: number };

let posts = 0;
const slack = {
  post: async () => `1.${++posts}`,
  update: async () => {},
  message: async () => undefined,
  // One replica that never takes over from another: no earlier post to look for.
  incidentPost: async () => undefined,
};

const baseline = process.memoryUsage();
const connection = connectCluster({ kubeconfigYaml: demoKubeconfig({ url }), requestTimeoutMs: 60_000 });
const leases = createLeaseStore(connection, { transport: 'json' });
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const scanner = startIncidentScanner({
  watchPods: startPodWatch,
  watchOptions: { connection, namespaces },
  cluster: 'bench',
  holder: 'bench-replica',
  settings: SCANNER_DEFAULTS,
  channelFor: (namespace) => `C${namespace.toUpperCase().replace(/-/g, '')}`,
  diagnose: async ({ namespace, pod }) => diagnosis({ namespace, pod, podUid: pod }),
  slack,
  leases,
  leaseNamespace: 'exitcode',
  lockName: 'exitcode-scan-bench',
  ledger: createIncidentStore({ leases, namespace: 'exitcode', name: 'exitcode-incidents-bench', durationSeconds: 60 }),
  logger: pino({ level: 'silent' }),
  queue: createPostQueue({ intervalMs: 1_100 }),
});
await scanner.watch.ready;
const syncMs = performance.now() - t0;
const syncCpu = process.cpuUsage(cpu0);
const syncBytes = scanner.watch.stats().bytes;
await scanner.reconcile();
const incidents = Object.keys(scanner.engine.ledger()).length;
globalThis.gc?.();
// Warm up before measuring: the GC's helper threads finish with the sync's garbage, and every periodic
// job (renewal every 10 s, resolution checks every 30 s) has run and been compiled at least once.
await new Promise((resolve) => setTimeout(resolve, 35_000));
const rssAfterSyncMiB = process.memoryUsage().rss / 1024 / 1024;

// The quiet steady state: nothing changes; only bookmarks arrive.
const leaseBefore = await leaseTraffic();
const before = { stats: scanner.watch.stats(), cpu: process.cpuUsage() };
await new Promise((resolve) => setTimeout(resolve, windowMs));
const after = { stats: scanner.watch.stats(), cpu: process.cpuUsage(before.cpu) };
const leaseAfter = await leaseTraffic();
await scanner.stop();

process.stdout.write(
  `${JSON.stringify({
    syncMs,
    syncCpuMs: (syncCpu.user + syncCpu.system) / 1000,
    syncBytes,
    listRequests: before.stats.listRequests,
    incidents,
    posts,
    rssAfterSyncMiB,
    baselineRssMiB: baseline.rss / 1024 / 1024,
    heapUsedAfterSyncMiB: process.memoryUsage().heapUsed / 1024 / 1024,
    externalMiB: process.memoryUsage().external / 1024 / 1024,
    heapTotalMiB: process.memoryUsage().heapTotal / 1024 / 1024,
    arrayBuffersMiB: process.memoryUsage().arrayBuffers / 1024 / 1024,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    steady: {
      windowMs,
      bytes: after.stats.bytes - before.stats.bytes,
      leaseCalls: leaseAfter.requests - leaseBefore.requests,
      leaseBytes: leaseAfter.bytes - leaseBefore.bytes,
      requests:
        after.stats.listRequests + after.stats.watchRequests - before.stats.listRequests - before.stats.watchRequests,
      bookmarks: after.stats.bookmarks - before.stats.bookmarks,
      relists: after.stats.relists - before.stats.relists,
      cpuMs: (after.cpu.user + after.cpu.system) / 1000,
    },
  })}\n`,
);
process.exit(0);
