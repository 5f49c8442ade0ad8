/**
 * The one composition root: read the configuration, build the gateways (cluster, Slack), plug in the
 * optional parts (remediation, scanner), serve the ops endpoints, start. Everything else in src/
 * receives its dependencies from here; nothing else reads the environment.
 */
import { hostname } from 'node:os';
import type { DestinationStream } from 'pino';
import { type ClusterConnection, connectCluster } from './cluster/connection.ts';
import { createLeaseStore } from './cluster/leases.ts';
import { createIncidentStore, incidentLeaseName } from './cluster/incident-store.ts';
import { startPodWatch } from './cluster/watch-pods.ts';
import { createWorkloadIgnoreCheck } from './cluster/workload-ignore.ts';
import { alertmanagerRoute } from './alertmanager/receiver.ts';
import { type Config, loadConfig, type ReadFile } from './config.ts';
import { ExitcodeError } from './errors.ts';
import { createLogger, type Logger } from './ops/logger.ts';
import { createMetrics, type Metrics } from './ops/metrics.ts';
import { createDependencyMonitor, createOpsRoutes, type ServingState } from './ops/routes.ts';
import { heapFit } from './ops/heap.ts';
import { createInFlightTracker, type InFlightTracker } from './ops/shutdown.ts';
import { readActionHistory } from './remediation/history.ts';
import { createRemediation, recoveryNamespaces } from './remediation/slack-extension.ts';
import { scanLeaseName } from './scanner/lease-coordinator.ts';
import { channelForNamespace, isIgnoredBy } from './scanner/ignore.ts';
import {
  CRON_DEFAULTS,
  type IncidentScanner,
  SCANNER_DEFAULTS,
  startIncidentScanner,
} from './scanner/incident-scanner.ts';
import type { Scheduler } from './scanner/schedule.ts';
import { createAnalysisPool } from './services/analysis-pool.ts';
import { createInvestigator } from './services/investigator.ts';
import { createLimiter } from './services/limit.ts';
import { limitInvestigator } from './services/limited-investigator.ts';
import type { Investigator } from './services/types.ts';
import { allowedNamespaces } from './slack/access.ts';
import { createSlackApp, type SlackApp } from './slack/app.ts';
import { extensionButtons } from './slack/bot.ts';
import type { SlackExtension } from './slack/extension.ts';

export interface StartBotOptions {
  env: Record<string, string | undefined>;
  readFile?: ReadFile;
  /** Listen address for the HTTP port (tests use 127.0.0.1); all interfaces by default. */
  host?: string;
  /** Where logs go (stdout by default). */
  logDestination?: DestinationStream;
  now?: () => Date;
  /** How long stop() waits for in-flight work; keep it under terminationGracePeriodSeconds. */
  drainTimeoutMs?: number;
  /** The scanner's scheduler (tests fire it themselves). */
  scheduler?: Scheduler;
  /** This replica's identity in Leases (the pod name, i.e. the hostname, by default). */
  replicaId?: string;
}

export interface RunningBot {
  config: Config;
  logger: Logger;
  metrics: Metrics;
  slack: SlackApp;
  /** Requests (and scan rounds) still being worked on. */
  inFlight: InFlightTracker;
  /** The incident scanner when EXITCODE_SCAN_SCHEDULE is set. */
  scanner?: IncidentScanner;
  /** The HTTP port actually listened on. */
  port(): number | undefined;
  /** Stops taking work, waits (bounded) for in-flight work, stops. Resolves false when the wait ran out. */
  stop(): Promise<boolean>;
}

/** Counts every Kubernetes API request by verb and resource (the connection's single choke point). */
const countRequests = (connection: ClusterConnection, metrics: Metrics, clusterName?: string): ClusterConnection => ({
  ...connection,
  ...(clusterName ? { clusterName } : {}),
  call: (what, request) => {
    metrics.kubernetesRequest(what.verb, what.resource);
    return connection.call(what, request);
  },
});

/** Logs and events calls count as work in flight too, so shutdown never cuts an answer short. */
const trackInvestigator = (investigator: Investigator, tracker: InFlightTracker): Investigator => ({
  clusterName: investigator.clusterName,
  diagnose: (request) => tracker.track(investigator.diagnose(request)),
  logs: (ref) => tracker.track(investigator.logs(ref)),
  events: (ref) => tracker.track(investigator.events(ref)),
  ping: () => investigator.ping(),
});

const buildExtensions = async ({
  config,
  connection,
  investigator,
  logger,
  now,
  metrics,
  replicaId,
  background,
}: {
  config: Config;
  connection: ClusterConnection;
  investigator: Investigator;
  logger: Logger;
  now: () => Date;
  metrics: Metrics;
  replicaId: string;
  /** Loops to start once the bot serves; each start returns its stop. */
  background: (() => () => void)[];
}): Promise<SlackExtension[]> => {
  const extensions: SlackExtension[] = [];
  // loadConfig validated the policy file with the other settings: an invalid one already stopped start-up.
  const { policy } = config.remediation;
  if (policy !== undefined) {
    const remediation = createRemediation({
      policy,
      access: config.access,
      connection,
      actionSecret: config.remediation.actionSecret,
      actionTtlMs: config.remediation.actionTtlMs,
      clock: now,
      logger: logger.child({ component: 'remediation' }),
      replicaId,
      investigator,
    });
    // Any replica finishes what a crashed one left (approved requests never run, runs never recorded),
    // from when the bot serves until it stops.
    background.push(() =>
      remediation.startRecovery({ namespaces: recoveryNamespaces(policy, config.access), intervalMs: 30_000 }),
    );
    extensions.push(remediation);
  }
  if (config.explain.enabled) {
    // Loaded only when a model is configured: the openai SDK is a quarter of the bot's modules.
    const [{ createExplainer }, { createExplainExtension }, { clusterExplainSource }] = await Promise.all([
      import('./explain/explainer.ts'),
      import('./explain/slack-extension.ts'),
      import('./explain/source.ts'),
    ]);
    const explainLogger = logger.child({ component: 'explain' });
    extensions.push(
      createExplainExtension({
        explainer: createExplainer({ settings: config.explain, clock: now, metrics, logger: explainLogger }),
        mode: config.explain.mode,
        threshold: config.explain.threshold,
        source: clusterExplainSource({ connection, now }),
        access: config.access,
        logger: explainLogger,
        onCommand: (kind) => metrics.command(kind),
      }),
    );
  }
  return extensions;
};

/** A listen failure as a sentence naming the setting to change; anything else unchanged. */
const startError = (error: unknown, port: number): unknown => {
  const code = (error as { code?: unknown })?.code;
  if (code === 'EADDRINUSE') {
    return new ExitcodeError(
      'config_invalid',
      `PORT: port ${port} is already in use; stop what uses it or set PORT to a free port.`,
    );
  }
  if (code === 'EACCES') {
    return new ExitcodeError('config_invalid', `PORT: not allowed to listen on port ${port}; use a port above 1024.`);
  }
  return error;
};

export const startBot = async (options: StartBotOptions): Promise<RunningBot> => {
  const config = loadConfig(options.env, options.readFile);
  const now = options.now ?? (() => new Date());
  const replicaId = options.replicaId ?? hostname();
  const logger = createLogger({
    level: config.log.level,
    ...(options.logDestination ? { destination: options.logDestination } : {}),
  });
  const metrics = createMetrics();
  const inFlight = createInFlightTracker();

  // Typed settings only: the environment was read once, by loadConfig.
  const rawConnection = connectCluster({
    ...(config.kube.kubeconfigPath ? { kubeconfigPath: config.kube.kubeconfigPath } : {}),
    ...(config.kube.context ? { context: config.kube.context } : {}),
    ...(config.kube.inCluster ? { inCluster: config.kube.inCluster } : {}),
  });
  const connection = countRequests(rawConnection, metrics, config.kube.clusterName);
  // Every diagnosis, whoever asks (Slack, remediation follow-ups, the scanner), passes one bounded limiter.
  // Classifying and redacting logs run in worker threads with a time budget: acks never wait for a log.
  const analysis = createAnalysisPool({
    threads: config.work.analysisThreads,
    budgetMs: config.work.analysisBudgetMs,
  });
  const investigator = limitInvestigator({
    investigator: trackInvestigator(createInvestigator({ connection, clock: now, analysis }), inFlight),
    limiter: createLimiter({
      maxConcurrent: config.work.maxConcurrentDiagnoses,
      maxQueued: config.work.maxQueuedDiagnoses,
      queueTimeoutMs: config.work.queueTimeoutMs,
    }),
  });
  const background: (() => () => void)[] = [];
  const extensions = await buildExtensions({
    config,
    connection,
    investigator,
    logger,
    now,
    metrics,
    replicaId,
    background,
  });

  let slack: SlackApp | undefined;
  // Dependency health goes to metrics and /healthz detail; readiness is only whether this process serves.
  let servingState: ReturnType<ServingState> = 'starting';
  const health = createDependencyMonitor({
    now,
    onResult: (dependency, up) => metrics.dependencyUp(dependency, up),
    checks: {
      kubernetes: () => investigator.ping(),
      slack: async () => {
        if (!slack) throw Object.assign(new Error('not started'), { code: 'starting' });
        metrics.slackCall('auth.test');
        await slack.app.client.auth.test();
      },
    },
  });
  const requestStore = createLeaseStore(connection);
  slack = createSlackApp({
    slack: {
      ...config.slack,
      timeoutMs: config.work.slackTimeoutMs,
      ...(options.host ? { host: options.host } : {}),
    },
    investigator,
    access: config.access,
    logger,
    metrics,
    extensions,
    clock: now,
    // A whole log to upload is redacted in the analysis workers, not on the event loop.
    sanitizeLarge: (text: string) => analysis.sanitize(text),
    // `summary` reads the thread's actions from their request Leases.
    ...(config.remediation.policy !== undefined
      ? {
          actionHistory: (args: { namespace: string; channel: string; threadTs: string }) =>
            readActionHistory({ store: requestStore, ...args }),
        }
      : {}),
    customRoutes: [
      ...createOpsRoutes({ metrics, health, serving: () => servingState }),
      // Alertmanager's webhook; only the replica that announces acts on it (the others answer 503).
      ...(config.alertmanager.token
        ? [
            alertmanagerRoute({
              token: config.alertmanager.token,
              alert: async (input) => (scanner ? scanner.engine.alert(input) : 'not-leader'),
              logger: logger.child({ component: 'alertmanager' }),
            }),
          ]
        : []),
    ],
  });
  const app = slack.app;
  // Every Slack request's whole handling (diagnose AND post, after the ack) counts as in flight.
  app.use(async ({ next }) => {
    await inFlight.track(next());
  });

  let scanner: IncidentScanner | undefined;
  const { schedule, channel, leaseNamespace } = config.scanner;
  if (schedule !== undefined && channel !== undefined) {
    const scanLogger = logger.child({ component: 'scanner', channel });
    // Renewed every 10 s all day: plain JSON requests, not client-node's heavier fetch path.
    const leases = createLeaseStore(connection, { transport: 'json' });
    const botDeps = {
      investigator,
      access: config.access,
      logger: scanLogger,
      metrics,
      slack: slack.gateway,
      extensions,
      clock: now,
    };
    // Watches what the scan channel may see (the same access rules as a person in it), plus the
    // namespaces mapped to their own channels; each incident goes to its namespace's channel.
    const mapped = Object.values(config.access.channels).flat();
    const visible = allowedNamespaces(config.access, channel);
    scanner = startIncidentScanner({
      watchPods: startPodWatch,
      watchOptions: {
        connection,
        namespaces: visible.includes('*') || mapped.includes('*') ? ['*'] : [...new Set([...visible, ...mapped])],
        isIgnored: isIgnoredBy({
          namespaces: config.scanner.ignoreNamespaces,
          selectors: config.scanner.ignoreSelectors,
        }),
      },
      cluster: connection.clusterName,
      holder: replicaId,
      settings: {
        ...SCANNER_DEFAULTS,
        minRestarts: config.scanner.minRestarts,
        resolveAfterMs: config.scanner.resolveAfterMs,
        reopenWithinMs: config.scanner.reopenWithinMs,
      },
      plan: {
        ...CRON_DEFAULTS,
        reconcile: schedule,
        ...(config.scanner.digest ? { digest: config.scanner.digest } : {}),
      },
      channelFor: (namespace) =>
        channelForNamespace({ channels: config.access.channels, namespace, fallback: channel }),
      digestChannel: channel,
      diagnose: ({ namespace, pod, container }) => {
        metrics.command('scan');
        return investigator.diagnose({ namespace, target: pod, container });
      },
      extraButtons: (diagnosis, to) => extensionButtons({ deps: botDeps, diagnosis, channel: to }),
      slack: slack.gateway,
      leases,
      leaseNamespace,
      lockName: scanLeaseName(channel),
      ledger: createIncidentStore({
        leases,
        namespace: leaseNamespace,
        name: incidentLeaseName(connection.clusterName),
        durationSeconds: 60,
      }),
      workloadIgnored: createWorkloadIgnoreCheck({ connection }),
      now,
      logger: scanLogger,
      ...(options.scheduler ? { scheduler: options.scheduler } : {}),
    });
  }
  const stopScan = scanner ? () => (scanner as IncidentScanner).stop() : undefined;

  try {
    await slack.start();
  } catch (error) {
    await stopScan?.();
    throw startError(error, config.slack.port);
  }
  servingState = 'serving';
  const stopBackground = background.map((start) => start());
  const heap = heapFit();
  if (heap.advice) logger.warn({ ...heap }, heap.advice);
  logger.info(
    {
      mode: config.slack.appToken ? 'socket' : 'http',
      heapLimitMiB: heap.heapLimitMiB,
      ...(heap.containerLimitMiB ? { containerLimitMiB: heap.containerLimitMiB } : {}),
      port: slack.port(),
      cluster: connection.clusterName,
      extensions: extensions.map((e) => e.name),
      scanner: schedule ?? 'off',
      ...(channel && schedule ? { scanLease: `${leaseNamespace}/${scanLeaseName(channel)}`, replica: replicaId } : {}),
    },
    'exitcode is running',
  );

  let stopping: Promise<boolean> | undefined;
  const stop = (): Promise<boolean> => {
    stopping ??= (async () => {
      servingState = 'stopping';
      for (const stopLoop of stopBackground) stopLoop();
      await stopScan?.();
      // Stop taking new work first (HTTP server closed / socket disconnected: Slack sends to other replicas)...
      await slack.stop();
      // ...then let what was accepted finish, within the grace period.
      const drained = await inFlight.drain(options.drainTimeoutMs ?? 20_000);
      // Whatever still waits on Slack past the deadline ends now, so nothing outlives the shutdown.
      slack.gateway.close();
      await analysis.close();
      if (!drained) logger.warn({ inFlight: inFlight.size }, 'stopped before all in-flight work finished');
      return drained;
    })();
    return stopping;
  };

  return { config, logger, metrics, slack, inFlight, ...(scanner ? { scanner } : {}), port: () => slack.port(), stop };
};
