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

/** A readiness dependency: resolves when it is usable, rejects with the reason otherwise. */
export type ReadinessCheck = () => Promise<unknown>;

export interface ReadinessResult {
  ready: boolean;
  /** check name -> 'ok' or a short reason (an error code, never a raw message: it may echo a response). */
  checks: Record<string, string>;
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
 * Runs the checks in parallel, each with a time limit, and caches the answer briefly: kubelet probes
 * every few seconds on every replica, and Slack rate-limits auth.test.
 */
export const createReadiness = ({
  checks,
  cacheMs = 10_000,
  timeoutMs = 3_000,
  now = () => new Date(),
}: {
  checks: Record<string, ReadinessCheck>;
  cacheMs?: number;
  timeoutMs?: number;
  now?: () => Date;
}): (() => Promise<ReadinessResult>) => {
  let cached: { at: number; result: ReadinessResult } | undefined;
  let running: Promise<ReadinessResult> | undefined;
  const run = async (): Promise<ReadinessResult> => {
    const names = Object.keys(checks);
    const settled = await Promise.allSettled(names.map((name) => withTimeout(checks[name]!(), timeoutMs)));
    const result: ReadinessResult = { ready: true, checks: {} };
    settled.forEach((outcome, index) => {
      const name = names[index]!;
      result.checks[name] = outcome.status === 'fulfilled' ? 'ok' : reasonOf(outcome.reason);
      if (outcome.status === 'rejected') result.ready = false;
    });
    cached = { at: now().getTime(), result };
    return result;
  };
  return () => {
    if (cached && now().getTime() - cached.at < cacheMs) return Promise.resolve(cached.result);
    // Concurrent probes share one round of checks.
    running ??= run().finally(() => {
      running = undefined;
    });
    return running;
  };
};

const send = (res: ServerResponse, status: number, type: string, body: string): void => {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
};

export const createOpsRoutes = ({
  metrics,
  readiness,
}: {
  metrics: Metrics;
  readiness: () => Promise<ReadinessResult>;
}): OpsRoute[] => [
  {
    path: '/healthz',
    method: ['GET', 'HEAD'],
    handler: (_req, res) => send(res, 200, 'text/plain; charset=utf-8', 'ok\n'),
  },
  {
    path: '/readyz',
    method: ['GET', 'HEAD'],
    handler: (_req, res) => {
      readiness().then(
        (result) => {
          const failing = Object.entries(result.checks).filter(([, state]) => state !== 'ok');
          const text = result.ready
            ? 'ready\n'
            : `not ready: ${failing.map(([name, state]) => `${name} (${state})`).join(', ')}\n`;
          send(res, result.ready ? 200 : 503, 'text/plain; charset=utf-8', text);
        },
        () => send(res, 503, 'text/plain; charset=utf-8', 'not ready: readiness check failed\n'),
      );
    },
  },
  {
    path: '/metrics',
    method: 'GET',
    handler: (_req, res) => {
      metrics.render().then(
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
