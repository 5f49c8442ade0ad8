/**
 * What the bot shares about delivery: its Slack counters, Slack error codes read from a Web API error,
 * and the thread context recovered from the thread itself (no local state, so several replicas can
 * serve one workspace). Posting itself is the gateway's (web-gateway.ts).
 */
import type { ThreadRef } from './extension.ts';
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

interface ThreadMessage {
  ts?: string;
  user?: string;
  bot_id?: string;
  text?: string;
  metadata?: unknown;
}

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
