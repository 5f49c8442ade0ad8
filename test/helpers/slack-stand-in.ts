/**
 * A local stand-in for Slack's Web API (point Bolt's `clientOptions.slackApiUrl` at `apiUrl`) plus a
 * response_url receiver. It keeps channels' messages (so threads, metadata and conversations.replies
 * behave like Slack), records every call (method + parsed body), and is at least as strict as Slack on
 * what the bot sends: Block Kit shapes and limits (invalid_blocks), text length (msg_too_long),
 * metadata format, thread_ts that must exist (invalid_thread_ts), channel membership (not_in_channel),
 * chat.update of an existing message of ours, and the files.uploadV2 flow (the length announced must be
 * the bytes uploaded, the file completed must have been uploaded). conversations.replies and
 * conversations.history page with cursors at `pageLimit` (Slack's 1000 by default). Any method fails
 * on request, before or after doing its work:
 *
 *   const slack = await startSlackStandIn();
 *   slack.fail('chat.postMessage', { error: 'not_in_channel' });            // next call fails
 *   slack.fail('chat.postMessage', { error: 'invalid_blocks', when: (b) => 'blocks' in b });
 *   slack.fail('chat.postMessage', { status: 429, retryAfter: 1 });         // rate limited once
 *   slack.fail('chat.postMessage', { status: 500, after: true });           // posted, then answered 500
 *   slack.fail('conversations.replies', { reset: true });                   // connection reset
 *   slack.fail('chat.update', { hang: true });                              // never answers
 *   slack.leave('C0PRIVATE');                                                // the bot is not a member
 *   await slack.waitFor((calls) => calls.some((c) => c.method === 'chat.postMessage'));
 *   await slack.close();
 *
 * Methods: auth.test, chat.postMessage, chat.update, chat.postEphemeral, conversations.history,
 * conversations.replies, users.info, usergroups.users.list, files.getUploadURLExternal, the upload
 * URL, files.completeUploadExternal. Unknown methods answer { ok: false, error: 'unknown_method' }.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { messageError } from './slack-validate.ts';
import { inWindow, paged, parseBody, readBytes, truthy, uploadedBytes } from './slack-wire.ts';

export interface RecordedCall {
  method: string;
  body: Record<string, unknown>;
  token?: string;
  /** performance.now() when the call arrived (for benches, never for test assertions). */
  at: number;
}

export interface StoredMessage {
  ts: string;
  channel: string;
  text?: string;
  user?: string;
  bot_id?: string;
  thread_ts?: string;
  blocks?: unknown[];
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

export interface Failure {
  /** A Slack error code answered with ok:false (HTTP 200). */
  error?: string;
  /** An HTTP status instead (429 with Retry-After, 500, ...). */
  status?: number;
  retryAfter?: number;
  /** The connection is reset instead of answered. */
  reset?: boolean;
  /** The call is never answered (until close()). */
  hang?: boolean;
  /** Do the work first (store the message...), then fail as above: an ambiguous outcome. */
  after?: boolean;
  /** Only calls whose body matches fail. */
  when?: (body: Record<string, unknown>) => boolean;
  /** How many calls fail (default 1; Infinity for all). */
  times?: number;
}

export interface SlackStandIn {
  /** Base URL for `slackApiUrl` (ends with /api/). */
  apiUrl: string;
  /** A response_url to put in slash commands and block_actions; its posts land in `responses`. */
  responseUrl: (id?: string) => string;
  calls: RecordedCall[];
  responses: { id: string; body: Record<string, unknown> }[];
  uploads: { fileId: string; content: string }[];
  messages: StoredMessage[];
  users: Record<string, { name: string; real_name?: string; display_name?: string }>;
  usergroups: Record<string, string[]>;
  /** Messages per page of conversations.replies / history at most (Slack: 1000). */
  pageLimit: number;
  fail(method: string, failure: Failure): void;
  /** The bot is not (any more) a member of this channel: posts there answer not_in_channel. */
  leave(channel: string): void;
  addMessage(message: Omit<StoredMessage, 'ts'> & { ts?: string }): StoredMessage;
  callsOf(method: string): RecordedCall[];
  waitFor(predicate: (stand: SlackStandIn) => boolean, timeoutMs?: number): Promise<void>;
  /** Calls `listener` for every recorded call (benches wait on this instead of polling); returns an unsubscribe. */
  onCall(listener: (call: RecordedCall) => void): () => void;
  close(): Promise<void>;
}

export const startSlackStandIn = async (): Promise<SlackStandIn> => {
  let seq = 0;
  // Like Slack's: the time of posting in seconds with microseconds, unique and increasing.
  let lastMicros = 0;
  const nextTs = (): string => {
    lastMicros = Math.max(Date.now() * 1000, lastMicros + 1);
    return `${Math.floor(lastMicros / 1e6)}.${String(lastMicros % 1e6).padStart(6, '0')}`;
  };
  const failures = new Map<string, Failure[]>();
  const notMember = new Set<string>();
  /** Upload URLs handed out (file id -> announced length) and the files whose bytes arrived. */
  const announced = new Map<string, number>();
  const uploaded = new Set<string>();
  const hanging = new Set<() => void>();
  const listeners = new Set<(call: RecordedCall) => void>();
  const record = (call: RecordedCall): void => {
    stand.calls.push(call);
    for (const listener of listeners) listener(call);
  };
  let server: Server;
  let base = '';

  const stand: SlackStandIn = {
    apiUrl: '',
    responseUrl: (id = 'r1') => `${base}/response/${id}`,
    calls: [],
    responses: [],
    uploads: [],
    messages: [],
    users: {
      U0001: { name: 'alice', real_name: 'Alice Example', display_name: 'alice' },
      UBOT: { name: 'exitcode', real_name: 'exitcode' },
    },
    usergroups: {},
    pageLimit: 1000,
    leave: (channel) => {
      notMember.add(channel);
    },
    fail: (method, failure) => {
      const list = failures.get(method) ?? [];
      list.push({ times: 1, ...failure });
      failures.set(method, list);
    },
    addMessage: (message) => {
      const stored: StoredMessage = { ...message, ts: message.ts ?? nextTs() };
      stand.messages.push(stored);
      return stored;
    },
    callsOf: (method) => stand.calls.filter((c) => c.method === method),
    waitFor: async (predicate, timeoutMs = 10_000) => {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(stand)) {
        if (Date.now() > deadline)
          throw new Error(`slack stand-in: condition not met; calls: ${stand.calls.map((c) => c.method).join(', ')}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    onCall: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const release of hanging) release();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };

  const takeFailure = (method: string, body: Record<string, unknown>): Failure | undefined => {
    const list = failures.get(method);
    if (!list) return undefined;
    const index = list.findIndex((f) => !f.when || f.when(body));
    if (index < 0) return undefined;
    const failure = list[index] as Failure;
    failure.times = (failure.times ?? 1) - 1;
    if (failure.times <= 0) list.splice(index, 1);
    return failure;
  };

  const withMetadata = (m: StoredMessage, include: boolean): Record<string, unknown> => {
    const { metadata, channel: _channel, ...rest } = m;
    return include && metadata ? { ...rest, metadata } : rest;
  };

  const methods: Record<string, (body: Record<string, unknown>) => Record<string, unknown>> = {
    'auth.test': () => ({
      url: 'https://acme.slack.com/',
      team: 'acme',
      user: 'exitcode',
      team_id: 'T0001',
      user_id: 'UBOT',
      bot_id: 'BBOT',
    }),
    'chat.postMessage': (body) => {
      const channel = String(body.channel);
      if (notMember.has(channel)) return { ok: false, error: 'not_in_channel' };
      const invalid = messageError(body);
      if (invalid) return { ok: false, error: invalid };
      if (body.thread_ts !== undefined && !stand.messages.some((m) => m.channel === channel && m.ts === body.thread_ts))
        return { ok: false, error: 'invalid_thread_ts' };
      const message = stand.addMessage({
        channel,
        text: body.text as string,
        bot_id: 'BBOT',
        user: 'UBOT',
        ...(body.thread_ts ? { thread_ts: String(body.thread_ts) } : {}),
        ...(body.blocks ? { blocks: body.blocks as unknown[] } : {}),
        ...(body.metadata ? { metadata: body.metadata as StoredMessage['metadata'] & object } : {}),
      });
      return { channel: message.channel, ts: message.ts, message: withMetadata(message, true) };
    },
    'chat.update': (body) => {
      const channel = String(body.channel);
      if (notMember.has(channel)) return { ok: false, error: 'not_in_channel' };
      const message = stand.messages.find((m) => m.channel === channel && m.ts === body.ts);
      if (!message) return { ok: false, error: 'message_not_found' };
      if (message.bot_id !== 'BBOT') return { ok: false, error: 'cant_update_message' };
      const invalid = messageError({ text: body.text ?? message.text, ...body });
      if (invalid) return { ok: false, error: invalid };
      if (body.text !== undefined) message.text = body.text as string;
      if (body.blocks !== undefined) message.blocks = body.blocks as unknown[];
      return { channel: message.channel, ts: message.ts };
    },
    'chat.postEphemeral': (body) => {
      const channel = String(body.channel);
      if (notMember.has(channel)) return { ok: false, error: 'not_in_channel' };
      if (typeof body.user !== 'string' || !body.user) return { ok: false, error: 'user_not_in_channel' };
      const invalid = messageError(body);
      if (invalid) return { ok: false, error: invalid };
      return { message_ts: nextTs() };
    },
    'conversations.history': (body) => {
      if (notMember.has(String(body.channel))) return { ok: false, error: 'not_in_channel' };
      const list = stand.messages
        .filter((m) => m.channel === body.channel && (!m.thread_ts || m.thread_ts === m.ts))
        .filter((m) => inWindow(m.ts, body))
        .sort((a, b) => Number(b.ts) - Number(a.ts));
      const { page, next } = paged(list, body, stand.pageLimit);
      const include = truthy(body.include_all_metadata);
      return {
        messages: page.map((m) => withMetadata(m, include)),
        has_more: next !== undefined,
        ...(next ? { response_metadata: { next_cursor: next } } : {}),
      };
    },
    'conversations.replies': (body) => {
      if (notMember.has(String(body.channel))) return { ok: false, error: 'not_in_channel' };
      const parent = stand.messages.find((m) => m.channel === body.channel && m.ts === body.ts);
      if (!parent) return { ok: false, error: 'thread_not_found' };
      const replies = stand.messages
        .filter((m) => m.channel === body.channel && m.thread_ts === body.ts && m.ts !== body.ts)
        .filter((m) => inWindow(m.ts, body))
        .sort((a, b) => Number(a.ts) - Number(b.ts));
      // Slack puts the parent first on every page, and the replies after it, page by page.
      const { page, next } = paged(replies, body, stand.pageLimit);
      const include = truthy(body.include_all_metadata);
      return {
        messages: [parent, ...page].map((m) => withMetadata(m, include)),
        has_more: next !== undefined,
        ...(next ? { response_metadata: { next_cursor: next } } : {}),
      };
    },
    'users.info': (body) => {
      const user = stand.users[String(body.user)];
      if (!user) return { ok: false, error: 'user_not_found' };
      return {
        user: {
          id: body.user,
          name: user.name,
          real_name: user.real_name,
          profile: { display_name: user.display_name ?? '' },
        },
      };
    },
    'usergroups.users.list': (body) => {
      const users = stand.usergroups[String(body.usergroup)];
      return users ? { users } : { ok: false, error: 'no_such_subteam' };
    },
    'files.getUploadURLExternal': (body) => {
      const length = Number(body.length);
      if (typeof body.filename !== 'string' || body.filename === '') return { ok: false, error: 'invalid_arguments' };
      if (!Number.isInteger(length) || length <= 0) return { ok: false, error: 'invalid_arguments' };
      const fileId = `F${++seq}`;
      announced.set(fileId, length);
      return {
        upload_url: `${base}/upload/${fileId}?filename=${encodeURIComponent(String(body.filename))}`,
        file_id: fileId,
      };
    },
    'files.completeUploadExternal': (body) => {
      const files = (body.files as { id: string; title?: string }[] | undefined) ?? [];
      if (!Array.isArray(files) || files.length === 0) return { ok: false, error: 'invalid_arguments' };
      if (files.some((f) => !uploaded.has(f.id))) return { ok: false, error: 'file_not_found' };
      const channel = body.channel_id === undefined ? undefined : String(body.channel_id);
      if (channel !== undefined) {
        if (notMember.has(channel)) return { ok: false, error: 'not_in_channel' };
        if (
          body.thread_ts !== undefined &&
          !stand.messages.some((m) => m.channel === channel && m.ts === body.thread_ts)
        )
          return { ok: false, error: 'invalid_thread_ts' };
        for (const file of files) uploaded.delete(file.id);
        stand.addMessage({
          channel,
          text: typeof body.initial_comment === 'string' ? body.initial_comment : '',
          bot_id: 'BBOT',
          user: 'UBOT',
          ...(body.thread_ts ? { thread_ts: String(body.thread_ts) } : {}),
        });
      }
      return { files: files.map((f) => ({ id: f.id, title: f.title ?? '' })) };
    },
  };

  server = createServer(async (req, res) => {
    const bytes = await readBytes(req);
    const raw = bytes.toString('utf8');
    const url = new URL(req.url ?? '/', 'http://localhost');
    const json = (status: number, payload: unknown, headers: Record<string, string> = {}): void => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(payload));
    };
    if (url.pathname.startsWith('/response/')) {
      // response_url posts fail on request too: slack.fail('response_url', { hang: true }).
      const failure = takeFailure('response_url', {});
      if (failure?.hang) {
        await new Promise<void>((resolve) => hanging.add(resolve));
        return void res.destroy();
      }
      if (failure?.status) return json(failure.status, { ok: false, error: 'internal_error' });
      stand.responses.push({
        id: url.pathname.slice('/response/'.length),
        body: parseBody(raw, req.headers['content-type']),
      });
      return json(200, { ok: true });
    }
    if (url.pathname.startsWith('/upload/')) {
      const fileId = url.pathname.slice('/upload/'.length);
      const file = uploadedBytes(bytes, req.headers['content-type']);
      record({ method: 'upload', body: { fileId, bytes: file.length }, at: performance.now() });
      // Slack refuses bytes to a URL it did not hand out, and a file whose size is not the announced length.
      if (announced.get(fileId) !== file.length) {
        res.writeHead(400, { 'content-type': 'text/plain' });
        return res.end('length mismatch');
      }
      announced.delete(fileId);
      uploaded.add(fileId);
      stand.uploads.push({ fileId, content: file.toString('utf8') });
      res.writeHead(200, { 'content-type': 'text/plain' });
      return res.end('OK');
    }
    if (!url.pathname.startsWith('/api/')) return json(404, { ok: false, error: 'not_found' });
    const method = url.pathname.slice('/api/'.length);
    const body = { ...Object.fromEntries(url.searchParams), ...parseBody(raw, req.headers['content-type']) };
    const token = req.headers.authorization?.replace(/^Bearer /, '') ?? (body.token as string | undefined);
    record({ method, body, ...(token ? { token } : {}), at: performance.now() });
    const failure = takeFailure(method, body);
    const handler = methods[method];
    if (failure?.after && handler) handler(body);
    if (failure?.hang) {
      await new Promise<void>((resolve) => hanging.add(resolve));
      return void res.destroy();
    }
    if (failure?.reset) return void req.socket.destroy();
    if (failure?.status) {
      return json(
        failure.status,
        { ok: false, error: failure.status === 429 ? 'ratelimited' : 'internal_error' },
        failure.retryAfter !== undefined ? { 'retry-after': String(failure.retryAfter) } : {},
      );
    }
    if (failure?.error) return json(200, { ok: false, error: failure.error });
    if (!handler) return json(200, { ok: false, error: 'unknown_method' });
    const result = handler(body);
    return json(200, { ok: true, ...result });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  stand.apiUrl = `${base}/api/`;
  return stand;
};
