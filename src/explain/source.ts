/**
 * Where an explanation's input comes from: one gather of the pod (the same one a diagnosis does), so
 * the log lines sent carry the very numbers the rules' evidence cites. Everything is redacted here
 * already; the prompt redacts again (idempotent) because it cannot know where its input came from.
 */
import type { ClusterConnection } from '../cluster/connection.ts';
import { gatherTarget } from '../cluster/resolve.ts';
import { buildDiagnosis } from '../diagnosis/diagnose-pod.ts';
import { redact, redactDeep } from '../text/outgoing.ts';
import type { Diagnosis } from '../diagnosis/types.ts';
import type { ThreadRef } from '../slack/extension.ts';
import type { ExplainFacts } from './prompt.ts';

export type ExplainSource = (ref: ThreadRef) => Promise<{ diagnosis: Diagnosis; facts?: ExplainFacts }>;

export const clusterExplainSource =
  ({ connection, now }: { connection: ClusterConnection; now: () => Date }): ExplainSource =>
  async (ref) => {
    const gathered = await gatherTarget(
      connection,
      { namespace: ref.namespace, target: ref.pod, ...(ref.container ? { container: ref.container } : {}) },
      { now },
    );
    const diagnosis = redactDeep(buildDiagnosis({ cluster: connection.clusterName, ...gathered }));
    const name = diagnosis.containers[0]?.container;
    if (name === undefined) return { diagnosis };
    const container = [...gathered.pod.containers, ...gathered.pod.initContainers].find((c) => c.name === name);
    const log = gathered.logs[name];
    const facts: ExplainFacts = {
      events: gathered.events.map((e) => ({ ...e, message: redact(e.message) })),
      ...(log
        ? { log: { lines: log.lines.map((l) => ({ ...l, text: redact(l.text) })), truncated: log.truncated } }
        : {}),
      // Only the fields the prompt reads: env, mounts and security settings stay behind.
      ...(container
        ? {
            container: {
              name: container.name,
              image: container.image,
              command: container.command,
              args: container.args,
              resources: container.resources,
              probes: container.probes,
            },
          }
        : {}),
    };
    return { diagnosis, facts };
  };
