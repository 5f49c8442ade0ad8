/**
 * A local stand-in for Slack's Web API (point Bolt's `clientOptions.slackApiUrl` at `apiUrl`) plus a
 * response_url receiver. It keeps channels' messages (so threads, metadata and conversations.replies
 * behave like Slack), records every call (method + parsed body), and fails on request:
 *
 *   const slack = await startSlackStandIn();
 *   slack.fail('chat.postMessage', { error: 'not_in_channel' });            // next call fails
 *   slack.fail('chat.postMessage', { error: 'invalid_blocks', when: (b) => 'blocks' in b });
 *   slack.fail('chat.postMessage', { status: 429, retryAfter: 1 });         // rate limited once
 *   await slack.waitFor((calls) => calls.some((c) => c.method === 'chat.postMessage'));
 *   await slack.close();
 *
 * Methods: auth.test, chat.postMessage, chat.update, chat.postEphemeral, conversations.history,
 * conversations.replies, users.info, usergroups.users.list, files.getUploadURLExternal, the upload
 * URL, files.completeUploadExternal. Unknown methods answer { ok: false, error: 'unknown_method' }.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

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
  fail(method: string, failure: Failure): void;
  addMessage(message: Omit<StoredMessage, 'ts'> & { ts?: string }): StoredMessage;
  callsOf(method: string): RecordedCall[];
  waitFor(predicate: (stand: SlackStandIn) => boolean, timeoutMs?: number): Promise<void>;
  /** Calls `listener` for every recorded call (benches wait on this instead of polling); returns an unsubscribe. */
  onCall(listener: (call: RecordedCall) => void): () => void;
  close(): Promise<void>;
}

const readBody = async (req: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

/** The WebClient form-encodes arguments and JSON-encodes nested ones: undo both. */
const parseBody = (raw: string, contentType: string | undefined): Record<string, unknown> => {
  if (!raw) return {};
  if (contentType?.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    out[key] = /^[[{]/.test(value) ? safeJson(value) : value;
  }
  return out;
};

const safeJson = (value: string): unknown => {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
};

export const startSlackStandIn = async (): Promise<SlackStandIn> => {
  const clock = Math.floor(Date.now() / 1000);
  let seq = 0;
  const nextTs = (): string => `${clock}.${String(++seq).padStart(6, '0')}`;
  const failures = new Map<string, Failure[]>();
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
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
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
      const message = stand.addMessage({
        channel: String(body.channel),
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
      const message = stand.messages.find((m) => m.channel === body.channel && m.ts === body.ts);
      if (!message) return { ok: false, error: 'message_not_found' };
      if (body.text !== undefined) message.text = body.text as string;
      if (body.blocks !== undefined) message.blocks = body.blocks as unknown[];
      return { channel: message.channel, ts: message.ts };
    },
    'chat.postEphemeral': () => ({ message_ts: nextTs() }),
    'conversations.history': (body) => {
      const latest = body.latest ? Number(body.latest) : Number.POSITIVE_INFINITY;
      const inclusive = body.inclusive === true || body.inclusive === 'true';
      const list = stand.messages
        .filter((m) => m.channel === body.channel && (!m.thread_ts || m.thread_ts === m.ts))
        .filter((m) => (inclusive ? Number(m.ts) <= latest : Number(m.ts) < latest))
        .sort((a, b) => Number(b.ts) - Number(a.ts))
        .slice(0, Number(body.limit ?? 100));
      const include = body.include_all_metadata === true || body.include_all_metadata === 'true';
      return { messages: list.map((m) => withMetadata(m, include)), has_more: false };
    },
    'conversations.replies': (body) => {
      const parent = stand.messages.find((m) => m.channel === body.channel && m.ts === body.ts);
      if (!parent) return { ok: false, error: 'thread_not_found' };
      const replies = stand.messages
        .filter((m) => m.channel === body.channel && m.thread_ts === body.ts && m.ts !== body.ts)
        .sort((a, b) => Number(a.ts) - Number(b.ts));
      const include = body.include_all_metadata === true || body.include_all_metadata === 'true';
      return {
        messages: [parent, ...replies].slice(0, Number(body.limit ?? 1000)).map((m) => withMetadata(m, include)),
        has_more: false,
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
      const fileId = `F${++seq}`;
      return {
        upload_url: `${base}/upload/${fileId}?filename=${encodeURIComponent(String(body.filename))}`,
        file_id: fileId,
      };
    },
    'files.completeUploadExternal': (body) => {
      const files = (body.files as { id: string; title?: string }[] | undefined) ?? [];
      return { files: files.map((f) => ({ id: f.id, title: f.title ?? '' })) };
    },
  };

  server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const json = (status: number, payload: unknown, headers: Record<string, string> = {}): void => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(payload));
    };
    if (url.pathname.startsWith('/response/')) {
      stand.responses.push({
        id: url.pathname.slice('/response/'.length),
        body: parseBody(raw, req.headers['content-type']),
      });
      return json(200, { ok: true });
    }
    if (url.pathname.startsWith('/upload/')) {
      const fileId = url.pathname.slice('/upload/'.length);
      record({ method: 'upload', body: { fileId, bytes: raw.length }, at: performance.now() });
      stand.uploads.push({ fileId, content: raw });
      res.writeHead(200, { 'content-type': 'text/plain' });
      return res.end('OK');
    }
    if (!url.pathname.startsWith('/api/')) return json(404, { ok: false, error: 'not_found' });
    const method = url.pathname.slice('/api/'.length);
    const body = { ...Object.fromEntries(url.searchParams), ...parseBody(raw, req.headers['content-type']) };
    const token = req.headers.authorization?.replace(/^Bearer /, '') ?? (body.token as string | undefined);
    record({ method, body, ...(token ? { token } : {}), at: performance.now() });
    const failure = takeFailure(method, body);
    if (failure?.status) {
      return json(
        failure.status,
        { ok: false, error: failure.status === 429 ? 'ratelimited' : 'internal_error' },
        failure.retryAfter !== undefined ? { 'retry-after': String(failure.retryAfter) } : {},
      );
    }
    if (failure?.error) return json(200, { ok: false, error: failure.error });
    const handler = methods[method];
    if (!handler) return json(200, { ok: false, error: 'unknown_method' });
    const result = handler(body);
    return json(200, { ok: true, ...result });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  stand.apiUrl = `${base}/api/`;
  return stand;
};
