/**
 * Finds every regular expression written in a TypeScript source: regex literals, and string literals
 * passed to `new RegExp(...)` / `RegExp(...)`. A small tokenizer (strings, template literals, comments,
 * regex-vs-division by the previous token) is enough for our own code and needs no parser dependency.
 * Dynamic patterns (template literals with ${}, variables) are reported so a test can refuse them.
 */

export interface FoundRegex {
  source: string;
  flags: string;
  line: number;
  kind: 'literal' | 'constructor';
}

export interface ExtractResult {
  regexes: FoundRegex[];
  /**
   * `new RegExp(x)` calls whose pattern is not a plain string literal: they cannot be checked statically.
   * `justified` when a `// redos: <why>` comment sits on that line or the line before it.
   */
  dynamic: { line: number; text: string; justified: boolean }[];
}

/** After these keywords an expression starts, so "/" opens a regex. */
const REGEX_AFTER_WORD = new Set([
  'return',
  'typeof',
  'instanceof',
  'in',
  'of',
  'new',
  'delete',
  'void',
  'throw',
  'case',
  'do',
  'else',
  'yield',
  'await',
]);

const isIdentChar = (c: string): boolean => /[\w$]/.test(c);

/** Decodes the escapes of a JS string literal body (the subset regex strings use). */
const unescapeString = (body: string): string => {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = body[++i] ?? '';
    if (next === 'n') out += '\n';
    else if (next === 't') out += '\t';
    else if (next === 'r') out += '\r';
    else if (next === '0') out += '\0';
    else if (next === 'x') {
      out += String.fromCharCode(Number.parseInt(body.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (next === 'u' && body[i + 1] === '{') {
      const end = body.indexOf('}', i);
      out += String.fromCodePoint(Number.parseInt(body.slice(i + 2, end), 16));
      i = end;
    } else if (next === 'u') {
      out += String.fromCharCode(Number.parseInt(body.slice(i + 1, i + 5), 16));
      i += 4;
    } else if (next === '\n') {
      // line continuation
    } else out += next;
  }
  return out;
};

export const extractRegexes = (code: string): ExtractResult => {
  const regexes: FoundRegex[] = [];
  const dynamic: ExtractResult['dynamic'] = [];
  // A shebang line is not code.
  let i = code.startsWith('#!') ? Math.max(0, code.indexOf('\n')) : 0;
  let line = 1;
  // The last significant token: decides whether "/" is division or a regex.
  let previous = '';
  // Template literal nesting: each entry counts open braces inside a ${ } expression.
  const templateBraces: number[] = [];

  const sourceLines = code.split('\n');
  const justified = (at: number): boolean =>
    /\/\/ ?redos: \S/.test(sourceLines[at - 1] ?? '') || /^\s*\/\/ ?redos: \S/.test(sourceLines[at - 2] ?? '');

  const lineAt = (from: number, to: number): void => {
    for (let k = from; k < to; k++) if (code[k] === '\n') line++;
  };

  /** Reads a quoted string starting at i; returns its raw body and moves i past it. */
  const readString = (quote: string): string => {
    const start = i + 1;
    let k = start;
    while (k < code.length && code[k] !== quote) {
      if (code[k] === '\\') k++;
      k++;
    }
    const body = code.slice(start, k);
    lineAt(i, k + 1);
    i = k + 1;
    return body;
  };

  /** Reads template text from i (just after ` or }) to the closing ` or the next ${. */
  const readTemplateChunk = (): void => {
    let k = i;
    while (k < code.length) {
      if (code[k] === '\\') {
        k += 2;
        continue;
      }
      if (code[k] === '`') {
        lineAt(i, k + 1);
        i = k + 1;
        previous = 'string';
        return;
      }
      if (code[k] === '$' && code[k + 1] === '{') {
        lineAt(i, k + 2);
        i = k + 2;
        templateBraces.push(0);
        previous = '(';
        return;
      }
      k++;
    }
    i = k;
  };

  const constructorCall = (): boolean => /(?:new\s+)?\bRegExp\s*\($/.test(code.slice(Math.max(0, i - 32), i));

  while (i < code.length) {
    const c = code[i] as string;
    const n = code[i + 1];
    if (c === '\n') {
      line++;
      i++;
      continue;
    }
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '/' && n === '/') {
      while (i < code.length && code[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && n === '*') {
      const end = code.indexOf('*/', i + 2);
      const stop = end < 0 ? code.length : end + 2;
      lineAt(i, stop);
      i = stop;
      continue;
    }
    if (c === '"' || c === "'") {
      const isCtor = constructorCall();
      const startLine = line;
      const body = readString(c);
      if (isCtor)
        regexes.push({ source: unescapeString(body), flags: ctorFlags(code, i), line: startLine, kind: 'constructor' });
      previous = 'string';
      continue;
    }
    if (c === '`') {
      if (constructorCall())
        dynamic.push({ line, text: code.slice(i, code.indexOf('\n', i)), justified: justified(line) });
      i++;
      readTemplateChunk();
      continue;
    }
    if (c === '{') {
      if (templateBraces.length > 0) templateBraces[templateBraces.length - 1]! += 1;
      previous = '{';
      i++;
      continue;
    }
    if (c === '}') {
      const depth = templateBraces.length;
      if (depth > 0 && templateBraces[depth - 1] === 0) {
        templateBraces.pop();
        i++;
        readTemplateChunk();
        continue;
      }
      if (depth > 0) templateBraces[depth - 1]! -= 1;
      previous = '}';
      i++;
      continue;
    }
    if (c === '/') {
      const regexAllowed =
        previous === '' || REGEX_AFTER_WORD.has(previous) || /^[^\w$)\]}]$|^string-op$/.test(previous);
      if (regexAllowed && previous !== 'string') {
        const start = i;
        let k = i + 1;
        let inClass = false;
        while (k < code.length && code[k] !== '\n') {
          const ch = code[k];
          if (ch === '\\') {
            k += 2;
            continue;
          }
          if (ch === '[') inClass = true;
          else if (ch === ']') inClass = false;
          else if (ch === '/' && !inClass) break;
          k++;
        }
        const source = code.slice(start + 1, k);
        let f = k + 1;
        while (f < code.length && /[a-z]/.test(code[f] as string)) f++;
        regexes.push({ source, flags: code.slice(k + 1, f), line, kind: 'literal' });
        i = f;
        previous = 'regex';
        continue;
      }
      previous = '/';
      i++;
      continue;
    }
    if (isIdentChar(c)) {
      let k = i;
      while (k < code.length && isIdentChar(code[k] as string)) k++;
      const word = code.slice(i, k);
      const ctorStart = /^RegExp$/.test(word) && /^\s*\(\s*[\w$]/.test(code.slice(k, k + 40));
      if (ctorStart) {
        const arg = /^\s*\(\s*([\w$.]+)/.exec(code.slice(k, k + 80))?.[1] ?? '';
        dynamic.push({ line, text: `RegExp(${arg}...)`, justified: justified(line) });
      }
      previous = /^\d/.test(word) ? 'number' : REGEX_AFTER_WORD.has(word) ? word : 'ident';
      i = k;
      continue;
    }
    previous = c;
    i++;
  }
  return { regexes, dynamic };
};

/** Flags of `new RegExp('...', 'gi')`: the string literal after the pattern's closing quote. */
const ctorFlags = (code: string, after: number): string =>
  /^\s*,\s*['"]([a-z]*)['"]/.exec(code.slice(after, after + 40))?.[1] ?? '';
