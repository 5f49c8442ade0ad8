/**
 * The classifier's figures: top-1 and top-3 on ../shared/crashlogs/public.json and public2.json, each on
 * its own; a calibration table (how often the best answer is right per confidence band, over every
 * labelled case there is: public, public2, the regression corpus and the fresh batches); classify time
 * per case; the worst 1 MiB single-line hostile log; a 50 MiB log against a log of exactly the byte
 * bound; and the process's memory afterwards. Without ../shared, the public rows are skipped with one
 * line saying why and the rest still runs. Run alone with `node bench/classify.ts`.
 */
import { classifyText } from '../src/diagnosis/engine.ts';
import { LOG_BOUNDS } from '../src/diagnosis/log-scan.ts';
import {
  type Corpus,
  calibration,
  classifyLabelled,
  freshBatches,
  REGRESSION_CORPUS,
  readCorpus,
  type ScoredCase,
  scoreCases,
  sharedCorpora,
  summarize,
} from '../test/diagnosis/corpus.ts';
import { type BenchRow, type BenchSection, median, percentile, round } from './types.ts';

const TOP1_TARGET = 0.93;
const CONFIDENT_TARGET = 0.97;
const REPEATS = 5;
const MIB = 1024 * 1024;

const fill = (unit: string, bytes: number): string => unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);

/** Shapes that hurt regex engines and parsers, each as one 1 MiB line. */
const HOSTILE: Record<string, string> = {
  'a*': 'a',
  'ESC[*': '\x1b[',
  '{"*': '{"',
  'spaces+tabs': ' \t',
  'Error: *': 'Error: ',
  'a.a.*': 'a.',
  'password=*': 'password=',
  'at frames': '    at x (/app/a.js:1:1)',
  backslash: '\\',
  NUL: '\0',
};

const time = (run: () => unknown): number => {
  const start = performance.now();
  run();
  return performance.now() - start;
};

/** Median of a few runs: one run of a 1 MiB input is noisy on a shared machine. */
const medianOf = (runs: number, run: () => unknown): number => median(Array.from({ length: runs }, () => time(run)));

export const bench = async (): Promise<BenchSection> => {
  const rows: BenchRow[] = [];

  // Accuracy on the real logs, each file on its own.
  const shared = sharedCorpora();
  const corpora: Corpus[] = [
    ...('corpora' in shared ? shared.corpora : []),
    { name: 'regression-corpus.json', cases: readCorpus(REGRESSION_CORPUS) },
    ...freshBatches(),
  ];
  const scored = new Map<string, ScoredCase[]>(corpora.map((c) => [c.name, scoreCases(c.cases)]));
  for (const name of ['public.json', 'public2.json']) {
    const rows_ = scored.get(name);
    if (!rows_) continue;
    const { top1, top3, cases } = summarize(rows_);
    rows.push({
      name: `${name}: top-1 (${Math.round(top1 * cases)}/${cases})`,
      value: round(top1),
      unit: '',
      target: TOP1_TARGET,
      ratio: round(top1 / TOP1_TARGET),
      ok: top1 >= TOP1_TARGET,
    });
    rows.push({ name: `${name}: top-3 (${Math.round(top3 * cases)}/${cases})`, value: round(top3), unit: '' });
  }

  // Calibration: how often the best answer is right, per confidence band, over everything labelled.
  const everything = [...scored.values()].flat();
  for (const band of calibration(everything)) {
    const accuracy = band.cases === 0 ? 0 : band.right / band.cases;
    const confident = band.label.startsWith('>=');
    rows.push({
      name: `calibration, confidence ${band.label}: right (${band.right}/${band.cases}, ${everything.length} cases of ${scored.size} corpora)`,
      value: round(accuracy),
      unit: '',
      ...(confident
        ? { target: CONFIDENT_TARGET, ratio: round(accuracy / CONFIDENT_TARGET), ok: accuracy >= CONFIDENT_TARGET }
        : {}),
    });
  }

  // Time per case over every labelled case (the public ones included when present).
  const allCases = corpora.flatMap((c) => c.cases);
  for (const c of allCases) classifyLabelled(c); // warm-up
  const perCase: number[] = [];
  for (let i = 0; i < REPEATS; i++) for (const c of allCases) perCase.push(time(() => classifyLabelled(c)));
  rows.push({
    name: `classify time per case, median (${perCase.length} runs over ${allCases.length} cases)`,
    value: round(median(perCase)),
    unit: 'ms',
    target: 2,
  });
  rows.push({ name: 'classify time per case, p95', value: round(percentile(perCase, 95)), unit: 'ms' });

  // The worst 1 MiB single-line hostile log.
  let worst = { name: '', ms: 0 };
  for (const [name, unit] of Object.entries(HOSTILE)) {
    const log = fill(unit, MIB);
    const ms = medianOf(7, () => classifyText({ log, exitCode: 1, reason: 'Error' }));
    if (ms > worst.ms) worst = { name, ms };
  }
  rows.push({
    name: `1 MiB single-line log, worst of ${Object.keys(HOSTILE).length} shapes ("${worst.name}")`,
    value: round(worst.ms, 2),
    unit: 'ms',
    target: 50,
  });

  // 50 MiB against exactly the bound: only the tail may be read, so both should cost the same.
  const noise = '2026-11-25T10:00:00.000Z INFO request served path=/api/v1/items status=200 duration=3ms\n';
  const crash = "Error: Cannot find module 'express'\n";
  const huge = Buffer.from(fill(noise, 50 * MIB) + crash);
  const atBound = huge.subarray(huge.length - LOG_BOUNDS.maxBytes);
  classifyText({ log: atBound, exitCode: 1, reason: 'Error' }); // warm-up
  // Interleaved, so that a GC pause or a busy neighbour weighs on both sides alike.
  const boundRuns: number[] = [];
  const hugeRuns: number[] = [];
  for (let run = 0; run < 9; run += 1) {
    boundRuns.push(time(() => classifyText({ log: atBound, exitCode: 1, reason: 'Error' })));
    hugeRuns.push(time(() => classifyText({ log: huge, exitCode: 1, reason: 'Error' })));
  }
  const boundMs = median(boundRuns);
  const hugeMs = median(hugeRuns);
  const hugeResult = classifyText({ log: huge, exitCode: 1, reason: 'Error' });
  rows.push({
    name: `log of exactly the bound (${LOG_BOUNDS.maxBytes / 1024} KiB)`,
    value: round(boundMs, 2),
    unit: 'ms',
  });
  rows.push({ name: '50 MiB log', value: round(hugeMs, 2), unit: 'ms', target: round(boundMs * 1.5, 2) });
  rows.push({
    name: '50 MiB log, bytes read',
    value: hugeResult.log.bytesRead,
    unit: 'B',
    target: LOG_BOUNDS.maxBytes,
  });
  rows.push({
    name: '50 MiB log, still finds the crash at its end',
    value: hugeResult.best.category === 'missing_dependency' ? 1 : 0,
    unit: '',
    target: 1,
    ok: hugeResult.best.category === 'missing_dependency',
  });

  const memory = process.memoryUsage();
  rows.push({ name: 'process RSS after the runs (50 MiB input held)', value: round(memory.rss / MIB, 1), unit: 'MiB' });
  rows.push({ name: 'V8 heap used', value: round(memory.heapUsed / MIB, 1), unit: 'MiB' });
  const title = 'exitcode classify (pure classifier)';
  return {
    title: 'absent' in shared ? `${title}\nskipped public.json/public2.json accuracy: ${shared.absent}` : title,
    rows,
  };
};

if (import.meta.main) {
  const { renderSection } = await import('./run.ts');
  console.log(renderSection(await bench()));
}
