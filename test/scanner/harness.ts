/**
 * The incident scanner against the demo cluster (with its watch: resourceVersion, bookmarks, 410),
 * with real client-node connections, real Leases in the demo, the real investigator, and an in-memory
 * Slack gateway that records every call and answers like Slack (a ts per post, not_found for updates
 * of messages it never posted).
 */
import pino from 'pino';
import { connectCluster } from '../../src/cluster/connection.ts';
import { createIncidentStore, incidentLeaseName } from '../../src/cluster/incident-store.ts';
import { createLeaseStore } from '../../src/cluster/leases.ts';
import { startPodWatch } from '../../src/cluster/watch-pods.ts';
import { buildPod, type StatusSpec } from '../../src/demo/build-pod.ts';
import { type DemoCluster, startDemoCluster } from '../../src/demo/server.ts';
import { isIgnoredBy } from '../../src/scanner/ignore.ts';
import { type IncidentScanner, SCANNER_DEFAULTS, startIncidentScanner } from '../../src/scanner/incident-scanner.ts';
import type { ScannerSettings } from '../../src/scanner/incident-engine.ts';
import type { OutgoingMessage, ReadMessage, SlackGateway } from '../../src/slack/gateway.ts';
import { createPostQueue } from '../../src/slack/post-queue.ts';
import { createInvestigator } from '../../src/services/investigator.ts';

export const NAMESPACE = 'load';

export interface SlackCall {
  kind: 'post' | 'update';
  message: OutgoingMessage & { ts?: string };
}

export const slackStandIn = (): Pick<SlackGateway, 'post' | 'update' | 'message' | 'incidentPost'> & {
  calls: SlackCall[];
} => {
  const calls: SlackCall[] = [];
  const messages = new Map<string, ReadMessage>();
  let next = 1;
  return {
    calls,
    post: async (message) => {
      if (!message.channel)
        throw Object.assign(new Error('channel_not_found'), { data: { error: 'channel_not_found' } });
      // Like Slack's: the posting time in seconds, unique per message.
      const ts = `${Math.floor(Date.now() / 1000)}.${String(next++).padStart(6, '0')}`;
      calls.push({ kind: 'post', message: { ...message, ts } });
      if (!message.threadTs)
        messages.set(`${message.channel}/${ts}`, {
          ts,
          text: message.text,
          ...(message.blocks ? { blocks: message.blocks } : {}),
        });
      return ts;
    },
    update: async (message) => {
      if (!messages.has(`${message.channel}/${message.ts}`))
        throw Object.assign(new Error('message_not_found'), { data: { error: 'message_not_found' } });
      calls.push({ kind: 'update', message });
      messages.set(`${message.channel}/${message.ts}`, {
        ts: message.ts,
        text: message.text,
        ...(message.blocks ? { blocks: message.blocks } : {}),
      });
    },
    message: async ({ channel, ts }) => messages.get(`${channel}/${ts}`),
    // Slack's conversations.history with metadata: our channel messages since then naming the incident.
    incidentPost: async ({ channel, incident, sinceMs }) =>
      calls.find(
        (c) =>
          c.kind === 'post' &&
          c.message.channel === channel &&
          !c.message.threadTs &&
          Number(c.message.ts) * 1000 >= sinceMs - 10_000 &&
          c.message.metadata?.event_payload.incident === incident,
      )?.message.ts,
  };
};

/** A virtual clock for the post queue: Slack's pacing kept exactly, without waiting for it. */
export const virtualQueueClock = () => {
  let t = 0;
  return {
    now: () => t,
    sleep: async (ms: number) => {
      const until = t + ms;
      await Promise.resolve();
      t = Math.max(t, until);
    },
    elapsed: () => t,
  };
};

const CONTAINER = { name: 'app', image: 'registry.example/load/app:1.0', command: ['node', 'server.js'] };

/** A pod of Deployment `deployment` (through its ReplicaSet), or a bare pod when deployment is undefined. */
export const putPod = (
  cluster: DemoCluster,
  {
    name,
    deployment,
    status,
    annotations,
  }: { name: string; deployment?: string; status: StatusSpec; annotations?: Record<string, string> },
): void => {
  const hash = '5d8f7c6b9';
  const pod = buildPod(
    {
      namespace: NAMESPACE,
      name,
      labels: deployment ? { app: deployment, 'pod-template-hash': hash } : { app: name },
      ...(annotations ? { annotations } : {}),
      ...(deployment
        ? {
            owner: {
              apiVersion: 'apps/v1',
              kind: 'ReplicaSet',
              name: `${deployment}-${hash}`,
              uid: `rs-${deployment}`,
              controller: true,
            } as never,
          }
        : {}),
      spec: { containers: [CONTAINER] },
      nodeName: 'node-1',
      createdAgo: 3600,
      statuses: { app: status },
    },
    new Date(),
    `uid-${name}`,
  );
  cluster.state.put(pod);
};

export const crashLoop = (restartCount = 5, finishedAgo = 10): StatusSpec => ({
  kind: 'crashLoop',
  restartCount,
  last: { exitCode: 1, startedAgo: finishedAgo + 10, finishedAgo },
});
export const runningFor = (seconds: number, restartCount = 5): StatusSpec => ({
  kind: 'running',
  startedAgo: seconds,
  restartCount,
  last: { exitCode: 1, startedAgo: seconds + 30, finishedAgo: seconds + 1 },
});

export const startCluster = async (): Promise<DemoCluster> => {
  // Pages of two: the initial list and every relist run their multi-page path.
  const cluster = await startDemoCluster({ port: 0, scenarios: [], watchBookmarkIntervalMs: 200, maxPageSize: 2 });
  cluster.state.put({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: NAMESPACE } });
  return cluster;
};

export const startScanner = ({
  cluster,
  holder,
  slack,
  settings = {},
  queueClock = virtualQueueClock(),
  watchSeconds = 30,
  namespaces = [NAMESPACE],
}: {
  cluster: DemoCluster;
  holder: string;
  slack: Pick<SlackGateway, 'post' | 'update' | 'message' | 'incidentPost'>;
  settings?: Partial<ScannerSettings>;
  queueClock?: ReturnType<typeof virtualQueueClock>;
  watchSeconds?: number;
  namespaces?: string[];
}): IncidentScanner => {
  const connection = connectCluster({ kubeconfigYaml: cluster.kubeconfigYaml });
  const leases = createLeaseStore(connection, { transport: 'json' });
  const investigator = createInvestigator({ connection });
  const logger = pino({ level: 'silent' });
  return startIncidentScanner({
    watchPods: startPodWatch,
    watchOptions: {
      connection,
      namespaces,
      isIgnored: isIgnoredBy({ namespaces: [], selectors: [] }),
      watchSeconds,
      minBackoffMs: 50,
    },
    cluster: connection.clusterName,
    holder,
    settings: { ...SCANNER_DEFAULTS, ...settings },
    // The tests fire every job themselves: no cron ticks, no renewal timer.
    scheduler: { cron: () => ({ stop: () => {} }), every: () => ({ stop: () => {} }) },
    channelFor: () => 'C0SCAN',
    diagnose: ({ namespace, pod, container }) => investigator.diagnose({ namespace, target: pod, container }),
    slack,
    leases,
    leaseNamespace: 'exitcode',
    lockName: 'exitcode-scan-c0scan',
    ledger: createIncidentStore({
      leases,
      namespace: 'exitcode',
      name: incidentLeaseName('demo'),
      durationSeconds: 20,
    }),
    logger,
    queue: createPostQueue({ intervalMs: 1_100, now: queueClock.now, sleep: queueClock.sleep }),
  });
};

/** Polls (without a time limit of its own: the test runner's timeout bounds it). */
export const until = async (check: () => boolean): Promise<void> => {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 20));
};
