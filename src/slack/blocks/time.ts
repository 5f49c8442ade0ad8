/**
 * Times in Slack (pure): `<!date^…>` tokens, so every reader sees their own time zone, with a UTC
 * fallback for clients and notifications that cannot format them, and relative times ("12 min ago").
 * The token is markup we build from a number: no cluster text ever enters it.
 */
import { timeAgo, timeOf } from '../../diagnosis/format.ts';

/** "2026-12-02 16:28 UTC": what a client that cannot format dates shows, and what plain text carries. */
export const utcFallback = (ms: number): string => {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
};

/** A Slack date token for an ISO time; the text as it came (escaped by the caller) when unparsable. */
export const slackDate = (iso: string | undefined): string | undefined => {
  const ms = timeOf(iso);
  if (ms === undefined) return undefined;
  const seconds = Math.floor(ms / 1000);
  return `<!date^${seconds}^{date_short_pretty} {time}|${utcFallback(ms)}>`;
};

/** "<!date^…|…> (12 min ago)": the absolute time each reader sees locally, and how long ago. */
export const when = ({ at, now }: { at: string | undefined; now: string | Date }): string | undefined => {
  const date = slackDate(at);
  if (!date) return undefined;
  const ago = timeAgo(at, now);
  return ago ? `${date} (${ago})` : date;
};

/** The same, as plain text for notification fallbacks and Markdown files. */
export const whenPlain = ({ at, now }: { at: string | undefined; now: string | Date }): string | undefined => {
  const ms = timeOf(at);
  if (ms === undefined) return undefined;
  const ago = timeAgo(at, now);
  return ago ? `${utcFallback(ms)} (${ago})` : utcFallback(ms);
};
