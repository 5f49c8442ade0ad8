/**
 * The model's answer, validated (pure). Anything that is not a JSON object matching the schema, or that
 * cites log lines the request did not contain, is discarded: the caller then says "no explanation
 * available" and never shows the raw text.
 *
 * Suggested-steps policy (the explanation never triggers an action and never gets a button; it is
 * advice in words, and still must not talk anyone into a destructive command):
 * - a step that is one of the rules' own next steps is kept as is;
 * - otherwise a step is kept only if every kubectl/helm/oc command in it is read-only (get, describe,
 *   logs, top, events, explain, ...), and it names no destructive operation (delete, drain, scale,
 *   rm -rf, DROP TABLE, kill, ...); other steps are withheld and only counted;
 * - a summary or likely cause that itself contains a mutating command discards the whole reply.
 */
import { z } from 'zod';
import { type CategoryId, isCategoryId } from '../diagnosis/taxonomy.ts';

export const replySchema = z.object({
  summary: z.string().trim().min(1).max(1500),
  likelyCause: z.string().trim().min(1).max(500),
  /** A taxonomy id, or "other" (anything unknown counts as other). */
  category: z.string().max(64).optional(),
  evidenceLines: z.array(z.number().int().positive()).max(50),
  suggestedSteps: z.array(z.string().trim().min(1).max(500)).max(20),
  confidence: z.number().min(0).max(1),
});

export type ModelReply = z.infer<typeof replySchema>;

export interface ParsedReply {
  summary: string;
  likelyCause: string;
  category?: CategoryId;
  evidenceLines: number[];
  suggestedSteps: string[];
  /** Steps the policy held back (counted, never shown). */
  withheldSteps: number;
  confidence: number;
}

export type RejectReason = 'not_json' | 'schema' | 'unknown_lines' | 'destructive';

export type ParseResult = { ok: true; reply: ParsedReply } | { ok: false; reason: RejectReason };

/** Read-only verbs of kubectl/oc; `auth can-i`, `config view` and `rollout status/history` too. */
const READ_ONLY_VERBS = new Set([
  'get',
  'describe',
  'logs',
  'log',
  'top',
  'events',
  'explain',
  'version',
  'api-resources',
  'api-versions',
  'cluster-info',
  'diff',
]);
const READ_ONLY_PAIRS = new Set(['auth can-i', 'config view', 'rollout status', 'rollout history']);
const HELM_READ_ONLY = new Set(['status', 'get', 'list', 'ls', 'history', 'show', 'template', 'lint', 'version']);

/** The verb after kubectl/oc/helm, skipping flags such as `-n shop` or `--context=x`. */
const CLI_COMMAND =
  /\b(kubectl|oc|helm)((?:[ \t]{1,4}-{1,2}[\w-]{1,40}(?:[= \t]{1,4}[\w./:-]{1,100})?){0,6})[ \t]{1,4}([a-z-]{1,30})(?:[ \t]{1,4}([a-z-]{1,30}))?/gi;

/** Operations nobody should be told to do from a crash explanation, in words or as a command. */
const DESTRUCTIVE_WORDS = /\b(?:delete|drain|cordon|taint|scale|destroy|wipe|purge|truncate|uninstall|reboot)\b/i;

/** Shell commands that destroy data or run downloaded code. */
const DESTRUCTIVE_COMMANDS =
  /\brm[ \t]{1,4}-[a-z]{0,4}[rf]|\bdrop[ \t]{1,4}(?:table|database|schema)\b|\bkill(?:all)?[ \t]{1,4}-|\bdd[ \t]{1,4}if=|\bmkfs\b|\bchmod[ \t]{1,4}(?:-R[ \t]{1,4})?777\b|\|[ \t]{0,4}(?:ba|z)?sh\b|\bsudo\b|\bgit[ \t]{1,4}push[ \t]{1,4}(?:-f|--force)\b/i;

const mutatingCommand = (text: string): boolean => {
  for (const match of text.matchAll(CLI_COMMAND)) {
    const tool = (match[1] ?? '').toLowerCase();
    const verb = (match[3] ?? '').toLowerCase();
    const next = (match[4] ?? '').toLowerCase();
    if (tool === 'helm') {
      if (!HELM_READ_ONLY.has(verb)) return true;
      continue;
    }
    if (READ_ONLY_VERBS.has(verb) || READ_ONLY_PAIRS.has(`${verb} ${next}`)) continue;
    return true;
  }
  return false;
};

/** True when the text contains a command that changes a cluster, a host or data. */
export const hasMutatingCommand = (text: string): boolean => DESTRUCTIVE_COMMANDS.test(text) || mutatingCommand(text);

/** A step is stricter: it must not even describe a destructive operation in words. */
export const isDestructiveStep = (text: string): boolean => DESTRUCTIVE_WORDS.test(text) || hasMutatingCommand(text);

const normalize = (text: string): string => text.trim().replace(/\s+/g, ' ').replace(/^`|`$/g, '');

/** Keeps the rules' own steps and safe ones; counts the rest. */
export const filterSteps = ({
  steps,
  ruleSteps,
}: {
  steps: string[];
  ruleSteps: string[];
}): { kept: string[]; withheld: number } => {
  const vetted = new Set(ruleSteps.map(normalize));
  const kept: string[] = [];
  let withheld = 0;
  for (const step of steps) {
    if (vetted.has(normalize(step)) || !isDestructiveStep(step)) kept.push(step.trim());
    else withheld++;
  }
  return { kept: kept.slice(0, 5), withheld };
};

/** Some OpenAI-compatible servers wrap JSON in a Markdown fence even in JSON mode. */
const unfence = (content: string): string => {
  const trimmed = content.trim();
  if (!trimmed.startsWith('```') || !trimmed.endsWith('```')) return trimmed;
  const firstBreak = trimmed.indexOf('\n');
  return firstBreak < 0 ? trimmed : trimmed.slice(firstBreak + 1, -3).trim();
};

export const parseReply = ({
  content,
  sentLines,
  ruleSteps,
}: {
  content: string | null | undefined;
  sentLines: number[];
  ruleSteps: string[];
}): ParseResult => {
  if (!content) return { ok: false, reason: 'not_json' };
  let json: unknown;
  try {
    json = JSON.parse(unfence(content));
  } catch {
    return { ok: false, reason: 'not_json' };
  }
  const parsed = replySchema.safeParse(json);
  if (!parsed.success) return { ok: false, reason: 'schema' };
  const reply = parsed.data;
  const sent = new Set(sentLines);
  if (!reply.evidenceLines.every((line) => sent.has(line))) return { ok: false, reason: 'unknown_lines' };
  // A summary may say what happened ("the node was drained") but must not carry a command.
  if (hasMutatingCommand(reply.summary) || hasMutatingCommand(reply.likelyCause))
    return { ok: false, reason: 'destructive' };
  const { kept, withheld } = filterSteps({ steps: reply.suggestedSteps, ruleSteps });
  const category = reply.category !== undefined && isCategoryId(reply.category) ? reply.category : undefined;
  return {
    ok: true,
    reply: {
      summary: reply.summary,
      likelyCause: reply.likelyCause,
      ...(category ? { category } : {}),
      evidenceLines: [...new Set(reply.evidenceLines)].sort((a, b) => a - b),
      suggestedSteps: kept,
      withheldSteps: withheld,
      confidence: reply.confidence,
    },
  };
};
