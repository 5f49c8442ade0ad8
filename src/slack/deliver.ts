/**
 * Posting to Slack with the bot's failure rules: invalid_blocks falls back to plain text, Slack error
 * codes are read from the Web API error, and thread context is recovered from the thread itself
 * (no local state, so several replicas can serve one workspace).
 */
import type { Logger } from 'pino';
import type { KnownBlock, ThreadRef, WebClient } from './extension.ts';
import { METADATA_EVENT, refFromMetadata } from './ids.ts';

/** Counters the bot reports; structurally a subset of src/ops/metrics.ts `Metrics`. */
export interface SlackMetrics {
  command(kind: string): void;
  error(kind: string): void;
  slackCall(method: string): void;
  /** Starts a diagnosis timer; the returned function stops it. */
  startDiagnosis(): () => void;
}

export const NO_METRICS: SlackMetrics = {
  command: () => {},
  error: () => {},
  slackCall: () => {},
  startDiagnosis: () => () => {},
};

/** The Web API error code (`not_in_channel`, `invalid_blocks`, ...) of a failed call, if any. */
export const slackErrorCode = (error: unknown): string | undefined => {
  const data = (error as { data?: { error?: unknown } } | undefined)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
};

const BLOCK_ERRORS = new Set(['invalid_blocks', 'invalid_blocks_format', 'invalid_metadata_format', 'msg_too_long']);

export interface PostArgs {
  client: WebClient;
  channel: string;
  threadTs?: string;
  text: string;
  blocks?: KnownBlock[];
  metadata?: { event_type: string; event_payload: Record<string, string> };
  metrics: SlackMetrics;
  logger: Logger;
}

/** chat.postMessage; when Slack rejects the blocks, the same message again as plain text. Returns ts. */
export const postMessage = async (args: PostArgs): Promise<string | undefined> => {
  const { client, channel, threadTs, text, blocks, metadata, metrics, logger } = args;
  const base = { channel, text, ...(threadTs ? { thread_ts: threadTs } : {}) };
  try {
    metrics.slackCall('chat.postMessage');
    const result = await client.chat.postMessage({
      ...base,
      ...(blocks ? { blocks } : {}),
      ...(metadata ? { metadata } : {}),
    });
    return result.ts;
  } catch (error) {
    const code = slackErrorCode(error);
    if (!code || !BLOCK_ERRORS.has(code) || !blocks) throw error;
    logger.warn({ slackError: code, channel }, 'Slack rejected the blocks; posting plain text instead');
    metrics.error(`slack_${code}`);
    metrics.slackCall('chat.postMessage');
    // Keep the metadata only if it was not what Slack rejected: threads need it to find their pod.
    const keepMetadata = code !== 'invalid_metadata_format' && metadata;
    const result = await client.chat.postMessage({ ...base, ...(keepMetadata ? { metadata } : {}) });
    return result.ts;
  }
};

interface ThreadMessage {
  ts?: string;
  user?: string;
  bot_id?: string;
  text?: string;
  metadata?: unknown;
}

/** The messages of a thread, parent first (bounded: a summary does not need more). */
export const readThread = async ({
  client,
  channel,
  threadTs,
  metrics,
}: {
  client: WebClient;
  channel: string;
  threadTs: string;
  metrics: SlackMetrics;
}): Promise<ThreadMessage[]> => {
  metrics.slackCall('conversations.replies');
  const result = await client.conversations.replies({ channel, ts: threadTs, include_all_metadata: true, limit: 200 });
  return (result.messages ?? []) as ThreadMessage[];
};

/**
 * The pod a thread is about: the latest message in it carrying the diagnosis metadata (a re-diagnosis
 * in the thread supersedes the first one; a mention thread's parent is the user's message).
 */
export const findThreadRef = (messages: ThreadMessage[], botId?: string): ThreadRef | undefined => {
  for (let i = messages.length - 1; i >= 0; i--) {
    // Only our own messages count: another app could post look-alike metadata in the thread.
    if (botId && messages[i]?.bot_id !== botId) continue;
    const ref = refFromMetadata(messages[i]?.metadata);
    if (ref) return ref;
  }
  return undefined;
};

export const isDiagnosisMessage = (message: ThreadMessage): boolean =>
  (message.metadata as { event_type?: unknown } | undefined)?.event_type === METADATA_EVENT;
