/**
 * `npm run bench`: runs every section in order and prints a table of measured figures with the ratio
 * to each target. It reports rather than gates: a missed target prints MISSED and the exit code stays
 * 0; only a section that crashes is shown as FAILED (and still does not stop the others).
 */
import type { BenchRow, BenchSection } from './types.ts';

/** The sections, in order. Each module exports `bench(): Promise<BenchSection>`. Adding one is one line. */
const SECTIONS: { name: string; load: () => Promise<{ bench: () => Promise<BenchSection> }> }[] = [
  { name: 'classify', load: () => import('./classify.ts') },
  { name: 'diagnose', load: () => import('./diagnose.ts') },
  { name: 'slack', load: () => import('./slack.ts') },
  { name: 'hostile', load: () => import('./hostile.ts') },
  { name: 'startup', load: () => import('./startup.ts') },
  { name: 'memory', load: () => import('./memory.ts') },
  { name: 'scanner', load: () => import('./scanner.ts') },
];

const format = (value: number): string =>
  Number.isInteger(value) ? String(value) : Math.abs(value) >= 100 ? value.toFixed(1) : value.toPrecision(3);

const complete = (row: BenchRow): BenchRow => {
  if (row.target === undefined) return row;
  const ratio = row.ratio ?? (row.target === 0 ? Number.NaN : row.value / row.target);
  return { ...row, ratio, ok: row.ok ?? row.value <= row.target };
};

export const renderSection = (section: BenchSection): string => {
  const rows = section.rows.map(complete);
  const cells = rows.map((row) => [
    row.name,
    `${format(row.value)} ${row.unit}`,
    row.target === undefined ? '' : `${format(row.target)} ${row.unit}`,
    row.ratio === undefined ? '' : `${format(row.ratio)}x`,
    row.ok === undefined ? '' : row.ok ? 'ok' : 'MISSED',
  ]);
  const header = ['measure', 'value', 'target', 'ratio', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: string[]): string =>
    c
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [`## ${section.title}`, line(header), ...cells.map(line), ''].join('\n');
};

const main = async (): Promise<void> => {
  const only = process.argv.slice(2);
  let missed = 0;
  for (const { name, load } of SECTIONS) {
    if (only.length > 0 && !only.includes(name)) continue;
    try {
      const section = await (await load()).bench();
      missed += section.rows.map(complete).filter((row) => row.ok === false).length;
      console.log(renderSection(section));
    } catch (error) {
      console.log(`## ${name}\nFAILED: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }
  console.log(missed === 0 ? 'All targets met.' : `${missed} target(s) MISSED (reported, not gated).`);
};

if (import.meta.main) await main();
