/**
 * Where a JSON text goes wrong. Node's JSON.parse messages do not always carry a position (for an
 * unexpected token they quote a snippet instead), so after JSON.parse has failed this small scanner
 * finds the first offending offset, for a "file:line:column" error a person can act on.
 */

export interface JsonErrorLocation {
  offset: number;
  line: number;
  column: number;
  /** What was found there: a quoted character or "end of input". */
  found: string;
}

const WS = ' \t\n\r';
const NUMBER = /-?(?:0|[1-9][0-9]{0,400})(?:\.[0-9]{1,400})?(?:[eE][+-]?[0-9]{1,400})?/y;

/** The offset of the first syntax error in `text`, or -1 if there is none (or nesting is too deep to scan). */
export const jsonErrorOffset = (text: string): number => {
  let i = 0;
  const fail = (): never => {
    throw i;
  };
  const ws = (): void => {
    while (i < text.length && WS.includes(text[i] as string)) i++;
  };
  const string = (): void => {
    i++;
    while (i < text.length) {
      const c = text[i] as string;
      if (c === '"') {
        i++;
        return;
      }
      if (c === '\\') {
        const e = text[i + 1] ?? '';
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
            i += 2;
            fail();
          }
          i += 6;
          continue;
        }
        if (!'"\\/bfnrt'.includes(e) || e === '') {
          i++;
          fail();
        }
        i += 2;
        continue;
      }
      if (c < ' ') fail();
      i++;
    }
    fail();
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (text[i] === close) {
        i++;
        return;
      }
      for (;;) {
        if (c === '{') {
          ws();
          if (text[i] !== '"') fail();
          string();
          ws();
          if (text[i] !== ':') fail();
          i++;
        }
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === close) {
          i++;
          return;
        }
        fail();
      }
    }
    if (c === '"') {
      string();
      return;
    }
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    NUMBER.lastIndex = i;
    const number = NUMBER.exec(text);
    if (number && number[0] !== '' && number[0] !== '-') {
      i += number[0].length;
      return;
    }
    fail();
  };
  try {
    value();
    ws();
    return i < text.length ? i : -1;
  } catch (thrown) {
    return typeof thrown === 'number' ? thrown : -1;
  }
};

export const jsonErrorLocation = (text: string): JsonErrorLocation | null => {
  const offset = jsonErrorOffset(text);
  if (offset < 0) return null;
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  const char = text[offset];
  const found = char === undefined ? 'end of input' : JSON.stringify(char);
  return { offset, line, column, found };
};
