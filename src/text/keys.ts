/**
 * Which keys name a secret, and which values look like one. Shared by key=value pairs, command-line
 * flags, JSON objects and the words-near-a-token rule. Every check reads a bounded prefix of the
 * value, so inspecting a value costs O(1) however long it is.
 */
import { MASK } from './mask.ts';

/** Values that say "there is no secret here": keep them, they are evidence (password: NO, token=undefined). */
const HARMLESS_VALUES = new Set([
  '',
  'yes',
  'no',
  'true',
  'false',
  'null',
  'nil',
  '<nil>',
  'none',
  'undefined',
  'empty',
  'missing',
  'unset',
  'required',
  'bearer',
  'basic',
  'digest',
  'token',
  'bot',
  '***',
  '******',
  '<redacted>',
  '[redacted]',
  '[hidden]',
  '[filtered]',
  '<hidden>',
  'redacted',
  'hidden',
  'xxx',
  'xxxx',
  'changeme?',
  '""',
  "''",
  MASK.toLowerCase(),
]);

/** The longest value prefix any check looks at. */
const INSPECT = 256;

export const isHarmless = (value: string): boolean => value.length <= 16 && HARMLESS_VALUES.has(value.toLowerCase());

/** Splits camelCase, snake_case, kebab-case and dotted keys into lower-case words. */
export const keyWords = (key: string): string[] =>
  key
    .slice(0, 80)
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');

/** Words that make any value secret. */
const STRONG_WORDS = new Set([
  'password',
  'passwd',
  'pass',
  'passphrase',
  'passcode',
  'pw',
  'pwd',
  'secret',
  'secrets',
  'token',
  'apikey',
  'credential',
  'credentials',
  'creds',
  'authorization',
  'accountkey',
  'privatekey',
  'dsn',
  'dockerconfigjson',
  'dockercfg',
  'htpasswd',
]);

/** Substrings that make any value secret in keys written without separators (dbpassword, accesstoken). */
const STRONG_SUBSTRINGS = [
  'password',
  'passwd',
  'secret',
  'apikey',
  'accesskey',
  'privatekey',
  'accountkey',
  'authkey',
  'signingkey',
  'encryptionkey',
  'masterkey',
  'clientkey',
  'requirepass',
  'masterauth',
];

/** Words that make a value secret only when the value itself looks like one (auth: failed stays). */
const WEAK_WORDS = new Set(['auth', 'session', 'sessionid', 'sid', 'cookie', 'key', 'sig', 'signature', 'license']);

/** A last key word that names an error, a place or a property of a secret rather than the secret itself. */
const NOT_A_VALUE =
  /^(?:error|exception|err|exc|expired|missing|invalid|not|file|path|dir|ttl|count|length|size|type|name|ref|url|uri|endpoint|env|header|field|policy|required)$/;

export type KeyStrength = 'strong' | 'weak' | 'none';

/** Logs repeat the same keys: remember their strength (bounded, so a hostile log cannot grow it). */
const strengthCache = new Map<string, KeyStrength>();
const STRENGTH_CACHE_SIZE = 2048;

export const keyStrength = (key: string): KeyStrength => {
  const known = strengthCache.get(key);
  if (known !== undefined) return known;
  const strength = computeStrength(key);
  if (strengthCache.size >= STRENGTH_CACHE_SIZE) strengthCache.clear();
  strengthCache.set(key, strength);
  return strength;
};

const computeStrength = (key: string): KeyStrength => {
  const words = keyWords(key);
  // PWD/OLDPWD are the shell's working directory, not a password (their values are paths, see below).
  if (words.length === 1 && words[0] === 'oldpwd') return 'none';
  // KeyError: 'DATABASE_URL', TokenExpiredError: ... name an error, not a secret.
  // Keys naming where a secret lives or how it is handled (--password-file PATH, token_ttl) keep their value.
  if (NOT_A_VALUE.test(words[words.length - 1] ?? '')) return 'none';
  const joined = words.join('');
  if (words.some((word) => STRONG_WORDS.has(word))) return 'strong';
  if (STRONG_SUBSTRINGS.some((part) => joined.includes(part))) return 'strong';
  // accessToken, authToken, refreshtoken, _authToken (but not max_tokens: plural counts are not tokens).
  if (words.some((word) => word.endsWith('token'))) return 'strong';
  if (words.some((word) => WEAK_WORDS.has(word) || word.endsWith('key'))) return 'weak';
  return 'none';
};

/** A value that looks generated rather than a word: long, and mixing letters with digits or symbols. */
export const looksGenerated = (whole: string): boolean => {
  const value = whole.slice(0, INSPECT);
  if (value.length < 12) return false;
  if (/\s/.test(value)) return false;
  const letters = /[A-Za-z]/.test(value);
  const digits = /[0-9]/.test(value);
  // Upper and lower case mixed inside one token (base64, random ids), not SCREAMING_SNAKE names.
  const mixedCase = /[a-z][A-Z]|[A-Z][a-z][a-z]?[a-z]?[A-Z]/.test(value);
  return letters && (digits || (mixedCase && value.length >= 16));
};

/** base64 of "user:password" (docker auths, Basic credentials, .npmrc _auth). */
export const isBase64Credential = (whole: string): boolean => {
  if (whole.length < 8 || whole.length > INSPECT || !/^[A-Za-z0-9+/]+={0,2}$/.test(whole)) return false;
  const decoded = Buffer.from(whole, 'base64').toString('utf8');
  return /^[\x21-\x39\x3b-\x7e]{1,128}:[\x21-\x7e]{1,256}$/.test(decoded);
};

/** Should the value under `key` be hidden? `value` is unquoted. */
/** `$VAR`, `${VAR}`, `$(command)`: a reference to where the secret comes from, not the secret. */
const REFERENCE = /^\$(?:[({]|[A-Za-z_][A-Za-z0-9_]*$|$)/;

export const isSecretValue = (key: string, value: string): boolean => {
  if (isHarmless(value) || value.startsWith(MASK) || REFERENCE.test(value)) return false;
  const strength = keyStrength(key);
  if (strength === 'none') return false;
  const words = keyWords(key);
  // PWD=/app is the working directory; a pwd that is not a path is a password.
  if (words.length === 1 && words[0] === 'pwd' && /^[/~.]/.test(value)) return false;
  if (strength === 'strong') return true;
  return looksGenerated(value) || isBase64Credential(value);
};
