/**
 * The investigator every caller gets: its diagnoses pass one bounded limiter (see limit.ts), whoever
 * asks: a slash command, a mention, a button, `summary`, a typed remediation, the remediation
 * follow-up loop or the scanner. Logs and events are single reads and stay outside the limit.
 */
import type { Limiter } from './limit.ts';
import type { Investigator } from './types.ts';

export const limitInvestigator = ({
  investigator,
  limiter,
}: {
  investigator: Investigator;
  limiter: Limiter;
}): Investigator => ({
  // Every other use case (logs, events, and any added later) passes through unchanged.
  ...investigator,
  diagnose: async (request) => {
    // Let the I/O already waiting (other people's commands to ack) go first: a burst is acked as a
    // burst, and its diagnoses start after, instead of each ack waiting behind the previous start.
    await new Promise<void>((resolve) => setImmediate(resolve));
    return limiter.run(() => investigator.diagnose(request));
  },
});
