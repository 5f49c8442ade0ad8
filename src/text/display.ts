/**
 * Display safety: text from a cluster or a model must not be able to change how the text around it
 * reads. Bidi overrides (U+202E turns `exe.txt` into `txt.exe`), terminal escapes (ESC, BEL) and other
 * control characters become visible escapes; zero-width characters are shown, so `api\u200Bserver`
 * cannot pass for `apiserver`. One pass over the text, one code unit at a time: linear.
 */

/** C0 controls other than \t and \n, DEL, and C1 controls: shown as \xHH (ESC as \x1b, NUL as \x00). */
const isControl = (code: number): boolean =>
  (code < 0x20 && code !== 0x09 && code !== 0x0a) || (code >= 0x7f && code <= 0x9f);

/** Bidi embeddings, overrides and isolates, marks, zero-width and invisible formatting characters. */
const isInvisibleFormat = (code: number): boolean =>
  (code >= 0x202a && code <= 0x202e) || // LRE RLE PDF LRO RLO
  (code >= 0x2066 && code <= 0x2069) || // LRI RLI FSI PDI
  (code >= 0x200b && code <= 0x200f) || // ZWSP ZWNJ ZWJ LRM RLM
  (code >= 0x2060 && code <= 0x2064) || // word joiner, invisible operators
  code === 0x061c || // Arabic letter mark
  code === 0x00ad || // soft hyphen
  code === 0x034f || // combining grapheme joiner
  code === 0x180e || // Mongolian vowel separator
  code === 0xfeff || // BOM / zero-width no-break space
  (code >= 0xfff9 && code <= 0xfffb) || // interlinear annotation
  code === 0x2028 || // line separator
  code === 0x2029; // paragraph separator

/** Any character the loop below might rewrite (a superset is fine: it only chooses the careful path). */
const MAYBE_UNSAFE =
  /[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ud800-\udfff\ufeff\ufff9-\ufffb]|\u034f/;
const MAYBE_UNSAFE_LINE =
  /[\x00-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ud800-\udfff\ufeff\ufff9-\ufffb]|\u034f/;

const hex = (code: number, width: number): string => code.toString(16).padStart(width, '0');

/**
 * Makes every display-unsafe character visible. `multiline` keeps \n and \t (log text, messages);
 * single-line fields (names, titles) pass `multiline: false` so a newline cannot forge a second line.
 * A bare \r is escaped (it rewinds a terminal line over what was printed); in multi-line text the \r
 * of a CRLF line ending is an ordinary line break and is dropped.
 */
export const neutralizeDisplay = (text: string, { multiline = true }: { multiline?: boolean } = {}): string => {
  // Most text has nothing to show: one scan for a candidate character decides (surrogates included,
  // so text with emoji takes the careful path below).
  if (!(multiline ? MAYBE_UNSAFE : MAYBE_UNSAFE_LINE).test(text)) return text;
  let out = '';
  let copied = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let shown: string | undefined;
    if (code === 0x0a || code === 0x09) {
      if (!multiline) shown = code === 0x0a ? '\\n' : '\\t';
    } else if (code === 0x0d && multiline && text.charCodeAt(i + 1) === 0x0a) shown = '';
    else if (isControl(code)) shown = `\\x${hex(code, 2)}`;
    else if (isInvisibleFormat(code)) shown = `\\u${hex(code, 4).toUpperCase()}`;
    else if (code >= 0xd800 && code <= 0xdfff) {
      // A lone surrogate renders as a replacement box or breaks encoders: show it. Pairs pass.
      const pair =
        code <= 0xdbff
          ? (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00
          : i > 0 && (text.charCodeAt(i - 1) & 0xfc00) === 0xd800;
      if (!pair) shown = `\\u${hex(code, 4).toUpperCase()}`;
    }
    if (shown === undefined) continue;
    out += text.slice(copied, i) + shown;
    copied = i + 1;
  }
  const result = copied === 0 ? text : out + text.slice(copied);
  return stripTags(result);
};

/** Unicode tag characters (U+E0000–U+E007F) are invisible and can smuggle text: show them. */
const stripTags = (text: string): string => {
  if (!text.includes('\uDB40')) return text;
  let out = '';
  for (const char of text) {
    const point = char.codePointAt(0) as number;
    out += point >= 0xe0000 && point <= 0xe007f ? `\\u{${point.toString(16).toUpperCase()}}` : char;
  }
  return out;
};

/** Characters a JSON text may carry raw inside strings that a terminal or viewer would act on. */
const JSON_UNSAFE =
  /[\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]|\u034f/g;

/**
 * A JSON text with display-unsafe characters written as \uXXXX escapes: the parsed value is the same
 * (JSON.parse gives back every character), but printing it cannot reorder or hide text. JSON.stringify
 * already escapes C0 controls.
 */
export const displaySafeJson = (json: string): string =>
  json.replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
