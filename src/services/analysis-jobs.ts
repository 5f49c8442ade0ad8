/**
 * The CPU-heavy jobs the bot runs off its event loop (analysis-pool.ts). Each is the same pure function
 * the CLI calls in-process: buildDiagnosis from src/diagnosis, redaction from src/text. A worker thread
 * and the in-process runner call exactly these, so their results are equal by construction.
 */
import { type BuildDiagnosisInput, buildDiagnosis } from '../diagnosis/diagnose-pod.ts';
import type { Diagnosis } from '../diagnosis/types.ts';
import { clipLines, redact, redactDeep, sanitizeOutgoing } from '../text/outgoing.ts';

export interface LogLinesInput {
  /** The log as read from the API server (already bounded in bytes by the read). */
  raw: string;
  /** Keep the last this many lines. */
  tailLines: number;
}

export interface AnalysisJobs {
  /** Classify a gathered pod and redact everything in the result. */
  diagnose(input: BuildDiagnosisInput): Diagnosis;
  /** The last lines of a log, each clipped, the kept text redacted as a whole (a PEM block is one secret). */
  logLines(input: LogLinesInput): string[];
  /** The one exit for text (clip, redact, neutralise) over a large text, e.g. a whole log to upload. */
  sanitize(text: string): string;
}

export type JobName = keyof AnalysisJobs;

export const analysisJobs: AnalysisJobs = {
  diagnose: (input) => redactDeep(buildDiagnosis(input)),
  logLines: ({ raw, tailLines }) => {
    const lines = raw.split('\n');
    if (lines.at(-1) === '') lines.pop();
    const kept = lines.slice(-Math.max(1, tailLines));
    if (kept.length === 0) return [];
    return redact(clipLines(kept.join('\n'))).split('\n');
  },
  sanitize: (text) => sanitizeOutgoing(text),
};
