/**
 * Starts the real Bolt app in HTTP mode on 127.0.0.1 (a free port) against the Slack stand-in, for
 * end-to-end tests of the bot and its extensions:
 *
 *   const bot = await startTestBot({ investigator, extensions: [myExtension] });
 *   await send(bot.eventsUrl, slashCommand(slashFields({ text: 'api-1', response_url: bot.slack.responseUrl() }), { secret: bot.secret }));
 *   await bot.slack.waitFor((s) => s.callsOf('chat.postMessage').length === 1);
 *   await bot.close();
 */
import { pino } from 'pino';
import { createLimiter, DEFAULT_LIMITER } from '../../src/services/limit.ts';
import { limitInvestigator } from '../../src/services/limited-investigator.ts';
import type { Investigator } from '../../src/services/types.ts';
import type { NamespaceAccess } from '../../src/slack/access.ts';
import { createSlackApp, type SlackApp, type SlackAppDeps } from '../../src/slack/app.ts';
import type { SlackMetrics } from '../../src/slack/deliver.ts';
import type { SlackExtension } from '../../src/slack/extension.ts';
import { type SlackStandIn, startSlackStandIn } from './slack-stand-in.ts';

export const TEST_SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';

export interface TestBot {
  bot: SlackApp;
  slack: SlackStandIn;
  secret: string;
  /** http://127.0.0.1:port/slack/events */
  eventsUrl: string;
  close(): Promise<void>;
}

export const startTestBot = async ({
  investigator,
  access = { defaultNamespaces: ['*'], channels: {} },
  extensions = [],
  metrics,
  slack: given,
  actionHistory,
}: {
  investigator: Investigator;
  access?: NamespaceAccess;
  extensions?: SlackExtension[];
  metrics?: SlackMetrics;
  slack?: SlackStandIn;
  /** The action history `summary` reads (remediation's readActionHistory in production). */
  actionHistory?: SlackAppDeps['actionHistory'];
}): Promise<TestBot> => {
  const slack = given ?? (await startSlackStandIn());
  const bot = createSlackApp({
    slack: {
      botToken: 'xoxb-test-token',
      signingSecret: TEST_SIGNING_SECRET,
      apiUrl: slack.apiUrl,
      port: 0,
      host: '127.0.0.1',
    },
    // Bounded as main.ts bounds it, with the shipped settings.
    investigator: limitInvestigator({ investigator, limiter: createLimiter(DEFAULT_LIMITER) }),
    access,
    logger: pino({ level: 'silent' }),
    extensions,
    ...(metrics ? { metrics } : {}),
    clock: () => new Date('2026-11-25T12:30:00Z'),
    ...(actionHistory ? { actionHistory } : {}),
  });
  await bot.start();
  return {
    bot,
    slack,
    secret: TEST_SIGNING_SECRET,
    eventsUrl: `http://127.0.0.1:${bot.port()}/slack/events`,
    close: async () => {
      await bot.stop();
      bot.gateway.close();
      if (!given) await slack.close();
    },
  };
};
