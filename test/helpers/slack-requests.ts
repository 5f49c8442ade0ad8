/**
 * Signed Slack requests for tests, built and sent in one call: what Slack POSTs to /slack/events for a
 * slash command, an app_mention, a button click (block_actions) and a modal submission
 * (view_submission), signed with the app's signing secret exactly as Slack signs them
 * (see slack-signing.ts for the signature itself).
 *
 *   const bot = await startTestBot({ investigator });
 *   const slack = slackRequests(bot);                         // { eventsUrl, secret, slack }
 *   await slack.slash('shop/api-1');                           // /exitcode shop/api-1 in C0001
 *   await slack.mention({ text: '<@UBOT> why is api-1 dying?' });
 *   await slack.click({ actionId, value, messageTs });        // a button on a message we posted
 *   await slack.submit({ callbackId: 'x', values: { block: { action: { value: 'y' } } } });
 *
 * Every call resolves with the HTTP status and body of the ack. When a Slack stand-in is given, the
 * user's own message of a mention is added to it first, as Slack would have it, so the bot's reply in
 * that message's thread finds its parent (the stand-in refuses a thread_ts that does not exist).
 */
import {
  buttonClick,
  eventCallback,
  interaction,
  mentionEvent,
  type SignOptions,
  send,
  sign,
  slashCommand,
  slashFields,
} from './slack-signing.ts';
import type { SlackStandIn } from './slack-stand-in.ts';

export interface SlackRequestTarget {
  /** http://127.0.0.1:port/slack/events */
  eventsUrl: string;
  secret: string;
  slack?: SlackStandIn;
}

export type Answer = { status: number; body: string };
/** Signing options a test may vary: timestamp, retry number, a forged signature. */
export type Signing = Omit<SignOptions, 'secret'>;

export const viewSubmission = ({
  callbackId,
  values,
  privateMetadata = '',
  user = 'U0001',
}: {
  callbackId: string;
  values: Record<string, Record<string, { type?: string; value?: string; selected_option?: { value: string } }>>;
  privateMetadata?: string;
  user?: string;
}): Record<string, unknown> => ({
  type: 'view_submission',
  team: { id: 'T0001', domain: 'acme' },
  user: { id: user, username: 'alice', team_id: 'T0001' },
  api_app_id: 'A0001',
  token: 'legacy-verification-token',
  trigger_id: `1337.${Math.floor(Math.random() * 1e9)}`,
  view: {
    id: 'V0001',
    type: 'modal',
    callback_id: callbackId,
    private_metadata: privateMetadata,
    state: { values },
    hash: '1700000000.abcdef',
  },
});

export const slackRequests = ({ eventsUrl, secret, slack }: SlackRequestTarget) => {
  const options = (signing: Signing = {}): SignOptions => ({ secret, ...signing });
  return {
    /** `/exitcode <text>` from U0001 in C0001 (override any field); its response_url is the stand-in's. */
    slash: (text: string, fields: Record<string, string> = {}, signing?: Signing): Promise<Answer> =>
      send(
        eventsUrl,
        slashCommand(
          slashFields({ text, ...(slack ? { response_url: slack.responseUrl() } : {}), ...fields }),
          options(signing),
        ),
      ),

    /** An app_mention event; the user's message joins the stand-in's channel first. */
    mention: (args: Parameters<typeof mentionEvent>[0], signing?: Signing): Promise<Answer> => {
      const body = mentionEvent(args);
      const event = body.event as { ts: string; channel: string; user: string; text: string; thread_ts?: string };
      if (slack && !slack.messages.some((m) => m.channel === event.channel && m.ts === event.ts)) {
        slack.addMessage({
          channel: event.channel,
          ts: event.ts,
          user: event.user,
          text: event.text,
          ...(event.thread_ts ? { thread_ts: event.thread_ts } : {}),
        });
      }
      return send(eventsUrl, eventCallback(body, options(signing)));
    },

    /** A button click (block_actions) on a message. */
    click: (args: Parameters<typeof buttonClick>[0], signing?: Signing): Promise<Answer> =>
      send(
        eventsUrl,
        interaction(buttonClick({ ...(slack ? { responseUrl: slack.responseUrl() } : {}), ...args }), options(signing)),
      ),

    /** A modal submission (view_submission). */
    submit: (args: Parameters<typeof viewSubmission>[0], signing?: Signing): Promise<Answer> =>
      send(eventsUrl, interaction(viewSubmission(args), options(signing))),

    /** Any body with any content type, signed (for malformed-body tests). */
    raw: (body: string, contentType: string, signing?: Signing): Promise<Answer> => {
      const given = options(signing);
      const timestamp = given.timestamp ?? Math.floor(Date.now() / 1000);
      return send(eventsUrl, {
        body,
        headers: {
          'content-type': contentType,
          'x-slack-request-timestamp': String(timestamp),
          'x-slack-signature': given.signature ?? sign({ secret, timestamp, body }),
        },
      });
    },
  };
};

export type SlackRequests = ReturnType<typeof slackRequests>;
