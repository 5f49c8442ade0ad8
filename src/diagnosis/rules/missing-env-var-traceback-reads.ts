/**
 * missing_env_var, read from a Python traceback: the failing frame's source line reads a variable with
 * os.getenv("X") / os.environ.get("X") (no default, or an empty one) and the exception that ends the
 * traceback is about a None or empty value (boto's "expected string or bytes-like object, got 'NoneType'",
 * Azure's "Connection string is either blank or malformed", "argument of type 'NoneType'", "must not be
 * empty"). The lookup returned nothing, so the variable was not set; a value that was set but wrong would
 * be printed. The frame alone is not evidence (most reads succeed): the None/empty exception must follow.
 */
import type { RuleContext } from '../rule.ts';
import type { Signature, SignatureHit } from './log-helpers.ts';

// A traceback frame's source line that reads a variable without a usable default.
const ENV_READ_FRAME: Signature = {
  all: [
    /\bos\.(?:getenv|environ\.get)\(\s{0,4}['"][A-Z][A-Z0-9_]{1,80}['"]\s{0,4}(?:,\s{0,4}(?:""|''|None)\s{0,4})?\)/,
  ],
  confidence: 0.5,
  title: 'The failing line reads an environment variable that is not set (None or empty reached the call)',
};

// The exception line that ends the traceback: a None or an empty/blank string where a value belongs, a
// type check that wanted a string (configparser's "option values must be strings", "expected str"), or a
// client saying the argument it was handed is required ("host must be specified").
const NONE_OR_EMPTY_EXCEPTION =
  /^(?:[\w.]{1,80}\.)?(?:TypeError|ValueError|AttributeError|[A-Z]\w{0,40}(?:Error|Exception)): [^\n]{0,160}?(?:\bNoneType\b|\bNone\b|\bblank\b|\bempty\b|\bmust not be (?:empty|None|null)\b|\bmust be (?:specified|provided|set|given)\b|\bis required\b|\bvalues? must be (?:a )?str(?:ing)?s?\b|\bexpected (?:a )?str(?:ing)?\b|\bstr expected\b)/;

// Tracebacks are short: the exception ends the same traceback within a few dozen lines of the frame.
const TRACEBACK_SPAN = 60;

// The strongest signature is the one weighed, so the frame enters low (0.5) and must not shadow another
// reading of the same log; when the None/empty exception follows it is raised above a generic crash.
const CONFIRMED = 0.7;

/** 0 drops the frame unless a None/empty exception ends its traceback; undefined for other signatures. */
export const weighTracebackRead = (ctx: RuleContext, hit: SignatureHit): number | undefined => {
  if (hit.signature !== ENV_READ_FRAME) return undefined;
  const start = hit.line.line;
  const endsOnNone = ctx.log.lines.some(
    (l) => l.line > start && l.line <= start + TRACEBACK_SPAN && NONE_OR_EMPTY_EXCEPTION.test(l.text.trimStart()),
  );
  return endsOnNone ? CONFIRMED : 0;
};

export const TRACEBACK_READ_SIGNATURES: readonly Signature[] = [ENV_READ_FRAME];
