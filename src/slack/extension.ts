/**
 * The seam through which remediation (issue 5) and explanations (issue 6) plug into the Slack bot
 * without the bot knowing about them: extra buttons under a diagnosis, extra thread verbs, their own
 * Bolt listeners, and a hook that runs after a diagnosis has been posted.
 */
import type { App, types, webApi } from '@slack/bolt';
import type { Diagnosis } from '../diagnosis/types.ts';
import type { SlackGateway } from './gateway.ts';

export type KnownBlock = types.KnownBlock;
export type Button = types.Button;
export type WebClient = webApi.WebClient;

/** The pod a diagnosis thread is about, recovered from the parent message's metadata. */
export interface ThreadRef {
  namespace: string;
  pod: string;
  container?: string;
  uid?: string;
  cluster?: string;
}

export interface ThreadContext {
  channel: string;
  /** The thread's parent ts: the diagnosis message (or the message that mentioned the bot). */
  threadTs: string;
  userId: string;
  ref: ThreadRef;
  /** The one way to Slack: posts, updates, uploads and reads (see gateway.ts). */
  slack: SlackGateway;
  /** Posts in the thread through `slack` (a shorthand for slack.post with this channel and thread). */
  say(text: string, blocks?: KnownBlock[]): Promise<void>;
}

export interface ThreadCommand {
  /** One line for `@exitcode help`, e.g. "restart: restart this pod (needs approval)". */
  help: string;
  run(ctx: ThreadContext, args: string[]): Promise<void>;
}

export interface SlackExtension {
  name: string;
  /** Extra buttons under a diagnosis (action_ids must be unique to the extension). */
  buttons?(diagnosis: Diagnosis, where: { channel: string }): Promise<Button[]> | Button[];
  /** Extra thread verbs (`@exitcode restart`, `@exitcode explain`), keyed by the lower-case verb. */
  threadCommands?: Record<string, ThreadCommand>;
  /** app.action / app.view listeners the extension needs; they answer through `tools.slack`. */
  register?(app: App, tools: { slack: SlackGateway }): void;
  /** Runs after a diagnosis has been posted (never delays it), e.g. an automatic explanation. */
  afterDiagnosis?(ctx: ThreadContext & { diagnosis: Diagnosis }): Promise<void>;
}
