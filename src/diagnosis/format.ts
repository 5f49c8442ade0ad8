/**
 * Small text and time formatting shared by the rules, the engine and every renderer, so that a
 * confidence, a cut line or a duration reads the same in the terminal, in Slack and in a prompt.
 */

/** Cut to max characters (code points are not split), ending with an ellipsis when cut. */
export const clip = (text: string, max: number): string => {
  if (text.length <= max) return text;
  let out = text.slice(0, Math.max(0, max - 1));
  // Slicing may have split a surrogate pair: drop the dangling high half.
  if (/[\uD800-\uDBFF]$/.test(out)) out = out.slice(0, -1);
  return `${out}…`;
};

/**
 * Drops every trailing character found in `chars` ("open /data/x." -> "open /data/x"). A loop, not
 * /[.,]+$/: an unanchored run before `$` is retried from every start, quadratic on a long run.
 */
export const trimEndOf = (text: string, chars: string): string => {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1] ?? '')) end -= 1;
  return text.slice(0, end);
};

/** 0.934 -> "93%". */
export const percent = (confidence: number): string => `${Math.round(confidence * 100)}%`;

/** Milliseconds since the epoch for an ISO time, or undefined when missing or unparsable. */
export const timeOf = (iso: string | undefined): number | undefined => {
  if (!iso) return undefined;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
};

/** "40 s", "13 min", "2 h", "2 h 10 min", "3 days". */
export const formatDuration = (ms: number): string => {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return `${Math.max(0, Math.round(ms / 1000))} s`;
  if (minutes < 120) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
  return `${Math.floor(hours / 24)} days`;
};

/**
 * "12 min ago", "just now" (within 45 s either way), "in 5 min" (a clock a little behind the
 * cluster's); undefined when either time is missing or unparsable. The terminal and Slack both say it.
 */
export const timeAgo = (at: string | undefined, now: string | Date): string | undefined => {
  const then = timeOf(at);
  const current = typeof now === 'string' ? timeOf(now) : now.getTime();
  if (then === undefined || current === undefined) return undefined;
  const ms = current - then;
  if (Math.abs(ms) < 45_000) return 'just now';
  return ms > 0 ? `${formatDuration(ms)} ago` : `in ${formatDuration(-ms)}`;
};
