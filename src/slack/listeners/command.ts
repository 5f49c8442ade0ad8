/**
 * `/exitcode`: ack at once (before any Kubernetes call), then diagnose and post the diagnosis as a
 * channel message so it can carry a thread. Where the bot cannot post there, the diagnosis goes back
 * through the command's response_url with how to invite the bot.
 */
import type { App, RespondFn } from '@slack/bolt';
import { refOf, renderDiagnosis } from '../blocks/diagnosis.ts';
import { renderError, renderUsage } from '../blocks/thread.ts';
import { answerFor, type BotDeps, extensionButtons, runAfterDiagnosis, threadContext } from '../bot.ts';
import { slackErrorCode } from '../deliver.ts';
import type { KnownBlock } from '../extension.ts';
import { parseSlashCommand } from '../parse.ts';
import { locateAndDiagnose } from '../locate.ts';
import { helpMessage } from '../verbs.ts';

const CANNOT_POST = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'restricted_action']);

const INVITE =
  'I could not post in this channel, so only you can see this. To share diagnoses here, invite me with `/invite @exitcode`.';

const respondSafely = async (
  respond: RespondFn,
  message: { text: string; blocks: KnownBlock[] },
  deps: BotDeps,
  requestId: string,
): Promise<void> => {
  try {
    deps.metrics.slackCall('response_url');
    await respond({ response_type: 'ephemeral', replace_original: false, text: message.text, blocks: message.blocks });
  } catch (error) {
    deps.logger.error({ requestId, err: error }, 'could not answer through response_url');
  }
};

export const registerCommand = ({
  app,
  deps,
  command = '/exitcode',
}: {
  app: App;
  deps: BotDeps;
  command?: string;
}): void => {
  app.command(command, async ({ command: body, ack, respond, client }) => {
    const request = parseSlashCommand(body.text ?? '');
    // Help and usage need no cluster: they are the ack's own (ephemeral) answer.
    if (request.kind === 'help') {
      const help = helpMessage(deps);
      await ack({ response_type: 'ephemeral', text: help.text, blocks: help.blocks });
      deps.metrics.command('slash');
      return;
    }
    if (request.kind === 'invalid') {
      const usage = renderUsage(request.reason);
      await ack({ response_type: 'ephemeral', text: usage.text, blocks: usage.blocks });
      deps.metrics.command('slash');
      return;
    }
    await ack();
    deps.metrics.command('slash');
    const requestId = body.trigger_id ?? `${body.channel_id}-${Date.now()}`;
    const logger = deps.logger.child({ requestId, channel: body.channel_id, user: body.user_id });
    const scoped = { ...deps, logger };
    const channel = body.channel_id;
    try {
      // No namespace: the channel's namespaces are searched; several or no matches come back as buttons.
      const located = await locateAndDiagnose({ deps: scoped, channel, request });
      if (located.kind === 'choose') {
        await respondSafely(respond, located.message, deps, requestId);
        return;
      }
      const { diagnosis } = located;
      const message = renderDiagnosis({
        diagnosis,
        extraButtons: await extensionButtons({ deps: scoped, diagnosis, channel }),
      });
      let ts: string | undefined;
      try {
        ts = await deps.slack.post({ channel, ...message });
      } catch (error) {
        const code = slackErrorCode(error);
        if (!code || !CANNOT_POST.has(code)) throw error;
        logger.info({ slackError: code }, 'cannot post in the channel; answering through response_url');
        // Buttons need a channel message to thread under: the fallback shows the diagnosis only.
        const blocks = message.blocks.filter((b) => b.type !== 'actions');
        blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: INVITE }] });
        await respondSafely(respond, { text: message.text, blocks }, deps, requestId);
        return;
      }
      if (ts) {
        const ctx = threadContext({
          deps: scoped,
          client,
          channel,
          threadTs: ts,
          userId: body.user_id,
          ref: refOf(diagnosis),
        });
        await runAfterDiagnosis({ deps: scoped, ctx, diagnosis });
      }
    } catch (error) {
      const sentence = answerFor({ deps: scoped, error, context: { requestId, text: body.text } });
      const rendered = renderError(sentence);
      await respondSafely(respond, rendered, deps, requestId);
    }
  });
};
