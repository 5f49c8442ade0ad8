/**
 * /healthz, /readyz and /metrics, shaped as Bolt custom routes so that the same objects are served by
 * the HTTP receiver and by the Socket Mode receiver (which opens a port for custom routes), or by
 * `serveRoutes` when no Bolt receiver is listening.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { isExitcodeError } from '../errors.ts';
import type { Metrics } from './metrics.ts';

/** Structurally Bolt's CustomRoute: src/ops does not import @slack/*. */
export interface OpsRoute {
  path: string;
  method: string | string[];
  handler: (req: IncomingMessage, res: ServerResponse) => void;
}

/** A dependency check: resolves when it is usable, rejects with the reason otherwise. */
export type DependencyCheck = () => Promise<unknown>;

export interface DependencyHealth {
  /** True when every dependency answered. */
  healthy: boolean;
  /** dependency name -> 'ok' or a short reason (an error code, never a raw message: it may echo a response). */
  dependencies: Record<string, string>;
  /** When the checks ran (ISO 8601). */
  checkedAt: string;
}

export interface DependencyMonitor {
  /** Runs the checks unless a recent answer is cached; concurrent callers share one round. */
  refresh(): Promise<DependencyHealth>;
  /** The last answer, without waiting (undefined before the first round). */
  latest(): DependencyHealth | undefined;
}

const reasonOf = (error: unknown): string => {
  if (isExitcodeError(error)) return error.code;
  const code =
    (error as { code?: unknown; data?: { error?: unknown } })?.data?.error ?? (error as { code?: unknown })?.code;
  return typeof code === 'string' && /^[\w.-]{1,64}$/.test(code) ? code : 'failed';
};

const withTimeout = (promise: Promise<unknown>, ms: number): Promise<unknown> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('timeout'), { code: 'timeout' })), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
};

/**
 * Health of what the bot talks to (Kubernetes, Slack), for metrics and /healthz detail, NOT for
 * readiness: one API-server or Slack blip must not mark every replica unready at once (Slack would then
 * get connection errors instead of the bot's own sentence). Checks run in parallel, each with a time
 * limit, and the answer is cached briefly: probes and scrapes come often, and Slack rate-limits auth.test.
 */
export const createDependencyMonitor = ({
  checks,
  cacheMs = 10_000,
  timeoutMs = 3_000,
  now = () => new Date(),
  onResult,
}: {
  checks: Record<string, DependencyCheck>;
  cacheMs?: number;
  timeoutMs?: number;
  now?: () => Date;
  /** Called per dependency after each round (the gauges). */
  onResult?: (dependency: string, up: boolean) => void;
}): DependencyMonitor => {
  let cached: { at: number; result: DependencyHealth } | undefined;
  let running: Promise<DependencyHealth> | undefined;
  const run = async (): Promise<DependencyHealth> => {
    const names = Object.keys(checks);
    // The round's start: what it found is at least that fresh.
    const at = now();
    const settled = await Promise.allSettled(names.map((name) => withTimeout(checks[name]!(), timeoutMs)));
    const result: DependencyHealth = { healthy: true, dependencies: {}, checkedAt: at.toISOString() };
    settled.forEach((outcome, index) => {
      const name = names[index]!;
      result.dependencies[name] = outcome.status === 'fulfilled' ? 'ok' : reasonOf(outcome.reason);
      if (outcome.status === 'rejected') result.healthy = false;
      onResult?.(name, outcome.status === 'fulfilled');
    });
    cached = { at: at.getTime(), result };
    return result;
  };
  return {
    refresh: () => {
      if (cached && now().getTime() - cached.at < cacheMs) return Promise.resolve(cached.result);
      running ??= run().finally(() => {
        running = undefined;
      });
      return running;
    },
    latest: () => cached?.result,
  };
};

/** Whether this process can take requests: started, and not shutting down. */
export type ServingState = () => 'starting' | 'serving' | 'stopping';

const send = (res: ServerResponse, status: number, type: string, body: string): void => {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
};

export const createOpsRoutes = ({
  metrics,
  health,
  serving,
}: {
  metrics: Metrics;
  health: DependencyMonitor;
  serving: ServingState;
}): OpsRoute[] => [
  {
    // Liveness: 200 while the process runs. The body carries dependency detail from the last round
    // (never waited for: a slow dependency must not fail the liveness probe and restart the pod).
    path: '/healthz',
    method: ['GET', 'HEAD'],
    handler: (_req, res) => {
      void health.refresh().catch(() => {});
      const latest = health.latest();
      const body = {
        status: 'ok',
        serving: serving(),
        dependencies: latest?.dependencies ?? {},
        ...(latest ? { checkedAt: latest.checkedAt } : { checkedAt: null }),
      };
      send(res, 200, 'application/json; charset=utf-8', `${JSON.stringify(body)}\n`);
    },
  },
  {
    // Readiness means this process can serve: independent of Kubernetes and Slack.
    path: '/readyz',
    method: ['GET', 'HEAD'],
    handler: (_req, res) => {
      const state = serving();
      if (state === 'serving') send(res, 200, 'text/plain; charset=utf-8', 'ready\n');
      else send(res, 503, 'text/plain; charset=utf-8', `not ready: ${state}\n`);
    },
  },
  {
    path: '/metrics',
    method: 'GET',
    handler: (_req, res) => {
      // The dependency gauges are as fresh as the cache allows; a failed round still renders the rest.
      health
        .refresh()
        .catch(() => undefined)
        .then(() => metrics.render())
        .then(
          (text) => send(res, 200, metrics.contentType, text),
          () => send(res, 500, 'text/plain; charset=utf-8', 'metrics unavailable\n'),
        );
    },
  },
];

/** A minimal server for the routes, for when no Bolt receiver serves them. */
export const serveRoutes = async ({
  routes,
  port,
  host,
}: {
  routes: OpsRoute[];
  port: number;
  host?: string;
}): Promise<{ server: Server; port: number; close: () => Promise<void> }> => {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const method = (req.method ?? 'GET').toUpperCase();
    const route = routes.find(
      (r) =>
        r.path === path &&
        (Array.isArray(r.method) ? r.method : [r.method]).map((m) => m.toUpperCase()).includes(method),
    );
    if (!route) return send(res, 404, 'text/plain; charset=utf-8', 'not found\n');
    route.handler(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  return {
    server,
    port: typeof address === 'object' && address ? address.port : port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
