/**
 * Pure parsing of what people type: the `/exitcode` text, a mention (a pod name, or a sentence that
 * names one), and thread verbs. Names are validated here (DNS-1123) so nothing unchecked reaches an
 * API path.
 */
import { editDistance } from '../text/edit-distance.ts';

export interface DiagnoseTarget {
  /** Undefined when the user did not name one: the channel's default applies. */
  namespace?: string;
  /** A pod name or kind/name (deploy/api, sts/db, ds/agent, job/migrate). */
  target: string;
  container?: string;
}

export type SlashRequest =
  | { kind: 'help' }
  | ({ kind: 'diagnose' } & DiagnoseTarget)
  | { kind: 'invalid'; reason: string };

export type MentionRequest =
  | { kind: 'help' }
  | { kind: 'verb'; verb: string; args: string[] }
  /** A word where a verb goes that is no verb: answered with did-you-mean and help, never diagnosed. */
  | { kind: 'unknown_verb'; word: string; suggestions: string[] }
  | ({ kind: 'diagnose' } & DiagnoseTarget)
  | { kind: 'none' };

/** Verbs the bot itself knows in a diagnosis thread; extensions add theirs. */
export const BUILTIN_VERBS = ['logs', 'events', 'details', 'rediagnose', 'summary', 'help'] as const;

/**
 * Verbs an extension brings when it is configured, and the sentence that says how to turn each on:
 * without its extension a verb is still a verb (never a pod name), answered with what would enable it.
 */
export const OPTIONAL_VERBS: Readonly<Record<string, string>> = {
  restart:
    '`restart` is not enabled here: actions need a remediation policy. Ask your platform team to set EXITCODE_POLICY_FILE to a policy that allows `restart-pod` in this namespace.',
  rollout:
    '`rollout` is not enabled here: actions need a remediation policy. Ask your platform team to set EXITCODE_POLICY_FILE to a policy that allows `rollout-restart` in this namespace.',
  rollback:
    '`rollback` is not enabled here: actions need a remediation policy. Ask your platform team to set EXITCODE_POLICY_FILE to a policy that allows `rollback` in this namespace.',
  explain:
    '`explain` is not enabled here: explanations need a model. Ask your platform team to set OPENAI_API_KEY (and EXITCODE_EXPLAIN_MODE to on-request or auto).',
};

/** Known verbs within two edits (or sharing a 3-letter prefix), closest first. */
export const closeVerbs = (word: string, verbs: Iterable<string>): string[] =>
  [...verbs]
    .map((verb) => ({ verb, distance: editDistance(word, verb) }))
    .filter((v) => v.distance <= 2 || (word.length >= 3 && v.verb.startsWith(word.slice(0, 3))))
    .sort((a, b) => a.distance - b.distance || a.verb.localeCompare(b.verb))
    .slice(0, 3)
    .map((v) => v.verb);

/** A plain word where a verb goes: letters only (pod and workload names have digits or dashes, or are named kind/name). */
const VERB_SHAPED = /^[a-z]{2,20}$/;

const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export const isDnsLabel = (value: string): boolean => value.length <= 63 && LABEL.test(value);
export const isDnsSubdomain = (value: string): boolean => value.length <= 253 && SUBDOMAIN.test(value);

/** kind aliases a user may type -> the short form the investigator accepts. */
const KINDS: Record<string, string> = {
  deploy: 'deploy',
  deployment: 'deploy',
  deployments: 'deploy',
  sts: 'sts',
  statefulset: 'sts',
  statefulsets: 'sts',
  ds: 'ds',
  daemonset: 'ds',
  daemonsets: 'ds',
  job: 'job',
  jobs: 'job',
  pod: 'pod',
  pods: 'pod',
  po: 'pod',
};

export const USAGE = [
  '`/exitcode <pod>`: why did this pod crash?',
  '`/exitcode <namespace>/<pod>` or `/exitcode <pod> -n <namespace> -c <container>`',
  '`/exitcode deploy/<name>` (also `sts/`, `ds/`, `job/`): the most recently failing pod of a workload',
  '`/exitcode help`: this message',
].join('\n');

const invalid = (reason: string): SlashRequest => ({ kind: 'invalid', reason });

/** `name`, `ns/name`, `kind/name`, `ns/kind/name` -> namespace + target, or an error reason. */
const parsePositional = (token: string): { namespace?: string; target: string } | { error: string } => {
  const parts = token.split('/');
  if (parts.some((p) => p === '')) return { error: `"${token}" is not a pod or workload name.` };
  let namespace: string | undefined;
  let kind: string | undefined;
  let name: string;
  if (parts.length === 1) {
    name = parts[0] as string;
  } else if (parts.length === 2) {
    const [first, second] = parts as [string, string];
    if (KINDS[first.toLowerCase()]) kind = KINDS[first.toLowerCase()];
    else namespace = first;
    name = second;
  } else if (parts.length === 3) {
    const [first, second, third] = parts as [string, string, string];
    kind = KINDS[second.toLowerCase()];
    if (!kind) return { error: `"${second}" is not a workload kind (use deploy, sts, ds or job).` };
    namespace = first;
    name = third;
  } else {
    return { error: `"${token}" has too many parts.` };
  }
  if (namespace !== undefined && !isDnsLabel(namespace))
    return { error: `"${namespace}" is not a valid namespace name.` };
  if (!isDnsSubdomain(name)) return { error: `"${name}" is not a valid Kubernetes name.` };
  const target = kind && kind !== 'pod' ? `${kind}/${name}` : name;
  return namespace === undefined ? { target } : { namespace, target };
};

const FLAGS: Record<string, 'namespace' | 'container'> = {
  '-n': 'namespace',
  '--namespace': 'namespace',
  '-c': 'container',
  '--container': 'container',
};

const tokenize = (text: string): string[] =>
  text
    .replace(/[\u2018\u2019\u201c\u201d]/g, '"')
    .trim()
    .split(/\s+/)
    .filter(Boolean);

export const parseSlashCommand = (text: string): SlashRequest => {
  const tokens = tokenize(text);
  if (tokens.length === 0) return invalid('Name a pod or workload.');
  if (tokens.length === 1 && /^(help|-h|--help|\?)$/i.test(tokens[0] as string)) return { kind: 'help' };
  const options: { namespace?: string; container?: string } = {};
  const positionals: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    const [flag, inline] = token.includes('=') ? (token.split('=', 2) as [string, string]) : [token, undefined];
    const option = FLAGS[flag];
    if (!option) {
      if (token.startsWith('-')) return invalid(`Unknown option "${token}".`);
      positionals.push(token);
      continue;
    }
    const value = inline ?? tokens[++i];
    if (!value) return invalid(`"${flag}" needs a value.`);
    options[option] = value;
  }
  if (positionals.length !== 1) return invalid('Name exactly one pod or workload.');
  const verb = (positionals[0] as string).toLowerCase();
  // A thread verb typed as a slash command is never looked up as a pod (name a workload kind/name instead).
  if (tokens.length === 1 && (BUILTIN_VERBS.includes(verb as (typeof BUILTIN_VERBS)[number]) || OPTIONAL_VERBS[verb]))
    return invalid(
      `\`${verb}\` is a thread verb: mention me in a diagnosis thread (\`@exitcode ${verb}\`). To diagnose something called ${verb}, name it as deploy/${verb} or -n <namespace> ${verb}.`,
    );
  const parsed = parsePositional(positionals[0] as string);
  if ('error' in parsed) return invalid(parsed.error);
  if (options.namespace !== undefined && parsed.namespace !== undefined && options.namespace !== parsed.namespace)
    return invalid('The namespace is given twice, differently.');
  const namespace = options.namespace ?? parsed.namespace;
  if (namespace !== undefined && !isDnsLabel(namespace))
    return invalid(`"${namespace}" is not a valid namespace name.`);
  if (options.container !== undefined && !isDnsLabel(options.container))
    return invalid(`"${options.container}" is not a valid container name.`);
  return {
    kind: 'diagnose',
    target: parsed.target,
    ...(namespace !== undefined ? { namespace } : {}),
    ...(options.container !== undefined ? { container: options.container } : {}),
  };
};

/** Kubernetes' alphabet for generated name suffixes: no vowels, so it never spells a word. */
const GENERATED_SUFFIX = /^[bcdfghjklmnpqrstvwxz2456789]{5}$/;

/**
 * A pod name as generated by a controller: lower-case DNS-1123 with a dash, and a hash-like part
 * (a suffix with a digit, like db-0 or checkout-7f9c6; a generated 5-letter suffix; or a
 * ReplicaSet hash before the suffix). Plain hyphenated words ("keep-dying") do not qualify.
 */
const looksLikePod = (token: string): boolean => {
  if (!isDnsSubdomain(token) || !token.includes('-')) return false;
  const parts = token.split('-');
  const suffix = parts[parts.length - 1] as string;
  if (/\d/.test(suffix) || GENERATED_SUFFIX.test(suffix)) return true;
  return parts.length >= 3 && /\d/.test(parts[parts.length - 2] as string);
};

// [^<>] (not [^>]) keeps the scan linear: a match attempt never runs past the next '<'.
const MENTION = /<[@!#][^<>]*>/g;
/** Slack turns dotted words into links (<http://api.v2|api.v2>): keep what the person typed. */
const unwrapLinks = (text: string): string =>
  text.replace(/<([^<>|]*)\|([^<>]*)>/g, '$2').replace(/<(?:https?:\/\/)?([^<>]*)>/g, '$1');
const LEADING = new Set(['`', '"', "'", '(', '*', '_', '[']);
const TRAILING = new Set(['`', '"', "'", '.', ',', ';', ':', '!', '?', ')', '*', '_', ']']);

/** Strips quotes and punctuation around a word, in linear time (a regex with `+$` is quadratic). */
const trimPunctuation = (token: string): string => {
  let start = 0;
  let end = token.length;
  while (start < end && LEADING.has(token[start] as string)) start++;
  while (end > start && TRAILING.has(token[end - 1] as string)) end--;
  return token.slice(start, end);
};

/**
 * A mention: `<@U1> logs 20` (a thread verb), `<@U1> checkout-7f9c6`, `<@U1> prod/api-1`,
 * `<@U1> deploy/api -n prod`, or a sentence naming a pod ("why does checkout-7f9c6 keep dying?").
 */
export const parseMention = (
  text: string,
  extraVerbs: string[] = [],
  { inThread = false }: { inThread?: boolean } = {},
): MentionRequest => {
  const tokens = tokenize(unwrapLinks(text.replace(MENTION, ' ')));
  if (tokens.length === 0) return { kind: 'help' };
  const first = trimPunctuation((tokens[0] as string).toLowerCase());
  if (first === 'help') return { kind: 'help' };
  const verbs = new Set<string>([
    ...BUILTIN_VERBS,
    ...Object.keys(OPTIONAL_VERBS),
    ...extraVerbs.map((v) => v.toLowerCase()),
  ]);
  if (verbs.has(first)) return { kind: 'verb', verb: first, args: tokens.slice(1) };
  // In a thread, a lone plain word (maybe with an argument) is a verb attempt. Elsewhere only a typo of a
  // verb is (two edits at most): a plain word alone there may be a workload's name ("redis").
  if (VERB_SHAPED.test(first) && tokens.length <= 2) {
    const suggestions = closeVerbs(first, verbs);
    if (inThread) return { kind: 'unknown_verb', word: first, suggestions };
    const typo = suggestions.filter((v) => first.length >= 4 && editDistance(first, v) <= 2);
    if (typo.length > 0) return { kind: 'unknown_verb', word: first, suggestions: typo };
  }

  const direct = parseSlashCommand(tokens.join(' '));
  if (direct.kind === 'diagnose') return direct;

  // A sentence: pick the first token that names a pod (ns/pod, kind/name, or a pod-looking word).
  for (const raw of tokens) {
    const token = trimPunctuation(raw);
    if (token.includes('/')) {
      const parsed = parsePositional(token);
      if (!('error' in parsed)) return { kind: 'diagnose', ...parsed };
      continue;
    }
    if (looksLikePod(token)) return { kind: 'diagnose', target: token };
  }
  return { kind: 'none' };
};

export interface LogsArgs {
  /** Lines to show; 'all' uploads the bounded full excerpt as a file. */
  lines: number | 'all';
}

export const DEFAULT_LOG_LINES = 30;
export const MAX_LOG_LINES = 200;

export const parseLogsArgs = (args: string[]): LogsArgs | { error: string } => {
  const [first] = args;
  if (first === undefined) return { lines: DEFAULT_LOG_LINES };
  if (/^all$/i.test(first)) return { lines: 'all' };
  if (!/^\d+$/.test(first)) return { error: 'Usage: `logs [N]` (1 to 200 lines) or `logs all` for a file.' };
  const lines = Number(first);
  if (lines < 1) return { error: 'Ask for at least one line.' };
  return { lines: Math.min(lines, MAX_LOG_LINES) };
};
