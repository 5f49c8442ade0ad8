/**
 * `@exitcode ...`: outside a thread, a pod name (or a sentence naming one) is diagnosed in the thread
 * of that message; inside a thread, verbs act on the pod recovered from the thread's diagnosis message.
 * Events are acked by Bolt before this runs.
 */
import type { App } from '@slack/bolt';
import { ExitcodeError } from '../../errors.ts';
import { assertAllowed } from '../access.ts';
import { refOf } from '../blocks/diagnosis.ts';
import { type BotDeps, renderWithExtensions, runAfterDiagnosis, sayError, threadContext } from '../bot.ts';
import { findThreadRef } from '../deliver.ts';
import { parseMention } from '../parse.ts';
import { locateAndDiagnose } from '../locate.ts';
import { disabledVerbs, extensionVerbs, runDisabledVerb, runHelp, runUnknownVerb, runVerb } from '../verbs.ts';

const NO_POD =
  'Name a pod (for example `@exitcode why does checkout-7f9c6 keep dying?`), or use `@exitcode help` for what I can do.';
const NOT_A_DIAGNOSIS_THREAD =
  'I can only do that in a diagnosis thread. Name the pod first, for example `@exitcode checkout-7f9c6`.';

export const registerMention = ({ app, deps }: { app: App; deps: BotDeps }): void => {
  app.event('app_mention', async ({ event, body, client, context }) => {
    const channel = event.channel;
    const threadTs = event.thread_ts ?? event.ts;
    const requestId = (body as { event_id?: string }).event_id ?? `${channel}-${event.ts}`;
    const logger = deps.logger.child({ requestId, channel, user: event.user });
    const scoped = { ...deps, logger };
    const base = threadContext({
      deps: scoped,
      client,
      channel,
      threadTs,
      userId: event.user ?? '',
      ref: { namespace: '', pod: '' },
    });
    try {
      const request = parseMention(event.text ?? '', extensionVerbs(deps), { inThread: Boolean(event.thread_ts) });
      // Kinds as src/ops/metrics.ts documents them: a verb in a thread is 'thread', anything else 'mention'.
      if (request.kind !== 'verb') deps.metrics.command('mention');
      if (request.kind === 'none') throw new ExitcodeError('bad_input', NO_POD);
      if (request.kind === 'help') return await runHelp({ deps: scoped, ctx: base });
      if (request.kind === 'unknown_verb') {
        // The thread's pod, when there is one, so the suggestions can be buttons acting on it.
        const ref = event.thread_ts
          ? findThreadRef(await deps.slack.thread({ channel, threadTs }), context.botId)
          : undefined;
        return await runUnknownVerb({
          deps: scoped,
          ctx: base,
          word: request.word,
          suggestions: request.suggestions,
          ...(ref ? { ref } : {}),
        });
      }
      if (request.kind === 'verb') {
        if (request.verb === 'help') return await runHelp({ deps: scoped, ctx: base });
        // A verb that is off here says what would turn it on, in a thread or not.
        if (disabledVerbs(deps).includes(request.verb)) {
          deps.metrics.command('thread');
          await runDisabledVerb({ ctx: base, verb: request.verb });
          return;
        }
        if (!event.thread_ts) throw new ExitcodeError('bad_input', NOT_A_DIAGNOSIS_THREAD);
        const ref = findThreadRef(await deps.slack.thread({ channel, threadTs }), context.botId);
        if (!ref) throw new ExitcodeError('bad_input', NOT_A_DIAGNOSIS_THREAD);
        // The thread may have been moved or the mapping changed since: check again now.
        assertAllowed({ access: deps.access, channelId: channel, namespace: ref.namespace });
        deps.metrics.command('thread');
        await runVerb({ deps: scoped, ctx: { ...base, ref }, verb: request.verb, args: request.args });
        return;
      }
      const located = await locateAndDiagnose({ deps: scoped, channel, request });
      if (located.kind === 'choose') {
        await deps.slack.post({ channel, threadTs, ...located.message });
        return;
      }
      const { diagnosis } = located;
      const message = await renderWithExtensions({ deps: scoped, diagnosis, channel });
      await deps.slack.post({ channel, threadTs, ...message });
      await runAfterDiagnosis({ deps: scoped, ctx: { ...base, ref: refOf(diagnosis) }, diagnosis });
    } catch (error) {
      await sayError({ deps: scoped, ctx: base, error, context: { requestId, text: event.text } });
    }
  });
};
