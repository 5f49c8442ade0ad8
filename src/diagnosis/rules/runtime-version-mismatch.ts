/** runtime_version_mismatch: the runtime in the image is older or newer than the app (or its config) needs. */
import { kubectl } from '../kubectl.ts';
import type { Rule, RuleContext } from '../rule.ts';
import { finding, logEvidence, type Signature, signatureRule } from './log-helpers.ts';
import { API_GAP_SIGNATURES } from './runtime-version-api-gaps.ts';
import { LANGUAGE_CHANGE_SIGNATURES } from './runtime-version-language-changes.ts';
import { SERVER_VERSION_SIGNATURES } from './runtime-version-gates.ts';
import { LAUNCHER_GATE_SIGNATURES } from './runtime-version-launcher-gates.ts';
import { removedJvmOptionConfidence } from './runtime-version-jvm-options.ts';
import { LIBRARY_SKEW_SIGNATURES } from './runtime-version-library-skew.ts';
import { SETTING_OF_ANOTHER_RELEASE_SIGNATURES } from './runtime-version-settings.ts';
import { OLD_GPU_ARCH, OLD_GPU_DRIVER } from './runtime-version-gpu-driver.ts';
import {
  DOTNET_FRAMEWORK_NOT_FOUND,
  dotnetFrameworkAbsent,
  MANIFEST_PIN_SIGNATURES,
} from './runtime-version-manifest-pins.ts';
import { NATIVE_ABI_SIGNATURES } from './runtime-version-native-abi.ts';
import { PLUGIN_BUILD_SIGNATURES } from './runtime-version-plugin-builds.ts';
import { sourceEchoClue } from './runtime-version-source-echo.ts';
import {
  BUILTIN_MODULE_LACKS_EXPORT,
  FLOATING_TAG_PULL,
  JS_SYNTAX_ERROR,
  JVM_OPTION_OF_ANOTHER_JAVA,
  NEWER_JS_SYNTAX,
  NEWER_NODE_BUILTIN_OR_FLAG,
  NEWER_PY_SYNTAX,
  onNewerPython,
  PY_SYNTAX_ERROR,
  REMOVED_MYSQL_FLAG,
  STDLIB_ADDED_BY_NEWER_PYTHON,
  STDLIB_REMOVED_BY_NEWER_PYTHON,
} from './version-clues.ts';

const SIGNATURES: Signature[] = [
  {
    all: [/UnsupportedClassVersionError|has been compiled by a more recent version of the Java Runtime/],
    confidence: 0.95,
    title: 'The app was compiled for a newer Java than the image runs',
  },
  {
    // ASM (Spring, Gradle) reading classes compiled for a newer Java than it supports.
    all: [/Unsupported class file major version \d+/],
    confidence: 0.85,
    title: 'Classes were compiled for a newer Java than the runtime (or its bytecode library) supports',
  },
  {
    all: [/class file version \d+(?:\.\d+)?/, /only recognizes|unsupported|not supported/i],
    confidence: 0.9,
    title: 'The app was compiled for a newer Java than the image runs',
  },
  {
    all: [/requires (?:Java|JDK|JRE) \d|requires (?:Java|JDK|JRE) version \d|Unsupported Java version/],
    confidence: 0.82,
    title: 'The app needs another Java version',
  },
  {
    all: [/[Jj]ava \d{1,2} or (?:later|newer|higher) is required/],
    confidence: 0.82,
    title: 'The app needs another Java version',
  },
  {
    all: [
      /The engine "node" is incompatible with this module|requires (?:a )?[Nn]ode(?:\.js)? (?:version )?[>=v]{0,3}\d+|Node\.js (?:version )?[>=^~]{1,2} ?v?\d[\d.]{0,10} is required|Node\.js (?:version )?v?\d+[.\d]{0,8} is not supported|Unsupported engine|only supports Node(?:\.js)? (?:version )?[>=v]{0,3} ?\d|[Pp]lease upgrade your Node(?:\.js)? version/,
    ],
    confidence: 0.85,
    title: 'The app needs another Node.js version',
  },
  {
    all: [
      /requires Python ['"]?[<>=!~]{1,3}|requires a different Python|Python \d\.\d+ or (?:later|newer) is required|Unsupported Python version/,
    ],
    confidence: 0.85,
    title: 'The app needs another Python version',
  },
  {
    // distutils, imp, asyncore... left the stdlib (3.12, 3.13): the image's Python is newer than the code.
    all: [STDLIB_REMOVED_BY_NEWER_PYTHON],
    confidence: 0.8,
    title: "The code imports a standard-library module removed in the image's (newer) Python",
  },
  {
    // tomllib, zoneinfo, graphlib: standard library from 3.9-3.11 on, no pip package of that name.
    all: [STDLIB_ADDED_BY_NEWER_PYTHON],
    confidence: 0.88,
    title: "The code imports a standard-library module newer than the image's Python",
  },
  {
    // Built-ins newer than the image's runtime: String.replaceAll (Node 15), Array.findLast (18), Object.groupBy (21),
    // str.removeprefix (Python 3.9), ExceptionGroup (3.11), Ruby's filter_map (2.7) and intersect? (3.1).
    all: [
      /\.(?:replaceAll|findLast|findLastIndex|toSorted|toReversed|toSpliced|hasOwn|groupBy|withResolvers|fromAsync) is not a function|'str' object has no attribute '(?:removeprefix|removesuffix)'|\bname '(?:ExceptionGroup|BaseExceptionGroup|aiter|anext)' is not defined|\bstructuredClone is not defined|\bundefined method [`'](?:filter_map|tally|intersect\?|ceildiv|bytesplice|byteindex)' for/,
    ],
    confidence: 0.68,
    title: 'The code calls a built-in that this (older) runtime does not have',
  },
  {
    // A builtin module or command-line flag only a newer Node.js has (node:sqlite, --experimental-*,
    // --env-file, --watch): the command is right, the image's Node.js is older than the app needs.
    all: [NEWER_NODE_BUILTIN_OR_FLAG],
    confidence: 0.9,
    title: "The app uses a Node.js builtin or flag that the image's (older) Node.js does not have",
  },
  {
    // The runtime's own module (bun, node:fs, Python's enum) lacks a name another release of it has.
    all: [BUILTIN_MODULE_LACKS_EXPORT],
    confidence: 0.84,
    title: "The code imports a name the image's runtime module does not have (another runtime version)",
  },
  {
    // PHP keywords newer than the image's PHP: readonly (8.1, readonly classes 8.2), enum (8.1), match (8.0),
    // never (8.1), the nullsafe ?-> (8.0), fn (7.4): the parser calls the keyword an unexpected token.
    all: [
      /\bsyntax error, unexpected (?:token|identifier|T_STRING|'|")?[ "']{0,2}(?:readonly|enum|match|never|fn|\?->)["']?(?:,|$| )/,
    ],
    confidence: 0.8,
    title: "The code uses PHP syntax newer than the image's PHP understands",
  },
  {
    // PHP 8.3 typed class constants (`const string DEFAULT = ...`) on PHP < 8.3: the older parser reads the
    // type as the constant's name and then meets the real name where it expects "=".
    all: [/\bsyntax error, unexpected identifier "[A-Za-z_]\w{0,60}", expecting "="/],
    confidence: 0.72,
    title: "The code declares typed class constants (PHP 8.3) that the image's older PHP cannot parse",
  },
  {
    // A driver or client whose framework or Python differs from the cluster it joins: Ray "Version mismatch:
    // The cluster was started with: Ray: 2.9.3 ...", Ray Client "Python minor versions differ", Dask "Mismatched
    // versions found", PySpark "[PYTHON_VERSION_MISMATCH] Python in worker has different version ... driver".
    all: [
      /\b[Vv]ersion mismatch: [Tt]he cluster was started with\b|\bMismatched versions found\b|\bPYTHON_VERSION_MISMATCH\b|\bin worker has (?:a )?different version\b|\bPython minor versions differ between\b|\b(?:client|driver|worker) version [^\n]{0,40}\bdoes not match (?:the )?(?:cluster|server|scheduler|head)(?:'s)? version\b/,
    ],
    confidence: 0.86,
    title: 'The job runs another version of the framework than the cluster it connects to',
  },
  {
    // JVM options that another Java release removed (CMS, PermGen, the Java 8 GC logging flags) or does
    // not have yet (generational ZGC): the JVM refuses to start on options written for another release.
    // Not higher: threads split on whether a JDK 8 flag on a newer JDK is the image's Java or the options.
    all: [JVM_OPTION_OF_ANOTHER_JAVA],
    confidence: 0.8,
    title: 'A JVM option of another Java release than the image runs (removed, or not there yet)',
  },
  {
    // Web globals that Node.js only gained in 18+ (fetch, Blob, structuredClone...): the image's Node is older.
    all: [
      /ReferenceError: (?:fetch|structuredClone|AbortController|AbortSignal|ReadableStream|Blob|FormData|Headers|Request|Response|File|WebSocket|crypto) is not defined/,
    ],
    confidence: 0.7,
    title: 'The code uses a global that this (older) Node.js does not have',
  },
  {
    // Runtime APIs newer than the image's runtime: Deno.serve (stable in Deno 1.35), Bun.* namespaces,
    // Node's Promise.withResolvers (22), Object.groupBy (21), util.parseArgs (18.3), fs.rmSync (14.14).
    all: [
      /\b(?:Deno|Bun)\.[A-Za-z]{2,40}\)? is not a function|\b(?:Promise\.(?:withResolvers|any|try)|Object\.groupBy|Map\.groupBy|Array\.fromAsync|Iterator\.from|crypto\.randomUUID|util\.(?:parseArgs|styleText|stripVTControlCharacters)|process\.(?:loadEnvFile|getBuiltinModule)|fs\.(?:rmSync|cpSync|globSync|openAsBlob)|AbortSignal\.(?:timeout|any))\)? is not a function/,
    ],
    confidence: 0.76,
    title: "The code calls a runtime API that the image's (older) runtime does not have yet",
  },
  {
    // Bytecode compiled by a newer VM than the image runs: Erlang/OTP ("compiled for a later version of the
    // run-time system", "this emulator supports only up to"), .NET ("built by a runtime newer than the
    // currently loaded runtime"), Lua ("version mismatch in precompiled chunk").
    all: [
      /compiled for a (?:later|newer|more recent) version of the (?:run-?time system|runtime|emulator|VM|Erlang|OTP)|[Tt]his emulator supports only up to|built by a runtime newer than the currently loaded runtime|version mismatch in precompiled chunk/,
    ],
    confidence: 0.9,
    title: 'The code was compiled for a newer runtime than the image runs',
  },
  {
    // Cached bytecode or a native extension from another runtime version, older or newer: Python's .pyc
    // magic number (quoted module, absolute .pyc path or ".pyc file": literal, so the search stays linear), Ruby's "incompatible library version", PHP's "Module compiled with module API=", Kotlin
    // metadata, Go plugins.
    all: [
      /\b[Bb]ad magic number in (?:['"/]|\.pyc file)|\bincompatible library version\b|[Mm]odule compiled with module API=\d|compiled with an incompatible version of Kotlin|plugin was built with a different version of (?:package|the Go)/,
    ],
    confidence: 0.8,
    title: 'Compiled files in the image were built by another version of the runtime',
  },
  {
    // Names added to typing in recent Pythons: the image's Python is older than the code.
    all: [
      /cannot import name '(?:Self|TypeAlias|ParamSpec|Concatenate|TypeGuard|LiteralString|Never|Unpack|TypeVarTuple|override|Required|NotRequired|Literal|Protocol|TypedDict|Final|Annotated)' from 'typing'/,
    ],
    confidence: 0.75,
    title: "The code imports a typing name newer than the image's Python",
  },
  {
    // A native addon built for another Node.js ABI (node_modules copied from another image, or a new base).
    all: [
      /was compiled against a different Node\.js version|NODE_MODULE_VERSION \d+\. This version of Node\.js requires/,
    ],
    confidence: 0.85,
    title: 'A native module was built for another Node.js version than the image runs',
  },
  {
    // Newer JavaScript syntax (??=, ||=, ?., ??) parsed by an older Node.js: the code is fine, the runtime is old.
    all: [/^SyntaxError: Unexpected token '(?:\?\?=|\|\|=|&&=|\?\.|\?\?|\?)'\s*$/],
    confidence: 0.75,
    title: 'The code uses JavaScript syntax this Node.js version does not know (Node.js too old)',
  },
  ...MANIFEST_PIN_SIGNATURES,
  ...LANGUAGE_CHANGE_SIGNATURES,
  ...SERVER_VERSION_SIGNATURES,
  ...SETTING_OF_ANOTHER_RELEASE_SIGNATURES,
  ...LAUNCHER_GATE_SIGNATURES,
  ...NATIVE_ABI_SIGNATURES,
  ...PLUGIN_BUILD_SIGNATURES,
  ...API_GAP_SIGNATURES,
  ...LIBRARY_SKEW_SIGNATURES,
];

const steps = (ctx: RuleContext): string[] => [
  `Check the image and its base tag: ${kubectl.podSpec(ctx.target, '{.spec.containers[*].image}')}`,
  `See the runtime version in the image: ${kubectl.debugCopy(ctx.target, 'sh -c "java -version; node --version; python --version" 2>&1')}`,
];

const bySignature = signatureRule({
  id: 'runtime-version-mismatch',
  category: 'runtime_version_mismatch',
  signatures: SIGNATURES,
  steps,
  // A removed stdlib module beside a python3.12+ path: the image's Python dropped it. A removed MySQL option
  // after a floating-tag pull (mysql:8 moved to 8.4): the tag moved under the config, a weaker reading. A
  // .NET framework absent from the image (not another version of it) is missing_dependency's: an alternative.
  // A removed JVM option beside the JVM's own deprecation warnings: the JVM is newer than the options.
  adjust: (ctx, hit) => {
    if (hit.signature.all.includes(STDLIB_REMOVED_BY_NEWER_PYTHON) && onNewerPython(ctx.log.lines)) return 0.92;
    if (hit.signature === DOTNET_FRAMEWORK_NOT_FOUND && dotnetFrameworkAbsent(ctx.log.lines)) return 0.45;
    if (hit.signature.all.includes(JVM_OPTION_OF_ANOTHER_JAVA))
      return removedJvmOptionConfidence(ctx.log.lines, hit.confidence);
    const floatingTag = ctx.events.some((e) => FLOATING_TAG_PULL.test(e.message));
    return hit.signature.all.includes(REMOVED_MYSQL_FLAG) && floatingTag ? 0.72 : hit.confidence;
  },
});

const byGpuDriver = signatureRule({
  id: 'runtime-version-mismatch',
  category: 'runtime_version_mismatch',
  signatures: [OLD_GPU_DRIVER, OLD_GPU_ARCH],
  options: { status: true },
  steps: (ctx) => [
    `See which node the pod ran on, and its GPU driver version: ${kubectl.podSpec(ctx.target, '{.spec.nodeName}')}`,
    "Run the pod on nodes whose NVIDIA driver supports the image's CUDA version, or use an image built for an older CUDA",
  ],
});

export const runtimeVersionMismatch: Rule = {
  id: 'runtime-version-mismatch',
  match: (ctx) => {
    const found = bySignature.match(ctx) ?? byGpuDriver.match(ctx);
    const lines = ctx.log.lines;
    // A two-line reading can confirm an error whose single line only hints at the version (the echoed
    // list[str] annotation above "'type' object is not subscriptable"): the stronger reading answers.
    const echoed = sourceEchoClue(lines);
    if (found && (!echoed || found.confidence >= echoed.confidence)) return found;
    const js = lines.findIndex((l) => JS_SYNTAX_ERROR.test(l.text));
    const jsCode = js < 0 ? undefined : lines.slice(Math.max(0, js - 4), js).find((l) => NEWER_JS_SYNTAX.test(l.text));
    if (jsCode) {
      return finding(ctx, {
        ruleId: 'runtime-version-mismatch',
        category: 'runtime_version_mismatch',
        title: "The code uses newer JavaScript syntax than the image's Node.js understands (Node.js too old)",
        confidence: 0.72,
        evidence: logEvidence([jsCode, lines[js]]),
        steps: steps(ctx),
      });
    }
    if (echoed) {
      return finding(ctx, {
        ruleId: 'runtime-version-mismatch',
        category: 'runtime_version_mismatch',
        title: echoed.title,
        confidence: echoed.confidence,
        evidence: logEvidence(echoed.lines),
        steps: steps(ctx),
      });
    }
    const at = lines.findIndex((l) => PY_SYNTAX_ERROR.test(l.text));
    if (at < 0) return null;
    const code = lines.slice(Math.max(0, at - 3), at).find((l) => NEWER_PY_SYNTAX.test(l.text));
    if (!code) return null;
    return finding(ctx, {
      ruleId: 'runtime-version-mismatch',
      category: 'runtime_version_mismatch',
      title: "The code uses newer Python syntax than the image's Python understands",
      confidence: 0.72,
      evidence: logEvidence([code, lines[at]]),
      steps: steps(ctx),
    });
  },
};
