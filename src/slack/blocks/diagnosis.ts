/**
 * The diagnosis message (pure), cause first: a severity emoji and one line naming what is failing,
 * how, and why, with the confidence as a number and a word; then what died and the exit code's
 * meaning, the evidence (each line once), the steps with their commands in code blocks, one context
 * line and the buttons. About a dozen rendered lines: the full evidence, the alternatives and the
 * timeline are one click away (Details) or in the thread. Re-rendered in place as the incident's
 * state changes (pass `state`): it always shows the current state and, once resolved, the time to recover.
 */
import { revisionLabel } from '../../diagnosis/diagnose-pod.ts';
import { exitHeadline } from '../../diagnosis/exit-codes.ts';
import { clip, formatDuration, timeOf } from '../../diagnosis/format.ts';
import type { ContainerDiagnosis, Diagnosis, Evidence } from '../../diagnosis/types.ts';
import type { Button, KnownBlock, ThreadRef } from '../extension.ts';
import { ACTIONS, encodeRef } from '../ids.ts';
import { diagnosisMetadata } from './metadata.ts';
import {
  type IncidentState,
  SEVERITY,
  type Severity,
  confidenceLabel,
  plainCause,
  severityOf,
  statePhrase,
} from './severity.ts';
import { splitStep } from './steps.ts';
import { clipEscaped, codeBlock, LIMITS, plain, safe } from './text.ts';
import { when } from './time.ts';

/** Containers named beyond the first (the first is the one the headline speaks of). */
export const MAX_DETAILED_CONTAINERS = 5;
/** What the channel message shows; Details shows everything. */
export const CHANNEL_EVIDENCE_LINES = 3;
export const CHANNEL_STEPS = 2;
/** The Details button: full evidence, every step, alternatives and the timeline, in the thread. */
export const DETAILS_ACTION = 'exitcode_show_details';

export interface RenderedMessage {
  text: string;
  blocks: KnownBlock[];
  metadata?: { event_type: string; event_payload: Record<string, string> };
}

export const refOf = (diagnosis: Diagnosis): ThreadRef => {
  const ref: ThreadRef = { namespace: diagnosis.namespace, pod: diagnosis.pod, cluster: diagnosis.cluster };
  if (diagnosis.podUid) ref.uid = diagnosis.podUid;
  const container = diagnosis.containers[0]?.container;
  if (container) ref.container = container;
  return ref;
};

export const section = (text: string): KnownBlock => ({
  type: 'section',
  text: { type: 'mrkdwn', text: clipEscaped(text, LIMITS.sectionText) },
});

export const context = (text: string): KnownBlock => ({
  type: 'context',
  elements: [{ type: 'mrkdwn', text: clipEscaped(text, LIMITS.sectionText) }],
});

export const button = ({
  text,
  actionId,
  value,
  style,
}: {
  text: string;
  actionId: string;
  value: string;
  style?: 'primary' | 'danger';
}): Button => ({
  type: 'button',
  text: { type: 'plain_text', text: clip(text, LIMITS.buttonText), emoji: true },
  action_id: actionId.slice(0, LIMITS.actionId),
  value: value.slice(0, LIMITS.buttonValue),
  ...(style ? { style } : {}),
});

/** What a person calls the failing thing: the workload when there is one, else the pod. */
export const subjectOf = (d: Diagnosis): string => d.workload?.name ?? d.pod;

/** Evidence lines as shown, each once (a line quoted by two rules is one line). */
export const evidenceLines = (evidence: Evidence[]): string[] => {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const e of evidence) {
    const text = e.line === null ? `[${e.source}] ${e.text}` : `${e.line}: ${e.text}`;
    const key = e.text.trim();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(text);
  }
  return out;
};

/** The first line, as plain text (a header): "🔴 checkout is crash-looping: STRIPE_API_KEY is not set (88 %, high)". */
export const headline = ({ diagnosis: d, state }: { diagnosis: Diagnosis; state?: IncidentState }): string => {
  const severity = severityOf({ diagnosis: d, ...(state ? { state } : {}) });
  const subject = subjectOf(d);
  const phrase = statePhrase({ diagnosis: d, severity });
  const best = d.containers[0]?.classification.best;
  // Once resolved, the cause is history: named as what it was, without a confidence to act on.
  const pastCause = state?.kind === 'resolved' ? (state.cause ?? (best ? plainCause(best) : undefined)) : undefined;
  const start = `${SEVERITY[severity].emoji} ${subject} ${phrase}`;
  // The cause is what gets cut to fit a header, so the state and the confidence always show.
  const fit = (cause: string, end: string): string =>
    clip(cause, Math.max(20, LIMITS.header - start.length - end.length - 4));
  if (severity === 'resolved' && pastCause) return `${start} (cause: ${fit(pastCause, ')')})`;
  if (!best || severity === 'healthy' || severity === 'resolved') return start;
  const confidence = ` (${confidenceLabel(best.confidence)})`;
  return `${start}: ${fit(plainCause(best), confidence)}${confidence}`;
};

/**
 * Steps: prose bullets, each command in its own code block right under its step. Whole steps only,
 * within `maxChars` (a cut inside a fence would unbalance it): the rest is counted, not cut.
 */
export const stepsText = (steps: string[], maxChars = LIMITS.sectionText - 100): string => {
  const out: string[] = [];
  let used = 0;
  for (const step of steps) {
    const { prose, command } = splitStep(step);
    const fenced = command ? codeBlock({ lines: [command], maxChars: 600, maxLine: 500 }) : '';
    const text = !prose ? fenced : command ? `• ${prose}\n${fenced}` : `• ${prose}`;
    if (used + text.length + 20 > maxChars) break;
    out.push(text);
    used += text.length + 1;
  }
  const more = steps.length - out.length;
  return `${out.join('\n')}${more > 0 ? `\n… ${more} more step${more === 1 ? '' : 's'}` : ''}`;
};

/** "Container `app` of pod `shop/checkout-…` · exit 1: terminated with an error". */
const whatDied = (d: Diagnosis, c: ContainerDiagnosis): string => {
  const label = `${c.init ? 'Init container' : 'Container'} \`${safe(c.container)}\``;
  const pod = `pod \`${safe(d.namespace)}/${safe(d.pod)}\``;
  return `${label} of ${pod} · ${safe(exitHeadline(c.classification.exit))}`;
};

/** Restarts, last crash, rollout, node, cluster: where and since when, in one context line. */
const contextLine = ({ d, now }: { d: Diagnosis; now: string }): string => {
  const first = d.containers[0];
  const parts: string[] = [];
  if (first) parts.push(first.frequency ? safe(first.frequency) : `${first.restartCount} restarts`);
  const crash = first?.lastCrashAt ? when({ at: first.lastCrashAt, now }) : undefined;
  if (crash) parts.push(`last crash ${crash}`);
  if (d.workload) {
    const label = revisionLabel(d.workload);
    const rolled = d.workload.rolledOutAt ? when({ at: d.workload.rolledOutAt, now }) : undefined;
    // kubectl's spelling (deployment/checkout), as in the next steps and the terminal report.
    parts.push(
      `${safe(d.workload.kind.toLowerCase())}/${safe(d.workload.name)}${label ? ` ${safe(label)}` : ''}${rolled ? `, rolled out ${rolled}` : ''}`,
    );
  }
  if (d.node) parts.push(`node ${safe(d.node)}`);
  // The phase only where it adds something: "Running" beside a crash loop misleads.
  if (d.healthy && d.phase !== 'Running' && d.phase !== 'Succeeded') parts.push(`phase ${safe(d.phase)}`);
  parts.push(`cluster ${safe(d.cluster)}`);
  return parts.join(' · ');
};

/** A workload's pick, only when there was a choice: "picked X" of a one-pod workload is noise. */
const pickNote = (d: Diagnosis): string | undefined =>
  d.selectedBecause && !/\bhas 1 pod\b/.test(d.selectedBecause) ? safe(d.selectedBecause) : undefined;

const stateLine = ({ state, now }: { state?: IncidentState; now: string }): string | undefined => {
  if (!state || state.kind === 'open') return undefined;
  if (state.kind === 'recovering') {
    const since = state.since ? when({ at: state.since, now }) : undefined;
    return `A replacement is starting${since ? ` since ${since}` : ''}; this message updates when it is healthy.`;
  }
  const resolved = when({ at: state.resolvedAt, now }) ?? safe(state.resolvedAt);
  const from = timeOf(state.failingSince);
  const to = timeOf(state.resolvedAt);
  const took = from !== undefined && to !== undefined && to >= from ? ` after ${formatDuration(to - from)}` : '';
  const since = state.failingSince ? when({ at: state.failingSince, now }) : undefined;
  return `*Resolved* ${resolved}${took}${since ? `; failing since ${since}` : ''}.`;
};

export const diagnosisButtons = (d: Diagnosis, extra: Button[] = []): Button[] => {
  const value = encodeRef(refOf(d));
  const own = [
    button({ text: 'Show logs', actionId: ACTIONS.logs, value }),
    button({ text: 'Show events', actionId: ACTIONS.events, value }),
    ...(d.containers.length > 0 ? [button({ text: 'Details', actionId: DETAILS_ACTION, value })] : []),
    button({ text: 'Re-diagnose', actionId: ACTIONS.rediagnose, value }),
  ];
  return [...own, ...extra].slice(0, LIMITS.actionsElements);
};

/** Plain-text fallback for notifications and for when Slack rejects the blocks: the headline itself. */
export const diagnosisText = (d: Diagnosis, state?: IncidentState): string => {
  const lines = [headline({ diagnosis: d, ...(state ? { state } : {}) })];
  const top = d.containers[0];
  if (top) lines.push(`${top.container} of ${d.namespace}/${d.pod}: ${exitHeadline(top.classification.exit)}`);
  else lines.push(`${d.pod} in ${d.namespace}: no container is failing right now.`);
  return clip(safe(lines.join('\n')), LIMITS.fallbackText);
};

const failingBlocks = ({ d, top }: { d: Diagnosis; top: ContainerDiagnosis }): KnownBlock[] => {
  const { best } = top.classification;
  const blocks: KnownBlock[] = [section(whatDied(d, top))];
  const evidence = evidenceLines(best.evidence);
  if (evidence.length > 0) {
    blocks.push(section(codeBlock({ lines: evidence.slice(0, CHANNEL_EVIDENCE_LINES), keep: 'head', maxLine: 200 })));
  }
  const steps = best.nextSteps.slice(0, CHANNEL_STEPS);
  if (steps.length > 0) blocks.push(section(`*Next steps*\n${stepsText(steps)}`));
  const more: string[] = [];
  const count = (n: number, what: string): string => `${n} more ${what}${n === 1 ? '' : 's'}`;
  if (evidence.length > CHANNEL_EVIDENCE_LINES)
    more.push(count(evidence.length - CHANNEL_EVIDENCE_LINES, 'evidence line'));
  if (best.nextSteps.length > steps.length) more.push(count(best.nextSteps.length - steps.length, 'step'));
  if (top.classification.alternatives.length > 0 && best.confidence < 0.85) more.push('other possible causes');
  const others = d.containers.slice(1, MAX_DETAILED_CONTAINERS + 1);
  if (others.length > 0) {
    const names = others.map((c) => `\`${safe(c.container)}\``).join(', ');
    const extra = d.containers.length - 1 - others.length;
    more.push(`also failing: ${names}${extra > 0 ? ` and ${extra} more` : ''}`);
  }
  if (more.length > 0) blocks.push(context(`${more.join(' · ')}: *Details*`));
  return blocks;
};

const healthyBlocks = ({ d, now }: { d: Diagnosis; now: string }): KnownBlock[] => {
  const history = d.timeline
    .filter((t) => t.source === 'container' && /\b\d+ restarts?\b/.test(t.what))
    .slice(0, 3)
    .map((t) => `• ${safe(t.what)}`);
  const checked = when({ at: d.generatedAt, now });
  return [
    section(
      [
        `No container of pod \`${safe(d.namespace)}/${safe(d.pod)}\` is failing right now.${checked ? ` Checked ${checked}.` : ''}`,
        ...history,
      ].join('\n'),
    ),
  ];
};

export const renderDiagnosis = ({
  diagnosis: d,
  extraButtons = [],
  state,
  now,
}: {
  diagnosis: Diagnosis;
  extraButtons?: Button[];
  /** The incident's state, from whoever follows it over time (scanner, remediation); open when absent. */
  state?: IncidentState;
  /** For relative times; the diagnosis time when absent (renderers stay pure). */
  now?: string;
}): RenderedMessage => {
  const at = now ?? d.generatedAt;
  const severity: Severity = severityOf({ diagnosis: d, ...(state ? { state } : {}) });
  const blocks: KnownBlock[] = [
    {
      type: 'header',
      text: {
        type: 'plain_text',
        text: plain(headline({ diagnosis: d, ...(state ? { state } : {}) }), LIMITS.header),
        emoji: true,
      },
    },
  ];
  const status = stateLine({ ...(state ? { state } : {}), now: at });
  if (status) blocks.push(section(status));
  const top = d.containers[0];
  // Resolved: what died stays for the record; evidence and steps are one click away (Details).
  if (top && severity === 'resolved') blocks.push(section(whatDied(d, top)));
  else if (top && severity !== 'healthy') blocks.push(...failingBlocks({ d, top }));
  else blocks.push(...healthyBlocks({ d, now: at }));
  const pick = pickNote(d);
  if (pick) blocks.push(context(pick));
  blocks.push(context(contextLine({ d, now: at })));
  if (d.missing.length > 0) {
    const missing = d.missing
      .slice(0, 5)
      .map((m) => `${safe(m.what)} (${safe(m.why)})`)
      .join('; ');
    blocks.push(context(`:warning: Could not read: ${missing}`));
  }
  const buttons = diagnosisButtons(d, extraButtons);
  // The actions block always survives: cut content before it if a pathological input ever exceeds the cap.
  const capped = blocks.slice(0, LIMITS.blocks - 1);
  if (buttons.length > 0) capped.push({ type: 'actions', block_id: 'exitcode_actions', elements: buttons });
  const metadata = diagnosisMetadata({ diagnosis: d, severity });
  // A resolved incident's message keeps its cause for `summary`, even when it now shows the healthy replacement.
  if (state?.kind === 'resolved') {
    if (state.cause && !metadata.event_payload.cause) metadata.event_payload.cause = clip(state.cause, 300);
    metadata.event_payload.resolved_at = state.resolvedAt;
    if (state.failingSince) metadata.event_payload.failing_since = state.failingSince;
  }
  return { text: diagnosisText(d, state), blocks: capped, metadata };
};
