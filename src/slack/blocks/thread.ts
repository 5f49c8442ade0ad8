/**
 * Thread replies (pure): logs, events, the incident summary, errors and help. Same safety rules as
 * the diagnosis: redacted, escaped, fenced, within Slack's limits.
 */
import type { EventFact } from '../../diagnosis/types.ts';
import type { PodLog } from '../../services/types.ts';
import type { KnownBlock, ThreadRef } from '../extension.ts';
import { USAGE } from '../parse.ts';
import { clipEscaped, codeBlock, escapeMrkdwn, LIMITS, linesWithin, safe } from './text.ts';
import { slackDate } from './time.ts';
import { button, type RenderedMessage } from './diagnosis.ts';
import { ACTIONS, encodeRef } from '../ids.ts';

const section = (text: string): KnownBlock => ({
  type: 'section',
  text: { type: 'mrkdwn', text: clipEscaped(text, LIMITS.sectionText) },
});

const withoutContainer = (ref: ThreadRef): ThreadRef => {
  const { container: _dropped, ...rest } = ref;
  return rest;
};

const podName = (ref: ThreadRef): string =>
  `\`${safe(ref.namespace)}/${safe(ref.pod)}\`${ref.container ? ` container \`${safe(ref.container)}\`` : ''}`;

export const renderLogs = ({ ref, log }: { ref: ThreadRef; log: PodLog }): RenderedMessage => {
  const which = log.previous ? 'previous (crashed) instance' : 'current instance';
  const title = `*Last ${log.lines.length} log line${log.lines.length === 1 ? '' : 's'}* of ${podName(log.container ? { ...ref, container: log.container } : withoutContainer(ref))}, ${which}${log.truncated ? ' (cut)' : ''}`;
  return {
    text: `Logs of ${safe(ref.namespace)}/${safe(ref.pod)}`,
    blocks: [
      section(title),
      section(codeBlock({ lines: log.lines })),
      {
        type: 'actions',
        elements: [
          button({
            text: 'Upload full log',
            actionId: ACTIONS.uploadLogs,
            // A healthy pod's log names no container: the button then names none either (an empty
            // container is not a valid name, and the click would be refused as a stale button).
            value: encodeRef(log.container ? { ...ref, container: log.container } : withoutContainer(ref)),
          }),
        ],
      },
    ],
  };
};

const MAX_EVENTS = 25;

export const renderEvents = ({ ref, events }: { ref: ThreadRef; events: EventFact[] }): RenderedMessage => {
  if (events.length === 0) {
    return {
      text: 'No events',
      blocks: [section(`No recent events for ${podName(ref)} (Kubernetes keeps events for about an hour).`)],
    };
  }
  // Bullets, not a code block: Slack date tokens (each reader's own time zone) do not render inside one.
  const lines = events.slice(-MAX_EVENTS).map((e) => {
    const at = e.lastSeen ?? e.firstSeen;
    const when = (at && slackDate(at)) ?? (at ? safe(at) : '');
    const warning = e.type === 'Warning' ? ':warning: ' : '';
    const times = e.count > 1 ? ` ×${e.count}` : '';
    return `• ${when} ${warning}*${safe(e.reason || 'event')}*${times}: ${clipEscaped(safe(e.message.replace(/\s+/g, ' ')), 200)}`;
  });
  const more = events.length - lines.length;
  return {
    text: `Events of ${safe(ref.namespace)}/${safe(ref.pod)}`,
    blocks: [
      section(`*Events* for ${podName(ref)}${more > 0 ? ` (latest ${lines.length} of ${events.length})` : ''}`),
      section(linesWithin(lines, LIMITS.sectionText - 20)),
    ],
  };
};

export const renderError = (sentence: string): RenderedMessage => ({
  text: safe(sentence),
  blocks: [section(`:warning: ${safe(sentence)}`)],
});

/** An extension's help line often starts with its own verb ("restart: ..."): said once is enough. */
const helpWithoutVerb = ({ verb, help }: { verb: string; help: string }): string =>
  help.toLowerCase().startsWith(`${verb.toLowerCase()}:`) ? help.slice(verb.length + 1).trim() : help;

export const renderHelp = ({
  extraVerbs = [],
  disabledVerbs = [],
}: {
  extraVerbs?: { verb: string; help: string }[];
  /** Verbs that exist but whose extension is not configured here. */
  disabledVerbs?: string[];
} = {}): RenderedMessage => {
  const thread = [
    '`@exitcode logs [N]`: the last N log lines (`logs all` uploads a file)',
    '`@exitcode events`: the pod’s recent events',
    '`@exitcode details`: the full evidence, every step, other possible causes and the timeline',
    '`@exitcode rediagnose`: diagnose again now',
    '`@exitcode summary`: the incident summary for a postmortem (also as a Markdown file)',
    ...extraVerbs.map((v) => `\`@exitcode ${safe(v.verb)}\`: ${safe(helpWithoutVerb(v))}`),
    ...disabledVerbs.map(
      (verb) => `\`@exitcode ${safe(verb)}\`: not enabled here (\`@exitcode ${safe(verb)}\` says how to turn it on)`,
    ),
  ].join('\n');
  return {
    text: 'exitcode help',
    blocks: [
      section(
        `*Ask about a pod*\n${escapeMrkdwn(USAGE)}\nOr mention me with a pod name: \`@exitcode why does checkout-7f9c6 keep dying?\``,
      ),
      section(`*In a diagnosis thread*\n${thread}`),
    ],
  };
};

export const renderUsage = (reason: string): RenderedMessage => ({
  text: `${safe(reason)} Try /exitcode help.`,
  blocks: [section(`${safe(reason)}\n${escapeMrkdwn(USAGE)}`)],
});
