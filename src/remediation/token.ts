/**
 * Button values: a compact, signed, expiring token. The payload is canonical JSON (fixed key order)
 * signed with HMAC-SHA256 under the action secret, both base64url, joined by a dot. Verification
 * checks the signature in constant time, then expiry, then the zod shape, then that every name is a
 * valid Kubernetes name, so an altered value can never point the action at another namespace or pod.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { ExitcodeError } from '../errors.ts';
import { ACTION_IDS } from './actions/ids.ts';
import { isDnsLabel, isDnsSubdomain } from './names.ts';

/** Slack caps a button value at 2000 characters. */
export const MAX_TOKEN_LENGTH = 2000;

/** What a button stands for: the request (`req`), or an approver's answer to one (`ok`, `no`). */
export const STEPS = ['req', 'ok', 'no'] as const;

const payloadSchema = z.strictObject({
  v: z.literal(1),
  /** Step of the flow this button belongs to. */
  s: z.enum(STEPS),
  a: z.enum(ACTION_IDS),
  ns: z.string().refine(isDnsLabel),
  pod: z.string().refine(isDnsSubdomain),
  uid: z.string().regex(/^[0-9a-zA-Z-]{1,64}$/),
  /** The owning controller's kind: any Kind (custom controllers own pods too); actions check what they support. */
  kind: z
    .string()
    .regex(/^[A-Z][A-Za-z0-9]{0,62}$/)
    .optional(),
  wl: z.string().refine(isDnsSubdomain).optional(),
  /** Expiry, epoch milliseconds. */
  exp: z.number().int().positive(),
  /** Request id: one per offered action, the key of its exactly-once Lease. */
  rid: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  /** The diagnosed cause's title, shown as the request's "why" (signed, so it cannot be altered). */
  c: z.string().max(200).optional(),
});

export type ActionPayload = z.infer<typeof payloadSchema>;

const KEY_ORDER = ['v', 's', 'a', 'ns', 'pod', 'uid', 'kind', 'wl', 'exp', 'rid', 'c'] as const;

/** JSON with a fixed key order, so signer and verifier hash the same bytes. */
const canonical = (payload: ActionPayload): string =>
  JSON.stringify(
    Object.fromEntries(KEY_ORDER.filter((key) => payload[key] !== undefined).map((key) => [key, payload[key]])),
  );

const mac = (secret: string, body: string): Buffer => createHmac('sha256', secret).update(body).digest();

export const signPayload = (payload: ActionPayload, secret: string): string => {
  const parsed = payloadSchema.parse(payload);
  const body = Buffer.from(canonical(parsed)).toString('base64url');
  const token = `${body}.${mac(secret, body).toString('base64url')}`;
  if (token.length > MAX_TOKEN_LENGTH) {
    throw new ExitcodeError('bad_input', 'That action is too large to put on a button.', { length: token.length });
  }
  return token;
};

const refuse = (reason: string, details: Record<string, unknown> = {}): ExitcodeError =>
  new ExitcodeError('action_refused', reason, details);

/** Returns the verified payload, or throws ExitcodeError('action_refused') saying why. */
export const verifyPayload = (token: string, { secret, now }: { secret: string; now: Date }): ActionPayload => {
  const forged = refuse('This button was not made by exitcode or was altered; nothing was done.');
  if (token.length > MAX_TOKEN_LENGTH) throw forged;
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) throw forged;
  const expected = mac(secret, body);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw forged;
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    throw forged;
  }
  const result = payloadSchema.safeParse(raw);
  if (!result.success) throw forged;
  if (result.data.exp <= now.getTime()) {
    throw refuse('This button has expired; ask for a fresh diagnosis and use its buttons.', {
      expiredAt: new Date(result.data.exp).toISOString(),
    });
  }
  return result.data;
};
