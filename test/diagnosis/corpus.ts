/**
 * Labelled crash-log corpora and how the classifier scores on them: top-1, top-3 and accuracy per
 * confidence band. Shared by the accuracy and regression tests and by `npm run bench`'s classify
 * section, so that each prints the same figures the same way.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { classifyText } from '../../src/diagnosis/engine.ts';
import { parseEventsText } from '../../src/diagnosis/events-text.ts';

/** The shape of ../shared/crashlogs/public.json, which every corpus here follows. */
export interface LabelledCase {
  id: string;
  runtime?: string;
  exit_code: number | null;
  reason: string | null;
  log: string;
  events: string | string[] | null;
  root_cause_category: string;
}

export interface ScoredCase {
  id: string;
  expected: string;
  /** The best answer then the alternatives, in order. */
  ranked: string[];
  confidence: number;
}

export interface Corpus {
  name: string;
  cases: LabelledCase[];
}

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
/** The real logs from public issue threads, beside the checkout (absent in a bare clone). */
export const SHARED_CRASHLOGS = fileURLToPath(new URL('../../../shared/crashlogs/', import.meta.url));
export const REGRESSION_CORPUS = `${FIXTURES}regression-corpus.json`;

export const readCorpus = (path: string): LabelledCase[] => JSON.parse(readFileSync(path, 'utf8')) as LabelledCase[];

/** public.json and public2.json when ../shared is there; null (and why) when it is not. */
export const sharedCorpora = (dir: string = SHARED_CRASHLOGS): { corpora: Corpus[] } | { absent: string } => {
  const names = ['public.json', 'public2.json'];
  const missing = names.filter((name) => !existsSync(`${dir}${name}`));
  if (missing.length > 0) return { absent: `${missing.join(', ')} not found in ${dir}` };
  return { corpora: names.map((name) => ({ name, cases: readCorpus(`${dir}${name}`) })) };
};

/** The fresh batches, in order: written and scored cold before the rules were changed for them. */
export const freshBatches = (): Corpus[] =>
  readdirSync(FIXTURES)
    .filter((file) => /^fresh-batch-\d+\.json$/.test(file))
    .sort((a, b) => Number(/\d+/.exec(a)?.[0]) - Number(/\d+/.exec(b)?.[0]))
    .map((file) => ({ name: file, cases: readCorpus(`${FIXTURES}${file}`) }));

export const classifyLabelled = (c: LabelledCase) =>
  classifyText({
    log: c.log,
    exitCode: c.exit_code,
    reason: c.reason,
    events: c.events && c.events.length > 0 ? parseEventsText(c.events) : [],
  });

export const scoreCases = (cases: readonly LabelledCase[]): ScoredCase[] =>
  cases.map((c) => {
    const { best, alternatives } = classifyLabelled(c);
    return {
      id: c.id,
      expected: c.root_cause_category,
      ranked: [best.category, ...alternatives.map((f) => f.category)],
      confidence: best.confidence,
    };
  });

export interface Score {
  cases: number;
  top1: number;
  top3: number;
}

export const summarize = (rows: readonly ScoredCase[]): Score => ({
  cases: rows.length,
  top1: rows.filter((r) => r.ranked[0] === r.expected).length / rows.length,
  top3: rows.filter((r) => r.ranked.slice(0, 3).includes(r.expected)).length / rows.length,
});

/** Confidence bands of the calibration table; the last is "confident", which must be almost always right. */
export const BANDS = [
  { label: '< 0.50', from: 0, to: 0.5 },
  { label: '0.50-0.70', from: 0.5, to: 0.7 },
  { label: '0.70-0.85', from: 0.7, to: 0.85 },
  { label: '>= 0.85', from: 0.85, to: Number.POSITIVE_INFINITY },
] as const;

export interface BandScore {
  label: string;
  cases: number;
  right: number;
}

export const calibration = (rows: readonly ScoredCase[]): BandScore[] =>
  BANDS.map((band) => {
    const inBand = rows.filter((r) => r.confidence >= band.from && r.confidence < band.to);
    return { label: band.label, cases: inBand.length, right: inBand.filter((r) => r.ranked[0] === r.expected).length };
  });

/** The misses, one per line, for assertion messages. */
export const misses = (rows: readonly ScoredCase[]): string =>
  rows
    .filter((r) => r.ranked[0] !== r.expected)
    .map((r) => `${r.id}: ${r.expected} -> ${r.ranked.slice(0, 3).join(' / ')} (${r.confidence})`)
    .join('\n');
