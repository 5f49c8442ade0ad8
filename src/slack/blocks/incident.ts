/**
 * The incident message (pure): it IS the diagnosis message (same header, cause, evidence, steps,
 * buttons and metadata, so thread verbs and buttons work on it), with one more block under the
 * header: pods affected, first seen, last crash, restarts, re-opens and firing alerts. The message
 * is re-rendered in place as the incident changes; thread notes say what changed.
 */
import { formatDuration, timeOf } from '../../diagnosis/format.ts';
import type { Diagnosis } from '../../diagnosis/types.ts';
import type { Incident, IncidentNote } from '../../incidents/types.ts';
import type { Button, KnownBlock } from '../extension.ts';
import { context, type RenderedMessage, renderDiagnosis, section } from './diagnosis.ts';
import type { IncidentState } from './severity.ts';
import { LIMITS, plain, safe } from './text.ts';
import { slackDate, when } from './time.ts';

export const INCIDENT_BLOCK_ID = 'exitcode_incident';

/** The incident's state as the diagnosis renderer shows it (✅ and the time to recover once resolved). */
export const incidentState = (incident: Incident): IncidentState =>
  incident.status === 'resolved' && incident.resolvedAt
    ? { kind: 'resolved', failingSince: incident.firstSeen, resolvedAt: incident.resolvedAt }
    : { kind: 'open' };

const MAX_NAMED_PODS = 5;

/** "*12 pods* affected (api-1, api-2, … and 7 more) · first seen … · last crash … · 38 restarts". */
export const incidentFacts = ({ incident, now }: { incident: Incident; now: string }): string => {
  const names = Object.keys(incident.pods).slice(0, MAX_NAMED_PODS);
  const more = incident.podCount - names.length;
  const pods = `*${incident.podCount} pod${incident.podCount === 1 ? '' : 's'}* of ${safe(incident.scope.workload.kind)} \`${safe(incident.scope.workload.name)}\` (container \`${safe(incident.scope.container)}\`): ${names.map((n) => `\`${safe(n)}\``).join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
  const seen = slackDate(incident.firstSeen) ?? safe(incident.firstSeen);
  const last = when({ at: incident.lastCrash, now }) ?? safe(incident.lastCrash);
  const parts = [
    `first seen ${seen}`,
    `last crash ${last}`,
    `${incident.restarts} restart${incident.restarts === 1 ? '' : 's'}`,
  ];
  if (incident.reopened > 0) parts.push(`re-opened ${incident.reopened}×`);
  if (incident.causes.length > 1) parts.push(`cause changed ${incident.causes.length - 1}×`);
  if (incident.alerts.length > 0) parts.push(`firing: ${incident.alerts.map(safe).join(', ')}`);
  return `${pods}\n${parts.join(' · ')}`;
};

const factsBlock = (incident: Incident, now: string): KnownBlock => ({
  ...section(incidentFacts({ incident, now })),
  block_id: INCIDENT_BLOCK_ID,
});

/** The incident's channel message: the diagnosis message with the incident's facts under its header. */
export const renderIncident = ({
  incident,
  diagnosis,
  extraButtons = [],
  now,
}: {
  incident: Incident;
  diagnosis: Diagnosis;
  extraButtons?: Button[];
  now: string;
}): RenderedMessage => {
  const rendered = renderDiagnosis({ diagnosis, extraButtons, state: incidentState(incident), now });
  const [header, ...rest] = rendered.blocks;
  const blocks = header ? [header, factsBlock(incident, now), ...rest] : [factsBlock(incident, now), ...rest];
  // Over Slack's cap, content before the buttons goes, never the buttons.
  const capped =
    blocks.length <= LIMITS.blocks ? blocks : [...blocks.slice(0, LIMITS.blocks - 1), blocks.at(-1) as KnownBlock];
  const metadata = rendered.metadata && {
    ...rendered.metadata,
    event_payload: {
      ...rendered.metadata.event_payload,
      incident: incident.key.slice(0, 1000),
      pods: String(incident.podCount),
    },
  };
  return { ...rendered, blocks: capped, ...(metadata ? { metadata } : {}) };
};

/**
 * The message as posted, with only the incident's parts brought up to date: for a replica that took
 * over and has no diagnosis in memory (the pods may be gone), reading the message back is enough.
 */
export const patchIncidentBlocks = ({
  blocks,
  incident,
  now,
}: {
  blocks: KnownBlock[];
  incident: Incident;
  now: string;
}): KnownBlock[] => {
  const facts = factsBlock(incident, now);
  const out = blocks.map((block) => ((block as { block_id?: string }).block_id === INCIDENT_BLOCK_ID ? facts : block));
  if (!out.includes(facts)) out.splice(1, 0, facts);
  if (incident.status === 'resolved' && out[0]?.type === 'header') {
    const took = durationText(incident);
    out[0] = {
      type: 'header',
      text: {
        type: 'plain_text',
        text: plain(`✅ ${incident.scope.workload.name} has recovered${took ? ` after ${took}` : ''}`, LIMITS.header),
        emoji: true,
      },
    };
  }
  return out.slice(0, LIMITS.blocks);
};

const durationText = (incident: Incident): string | undefined => {
  const from = timeOf(incident.firstSeen);
  const to = timeOf(incident.resolvedAt);
  return from !== undefined && to !== undefined && to >= from ? formatDuration(to - from) : undefined;
};

/** One thread reply per change worth a person's attention. */
export const renderIncidentNote = ({ note }: { note: IncidentNote; incident: Incident }): RenderedMessage => {
  const text = ((): string => {
    switch (note.kind) {
      case 'cause-changed':
        return `:arrows_counterclockwise: The cause changed: was *${safe(note.from)}*, now *${safe(note.to)}*. The message above shows the current diagnosis.`;
      case 'resolved':
        return `:white_check_mark: Resolved: every pod has run healthy long enough. Failing for ${formatDuration(note.durationMs)}.`;
      case 'reopened':
        return `:repeat: Failing again soon after it was resolved (re-opened ${note.count}×): kept on this incident instead of a new announcement.`;
      case 'alert-firing':
        return `:rotating_light: Alertmanager: *${safe(note.alert)}* is firing for this workload.`;
      case 'alert-resolved':
        return `:white_check_mark: Alertmanager: *${safe(note.alert)}* resolved.`;
    }
  })();
  return { text, blocks: [section(text)] };
};

/** The daily digest of open incidents (one message). */
export const renderDigest = ({ incidents, now }: { incidents: Incident[]; now: string }): RenderedMessage => {
  const open = incidents.filter((i) => i.status === 'open');
  if (open.length === 0) {
    const text = ':white_check_mark: No open incidents.';
    return { text, blocks: [section(text)] };
  }
  const lines = open.slice(0, 30).map((i) => {
    const since = when({ at: i.firstSeen, now }) ?? safe(i.firstSeen);
    return `• \`${safe(i.scope.namespace)}/${safe(i.scope.workload.name)}\` (${safe(i.scope.container)}): ${safe(i.cause.title)} · ${i.podCount} pod${i.podCount === 1 ? '' : 's'} · since ${since}`;
  });
  if (open.length > 30) lines.push(`… and ${open.length - 30} more`);
  const title = `*${open.length} open incident${open.length === 1 ? '' : 's'}*`;
  return {
    text: `${open.length} open incidents`,
    blocks: [section(`${title}\n${lines.join('\n')}`), context('Daily digest from exitcode')],
  };
};
