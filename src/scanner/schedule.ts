/** The part of node-cron the scanner uses, injectable so tests fire the jobs themselves. */
export type Scheduler = (
  expression: string,
  fn: () => Promise<unknown>,
  options: { noOverlap: boolean; name: string },
) => { stop(): void | Promise<void> };
