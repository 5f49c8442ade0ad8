/**
 * Events as people paste them: the Events table of `kubectl describe pod`, lines of `kubectl get
 * events` (current and old column layouts), or free text copied from a dashboard. Each line becomes
 * one EventFact; what a line does not say is left empty rather than guessed, except the reason, which
 * is inferred from well-known kubelet/scheduler messages so that rules can match on it.
 *
 * Parsing splits on whitespace instead of one big regex: linear on any input, and forgiving when a
 * chat client has collapsed the table's column padding.
 */
import type { EventFact } from './types.ts';

/** Hostile input bounds: a pasted event list is small; anything beyond these is noise. */
const MAX_EVENTS = 1000;
const MAX_LINE = 4096;

const ANSI = /\x1b\[[0-9;?]{0,32}[A-Za-z]/g;
const TYPES = new Set(['Normal', 'Warning']);
const HEADER_WORDS = new Set(['TYPE', 'Type', 'REASON', 'Reason', 'MESSAGE', 'Message']);

/** Known messages, for free text that carries no reason column. First match wins. */
const INFERRED_REASONS: { pattern: RegExp; reason: string }[] = [
  { pattern: /Back-off restarting failed container/i, reason: 'BackOff' },
  { pattern: /Back-off pulling image/i, reason: 'BackOff' },
  { pattern: /failed (liveness|startup) probe, will be restarted/i, reason: 'Killing' },
  { pattern: /\b(Liveness|Readiness|Startup) probe (failed|errored)/i, reason: 'Unhealthy' },
  { pattern: /\bMountVolume\.\w{1,32} failed|Unable to (attach or )?mount volumes/i, reason: 'FailedMount' },
  { pattern: /\b\d{1,6}\/\d{1,6} nodes are available/i, reason: 'FailedScheduling' },
  { pattern: /The node was low on resource/i, reason: 'Evicted' },
  { pattern: /System OOM encountered/i, reason: 'SystemOOM' },
  { pattern: /Failed to pull image|ErrImagePull|ImagePullBackOff|ErrImageNeverPull/i, reason: 'Failed' },
  { pattern: /Error: (configmap|secret) "[^"\n]{1,253}" not found|couldn't find key/i, reason: 'Failed' },
  { pattern: /CreateContainerConfigError|CreateContainerError|failed to (create|start) container/i, reason: 'Failed' },
  { pattern: /^(Stopping|Killing) container/i, reason: 'Killing' },
  { pattern: /^Created container/i, reason: 'Created' },
  { pattern: /^Started container/i, reason: 'Started' },
  { pattern: /^Successfully pulled image|Container image "[^"\n]{1,512}" already present/i, reason: 'Pulled' },
  { pattern: /^Pulling image/i, reason: 'Pulling' },
  { pattern: /^Successfully assigned/i, reason: 'Scheduled' },
];

/** Words that follow "container" in messages but are not container names. */
const NOT_NAMES = new Set([
  'image',
  'images',
  'with',
  'runtime',
  'failed',
  'exited',
  'is',
  'was',
  'has',
  'in',
  'to',
  'for',
  'the',
  'id',
  'process',
  'init',
  'name',
  'config',
]);

const inferReason = (message: string): string => INFERRED_REASONS.find((r) => r.pattern.test(message))?.reason ?? '';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** Strips quotes and trailing punctuation with a loop: a `[...]+$` regex is quadratic on long runs. */
const trimPunctuation = (word: string): string => {
  let start = 0;
  let end = word.length;
  while (start < end && '"\'`'.includes(word[start] as string)) start++;
  while (end > start && '"\'`,.:;'.includes(word[end - 1] as string)) end--;
  return word.slice(start, end);
};

/** The container a line names: spec.containers{api} or "container api" / "container \"api\"". */
const containerOf = (line: string): string | undefined => {
  const field = /spec\.(?:initContainers|containers|ephemeralContainers)\{([^}\s]{1,63})\}/.exec(line);
  if (field?.[1]) return field[1];
  const words = line.split(/\s+/);
  for (let i = 0; i + 1 < words.length; i++) {
    if (!/^container$/i.test(words[i] ?? '')) continue;
    const candidate = trimPunctuation(words[i + 1] ?? '');
    if (DNS_LABEL.test(candidate) && !NOT_NAMES.has(candidate)) return candidate;
  }
  return undefined;
};

/** "(x12 over 10m)", "x12" or a bare number: how many times the event was seen. */
const countOf = (text: string): number | undefined => {
  const match = /\(x(\d{1,9}) over\b|^x(\d{1,9})$/.exec(text);
  const digits = match?.[1] ?? match?.[2];
  return digits === undefined ? undefined : Number(digits);
};

const isHeaderOrRule = (line: string, words: string[]): boolean => {
  if (/^-{2,}(\s+-{2,})*$/.test(line)) return true;
  if (/^Events:\s*(<none>)?$/i.test(line)) return true;
  if (line === '<none>' || /^No events found/i.test(line) || /^No resources found/i.test(line)) return true;
  return words.filter((w) => HEADER_WORDS.has(w)).length >= 2 && !words.some((w) => TYPES.has(w));
};

const event = (fields: Partial<EventFact> & { message: string }): EventFact => {
  const container = fields.container ?? containerOf(fields.message);
  const out: EventFact = {
    type: fields.type ?? '',
    reason: fields.reason || inferReason(fields.message),
    message: fields.message,
    count: fields.count ?? 1,
  };
  if (fields.object) out.object = fields.object;
  if (container) out.container = container;
  return out;
};

/** A describe table row: Type, Reason, Age, From, Message (columns padded with two or more spaces). */
const describeRow = (line: string): EventFact | null => {
  const columns = line.split(/ {2,}|\t+/);
  const [type, reason, age, from, ...message] = columns;
  if (type === undefined || !TYPES.has(type) || reason === undefined || /\s/.test(reason)) return null;
  if (age === undefined || from === undefined || message.length === 0) return null;
  return event({ type, reason, count: countOf(age), message: message.join('  ') });
};

/**
 * Any row with a Normal/Warning word among its first columns, whitespace collapsed: describe rows that
 * lost their padding, `kubectl get events` (LAST SEEN TYPE REASON OBJECT MESSAGE) and the old layout
 * (LAST SEEN FIRST SEEN COUNT NAME KIND SUBOBJECT TYPE REASON SOURCE MESSAGE).
 */
const tokenRow = (words: string[]): EventFact | null => {
  const at = words.slice(0, 9).findIndex((w) => TYPES.has(w));
  if (at < 0 || at + 2 >= words.length) return null;
  const before = words.slice(0, at);
  const type = words[at] as string;
  const reason = words[at + 1] as string;
  let rest = words.slice(at + 2);
  let count = before.map((w) => (/^\d{1,9}$/.test(w) ? Number(w) : undefined)).find((n) => n !== undefined);
  let object: string | undefined;
  const container = containerOf(before.join(' '));
  // Describe row without padding: an age ("3m", "<unknown>"), maybe "(x12 over 10m)", then the source.
  if (at === 0 && /^(<unknown>|<invalid>|\d{1,6}[smhdy]\S{0,12})$/.test(rest[0] ?? '')) {
    rest = rest.slice(1);
    if (/^\(x\d{1,9}$/.test(rest[0] ?? '')) {
      count = Number((rest[0] ?? '').slice(2));
      rest = rest.slice(3);
    }
    rest = dropSource(rest);
  } else if ((rest[0] ?? '').includes('/')) {
    object = rest[0];
    rest = rest.slice(1);
  } else {
    rest = dropSource(rest);
  }
  const message = rest.join(' ');
  if (message === '') return null;
  return event({ type, reason, count, message, object, container });
};

/** Drops a leading event source column: "kubelet", "kubelet, node-1", "default-scheduler", "x-controller". */
const dropSource = (words: string[]): string[] => {
  const first = words[0] ?? '';
  if (!/^(kubelet|default-scheduler|[a-z0-9-]{1,63}-controller|[a-z0-9-]{1,63}-scheduler)(,|$)/.test(first)) {
    return words;
  }
  return first.endsWith(',') ? words.slice(2) : words.slice(1);
};

/** Parses pasted events; one EventFact per event line, headers and blank lines skipped. */
export const parseEventsText = (input: string | string[]): EventFact[] => {
  const lines = (Array.isArray(input) ? input : [input]).flatMap((chunk) => chunk.split(/\r?\n|\r/));
  const events: EventFact[] = [];
  for (const raw of lines) {
    if (events.length >= MAX_EVENTS) break;
    const line = raw.slice(0, MAX_LINE).replace(ANSI, '').trim();
    if (line === '') continue;
    const words = line.split(/\s+/);
    if (isHeaderOrRule(line, words)) continue;
    const parsed = describeRow(line) ?? tokenRow(words) ?? event({ message: line, count: countOf(line) });
    events.push(parsed);
  }
  return events;
};

/**
 * The container status block of `kubectl describe pod` often comes pasted with the events
 * ("Last State: Terminated / Reason: OOMKilled / Exit Code: 137"): recover exit code and reason
 * from it, preferring the last termination shown.
 */
export const parseStatusText = (input: string | string[]): { exitCode: number | null; reason: string | null } => {
  const text = (Array.isArray(input) ? input.join('\n') : input).slice(0, 1024 * 1024);
  let exitCode: number | null = null;
  let reason: string | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    const code = /^Exit Code:\s{0,32}(\d{1,3})$/.exec(line);
    if (code?.[1]) exitCode = Number(code[1]);
    const why = /^Reason:\s{0,32}([A-Za-z]{2,64})$/.exec(line);
    if (why?.[1]) reason = why[1];
  }
  return { exitCode, reason };
};
