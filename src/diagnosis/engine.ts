/**
 * The classifier: runs every rule over the crash facts, ranks what they found and answers with the best
 * cause plus alternatives. It is pure. A rule that throws is skipped (one bad rule must not hide the
 * others), and everything that leaves it passes through redact() because log lines carry secrets.
 */
import { priorsFor, rivalsOf, type WeakClue, weakClues, weakGuess } from './alternatives.ts';
import { explainExit, exitHeadline } from './exit-codes.ts';
import { kubectl } from './kubectl.ts';
import { errorLooking } from './log-levels.ts';
import { scanLog } from './log-scan.ts';
import { redact } from '../text/outgoing.ts';
import type { Rule, RuleContext } from './rule.ts';
import { RULES } from './rules/index.ts';
import type { Classification, CrashFacts, EventFact, Evidence, Finding, Target } from './types.ts';
import { clip } from './format.ts';
import { subjectOf } from './subject.ts';

/** How many alternatives are returned besides the best finding. */
const MAX_ALTERNATIVES = 3;
/** Two findings closer than this are a toss-up: the best one must not sound sure. */
const CLOSE_CALL = 0.1;
const CLOSE_CALL_PENALTY = 0.08;
/** Causes that say when a crash began rather than why: they add context to a rival cause, not doubt. */
const CONTEXT_CATEGORIES: ReadonlySet<string> = new Set(['bad_rollout']);

const EVIDENCE_CHARS = 300;

/** Reasons for a container whose process never ran: an empty log is expected there, not a clue. */
const NEVER_RAN: ReadonlySet<string> = new Set([
  'ImagePullBackOff',
  'ErrImagePull',
  'InvalidImageName',
  'CreateContainerConfigError',
  'CreateContainerError',
  'ContainerCreating',
  'PodInitializing',
  'StartError',
  'ContainerCannotRun',
  'RunContainerError',
]);

/** What to say about the log itself when it cannot be quoted. */
const logNote = (ctx: RuleContext): Evidence | null => {
  if (ctx.log.empty && ctx.reason && NEVER_RAN.has(ctx.reason)) return null;
  if (ctx.logUnreadable)
    return { line: null, text: `The container log could not be read: ${ctx.logUnreadable}.`, source: 'log' };
  if (ctx.log.empty) {
    return {
      line: null,
      text: ctx.log.binary
        ? 'The log held only binary data, with no readable text.'
        : 'The container log was empty: the process wrote nothing before it stopped.',
      source: 'log',
    };
  }
  if (ctx.log.binary) {
    return {
      line: null,
      text: 'The log looks like binary data; only its printable fragments were read.',
      source: 'log',
    };
  }
  return null;
};

/** The answer when no rule matched: the exit meaning and the last error-looking lines. */
const fallback = (ctx: RuleContext): Finding => {
  const errors = ctx.log.lines.filter(errorLooking).slice(-5);
  const quoted = errors.length > 0 ? errors : ctx.log.lines.slice(-3);
  const evidence: Evidence[] = quoted.map((l) => ({
    line: l.line,
    text: clip(l.text.trim(), EVIDENCE_CHARS),
    source: 'log',
  }));
  const known = ctx.exitCode !== null || ctx.reason;
  if (known) evidence.push({ line: null, text: exitHeadline(ctx.exit), source: 'status' });
  return {
    ruleId: 'engine-fallback',
    category: 'unknown',
    title: known
      ? `No known cause found; ${exitHeadline(ctx.exit)}`
      : 'No known cause found in the log, and no exit code or reason was given',
    confidence: 0.2,
    evidence,
    nextSteps: [
      `Read the full previous log: ${kubectl.previousLogs(ctx.target)}`,
      `Check the pod's events and state: ${kubectl.describePod(ctx.target)}`,
    ],
  };
};

/**
 * No rule matched: a guess from weak words if the log has any, quoting the same last error-looking
 * lines and exit meaning as `unknown` would, so the reader sees what the guess rests on.
 */
const guessOrFallback = (clues: readonly WeakClue[], ctx: RuleContext): Finding => {
  const unknown = fallback(ctx);
  const guess = weakGuess(clues, ctx);
  if (!guess) return unknown;
  const quoted = unknown.evidence.filter((e) => e.source === 'log').slice(-3);
  const status = unknown.evidence.filter((e) => e.source === 'status');
  return {
    ...guess,
    evidence: distinctEvidence([...guess.evidence.filter((e) => e.source === 'log'), ...quoted, ...status]),
    nextSteps: [...guess.nextSteps, ...unknown.nextSteps.slice(1)],
  };
};

/** The same text quoted twice (a JSON line and its unpacked error, a repeated message) proves nothing more. */
const distinctEvidence = (evidence: Evidence[]): Evidence[] => {
  const seen = new Set<string>();
  return evidence.filter((e) => {
    const key = e.text.trim();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

const redactFinding = (finding: Finding): Finding => ({
  ...finding,
  title: redact(finding.title),
  ...(finding.subject === undefined ? {} : { subject: redact(finding.subject) }),
  headline: redact(finding.headline ?? finding.title),
  evidence: finding.evidence.map((e) => ({ ...e, text: redact(e.text) })),
  nextSteps: finding.nextSteps.map(redact),
});

/** The subject the evidence names and a headline built around it ("STRIPE_API_KEY is not set"). */
const withSubject = (finding: Finding, ctx: RuleContext): Finding => {
  const named = subjectOf(finding, ctx);
  return named
    ? { ...finding, subject: named.subject, headline: named.headline }
    : { ...finding, headline: finding.title };
};

/**
 * Fills the free alternative slots: an uncertain rule's answer gets the causes logs do not separate from
 * it; when no rule matched (`clues` given), the guess or `unknown` gets the likeliest causes from the
 * exit code and weak words. Never a repeat.
 */
const withRivals = (
  best: Finding,
  alternatives: Finding[],
  ctx: RuleContext,
  clues: readonly WeakClue[] | null,
): Finding[] => {
  const extra = clues ? priorsFor(clues, ctx) : rivalsOf(best, ctx);
  const seen = new Set([best.category, ...alternatives.map((f) => f.category)]);
  const out = [...alternatives];
  for (const finding of extra) {
    if (out.length >= MAX_ALTERNATIVES) break;
    if (seen.has(finding.category)) continue;
    seen.add(finding.category);
    out.push(finding);
  }
  return out;
};

const runRules = (ctx: RuleContext, rules: readonly Rule[]): { finding: Finding; order: number }[] => {
  const found: { finding: Finding; order: number }[] = [];
  rules.forEach((rule, order) => {
    try {
      const finding = rule.match(ctx);
      if (finding && Number.isFinite(finding.confidence)) found.push({ finding, order });
    } catch {
      // A broken rule is skipped: the other rules' answers are still worth giving.
    }
  });
  return found;
};

export const classify = (facts: CrashFacts, target: Target = {}, rules: readonly Rule[] = RULES): Classification => {
  const exit = explainExit(facts.exitCode, facts.reason, facts.message);
  const ctx: RuleContext = { ...facts, exit, target };
  const ranked = runRules(ctx, rules).sort((a, b) => b.finding.confidence - a.finding.confidence || a.order - b.order);
  // Keep the best finding per category: two rules agreeing is not two causes.
  const seen = new Set<string>();
  const unique: Finding[] = [];
  for (const { finding } of ranked) {
    if (seen.has(finding.category)) continue;
    seen.add(finding.category);
    unique.push({ ...finding, evidence: distinctEvidence(finding.evidence), nextSteps: [...finding.nextSteps] });
  }
  // Read only when no rule matched: the guess and its alternatives come from the same clues.
  const clues = unique.length === 0 ? weakClues(ctx) : null;
  const best = unique[0] ?? guessOrFallback(clues ?? [], ctx);
  const found = unique.slice(1, 1 + MAX_ALTERNATIVES);
  const runnerUp = found.find((finding) => !CONTEXT_CATEGORIES.has(finding.category));
  if (runnerUp && best.confidence - runnerUp.confidence < CLOSE_CALL) {
    best.confidence = Math.max(runnerUp.confidence, best.confidence - CLOSE_CALL_PENALTY);
  }
  // Rivals and priors only fill free slots: they never make a rule's answer sound less sure.
  const alternatives = withRivals(best, found, ctx, clues);
  const note = logNote(ctx);
  if (note && !best.evidence.some((e) => e.source === 'log' && e.line === null)) best.evidence.push(note);
  const { lines, ...logMeta } = facts.log;
  return {
    best: redactFinding(withSubject(best, ctx)),
    alternatives: alternatives.map((finding) => redactFinding(withSubject(finding, ctx))),
    exit: { ...exit, summary: redact(exit.summary), detail: redact(exit.detail) },
    log: { ...logMeta, linesRead: lines.length },
  };
};

export interface ClassifyTextInput {
  log: string | Uint8Array;
  exitCode: number | null;
  reason: string | null;
  message?: string | null;
  events?: EventFact[];
}

/** Classifies raw inputs (a log as text or bytes): what the CLI and most tests need. */
export const classifyText = (input: ClassifyTextInput, target: Target = {}, rules: readonly Rule[] = RULES) =>
  classify(
    {
      exitCode: input.exitCode,
      reason: input.reason,
      message: input.message ?? null,
      log: scanLog(input.log),
      events: input.events ?? [],
    },
    target,
    rules,
  );
