/**
 * The one exit for text. Everything from a cluster, a log or a model that leaves the process (terminal,
 * JSON, Slack, a file upload, the model request, our own logs) passes through sanitizeOutgoing: lines
 * are clipped first (so no step ever sees an unbounded line), the whole text is redacted at once (so a
 * PEM block or a secret split over lines is seen), and display-unsafe characters are made visible.
 */
import { clipLines } from './clip.ts';
import { neutralizeDisplay } from './display.ts';
import { redact } from './redact.ts';

export { clipLines, MAX_LINE_LENGTH } from './clip.ts';
export { displaySafeJson, neutralizeDisplay } from './display.ts';
export { MASK, redact, redactDeep } from './redact.ts';

/** Clip every line, redact the whole text, neutralise display-unsafe characters. */
export const sanitizeOutgoing = (text: string): string => neutralizeDisplay(redact(clipLines(text)));
