/**
 * Requests signed exactly as Slack signs them: X-Slack-Signature = "v0=" + hex(HMAC-SHA256(secret,
 * "v0:" + timestamp + ":" + rawBody)), with X-Slack-Request-Timestamp in seconds. Three body shapes:
 * slash commands (form-encoded fields), Events API (JSON) and interactivity (form field `payload`
 * holding JSON). Use `send` to POST one to a running receiver.
 *
 *   const res = await send(url, slashCommand({ secret, fields: { command: '/exitcode', text: 'api-1', ... } }));
 */
import { createHmac } from 'node:crypto';

export interface SignedRequest {
  body: string;
  headers: Record<string, string>;
}

export interface SignOptions {
  secret: string;
  /** Seconds since the epoch; defaults to now. A value 6+ minutes old is "stale" to Bolt. */
  timestamp?: number;
  /** Sets X-Slack-Retry-Num (and a reason) to simulate a Slack retry. */
  retryNum?: number;
  /** Replaces the computed signature (to test forgeries). */
  signature?: string;
}

export const sign = ({ secret, timestamp, body }: { secret: string; timestamp: number; body: string }): string =>
  `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;

export const signedRequest = ({
  body,
  contentType,
  options,
}: {
  body: string;
  contentType: string;
  options: SignOptions;
}): SignedRequest => {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'content-type': contentType,
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': options.signature ?? sign({ secret: options.secret, timestamp, body }),
  };
  if (options.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(options.retryNum);
    headers['x-slack-retry-reason'] = 'http_timeout';
  }
  return { body, headers };
};

/** A slash command as Slack sends it (application/x-www-form-urlencoded). */
export const slashCommand = (fields: Record<string, string>, options: SignOptions): SignedRequest =>
  signedRequest({
    body: new URLSearchParams(fields).toString(),
    contentType: 'application/x-www-form-urlencoded',
    options,
  });

/** An Events API callback (application/json), e.g. { type: 'event_callback', event_id, event: {...} }. */
export const eventCallback = (payload: Record<string, unknown>, options: SignOptions): SignedRequest =>
  signedRequest({ body: JSON.stringify(payload), contentType: 'application/json', options });

/** An interactivity payload (block_actions, view_submission): form field `payload` with JSON. */
export const interaction = (payload: Record<string, unknown>, options: SignOptions): SignedRequest =>
  signedRequest({
    body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    contentType: 'application/x-www-form-urlencoded',
    options,
  });

/** POSTs a signed request; returns status and body text. */
export const send = async (url: string, request: SignedRequest): Promise<{ status: number; body: string }> => {
  const response = await fetch(url, { method: 'POST', headers: request.headers, body: request.body });
  return { status: response.status, body: await response.text() };
};

/** Fields of a typical slash command; override what a test cares about. */
export const slashFields = (overrides: Record<string, string> = {}): Record<string, string> => ({
  token: 'legacy-verification-token',
  team_id: 'T0001',
  team_domain: 'acme',
  channel_id: 'C0001',
  channel_name: 'incidents',
  user_id: 'U0001',
  user_name: 'alice',
  command: '/exitcode',
  text: '',
  api_app_id: 'A0001',
  trigger_id: `1337.${Math.floor(Math.random() * 1e9)}`,
  response_url: 'http://127.0.0.1:9/not-set',
  ...overrides,
});

/** An app_mention event callback body. */
export const mentionEvent = ({
  text,
  channel = 'C0001',
  user = 'U0001',
  ts = `${Math.floor(Date.now() / 1000)}.000100`,
  threadTs,
  eventId = `Ev${Math.floor(Math.random() * 1e12)}`,
}: {
  text: string;
  channel?: string;
  user?: string;
  ts?: string;
  threadTs?: string;
  eventId?: string;
}): Record<string, unknown> => ({
  token: 'legacy-verification-token',
  team_id: 'T0001',
  api_app_id: 'A0001',
  type: 'event_callback',
  event_id: eventId,
  event_time: Math.floor(Date.now() / 1000),
  authorizations: [{ team_id: 'T0001', user_id: 'UBOT', is_bot: true }],
  event: {
    type: 'app_mention',
    user,
    text,
    ts,
    channel,
    event_ts: ts,
    ...(threadTs ? { thread_ts: threadTs } : {}),
  },
});

/** A block_actions payload for a button click on a message. */
export const buttonClick = ({
  actionId,
  value,
  channel = 'C0001',
  user = 'U0001',
  messageTs = '1700000000.000100',
  threadTs,
  responseUrl = 'http://127.0.0.1:9/not-set',
}: {
  actionId: string;
  value: string;
  channel?: string;
  user?: string;
  messageTs?: string;
  threadTs?: string;
  responseUrl?: string;
}): Record<string, unknown> => ({
  type: 'block_actions',
  team: { id: 'T0001', domain: 'acme' },
  user: { id: user, username: 'alice', team_id: 'T0001' },
  api_app_id: 'A0001',
  token: 'legacy-verification-token',
  trigger_id: `1337.${Math.floor(Math.random() * 1e9)}`,
  container: { type: 'message', message_ts: messageTs, channel_id: channel, is_ephemeral: false },
  channel: { id: channel, name: 'incidents' },
  message: { type: 'message', ts: messageTs, text: 'diagnosis', ...(threadTs ? { thread_ts: threadTs } : {}) },
  response_url: responseUrl,
  actions: [
    { type: 'button', action_id: actionId, block_id: 'exitcode_actions', value, action_ts: `${Date.now() / 1000}` },
  ],
});
