/**
 * How the Slack stand-in reads what the SDK sends and pages what it answers: form and JSON bodies,
 * multipart uploads, cursors, and the oldest/latest window of conversations.history and .replies.
 */
import type { IncomingMessage } from 'node:http';

export const readBytes = async (req: IncomingMessage): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

/** The WebClient form-encodes arguments and JSON-encodes nested ones: undo both. */
export const parseBody = (raw: string, contentType: string | undefined): Record<string, unknown> => {
  if (!raw) return {};
  if (contentType?.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    out[key] = /^[[{]/.test(value) ? safeJson(value) : value;
  }
  return out;
};

const safeJson = (value: string): unknown => {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
};

/** A page of `list` from the opaque cursor on, and the cursor of the next page if any. */
export const paged = <T>(list: T[], body: Record<string, unknown>, max: number): { page: T[]; next?: string } => {
  const limit = Math.max(1, Math.min(max, Number(body.limit ?? 100) || 100));
  const start =
    typeof body.cursor === 'string' && body.cursor !== ''
      ? Number(Buffer.from(body.cursor, 'base64url').toString())
      : 0;
  const page = list.slice(start, start + limit);
  return start + limit < list.length
    ? { page, next: Buffer.from(String(start + limit)).toString('base64url') }
    : { page };
};

/** The file bytes of an upload: the SDK posts them as multipart/form-data (one part), or raw. */
export const uploadedBytes = (raw: Buffer, contentType: string | undefined): Buffer => {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType ?? '');
  if (!contentType?.startsWith('multipart/form-data') || !boundary) return raw;
  const marker = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const start = raw.indexOf(marker);
  const headersEnd = raw.indexOf('\r\n\r\n', start);
  const end = raw.indexOf(Buffer.from(`\r\n--${boundary[1] ?? boundary[2]}`), headersEnd);
  return start < 0 || headersEnd < 0 || end < 0 ? raw : raw.subarray(headersEnd + 4, end);
};

export const truthy = (value: unknown): boolean => value === true || value === 'true' || value === '1' || value === 1;

/** The oldest/latest/inclusive window of conversations.history and .replies. */
export const inWindow = (ts: string, body: Record<string, unknown>): boolean => {
  const inclusive = truthy(body.inclusive);
  const value = Number(ts);
  if (body.oldest !== undefined && (inclusive ? value < Number(body.oldest) : value <= Number(body.oldest)))
    return false;
  if (body.latest !== undefined && (inclusive ? value > Number(body.latest) : value >= Number(body.latest)))
    return false;
  return true;
};
