/**
 * Choosing what to diagnose (pure): a short list of buttons when a name matches in several namespaces,
 * did-you-mean buttons when it matches nothing, and did-you-mean for a mistyped thread verb. Button
 * values are parsed with zod on click; a picked target is still checked against the channel's
 * namespaces, so a forged value reaches nothing the channel may not see.
 */
import { z } from 'zod';
import type { TargetCandidate } from '../../cluster/find-target.ts';
import type { ExitcodeError } from '../../errors.ts';
import type { KnownBlock, ThreadRef } from '../extension.ts';
import { threadRefSchema } from '../ids.ts';
import { isDnsLabel, isDnsSubdomain } from '../parse.ts';
import { button, context, type RenderedMessage, section } from './diagnosis.ts';
import { LIMITS, safe } from './text.ts';

/** Prefixes: each button of a block needs its own action_id, so the index follows. */
export const PICK_ACTION = 'exitcode_pick_target';
export const VERB_ACTION = 'exitcode_run_verb';
export const PICK_ACTION_PATTERN = /^exitcode_pick_target(_\d+)?$/;
export const VERB_ACTION_PATTERN = /^exitcode_run_verb(_\d+)?$/;

/** Verbs a suggestion button may run: the ones that take no argument and change nothing. */
export const CLICKABLE_VERBS = ['logs', 'events', 'details', 'rediagnose', 'summary', 'help'] as const;

const pickSchema = z.object({
  namespace: z.string().refine(isDnsLabel),
  target: z.string().refine((t) => {
    const [kind, name, extra] = t.split('/');
    if (extra !== undefined) return false;
    return name === undefined
      ? isDnsSubdomain(t)
      : ['deploy', 'sts', 'ds', 'job'].includes(kind ?? '') && isDnsSubdomain(name);
  }),
});

export type PickValue = z.infer<typeof pickSchema>;

export const encodePick = (c: { namespace: string; target: string }): string =>
  JSON.stringify({ namespace: c.namespace, target: c.target });

export const decodePick = (value: string | undefined): PickValue | undefined => {
  try {
    const parsed = pickSchema.safeParse(JSON.parse(value ?? ''));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
};

const verbSchema = z.object({ verb: z.enum(CLICKABLE_VERBS), ref: threadRefSchema });

export const encodeVerb = ({ verb, ref }: { verb: string; ref: ThreadRef }): string => JSON.stringify({ verb, ref });

export const decodeVerb = (value: string | undefined): { verb: string; ref: ThreadRef } | undefined => {
  try {
    const parsed = verbSchema.safeParse(JSON.parse(value ?? ''));
    if (!parsed.success) return undefined;
    const { verb, ref } = parsed.data;
    const clean: ThreadRef = { namespace: ref.namespace, pod: ref.pod };
    if (ref.container) clean.container = ref.container;
    if (ref.uid) clean.uid = ref.uid;
    if (ref.cluster) clean.cluster = ref.cluster;
    return { verb, ref: clean };
  } catch {
    return undefined;
  }
};

const label = (c: TargetCandidate): string => `${c.namespace}/${c.target}`;

const candidateButtons = (candidates: TargetCandidate[]): KnownBlock => ({
  type: 'actions',
  block_id: 'exitcode_pick',
  elements: candidates
    .slice(0, LIMITS.actionsElements)
    .map((c, i) => button({ text: label(c), actionId: `${PICK_ACTION}_${i}`, value: encodePick(c) })),
});

const unreadableNote = (unreadable: { namespace: string; error: ExitcodeError }[]): KnownBlock[] =>
  unreadable.length === 0
    ? []
    : [
        context(
          `:warning: Not searched: ${unreadable
            .slice(0, 5)
            .map((u) => `${safe(u.namespace)} (${safe(u.error.message)})`)
            .join('; ')}`,
        ),
      ];

/** Several namespaces have it: which one? */
export const renderPickList = ({
  name,
  matches,
  unreadable = [],
}: {
  name: string;
  matches: TargetCandidate[];
  unreadable?: { namespace: string; error: ExitcodeError }[];
}): RenderedMessage => ({
  text: `"${safe(name)}" is in ${matches.length} namespaces: pick one.`,
  blocks: [
    section(`\`${safe(name)}\` is in ${matches.length} namespaces this channel may read. Which one?`),
    candidateButtons(matches),
    ...unreadableNote(unreadable),
  ],
});

/** Nothing by that name: the closest names across the channel's namespaces, as buttons. */
export const renderNotFound = ({
  name,
  namespaces,
  suggestions,
  unreadable = [],
}: {
  name: string;
  /** The namespaces searched (['*'] for all). */
  namespaces: string[];
  suggestions: TargetCandidate[];
  unreadable?: { namespace: string; error: ExitcodeError }[];
}): RenderedMessage => {
  const where = namespaces.includes('*')
    ? 'any namespace'
    : namespaces.length === 1
      ? `namespace ${safe(namespaces[0] ?? '')}`
      : `namespaces ${namespaces.map(safe).join(', ')}`;
  const sentence = `No pod or workload named \`${safe(name)}\` in ${where}.`;
  if (suggestions.length === 0) {
    return {
      text: `No pod or workload named "${safe(name)}".`,
      blocks: [
        section(`:warning: ${sentence} Check the name with \`kubectl get pods -A\`.`),
        ...unreadableNote(unreadable),
      ],
    };
  }
  return {
    text: `No pod or workload named "${safe(name)}". Did you mean ${suggestions.map((s) => safe(label(s))).join(', ')}?`,
    blocks: [
      section(`:warning: ${sentence} Did you mean:`),
      candidateButtons(suggestions),
      ...unreadableNote(unreadable),
    ],
  };
};

/** `@exitcode restrat`: did you mean, as buttons where the verb needs no argument, and the help. */
export const renderUnknownVerb = ({
  word,
  suggestions,
  ref,
  help,
}: {
  word: string;
  suggestions: string[];
  /** The thread's pod, when known: suggestion buttons act on it. */
  ref?: ThreadRef;
  help: RenderedMessage;
}): RenderedMessage => {
  const named = suggestions.map((s) => `\`${safe(s)}\``).join(', ');
  // No verb near it: maybe a workload's name, which a thread reads as a verb attempt; say how to name one.
  const sentence =
    suggestions.length > 0
      ? `I do not know \`${safe(word)}\`. Did you mean ${named}?`
      : `I do not know \`${safe(word)}\`. To diagnose something called ${safe(word)}, name its kind: \`@exitcode deploy/${safe(word)}\` (or sts/, ds/, job/).`;
  const clickable = ref ? suggestions.filter((s) => (CLICKABLE_VERBS as readonly string[]).includes(s)) : [];
  const blocks: KnownBlock[] = [section(`:grey_question: ${sentence}`)];
  if (ref && clickable.length > 0)
    blocks.push({
      type: 'actions',
      block_id: 'exitcode_verbs',
      elements: clickable.map((verb, i) =>
        button({ text: verb, actionId: `${VERB_ACTION}_${i}`, value: encodeVerb({ verb, ref }) }),
      ),
    });
  return { text: sentence, blocks: [...blocks, ...help.blocks].slice(0, LIMITS.blocks) };
};

/** A verb that exists but is off here: what would turn it on. */
export const renderDisabledVerb = (sentence: string): RenderedMessage => ({
  text: sentence,
  blocks: [section(`:no_entry_sign: ${sentence}`)],
});
