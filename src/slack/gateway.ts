/**
 * The one gateway to the Slack Web API. Every post, update, ephemeral, upload and read in the product
 * goes through an implementation of this interface; nothing else calls a WebClient method.
 *
 * What an implementation guarantees for every call (so callers never repeat it):
 * - every text field (message text, every block text, file content) passes the one exit for text:
 *   secrets redacted and display-unsafe characters (bidi controls, C0/C1) made visible;
 * - Block Kit limits are enforced (blocks per message, characters per text), and `invalid_blocks`
 *   falls back to the plain text;
 * - a timeout and bounded retries (429 with Retry-After, 5xx and resets for idempotent reads only);
 * - a metric per call and per Slack error code.
 *
 * mrkdwn escaping of data (`&`, `<`, `>`) stays the renderers' job: only they know which part of a
 * string is markup and which is data from the cluster.
 */
import type { KnownBlock } from './extension.ts';

export interface SlackMetadata {
  event_type: string;
  event_payload: Record<string, string>;
}

export interface OutgoingMessage {
  channel: string;
  /** Posts in this thread when set. */
  threadTs?: string;
  /** The notification text, and the whole message when blocks are refused. */
  text: string;
  blocks?: KnownBlock[];
  metadata?: SlackMetadata;
  /** Also show a thread reply in the channel. */
  broadcast?: boolean;
}

export interface ReadMessage {
  ts?: string;
  thread_ts?: string;
  user?: string;
  bot_id?: string;
  text?: string;
  blocks?: KnownBlock[];
  metadata?: unknown;
}

export interface SlackGateway {
  /** chat.postMessage; resolves to the new message's ts. */
  post(message: OutgoingMessage): Promise<string | undefined>;
  /** chat.update of a message we posted, in place. */
  update(message: OutgoingMessage & { ts: string }): Promise<void>;
  /** chat.postEphemeral: only `user` sees it. */
  ephemeral(message: OutgoingMessage & { user: string }): Promise<void>;
  /** files.uploadV2 of a text file into a channel or thread. */
  upload(file: {
    channel: string;
    threadTs?: string;
    filename: string;
    title: string;
    content: string;
    comment?: string;
  }): Promise<void>;
  /** Every message of a thread, parent first, following pagination (bounded, oldest kept). */
  thread(args: { channel: string; threadTs: string }): Promise<ReadMessage[]>;
  /**
   * The ts of our own channel message (not a reply) whose metadata names this scanner incident, posted
   * since `sinceMs`, if Slack has one: how a new leader learns that a dead one's post did land.
   */
  incidentPost(args: { channel: string; incident: string; sinceMs: number }): Promise<string | undefined>;
  /** One message by ts, whether a thread's parent or a reply in it. */
  message(args: { channel: string; ts: string }): Promise<ReadMessage | undefined>;
  /** A user's display name, cached; undefined when Slack does not know the user. */
  userName(userId: string): Promise<string | undefined>;
  /** The members of a user group (usergroups.users.list), cached with a TTL. */
  groupMembers(groupId: string): Promise<string[]>;
}
