/**
 * Buttons that choose: a namespace from the pick list or a did-you-mean suggestion (diagnosed, after
 * the channel's access check, in the thread it was offered in, or as a new channel message when it was
 * offered privately), a suggested thread verb, and Details. Values are parsed with zod; a forged one
 * can only name something the channel is then checked against.
 */
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { ExitcodeError } from '../../errors.ts';
import { DETAILS_ACTION, refOf } from '../blocks/diagnosis.ts';
import { decodePick, decodeVerb, PICK_ACTION_PATTERN, VERB_ACTION_PATTERN } from '../blocks/targets.ts';
import {
  type BotDeps,
  diagnoseAllowed,
  renderWithExtensions,
  runAfterDiagnosis,
  sayError,
  threadContext,
} from '../bot.ts';
import { decodeRef } from '../ids.ts';
import { type DecodedVerb, runVerbClick, STALE_BUTTON } from './verb-click.ts';

interface Click {
  channel?: string;
  /** The thread to answer in; undefined for a button on an ephemeral message (a slash command's answer). */
  threadTs?: string;
  requestId: string;
}

const clickOf = (body: BlockAction<ButtonAction>, action: ButtonAction): Click => {
  const channel = body.channel?.id ?? body.container?.channel_id;
  const message = body.message as { ts?: string; thread_ts?: string } | undefined;
  const container = body.container as { is_ephemeral?: boolean; thread_ts?: string } | undefined;
  const threadTs = message?.thread_ts ?? container?.thread_ts ?? (container?.is_ephemeral ? undefined : message?.ts);
  return {
    ...(channel ? { channel } : {}),
    ...(threadTs ? { threadTs } : {}),
    requestId: body.trigger_id ?? `${channel}-${action.action_ts}`,
  };
};

export const registerPicks = ({ app, deps }: { app: App; deps: BotDeps }): void => {
  app.action<BlockAction<ButtonAction>>({ action_id: PICK_ACTION_PATTERN }, async ({ ack, body, action, client }) => {
    await ack();
    deps.metrics.command('action');
    const { channel, threadTs, requestId } = clickOf(body, action);
    const logger = deps.logger.child({ requestId, channel, user: body.user.id, action: 'pick' });
    const scoped = { ...deps, logger };
    if (!channel) return;
    const base = threadContext({
      deps: scoped,
      client,
      channel,
      threadTs: threadTs ?? '',
      userId: body.user.id,
      ref: { namespace: '', pod: '' },
    });
    try {
      const pick = decodePick(action.value);
      if (!pick) throw new ExitcodeError('bad_input', STALE_BUTTON, { value: action.value });
      const diagnosis = await diagnoseAllowed({ deps: scoped, channel, request: pick });
      const message = await renderWithExtensions({ deps: scoped, diagnosis, channel });
      const ts = await deps.slack.post({ channel, ...(threadTs ? { threadTs } : {}), ...message });
      const thread = threadTs ?? ts;
      if (thread)
        await runAfterDiagnosis({ deps: scoped, ctx: { ...base, threadTs: thread, ref: refOf(diagnosis) }, diagnosis });
    } catch (error) {
      if (!threadTs) {
        logger.warn({ err: error }, 'a pick from a private answer failed');
        await deps.slack
          .ephemeral({
            channel,
            user: body.user.id,
            text: error instanceof ExitcodeError ? error.message : STALE_BUTTON,
          })
          .catch(() => undefined);
        return;
      }
      await sayError({ deps: scoped, ctx: base, error, context: { requestId } });
    }
  });

  const verbButton = async (
    { ack, body, action }: { ack: () => Promise<void>; body: BlockAction<ButtonAction>; action: ButtonAction },
    decode: (value: string | undefined) => DecodedVerb | undefined,
  ): Promise<void> => {
    await ack();
    deps.metrics.command('action');
    const { channel, threadTs, requestId } = clickOf(body, action);
    const logger = deps.logger.child({ requestId, channel, user: body.user.id, action: action.action_id });
    if (!channel || !threadTs) return;
    await runVerbClick({
      deps: { ...deps, logger },
      channel,
      threadTs,
      userId: body.user.id,
      requestId,
      value: action.value,
      decode,
    });
  };

  app.action<BlockAction<ButtonAction>>({ action_id: VERB_ACTION_PATTERN }, (args) => verbButton(args, decodeVerb));
  app.action<BlockAction<ButtonAction>>(DETAILS_ACTION, (args) =>
    verbButton(args, (value) => {
      const ref = decodeRef(value);
      return ref ? { verb: 'details', ref } : undefined;
    }),
  );
};
