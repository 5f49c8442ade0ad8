/**
 * missing_dependency: a package, module, gem or library the app imports is not installed in the image
 * (undeclared in the manifest, or the image was not rebuilt).
 */
import { kubectl } from '../kubectl.ts';
import { namesMisspeltBuiltinPlugin } from './config-clues.ts';
import type { RuleContext } from '../rule.ts';
import { type Signature, type SignatureHit, signatureRule } from './log-helpers.ts';
import { isUnder, pathsIn } from './spec-helpers.ts';
import { STDLIB_OF_ANOTHER_PYTHON } from './version-clues.ts';
import { LOCKFILE_SIGNATURES, RUNTIME_TOO_OLD_FOR_PACKAGE } from './missing-dependency-lockfiles.ts';
import { CLASSPATH_SIGNATURES } from './missing-dependency-classpath.ts';
import { MODULE_FILE_ABSENT, PLUGIN_SIGNATURES } from './missing-dependency-plugins.ts';
import { INSTALL_HINT_SIGNATURES } from './missing-dependency-install-hints.ts';
import { NATIVE_LIBRARY_ABSENT } from './missing-shared-library-bindings.ts';
import { COMPOSER_AUTOLOAD, PHP_CLASS_SIGNATURES } from './missing-dependency-php.ts';
import * as python from './missing-dependency-python.ts';

// Shared objects and kernel modules have their own causes; "missing required ..." is a setting, not a package.
const NOT_A_PACKAGE =
  /shared (?:library|object)|\.so\b|[Mm]issing (?:the )?(?:required|config|configuration|environment|env|kernel)\b/;

// A Node core module or subpath (fs/promises, timers/promises, diagnostics_channel, any node: specifier) is
// part of the runtime: reported missing, the image's Node is older than the code (runtime_version_mismatch).
const NODE_CORE_MODULE =
  /\b(?:module|package) '(?:node:[\w/]{1,40}|(?:fs|dns|timers|stream|readline|inspector|assert|util|path)\/(?:promises|web|strict|types|posix|win32|consumers)|diagnostics_channel|worker_threads|async_hooks|perf_hooks|trace_events|wasi)'/;

const SIGNATURES: Signature[] = [
  // Node: a bare specifier is a package; a path is the app's own file (missing_file).
  {
    all: [/\bCannot find module '[^'./][^']*'/],
    confidence: 0.9,
    title: 'A Node.js package the app imports is not installed',
    not: NODE_CORE_MODULE,
  },
  {
    all: [/\bCannot find package '[^']+'/],
    confidence: 0.9,
    title: 'A Node.js package the app imports is not installed',
    not: NODE_CORE_MODULE,
  },
  {
    all: [/\bERR_MODULE_NOT_FOUND\b/],
    confidence: 0.8,
    title: 'A Node.js module the app imports is not installed',
    not: NODE_CORE_MODULE,
  },
  {
    all: [/ModuleNotFoundError: No module named/],
    confidence: 0.9,
    // Standard-library modules of another Python: the interpreter's version (runtime_version_mismatch).
    not: STDLIB_OF_ANOTHER_PYTHON,
    title: 'A Python package the app imports is not installed',
  },
  {
    all: [/ImportError: No module named/],
    confidence: 0.9,
    title: 'A Python package the app imports is not installed',
  },
  {
    all: [/ImportError: cannot import name/],
    confidence: 0.55,
    title: 'An installed Python package lacks a name the app imports (wrong version)',
  },
  {
    // Django names the database driver it could not import ("Error loading psycopg2 or psycopg module").
    all: [/Error loading [\w.]{2,60}(?: or [\w.]{2,60})? module/],
    confidence: 0.85,
    title: 'A database driver package the app needs is not installed',
  },
  {
    all: [/pkg_resources\.DistributionNotFound|importlib\.metadata\.PackageNotFoundError/],
    confidence: 0.85,
    title: 'A Python distribution the app needs is not installed',
  },
  {
    // A bare feature name ("-- pg", "-- redis/cluster") is a gem; a path is the app's own file (below).
    all: [/cannot load such file -- (?![./~])/],
    not: /\brequire_relative\b/,
    confidence: 0.85,
    title: 'A Ruby gem or file the app requires is not installed',
  },
  {
    // A path (/app/config/boot, ./lib/x) or require_relative names a file of the app itself: hidden by a
    // volume mounted over its directory or left out of the image (missing_file) as often as a gem is absent.
    all: [/cannot load such file -- [./~]|\brequire_relative\b[^\n]{0,200}cannot load such file/],
    confidence: 0.55,
    title: "A file of the app's own source that Ruby requires is missing",
  },
  {
    all: [
      /Could not find gem '|Bundler::GemNotFound|Could not find [^\s]+ in (?:any of the sources|locally installed gems)/,
    ],
    confidence: 0.9,
    title: 'A Ruby gem the Gemfile needs is not installed',
  },
  {
    // Elixir modules (Jason) and Erlang ones, named by their atom (:hackney, :telemetry, :ssl_verify_fun).
    all: [/\(module (?:[A-Z][\w.]{0,120}|:[a-z][\w]{0,60}) is not available\)/],
    // Mix, ExUnit and IEx are build-time tools: calling them from a release is a bug in the code.
    not: /\(module (?:Mix|ExUnit|IEx|Hex)(?:\.[\w.]{1,80})? is not available\)/,
    confidence: 0.82,
    title: 'An Elixir/Erlang module the app calls is not in the release',
  },
  {
    all: [/is not part of the bundle\. Add it to your Gemfile|Missing a gem it depends on\?/],
    confidence: 0.88,
    title: 'A gem the app loads is not in the bundle',
  },
  { all: [/Can't locate [^\s]+\.pm in @INC/], confidence: 0.9, title: 'A Perl module the app uses is not installed' },
  ...CLASSPATH_SIGNATURES,
  COMPOSER_AUTOLOAD,
  ...LOCKFILE_SIGNATURES,
  ...INSTALL_HINT_SIGNATURES,
  ...PHP_CLASS_SIGNATURES,
  {
    // Bun names the importing file: `Cannot find package "zod" from "/app/src/env.ts"`.
    all: [/\bCannot find (?:package|module) "[^"./][^"]{0,200}" from "/],
    confidence: 0.88,
    title: 'A package the app imports is not installed (Bun)',
  },
  {
    // Deno: a module or npm package missing from the cache/vendor dir, or not matching deno.lock.
    all: [
      /npm package '[\w@/.-]{1,200}' does not exist in the cache|error: Module not found "|Integrity check failed for (?:remote specifier|package|npm package)|The source code is invalid, as it does not match the expected hash in the lock file/,
    ],
    confidence: 0.84,
    title: 'A Deno module is not cached or does not match deno.lock',
    // A file:/// specifier is the app's own source, not a package: missing-file reads it.
    not: /Module not found "file:\/\//,
  },
  {
    all: [/\bcannot find package "[^"]+"|no required module provides package/],
    confidence: 0.8,
    title: 'A Go package the app needs is missing',
  },
  {
    // Libraries that import an optional package on demand and say so in words instead of an ImportError
    // (pymongo's dnspython for mongodb+srv, pandas' optional dependencies, pydantic's extras, ORMs' drivers).
    all: [
      /\b(?:module|package|library|gem) (?:must|needs to|has to) be installed\b|\bMissing optional dependency '|\bpackage has not been found installed\b|[Pp]lease install (?:the )?[`'"]?[\w@/.-]{1,80}[`'"]? (?:package|module|gem|library)\b|\bis not installed,? (?:run|please run|try|use) [`'"]?(?:pip|npm|yarn|pnpm|gem|bundle|composer) (?:install|add)\b|\brequires? the [`'"][\w.-]{1,60}[`'"] (?:package|module|library|extra) to be installed\b/,
    ],
    confidence: 0.84,
    title: 'An optional package the app uses is not installed in the image',
  },
  ...PLUGIN_SIGNATURES,
  {
    // A PostgreSQL extension (PostGIS, TimescaleDB, pgvector) the app creates or preloads is not installed in
    // the database image: the server ships without it, so "No such file" here is not the app's own file.
    all: [
      /extension "[\w-]{1,60}" is not available|[Cc]ould not open extension control file|[Tt]he extension must first be installed|could not access file "(?:\$libdir\/)?[\w.-]{1,60}": No such file/,
    ],
    confidence: 0.84,
    title: 'A database extension the app needs is not installed in the database image',
  },
  {
    // Node libraries that resolve a module by name at run time (pino transports, ORM drivers, bundlers):
    // a bare name, so a package not installed (often a devDependency left out by --omit=dev).
    all: [
      /unable to determine transport target for "|Module not found: Error: Can't resolve '[^'./]|[Pp]lease install [\w@/.-]{1,80} package manually/,
    ],
    confidence: 0.84,
    title: 'A Node.js package the app loads by name is not installed',
  },
  {
    // A library that imports its backend on demand and names it in words, often with the install command:
    // kombu's "Missing redis library (pip install redis)", Django's "Couldn't import Django. Are you sure it's
    // installed", "the 'socksio' package is not installed".
    all: [
      /\b[Mm]issing (?:the )?[`'"]?[\w.-]{2,40}[`'"]? (?:library|module|package|gem|dependency|driver)\b|[Aa]re you sure (?:it's|it is|they're|they are) installed|\b(?:library|module|package|gem|driver) (?:is )?not installed\b/,
    ],
    confidence: 0.84,
    title: 'A package the app loads is not installed in the image',
    not: NOT_A_PACKAGE,
  },
  {
    // Dependency checks that name the requirement and say it is absent: Synapse's "needs txredisapi>=1.4.7
    // for redis, but it is not installed", setuptools' "The 'x' distribution was not found and is required",
    // Airflow/Superset provider checks ("requires the 'x' package, which is not installed").
    all: [
      /\bbut (?:it|this|that) is not installed\b|, which is not installed\b|distribution was not found and is required by/,
    ],
    confidence: 0.84,
    title: 'A package the app needs is not installed in the image',
    not: NOT_A_PACKAGE,
  },
  {
    // The install command given in parentheses beside the failed import ("(pip install redis)").
    all: [
      /\((?:pip3?|conda|poetry|npm|yarn|gem) (?:install|add) [\w[\]@/.-]{2,60}\)/,
      /\b(?:ImportError|ModuleNotFoundError|LoadError|[Mm]issing|not installed|[Rr]equires?)\b/,
    ],
    confidence: 0.84,
    title: 'A package the app loads is not installed in the image',
    not: NOT_A_PACKAGE,
  },
  {
    // An import guard that names the library its feature needs (kombu's "The curl client requires the pycurl
    // library.", "redis-py requires the hiredis library"): raised as the language's import error.
    all: [
      /\b(?:ImportError|ModuleNotFoundError|LoadError)\b/,
      /\brequires? (?:the )?[`'"]?[\w.-]{2,40}[`'"]? (?:library|package|module|gem)\b/,
    ],
    confidence: 0.84,
    title: 'A package the app loads on demand is not installed in the image',
    not: NOT_A_PACKAGE,
  },
  {
    // Lua (OpenResty, Kong plugins, LÖVE) reports a require() it could not resolve this way, then lists every
    // path it tried ("no field package.preload['resty.http']").
    all: [/\bmodule '[\w.-]{1,120}' not found\b|\bno field package\.preload\[/],
    confidence: 0.84,
    title: 'A Lua module the app requires is not installed in the image',
  },
  {
    // R, Julia and Tcl name a package that is not installed in the image's library path.
    all: [
      /there is no package called [‘'"`]|\bPackage [\w.]{1,80} not found in current path|\bPackage [\w.]{1,80} \[[0-9a-f-]{8,36}\] is required but does not seem to be installed|\bcan't find package [\w:.-]{1,80}/,
    ],
    confidence: 0.88,
    title: 'A package the app loads is not installed in the image',
  },
  {
    // PowerShell's Import-Module, Composer's platform check for PHP extensions, Dart's package resolution.
    all: [
      /was not loaded because no valid module file was found in any module directory|require the following PHP extensions? to be installed|the requested PHP extension [\w-]{1,40} is missing from your system|Couldn't resolve the package '[\w-]{1,80}' in 'package:/,
    ],
    confidence: 0.86,
    title: 'A module or extension the app loads is not installed in the image',
  },
  {
    // Racket resolves a collection it cannot find; Groovy scripts name a class their @Grab or classpath lacks.
    all: [/standard-module-name-resolver: collection not found|\bunable to resolve class [\w.]{2,200}/],
    confidence: 0.75,
    title: 'A library the app loads is not installed in the image',
  },
];

// The package is installed but a native library it links cannot be loaded: missing_shared_library's.
const SHARED_OBJECT =
  /cannot open shared object file|error while loading shared libraries|Error loading shared library/;

// pip says "no matching distribution" when every release needs another Python (runtime_version_mismatch).
const OTHER_PYTHON = /require a different python version|Requires-Python [<>=!~]{1,2} ?\d/;

// Gems Rails loads only in development (config/environments/development.rb): one missing there means the app
// booted in development because RAILS_ENV was unset, the bundle rightly lacking them (missing_env_var's reading).
const DEVELOPMENT_ONLY_GEM =
  /cannot load such file -- (?:listen|web[-_]console|byebug|spring(?:\/[\w/]{1,40})?|pry-rails|better_errors|binding_of_caller|letter_opener|rack-mini-profiler|bullet)\b/;
const DEVELOPMENT_BOOT = /config\/environments\/development\.rb|application starting in development\b/;

/** A volume mounted at or above a missing vendor/ directory hides the one the image has (missing_file). */
const vendorHiddenByMount = (ctx: RuleContext, hit: SignatureHit): boolean => {
  const mounts = ctx.container?.volumeMounts ?? [];
  if (mounts.length === 0) return false;
  return hit.lines
    .flatMap((line) => pathsIn(line.text))
    .filter((path) => path.includes('/vendor/'))
    .some((path) => mounts.some((mount) => isUnder(path, mount.mountPath)));
};

export const missingDependency = signatureRule({
  id: 'missing-dependency',
  category: 'missing_dependency',
  signatures: SIGNATURES,
  adjust: (ctx, hit) => {
    if (ctx.log.lines.some((l) => OTHER_PYTHON.test(l.text))) return Math.min(hit.confidence, 0.45);
    // The package is there but says the image's runtime is too old for it (runtime_version_mismatch).
    if (ctx.log.lines.some((l) => RUNTIME_TOO_OLD_FOR_PACKAGE.test(l.text))) return Math.min(hit.confidence, 0.5);
    // A stdlib module of another Python (older or newer than the code): the runtime's version, no package.
    if (STDLIB_OF_ANOTHER_PYTHON.test(hit.line.text) || python.VENDORED_SIX_MOVES.test(hit.line.text)) {
      return Math.min(hit.confidence, 0.45);
    }
    // A script's file name where a module name belongs: the command's argument (bad_command_args).
    if (python.MODULE_NAMED_AS_FILE.test(hit.line.text)) return Math.min(hit.confidence, 0.4);
    // An inner module of an installed library named by a pickle on the volume (data_version_incompatible).
    if (python.moduleGoneFromPickledData(ctx, hit)) return Math.min(hit.confidence, 0.45);
    if (DEVELOPMENT_ONLY_GEM.test(hit.line.text) && ctx.log.lines.some((l) => DEVELOPMENT_BOOT.test(l.text))) {
      return Math.min(hit.confidence, 0.7);
    }
    // An unknown plugin named one slip off a built-in one is a misspelt type in the config (bad_config's).
    if (ctx.log.lines.some((l) => namesMisspeltBuiltinPlugin(l.text))) return Math.min(hit.confidence, 0.45);
    if (hit.signature === COMPOSER_AUTOLOAD && vendorHiddenByMount(ctx, hit)) return Math.min(hit.confidence, 0.5);
    // "Error loading MySQLdb module" after "libmariadb.so.3: cannot open shared object file" (or psycopg's "libpq
    // library not found"): the driver is there, its C library is not; this reading stays as the alternative.
    // A module's own file absent (its full path named) is the missing extension, not a library under it.
    const nativeLibraryAbsent = (text: string) =>
      (SHARED_OBJECT.test(text) && !MODULE_FILE_ABSENT.test(text)) || NATIVE_LIBRARY_ABSENT.test(text);
    if (ctx.log.lines.some((l) => nativeLibraryAbsent(l.text))) return Math.min(hit.confidence, 0.7);
    // The app's own package not importable is a working directory or command problem as often as a
    // missing install: not a confident reading.
    return python.OWN_PACKAGE.test(hit.line.text) ? Math.min(hit.confidence, 0.6) : hit.confidence;
  },
  steps: (ctx) => [
    'Check that the dependency is declared in the manifest (package.json, requirements.txt, Gemfile, go.mod, pom.xml) and the image was rebuilt from it',
    `Check what the image has installed: ${kubectl.debugCopy(ctx.target, 'sh')}`,
  ],
});
