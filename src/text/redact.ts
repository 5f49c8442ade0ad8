/**
 * The one redaction step for everything that leaves the process (terminal, JSON, Slack, the model, our
 * own logs). Secrets are replaced by MASK while the key name stays, so a line remains readable evidence:
 * `password=[REDACTED]`, `postgres://app:[REDACTED]@db`, `Authorization: Bearer [REDACTED]`.
 *
 * The text is redacted as a whole, so a secret spread over lines (a PEM block) is seen wherever it is.
 * Linear time on any input, clipped or not: every pattern is checked as it ships by the ReDoS proof
 * (test/diagnosis/redos.test.ts), and the hand-written scans reuse what they read (see pairs.ts).
 * Replacements never re-match, so redact is idempotent.
 */
import { redactCommands } from './commands.ts';
import { looksRandom, redactNearSecretWords } from './context.ts';
import { base64HoldsSecret, redactUrlEncoded } from './encoded.ts';
import { isSecretValue } from './keys.ts';
import { MASK } from './mask.ts';
import { redactPairs } from './pairs.ts';
import { redactPem } from './pem.ts';
import { JWT, TELEGRAM_BOT_TOKEN, VENDOR_GROUPS, WEBHOOK_PATHS } from './vendor-tokens.ts';

export { MASK } from './mask.ts';

/** Authorization schemes: keep the scheme word, hide the credential. */
const AUTH_SCHEME =
  /(?<![A-Za-z])(Bearer|Basic|Digest|Token|Bot|Negotiate|NTLM|SSWS|ApiKey)([ \t]+)([A-Za-z0-9._~+/=-]+)/gi;

/** Cookies carry sessions: hide everything after the header name. */
const COOKIE_HEADER = /(?<![\w-])((?:Set-)?Cookie:[ \t]*)([^\n\r"\\]+)/gi;

/** Credentials in a URL (connection strings included): scheme://user:password@host. */
const URL_CREDENTIALS = /(?<![a-zA-Z0-9+.-])([a-zA-Z][a-zA-Z0-9+.-]*:\/\/)([^\s:/@]*):([^\s@/]+)@/g;

/** A URL whose user part alone is the credential (Sentry DSNs, token@host git remotes). */
const URL_TOKEN_USER = /(?<![a-zA-Z0-9+.-])([a-zA-Z][a-zA-Z0-9+.-]*:\/\/)([A-Za-z0-9_-]{16,})@/g;

/** A line that is nothing but base64 of PEM width: key material whose BEGIN line fell outside the text. */
const BASE64_LINE = /^([ \t]{0,16})([A-Za-z0-9+/]{48,100}={0,2})([ \t]{0,4})$/gm;

/** After an auth scheme word: a credential is long and not a plain word ("Token Service" stays). */
const isCredential = (value: string): boolean =>
  value.length >= 8 &&
  value !== MASK &&
  !/^(?:required|expired|invalid|missing)$/i.test(value) &&
  (/[0-9._~+/=-]/.test(value) || value.length >= 20);

const redactBase64Lines = (text: string): string =>
  text.replace(BASE64_LINE, (whole, indent: string, body: string, trail: string) =>
    /[A-Z]/.test(body) && /[a-z]/.test(body) && /[0-9]/.test(body) ? `${indent}${MASK}${trail}` : whole,
  );

const redactWith = (text: string, decode: boolean): string => {
  if (text === '') return text;
  let out = redactPem(text);
  out = out.replace(COOKIE_HEADER, (_whole, head: string, value: string) =>
    value.trim() === MASK ? `${head}${value}` : `${head}${MASK}`,
  );
  out = out.replace(URL_CREDENTIALS, (whole, scheme: string, user: string, password: string) =>
    password === MASK ? whole : `${scheme}${user}:${MASK}@`,
  );
  out = out.replace(URL_TOKEN_USER, (whole, scheme: string, user: string) =>
    looksRandom(user) ? `${scheme}${MASK}@` : whole,
  );
  for (const pattern of WEBHOOK_PATHS) out = out.replace(pattern, (_whole, head: string) => `${head}${MASK}`);
  out = out.replace(JWT, MASK);
  for (const group of VENDOR_GROUPS) out = out.replace(group, MASK);
  out = out.replace(TELEGRAM_BOT_TOKEN, MASK);
  out = out.replace(AUTH_SCHEME, (whole, scheme: string, space: string, value: string) =>
    isCredential(value) ? `${scheme}${space}${MASK}` : whole,
  );
  out = redactPairs(out, decode ? (value) => base64HoldsSecret(value, redactPlain) : () => false);
  out = redactCommands(out);
  out = redactNearSecretWords(out);
  // Last: what is still URL-encoded is decoded and checked. Earlier steps saw the encoded form first,
  // so `user:p%40ss@host` is masked whole rather than split at the decoded @.
  if (decode) out = redactUrlEncoded(out, redactPlain);
  return redactBase64Lines(out);
};

/** Redaction without decoding steps: what a decoded value is checked with. */
const redactPlain = (text: string): string => redactWith(text, false);

/** Masks every credential in `text`. Idempotent: redact(redact(x)) === redact(x). */
export const redact = (text: string): string => redactWith(text, true);

/** Applies redact to every string inside a JSON-like value (arrays, plain objects), keys included. */
export const redactDeep = <T>(value: T): T => {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      // A string under a secret-looking key is a secret whatever it looks like ({ password: 'x' }).
      out[key] = typeof item === 'string' && item !== '' && isSecretValue(key, item) ? MASK : redactDeep(item);
    }
    return out as T;
  }
  return value;
};
