/**
 * The JSON inputs of `exitcode classify` (--events as a JSON array, --cases), validated with zod. A
 * module of its own so that classifying a plain log does not load zod.
 */
import { z } from 'zod';
import { classifyText } from '../diagnosis/engine.ts';
import { parseEventsText, parseStatusText } from '../diagnosis/events-text.ts';
import type { EventFact } from '../diagnosis/types.ts';
import { ExitcodeError } from '../errors.ts';
import { parseJson } from './classify.ts';

const eventObject = z.object({
  type: z.string().optional(),
  reason: z.string().optional(),
  message: z.string(),
  count: z.number().int().nonnegative().optional(),
  container: z.string().optional(),
  object: z.string().optional(),
});
const eventItem = z.union([z.string(), eventObject]);

/** Events from a parsed JSON array of strings (pasted event text) and/or event objects. */
export const eventsFromJson = (items: unknown, path: string): EventFact[] => {
  if (!Array.isArray(items)) throw new ExitcodeError('bad_input', `${path}: expected a JSON array of events.`);
  return items.flatMap((raw, index) => {
    const parsed = eventItem.safeParse(raw);
    if (!parsed.success) {
      // Report against the object shape: a string item cannot be wrong.
      const issue = eventObject.safeParse(raw).error?.issues[0];
      const field = issue?.path.length ? `.${issue.path.join('.')}` : '';
      throw new ExitcodeError(
        'bad_input',
        `${path}: item ${index}${field}: ${issue?.message ?? 'expected a string or an event object'}.`,
      );
    }
    const item = parsed.data;
    if (typeof item === 'string') return parseEventsText(item);
    return [
      {
        type: item.type ?? '',
        reason: item.reason ?? '',
        message: item.message,
        count: item.count ?? 1,
        ...(item.container ? { container: item.container } : {}),
        ...(item.object ? { object: item.object } : {}),
      },
    ];
  });
};

const caseSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  exit_code: z.number().int().nullable().optional(),
  reason: z.string().nullable().optional(),
  log: z.string(),
  events: z
    .union([z.string(), z.array(z.string())])
    .nullable()
    .optional(),
  root_cause_category: z.string().optional(),
});
const casesSchema = z.array(caseSchema);
export type CaseInput = z.infer<typeof caseSchema>;

export const readCases = (text: string, path: string): CaseInput[] => {
  const parsed = casesSchema.safeParse(parseJson(text, path));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const [index, ...field] = issue?.path ?? [];
  const where =
    index === undefined ? 'top level' : `case ${String(index)}${field.length ? ` field "${field.join('.')}"` : ''}`;
  throw new ExitcodeError('bad_input', `${path}: ${where}: ${issue?.message ?? 'invalid'}.`);
};

/** Classifies one case the way the bench and --cases do: events text may carry the status block. */
export const classifyCase = (item: CaseInput) => {
  const eventLines = item.events ?? [];
  const status = parseStatusText(eventLines);
  return classifyText({
    log: item.log,
    exitCode: item.exit_code ?? status.exitCode,
    reason: item.reason ?? status.reason,
    events: parseEventsText(eventLines),
  });
};
