/**
 * Durations in settings: "15m", "900s", "1h", "250ms" or a bare number of seconds. People write all of
 * these in Kubernetes manifests, so we accept them all and work in milliseconds internally.
 */
const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Milliseconds, or undefined when the text is not a duration (callers name the setting in the error). */
export const parseDuration = (text: string): number | undefined => {
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?$/i.exec(text.trim());
  if (!match) return undefined;
  const value = Number(match[1]);
  const unit = UNITS[(match[2] ?? 's').toLowerCase()];
  if (unit === undefined || !Number.isFinite(value)) return undefined;
  return Math.round(value * unit);
};
