/**
 * The classifier's figures: top-1 accuracy on ../shared/crashlogs/public.json, classify time per case,
 * the worst 1 MiB single-line hostile log, a 50 MiB log against a log of exactly the byte bound, and
 * the process's memory afterwards. Run alone with `node bench/classify.ts`.
 */
import { readFileSync } from 'node:fs';
import { classifyCase, readCases } from '../src/cli/classify-input.ts';
import { classifyText } from '../src/diagnosis/engine.ts';
import { LOG_BOUNDS } from '../src/diagnosis/log-scan.ts';
import { type BenchRow, type BenchSection, median, percentile, round } from './types.ts';

const PUBLIC_CASES = new URL('../../shared/crashlogs/public.json', import.meta.url);
const REPEATS = 50;
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

  // Accuracy and per-case time on the public cases.
  const cases = readCases(readFileSync(PUBLIC_CASES, 'utf8'), 'public.json');
  const right = cases.filter((c) => classifyCase(c).best.category === c.root_cause_category).length;
  const accuracy = right / cases.length;
  rows.push({
    name: `top-1 accuracy (${right}/${cases.length} public cases)`,
    value: round(accuracy),
    unit: '',
    target: 0.9,
    ratio: round(accuracy / 0.9),
    ok: accuracy >= 0.9,
  });
  for (const c of cases) classifyCase(c); // warm-up
  const perCase: number[] = [];
  for (let i = 0; i < REPEATS; i++) for (const c of cases) perCase.push(time(() => classifyCase(c)));
  rows.push({
    name: `classify time per case, median (${perCase.length} runs)`,
    value: round(median(perCase)),
    unit: 'ms',
    target: 2,
  });
  rows.push({ name: 'classify time per case, p95', value: round(percentile(perCase, 95)), unit: 'ms' });

  // The worst 1 MiB single-line hostile log.
  let worst = { name: '', ms: 0 };
  for (const [name, unit] of Object.entries(HOSTILE)) {
    const log = fill(unit, MIB);
    const ms = medianOf(3, () => classifyText({ log, exitCode: 1, reason: 'Error' }));
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
  return { title: 'exitcode classify (pure classifier)', rows };
};

if (import.meta.main) {
  const { renderSection } = await import('./run.ts');
  console.log(renderSection(await bench()));
}
