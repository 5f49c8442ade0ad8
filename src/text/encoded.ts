/**
 * Secrets hidden by an encoding: URL-encoded text (`password%3Dx`) is decoded and redacted; a base64
 * value (a Secret manifest's `data:`, a .dockerconfigjson) is decoded and checked, and masked whole when
 * it holds a secret. `redactPlain` is the redaction without these steps, so decoding never recurses.
 */

/** A run of URL characters holding at least one %XX escape; starts only at a run start. */
const URL_ENCODED_RUN = /(?<![^\s"'<>])[^\s"'<>%]*%[0-9A-Fa-f]{2}[^\s"'<>]*/g;

const percentDecode = (run: string): string => {
  try {
    return decodeURIComponent(run);
  } catch {
    return run.replace(/%([0-9A-Fa-f]{2})/g, (_w, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  }
};

/** Replaces URL-encoded runs that hide a secret by their decoded, redacted text. */
export const redactUrlEncoded = (text: string, redactPlain: (text: string) => string): string => {
  if (!text.includes('%')) return text;
  return text.replace(URL_ENCODED_RUN, (run) => {
    // Decode twice at most: %253D is an encoded %3D.
    let decoded = percentDecode(run);
    if (/%[0-9A-Fa-f]{2}/.test(decoded)) decoded = percentDecode(decoded);
    const redacted = redactPlain(decoded);
    return redacted === decoded ? run : redacted;
  });
};

const MAX_DECODED = 64 * 1024;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

/** Does a base64 value decode to text that holds a secret? */
export const base64HoldsSecret = (value: string, redactPlain: (text: string) => string): boolean => {
  if (value.length < 12 || value.length > MAX_DECODED || !BASE64.test(value)) return false;
  const decoded = Buffer.from(value, value.includes('-') || value.includes('_') ? 'base64url' : 'base64').toString(
    'utf8',
  );
  // Binary (or not base64 at all): nothing readable to check.
  if (decoded.includes('\uFFFD') || /[\x00-\x08\x0e-\x1f]/.test(decoded)) return false;
  return redactPlain(decoded) !== decoded;
};
