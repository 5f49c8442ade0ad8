/**
 * The incident summary (pure), built from structured state, never from message text: the diagnosis
 * message's metadata (cause, evidence, first crash, rollout, restarts), the action history (every
 * request with who and when) and the state now. Rendered twice: readable in Slack, and as a Markdown
 * document that pastes into a postmortem. No emoji code in either code block or file.
 */
import { formatDuration, timeOf } from '../../diagnosis/format.ts';
import type { KnownBlock } from '../extension.ts';
import { context, type RenderedMessage, section } from './diagnosis.ts';
import { SEVERITY, type Severity } from './severity.ts';
import { clipEscaped, codeBlock, LIMITS, linesWithin, safe } from './text.ts';
import { slackDate, utcFallback } from './time.ts';

export interface SummaryCause {
  title: string;
  /** 0..100. */
  confidence?: number;
  category?: string;
  exit?: string;
}

export interface SummaryEvent {
  at: string;
  /** A person's display name, or undefined for the cluster and the bot. */
  who?: string;
  what: string;
}

export interface SummaryAction {
  /** "restart pod checkout-7f9c6-x2x9z", "roll back deployment/checkout to revision 11". */
  what: string;
  /** Every transition in order: requested, approved, executing, done, failed, denied, expired. */
  steps: { state: string; at: string; who?: string; detail?: string }[];
}

export interface IncidentSummary {
  subject: string;
  namespace: string;
  pod: string;
  cluster?: string;
  workload?: string;
  cause?: SummaryCause;
  evidence: string[];
  firstCrash?: string;
  rollout?: { revision?: string; at: string };
  restarts?: number;
  actions: SummaryAction[];
  /** The state when the summary was made. */
  now: { at: string; severity: Severity | 'unknown'; sentence: string; resolvedAt?: string };
}

/** Every dated thing in order; ties keep the order they were given in (a request before its approval). */
export const summaryTimeline = (s: IncidentSummary): SummaryEvent[] => {
  const events: SummaryEvent[] = [];
  if (s.firstCrash) events.push({ at: s.firstCrash, what: 'first recorded crash' });
  if (s.rollout)
    events.push({
      at: s.rollout.at,
      what: `${s.workload ?? 'workload'} rolled out${s.rollout.revision ? ` (revision ${s.rollout.revision})` : ''}`,
    });
  for (const action of s.actions) {
    for (const step of action.steps)
      events.push({
        at: step.at,
        ...(step.who ? { who: step.who } : {}),
        what: `${step.state}: ${action.what}${step.detail ? ` (${step.detail})` : ''}`,
      });
  }
  if (s.now.resolvedAt) events.push({ at: s.now.resolvedAt, what: 'resolved: no container failing' });
  return events
    .map((e, i) => ({ e, i, t: timeOf(e.at) ?? Number.POSITIVE_INFINITY }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map(({ e }) => e);
};

/** First crash to resolution (or to now while it lasts). */
export const incidentDuration = (s: IncidentSummary): { ms: number; ongoing: boolean } | undefined => {
  const start = timeOf(s.firstCrash);
  const end = timeOf(s.now.resolvedAt ?? s.now.at);
  if (start === undefined || end === undefined || end < start) return undefined;
  return { ms: end - start, ongoing: !s.now.resolvedAt };
};

/** Who acted: requesters and approvers, in order of appearance. */
const people = (s: IncidentSummary): string[] => [
  ...new Set(s.actions.flatMap((a) => a.steps.map((st) => st.who).filter((w): w is string => Boolean(w)))),
];

const causeLine = (cause: SummaryCause | undefined): string =>
  cause
    ? `${cause.title}${cause.confidence !== undefined ? ` (${cause.confidence} %)` : ''}${cause.exit ? `; ${cause.exit}` : ''}`
    : 'not diagnosed';

const outcomeLine = (s: IncidentSummary): string => {
  const duration = incidentDuration(s);
  const span = duration ? `${duration.ongoing ? ', ongoing for ' : ' after '}${formatDuration(duration.ms)}` : '';
  return `${s.now.sentence}${span}`;
};

export const renderSummary = ({ summary: s }: { summary: IncidentSummary }): RenderedMessage => {
  const emoji = s.now.severity === 'unknown' ? ':grey_question:' : SEVERITY[s.now.severity].code;
  const where = `\`${safe(s.namespace)}/${safe(s.pod)}\`${s.workload ? ` (${safe(s.workload)})` : ''}${s.cluster ? ` in ${safe(s.cluster)}` : ''}`;
  const blocks: KnownBlock[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: `Incident summary: ${s.subject}`.slice(0, LIMITS.header), emoji: false },
    },
    section(
      [
        `*Cause:* ${safe(causeLine(s.cause))}`,
        `*Where:* ${where}${s.restarts !== undefined ? ` · ${s.restarts} restarts` : ''}`,
        `*Outcome:* ${emoji} ${safe(outcomeLine(s))}`,
        ...(people(s).length > 0 ? [`*Who acted:* ${people(s).map(safe).join(', ')}`] : []),
      ].join('\n'),
    ),
  ];
  if (s.evidence.length > 0)
    blocks.push(section(`*Evidence*\n${codeBlock({ lines: s.evidence, keep: 'head', maxChars: 1200, maxLine: 200 })}`));
  const timeline = summaryTimeline(s);
  if (timeline.length > 0) {
    const lines = timeline.map(
      (e) =>
        `• ${slackDate(e.at) ?? safe(e.at)} ${e.who ? `*${clipEscaped(safe(e.who), 60)}* ` : ''}${clipEscaped(safe(e.what), 160)}`,
    );
    blocks.push(section(`*Timeline*\n${linesWithin(lines, LIMITS.sectionText - 20)}`));
  }
  blocks.push(context('The same summary as a Markdown file is attached below, ready to paste into a postmortem.'));
  return { text: `Incident summary for ${safe(s.namespace)}/${safe(s.pod)}: ${safe(outcomeLine(s))}`, blocks };
};

/** Table cells: no pipes or newlines from data may break the row. */
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();

const utc = (iso: string | undefined): string => {
  const ms = timeOf(iso);
  return ms === undefined ? (iso ?? '?') : utcFallback(ms);
};

/** The postmortem document: headings, a facts list, the evidence in a fence, and the timeline as a table. */
export const summaryMarkdown = ({ summary: s }: { summary: IncidentSummary }): string => {
  const duration = incidentDuration(s);
  const lines = [
    `# Incident: ${s.subject} in ${s.namespace}`,
    '',
    `- **Cause:** ${causeLine(s.cause)}`,
    `- **Pod:** ${s.namespace}/${s.pod}${s.workload ? ` (${s.workload})` : ''}${s.cluster ? `, cluster ${s.cluster}` : ''}`,
    ...(s.firstCrash ? [`- **First crash:** ${utc(s.firstCrash)}`] : []),
    ...(s.rollout
      ? [`- **Rollout:** ${s.rollout.revision ? `revision ${s.rollout.revision}, ` : ''}${utc(s.rollout.at)}`]
      : []),
    ...(s.restarts !== undefined ? [`- **Restarts:** ${s.restarts}`] : []),
    `- **Outcome:** ${s.now.sentence}${s.now.resolvedAt ? ` at ${utc(s.now.resolvedAt)}` : ''}`,
    ...(duration ? [`- **Duration:** ${formatDuration(duration.ms)}${duration.ongoing ? ' (ongoing)' : ''}`] : []),
    ...(people(s).length > 0 ? [`- **Who acted:** ${people(s).join(', ')}`] : []),
    '',
  ];
  if (s.evidence.length > 0) {
    // A fence longer than any backtick run in the evidence cannot be closed by it.
    const longest = Math.max(
      2,
      ...s.evidence.map((e) => Math.max(0, ...[...e.matchAll(/`+/g)].map((m) => m[0].length))),
    );
    const fence = '`'.repeat(longest + 1);
    lines.push('## Evidence', '', fence, ...s.evidence, fence, '');
  }
  lines.push('## Timeline (UTC)', '', '| Time | Who | What |', '| --- | --- | --- |');
  for (const e of summaryTimeline(s))
    lines.push(`| ${cell(utc(e.at))} | ${cell(e.who ?? 'exitcode')} | ${cell(e.what)} |`);
  lines.push('');
  return lines.join('\n');
};
