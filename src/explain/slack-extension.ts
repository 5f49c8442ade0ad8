/**
 * Explanations plugged into the Slack bot through its extension seam: an "Explain" button under a
 * failing pod's diagnosis, the `@exitcode explain` thread verb, and (mode auto) an explanation after a
 * diagnosis whose best finding is below the confidence threshold. The diagnosis is always posted first;
 * the explanation follows in the thread. With the mode off there is no button, verb or hook at all.
 */
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { ExplainMode } from '../config.ts';
import type { Diagnosis } from '../diagnosis/types.ts';
import { isExitcodeError, userSentence } from '../errors.ts';
import { assertAllowed, type NamespaceAccess } from '../slack/access.ts';
import { button, refOf } from '../slack/blocks/diagnosis.ts';
import { safe } from '../slack/blocks/text.ts';
import type { Button, SlackExtension, ThreadRef } from '../slack/extension.ts';
import type { SlackGateway } from '../slack/gateway.ts';
import { decodeRef, encodeRef } from '../slack/ids.ts';
import { type Explainer, type ExplainLogger, isExplainFailure } from './explainer.ts';
import { type RenderedExplanation, renderExplanation, renderNoExplanation } from './render.ts';
import type { ExplainSource } from './source.ts';

export const EXPLAIN_ACTION = 'exitcode_explain';

export interface ExplainExtensionOptions {
  explainer: Explainer;
  mode: ExplainMode;
  /** Auto mode explains when the best finding's confidence is below this. */
  threshold: number;
  /** Gathers the pod again for a click or a verb (the diagnosis and the facts behind it). */
  source: ExplainSource;
  access: NamespaceAccess;
  logger: ExplainLogger & { error(obj: object, msg?: string): void };
  /** Counts requests like the bot's own ('action', 'thread'). */
  onCommand?: (kind: string) => void;
}

const explainable = (diagnosis: Diagnosis): boolean => !diagnosis.healthy && diagnosis.containers.length > 0;

/** Through the gateway: redacted, display-safe, within Block Kit limits, never unfurled. */
const post = async ({
  slack,
  channel,
  threadTs,
  message,
}: {
  slack: SlackGateway;
  channel: string;
  threadTs: string;
  message: RenderedExplanation;
}): Promise<void> => {
  await slack.post({ channel, threadTs, text: message.text, blocks: message.blocks });
};

export const createExplainExtension = (options: ExplainExtensionOptions): SlackExtension => {
  const { explainer, logger } = options;
  if (options.mode === 'off') return { name: 'explain' };

  /** Explains and posts in the thread; `requested` answers failures, auto mode stays quiet about them. */
  const explainAndPost = async ({
    slack,
    channel,
    threadTs,
    ref,
    requested,
  }: {
    slack: SlackGateway;
    channel: string;
    threadTs: string;
    ref: ThreadRef;
    requested: boolean;
  }): Promise<void> => {
    try {
      const input = await options.source(ref);
      if (!explainable(input.diagnosis)) {
        if (requested) {
          await slack.post({
            channel,
            threadTs,
            text: `No container of ${safe(ref.namespace)}/${safe(ref.pod)} is failing now, so there is nothing to explain.`,
          });
        }
        return;
      }
      // Each model failure has its own sentence (key, quota, timeout, parameters, unreadable reply).
      const result = explainer.explainOrWhy ? await explainer.explainOrWhy(input) : await explainer.explain(input);
      if (!result || isExplainFailure(result)) {
        if (requested) await post({ slack, channel, threadTs, message: renderNoExplanation(result?.sentence) });
        return;
      }
      const explanation = result;
      const target = `${input.diagnosis.namespace}/${input.diagnosis.pod}`;
      await post({ slack, channel, threadTs, message: renderExplanation({ explanation, target }) });
    } catch (error) {
      const context = { event: 'explain_post_failed', channel, code: isExitcodeError(error) ? error.code : undefined };
      if (isExitcodeError(error)) logger.warn(context, 'explanation not posted');
      else logger.error({ ...context, err: error }, 'explanation not posted');
      if (!requested) return;
      try {
        await slack.post({ channel, threadTs, text: `:warning: ${safe(userSentence(error))}` });
      } catch {
        // Already logged above; nothing more to tell anyone.
      }
    }
  };

  return {
    name: 'explain',
    buttons: (diagnosis: Diagnosis): Button[] =>
      explainable(diagnosis)
        ? [button({ text: 'Explain (AI)', actionId: EXPLAIN_ACTION, value: encodeRef(refOf(diagnosis)) })]
        : [],
    threadCommands: {
      explain: {
        help: 'explain: a plain-language explanation by the configured AI model (marked as AI-generated)',
        run: async (ctx) => {
          await explainAndPost({
            slack: ctx.slack,
            channel: ctx.channel,
            threadTs: ctx.threadTs,
            ref: ctx.ref,
            requested: true,
          });
        },
      },
    },
    register: (app: App, { slack }: { slack: SlackGateway }) => {
      app.action<BlockAction<ButtonAction>>(EXPLAIN_ACTION, async ({ ack, body, action }) => {
        await ack();
        options.onCommand?.('action');
        const channel = body.channel?.id ?? body.container?.channel_id;
        const message = body.message as { ts?: string; thread_ts?: string } | undefined;
        const threadTs = message?.thread_ts ?? message?.ts;
        if (!channel || !threadTs) return;
        const ref = decodeRef(action.value);
        try {
          if (!ref) throw new Error('invalid button value');
          // A forged value can only name a pod; the channel must still be allowed to see its namespace.
          assertAllowed({ access: options.access, channelId: channel, namespace: ref.namespace });
        } catch (error) {
          const sentence = isExitcodeError(error)
            ? userSentence(error)
            : 'That button is not valid any more; run `/exitcode <pod>` again.';
          await slack.post({ channel, threadTs, text: `:warning: ${safe(sentence)}` });
          return;
        }
        await explainAndPost({ slack, channel, threadTs, ref, requested: true });
      });
    },
    afterDiagnosis: async (ctx) => {
      if (options.mode !== 'auto' || !explainable(ctx.diagnosis)) return;
      const best = ctx.diagnosis.containers[0]?.classification.best;
      if (!best || best.confidence >= options.threshold) return;
      await explainAndPost({
        slack: ctx.slack,
        channel: ctx.channel,
        threadTs: ctx.threadTs,
        ref: ctx.ref,
        requested: false,
      });
    },
  };
};
