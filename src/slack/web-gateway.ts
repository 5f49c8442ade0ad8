/**
 * The SlackGateway over the Web API (see gateway.ts for what every call guarantees). Text safety and
 * Block Kit limits are outgoing-blocks.ts; timeouts, retries and metrics are call-policy.ts.
 *
 * A post whose outcome is unknown (5xx, reset or timeout after the request went out) is settled by
 * reading, not repeated blindly: chat.postMessage has no idempotency key (Slack ignores a
 * client_msg_id from bots), so the gateway reads the channel (or thread) since just before the first
 * attempt and looks for our bot's message with exactly the text it sent. Found: that is the post, no
 * second one. Not found: the post is tried again (once per remaining attempt). The read itself
 * failing: the post is reported as failed and not repeated, because a missing answer is better than
 * a doubled one (the user can ask again; a doubled diagnosis with buttons invites double clicks).
 */
import type { Logger } from 'pino';
import { sanitizeOutgoing } from '../text/outgoing.ts';
import {
  type CallPolicy,
  type CallPolicySettings,
  createCallPolicy,
  DEFAULT_CALL_POLICY,
  failureKind,
  slackUnavailable,
} from './call-policy.ts';
import { isDiagnosisMessage, type SlackMetrics, slackErrorCode } from './deliver.ts';
import type { WebClient } from './extension.ts';
import type { OutgoingMessage, ReadMessage, SlackGateway } from './gateway.ts';
import { prepareBlocks, prepareText } from './outgoing-blocks.ts';

/** Slack refuses these when the blocks or metadata are at fault: the plain text still gets through. */
const BLOCK_ERRORS = new Set(['invalid_blocks', 'invalid_blocks_format', 'invalid_metadata_format', 'msg_too_long']);

/** conversations.replies page size (Slack's documented maximum is 1000; it recommends <= 200). */
export const THREAD_PAGE = 200;
/** The most messages thread() returns (parent first, oldest kept): bounded work per summary. */
export const THREAD_MAX_MESSAGES = 1000;
/** conversations.history pages when a new leader looks for a dead one's post, and how far it reads. */
const HISTORY_PAGE = 200;
const HISTORY_MAX_MESSAGES = 1000;

/** Slack's `oldest` for messages posted since `sinceMs`, with a margin for clock skew between Slack and us. */
const oldestSince = (sinceMs: number): string => ((sinceMs - 10_000) / 1000).toFixed(6);

/** Text longer than this (a whole log to upload) is sanitized off the event loop when a runner is given. */
export const OFFLOAD_BYTES = 64 * 1024;

const NAME_TTL_MS = 60 * 60_000;
const GROUP_TTL_MS = 60_000;
const CACHE_CAPACITY = 1000;

export interface WebGateway extends SlackGateway {
  /** Ends pending calls at once (shutdown). */
  close(): void;
  readonly pending: number;
}

/** A small TTL cache whose insertion order makes it an LRU-ish bound. */
const ttlCache = <T>(ttlMs: number, now: () => number) => {
  const entries = new Map<string, { value: T; until: number }>();
  return {
    get: (key: string): T | undefined => {
      const entry = entries.get(key);
      if (!entry || entry.until < now()) return undefined;
      return entry.value;
    },
    set: (key: string, value: T): void => {
      entries.delete(key);
      entries.set(key, { value, until: now() + ttlMs });
      if (entries.size > CACHE_CAPACITY) entries.delete(entries.keys().next().value as string);
    },
  };
};

type PostBody = Record<string, unknown> & { channel: string; text: string };

export const createWebGateway = ({
  client,
  metrics,
  logger,
  policy: settings,
  now = () => Date.now(),
  sanitizeLarge,
}: {
  client: WebClient;
  metrics: SlackMetrics;
  logger: Logger;
  policy?: CallPolicySettings;
  now?: () => number;
  /** sanitizeOutgoing run elsewhere (the analysis worker pool) for large texts. */
  sanitizeLarge?: (text: string) => Promise<string>;
}): WebGateway => {
  const policy: CallPolicy = createCallPolicy({ metrics, ...(settings ? { settings } : {}) });
  const settleDelayMs = 4 * (settings ?? DEFAULT_CALL_POLICY).backoffMs;
  const names = ttlCache<string | undefined>(NAME_TTL_MS, now);
  const groups = ttlCache<string[]>(GROUP_TTL_MS, now);
  let botIdentity: Promise<{ botId?: string; userId?: string }> | undefined;

  const identity = (): Promise<{ botId?: string; userId?: string }> => {
    botIdentity ??= policy
      .call('auth.test', 'read', () => client.auth.test())
      .then((r) => ({
        ...(r.bot_id ? { botId: r.bot_id } : {}),
        ...(r.user_id ? { userId: r.user_id } : {}),
      }))
      .catch((error: unknown) => {
        botIdentity = undefined;
        throw error;
      });
    return botIdentity;
  };

  const bodyOf = (message: OutgoingMessage): PostBody => ({
    channel: message.channel,
    text: prepareText(message.text),
    ...(message.threadTs ? { thread_ts: message.threadTs } : {}),
    ...(message.blocks ? { blocks: prepareBlocks(message.blocks) } : {}),
    ...(message.metadata ? { metadata: message.metadata } : {}),
    ...(message.broadcast ? { reply_broadcast: true } : {}),
  });

  /** The plain-text retry after Slack refused the blocks (metadata kept unless it was the fault). */
  const plainOf = (body: PostBody, code: string): PostBody => {
    const { blocks: _blocks, metadata, ...rest } = body;
    return { ...rest, ...(metadata && code !== 'invalid_metadata_format' ? { metadata } : {}) };
  };

  const withBlockFallback = async <T>(body: PostBody, send: (body: PostBody) => Promise<T>): Promise<T> => {
    try {
      return await send(body);
    } catch (error) {
      const code = slackErrorCode(error);
      if (!code || !BLOCK_ERRORS.has(code) || (!body.blocks && !body.metadata)) throw error;
      logger.warn({ slackError: code, channel: body.channel }, 'Slack rejected the blocks; sending plain text instead');
      return send(plainOf(body, code));
    }
  };

  /** Our message with exactly this text, posted since `sinceMs`, if Slack has it. */
  const findPosted = async (body: PostBody, sinceMs: number): Promise<string | undefined> => {
    const { botId } = await identity();
    // The text and bot identity must match as well.
    const oldest = oldestSince(sinceMs);
    const threadTs = body.thread_ts as string | undefined;
    const result = threadTs
      ? await policy.call('conversations.replies', 'read', () =>
          client.conversations.replies({ channel: body.channel, ts: threadTs, oldest, limit: THREAD_PAGE }),
        )
      : await policy.call('conversations.history', 'read', () =>
          client.conversations.history({ channel: body.channel, oldest, limit: 100 }),
        );
    const mine = (result.messages ?? []).filter(
      (m) => (!botId || m.bot_id === botId) && m.text === body.text && Number(m.ts) >= Number(oldest),
    );
    return mine.at(-1)?.ts;
  };

  /** chat.postMessage with at-most-once settling (see the header). */
  const postOnce = async (body: PostBody): Promise<string | undefined> => {
    const started = now();
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await policy.call('chat.postMessage', 'write', () =>
          client.chat.postMessage({ ...body, unfurl_links: false, unfurl_media: false } as never),
        );
        return result.ts;
      } catch (error) {
        if (failureKind(error) !== 'ambiguous') throw error;
        // A post cut off by a timeout may still be landing at Slack: give it a moment before looking.
        await new Promise((resolve) => setTimeout(resolve, settleDelayMs).unref());
        let found: string | undefined;
        try {
          found = await findPosted(body, started);
        } catch (readError) {
          logger.warn({ err: readError, channel: body.channel }, 'could not confirm whether a post reached Slack');
          throw slackUnavailable('chat.postMessage', 'unconfirmed');
        }
        if (found) {
          logger.info({ channel: body.channel, ts: found }, 'a post answered with an error had reached Slack');
          return found;
        }
        if (attempt >= 3) throw slackUnavailable('chat.postMessage', 'exhausted');
      }
    }
  };

  const thread: SlackGateway['thread'] = async ({ channel, threadTs }) => {
    const all: ReadMessage[] = [];
    const seen = new Set<string>();
    let cursor: string | undefined;
    do {
      const page = await policy.call('conversations.replies', 'read', () =>
        client.conversations.replies({
          channel,
          ts: threadTs,
          include_all_metadata: true,
          limit: THREAD_PAGE,
          ...(cursor ? { cursor } : {}),
        }),
      );
      // Slack repeats the parent at the top of every page: keep each message once.
      for (const message of (page.messages ?? []) as ReadMessage[]) {
        if (message.ts !== undefined && seen.has(message.ts)) continue;
        if (message.ts !== undefined) seen.add(message.ts);
        all.push(message);
      }
      cursor = page.has_more ? page.response_metadata?.next_cursor || undefined : undefined;
    } while (cursor && all.length < THREAD_MAX_MESSAGES);
    return all.slice(0, THREAD_MAX_MESSAGES);
  };

  const incidentPost: SlackGateway['incidentPost'] = async ({ channel, incident, sinceMs }) => {
    const { botId } = await identity();
    // The bot identity and the metadata must match too.
    const oldest = oldestSince(sinceMs);
    let cursor: string | undefined;
    let read = 0;
    do {
      const page = await policy.call('conversations.history', 'read', () =>
        client.conversations.history({
          channel,
          oldest,
          include_all_metadata: true,
          limit: HISTORY_PAGE,
          ...(cursor ? { cursor } : {}),
        }),
      );
      const messages = (page.messages ?? []) as (ReadMessage & { bot_id?: string; thread_ts?: string })[];
      read += messages.length;
      const mine = messages.find(
        (m) =>
          (!botId || m.bot_id === botId) &&
          (m.thread_ts === undefined || m.thread_ts === m.ts) &&
          isDiagnosisMessage(m) &&
          (m.metadata as { event_payload?: { incident?: unknown } }).event_payload?.incident === incident,
      );
      if (mine?.ts) return mine.ts;
      cursor = page.has_more ? page.response_metadata?.next_cursor || undefined : undefined;
    } while (cursor && read < HISTORY_MAX_MESSAGES);
    return undefined;
  };

  return {
    get pending() {
      return policy.pending;
    },
    close: () => policy.close(),
    post: (message) => withBlockFallback(bodyOf(message), postOnce),
    update: async (message) => {
      const body = { ...bodyOf(message), ts: message.ts };
      await withBlockFallback(body, (b) =>
        policy.call('chat.update', 'idempotent', () => client.chat.update(b as never)),
      );
    },
    ephemeral: async (message) => {
      const body = { ...bodyOf(message), user: message.user };
      await withBlockFallback(body, (b) =>
        policy.call('chat.postEphemeral', 'write', () => client.chat.postEphemeral(b as never)),
      );
    },
    upload: async (file) => {
      const content =
        sanitizeLarge && file.content.length > OFFLOAD_BYTES
          ? await sanitizeLarge(file.content)
          : sanitizeOutgoing(file.content);
      await policy.call('files.uploadV2', 'write', () =>
        client.files.uploadV2({
          channel_id: file.channel,
          ...(file.threadTs ? { thread_ts: file.threadTs } : {}),
          filename: sanitizeOutgoing(file.filename).replace(/[/\\\n]/g, '_'),
          title: prepareText(file.title),
          content: content === '' ? '(empty)' : content,
          ...(file.comment ? { initial_comment: prepareText(file.comment) } : {}),
        } as never),
      );
    },
    thread,
    incidentPost,
    message: async ({ channel, ts }) => {
      const result = await policy.call('conversations.replies', 'read', () =>
        client.conversations.replies({ channel, ts, oldest: ts, latest: ts, inclusive: true, limit: 1 }),
      );
      return (result.messages as ReadMessage[] | undefined)?.find((m) => m.ts === ts);
    },
    userName: async (userId) => {
      const cached = names.get(userId);
      if (cached !== undefined) return cached;
      try {
        const result = await policy.call('users.info', 'read', () => client.users.info({ user: userId }));
        const user = result.user;
        const name = user?.profile?.display_name || user?.real_name || user?.name || undefined;
        names.set(userId, name);
        return name;
      } catch (error) {
        if (slackErrorCode(error) === 'user_not_found') return undefined;
        throw error;
      }
    },
    groupMembers: async (groupId) => {
      const cached = groups.get(groupId);
      if (cached) return cached;
      const result = await policy.call('usergroups.users.list', 'read', () =>
        client.usergroups.users.list({ usergroup: groupId }),
      );
      const members = result.users ?? [];
      groups.set(groupId, members);
      return members;
    },
  };
};
