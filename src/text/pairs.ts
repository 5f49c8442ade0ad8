/**
 * key=value and key: value pairs (env files, logfmt, JSON, YAML, query strings, connection strings).
 * The value of a secret key is masked, its key and quote style stay: `password=[REDACTED]`.
 *
 * Linear on any input: a key starts only where no key character precedes it (so a run such as
 * `a=a=a=…` or `a-a-a-…` starts at most one key per separator), the value's end is found with
 * indexOf-style scans whose results are reused for every later value inside the same stretch, and
 * deciding costs O(1) (keys.ts reads a bounded prefix).
 */
import { isHarmless, isSecretValue, keyStrength } from './keys.ts';
import { MASK } from './mask.ts';

/**
 * A key (after an escaped \n, \t or \r of a JSON string, the key starts after the escape), then
 * optional (escaped) closing quotes, then =, => (Ruby, PHP) or :. A space before ":" is only accepted when a
 * quoted value follows, so `volume "secret-vol" : x` stays.
 */
const KEY_SEPARATOR =
  /(?<![\w.-])(?:(?<=\\)[ntr])?([A-Za-z_.-][\w.-]*)((?:\\{1,8}["']|["'])?(?:[ \t]*=>?|[ \t]+:(?=[ \t]*\\{0,8}["'])|:)[ \t]*)/g;

/** Characters that end a bare value. */
const BARE_END = /[\s"'\\,;&(){}<>]/g;

/** Finds the end of values, reusing earlier scans: each call is amortised O(1) plus the text it newly reads. */
class ValueScanner {
  private bareFrom = -1;
  private bareEnd = -1;
  private readonly next = new Map<string, { from: number; at: number }>();

  private readonly text: string;
  /** Own copy: redactPairs can run inside itself (a decoded value is redacted too), sharing lastIndex would loop. */
  // redos: a copy of the BARE_END literal, checked where it is written
  private readonly bareEndPattern = new RegExp(BARE_END);

  constructor(text: string) {
    this.text = text;
  }

  /** The next index >= from of `needle` (or text.length), remembered while `from` stays before it. */
  private indexOf(needle: string, from: number): number {
    const known = this.next.get(needle);
    if (known && known.from <= from && from <= known.at) return known.at;
    const found = this.text.indexOf(needle, from);
    const at = found < 0 ? this.text.length : found;
    this.next.set(needle, { from, at });
    return at;
  }

  bare(start: number): number {
    if (start > this.bareFrom && start <= this.bareEnd) return this.bareEnd;
    this.bareEndPattern.lastIndex = start;
    const stop = this.bareEndPattern.exec(this.text);
    this.bareFrom = start;
    this.bareEnd = stop ? stop.index : this.text.length;
    return this.bareEnd;
  }

  /**
   * A value starting at `start`: returns [valueStart, valueEnd, closeEnd] where the value proper
   * excludes its quotes, or undefined when no value is there.
   */
  value(start: number, braces = false): [number, number, number] | undefined {
    const { text } = this;
    if (braces && text[start] === '{') {
      // ODBC: PWD={p;w}: the value is what the braces hold.
      const close = this.indexOf('}', start + 1);
      return close < this.indexOf('\n', start) ? [start + 1, close, close + 1] : undefined;
    }
    let i = start;
    while (i < text.length && i - start < 8 && text[i] === '\\') i++;
    const quote = text[i];
    const escaped = i > start;
    if (quote === '"' || quote === "'") {
      const open = i + 1;
      const newline = this.indexOf('\n', open);
      if (escaped) {
        // \"value\" (JSON inside a string): the value ends at the next quote; its escaping backslashes go with it.
        const close = this.indexOf(quote, open);
        if (close > newline) return undefined;
        let end = close;
        while (end > open && text[end - 1] === '\\') end--;
        return [open, end, close + 1];
      }
      if (quote === "'") {
        const close = this.indexOf("'", open);
        return close < newline ? [open, close, close + 1] : undefined;
      }
      // "value" with backslash escapes: the closing quote is the first one not escaped.
      let from = open;
      for (;;) {
        const close = this.indexOf('"', from);
        if (close >= newline) return undefined;
        let backslashes = 0;
        while (close - backslashes - 1 >= open && text[close - backslashes - 1] === '\\') backslashes++;
        if (backslashes % 2 === 0) return [open, close, close + 1];
        from = close + 1;
      }
    }
    if (escaped) return undefined;
    const end = this.bare(start);
    return end > start ? [start, end, end] : undefined;
  }
}

/**
 * Masks secret key=value pairs. When a pair is not secret, scanning resumes right after its separator,
 * so a pair inside a harmless value is still seen ("msg":"{\"password\":\"x\"}", "A: password=x").
 * `decodedSecret` says whether an encoded value (base64, Secret manifests) hides a secret.
 */
export const redactPairs = (text: string, decodedSecret: (value: string) => boolean): string => {
  if (!text.includes('=') && !text.includes(':')) return text;
  const values = new ValueScanner(text);
  let out = '';
  let copied = 0;
  // Own copy of the pattern: decodedSecret may call redactPairs again, and lastIndex must not be shared.
  // redos: a copy of the KEY_SEPARATOR literal, checked where it is written
  const keys = new RegExp(KEY_SEPARATOR);
  for (let pair = keys.exec(text); pair !== null; pair = keys.exec(text)) {
    const key = pair[1] as string;
    if (key.length > 80) continue;
    // Braced values only after "=": after ":" a brace opens a JSON object, which must stay valid JSON.
    const found = values.value(pair.index + pair[0].length, (pair[2] as string).includes('='));
    if (found === undefined) continue;
    const [start, end, close] = found;
    const value = text.slice(start, end);
    if (value.startsWith(MASK) || isHarmless(value)) continue;
    const secret = keyStrength(key) !== 'none' ? isSecretValue(key, value) : value.length >= 8 && decodedSecret(value);
    if (!secret) continue;
    out += text.slice(copied, start) + MASK;
    copied = end;
    keys.lastIndex = close;
  }
  return copied === 0 ? text : out + text.slice(copied);
};
