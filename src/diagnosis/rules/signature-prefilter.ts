/**
 * The cheap first pass of signature matching (not a rule): which signatures can be ruled out for a whole
 * log before any of their patterns is tried line by line.
 */
import { type LiteralRequirement, requiredLiterals } from '../../text/required-literals.ts';
import type { LogLine } from '../types.ts';

/**
 * Whether a pattern can be tried once on the whole log (its lines joined by newlines) before it is tried
 * line by line: most signatures match no line at all, and one call over the joined lines costs less than
 * one call per line. A line's match is then a match in the joined text at the same place, so the filter
 * never hides a line, unless the pattern has an anchor (`^`/`$` would only see the ends of the whole
 * text), a lookaround (it could see the neighbouring line through the join) or a stateful flag (`g`,
 * `y`): those are only tried line by line. The pattern runs as written, so its linear-time proof holds.
 */
/** An unescaped `^` or `$` outside a character class, or a `(?=`, `(?!`, `(?<=`, `(?<!` group. */
const hasAnchorOrLookaround = (source: string): boolean => {
  let inClass = false;
  for (let i = 0; i < source.length; i += 1) {
    const char = source[i];
    if (char === '\\') i += 1;
    else if (inClass) inClass = char !== ']';
    else if (char === '[') inClass = true;
    else if (char === '^' || char === '$') return true;
    else if (char === '(' && source[i + 1] === '?' && /^<?[=!]/.test(source.slice(i + 2, i + 4))) return true;
  }
  return false;
};

const filterable = new WeakMap<RegExp, boolean>();
const canFilter = (pattern: RegExp): boolean => {
  let known = filterable.get(pattern);
  if (known === undefined) {
    known = !pattern.global && !pattern.sticky && !hasAnchorOrLookaround(pattern.source);
    filterable.set(pattern, known);
  }
  return known;
};

const requirements = new WeakMap<RegExp, LiteralRequirement | null>();
const requirementOf = (pattern: RegExp): LiteralRequirement | null => {
  let known = requirements.get(pattern);
  if (known === undefined) {
    known = requiredLiterals(pattern);
    requirements.set(pattern, known);
  }
  return known;
};

// The rules of one classification all read the same joined text: lower-case it once for all of them.
let lastText = '';
let lastLowered = '';
const lowered = (text: string): string => {
  if (text !== lastText) {
    lastText = text;
    lastLowered = text.toLowerCase();
  }
  return lastLowered;
};

/** Whether the text holds one of the strings every match of the pattern contains (true when none is known). */
const holdsLiterals = (pattern: RegExp, text: string): boolean => {
  const requirement = requirementOf(pattern);
  if (!requirement) return true;
  const haystack = requirement.caseless ? lowered(text) : text;
  return requirement.anyOf.some((literal) => haystack.includes(literal));
};

/**
 * False only when some pattern of a signature matches nowhere in `joined` (the lines, one per row). The
 * literal check rules out any pattern, anchored ones included (a line's literal is in the joined text).
 */
export const mayMatch = (patterns: readonly RegExp[], joined: string): boolean =>
  patterns.every((pattern) => holdsLiterals(pattern, joined) && (!canFilter(pattern) || pattern.test(joined)));

/** The log's lines joined once per log, for every signature's filter. */
const joinedLogs = new WeakMap<readonly LogLine[], string>();
export const joinedText = (lines: readonly LogLine[]): string => {
  let text = joinedLogs.get(lines);
  if (text === undefined) {
    text = lines.map((l) => l.text).join('\n');
    joinedLogs.set(lines, text);
  }
  return text;
};
