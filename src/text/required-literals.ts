/**
 * The literal text any match of a regex must contain: "one of these strings" read from the pattern's
 * source, so a caller can rule a pattern out with `includes` before running it. Most signatures match no
 * line of a given log, and finding that a log lacks "Permission denied" costs far less than running a
 * pattern that starts with a word boundary and an alternation at every position of the text.
 *
 * The reading is conservative: anything it does not understand (classes, optional parts, lookarounds,
 * backreferences, Unicode mode) contributes no requirement, so a pattern it cannot read is simply run as
 * before. A requirement it returns is a necessary condition only: the pattern still decides.
 */

/** At least one of `anyOf` occurs in every match (lower-cased when `caseless`). */
export interface LiteralRequirement {
  anyOf: readonly string[];
  caseless: boolean;
}

// Past these a requirement costs more to check than it saves, or says too little to rule anything out.
const MAX_ALTERNATIVES = 12;
const MIN_LITERAL_CHARS = 3;

/** A parsed piece of the pattern: null is "no requirement known". */
type Requirement = readonly string[] | null;

interface Quantifier {
  min: number;
  max: number;
}

const ONCE: Quantifier = { min: 1, max: 1 };
const CLASS_ESCAPES = new Set(['d', 'D', 'w', 'W', 's', 'S']);
const CONTROL_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v' };

const better = (a: Requirement, b: Requirement): Requirement => {
  if (!b || b.length === 0) return a;
  if (!a || a.length === 0) return b;
  const shortest = (r: readonly string[]) => Math.min(...r.map((s) => s.length));
  const [sa, sb] = [shortest(a), shortest(b)];
  if (sa !== sb) return sa > sb ? a : b;
  return b.length < a.length ? b : a;
};

class Reader {
  private at = 0;

  private readonly source: string;
  private readonly caseless: boolean;

  constructor(source: string, caseless: boolean) {
    this.source = source;
    this.caseless = caseless;
  }

  /** The whole pattern: an alternation of sequences. */
  read(): Requirement {
    const requirement = this.alternation();
    return this.at === this.source.length ? requirement : null;
  }

  private peek(offset = 0): string | undefined {
    return this.source[this.at + offset];
  }

  private alternation(): Requirement {
    const branches: Requirement[] = [this.sequence()];
    while (this.peek() === '|') {
      this.at += 1;
      branches.push(this.sequence());
    }
    if (branches.some((b) => b === null)) return null;
    const union = [...new Set(branches.flatMap((b) => b ?? []))];
    return union.length > MAX_ALTERNATIVES ? null : union;
  }

  /** Atoms up to `|` or `)`: the best required piece, literal runs included. */
  private sequence(): Requirement {
    let best: Requirement = null;
    let run = '';
    const flush = () => {
      if (run.length > 0) best = better(best, [run]);
      run = '';
    };
    for (let char = this.peek(); char !== undefined && char !== '|' && char !== ')'; char = this.peek()) {
      const atom = this.atom();
      const quantifier = this.quantifier();
      if (atom.kind === 'char') {
        if (quantifier.min === 0) flush();
        else {
          run += atom.char;
          if (quantifier.max !== 1) flush();
        }
      } else if (atom.kind === 'boundary') {
        // Zero-width between two literal characters: they stay adjacent in the text.
      } else {
        flush();
        if (atom.kind === 'group' && quantifier.min > 0) best = better(best, atom.requirement);
      }
    }
    flush();
    return best;
  }

  private atom():
    | { kind: 'char'; char: string }
    | { kind: 'group'; requirement: Requirement }
    | { kind: 'boundary' }
    | { kind: 'other' } {
    const char = this.peek() ?? '';
    if (char === '(') return this.group();
    if (char === '[') {
      this.skipClass();
      return { kind: 'other' };
    }
    this.at += 1;
    if (char === '\\') return this.escape();
    if (char === '.' || char === '^' || char === '$') return { kind: 'other' };
    return this.literal(char);
  }

  private literal(char: string): { kind: 'char'; char: string } | { kind: 'other' } {
    if (!this.caseless) return { kind: 'char', char };
    // Case-insensitive matching of non-ASCII letters follows rules `toLowerCase` does not mirror.
    return char.charCodeAt(0) < 128 ? { kind: 'char', char: char.toLowerCase() } : { kind: 'other' };
  }

  private escape(): { kind: 'char'; char: string } | { kind: 'boundary' } | { kind: 'other' } {
    const char = this.peek() ?? '';
    this.at += 1;
    if (char === 'b' || char === 'B') return { kind: 'boundary' };
    const control = CONTROL_ESCAPES[char];
    if (control !== undefined) return { kind: 'char', char: control };
    if (CLASS_ESCAPES.has(char)) return { kind: 'other' };
    // Outside Unicode mode a malformed \x, \u, \c or \k stands for its letter: consume only what forms one.
    const rest = this.source.slice(this.at, this.at + 4);
    if (char === 'x' && /^[0-9A-Fa-f]{2}/.test(rest)) this.at += 2;
    else if (char === 'u' && /^[0-9A-Fa-f]{4}/.test(rest)) this.at += 4;
    else if (char === 'c' && /^[A-Za-z]/.test(rest)) this.at += 1;
    else if (char === 'k' && rest.startsWith('<') && /\(\?<(?![=!])/.test(this.source)) this.skipPast('>');
    else if (/[0-9]/.test(char)) while (/[0-9]/.test(this.peek() ?? '')) this.at += 1;
    // Escaped punctuation is itself; any other escaped letter or digit is read as unknown.
    if (/[A-Za-z0-9]/.test(char) || char === '') return { kind: 'other' };
    return this.literal(char);
  }

  private group(): { kind: 'group'; requirement: Requirement } | { kind: 'other' } {
    this.at += 1;
    let kind: 'capture' | 'lookaround' | 'modifiers' = 'capture';
    if (this.peek() === '?') {
      const head = this.source.slice(this.at + 1, this.at + 3);
      if (head.startsWith(':')) this.at += 2;
      else if (/^(?:[=!]|<[=!])/.test(head)) {
        kind = 'lookaround';
        this.at += head.startsWith('<') ? 3 : 2;
      } else if (head.startsWith('<')) this.skipPast('>');
      else {
        // Inline modifiers such as (?i:...) change how the inside matches.
        kind = 'modifiers';
        this.skipPast(':');
      }
    }
    const requirement = this.alternation();
    if (this.peek() === ')') this.at += 1;
    return kind === 'capture' ? { kind: 'group', requirement } : { kind: 'other' };
  }

  private skipClass(): void {
    this.at += 1;
    while (this.at < this.source.length && this.peek() !== ']') this.at += this.peek() === '\\' ? 2 : 1;
    this.at += 1;
  }

  private skipPast(end: string): void {
    const found = this.source.indexOf(end, this.at);
    this.at = found < 0 ? this.source.length : found + 1;
  }

  private quantifier(): Quantifier {
    const char = this.peek();
    let quantifier = ONCE;
    if (char === '*' || char === '+' || char === '?') {
      this.at += 1;
      quantifier = { min: char === '+' ? 1 : 0, max: char === '?' ? 1 : Number.POSITIVE_INFINITY };
    } else if (char === '{') {
      const braces = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.at, this.at + 24));
      if (!braces) return ONCE;
      this.at += braces[0].length;
      const min = Number(braces[1]);
      const max = braces[2] === undefined ? min : braces[3] ? Number(braces[3]) : Number.POSITIVE_INFINITY;
      quantifier = { min, max };
    }
    if (quantifier !== ONCE && this.peek() === '?') this.at += 1;
    return quantifier;
  }
}

/** What every match of `pattern` contains, or null when nothing useful can be read. */
export const requiredLiterals = (pattern: RegExp): LiteralRequirement | null => {
  // Unicode and unicode-sets modes fold case and parse escapes differently: not read.
  if (pattern.unicode || /v/.test(pattern.flags)) return null;
  const anyOf = new Reader(pattern.source, pattern.ignoreCase).read();
  if (!anyOf || anyOf.length === 0 || anyOf.some((s) => s.length < MIN_LITERAL_CHARS)) return null;
  return { anyOf, caseless: pattern.ignoreCase };
};
