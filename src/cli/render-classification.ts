/**
 * How `exitcode classify` shows a Classification: a JSON object (a contract: category, confidence,
 * title, evidence, nextSteps, alternatives, then exit and log) or a terminal report for a person.
 * Pure. Everything passes through redactDeep (idempotent, so twice is harmless) and, for the
 * terminal, control characters are removed so a hostile log cannot drive the terminal.
 */
import { exitHeadline } from '../diagnosis/exit-codes.ts';
import { neutralizeDisplay, redactDeep } from '../text/outgoing.ts';
import type { Classification, Evidence } from '../diagnosis/types.ts';

export interface ClassificationJson {
  category: string;
  confidence: number;
  title: string;
  evidence: { line: number | null; text: string }[];
  nextSteps: string[];
  alternatives: { category: string; confidence: number }[];
  exit: { code: number | null; reason: string | null; summary: string };
  log: {
    linesRead: number;
    bytesRead: number;
    totalBytes: number;
    truncated: boolean;
    binary: boolean;
    empty: boolean;
  };
}

const round = (value: number): number => Math.round(value * 1000) / 1000;

export const classificationJson = (classification: Classification): ClassificationJson => {
  const { best, alternatives, exit, log } = classification;
  return redactDeep({
    category: best.category,
    confidence: round(best.confidence),
    title: best.title,
    evidence: best.evidence.map((e) => ({ line: e.line, text: e.text })),
    nextSteps: best.nextSteps,
    alternatives: alternatives.map((a) => ({ category: a.category, confidence: round(a.confidence) })),
    exit: { code: exit.code, reason: exit.reason, summary: exit.summary },
    log: {
      linesRead: log.linesRead,
      bytesRead: log.bytesRead,
      totalBytes: log.totalBytes,
      truncated: log.truncated,
      binary: log.binary,
      empty: log.empty,
    },
  });
};

// Control characters, bidi overrides and zero-width characters become visible escapes (src/text/display.ts).
const clean = (text: string): string => neutralizeDisplay(text, { multiline: false });

const CODES = { bold: 1, dim: 2, red: 31, green: 32, yellow: 33, cyan: 36 } as const;
type Style = keyof typeof CODES;
type Paint = (style: Style, text: string) => string;

const painter =
  (color: boolean): Paint =>
  (style, text) =>
    color ? `\x1b[${CODES[style]}m${text}\x1b[0m` : text;

/** Words for a calibrated confidence: what a person should make of the number. */
export const confidenceWord = (confidence: number): string =>
  confidence >= 0.85 ? 'high' : confidence >= 0.6 ? 'medium' : 'low';

const where = (evidence: Evidence): string => (evidence.line !== null ? `line ${evidence.line}` : evidence.source);

export interface RenderClassificationInput {
  classification: Classification;
  color: boolean;
}

export const renderClassification = ({ classification, color }: RenderClassificationInput): string => {
  const paint = painter(color);
  const { best, alternatives, exit, log } = redactDeep(classification);
  const out: string[] = [];
  out.push(`${paint('bold', 'Exit')}      ${clean(exitHeadline(exit))}`);
  if (exit.detail) out.push(`          ${paint('dim', clean(exit.detail))}`);
  const tone: Style = best.confidence >= 0.85 ? 'red' : best.confidence >= 0.6 ? 'yellow' : 'cyan';
  const percent = `${Math.round(best.confidence * 100)}%`;
  out.push(
    `${paint('bold', 'Cause')}     ${paint(tone, clean(best.headline || best.title))} ${paint('dim', `[${best.category}, ${percent} confidence: ${confidenceWord(best.confidence)}]`)}`,
  );
  if (best.evidence.length > 0) {
    out.push(paint('bold', 'Evidence'));
    const width = Math.max(...best.evidence.map((e) => where(e).length));
    for (const e of best.evidence) out.push(`  ${paint('dim', where(e).padStart(width))}  ${clean(e.text)}`);
  }
  if (best.nextSteps.length > 0) {
    out.push(paint('bold', 'Next steps'));
    best.nextSteps.forEach((step, i) => {
      out.push(`  ${i + 1}. ${clean(step)}`);
    });
  }
  if (alternatives.length > 0) {
    out.push(paint('bold', 'Also possible'));
    for (const a of alternatives) {
      out.push(`  - ${a.category} (${Math.round(a.confidence * 100)}%): ${clean(a.headline || a.title)}`);
    }
  }
  const notes: string[] = [`${log.linesRead} log line${log.linesRead === 1 ? '' : 's'} read`];
  if (log.empty) notes.push('the log was empty');
  if (log.binary) notes.push('the log looked like binary data');
  if (log.truncated) notes.push(`only the last ${log.bytesRead} of ${log.totalBytes} bytes were read`);
  out.push(paint('dim', `(${notes.join('; ')})`));
  return `${out.join('\n')}\n`;
};
