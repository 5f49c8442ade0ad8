/**
 * What every listener needs, and the operations they share: diagnose-and-render, thread verbs, error
 * answers. Listeners stay thin (ack, parse, call one of these); these stay free of Bolt's request
 * shapes so extensions and tests can call them with a plain ThreadContext.
 */
import type { Logger } from 'pino';
import type { Diagnosis } from '../diagnosis/types.ts';
import { isExitcodeError, userSentence } from '../errors.ts';
import type { DiagnoseRequest, Investigator } from '../services/types.ts';
import { type NamespaceAccess, allowedNamespaces, assertAllowed } from './access.ts';
import { type RenderedMessage, renderDiagnosis } from './blocks/diagnosis.ts';
import { renderError } from './blocks/thread.ts';
import type { Button, SlackExtension, ThreadContext, WebClient } from './extension.ts';
import type { SlackMetrics } from './deliver.ts';
import type { SlackGateway } from './gateway.ts';
import type { Limiter } from './limit.ts';

export interface BotDeps {
  investigator: Investigator;
  access: NamespaceAccess;
  logger: Logger;
  metrics: SlackMetrics;
  /** The one way to Slack (src/slack/web-gateway.ts in production). */
  slack: SlackGateway;
  extensions: SlackExtension[];
  clock: () => Date;
  /** Bounds concurrent diagnoses (see limit.ts); unbounded when absent. */
  limiter?: Limiter;
  /**
   * The actions requested in an incident thread, with every transition's who and when (remediation's
   * readActionHistory over the Lease store); `summary` reads them. Absent when actions are off.
   */
  actionHistory?: (args: { namespace: string; channel: string; threadTs: string }) => Promise<ActionHistoryRecord[]>;
}

/** Structurally remediation's ActionRecord: what `summary` reads of it. */
export interface ActionHistoryRecord {
  label: string;
  pod: string;
  workload?: { kind: string; name: string };
  result?: string;
  followUp?: string;
  /** The cause the action was requested for (the finding's title). */
  cause?: string;
  /** Every transition in order: who (a Slack user id, or the replica that ran it) and when. */
  steps: { state: string; by: string; at: string }[];
}

/** The namespace when the user named none: the channel's only namespace, else `default`. */
export const defaultNamespace = (access: NamespaceAccess, channel: string): string => {
  const allowed = allowedNamespaces(access, channel).filter((n) => n !== '*');
  return allowed.length === 1 ? (allowed[0] as string) : 'default';
};

/** Access check, then the diagnosis, timed. */
export const diagnoseAllowed = async ({
  deps,
  channel,
  request,
}: {
  deps: BotDeps;
  channel: string;
  request: DiagnoseRequest;
}): Promise<Diagnosis> => {
  assertAllowed({ access: deps.access, channelId: channel, namespace: request.namespace });
  const diagnose = async (): Promise<Diagnosis> => {
    const stop = deps.metrics.startDiagnosis();
    try {
      return await deps.investigator.diagnose(request);
    } finally {
      stop();
    }
  };
  return deps.limiter ? deps.limiter.run(diagnose) : diagnose();
};

/** Extension buttons; one extension failing must not cost the diagnosis its message. */
export const extensionButtons = async ({
  deps,
  diagnosis,
  channel,
}: {
  deps: BotDeps;
  diagnosis: Diagnosis;
  channel: string;
}): Promise<Button[]> => {
  const all: Button[] = [];
  for (const extension of deps.extensions) {
    if (!extension.buttons) continue;
    try {
      all.push(...(await extension.buttons(diagnosis, { channel })));
    } catch (error) {
      deps.logger.error({ err: error, extension: extension.name }, 'extension buttons failed');
      deps.metrics.error('extension');
    }
  }
  return all;
};

export const renderWithExtensions = async ({
  deps,
  diagnosis,
  channel,
}: {
  deps: BotDeps;
  diagnosis: Diagnosis;
  channel: string;
}): Promise<RenderedMessage> =>
  renderDiagnosis({ diagnosis, extraButtons: await extensionButtons({ deps, diagnosis, channel }) });

/** Runs the extensions' afterDiagnosis hooks; their failures are logged, never shown as ours. */
export const runAfterDiagnosis = async ({
  deps,
  ctx,
  diagnosis,
}: {
  deps: BotDeps;
  ctx: ThreadContext;
  diagnosis: Diagnosis;
}): Promise<void> => {
  for (const extension of deps.extensions) {
    if (!extension.afterDiagnosis) continue;
    try {
      await extension.afterDiagnosis({ ...ctx, diagnosis });
    } catch (error) {
      deps.logger.error({ err: error, extension: extension.name }, 'extension afterDiagnosis failed');
      deps.metrics.error('extension');
    }
  }
};

/** Logs an error with context and returns the sentence a user may see. */
export const answerFor = ({
  deps,
  error,
  context,
}: {
  deps: BotDeps;
  error: unknown;
  context: Record<string, unknown>;
}): string => {
  if (isExitcodeError(error)) {
    deps.metrics.error(error.code);
    deps.logger.info({ ...context, code: error.code, details: error.details }, 'request refused or failed');
  } else {
    deps.metrics.error('unknown');
    deps.logger.error({ ...context, err: error }, 'unexpected error while answering');
  }
  return userSentence(error);
};

/** A ThreadContext whose say() posts in the thread (plain text when Slack rejects the blocks). */
export const threadContext = ({
  deps,
  channel,
  threadTs,
  userId,
  ref,
}: Omit<ThreadContext, 'say' | 'slack'> & {
  deps: BotDeps;
  /** Ignored: everything goes through deps.slack (kept so listeners may still pass Bolt's client). */
  client?: WebClient;
}): ThreadContext => ({
  channel,
  threadTs,
  userId,
  ref,
  slack: deps.slack,
  say: async (text, blocks) => {
    await deps.slack.post({ channel, threadTs, text, ...(blocks ? { blocks } : {}) });
  },
});

/** Posts an error sentence in a thread, never throwing (the last line of defence of a listener). */
export const sayError = async ({
  deps,
  ctx,
  error,
  context,
}: {
  deps: BotDeps;
  ctx: ThreadContext;
  error: unknown;
  context: Record<string, unknown>;
}): Promise<void> => {
  const message = renderError(answerFor({ deps, error, context }));
  try {
    await ctx.say(message.text, message.blocks);
  } catch (postError) {
    deps.logger.error({ ...context, err: postError }, 'could not post the error answer');
  }
};
