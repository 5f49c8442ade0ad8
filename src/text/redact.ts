/**
 * The one redaction step for everything that leaves the process (terminal, JSON, Slack, the model).
 * Secrets are replaced by MASK while the key name stays, so a line remains readable evidence:
 * `password=[REDACTED]`, `postgres://app:[REDACTED]@db`, `Authorization: Bearer [REDACTED]`.
 *
 * Every pattern is linear-time: bounded quantifiers, no nested or overlapping repetition (the ReDoS
 * test checks each literal with recheck). Replacements never re-match, so redact is idempotent.
 */

export const MASK = '[REDACTED]';

// ------------------------------------------------------------------ well-known token shapes

/** Tokens whose shape alone says they are secrets: replaced wherever they appear. */
const TOKEN_PATTERNS: RegExp[] = [
  // AWS access key ids (long-term AKIA, temporary ASIA, and the other IAM unique-id prefixes).
  /\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}\b/g,
  // Google API keys and OAuth access tokens.
  /\bAIza[0-9A-Za-z_-]{35}/g,
  /\bya29\.[0-9A-Za-z_-]{20,4096}/g,
  // GitHub classic and fine-grained tokens.
  /\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{30,255}/g,
  /\bgithub_pat_[A-Za-z0-9_]{22,255}/g,
  // GitLab personal access tokens.
  /\bglpat-[A-Za-z0-9_-]{20,255}/g,
  // Slack bot/user/app/legacy tokens.
  /\bxox[abposr]-[A-Za-z0-9-]{10,255}/g,
  /\bxapp-[A-Za-z0-9-]{10,255}/g,
  // OpenAI (sk-..., sk-proj-..., sk-svcacct-...) and Anthropic-style keys.
  /\bsk-[A-Za-z0-9_-]{20,255}/g,
  // Stripe secret, restricted and publishable keys.
  /\b(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{10,255}/g,
  // npm automation/publish tokens.
  /\bnpm_[A-Za-z0-9]{36}\b/g,
  // SendGrid and HashiCorp Vault tokens.
  /\bSG\.[A-Za-z0-9_-]{16,64}\.[A-Za-z0-9_-]{16,64}/g,
  /\bhv[sbr]\.[A-Za-z0-9_-]{24,255}/g,
  // JWTs: header.payload.signature, the header always starts with {" -> eyJ.
  /\beyJ[A-Za-z0-9_-]{5,8192}\.[A-Za-z0-9_-]{5,8192}\.[A-Za-z0-9_-]{0,8192}/g,
];

/** Authorization schemes: keep the scheme word, hide the credential. */
const AUTH_SCHEME = /\b(Bearer|Basic|Digest|Token|Bot)([ \t]{1,4})([A-Za-z0-9._~+/=-]{6,8192})/gi;

/** Cookies carry sessions: hide everything after the header name. */
const COOKIE_HEADER = /\b((?:Set-)?Cookie:[ \t]{0,4})([^\n\r]{1,8192})/gi;

/** Credentials in a URL (connection strings included): scheme://user:password@host. */
const URL_CREDENTIALS = /\b([a-zA-Z][a-zA-Z0-9+.-]{0,31}:\/\/)([^\s:/@]{0,256}):([^\s@/]{1,1024})@/g;

/** Slack incoming webhooks: the path is the secret. */
const SLACK_WEBHOOK = /\bhooks\.slack\.com\/(services|workflows|triggers)\/[A-Za-z0-9/_-]{8,512}/g;

// ------------------------------------------------------------------ key = value pairs

/**
 * A key (identifier with dots/dashes, optionally quoted or escaped-quoted in JSON) followed by = or :.
 * A space before ":" is only accepted when a quoted value follows, so `volume "secret-vol" : x` stays.
 */
const KEY_SEPARATOR =
  /\b([A-Za-z_][\w.-]{0,63})(\\?["']?(?:[ \t]{0,4}=|[ \t]{1,4}:(?=[ \t]{0,4}\\?["'])|:)[ \t]{0,4})/g;

/** The value after a key: double-quoted (with escapes), escaped-quoted (JSON in a string), single-quoted or bare. */
const VALUE = /\\"[^"\\\n]{0,4096}\\"|"(?:[^"\\\n]|\\.){0,4096}"|'[^'\n]{0,4096}'|[^\s"'\\,;&(){}<>]{1,4096}/y;

/** A command-line flag and its value separated by a space: --password hunter2, --api-key xyz. */
const FLAG_VALUE = /(?<![\w-])(--?[A-Za-z][\w-]{0,63})([ \t]{1,4})([^\s-][^\s"']{0,4095})/g;

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
  MASK.toLowerCase(),
]);

/** Splits camelCase, snake_case, kebab-case and dotted keys into lower-case words. */
const keyWords = (key: string): string[] =>
  key
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
  'pw',
  'secret',
  'secrets',
  'token',
  'apikey',
  'credential',
  'credentials',
  'authorization',
  'accountkey',
  'privatekey',
  'dsn',
]);

/** Substrings that make any value secret in keys written without separators (dbpassword, accesstoken). */
const STRONG_SUBSTRINGS = ['password', 'passwd', 'secret', 'apikey', 'accesskey', 'privatekey', 'accountkey'];

/** Words that make a value secret only when the value itself looks like one (auth: failed stays). */
const WEAK_WORDS = new Set(['auth', 'session', 'sessionid', 'sid', 'cookie', 'key', 'sig', 'signature', 'pwd']);

type KeyStrength = 'strong' | 'weak' | 'none';

const keyStrength = (key: string): KeyStrength => {
  const words = keyWords(key);
  // PWD/OLDPWD are the shell's working directory, not a password.
  if (words.length === 1 && (words[0] === 'pwd' || words[0] === 'oldpwd')) return 'none';
  // KeyError: 'DATABASE_URL', TokenExpiredError: ... name an error, not a secret.
  if (/^(error|exception|err|exc|expired|missing|invalid|not)$/.test(words[words.length - 1] ?? '')) return 'none';
  const joined = words.join('');
  if (words.some((word) => STRONG_WORDS.has(word))) return 'strong';
  if (STRONG_SUBSTRINGS.some((part) => joined.includes(part))) return 'strong';
  // accessToken, authToken, refreshtoken (but not max_tokens: plural counts are not tokens).
  if (words.some((word) => word.endsWith('token'))) return 'strong';
  if (words.some((word) => WEAK_WORDS.has(word) || word.endsWith('key'))) return 'weak';
  return 'none';
};

/** A value that looks generated rather than a word: long, and mixing letters with digits or symbols. */
const looksGenerated = (value: string): boolean => {
  if (value.length < 12) return false;
  const letters = /[A-Za-z]/.test(value);
  const digits = /[0-9]/.test(value);
  // Upper and lower case mixed inside one token (base64, random ids), not SCREAMING_SNAKE names.
  const mixedCase = /[a-z][A-Z]|[A-Z][a-z][a-z]{0,2}[A-Z]/.test(value);
  return letters && (digits || (mixedCase && value.length >= 16));
};

const unquote = (value: string): string => value.replace(/^\\?["']/, '').replace(/\\?["']$/, '');

const maskQuoted = (value: string): string => {
  if (value.startsWith('\\"')) return `\\"${MASK}\\"`;
  if (value.startsWith('"')) return `"${MASK}"`;
  if (value.startsWith("'")) return `'${MASK}'`;
  return MASK;
};

const shouldMask = (key: string, rawValue: string): boolean => {
  const value = unquote(rawValue);
  if (HARMLESS_VALUES.has(value.toLowerCase())) return false;
  if (value.includes(MASK)) return false;
  const strength = keyStrength(key);
  if (strength === 'strong') return true;
  if (strength === 'weak') return looksGenerated(value);
  return false;
};

// ------------------------------------------------------------------ PEM blocks and bare key material

const PEM_BEGIN = /-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY( BLOCK)?-----/;
const PEM_END = /-----END [A-Z0-9 ]{0,40}PRIVATE KEY( BLOCK)?-----/;

/**
 * Private key blocks, found with indexOf-style scanning rather than a lazy [\s\S]*? so that many
 * BEGIN lines without an END cost linear time. A block cut by the log tail (BEGIN without END) hides
 * everything after BEGIN; an END without BEGIN hides everything before it.
 */
const redactPem = (text: string): string => {
  if (!text.includes('PRIVATE KEY')) return text;
  let out = '';
  let rest = text;
  for (;;) {
    const begin = PEM_BEGIN.exec(rest);
    const end = PEM_END.exec(rest);
    if (end && (!begin || end.index < begin.index)) {
      // The tail started inside a block: its body is all that precedes END.
      const before = rest.slice(0, end.index);
      out += (before.trim() === '' || before.trim() === MASK ? before : `${MASK}\n`) + end[0];
      rest = rest.slice(end.index + end[0].length);
      continue;
    }
    if (!begin) return out + rest;
    const afterBegin = begin.index + begin[0].length;
    out += rest.slice(0, afterBegin);
    rest = rest.slice(afterBegin);
    const close = PEM_END.exec(rest);
    if (!close) {
      const body = rest;
      return out + (body.trim() === '' || body.trim() === MASK ? body : `\n${MASK}`);
    }
    const body = rest.slice(0, close.index);
    out += (body.trim() === '' || body.trim() === MASK ? body : `\n${MASK}\n`) + close[0];
    rest = rest.slice(close.index + close[0].length);
  }
};

/** A line that is nothing but base64 of PEM width: key material whose BEGIN line fell outside the tail. */
const BASE64_LINE = /^([ \t]{0,16})([A-Za-z0-9+/]{48,100}={0,2})([ \t]{0,4})$/gm;

const redactBase64Lines = (text: string): string =>
  text.replace(BASE64_LINE, (whole, indent: string, body: string, trail: string) =>
    /[A-Z]/.test(body) && /[a-z]/.test(body) && /[0-9]/.test(body) ? `${indent}${MASK}${trail}` : whole,
  );

/**
 * Masks secret key=value pairs. When a pair is not secret, scanning resumes right after its separator,
 * so a pair inside a harmless value is still seen ("msg":"{\\"password\\":\\"x\\"}", "A: password=x").
 * Each character starts at most one key match: linear.
 */
const redactPairs = (text: string): string => {
  let out = '';
  let copied = 0;
  KEY_SEPARATOR.lastIndex = 0;
  for (let pair = KEY_SEPARATOR.exec(text); pair !== null; pair = KEY_SEPARATOR.exec(text)) {
    const valueStart = pair.index + pair[0].length;
    VALUE.lastIndex = valueStart;
    const value = VALUE.exec(text)?.[0];
    if (value === undefined || !shouldMask(pair[1] as string, value)) continue;
    out += text.slice(copied, valueStart) + maskQuoted(value);
    copied = valueStart + value.length;
    KEY_SEPARATOR.lastIndex = copied;
  }
  return copied === 0 ? text : out + text.slice(copied);
};

/** After an auth scheme word: a credential is long and not a plain word ("Token Service" stays). */
const isCredential = (value: string): boolean =>
  !HARMLESS_VALUES.has(value.toLowerCase()) && value.length >= 8 && (/[0-9._~+/=-]/.test(value) || value.length >= 20);

// ------------------------------------------------------------------ the step

/** Masks every credential in `text`. Idempotent: redact(redact(x)) === redact(x). */
export const redact = (text: string): string => {
  if (text === '') return text;
  let out = redactPem(text);
  out = out.replace(COOKIE_HEADER, (_whole, head: string, value: string) =>
    value.trim() === MASK ? `${head}${value}` : `${head}${MASK}`,
  );
  out = out.replace(URL_CREDENTIALS, (_whole, scheme: string, user: string) => `${scheme}${user}:${MASK}@`);
  out = out.replace(SLACK_WEBHOOK, (_whole, kind: string) => `hooks.slack.com/${kind}/${MASK}`);
  for (const pattern of TOKEN_PATTERNS) out = out.replace(pattern, MASK);
  out = out.replace(AUTH_SCHEME, (whole, scheme: string, space: string, value: string) =>
    isCredential(value) ? `${scheme}${space}${MASK}` : whole,
  );
  out = redactPairs(out);
  out = out.replace(FLAG_VALUE, (whole, flag: string, space: string, value: string) => {
    const words = keyWords(flag);
    const last = words[words.length - 1] ?? '';
    const secretFlag = STRONG_WORDS.has(last) || last.endsWith('token') || last === 'key';
    return secretFlag && shouldMask(flag, value) ? `${flag}${space}${MASK}` : whole;
  });
  return redactBase64Lines(out);
};

/** Applies redact to every string inside a JSON-like value (arrays, plain objects), keys included. */
export const redactDeep = <T>(value: T): T => {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      // A string under a secret-looking key is a secret whatever it looks like ({ password: 'x' }).
      out[key] =
        typeof item === 'string' && item !== '' && shouldMask(key, JSON.stringify(item)) ? MASK : redactDeep(item);
    }
    return out as T;
  }
  return value;
};
