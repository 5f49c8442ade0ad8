/**
 * The diagnosis message (pure): header, per failing container the exit meaning, cause, evidence and
 * next steps, a context line, and the buttons. Within Slack's limits for any input: huge logs are cut
 * with a marker, many containers are capped with "+N more containers".
 */
import { revisionLabel } from '../../diagnosis/diagnose-pod.ts';
import { exitHeadline } from '../../diagnosis/exit-codes.ts';
import type { ContainerDiagnosis, Diagnosis } from '../../diagnosis/types.ts';
import type { Button, KnownBlock, ThreadRef } from '../extension.ts';
import { ACTIONS, encodeRef, METADATA_EVENT } from '../ids.ts';
import { clipEscaped, codeBlock, LIMITS, plain, safe } from './text.ts';
import { clip, percent } from '../../diagnosis/format.ts';

/** Containers shown in full; the rest are named in one line. */
export const MAX_DETAILED_CONTAINERS = 5;
const MAX_EVIDENCE_LINES = 15;
const MAX_STEPS = 6;
/** Below this, alternatives are shown: the top cause is uncertain. */
const UNCERTAIN = 0.7;

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

const section = (text: string): KnownBlock => ({
  type: 'section',
  text: { type: 'mrkdwn', text: clipEscaped(text, LIMITS.sectionText) },
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

/**
 * Where a command that starts at `at` ends: before a prose aside (" (or add it to ...)") or a closing
 * parenthesis the command did not open, outside quotes; else at the end of the step.
 */
const commandEnd = (text: string, at: number): number => {
  let quote: string | null = null;
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
    } else if (ch === '(') {
      if (depth === 0 && text[i - 1] === ' ') return i - 1;
      depth += 1;
    } else if (ch === ')') {
      if (depth === 0) return i;
      depth -= 1;
    }
  }
  return text.length;
};

/** A next step with its kubectl command as inline code, so it reads (and copies) as a command. */
const stepText = (step: string): string => {
  const text = clipEscaped(safe(step), 400);
  const at = text.indexOf('kubectl ');
  // A backtick in the step would pair with ours and garble it: leave such a step as plain text.
  if (at < 0 || text.includes('`')) return text;
  const end = commandEnd(text, at);
  return `${text.slice(0, at)}\`${text.slice(at, end)}\`${text.slice(end)}`;
};

const containerBlocks = (c: ContainerDiagnosis): KnownBlock[] => {
  const { best, alternatives, exit } = c.classification;
  const label = `\`${safe(c.container)}\`${c.init ? ' (init container)' : ''}`;
  // The exit's meaning sits under the exit line it explains, before the cause.
  const blocks: KnownBlock[] = [
    section(
      [
        `*Container* ${label} · ${safe(exitHeadline(exit))}`,
        ...(exit.detail ? [safe(exit.detail)] : []),
        `*Probable cause:* ${safe(best.title)} (*${percent(best.confidence)}* confidence)`,
      ].join('\n'),
    ),
  ];
  const evidence = best.evidence
    .slice(0, MAX_EVIDENCE_LINES * 4)
    .map((e) => (e.line === null ? `[${e.source}] ${e.text}` : `${e.line}: ${e.text}`));
  if (evidence.length > 0) {
    blocks.push(
      section(
        `*Evidence*\n${codeBlock({ lines: evidence.slice(-MAX_EVIDENCE_LINES * 4), maxChars: LIMITS.sectionText - 20 })}`,
      ),
    );
  }
  const steps = best.nextSteps.slice(0, MAX_STEPS);
  if (steps.length > 0) {
    const more = best.nextSteps.length - steps.length;
    blocks.push(
      section(`*Next steps*\n${steps.map((s) => `• ${stepText(s)}`).join('\n')}${more > 0 ? `\n… ${more} more` : ''}`),
    );
  }
  if (best.confidence < UNCERTAIN && alternatives.length > 0) {
    const alts = alternatives.slice(0, 3).map((a) => `${safe(a.title)} (${percent(a.confidence)})`);
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: clipEscaped(`*Could also be:* ${alts.join(' · ')}`, LIMITS.sectionText) }],
    });
  }
  return blocks;
};

const contextLine = (d: Diagnosis): string => {
  const first = d.containers[0];
  const parts: string[] = [];
  if (first) parts.push(first.frequency ? safe(first.frequency) : `restarts: ${first.restartCount}`);
  if (first?.lastCrashAt) parts.push(`last crash: ${safe(first.lastCrashAt)}`);
  if (d.workload) {
    const label = revisionLabel(d.workload);
    const revision = label ? ` ${safe(label)}` : '';
    const rolled = d.workload.rolledOutAt ? ` (rolled out ${safe(d.workload.rolledOutAt)})` : '';
    // kubectl's spelling (deployment/checkout), as in the next steps and the terminal report.
    parts.push(`${safe(d.workload.kind.toLowerCase())}/${safe(d.workload.name)}${revision}${rolled}`);
  }
  if (d.node) parts.push(`node ${safe(d.node)}`);
  parts.push(`phase ${safe(d.phase)}`);
  return parts.join(' · ');
};

export const diagnosisButtons = (d: Diagnosis, extra: Button[] = []): Button[] => {
  const value = encodeRef(refOf(d));
  const own = [
    button({ text: 'Show logs', actionId: ACTIONS.logs, value }),
    button({ text: 'Show events', actionId: ACTIONS.events, value }),
    button({ text: 'Re-diagnose', actionId: ACTIONS.rediagnose, value }),
  ];
  return [...own, ...extra].slice(0, LIMITS.actionsElements);
};

/** Plain-text fallback for notifications and for when Slack rejects the blocks. */
export const diagnosisText = (d: Diagnosis): string => {
  const where = `${d.pod} in ${d.namespace}`;
  if (d.healthy || d.containers.length === 0)
    return clip(safe(`${where}: no container is failing right now.`), LIMITS.fallbackText);
  const lines = d.containers.slice(0, MAX_DETAILED_CONTAINERS).map((c) => {
    const { best, exit } = c.classification;
    const code = exit.code === null ? (exit.reason ?? 'no exit code') : `exit ${exit.code}`;
    return `${c.container}: ${code}, ${best.title} (${percent(best.confidence)})`;
  });
  const more = d.containers.length - lines.length;
  if (more > 0) lines.push(`+${more} more containers`);
  return clip(safe(`${where}: ${lines.join('; ')}`), LIMITS.fallbackText);
};

export const renderDiagnosis = ({
  diagnosis: d,
  extraButtons = [],
}: {
  diagnosis: Diagnosis;
  extraButtons?: Button[];
}): RenderedMessage => {
  const blocks: KnownBlock[] = [
    {
      type: 'header',
      text: {
        type: 'plain_text',
        text: plain(`${d.pod} · ${d.namespace} · ${d.cluster}`, LIMITS.header),
        emoji: false,
      },
    },
  ];
  if (d.selectedBecause)
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: clipEscaped(safe(d.selectedBecause), LIMITS.sectionText) }],
    });
  if (d.healthy || d.containers.length === 0) {
    blocks.push(section(`:white_check_mark: No container in ${safe(d.pod)} is failing right now.`));
  } else {
    const shown = d.containers.slice(0, MAX_DETAILED_CONTAINERS);
    shown.forEach((c, i) => {
      if (i > 0) blocks.push({ type: 'divider' });
      blocks.push(...containerBlocks(c));
    });
    const rest = d.containers.slice(MAX_DETAILED_CONTAINERS);
    if (rest.length > 0) {
      const names = rest
        .slice(0, 20)
        .map((c) => `\`${safe(c.container)}\``)
        .join(', ');
      blocks.push(section(`*+${rest.length} more containers* failing: ${names}${rest.length > 20 ? ', …' : ''}`));
    }
  }
  blocks.push({
    type: 'context',
    elements: [{ type: 'mrkdwn', text: clipEscaped(contextLine(d), LIMITS.sectionText) }],
  });
  if (d.missing.length > 0) {
    const missing = d.missing
      .slice(0, 5)
      .map((m) => `${safe(m.what)} (${safe(m.why)})`)
      .join('; ');
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: clipEscaped(`:warning: Could not read: ${missing}`, LIMITS.sectionText) }],
    });
  }
  const actions: KnownBlock = {
    type: 'actions',
    block_id: 'exitcode_actions',
    elements: diagnosisButtons(d, extraButtons),
  };
  // The actions block always survives: cut content before it if a pathological input ever exceeds the cap.
  const capped = blocks.slice(0, LIMITS.blocks - 1);
  capped.push(actions);
  const ref = refOf(d);
  const payload: Record<string, string> = {
    cluster: ref.cluster ?? '',
    namespace: ref.namespace,
    pod: ref.pod,
    uid: ref.uid ?? '',
  };
  if (ref.container) payload.container = ref.container;
  return { text: diagnosisText(d), blocks: capped, metadata: { event_type: METADATA_EVENT, event_payload: payload } };
};
