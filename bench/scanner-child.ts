/**
 * The scanner alone in its own process (so its peak RSS is its own), against the pod API stand-in:
 * initial list of every namespace in parallel, then watches; reports sync time, CPU and bytes, and
 * then the cost of a quiet steady state over a window. Slack and the Lease store are in memory here
 * (their costs are the bench's other rows); diagnoses are a fixed answer (the scanner's cost, not
 * the diagnosis engine's, is measured).
 * Input: argv[2] = JSON { url, namespaces, windowMs }. Output: one JSON line on stdout.
 */
import pino from 'pino';
import { connectCluster } from '../src/cluster/connection.ts';
import type { LeaseRecord, LeaseStore } from '../src/cluster/lease-store.ts';
import { startPodWatch } from '../src/cluster/watch-pods.ts';
import { demoKubeconfig } from '../src/demo/kubeconfig.ts';
import type { LedgerRecord, LedgerStore } from '../src/incidents/ledger.ts';
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

/**
 * Leases in memory, counting the bytes the same calls would move over the API (a Lease's JSON each
 * way for a write, one way for a read): the renewals every 5 s are part of the steady state's cost.
 */
const leaseTraffic = { calls: 0, bytes: 0 };
const leaseBytes = (record: Omit<LeaseRecord, 'resourceVersion'>): number =>
  JSON.stringify({
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: {
      name: record.name,
      namespace: record.namespace,
      resourceVersion: '123456',
      annotations: record.annotations,
      labels: record.labels,
    },
    spec: {
      holderIdentity: record.holder,
      leaseDurationSeconds: record.durationSeconds,
      renewTime: record.renewTime,
      acquireTime: record.acquireTime,
    },
  }).length + 400;
const memoryLeases = (): Pick<LeaseStore, 'createLease' | 'readLease' | 'replaceLease'> => {
  const leases = new Map<string, LeaseRecord>();
  let version = 0;
  const count = (record: Omit<LeaseRecord, 'resourceVersion'> | undefined, ways: number): void => {
    leaseTraffic.calls += 1;
    leaseTraffic.bytes += record ? leaseBytes(record) * ways : 300;
  };
  return {
    createLease: async (record) => {
      count(record, 2);
      const key = `${record.namespace}/${record.name}`;
      if (leases.has(key)) return 'exists';
      const created = { ...record, resourceVersion: String(++version) };
      leases.set(key, created);
      return created;
    },
    readLease: async ({ namespace, name }) => {
      const found = leases.get(`${namespace}/${name}`);
      count(found, 1);
      return found;
    },
    replaceLease: async (record) => {
      count(record, 2);
      const key = `${record.namespace}/${record.name}`;
      if (leases.get(key)?.resourceVersion !== record.resourceVersion) return 'conflict';
      const next = { ...record, resourceVersion: String(++version) };
      leases.set(key, next);
      return next;
    },
  };
};

const memoryLedger = (): LedgerStore & { writes: number } => {
  let current: LedgerRecord | undefined;
  let version = 0;
  const store = {
    writes: 0,
    read: async () => current,
    write: async ({ ledger, previous, holder, now }: Parameters<LedgerStore['write']>[0]) => {
      if (previous?.version !== current?.version) return 'conflict' as const;
      store.writes += 1;
      current = { ledger, version: String(++version), holder, renewedAt: now.toISOString(), durationSeconds: 60 };
      return current;
    },
    release: async () => {},
  };
  return store;
};

let posts = 0;
const slack = {
  post: async () => `1.${++posts}`,
  update: async () => {},
  message: async () => undefined,
};

const baseline = process.memoryUsage();
const connection = connectCluster({ kubeconfigYaml: demoKubeconfig({ url }), requestTimeoutMs: 60_000 });
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
  leases: memoryLeases(),
  leaseNamespace: 'exitcode',
  lockName: 'exitcode-scan-bench',
  ledger: memoryLedger(),
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
// Let the GC's helper threads finish with the sync's garbage: their CPU is not the steady state's.
await new Promise((resolve) => setTimeout(resolve, 10_000));
const rssAfterSyncMiB = process.memoryUsage().rss / 1024 / 1024;

// The quiet steady state: nothing changes; only bookmarks arrive.
const before = { stats: scanner.watch.stats(), cpu: process.cpuUsage(), lease: { ...leaseTraffic } };
await new Promise((resolve) => setTimeout(resolve, windowMs));
const after = { stats: scanner.watch.stats(), cpu: process.cpuUsage(before.cpu) };
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
      leaseCalls: leaseTraffic.calls - before.lease.calls,
      leaseBytes: leaseTraffic.bytes - before.lease.bytes,
      requests:
        after.stats.listRequests + after.stats.watchRequests - before.stats.listRequests - before.stats.watchRequests,
      bookmarks: after.stats.bookmarks - before.stats.bookmarks,
      relists: after.stats.relists - before.stats.relists,
      cpuMs: (after.cpu.user + after.cpu.system) / 1000,
    },
  })}\n`,
);
process.exit(0);
