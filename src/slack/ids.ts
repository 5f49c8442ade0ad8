/**
 * Action ids and button values of the bot's own buttons. Values are parsed with zod on click: a forged
 * value can only name a pod, which is then checked against the channel's namespaces like any request.
 */
import { z } from 'zod';
import { isDnsLabel, isDnsSubdomain } from './parse.ts';
import type { ThreadRef } from './extension.ts';

export const ACTIONS = {
  logs: 'exitcode_show_logs',
  events: 'exitcode_show_events',
  rediagnose: 'exitcode_rediagnose',
  uploadLogs: 'exitcode_upload_logs',
} as const;

/** The metadata event type of a diagnosis message (and how threads find their pod). */
export const METADATA_EVENT = 'exitcode_diagnosis';

export const threadRefSchema = z.object({
  namespace: z.string().refine(isDnsLabel),
  pod: z.string().refine(isDnsSubdomain),
  container: z.string().refine(isDnsLabel).optional(),
  uid: z.string().max(64).optional(),
  cluster: z.string().max(253).optional(),
});

export const encodeRef = (ref: ThreadRef): string => JSON.stringify(ref);

export const decodeRef = (value: string | undefined): ThreadRef | undefined => {
  if (!value) return undefined;
  try {
    const parsed = threadRefSchema.safeParse(JSON.parse(value));
    return parsed.success ? stripUndefined(parsed.data) : undefined;
  } catch {
    return undefined;
  }
};

const stripUndefined = (ref: z.infer<typeof threadRefSchema>): ThreadRef => {
  const out: ThreadRef = { namespace: ref.namespace, pod: ref.pod };
  if (ref.container !== undefined) out.container = ref.container;
  if (ref.uid !== undefined) out.uid = ref.uid;
  if (ref.cluster !== undefined) out.cluster = ref.cluster;
  return out;
};

/** Reads the pod identity from a message's metadata (the thread parent). */
export const refFromMetadata = (metadata: unknown): ThreadRef | undefined => {
  const parsed = z
    .object({ event_type: z.literal(METADATA_EVENT), event_payload: threadRefSchema })
    .safeParse(metadata);
  if (!parsed.success) return undefined;
  const ref = stripUndefined(parsed.data.event_payload);
  // Empty strings stand for "unknown" in metadata (its values must be strings).
  if (ref.uid === '') delete ref.uid;
  if (ref.cluster === '') delete ref.cluster;
  return ref;
};
