/**
 * Turning an incident into Slack messages: the message itself (the diagnosis message with the
 * incident's facts), re-rendered for updates, and a fallback when no diagnosis can be had (a replica
 * that took over after the pods were gone): the message as posted, read back, with the facts patched.
 */
import type { Diagnosis } from '../diagnosis/types.ts';
import type { Incident } from '../incidents/types.ts';
import type { RenderedMessage } from '../slack/blocks/diagnosis.ts';
import { patchIncidentBlocks, renderIncident } from '../slack/blocks/incident.ts';
import { incidentFacts } from '../slack/blocks/incident.ts';
import type { Button, KnownBlock } from '../slack/extension.ts';
import type { SlackGateway } from '../slack/gateway.ts';
import { METADATA_EVENT } from '../slack/ids.ts';

export interface IncidentRenderer {
  /** The message for the incident now; undefined when nothing better than the posted one can be said. */
  render(incident: Incident): Promise<RenderedMessage | undefined>;
  remember(key: string, diagnosis: Diagnosis): void;
  forget(key: string): void;
}

/** Minimal message with the incident's facts and the thread metadata, when no diagnosis can be read. */
export const factsOnlyMessage = ({ incident, now }: { incident: Incident; now: string }): RenderedMessage => {
  const pod = Object.keys(incident.pods)[0] ?? incident.scope.workload.name;
  const title = `🔴 ${incident.scope.workload.name} is failing: ${incident.cause.title}`;
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: title.slice(0, 150), emoji: true } },
    {
      type: 'section',
      block_id: 'exitcode_incident',
      text: { type: 'mrkdwn', text: incidentFacts({ incident, now }) },
    },
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: 'The pods could not be read again for a full diagnosis: say `rediagnose` in the thread.',
        },
      ],
    },
  ];
  return {
    text: title,
    blocks,
    metadata: {
      event_type: METADATA_EVENT,
      event_payload: {
        cluster: incident.scope.cluster,
        namespace: incident.scope.namespace,
        pod,
        uid: '',
        container: incident.scope.container,
        incident: incident.key.slice(0, 1000),
      },
    },
  };
};

export const createIncidentRenderer = ({
  diagnose,
  extraButtons,
  slack,
  now,
}: {
  diagnose: (request: { namespace: string; pod: string; container: string }) => Promise<Diagnosis>;
  extraButtons?: (diagnosis: Diagnosis, channel: string) => Promise<Button[]>;
  slack: Pick<SlackGateway, 'message'>;
  now: () => Date;
}): IncidentRenderer => {
  const diagnoses = new Map<string, Diagnosis>();
  const withDiagnosis = async (incident: Incident, diagnosis: Diagnosis): Promise<RenderedMessage> =>
    renderIncident({
      incident,
      diagnosis,
      extraButtons: extraButtons ? await extraButtons(diagnosis, incident.channel) : [],
      now: now().toISOString(),
    });
  return {
    remember: (key, diagnosis) => void diagnoses.set(key, diagnosis),
    forget: (key) => void diagnoses.delete(key),
    render: async (incident) => {
      const cached = diagnoses.get(incident.key);
      if (cached) return withDiagnosis(incident, cached);
      for (const pod of Object.keys(incident.pods).slice(0, 2)) {
        try {
          const diagnosis = await diagnose({
            namespace: incident.scope.namespace,
            pod,
            container: incident.scope.container,
          });
          if (diagnosis.healthy && incident.status === 'open') continue;
          diagnoses.set(incident.key, diagnosis);
          return withDiagnosis(incident, diagnosis);
        } catch {
          // The pod is gone or unreadable: try the next one, then the message as posted.
        }
      }
      const at = now().toISOString();
      if (typeof incident.announce === 'object' && 'ts' in incident.announce) {
        const posted = await slack.message({ channel: incident.announce.channel, ts: incident.announce.ts });
        if (posted?.blocks) {
          return {
            text: posted.text ?? incident.cause.title,
            blocks: patchIncidentBlocks({ blocks: posted.blocks, incident, now: at }),
          };
        }
        return undefined;
      }
      return factsOnlyMessage({ incident, now: at });
    },
  };
};
