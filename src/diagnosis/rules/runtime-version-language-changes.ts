/**
 * runtime_version_mismatch's readings of language changes between runtime releases that code written for
 * another release trips on: syntax a newer runtime removed, globals an older one lacks, and standard-library
 * internals a newer one dropped. The runtime-version-mismatch rule lists these after its own signatures
 * (the removed-Python-names and PEP 604 readings first, as they were last in the rule's own list).
 */
import type { Signature } from './log-helpers.ts';

export const LANGUAGE_CHANGE_SIGNATURES: Signature[] = [
  {
    // Names Python removed (collections ABC aliases in 3.10, inspect.getargspec and asyncio.coroutine in 3.11).
    all: [
      /cannot import name '(?:Mapping|MutableMapping|Sequence|MutableSequence|Iterable|Callable|Hashable|MutableSet|Set)' from 'collections'|module 'collections' has no attribute '(?:Mapping|MutableMapping|Sequence|Iterable|Callable|Hashable|MutableSet)'|cannot import name 'getargspec' from 'inspect'|module 'asyncio' has no attribute 'coroutine'/,
    ],
    confidence: 0.8,
    title: 'A library uses Python names removed in the Python version the image runs (Python too new)',
  },
  {
    // asyncio changes an older library breaks on after the base image's Python moved up: 3.11 made
    // asyncio.TimeoutError (and concurrent.futures') the builtin TimeoutError, so a class listing both as bases
    // (aioredis 2 and its forks) raises "duplicate base class TimeoutError"; 3.10 removed the loop= argument of
    // asyncio primitives and says so in its own words.
    all: [
      /\bduplicate base class TimeoutError\b|\bAs of 3\.1\d, the \*?loop\*? parameter was removed from \w{1,40}\(\)/,
    ],
    confidence: 0.88,
    title: "A library relies on asyncio behaviour that the image's (newer) Python changed",
  },
  {
    // Python 3.11 rejects any unhashable dataclass default, not just list/dict/set: a library whose fields
    // default to an instance of its own config class (old hydra, spaCy, fairseq configs) fails on import. A
    // list, dict or set default is the code's own bug on every Python, so those are left to app_bug.
    all: [
      /\bmutable default <class '(?!(?:list|dict|set)')[\w.]{1,120}'> for field \w{1,80} is not allowed: use default_factory/,
    ],
    confidence: 0.74,
    title: "A library's dataclass defaults are rejected by the image's Python 3.11+ (written for an older Python)",
  },
  {
    // PEP 604 "X | None" annotations evaluated on Python < 3.10.
    all: [/unsupported operand type\(s\) for \|: '(?:type|types\.GenericAlias|_GenericAlias|ModelMetaclass)' and '/],
    confidence: 0.8,
    title: 'The code uses Python 3.10+ syntax (X | None) but the image runs an older Python',
  },
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
    // The same PEP 585 error with no annotation or Python version in sight (a quoted excerpt): on its own it
    // mostly means list[...]/dict[...] on Python 3.8 or older, but subscripting a class by mistake raises it
    // too, so it stays below the paired reading's confidence.
    all: [/'(?:type|ABCMeta)' object is not subscriptable\b/],
    confidence: 0.64,
    title: "Built-in types subscripted in annotations (list[str]) need Python 3.9: the image's Python may be older",
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
  {
    // Globals and built-ins only recent Node.js releases have (URLPattern and Float16Array 24, WebSocket and
    // Iterator 22, navigator 21, File 20, CustomEvent 19, fetch 18), and methods Node 22-24 added (Set's union
    // family, Promise.try, RegExp.escape, Array.fromAsync): code written on a newer Node than the image's.
    all: [
      /\bReferenceError: (?:URLPattern|Float16Array|Iterator|WebSocket|navigator|CustomEvent|CompressionStream|DecompressionStream|File|fetch|FormData|Headers|BroadcastChannel|structuredClone) is not defined\b|\b(?:Promise\.try|RegExp\.escape|Error\.isError|Array\.fromAsync|Iterator\.from) is not a function\b|\.(?:union|intersection|symmetricDifference|isSubsetOf|isSupersetOf|isDisjointFrom) is not a function\b/,
    ],
    confidence: 0.8,
    title: "The code uses a JavaScript global or built-in newer than the image's Node.js",
    // A bundle run in the browser or a test DOM lacks globals for other reasons.
    not: /jsdom|happy-dom|browser|webpack|vite/i,
  },
  {
    // PHP 8.4 syntax on an older parser: a property hook (`public string $x { get => ... }`) makes it expect
    // "," or ";" after the property, asymmetric visibility (`private(set)`) an unexpected "(" after the
    // modifier, and `new Foo()->bar()` without parentheses an unexpected "->".
    all: [
      /\bsyntax error, unexpected token "\{", expecting "," or ";"|\bsyntax error, unexpected token "\(", expecting variable\b|\bsyntax error, unexpected token "->"(?:,|$)/,
    ],
    confidence: 0.76,
    title:
      "The code uses PHP 8.4 syntax (property hooks, asymmetric visibility) that the image's older PHP cannot parse",
  },
  {
    // Features the JDK removed: since JDK 24 the Security Manager cannot be enabled at all ("A command line
    // option has attempted to allow or enable the Security Manager. Enabling a Security Manager is not
    // supported"), and from 18 on System.setSecurityManager throws unless allowed. The base image moved up.
    all: [
      /\b(?:Enabling|Setting|Installing) (?:a |the )?Security Manager is not supported\b|\battempted to allow or enable the Security Manager\b|\bUnsupportedOperationException: The Security Manager is deprecated and will be removed\b/,
    ],
    confidence: 0.88,
    title: "The app or its JVM options need the Security Manager, which the image's newer JDK removed",
  },
  {
    // Strong encapsulation of JDK internals (JEP 396 in 16, JEP 403 in 17): an app or framework built for Java
    // 8/11 (Spark 3.1, old Gradle, Lombok, cglib) reflecting into java.base fails on a newer image with
    // "module java.base does not export sun.nio.ch to unnamed module" or 'does not "opens java.lang"'. The
    // JDK is newer than the app supports (or the app lacks its --add-opens); another module of the app's own
    // refusing access is its own bug, hence only java.* and jdk.* modules.
    all: [/\bmodule (?:java|jdk)\.[\w.]{1,40} does not (?:export|"opens) [\w.]{1,80}"? to (?:unnamed )?module\b/],
    confidence: 0.86,
    title: "The app reaches into JDK internals that the image's newer Java no longer opens (built for an older Java)",
  },
  {
    // Java EE and CORBA modules the JDK dropped in 11 (JEP 320: JAXB, JAX-WS, JAF, common annotations) and
    // internals it dropped earlier (sun.misc.BASE64Encoder in 9): an app built for Java 8 that relied on them
    // fails to load them after the base image moved to a newer JDK. Other missing classes are packaging.
    all: [
      /\b(?:NoClassDefFoundError|ClassNotFoundException):? (?:javax[./](?:xml[./](?:bind|ws|soap)|activation|jws)[./]|javax[./]annotation[./](?:PostConstruct|PreDestroy|Generated|Resource)\b|org[./]omg[./](?:CORBA|CosNaming)[./]|sun[./]misc[./]BASE64(?:En|De)coder\b)/,
    ],
    confidence: 0.84,
    title: "The app needs a Java EE module (JAXB, JAX-WS, activation) that the image's newer JDK no longer ships",
  },
  {
    // Standard-library modules only newer Erlang/OTP or Elixir releases ship: OTP 27's :json, OTP 28's
    // :zstd, Elixir 1.18's JSON and 1.17's Duration. "(module :json is not available)" on an older image
    // is the runtime's version, not a missing dependency.
    all: [/\(module (?::json|:zstd|JSON|Duration) is not available\)/],
    confidence: 0.86,
    title: "The code calls a standard-library module that only a newer Erlang/OTP or Elixir than the image's has",
  },
  {
    // The same call seen from Erlang: the crash report's "{undef,[{json,decode,[...]" names the module and
    // function that no loaded module defines. A project's own module of that name is rare, so slightly weaker.
    all: [/\{undef,\s?\[\{(?:json|zstd|'Elixir\.JSON'|'Elixir\.Duration'),[a-z_]{1,40}[!?]?,/],
    confidence: 0.84,
    title: "The code calls a standard-library module that only a newer Erlang/OTP or Elixir than the image's has",
  },
  {
    // SQL newer than the embedded or server database in the image: SQLite's RETURNING (3.35), STRICT tables
    // (3.37), window functions (3.25), unixepoch() (3.38) on an older distro's libsqlite3; PostgreSQL's
    // MERGE (15). The query is right for the version the code was written against.
    all: [
      /\bnear "(?:RETURNING|STRICT|OVER|MATERIALIZED)": syntax error\b|\bno such function: (?:unixepoch|timediff|octet_length|concat_ws|string_agg|jsonb_[a-z_]{1,30})\b|\bsyntax error at or near "MERGE"/,
    ],
    confidence: 0.78,
    title: 'The SQL uses syntax newer than the database library or server in the image',
  },
];
