/**
 * A SlackGateway stand-in that keeps messages like Slack does (a ts per post, updates in place, an
 * update of an unknown message fails with message_not_found) and can fail any call: the Nth post,
 * every update, every ephemeral. Remediation tests read what a user would see from it.
 */
import type { KnownBlock } from '../../src/slack/extension.ts';
import type { OutgoingMessage, ReadMessage, SlackGateway } from '../../src/slack/gateway.ts';

export interface StoredMessage {
  ts: string;
  channel: string;
  threadTs?: string;
  text: string;
  blocks?: KnownBlock[];
  metadata?: OutgoingMessage['metadata'];
  /** Every version, oldest first (the first is the post). */
  versions: string[];
}

type Method = 'post' | 'update' | 'ephemeral' | 'message';

export interface SlackRecorder extends SlackGateway {
  messages: StoredMessage[];
  ephemerals: { user: string; text: string }[];
  /** Fails the Nth call (1-based, counted from now) of a method, `times` times, or every call when `always`. */
  fail(method: Method, options?: { nth?: number; times?: number; always?: boolean }): void;
  heal(): void;
  /** Buttons of a message: action_id and value. */
  buttons(message: StoredMessage | undefined): { action_id: string; value: string }[];
  /** Thread replies of a thread. */
  replies(threadTs: string): StoredMessage[];
  /** Seeds a parent message (the diagnosis) and returns its ts. */
  seed(channel: string, text: string, blocks?: KnownBlock[]): string;
}

const slackError = (code: string) => Object.assign(new Error(`An API error occurred: ${code}`), { code });

export const createSlackRecorder = (): SlackRecorder => {
  const messages: StoredMessage[] = [];
  const ephemerals: { user: string; text: string }[] = [];
  let counter = 0;
  const nextTs = () => {
    counter += 1;
    return `1764000000.${String(counter).padStart(6, '0')}`;
  };
  const faults: { method: Method; from: number; until: number; seen: number }[] = [];
  const check = (method: Method) => {
    for (const fault of faults) {
      if (fault.method !== method) continue;
      fault.seen += 1;
      if (fault.seen >= fault.from && fault.seen < fault.until) throw slackError('internal_error');
    }
  };
  const store = (message: OutgoingMessage): string => {
    const ts = nextTs();
    messages.push({
      ts,
      channel: message.channel,
      ...(message.threadTs ? { threadTs: message.threadTs } : {}),
      text: message.text,
      ...(message.blocks ? { blocks: message.blocks } : {}),
      ...(message.metadata ? { metadata: message.metadata } : {}),
      versions: [JSON.stringify(message.blocks ?? message.text)],
    });
    return ts;
  };
  return {
    messages,
    ephemerals,
    fail: (method, { nth = 1, times = 1, always = false } = {}) =>
      void faults.push({ method, from: nth, until: always ? Number.POSITIVE_INFINITY : nth + times, seen: 0 }),
    heal: () => void faults.splice(0),
    buttons: (message) =>
      ((message?.blocks ?? []) as { type: string; elements?: { action_id: string; value: string }[] }[])
        .filter((block) => block.type === 'actions')
        .flatMap((block) => block.elements ?? []),
    replies: (threadTs) => messages.filter((message) => message.threadTs === threadTs),
    seed: (channel, text, blocks) => store({ channel, text, ...(blocks ? { blocks } : {}) }),
    post: async (message) => {
      check('post');
      if (!message.text && !message.blocks) throw slackError('no_text');
      return store(message);
    },
    update: async (message) => {
      check('update');
      const found = messages.find((candidate) => candidate.ts === message.ts && candidate.channel === message.channel);
      if (!found) throw slackError('message_not_found');
      found.text = message.text;
      if (message.blocks) found.blocks = message.blocks;
      found.versions.push(JSON.stringify(message.blocks ?? message.text));
    },
    ephemeral: async (message) => {
      check('ephemeral');
      ephemerals.push({ user: message.user, text: message.text });
    },
    upload: async () => {},
    thread: async ({ threadTs }) =>
      messages.filter((m) => m.ts === threadTs || m.threadTs === threadTs).map((m) => ({ ...m }) as ReadMessage),
    incidentPost: async ({ channel, incident, sinceMs }) =>
      messages.find(
        (m) =>
          m.channel === channel &&
          !m.threadTs &&
          Number(m.ts) * 1000 >= sinceMs - 10_000 &&
          (m.metadata?.event_payload as { incident?: unknown } | undefined)?.incident === incident,
      )?.ts,
    message: async ({ channel, ts }) => {
      check('message');
      const found = messages.find((candidate) => candidate.ts === ts && candidate.channel === channel);
      return found
        ? {
            ts: found.ts,
            text: found.text,
            ...(found.blocks ? { blocks: found.blocks } : {}),
            ...(found.threadTs ? { thread_ts: found.threadTs } : {}),
          }
        : undefined;
    },
    userName: async () => undefined,
    groupMembers: async () => [],
  };
};
