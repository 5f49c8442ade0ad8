/**
 * runtime_version_mismatch's readings that need two lines of one log: an error that alone could be a bug,
 * and the echoed source or generated SQL that shows the code uses a feature another runtime or server
 * release has. The runtime-version-mismatch rule asks these after its single-line signatures.
 */
import type { LogLine } from '../types.ts';
import { esmPathOnNodeBeforeImportMetaDirname } from './version-clues.ts';

export interface SourceEchoClue {
  title: string;
  confidence: number;
  lines: LogLine[];
}

interface PairedReading {
  /** The error the runtime or server raised. */
  error: RegExp;
  /** The echoed code or query that uses the newer feature (anywhere in the log). */
  feature: RegExp;
  confidence: number;
  title: string;
}

const PAIRED_READINGS: PairedReading[] = [
  {
    // Alertmanager 0.22 added the matchers form (route matchers, inhibit source_matchers/target_matchers); an
    // image whose banner shows 0.21 or older refuses it as "field matchers not found in type config.plain".
    // Alone the field could be misplaced (bad_config); with the old release printed, the config is newer.
    error: /\bfield (?:source_|target_)?matchers not found in type\b/,
    feature: /\bStarting Alertmanager\b[^\n]{0,40}\(version=0\.(?:\d|1\d|2[01])\./,
    confidence: 0.86,
    title: 'The Alertmanager config uses matchers (0.22+), but the image runs an older Alertmanager',
  },
  {
    // Prometheus 2.26 added the authorization block to scrape and remote-write configs; an older image (its
    // banner prints the version) refuses it as a field not found, so the config was written for a newer one.
    error: /\bfield authorization not found in type\b/,
    feature: /\bStarting Prometheus\b[^\n]{0,60}\(version=(?:1\.|2\.(?:\d|1\d|2[0-5])\.)/,
    confidence: 0.86,
    title: 'The Prometheus config uses the authorization block (2.26+), but the image runs an older Prometheus',
  },
  {
    // Ruby 3.2 added Data (Data.define value objects): on an older Ruby the constant is looked up in the
    // enclosing module and missing ("uninitialized constant Pricing::Data"); Ruby echoes the source line.
    error: /\buninitialized constant (?:[\w:]{1,120}::)?Data\b(?!::)/,
    feature: /\bData\.define\b/,
    confidence: 0.86,
    title: "The code uses Data.define (Ruby 3.2) but the image's Ruby is older",
  },
  {
    // PEP 585 generics (list[str], dict[str, int], tuple[int, ...]) and subscripted collections.abc classes
    // need Python 3.9: an older image evaluates the annotation at import time and raises "'type' object is
    // not subscriptable" ('ABCMeta' for collections.abc). The echoed annotation, or a Python 3.5-3.8 path in
    // the traceback, shows the code was written for a newer Python than the image runs.
    error: /\bTypeError: '(?:type|ABCMeta)' object is not subscriptable\b/,
    feature:
      /\b(?:list|dict|tuple|set|frozenset|type)\[[\w.'"[]|\b(?:abc|collections)\.[A-Z]\w{1,30}\[|\/python3\.[5-8]\/|\bPython 3\.[5-8]\.\d/,
    confidence: 0.86,
    title:
      "The code subscripts built-in types (list[str]) in annotations, which needs Python 3.9; the image's is older",
  },
  {
    // SQL Server before 2016 (or a database at compatibility level < 130) has no OPENJSON: the query an ORM
    // generates for it (EF Core 8's Contains over a list) fails to parse at its WITH clause or the function.
    error:
      /\bIncorrect syntax near (?:the keyword )?'(?:WITH|OPENJSON|\$)'|'OPENJSON' is not a recognized built-in function name|\bInvalid object name 'OPENJSON'/,
    feature: /\bOPENJSON ?\(/,
    confidence: 0.84,
    title: 'The generated SQL uses OPENJSON, which the SQL Server version (or compatibility level) lacks',
  },
  {
    // async and await became reserved keywords in Python 3.7: a library written before (Celery 4.1's
    // celery.backends.async, old Tornado, pika's async connection, `def f(async=False)`) no longer parses on
    // a newer image. Python echoes the offending source line above "SyntaxError: invalid syntax".
    error: /\bSyntaxError: invalid syntax\b/,
    feature:
      /\bimport (?:\w{1,40}, ){0,8}(?:async|await)\b(?! ?[\w.])|\bfrom [\w.]{0,80}\.(?:async|await) import\b|[(,] {0,4}(?:async|await) {0,2}=(?!=)|\bdef (?:async|await) {0,2}\(|\bself\.(?:async|await)\b/,
    confidence: 0.8,
    title: "A library uses async/await as a name, which Python 3.7 reserved: the image's Python is newer than the code",
  },
  {
    // Node.js 25 removed buffer.SlowBuffer: old dependencies (buffer-equal-constant-time under jwa and
    // jsonwebtoken) read SlowBuffer.prototype at load and fail on undefined. Node echoes the source line, which
    // names the removed API; a floating node:current or latest tag moved the runtime under the lockfile.
    error: /\bTypeError: Cannot read propert(?:y|ies) of undefined \(reading 'prototype'\)/,
    feature: /\bSlowBuffer\.prototype\b/,
    confidence: 0.84,
    title: "A dependency uses SlowBuffer, which the image's (newer) Node.js removed",
  },
  {
    // PHP 8.1 added enums and readonly properties: an older PHP (8.0 says 'unexpected identifier "Status"',
    // 7.x "unexpected 'Status' (T_STRING)") fails to parse them, and Laravel, Symfony and Ignition echo the
    // source line. The code was written for a newer PHP than the image's.
    error: /\bsyntax error, unexpected (?:identifier "\w{1,80}"|'\w{1,80}' \(T_STRING\))/,
    feature:
      /\benum [A-Z]\w{0,60}(?: ?: ?(?:string|int)\b| ?\{| implements\b| ?$)|\b(?:public|protected|private) readonly \??[\w\\]{1,80} \$\w/,
    confidence: 0.8,
    title: "The code uses PHP 8.1 syntax (enum, readonly) that the image's older PHP cannot parse",
  },
  {
    // Import attributes (`import x from './x.json' with { type: 'json' }`, emitted by TypeScript 5.3+ and
    // esbuild) parse only on Node.js 18.20/20.10+: an older Node stops at `with`. The older `assert { type }`
    // form was removed in Node.js 22 (and V8 12.3 elsewhere), which stops at `assert`. Node echoes the import.
    error: /\bSyntaxError: Unexpected (?:token|identifier) '(?:with|assert)'/,
    feature:
      /^\s{0,8}(?:import|export)\b[^\n]{0,200}\b(?:with|assert) ?\{ ?type: ?['"](?:json|css|javascript|text|bytes)['"]/,
    confidence: 0.84,
    title: "The code uses JSON import attributes in a syntax the image's Node.js does not parse (another Node release)",
  },
];

const NAME_MISSING_FROM_INSTALLED_PACKAGE =
  /\bcannot import name '[\w$]{1,80}' from '(\w{1,60})[\w.]{0,120}' \(\/[^()\n]{0,200}\/(?:site|dist)-packages\//;
const TRACEBACK_FRAME = /^\s{0,8}File "/;
const INSTALLED_PACKAGE_FRAME = /^\s{0,8}File "[^"\n]{0,200}\/(?:site|dist)-packages\/(\w{1,60})/;

/**
 * One installed package importing a name that the installed release of another lacks: gunicorn 20's eventlet
 * worker importing ALREADY_HANDLED (removed in eventlet 0.30.3), an old Jinja2 importing soft_unicode from
 * markupsafe 2.1. The importing frame (the last one above the error) lies in another installed package, so the
 * stack's own releases disagree (an unpinned neighbour). The app importing the name is not read here: that
 * is a package version the app chose, missing_dependency's weaker reading.
 */
const installedPackagesDisagree = (lines: readonly LogLine[]): SourceEchoClue | undefined => {
  const at = lines.findIndex((l) => NAME_MISSING_FROM_INSTALLED_PACKAGE.test(l.text));
  const error = lines[at];
  if (!error) return undefined;
  const frame = lines.slice(Math.max(0, at - 4), at).findLast((l) => TRACEBACK_FRAME.test(l.text));
  const importer = frame && INSTALLED_PACKAGE_FRAME.exec(frame.text)?.[1];
  const imported = NAME_MISSING_FROM_INSTALLED_PACKAGE.exec(error.text)?.[1];
  if (!frame || !importer || importer === imported) return undefined;
  return {
    title:
      'An installed package imports a name the installed release of another package lacks (their releases disagree)',
    confidence: 0.82,
    lines: [frame, error],
  };
};

/** The first two-line reading that fits the log, or the ES module path one from version-clues. */
export const sourceEchoClue = (lines: readonly LogLine[]): SourceEchoClue | undefined => {
  for (const reading of PAIRED_READINGS) {
    const error = lines.find((l) => reading.error.test(l.text));
    const feature = error && lines.find((l) => reading.feature.test(l.text));
    if (error && feature) return { title: reading.title, confidence: reading.confidence, lines: [feature, error] };
  }
  const skew = installedPackagesDisagree(lines);
  if (skew) return skew;
  const esm = esmPathOnNodeBeforeImportMetaDirname(lines);
  if (!esm) return undefined;
  return {
    title: "A module's own path is undefined: import.meta.dirname/filename need Node.js 20.11 (the image's is older)",
    confidence: esm.confidence,
    lines: esm.lines,
  };
};
