/**
 * The diagnosis buttons: Show logs, Show events, Re-diagnose, Upload full log. The button value names
 * the pod (parsed with zod); the namespace is checked against the channel on every click, so a forged
 * value cannot reach a namespace the channel may not see. Answers go in the message's thread.
 */
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { BotDeps } from '../bot.ts';
import { ACTIONS, decodeRef } from '../ids.ts';
import { runVerbClick } from './verb-click.ts';

const VERBS: Record<string, { verb: string; args: string[] }> = {
  [ACTIONS.logs]: { verb: 'logs', args: [] },
  [ACTIONS.events]: { verb: 'events', args: [] },
  [ACTIONS.rediagnose]: { verb: 'rediagnose', args: [] },
  [ACTIONS.uploadLogs]: { verb: 'logs', args: ['all'] },
};

export const registerActions = ({ app, deps }: { app: App; deps: BotDeps }): void => {
  for (const [actionId, { verb, args }] of Object.entries(VERBS)) {
    app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, body, action }) => {
      await ack();
      deps.metrics.command('action');
      const channel = body.channel?.id ?? body.container?.channel_id;
      const message = body.message as { ts?: string; thread_ts?: string } | undefined;
      const threadTs = message?.thread_ts ?? message?.ts;
      const requestId = body.trigger_id ?? `${channel}-${action.action_ts}`;
      const logger = deps.logger.child({ requestId, channel, user: body.user.id, action: actionId });
      if (!channel || !threadTs) {
        logger.warn('button click without a channel message to answer in');
        return;
      }
      await runVerbClick({
        deps: { ...deps, logger },
        channel,
        threadTs,
        userId: body.user.id,
        requestId,
        value: action.value,
        decode: (value) => {
          const ref = decodeRef(value);
          return ref ? { verb, args, ref } : undefined;
        },
      });
    });
  }
};
