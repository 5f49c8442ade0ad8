/**
 * Secrets that no key names: a random-looking token a few words after a secret-like word, in prose and
 * exception messages ("Invalid API key provided: …", "bad credentials '…'", "auth 3f…9a rejected").
 * Each secret word looks ahead a bounded window, so the pass is linear.
 */
import { trimEndOf } from '../diagnosis/format.ts';
import { MASK } from './mask.ts';

const SECRET_WORD =
  /(?<![A-Za-z])(?:passwords?|passwd|passphrase|pwd|secrets?|tokens?|credentials?|creds|api[ _-]?keys?|access[ _-]?keys?|signing[ _-]?keys?|private[ _-]?keys?|license[ _-]?keys?|secret[ _-]?keys?|auth|authentication|bearer|dsn)(?![A-Za-z])/gi;

/** How far after a secret word a token may sit. */
const WINDOW = 96;
/** Words of a token, quotes and brackets excluded. */
const WORD = /[^\s"'`,;()<>[\]{}\\]+/g;
/** Short plain words that may stand between the secret word and the token ("key provided:", "is"). */
const FILLER = /^(?:[A-Za-z]{1,12}:?|[:=]|->|=>)$/;

/** Shannon entropy in bits per character. */
const entropy = (text: string): number => {
  const counts = new Map<string, number>();
  for (const c of text) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) bits -= (n / text.length) * Math.log2(n / text.length);
  return bits;
};

/** Random-looking: long, from a token alphabet, mixing upper, lower and digits (or long hex), high entropy. */
export const looksRandom = (token: string): boolean => {
  if (token.length < 16 || token.length > 512 || !/^[A-Za-z0-9+/=_.~-]+$/.test(token)) return false;
  const mixed = /[a-z]/.test(token) && /[A-Z]/.test(token) && /[0-9]/.test(token);
  const hex = /^[a-fA-F0-9]{32,}$/.test(token) && /[a-f]/i.test(token) && /[0-9]/.test(token);
  return (mixed || hex) && entropy(token) >= 3.2;
};

/** Words after which a quoted value is a credential even when short ("password \"Winter2024!\""). */
const STRONG_WORD = /^(?:passwords?|passwd|passphrase|pwd|secrets?|tokens?|credentials?|creds)$/i;

/** A quoted password-like value: no space, a digit, and an upper-case letter or a symbol (not a k8s name). */
const looksLikePassword = (value: string): boolean =>
  value.length >= 6 &&
  value.length <= 128 &&
  !/\s/.test(value) &&
  /[0-9]/.test(value) &&
  /[A-Z!@#$%^&*+=?~]/.test(value);

export const redactNearSecretWords = (text: string): string => {
  const ranges: [number, number][] = [];
  let coveredUntil = 0;
  for (const word of text.matchAll(SECRET_WORD)) {
    const from = word.index + word[0].length;
    if (from < coveredUntil) continue;
    const window = text.slice(from, from + WINDOW);
    WORD.lastIndex = 0;
    let seen = 0;
    for (let token = WORD.exec(window); token !== null && seen < 4; token = WORD.exec(window), seen++) {
      // A sentence's full stop or a label's colon is not part of the token.
      const candidate = trimEndOf(token[0], '.:');
      const start = from + token.index;
      const quoted = text[start - 1] === '"' || text[start - 1] === "'";
      if (
        looksRandom(candidate) ||
        (quoted && seen <= 1 && STRONG_WORD.test(word[0]) && looksLikePassword(candidate))
      ) {
        ranges.push([start, start + candidate.length]);
        coveredUntil = start + candidate.length;
        break;
      }
      if (!FILLER.test(token[0])) break;
    }
  }
  if (ranges.length === 0) return text;
  let out = '';
  let copied = 0;
  for (const [start, end] of ranges) {
    out += text.slice(copied, start) + MASK;
    copied = end;
  }
  return out + text.slice(copied);
};
