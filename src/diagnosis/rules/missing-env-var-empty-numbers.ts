/**
 * missing_env_var read from a number (or duration, boolean) parsed out of an empty string, in the words of
 * the runtimes that missing-env-var-indirect.ts does not cover (not a rule itself: the missing-env-var rule
 * imports these). `parseInt(getEnv("PORT"))`, `env::var("N").unwrap_or_default().parse()`,
 * `Integer(ENV["N"].to_s)`: the variable is unset, the lookup gives "", and the parser names the empty
 * value. A value that is present but not a number (`invalid integer: abc`) is a bad value, not this.
 */
import type { Signature } from './log-helpers.ts';

export const EMPTY_NUMBER_SIGNATURES: readonly Signature[] = [
  {
    // Nim's strutils ("invalid integer: " & s, raised as "invalid integer:  [ValueError]" with s empty),
    // Crystal's String#to_i ('Invalid Int32: ""'), Ruby's Integer()/Float() ('invalid value for
    // Integer(): ""'), Rust's IntErrorKind::Empty and float parse ("cannot parse integer from empty
    // string", "kind: Empty"), and Erlang's binary_to_integer on an empty binary.
    all: [
      /\binvalid (?:integer|unsigned integer|int|float|number|bool(?:ean)?|port(?: number)?): (?:""|''| ?\[ValueError\]| ?$)|\bInvalid (?:U?Int(?:8|16|32|64|128)|Float(?:32|64)): ""|\binvalid value for (?:Integer|Float)\(\): ""|\bcannot parse (?:integer|float) from empty string\b|\bParseIntError \{ kind: Empty \}|\bbinary_to_(?:integer|float)\((?:""|<<>>)(?:, ?\d{1,2})?\)/,
    ],
    confidence: 0.72,
    title: 'An empty value was parsed as a number: the environment variable it comes from is likely not set',
  },
  {
    // .NET 8's int.Parse / TimeSpan.Parse of Environment.GetEnvironmentVariable("X") set to "" ("The input
    // string '' was not in a correct format"): the sibling of int.Parse(null)'s "(Parameter 's')" (0.78).
    // It arrives under "Unhandled exception. System.FormatException", which app_bug reads as a generic
    // crash, so the empty value it names is held a little above that reading.
    all: [/\bThe input string '' was not in a correct format\b/],
    confidence: 0.76,
    title: 'An empty value was parsed as a number: the environment variable it comes from is likely not set',
  },
  {
    // Ruby's Integer(nil) / Float(nil) of ENV["X"] with X unset ("can't convert nil into Integer (TypeError)"),
    // the sibling of Python's int(None). In a file under config/ (puma.rb's workers Integer(ENV[
    // "WEB_CONCURRENCY"]), an initializer) it is a setting read from the environment, so it counts more;
    // elsewhere it may be the app's own nil, so just above a generic crash.
    all: [/\bcan't convert nil into (?:Integer|Float)\b/],
    confidence: 0.66,
    title: 'A missing value (nil) was converted to a number: the environment variable it comes from is likely not set',
    not: /\/config\/(?:initializers\/|environments\/)?[\w-]{1,60}\.rb:\d/,
  },
  {
    all: [
      /\/config\/(?:initializers\/|environments\/)?[\w-]{1,60}\.rb:\d{1,6}:in [^\n]{0,80}can't convert nil into (?:Integer|Float)\b/,
    ],
    confidence: 0.78,
    title: 'A config file converted a missing value (nil) to a number: the environment variable it reads is not set',
  },
];
