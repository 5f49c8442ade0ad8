/**
 * The Slack app: Bolt with an injected investigator, access map, logger and metrics. Socket Mode when
 * an app token is given (custom routes are then served on `port` by the Socket Mode receiver), else
 * the HTTP receiver on `port` at /slack/events with signature verification on and request-guard.ts in
 * front. Everything the bot sends goes through one gateway (web-gateway.ts) over Bolt's client; the
 * investigator arrives already bounded (services/limited-investigator.ts).
 */
import {
  App,
  type CustomRoute,
  HTTPReceiver,
  LogLevel,
  type Logger as BoltLogger,
  type Receiver,
  SocketModeReceiver,
} from '@slack/bolt';
import type { Server } from 'node:http';
import { inspect } from 'node:util';
import type { Logger } from 'pino';
import { ExitcodeError } from '../errors.ts';
import type { Investigator } from '../services/types.ts';
import type { NamespaceAccess } from './access.ts';
import type { BotDeps } from './bot.ts';
import { NO_METRICS, type SlackMetrics, slackErrorCode } from './deliver.ts';
import type { SlackExtension } from './extension.ts';
import { registerActions } from './listeners/actions.ts';
import { registerCommand } from './listeners/command.ts';
import { registerMention } from './listeners/mention.ts';
import { registerPicks } from './listeners/pick.ts';
import { guardRequests } from './request-guard.ts';
import { registerRetryGuard } from './retries.ts';
import { createWebGateway, type WebGateway } from './web-gateway.ts';

/** Per Web API call attempt; the gateway makes at most three (see call-policy.ts). */
export const DEFAULT_SLACK_TIMEOUT_MS = 10_000;

export interface SlackSettings {
  botToken: string;
  signingSecret: string;
  /** Set: Socket Mode. Unset: HTTP receiver. */
  appToken?: string;
  /** Web API base URL (a local stand-in in tests); Slack's when unset. */
  apiUrl?: string;
  port: number;
  /** Listen address in HTTP mode (tests use 127.0.0.1). */
  host?: string;
  /** The slash command's name, `/exitcode` by default. */
  command?: string;
  /** The time limit of one Web API call attempt (default 10 s). */
  timeoutMs?: number;
}

export interface SlackAppDeps {
  slack: SlackSettings;
  investigator: Investigator;
  access: NamespaceAccess;
  logger: Logger;
  metrics?: SlackMetrics;
  extensions?: SlackExtension[];
  clock?: () => Date;
  customRoutes?: CustomRoute[];
  /** The action history `summary` reads (remediation's readActionHistory over the Lease store). */
  actionHistory?: BotDeps['actionHistory'];
  /** Sanitizes large texts (uploads) off the event loop: the analysis pool's sanitize in main.ts. */
  sanitizeLarge?: (text: string) => Promise<string>;
}

export interface SlackApp {
  app: App;
  /** The one gateway to the Web API; close() it after the drain so no call outlives shutdown. */
  gateway: WebGateway;
  start(): Promise<void>;
  /** Stops taking requests (the gateway stays open for answers still being written). */
  stop(): Promise<void>;
  /** The port actually listened on (useful with port 0), once started. */
  port(): number | undefined;
}

/** Bolt's logger interface over pino: one log stream for the whole process. */
export const boltLogger = (logger: Logger): BoltLogger => {
  const child = logger.child({ component: 'bolt' });
  // Bolt passes strings, errors and objects; inspect keeps errors readable where String() would not.
  const line = (msg: unknown[]): string =>
    msg.map((m) => (typeof m === 'string' ? m : inspect(m, { depth: 3 }))).join(' ');
  let level = LogLevel.INFO;
  return {
    debug: (...msg: unknown[]) => child.debug(line(msg)),
    info: (...msg: unknown[]) => child.info(line(msg)),
    warn: (...msg: unknown[]) => child.warn(line(msg)),
    error: (...msg: unknown[]) => child.error(line(msg)),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
};

const SLACK_API = 'https://slack.com/api/';

/** fetch with a time limit unless the caller brought its own signal (the WebClient does). */
export const timedFetch =
  (timeoutMs: number): typeof fetch =>
  (input, init) =>
    fetch(input, { ...init, signal: init?.signal ?? AbortSignal.timeout(timeoutMs) });

/**
 * Why Slack could not be used at start-up, as one sentence naming the setting to check; anything that
 * is not a Slack Web API error (a port in use) is returned unchanged for the caller to word.
 */
export const slackStartError = (
  error: unknown,
  { setting, apiUrl }: { setting: 'SLACK_BOT_TOKEN' | 'SLACK_APP_TOKEN'; apiUrl?: string },
): unknown => {
  const code = (error as { code?: unknown } | undefined)?.code;
  const platform = slackErrorCode(error);
  if (code === 'slack_webapi_platform_error' && platform) {
    return new ExitcodeError(
      'slack_error',
      `Slack rejected ${setting} (${platform}): copy the token again from your Slack app's settings and restart.`,
      { slackError: platform },
    );
  }
  if (code === 'slack_webapi_request_error' || code === 'slack_webapi_http_error') {
    return new ExitcodeError(
      'slack_error',
      `Slack is unreachable at ${apiUrl ?? SLACK_API}: check the network, proxy and SLACK_API_URL, then start again.`,
      { slackCode: code, status: (error as { statusCode?: unknown }).statusCode },
    );
  }
  if (code === 'slack_webapi_rate_limited_error') {
    return new ExitcodeError('slack_error', 'Slack is rate-limiting this app at start-up: start again in a minute.');
  }
  return error;
};

export const createSlackApp = (deps: SlackAppDeps): SlackApp => {
  const { slack, logger } = deps;
  const bolt = boltLogger(logger);
  const customRoutes = deps.customRoutes ?? [];
  let httpReceiver: HTTPReceiver | undefined;
  let receiver: Receiver;
  if (slack.appToken) {
    receiver = new SocketModeReceiver({
      appToken: slack.appToken,
      logger: bolt,
      customRoutes,
      // The Socket Mode receiver opens this port only for custom routes (/healthz, /readyz, /metrics);
      // its clientOptions reach apps.connections.open, so a stand-in Web API URL applies there too.
      installerOptions: { port: slack.port, ...(slack.apiUrl ? { clientOptions: { slackApiUrl: slack.apiUrl } } : {}) },
    });
  } else {
    httpReceiver = new HTTPReceiver({
      signingSecret: slack.signingSecret,
      endpoints: ['/slack/events'],
      port: slack.port,
      customRoutes,
      logger: bolt,
      // Ack first, work after: Slack's 3 s budget is spent on the ack only.
      processBeforeResponse: false,
      signatureVerification: true,
    });
    // Checks Bolt does not make (future timestamps, replays, bodies that are not objects) run first.
    httpReceiver.requestListener = guardRequests(httpReceiver.requestListener, {
      signingSecret: slack.signingSecret,
      endpoints: ['/slack/events'],
      onRefused: (why) => {
        (deps.metrics ?? NO_METRICS).error(`request_${why}`);
        logger.warn({ refused: why }, 'Slack request refused');
      },
    });
    receiver = httpReceiver;
  }
  const app = new App({
    token: slack.botToken,
    receiver,
    logger: bolt,
    // Bolt would otherwise call auth.test in this constructor and cache its promise: a Slack outage at
    // start-up became an unhandled rejection, and every later event failed on the cached rejection.
    // init() in start() awaits it instead, so a failure is a sentence and the process does not start.
    deferInitialization: true,
    clientOptions: {
      ...(slack.apiUrl ? { slackApiUrl: slack.apiUrl } : {}),
      // One attempt per call, bounded in time: the gateway decides what may be retried (call-policy.ts).
      timeout: slack.timeoutMs ?? DEFAULT_SLACK_TIMEOUT_MS,
      // Bolt's respond() (response_url) uses this fetch too: it gets the same time limit.
      fetch: timedFetch(slack.timeoutMs ?? DEFAULT_SLACK_TIMEOUT_MS),
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
    },
  });
  const metrics = deps.metrics ?? NO_METRICS;
  const gateway = createWebGateway({
    client: app.client,
    metrics,
    logger: logger.child({ component: 'slack' }),
    ...(deps.sanitizeLarge ? { sanitizeLarge: deps.sanitizeLarge } : {}),
  });
  const botDeps: BotDeps = {
    investigator: deps.investigator,
    access: deps.access,
    logger,
    metrics,
    slack: gateway,
    extensions: deps.extensions ?? [],
    clock: deps.clock ?? (() => new Date()),
    ...(deps.actionHistory ? { actionHistory: deps.actionHistory } : {}),
  };
  registerRetryGuard({ app, logger });
  registerCommand({ app, deps: botDeps, ...(slack.command ? { command: slack.command } : {}) });
  registerMention({ app, deps: botDeps });
  registerActions({ app, deps: botDeps });
  registerPicks({ app, deps: botDeps });
  for (const extension of botDeps.extensions) extension.register?.(app, { slack: gateway });
  // Last line of defence: a listener error is logged and counted, never an unhandled rejection.
  app.error(async (error) => {
    botDeps.metrics.error('unhandled');
    logger.error({ err: error, code: (error as { code?: string }).code }, 'unhandled error in a Slack listener');
  });

  let listeningPort: number | undefined;
  return {
    app,
    gateway,
    port: () => listeningPort,
    start: async () => {
      await app.init().catch((error: unknown) => {
        throw slackStartError(error, { setting: 'SLACK_BOT_TOKEN', ...(slack.apiUrl ? { apiUrl: slack.apiUrl } : {}) });
      });
      if (httpReceiver) {
        // App.start passes its argument to the receiver, which resolves with the listening server.
        const server = (await app.start({ port: slack.port, host: slack.host ?? '0.0.0.0' })) as Server;
        const address = server.address();
        listeningPort = typeof address === 'object' && address ? address.port : slack.port;
        return;
      }
      await app.start().catch((error: unknown) => {
        throw slackStartError(error, { setting: 'SLACK_APP_TOKEN', ...(slack.apiUrl ? { apiUrl: slack.apiUrl } : {}) });
      });
      listeningPort = slack.port;
    },
    stop: async () => {
      await app.stop();
    },
  };
};
