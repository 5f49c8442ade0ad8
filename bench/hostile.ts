/**
 * Redaction on hostile input: one 256 KB line of each shape in test/text/hostile-shapes.ts, through
 * redact (no clipping: the worst case) and through sanitizeOutgoing (the one exit, which clips lines
 * first), plus a 4 MB log made of the secret and must-keep corpora. Run alone with
 * `node bench/run.ts hostile`.
 */
import { redact, sanitizeOutgoing } from '../src/text/outgoing.ts';
import { HOSTILE_UNITS, hostileLine } from '../test/text/hostile-shapes.ts';
import { KEEP_CORPUS } from '../test/text/keep-corpus.ts';
import { SECRET_CORPUS } from '../test/text/secret-corpus.ts';
import { type BenchRow, type BenchSection, median, round } from './types.ts';

const LINE_BYTES = 256 * 1024;
const TEXT_BYTES = 4 * 1024 * 1024;
const LINE_TARGET_MS = 50;
const TEXT_TARGET_MS = 1000;

const time = (run: () => unknown): number => {
  const start = performance.now();
  run();
  return performance.now() - start;
};
const medianOf = (runs: number, run: () => unknown): number => median(Array.from({ length: runs }, () => time(run)));

/** A 4 MB log: the corpora's lines, repeated in order. */
const realisticText = (): string => {
  const lines = [...SECRET_CORPUS.map((s) => s.line), ...KEEP_CORPUS];
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < TEXT_BYTES; i++) {
    const line = lines[i % lines.length] as string;
    parts.push(line);
    size += line.length + 1;
  }
  return parts.join('\n').slice(0, TEXT_BYTES);
};

export const bench = async (): Promise<BenchSection> => {
  const rows: BenchRow[] = [];
  for (const [name, unit] of Object.entries(HOSTILE_UNITS)) {
    const line = hostileLine(unit, LINE_BYTES);
    rows.push({
      name: `redact 256 KB ${name}`,
      value: round(
        medianOf(3, () => redact(line)),
        1,
      ),
      unit: 'ms',
      target: LINE_TARGET_MS,
    });
  }
  const all = Object.values(HOSTILE_UNITS).map((unit) => hostileLine(unit, LINE_BYTES));
  const worstClipped = Math.max(...all.map((line) => medianOf(3, () => sanitizeOutgoing(line))));
  rows.push({
    name: 'sanitizeOutgoing 256 KB, worst shape',
    value: round(worstClipped, 1),
    unit: 'ms',
    target: LINE_TARGET_MS,
  });
  const text = realisticText();
  rows.push({
    name: 'redact 4 MB log (corpora)',
    value: round(
      medianOf(3, () => redact(text)),
      1,
    ),
    unit: 'ms',
    target: TEXT_TARGET_MS,
  });
  rows.push({
    name: 'sanitizeOutgoing 4 MB log (corpora)',
    value: round(
      medianOf(3, () => sanitizeOutgoing(text)),
      1,
    ),
    unit: 'ms',
    target: TEXT_TARGET_MS,
  });
  const hostileText = all.join('\n').slice(0, TEXT_BYTES);
  rows.push({
    name: 'redact 4 MB of hostile lines',
    value: round(
      medianOf(3, () => redact(hostileText)),
      1,
    ),
    unit: 'ms',
    target: TEXT_TARGET_MS,
  });
  return { title: 'Redaction on hostile input (one 256 KB line per shape; 4 MB texts)', rows };
};
