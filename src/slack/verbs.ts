/**
 * Thread verbs: `logs [N]`, `logs all`, `events`, `rediagnose`, `summary`, `help`, and the ones
 * extensions add. Each acts on the thread's pod (ctx.ref), which the caller has already recovered from
 * the thread and checked against the channel's namespaces.
 */
import { ExitcodeError } from '../errors.ts';
import { renderEvents, renderHelp, renderLogs, renderSummary, type SummaryEntry } from './blocks/thread.ts';
import { type BotDeps, diagnoseAllowed, renderWithExtensions, runAfterDiagnosis } from './bot.ts';
import { isDiagnosisMessage } from './deliver.ts';
import type { ThreadContext } from './extension.ts';
import { parseLogsArgs } from './parse.ts';

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
    filename: `${ref.pod}-${log.container}${log.previous ? '-previous' : ''}.log`,
    title: `Log of ${ref.namespace}/${ref.pod} (${log.container})`,
    content: content === '' ? '(empty log)' : content,
    comment: `Last ${log.lines.length} lines of ${log.container}${log.previous ? ' (previous instance)' : ''}, secrets redacted.`,
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

const MENTIONED = /<@([A-Z0-9]+)(?:\|[^<>]*)?>/g;
/** Bounds users.info calls for one summary: authors and people mentioned, the first 20. */
const MAX_NAMES = 20;

/** The first line of a Slack message as plain text: mentions become @name, entities are decoded
 * (renderSummary escapes again, so nothing double-escapes and nothing can render). */
const firstLine = (text: string | undefined, names: Map<string, string>): string =>
  (text ?? '')
    .split('\n')[0]
    ?.replace(MENTIONED, (_, id: string) => `@${names.get(id) ?? id}`)
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim() ?? '';

const mentionedIds = (text: string | undefined): string[] =>
  [...(text ?? '').matchAll(MENTIONED)].map((m) => m[1] as string);

/** Display names for the user ids in a thread (one users.info each, failures keep the id). */
const userNames = async ({
  deps,
  ctx,
  ids,
}: {
  deps: BotDeps;
  ctx: ThreadContext;
  ids: string[];
}): Promise<Map<string, string>> => {
  const names = new Map<string, string>();
  for (const id of [...new Set(ids)].slice(0, MAX_NAMES)) {
    try {
      names.set(id, (await ctx.slack.userName(id)) ?? id);
    } catch {
      names.set(id, id);
    }
  }
  return names;
};

const tsToIso = (ts: string | undefined): string => {
  const seconds = Number(ts);
  return Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000).toISOString() : '?';
};

/** The incident timeline: first crash, the diagnosis, what was tried and by whom, and the state now. */
export const runSummary = async ({ deps, ctx }: { deps: BotDeps; ctx: ThreadContext }): Promise<void> => {
  const messages = await ctx.slack.thread({ channel: ctx.channel, threadTs: ctx.threadTs });
  const ids = messages.flatMap((m) => [...(m.user && !m.bot_id ? [m.user] : []), ...mentionedIds(m.text)]);
  const names = await userNames({ deps, ctx, ids });
  const entries: SummaryEntry[] = [];
  let current: SummaryEntry | undefined;
  try {
    const now = await deps.investigator.diagnose({
      namespace: ctx.ref.namespace,
      target: ctx.ref.pod,
      ...(ctx.ref.container ? { container: ctx.ref.container } : {}),
    });
    const firstCrash = now.timeline.find((t) => /crash|terminat|exit|backoff|oom/i.test(t.what)) ?? now.timeline[0];
    if (firstCrash) entries.push({ at: firstCrash.at, who: 'cluster', what: `first recorded: ${firstCrash.what}` });
    const top = now.containers[0];
    current = {
      at: deps.clock().toISOString(),
      who: 'now',
      what:
        now.healthy || !top
          ? `no container failing (phase ${now.phase})`
          : `still failing: ${top.container}: ${top.classification.best.title}, ${top.restartCount} restarts`,
    };
  } catch (error) {
    current = {
      at: deps.clock().toISOString(),
      who: 'now',
      what: `current state unknown (${error instanceof ExitcodeError ? error.code : 'error'})`,
    };
  }
  for (const message of messages) {
    const text = firstLine(message.text, names);
    if (!text || /\bsummary\b/i.test(text)) continue;
    const who = message.bot_id ? 'exitcode' : (names.get(message.user ?? '') ?? message.user ?? 'someone');
    const what = isDiagnosisMessage(message) ? `diagnosis: ${text}` : text;
    entries.push({ at: tsToIso(message.ts), who, what });
  }
  entries.sort((a, b) => a.at.localeCompare(b.at));
  if (current) entries.push(current);
  const rendered = renderSummary({ ref: ctx.ref, entries });
  await ctx.say(rendered.text, rendered.blocks);
};

export const runHelp = async ({ deps, ctx }: { deps: BotDeps; ctx: ThreadContext }): Promise<void> => {
  const extraVerbs = deps.extensions.flatMap((e) =>
    Object.entries(e.threadCommands ?? {}).map(([verb, c]) => ({ verb, help: c.help })),
  );
  const message = renderHelp({ extraVerbs });
  await ctx.say(message.text, message.blocks);
};

export const extensionVerbs = (deps: BotDeps): string[] =>
  deps.extensions.flatMap((e) => Object.keys(e.threadCommands ?? {}));

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
  return false;
};
