/**
 * app_bug: an unhandled exception or panic in the application's own code. This is the generic reading
 * of a stack trace, so its confidence stays below every specific rule: a trace that says "No such file"
 * or "Connection refused" is owned by that cause.
 */
import { kubectl } from '../kubectl.ts';
import type { Rule } from '../rule.ts';
import type { LogLine } from '../types.ts';
import { finding, hitEvidence, matchSignatures, type Signature } from './log-helpers.ts';

const SIGNATURES: Signature[] = [
  {
    all: [
      /panic: runtime error: (?:invalid memory address or nil pointer dereference|index out of range|slice bounds out of range|integer divide by zero)/,
    ],
    confidence: 0.72,
    title: 'The Go program panicked (runtime error in its code)',
  },
  { all: [/^panic: |^goroutine \d+ \[running\]:/], confidence: 0.55, title: 'The Go program panicked' },
  {
    all: [
      /^fatal error: (?:all goroutines are asleep - deadlock|concurrent map (?:writes|read and map write|iteration and map write))/,
    ],
    confidence: 0.7,
    title: 'The Go program hit a fatal runtime error in its own code (deadlock or unsynchronised map)',
  },
  {
    // Elixir/Erlang: a process crashed on a pattern that its own code did not handle.
    all: [
      /^\*\* \((?:MatchError|FunctionClauseError|CaseClauseError|CondClauseError|WithClauseError|BadMapError|BadArityError|ArithmeticError|KeyError|Protocol\.UndefinedError)\)/,
    ],
    confidence: 0.6,
    title: 'The Elixir program crashed on an unhandled error in its code',
  },
  {
    all: [
      /Exception in thread "main" java\.lang\.(?:NullPointerException|IllegalStateException|IllegalArgumentException|ClassCastException|ArrayIndexOutOfBoundsException|IndexOutOfBoundsException|ArithmeticException)/,
    ],
    confidence: 0.68,
    title: 'The Java program crashed on an unhandled exception',
  },
  {
    all: [/java\.lang\.(?:NullPointerException|ClassCastException|ArrayIndexOutOfBoundsException|ArithmeticException)/],
    confidence: 0.6,
    title: 'The Java program crashed on an unhandled exception',
  },
  {
    all: [
      /Unhandled exception\. System\.(?:NullReferenceException|InvalidOperationException|ArgumentNullException|ArgumentException|IndexOutOfRangeException|InvalidCastException|FormatException)/,
    ],
    confidence: 0.68,
    title: 'The .NET program crashed on an unhandled exception',
  },
  {
    all: [
      /^(?:AttributeError|NameError|ZeroDivisionError|IndexError|UnboundLocalError|RecursionError|AssertionError|ValueError): /,
    ],
    confidence: 0.6,
    title: 'The Python program crashed on an unhandled exception',
  },
  {
    // Python and JavaScript both say "TypeError: ": the title does not guess which.
    all: [/^TypeError: /],
    confidence: 0.6,
    title: 'The program crashed on an unhandled TypeError',
  },
  {
    all: [/^(?:Uncaught )?(?:TypeError|ReferenceError|RangeError|SyntaxError): /],
    confidence: 0.6,
    title: 'The Node.js program crashed on an unhandled exception',
  },
  {
    // Elixir prints "** (ArgumentError) ..." where Ruby prints "... (ArgumentError)".
    all: [/^\*\* \([A-Z][\w.]{1,80}\) /],
    confidence: 0.62,
    title: 'The Elixir program crashed on an unhandled exception',
  },
  {
    all: [/\((?:NoMethodError|NameError|ZeroDivisionError|TypeError|ArgumentError)\)/],
    confidence: 0.62,
    title: 'The Ruby program crashed on an unhandled exception',
    not: /^\*\* \(/,
  },
  {
    all: [/undefined method [`'‘]/, /\bfor nil\b/],
    confidence: 0.62,
    title: 'The Ruby program crashed on an unhandled exception',
  },
  {
    all: [
      /PHP Fatal error: {1,2}Uncaught |Call to undefined (?:function|method)|Call to a member function [^\s(]+\(\) on null/,
    ],
    confidence: 0.62,
    title: 'The PHP program crashed on an uncaught error',
  },
  { all: [/thread '[^']+' panicked at/], confidence: 0.5, title: 'The Rust program panicked' },
  {
    all: [/\bUnhandledPromiseRejection|\bunhandledRejection\b|Unhandled exception|uncaughtException/],
    confidence: 0.5,
    title: 'The program crashed on an unhandled exception',
  },
  {
    all: [/^Traceback \(most recent call last\):/],
    confidence: 0.4,
    title: 'The Python program crashed on an unhandled exception',
  },
  {
    // Unity/Mono game servers print the exception without .NET's "Unhandled exception." prefix.
    all: [/^NullReferenceException: Object reference not set to an instance of an object/],
    confidence: 0.58,
    title: 'The program crashed on a null reference in its code',
  },
  { all: [/^Exception in thread "/], confidence: 0.45, title: 'The Java program crashed on an unhandled exception' },
];

// Frames in the app's own code (not a dependency's or the runtime's): the first one is where to look.
const APP_DIR = /\/(?:app|src|srv|usr\/src\/app|home|code|workspace)\//;
const SOURCE_FILE = /\.(?:js|ts|mjs|cjs|py|rb|go|php|java|cs|rs|kt)\b/;
const LIBRARY_FRAME = /node_modules|site-packages|dist-packages|\/gems\/|\/vendor\/|\/usr\/lib\/|\/usr\/local\/lib\//;

const firstAppFrame = (lines: readonly LogLine[], from: LogLine): LogLine | undefined => {
  const start = lines.indexOf(from);
  for (let i = Math.max(0, start); i < lines.length && i < start + 40; i++) {
    const line = lines[i]!;
    if (APP_DIR.test(line.text) && SOURCE_FILE.test(line.text) && !LIBRARY_FRAME.test(line.text)) return line;
  }
  return undefined;
};

export const appBug: Rule = {
  id: 'app-bug',
  match: (ctx) => {
    const hit = matchSignatures(ctx, SIGNATURES);
    if (!hit) return null;
    const frame = firstAppFrame(ctx.log.lines, hit.line);
    return finding(ctx, {
      ruleId: 'app-bug',
      category: 'app_bug',
      title: hit.signature.title,
      // A frame in the app's own code makes "our bug" more likely than a library's complaint.
      confidence: Math.min(0.8, hit.confidence + (frame ? 0.05 : 0)),
      evidence: hitEvidence(hit, [frame]),
      steps: [
        frame
          ? `Start at the first frame in the app's code: ${frame.text.trim()}`
          : "Find the first frame in the app's own code in the stack trace",
        `If a new revision brought it, roll back while fixing: ${kubectl.rolloutUndo(ctx.target)}`,
      ],
    });
  },
};
