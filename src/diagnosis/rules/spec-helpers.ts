/**
 * Small pure helpers shared by the rules that read the pod's spec and surroundings (not a rule itself).
 * They exist so every spec rule finds "the crash", log lines and events the same way.
 */
import type { RuleContext } from '../rule.ts';
import type { ContainerState, EventFact, Evidence, LogLine } from '../types.ts';
import { clip, trimEndOf } from '../format.ts';

type Terminated = Extract<ContainerState, { kind: 'terminated' }>;

/** The termination that is being diagnosed: the previous instance when the container restarted. */
export const lastTermination = (ctx: RuleContext): Terminated | undefined => {
  const { container } = ctx;
  if (!container) return undefined;
  if (container.lastState?.kind === 'terminated') return container.lastState;
  if (container.state.kind === 'terminated') return container.state;
  return undefined;
};

/** The termination or waiting reason, from the crash facts first, then from the container status. */
export const reasonOf = (ctx: RuleContext): string => {
  if (ctx.reason) return ctx.reason;
  const state = ctx.container?.state;
  if (state?.kind === 'waiting' && state.reason) return state.reason;
  return lastTermination(ctx)?.reason ?? '';
};

/** The waiting/termination message, from the crash facts first, then from the container status. */
export const messageOf = (ctx: RuleContext): string => {
  if (ctx.message) return ctx.message;
  const state = ctx.container?.state;
  if (state?.kind === 'waiting' && state.message) return state.message;
  return lastTermination(ctx)?.message ?? '';
};

export const exitCodeOf = (ctx: RuleContext): number | null => ctx.exitCode ?? lastTermination(ctx)?.exitCode ?? null;

/** First log line matching the pattern (scanning from the top: the first error is usually the cause). */
export const findLine = (ctx: RuleContext, pattern: RegExp): LogLine | undefined =>
  ctx.log.lines.find((line) => pattern.test(line.text));

/** Events about this container (or the pod as a whole) whose reason and message match. */
export const findEvents = (ctx: RuleContext, reason: RegExp, message: RegExp = /./): EventFact[] =>
  ctx.events.filter(
    (event) =>
      reason.test(event.reason) &&
      message.test(event.message) &&
      (!event.container || !ctx.container || event.container === ctx.container.name),
  );

const EVIDENCE_CHARS = 200;
const clipEvidence = (text: string): string => clip(text, EVIDENCE_CHARS);

export const logEvidence = (line: LogLine): Evidence => ({
  line: line.line,
  text: clipEvidence(line.text),
  source: 'log',
});
export const eventEvidence = (event: EventFact): Evidence => ({
  line: null,
  text: clipEvidence(`${event.reason}: ${event.message}${event.count > 1 ? ` (x${event.count})` : ''}`),
  source: 'event',
});
export const specEvidence = (text: string): Evidence => ({ line: null, text: clipEvidence(text), source: 'spec' });
export const statusEvidence = (text: string): Evidence => ({ line: null, text: clipEvidence(text), source: 'status' });

/** Lines that mean the process itself failed (not a healthy log cut off by a kill). */
export const FATAL_LINE = /\b(?:fatal|panic|traceback|unhandled|uncaught|exception|segmentation fault|error:)/i;

export const hasFatalLine = (ctx: RuleContext): boolean =>
  ctx.log.lines.some(
    (line) =>
      line.level === 'fatal' || line.level === 'error' || line.level === 'critical' || FATAL_LINE.test(line.text),
  );

/** True when `path` is the mount path or below it. */
export const isUnder = (path: string, mountPath: string): boolean => {
  const base = mountPath.endsWith('/') ? mountPath.slice(0, -1) : mountPath;
  return path === base || path.startsWith(`${base}/`);
};

/** Absolute paths quoted in a log line (quoted first, bare after), without trailing punctuation. */
export const pathsIn = (text: string): string[] => {
  const found = new Set<string>();
  for (const match of text.matchAll(/['"`‘“](\/[^'"`‘’“”\s]*)['"`’”]/g)) if (match[1]) found.add(match[1]);
  for (const match of text.matchAll(/(?:^|[\s=(:])(\/[\w.@+-]+(?:\/[\w.@+-]*)*)/g)) {
    // Sentence punctuation after a bare path ("open /data/x.") is not part of it.
    const path = match[1] ? trimEndOf(match[1], '.,:;)') : undefined;
    if (path && path.length > 1) found.add(path);
  }
  return [...found];
};

/** The directory of a path; a path without an extension-like last segment is taken as a directory already. */
export const directoryOf = (path: string): string => {
  const last = path.split('/').pop() ?? '';
  if (!last.includes('.')) return path;
  const dir = path.slice(0, path.lastIndexOf('/'));
  return dir === '' ? '/' : dir;
};

/** True when the container runs as a non-root user according to its (merged) security context. */
export const runsAsNonRoot = (ctx: RuleContext): boolean => {
  const security = ctx.container?.security;
  if (!security) return false;
  if (security.runAsUser !== undefined) return security.runAsUser !== 0;
  return security.runAsNonRoot === true;
};

export const userDescription = (ctx: RuleContext): string => {
  const security = ctx.container?.security;
  if (security?.runAsUser !== undefined) return `runAsUser ${security.runAsUser}`;
  if (security?.runAsNonRoot) return 'runAsNonRoot: true';
  return 'the image user';
};

export const namespaceFor = (ctx: RuleContext): string => ctx.target.namespace ?? ctx.pod?.namespace ?? '<namespace>';
