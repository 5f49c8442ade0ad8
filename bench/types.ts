/** What a bench section reports: measured figures, each optionally against a target. */
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  /** The figure to meet, in the same unit. */
  target?: number;
  /** value / target when set by the section; computed by the harness otherwise. */
  ratio?: number;
  /** Whether the target is met; computed as value <= target when the section leaves it out. */
  ok?: boolean;
}

export interface BenchSection {
  title: string;
  rows: BenchRow[];
}

export const median = (values: number[]): number => percentile(values, 50);

export const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};

export const round = (value: number, digits = 3): number => Math.round(value * 10 ** digits) / 10 ** digits;
