/**
 * Small pure helpers shared by the log-reading rules (not a rule itself). They keep every rule's
 * evidence, negatives (help text, warnings, a retry that later succeeded) and next steps consistent.
 */
import { kubectl } from '../kubectl.ts';
import type { RuleContext } from '../rule.ts';
import { type CategoryId, TAXONOMY } from '../taxonomy.ts';
import type { Evidence, Finding, LogLine } from '../types.ts';
import { clip } from '../format.ts';
import { joinedText, mayMatch } from './signature-prefilter.ts';

/** Lines that describe options rather than report a failure (usage/help output). */
const HELP_LINE = /^\s{0,8}(?:-{1,2}[A-Za-z]|usage:|Usage:|USAGE:|options:|Options:)/;

/** A later line that shows the process got past the failure (a retry that succeeded). */
export const RECOVERED =
  /\b(?:[Cc]onnected (?:to|successfully)|[Ss]uccessfully connected|[Cc]onnection (?:established|restored)|[Ll]istening (?:on|at)|[Rr]eady to accept connections|[Ss]erver (?:started|is ready|running)|[Ss]tarted (?:server|application)|Application started|ready for connections|(?:[Dd]atabase|DB|db|pg|[Pp]ostgres(?:QL|ql)?|MySQL|mysql|MariaDB|mariadb|[Rr]edis|[Vv]alkey|RabbitMQ|rabbitmq|amqp|NATS|nats|[Kk]afka|MongoDB?|mongo(?:db)?|[Ee]lasticsearch|[Bb]roker|[Cc]ache)(?: client| connection| pool| consumer| producer)? (?:is )?(?:available|ready|up|connected)\b|\bis available after \d|Running migrations:)/;

// Numbered or bulleted advice after the error ("1. Ensuring your database is available and that you can
// connect to it", Ecto's DBConnection help) describes a fix; it is not a later successful connection.
const ADVICE = /^\s{0,8}(?:\d{1,2}[.)]|[-*•]) |\b(?:[Ee]nsur(?:e|ing)|[Mm]ake sure|[Cc]heck that|[Vv]erify that)\b/;

// A pasted log may hold several `kubectl logs` outputs (the app, then its sidecar): the lines after the next
// such command are another container's, so they cannot show this one recovered.
const ANOTHER_LOG_SECTION = /^\s{0,8}\$ {1,4}kubectl {1,4}logs\b/;

const isQuiet = (line: LogLine): boolean =>
  line.level === 'warn' || line.level === 'info' || line.level === 'debug' || line.level === 'trace';

/** True when a line after `line` shows the process recovered (connected, listening, ready). */
export const recoveredAfter = (ctx: RuleContext, line: LogLine): boolean => {
  const lines = ctx.log.lines;
  const start = lines.indexOf(line);
  for (let i = start + 1; i < lines.length; i++) {
    const candidate = lines[i]!;
    if (ANOTHER_LOG_SECTION.test(candidate.text)) return false;
    if (
      candidate.line > line.line &&
      RECOVERED.test(candidate.text) &&
      // Advice ("stop the process that's listening on port 8080") is not a recovery.
      !/\b(?:fail|error|unable|could not|cannot|stop|in use)/i.test(candidate.text) &&
      !ADVICE.test(candidate.text)
    ) {
      return true;
    }
  }
  return false;
};

const EVIDENCE_CHARS = 300;

/** Evidence from log lines: deduplicated by line+text, in log order, at most `max`. */
export const logEvidence = (lines: readonly (LogLine | undefined)[], max = 5): Evidence[] => {
  const seen = new Set<string>();
  const out: Evidence[] = [];
  const sorted = lines.filter((l): l is LogLine => l !== undefined).sort((a, b) => a.line - b.line);
  for (const line of sorted) {
    const key = `${line.line}\u0000${line.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ line: line.line, text: clip(line.text.trim(), EVIDENCE_CHARS), source: 'log' });
    if (out.length >= max) break;
  }
  return out;
};

/** Evidence from the exit code / reason, for rules that can speak without a log. */
export const statusEvidence = (ctx: RuleContext): Evidence[] => {
  if (ctx.exitCode === null && !ctx.reason) return [];
  const parts = [ctx.exitCode !== null ? `exit code ${ctx.exitCode}` : '', ctx.reason ? `reason ${ctx.reason}` : ''];
  return [{ line: null, text: `${parts.filter(Boolean).join(', ')}: ${ctx.exit.summary}`, source: 'status' }];
};

export interface FindingInput {
  ruleId: string;
  category: CategoryId;
  title: string;
  confidence: number;
  evidence: Evidence[];
  /** Rule-specific steps; the previous-log command and the taxonomy hint are added around them. */
  steps?: string[];
}

/**
 * Builds a finding with consistent next steps: rule steps, then the full log. The taxonomy's generic
 * hint is added only when the rule has fewer than two steps of its own, which already say it better.
 */
export const finding = (ctx: RuleContext, input: FindingInput): Finding => {
  const steps = input.steps ?? [];
  return {
    ruleId: input.ruleId,
    category: input.category,
    title: input.title,
    confidence: Math.max(0, Math.min(0.99, input.confidence)),
    evidence: input.evidence,
    nextSteps: [
      ...steps,
      ...(steps.length < 2 ? [TAXONOMY[input.category].hint] : []),
      `Read the full log: ${kubectl.previousLogs(ctx.target)}`,
    ],
  };
};

// ---------------------------------------------------------------- signatures

/** One way a cause shows in a log: every pattern must match the same line. */
export interface Signature {
  all: readonly RegExp[];
  confidence: number;
  /** What this signature means, for the finding's title. */
  title: string;
  /** The line is not evidence when this matches too (a more specific cause owns it). */
  not?: RegExp;
  /** The message is itself a warning (a platform mismatch notice): do not discount warning lines. */
  warningIsEvidence?: boolean;
}

export interface SignatureHit {
  signature: Signature;
  /** The first line of the strongest signature. */
  line: LogLine;
  /** Every line any signature matched, in log order (evidence). */
  lines: LogLine[];
  confidence: number;
  /** True when the line came from the status message rather than the log. */
  fromStatus: boolean;
}

export interface SignatureOptions {
  /** Skip the finding when a later line shows the process recovered (connection errors, retries). */
  recoverable?: boolean;
  /** Also read the termination/waiting message (runtime errors such as exec failures land there). */
  status?: boolean;
}

/** Line number 0 marks the status message, so evidence can say where it came from. */
const statusLine = (ctx: RuleContext): LogLine | undefined =>
  ctx.message ? { line: 0, text: ctx.message } : undefined;

// Runtime start failures (exec errors) reach users as Failed events when the status message is gone:
// containerd's "OCI runtime create failed", CRI-O's "container create failed: ... unable to start
// container process". A probe's own exec failing ("Liveness probe failed: OCI runtime exec failed") is
// the probe's problem.
const PROBE_EVENT = /\b(?:Liveness|Readiness|Startup) probe (?:failed|errored)/;
const START_FAILURE =
  /OCI runtime|failed to (?:create|start) (?:container|shim|containerd task)|\bStartError\b|RunContainerError|container create failed|unable to start container process/;

/** The status message plus the messages of start-failure events, all as line 0. */
export const statusLines = (ctx: RuleContext): LogLine[] => {
  const status = statusLine(ctx);
  const events = ctx.events
    .filter((e) => START_FAILURE.test(e.message) && !PROBE_EVENT.test(e.message) && e.message !== ctx.message)
    .slice(0, 5)
    .map((e) => ({ line: 0, text: e.message }));
  return status ? [status, ...events] : events;
};

const matches = (signature: Signature, line: LogLine): boolean =>
  signature.all.every((pattern) => pattern.test(line.text)) &&
  !signature.not?.test(line.text) &&
  !HELP_LINE.test(line.text);

/**
 * Finds the strongest signature in the log. A match only on warning-level lines counts half: a warning
 * is often a retry, not the crash. A later recovery (connected, listening) voids recoverable causes.
 */
export const matchSignatures = (
  ctx: RuleContext,
  signatures: readonly Signature[],
  options: SignatureOptions = {},
): SignatureHit | null => {
  const status = options.status ? statusLines(ctx) : [];
  const lines = status.length > 0 ? [...ctx.log.lines, ...status] : ctx.log.lines;
  const joined =
    status.length > 0
      ? [joinedText(ctx.log.lines), ...status.map((l) => l.text)].join('\n')
      : joinedText(ctx.log.lines);
  let best: { signature: Signature; line: LogLine; confidence: number } | null = null;
  const evidence: LogLine[] = [];
  for (const signature of signatures) {
    if (!mayMatch(signature.all, joined)) continue;
    let first: LogLine | undefined;
    let loud = false;
    for (const line of lines) {
      if (!matches(signature, line)) continue;
      if (!evidence.includes(line)) evidence.push(line);
      first ??= line;
      if (signature.warningIsEvidence || !isQuiet(line)) {
        if (!loud) first = line;
        loud = true;
      }
    }
    if (!first) continue;
    const confidence = loud ? signature.confidence : signature.confidence * 0.5;
    if (!best || confidence > best.confidence) best = { signature, line: first, confidence };
  }
  if (!best) return null;
  const last = evidence
    .filter((l) => l.line > 0)
    .sort((a, b) => a.line - b.line)
    .at(-1);
  if (options.recoverable && last && recoveredAfter(ctx, last)) return null;
  return { ...best, lines: evidence, fromStatus: best.line.line === 0 };
};

/** Evidence for a hit: the strongest line first in log order with the others, status message last. */
export const hitEvidence = (hit: SignatureHit, extra: readonly (LogLine | undefined)[] = [], max = 5): Evidence[] => {
  const logLines = [hit.line, ...extra, ...hit.lines].filter((l): l is LogLine => l !== undefined && l.line > 0);
  const evidence = logEvidence(
    // The strongest line must survive the cut to `max`.
    [hit.line.line > 0 ? hit.line : undefined, ...logLines.filter((l) => l !== hit.line).slice(0, max - 1)],
    max,
  );
  const status = [hit.line, ...hit.lines].find((l) => l.line === 0);
  if (status && evidence.length < max)
    evidence.push({ line: null, text: clip(status.text, EVIDENCE_CHARS), source: 'status' });
  return evidence;
};

export interface SignatureRuleInput {
  id: string;
  category: CategoryId;
  signatures: readonly Signature[];
  /** Rule-specific next steps (kubectl commands filled with the target). */
  steps: (ctx: RuleContext, hit: SignatureHit) => string[];
  options?: SignatureOptions;
  /** Adjusts the confidence with what the signature cannot see (exit code, reason, other lines). */
  adjust?: (ctx: RuleContext, hit: SignatureHit) => number;
  /** Other lines that back the finding (a printed setting the signature cannot see), as evidence. */
  evidence?: (ctx: RuleContext, hit: SignatureHit) => (LogLine | undefined)[];
}

/** Most log rules are a list of signatures plus next steps: this builds such a rule. */
export const signatureRule = (input: SignatureRuleInput) => ({
  id: input.id,
  match: (ctx: RuleContext): Finding | null => {
    const hit = matchSignatures(ctx, input.signatures, input.options);
    if (!hit) return null;
    const confidence = input.adjust ? input.adjust(ctx, hit) : hit.confidence;
    if (confidence <= 0) return null;
    return finding(ctx, {
      ruleId: input.id,
      category: input.category,
      title: hit.signature.title,
      confidence,
      evidence: hitEvidence(hit, input.evidence?.(ctx, hit)),
      steps: input.steps(ctx, hit),
    });
  },
});
