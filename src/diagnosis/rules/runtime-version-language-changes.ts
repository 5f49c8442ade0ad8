/**
 * runtime_version_mismatch's readings of language changes between runtime releases that code written for
 * another release trips on: syntax a newer runtime removed, globals an older one lacks, and standard-library
 * internals a newer one dropped. The runtime-version-mismatch rule lists these after its own signatures.
 */
import type { Signature } from './log-helpers.ts';

export const LANGUAGE_CHANGE_SIGNATURES: Signature[] = [
  {
    // Import assertions (`assert { type: "json" }`) were removed in V8 12.3: Node.js 22, Deno 2 and newer
    // Chromes read the keyword as a stray identifier; the code was written for an older runtime.
    all: [
      /\bSyntaxError: Unexpected identifier '?assert'?|\bImport assertions? (?:are|is) (?:not|no longer) supported\b/,
    ],
    confidence: 0.86,
    title: "The code uses import assertions (assert { type }) that the image's newer runtime removed (use `with`)",
  },
  {
    // Node.js globals Deno only provides from 2.0 on: code written for Deno 2 (or for Node) on a Deno 1 image.
    // Deno prints "error: Uncaught"; a bare ReferenceError elsewhere (browser bundles) is not this.
    all: [
      /\berror: Uncaught (?:\(in promise\) )?ReferenceError: (?:process|Buffer|global|setImmediate|clearImmediate|require|__dirname|__filename) is not defined\b/,
    ],
    confidence: 0.78,
    title: "The code uses a Node.js global that the image's (older) Deno does not provide",
  },
  {
    // Python 3.12 removed the meta-path hooks old vendored copies of six rely on ("No module named
    // 'kafka.vendor.six.moves'"), and pkgutil.ImpImporter / configparser.SafeConfigParser / ssl.wrap_socket
    // that old pip, setuptools and libraries still call: the image's Python is newer than the code. A
    // missing six says "No module named 'six'", never '...six.moves'.
    all: [
      /\bNo module named '(?:[\w.]{1,80}\.)?six\.moves(?:\.[\w.]{1,60})?'|\bmodule 'pkgutil' has no attribute 'ImpImporter'|\bmodule 'configparser' has no attribute '(?:SafeConfigParser|readfp)'|\bmodule 'ssl' has no attribute '(?:wrap_socket|match_hostname)'|\bmodule 'unittest' has no attribute '(?:makeSuite|findTestCases|getTestCaseNames)'|\bcannot import name 'formatargspec' from 'inspect'|\bmodule 'inspect' has no attribute 'formatargspec'/,
    ],
    confidence: 0.9,
    title: "A library relies on Python internals removed in the image's (newer) Python",
  },
];
