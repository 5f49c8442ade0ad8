/**
 * app_bug: an unhandled exception or panic in the application's own code. This is the generic reading
 * of a stack trace, so its confidence stays below every specific rule: a trace that says "No such file"
 * or "Connection refused" is owned by that cause.
 */
import { kubectl } from '../kubectl.ts';
import type { Rule } from '../rule.ts';
import type { LogLine } from '../types.ts';
import { CONTRACT_VIOLATION_SIGNATURES } from './app-bug-contract-violations.ts';
import { RECURSION_SIGNATURES } from './app-bug-recursion.ts';
import { DI_WIRING_SIGNATURES } from './app-bug-wiring.ts';
import { finding, hitEvidence, matchSignatures, type Signature } from './log-helpers.ts';

// Go runtime faults that only the program's own code causes, beyond the nil dereference in SIGNATURES. No
// environment makes a program close a channel twice or write to a nil map: with the goroutine trace
// that follows, the panic is the fatal line even when louder lines (an exporter that cannot reach its
// collector) come before it.
const GO_RUNTIME_FAULT: Signature = {
  all: [
    /^panic: (?:assignment to entry in nil map|send on closed channel|close of (?:closed|nil) channel|interface conversion: |sync: (?:negative WaitGroup counter|unlock of unlocked mutex|WaitGroup is reused)|runtime error: (?:makeslice|hash of unhashable type|comparing uncomparable type))|^fatal error: (?:sync: (?:unlock of unlocked mutex|Unlock of unlocked RWMutex|RUnlock of unlocked RWMutex)|stack overflow)/,
  ],
  confidence: 0.84,
  title: 'The Go program hit a runtime error in its own code',
};

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
    // Elixir prints "** (ArgumentError) ..." where Ruby prints "... (ArgumentError)". A connection that failed
    // (DBConnection, Mint, Redix; :econnrefused, :nxdomain) is the network's, read by the connection rules.
    all: [/^\*\* \([A-Z][\w.]{1,80}\) /],
    confidence: 0.62,
    title: 'The Elixir program crashed on an unhandled exception',
    not: /\((?:DBConnection\.ConnectionError|Mint\.TransportError|Redix\.ConnectionError)\)|:econnrefused\b|:nxdomain\b|[Cc]onnection refused/,
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
    // A JavaScript dereference of null quoted mid-line by a logger ("FATAL: [Server] Unhandled rejection:
    // TypeError: Cannot read properties of null (reading 'x')", "<rejected> TypeError: ..."): null is a
    // value the code itself produced (a deleted row, a missing lookup), not an unset variable, which
    // reads as undefined and is missing-env-var's clue.
    all: [
      /\bTypeError: (?:Cannot read propert(?:y|ies) of null\b|Cannot set propert(?:y|ies) of null\b|null is not an object\b|Cannot destructure property '[^'\n]{1,100}' of '[^'\n]{1,100}' as it is null)/,
    ],
    confidence: 0.66,
    title: 'The program dereferenced a null value in its own code',
  },
  {
    all: [
      /\bUnhandledPromiseRejection|\bunhandledRejection\b|\bUnhandled (?:promise )?rejection\b|Unhandled exception|uncaughtException/,
    ],
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
  ...DI_WIRING_SIGNATURES,
  ...CONTRACT_VIOLATION_SIGNATURES,
  ...RECURSION_SIGNATURES,
  GO_RUNTIME_FAULT,
  {
    // Rust panics whose message is a logic error, not an environment problem (Result::unwrap() on an
    // Err is left out: the Err is often a missing variable, file or connection).
    all: [
      /called `Option::unwrap\(\)` on a `None` value|index out of bounds: the len is|attempt to (?:add|subtract|multiply|divide|negate|shift left|shift right|calculate the remainder) with (?:overflow|a divisor of zero)|\battempt to divide by zero|already (?:mutably )?borrowed: BorrowE|byte index \d{1,12} is (?:out of bounds|not a char boundary)|entered unreachable code/,
    ],
    confidence: 0.68,
    title: 'The Rust program panicked on a logic error in its code',
  },
  {
    // OCaml: an exception nothing caught (Not_found from Hashtbl.find/List.assoc, Invalid_argument,
    // Match_failure). Out of memory and system errors (a missing file) belong to their own causes.
    all: [/^Fatal error: exception (?!Out_of_memory|Sys_error|Unix\.Unix_error)/],
    confidence: 0.62,
    title: 'The OCaml program crashed on an exception its code did not handle',
  },
  {
    // Haskell partial functions and incomplete patterns: "prog: Prelude.head: empty list",
    // "Maybe.fromJust: Nothing", "Non-exhaustive patterns in function", "divide by zero".
    all: [
      /\bPrelude\.(?:head|tail|last|init|!!|read|undefined|maximum|minimum|foldr1|foldl1|chr)\b|\bMaybe\.fromJust: Nothing|\bNon-exhaustive patterns in\b|\bIrrefutable pattern failed\b|\bNo instance nor default method\b|^[\w.-]{1,100}: divide by zero\s*$/,
    ],
    confidence: 0.68,
    title: 'The Haskell program crashed in its own code (partial function or missing pattern)',
  },
  {
    // Swift, Kotlin, Scala, Dart, Nim: the runtime's words for a null, bounds or pattern error.
    all: [
      /Fatal error: (?:Unexpectedly found nil while (?:implicitly )?unwrapping an Optional value|Index out of range|Array index is out of range|Division by zero)|kotlin\.(?:UninitializedPropertyAccessException|KotlinNullPointerException|NoWhenBranchMatchedException)|\blateinit property \w{1,100} has not been initialized|\bscala\.MatchError\b|Null check operator used on a null value|\bLateInitializationError\b|\[(?:IndexDefect|NilAccessDefect|FieldDefect|RangeDefect|DivByZeroDefect|OverflowDefect|AssertionDefect|ObjectConversionDefect)\]/,
    ],
    confidence: 0.68,
    title: 'The program crashed on a null, bounds or pattern error in its code',
  },
  {
    // More JVM/.NET exceptions that only the code raises, and Clojure's "Execution error (X)".
    all: [
      /\bjava\.lang\.(?:StackOverflowError|UnsupportedOperationException|NegativeArraySizeException|StringIndexOutOfBoundsException)\b|\bjava\.util\.ConcurrentModificationException\b|^Execution error \((?:NullPointerException|ClassCastException|ArityException|IllegalArgumentException|ArithmeticException|IndexOutOfBoundsException|IllegalStateException|UnsupportedOperationException|StackOverflowError)\)|\bSystem\.(?:NullReferenceException|DivideByZeroException|StackOverflowException)\b|\bSystem\.InvalidOperationException: (?:Sequence contains no|Nullable object must have a value)|\bSystem\.Collections\.Generic\.KeyNotFoundException\b/,
    ],
    confidence: 0.62,
    title: 'The program crashed on an exception in its own code',
  },
  {
    // Collection and stream misuse in the app's own code, whatever data triggered it: Java's
    // Collectors.toMap without a merge function ("Duplicate key EUR (attempted merging values"),
    // Optional.get on an empty Optional ("No value present"), a stream consumed twice, Kotlin's first()
    // on an empty list, .NET's Dictionary.Add of an existing key.
    all: [
      /\bIllegalStateException: Duplicate key\b|\(attempted merging values |\bNoSuchElementException: (?:No value present|(?:Collection|List|Array|Sequence|Iterator|Map) (?:is empty|contains no element))|\bstream has already been operated upon or closed\b|\bAn item with the same key has already been added\b/,
    ],
    confidence: 0.66,
    title: 'The program crashed on a collection or stream misuse in its code (duplicate key, empty value)',
  },
  {
    // A collection changed while the code iterates over it: Python "RuntimeError: dictionary changed size
    // during iteration" (set, deque, OrderedDict too), Ruby "can't add a new key into hash during
    // iteration", .NET "Collection was modified; enumeration operation may not execute" (Java's
    // ConcurrentModificationException is read above).
    all: [
      /\b(?:dictionary|[Ss]et|deque|OrderedDict|dictionary keys) (?:changed size|mutated|changed) during iteration\b|\bcan't add a new key into hash during iteration\b|\bCollection was modified; enumeration operation may not execute\b/,
    ],
    confidence: 0.68,
    title: 'The program modified a collection while iterating over it (a bug in its code)',
  },
  {
    // ORM mappings that contradict the entity classes: Hibernate "Collection 'A.items' is 'mappedBy' a
    // property named 'x' which does not exist in the target entity", "mappedBy reference an unknown
    // target entity property", AnnotationException; Spring Data "No property 'x' found for type 'Y'"
    // from a derived query method; EF Core "Unable to determine the relationship represented by
    // navigation". The schema of the database (Schema-validation) is another cause.
    all: [
      /\bis 'mappedBy' a property named\b|\bmappedBy reference an unknown target entity property\b|\borg\.hibernate\.AnnotationException\b|\bNo property '[\w.]{1,100}' found for type '[\w.]{1,200}'|\bUnable to determine the relationship represented by navigation\b/,
    ],
    confidence: 0.72,
    title: "The app's ORM entity mapping contradicts its own classes (a bug in its code)",
    not: /Schema-validation/,
  },
  {
    // C++ exceptions that signal a logic error, a failed assert(), a pure virtual call.
    all: [
      /terminate called after throwing an instance of '(?:std::)?(?:out_of_range|logic_error|invalid_argument|length_error|domain_error|bad_optional_access|bad_variant_access|bad_function_call|bad_any_cast|bad_cast|bad_weak_ptr|bad_typeid)'|\bpure virtual method called\b|: Assertion [`'‘][^\n'’`‘]{1,300}['’] failed\./,
    ],
    confidence: 0.62,
    title: 'The native program aborted on a logic error in its code (uncaught exception or failed assertion)',
  },
  {
    // Perl, Lua, Julia, Erlang: a call on an undefined/nil value, a bounds or method error, a bad match.
    // An Erlang match on {error, ...} is the environment failing (a port, a file), not the code.
    all: [
      /^Can't (?:call method "[^"]{1,100}" on (?:an undefined value|unblessed reference)|use an undefined value as|locate object method)|^Illegal division by zero at |^Not an? (?:ARRAY|HASH|CODE) reference at |^Undefined subroutine &|\battempt to (?:index|call|perform arithmetic on|concatenate|compare)\b[^\n]{0,40}\bnil\b|^ERROR: (?:LoadError: )?(?:BoundsError|MethodError|UndefVarError|DivideError|InexactError|AssertionError|DimensionMismatch|StackOverflowError|UndefRefError)\b|\{(?:badmatch|function_clause|case_clause|badarith|if_clause|try_clause),|\bno (?:match of right hand side value|function clause matching|case clause matching)\b/,
    ],
    confidence: 0.6,
    title: 'The program crashed on an error in its own code',
    not: /\{error,|\{:error,|\benoent\b|\beaddrinuse\b|\beconnrefused\b|\beacces\b|\bnxdomain\b/,
  },
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

// An exception raised by an environment lookup is a missing variable, whatever the language calls it:
// OCaml Sys.getenv's Not_found, Julia's KeyError from ENV (env.jl), Scala sys.env's "key not found: X",
// .NET's KeyNotFoundException for "X", Crystal's "Missing ENV key", Rust's NotPresent.
const ENV_LOOKUP =
  /(?:Sys|Unix|os|System|Posix|std\.process)\.getenv\b|\bgetEnv(?:VarOwned)?\b|\bGetEnvironmentVariable\b|\bos\.environ\b|\bENV\[|\benv\.jl\b|\bMissing ENV key\b|\bkey not found: [A-Z][A-Z0-9_]{2,64}\b|\bkey "[A-Z][A-Z0-9_]{2,64}" not found|\bgiven key '[A-Z][A-Z0-9_]{2,64}' was not present|\bNotPresent\b|\bEnvironmentVariableNotFound\b/;

/** True when the trace around the crash (the line and the frames after it) runs through an env lookup. */
const raisedByEnvLookup = (lines: readonly LogLine[], from: LogLine): boolean => {
  const start = Math.max(0, lines.indexOf(from));
  return lines.slice(start, start + 15).some((line) => ENV_LOOKUP.test(line.text));
};

export const appBug: Rule = {
  id: 'app-bug',
  match: (ctx) => {
    const hit = matchSignatures(ctx, SIGNATURES);
    if (!hit) return null;
    // Not the app's bug but its environment: the missing-env-var rule names the variable.
    if (raisedByEnvLookup(ctx.log.lines, hit.line)) return null;
    const frame = firstAppFrame(ctx.log.lines, hit.line);
    return finding(ctx, {
      ruleId: 'app-bug',
      category: 'app_bug',
      title: hit.signature.title,
      // A frame in the app's own code makes "our bug" more likely than a library's complaint.
      // An unambiguous Go runtime fault with a frame in the app's code may speak above the generic cap.
      confidence: Math.min(hit.signature === GO_RUNTIME_FAULT ? 0.9 : 0.8, hit.confidence + (frame ? 0.05 : 0)),
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
