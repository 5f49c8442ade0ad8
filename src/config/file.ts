/**
 * The optional config file (EXITCODE_CONFIG, YAML or JSON): which Slack channels may query which
 * namespaces. Every problem is reported with its path inside the file, so a person can find the line.
 */
import { z } from 'zod';
import { parseValidatedYaml } from './validated-yaml.ts';

/** DNS-1123 label, the shape of a namespace name. */
export const NAMESPACE_NAME = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
/** Slack conversation IDs: public (C), private (G) channels; the mapping is keyed by ID because names change. */
const CHANNEL_ID = /^[CG][A-Z0-9]{2,}$/;

const namespaceEntry = z
  .string({ error: 'expected a namespace name' })
  .refine((value) => value === '*' || NAMESPACE_NAME.test(value), {
    error: 'expected a namespace name (lower-case letters, digits and "-") or "*"',
  });

const fileSchema = z.strictObject(
  {
    /** Namespaces allowed in channels not listed below; EXITCODE_NAMESPACES, when set, overrides this list. */
    namespaces: z.array(namespaceEntry, { error: 'expected a list of namespace names' }).optional(),
    channels: z
      .record(
        z.string().regex(CHANNEL_ID, { error: 'expected a Slack channel ID such as C0123ABCD (not a #name)' }),
        z.array(namespaceEntry, { error: 'expected a list of namespace names' }),
        { error: 'expected a map of channel ID to a list of namespaces' },
      )
      .default({}),
  },
  { error: 'expected a map with "channels" (and optionally "namespaces")' },
);

export type ConfigFile = z.infer<typeof fileSchema>;

/** Parses and validates the file's text; returns the value or one message per problem. */
export const parseConfigFile = (text: string): { value?: ConfigFile; problems: string[] } =>
  parseValidatedYaml(fileSchema, text);
