/**
 * Thread verbs: `logs [N]`, `logs all`, `events`, `details`, `rediagnose`, `summary`, `help`, and the
 * ones extensions add. Each acts on the thread's pod (ctx.ref), which the caller has already recovered
 * from the thread and checked against the channel's namespaces. Optional verbs whose extension is not
 * configured answer with what would enable them; an unknown word gets did-you-mean.
 */
import { ExitcodeError } from '../errors.ts';
import { renderDetails } from './blocks/details.ts';
import type { RenderedMessage } from './blocks/diagnosis.ts';
import { renderDisabledVerb, renderUnknownVerb } from './blocks/targets.ts';
import { renderEvents, renderHelp, renderLogs } from './blocks/thread.ts';
import { type BotDeps, diagnoseAllowed, renderWithExtensions, runAfterDiagnosis } from './bot.ts';
import type { ThreadContext, ThreadRef } from './extension.ts';
import { OPTIONAL_VERBS, parseLogsArgs } from './parse.ts';
import { runSummary } from './summary-verb.ts';

export { runSummary };

/** `logs all` reads this many lines: a file is for reading at leisure, but still bounded. */
export const FULL_LOG_LINES = 5000;

const uploadLog = async ({ deps, ctx }: { deps: BotDeps; ctx: ThreadContext }): Promise<void> => {
  const { ref } = ctx;
  const log = await deps.investigator.logs({
    namespace: ref.namespace,
    pod: ref.pod,
    ...(ref.container ? { container: ref.container } : {}),
    tailLines: FULL_LOG_LINES,
  });
  const content = log.lines.join('\n');
  await ctx.slack.upload({
    channel: ctx.channel,
    threadTs: ctx.threadTs,
    filename: `${ref.pod}${log.container ? `-${log.container}` : ''}${log.previous ? '-previous' : ''}.log`,
    title: `Log of ${ref.namespace}/${ref.pod}${log.container ? ` (${log.container})` : ''}`,
    content: content === '' ? '(empty log)' : content,
    comment: `Last ${log.lines.length} lines${log.container ? ` of ${log.container}` : ''}${log.previous ? ' (previous instance)' : ''}, secrets redacted.`,
  });
};

export const runLogs = async ({
  deps,
  ctx,
  args,
}: {
  deps: BotDeps;
  ctx: ThreadContext;
  args: string[];
}): Promise<void> => {
  const parsed = parseLogsArgs(args);
  if ('error' in parsed) throw new ExitcodeError('bad_input', parsed.error);
  if (parsed.lines === 'all') return uploadLog({ deps, ctx });
  const { ref } = ctx;
  const log = await deps.investigator.logs({
    namespace: ref.namespace,
    pod: ref.pod,
    ...(ref.container ? { container: ref.container } : {}),
    tailLines: parsed.lines,
  });
  const message = renderLogs({ ref, log });
  await ctx.say(message.text, message.blocks);
};

export const runEvents = async ({ deps, ctx }: { deps: BotDeps; ctx: ThreadContext }): Promise<void> => {
  const { ref } = ctx;
  const events = await deps.investigator.events({
    namespace: ref.namespace,
    pod: ref.pod,
    ...(ref.container ? { container: ref.container } : {}),
  });
  const message = renderEvents({ ref, events });
  await ctx.say(message.text, message.blocks);
};

export const runRediagnose = async ({ deps, ctx }: { deps: BotDeps; ctx: ThreadContext }): Promise<void> => {
  const { ref } = ctx;
  const diagnosis = await diagnoseAllowed({
    deps,
    channel: ctx.channel,
    request: { namespace: ref.namespace, target: ref.pod, ...(ref.container ? { container: ref.container } : {}) },
  });
  const message = await renderWithExtensions({ deps, diagnosis, channel: ctx.channel });
  await ctx.slack.post({ channel: ctx.channel, threadTs: ctx.threadTs, ...message });
  await runAfterDiagnosis({ deps, ctx, diagnosis });
};

export const extensionVerbs = (deps: BotDeps): string[] =>
  deps.extensions.flatMap((e) => Object.keys(e.threadCommands ?? {}));

/** Optional verbs no configured extension provides here: known, answered with what would enable them. */
export const disabledVerbs = (deps: BotDeps): string[] => {
  const provided = new Set(extensionVerbs(deps));
  return Object.keys(OPTIONAL_VERBS).filter((verb) => !provided.has(verb));
};

export const helpMessage = (deps: BotDeps): RenderedMessage =>
  renderHelp({
    extraVerbs: deps.extensions.flatMap((e) =>
      Object.entries(e.threadCommands ?? {}).map(([verb, c]) => ({ verb, help: c.help })),
    ),
    disabledVerbs: disabledVerbs(deps),
  });

export const runHelp = async ({ deps, ctx }: { deps: BotDeps; ctx: ThreadContext }): Promise<void> => {
  const message = helpMessage(deps);
  await ctx.say(message.text, message.blocks);
};

/** `@exitcode restart` where no policy is configured: what would turn it on, never a pod lookup. */
export const runDisabledVerb = async ({ ctx, verb }: { ctx: ThreadContext; verb: string }): Promise<boolean> => {
  const sentence = OPTIONAL_VERBS[verb];
  if (!sentence) return false;
  const message = renderDisabledVerb(sentence);
  await ctx.say(message.text, message.blocks);
  return true;
};

/** A word where a verb goes: did-you-mean (buttons on the thread's pod when known) and the help. */
export const runUnknownVerb = async ({
  deps,
  ctx,
  word,
  suggestions,
  ref,
}: {
  deps: BotDeps;
  ctx: ThreadContext;
  word: string;
  suggestions: string[];
  ref?: ThreadRef;
}): Promise<void> => {
  const message = renderUnknownVerb({ word, suggestions, ...(ref ? { ref } : {}), help: helpMessage(deps) });
  await ctx.say(message.text, message.blocks);
};

/** Everything the channel message leaves out, from a fresh look at the pod. */
export const runDetails = async ({ deps, ctx }: { deps: BotDeps; ctx: ThreadContext }): Promise<void> => {
  const { ref } = ctx;
  const diagnosis = await diagnoseAllowed({
    deps,
    channel: ctx.channel,
    request: { namespace: ref.namespace, target: ref.pod, ...(ref.container ? { container: ref.container } : {}) },
  });
  const message = renderDetails({ diagnosis });
  await ctx.say(message.text, message.blocks);
};

/** Runs a verb on the thread's pod; false when the verb is unknown. */
export const runVerb = async ({
  deps,
  ctx,
  verb,
  args,
}: {
  deps: BotDeps;
  ctx: ThreadContext;
  verb: string;
  args: string[];
}): Promise<boolean> => {
  switch (verb) {
    case 'logs':
      await runLogs({ deps, ctx, args });
      return true;
    case 'events':
      await runEvents({ deps, ctx });
      return true;
    case 'details':
      await runDetails({ deps, ctx });
      return true;
    case 'rediagnose':
      await runRediagnose({ deps, ctx });
      return true;
    case 'summary':
      await runSummary({ deps, ctx });
      return true;
    case 'help':
      await runHelp({ deps, ctx });
      return true;
  }
  for (const extension of deps.extensions) {
    const command = extension.threadCommands?.[verb];
    if (command) {
      await command.run(ctx, args);
      return true;
    }
  }
  return runDisabledVerb({ ctx, verb });
};
