/** runtime_version_mismatch: the runtime in the image is older or newer than the app (or its config) needs. */
import { kubectl } from '../kubectl.ts';
import type { Rule, RuleContext } from '../rule.ts';
import { finding, logEvidence, type Signature, signatureRule } from './log-helpers.ts';
import {
  NEWER_CONSUL_KEY,
  NEWER_GO_YAML_FIELD,
  NEWER_REDIS_DIRECTIVE,
  OTHER_VERSION_SYNTAX,
  REMOVED_DIRECTIVE,
  REMOVED_MYSQL_FLAG,
  REMOVED_SETTING,
  REMOVED_STDLIB,
  TRAEFIK_OTHER_VERSION_NODE,
} from './version-clues.ts';

/** Servers an app or driver may find too old or too new for it. */
const DATA_SERVER =
  /\b(?:PostgreSQL|Postgres|MySQL|MariaDB|SQL Server|Oracle|MongoDB|Redis|Valkey|Elasticsearch|OpenSearch|SQLite|CockroachDB|Cassandra|ClickHouse|Kafka|RabbitMQ|etcd|Kubernetes|Consul|NATS|Memcached)\b/;
/** "MySQL 5.7 is no longer supported", "PostgreSQL 12 or later is required", "requires Redis 6.2.0 or greater". */
const SERVER_VERSION_GATE =
  /\bv?\d[\d.]{0,10} (?:or (?:later|newer|higher|greater|above) |\+ )?is (?:required|no longer supported|not supported|too old|too new)\b|\brequires (?:a |at least )?[A-Z][A-Za-z]{1,15}(?: [A-Z][a-z]{1,10})?(?: server)? (?:version )?(?:[>=]{1,2} ?)?v?\d|[Uu]nsupported [Dd]atabase(?: version)?: |\bversion [^\n]{0,40}?\bis (?:too old|too new|not supported|unsupported)\b|\bFlywayEditionUpgradeRequiredException\b|[Uu]pgrade required: /;
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
    // distutils, imp, asyncore... left the standard library (3.12, 3.13): the image's Python is newer than the code.
    all: [REMOVED_STDLIB],
    confidence: 0.8,
    title: "The code imports a standard-library module removed in the image's (newer) Python",
  },
  {
    // Built-ins newer than the image's runtime: String.replaceAll (Node 15), Array.findLast (18), str.removeprefix (Python 3.9).
    all: [
      /\.(?:replaceAll|findLast|findLastIndex|toSorted|toReversed|toSpliced|hasOwn) is not a function|'str' object has no attribute '(?:removeprefix|removesuffix)'/,
    ],
    confidence: 0.68,
    title: 'The code calls a built-in that this (older) runtime does not have',
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
    // magic number, Ruby's "incompatible library version", PHP's "Module compiled with module API=", Kotlin
    // metadata, Go plugins.
    all: [
      /\b[Bb]ad magic number in (?:'|[^\n]{0,200}\.pyc\b)|\bincompatible library version\b|[Mm]odule compiled with module API=\d|compiled with an incompatible version of Kotlin|plugin was built with a different version of (?:package|the Go)/,
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
  {
    // Names Python removed (collections ABC aliases in 3.10, inspect.getargspec and asyncio.coroutine in 3.11).
    all: [
      /cannot import name '(?:Mapping|MutableMapping|Sequence|MutableSequence|Iterable|Callable|Hashable|MutableSet|Set)' from 'collections'|module 'collections' has no attribute '(?:Mapping|MutableMapping|Sequence|Iterable|Callable|Hashable|MutableSet)'|cannot import name 'getargspec' from 'inspect'|module 'asyncio' has no attribute 'coroutine'/,
    ],
    confidence: 0.8,
    title: 'A library uses Python names removed in the Python version the image runs (Python too new)',
  },
  {
    // PEP 604 "X | None" annotations evaluated on Python < 3.10.
    all: [/unsupported operand type\(s\) for \|: '(?:type|types\.GenericAlias|_GenericAlias|ModelMetaclass)' and '/],
    confidence: 0.8,
    title: 'The code uses Python 3.10+ syntax (X | None) but the image runs an older Python',
  },
  {
    all: [/Your Ruby version is [0-9.]{1,16}, but your Gemfile specified/],
    confidence: 0.92,
    title: 'The app needs another Ruby version',
  },
  {
    all: [/Your Composer dependencies require a PHP version|requires php [<>=^~]{1,3}/i],
    confidence: 0.88,
    title: 'The app needs another PHP version',
  },
  {
    all: [
      /You must install or update \.NET to run this application|The framework '[^']+', version '[^']+' (?:\([a-z0-9]{1,8}\) )?was not found/,
    ],
    confidence: 0.92,
    title: 'The .NET runtime version the app targets is not in the image',
  },
  {
    all: [/go\.mod requires go >?=? ?\d|module requires Go \d|requires go\d\.\d+ or later/],
    confidence: 0.85,
    title: 'The module needs a newer Go toolchain',
  },
  {
    // A lockfile written by a newer Deno/Bun/npm than the image runs.
    all: [
      /Unsupported lockfile version|Unknown lockfile version|(?:lockfile|lock) was created by a newer version of (?:Bun|Deno|npm|pnpm|yarn)/,
    ],
    confidence: 0.84,
    title: 'The lockfile was written by a newer package manager than the image runs',
  },
  {
    // Bun implements Node's APIs progressively: an older Bun lacks one a dependency calls.
    all: [/is not yet implemented in Bun|not implemented yet in Bun/],
    confidence: 0.76,
    title: 'The Bun version in the image does not implement a Node.js API the code uses',
  },
  {
    // pip skipping every release of a pinned package because it needs another Python.
    all: [/require a different python version|Requires-Python [<>=!~]{1,2} ?\d/],
    confidence: 0.86,
    title: "The pinned package needs another Python version than the image's",
  },
  {
    // Plugins pinned for a newer server core than the image ships (Jenkins, Grafana, Elasticsearch plugins).
    all: [
      /\b(?:Jenkins|Grafana|Elasticsearch|OpenSearch|[Cc]ore|[Ss]erver) \(?v?\d/,
      /\bor (?:higher|newer|later) (?:is )?required\b/,
    ],
    confidence: 0.84,
    title: 'A plugin needs another version of the server than the image runs',
  },
  {
    all: [
      /requires (?:a )?(?:newer|more recent) version of (?:Jenkins|Grafana|Elasticsearch|the server)|was built for (?:Elasticsearch|OpenSearch) version/,
    ],
    confidence: 0.84,
    title: 'A plugin needs another version of the server than the image runs',
  },
  {
    // Version gates of servers and launchers: "Unsupported Java detected (60.0). Only up to Java 15 is supported."
    all: [
      /Unsupported Java detected|[Oo]nly up to Java \d{1,2} is supported|requires (?:at least )?Java \d{1,2}\b|Java \d{1,2} is not supported|[Uu]nsupported (?:Java|JDK|JVM) version|requires Erlang\/OTP \d|Erlang\/OTP \d{2} is not supported|[Uu]nsupported (?:Erlang|OTP) (?:release|version)/,
    ],
    confidence: 0.86,
    title: 'The server refuses the runtime version in the image (version gate)',
  },
  {
    // Directives a config written for a newer Redis uses (7.x) that an older image does not know.
    all: [NEWER_REDIS_DIRECTIVE],
    confidence: 0.8,
    title: 'The Redis config uses a directive added in a newer Redis than the image runs',
  },
  {
    // Settings later server versions removed: a config written for an older server than the image.
    all: [REMOVED_SETTING],
    confidence: 0.86,
    title:
      'The config sets an option the server version in the image has removed (config written for an older version)',
  },
  {
    all: [REMOVED_MYSQL_FLAG],
    confidence: 0.55,
    title: 'The server no longer has an option it was given (removed in the version the image runs)',
  },
  {
    // Envoy dropped the v2 API in 1.18: a v2 bootstrap (hosts, envoy.api.v2 types) fails on a newer image.
    all: [OTHER_VERSION_SYNTAX],
    confidence: 0.84,
    title: 'The config is written for another version of the server than the image runs',
  },
  {
    // MongoDB drivers (Node, Python, Java, Go, C#) and the server's wire protocol range.
    all: [
      /\bwire version \d+, but this version of [^\n]{1,80}? requires (?:at least|at most) \d+|\bMongoCompatibilityError\b|\bMongoIncompatibleDriverException\b|[Tt]his version of the driver is not compatible with/,
    ],
    confidence: 0.9,
    title: 'The database driver in the image does not support the version of the server it connects to',
  },
  {
    // Client tools (pg_dump, pg_basebackup, mysqldump 8 on a 5.7 server) refuse a server of another version.
    all: [
      /\bserver version mismatch\b|\bincompatible server version\b|[Uu]nsupported server version|\bserver version: [\d.]{1,16}[^\n]{0,60}; [\w-]{1,30} version: [\d.]{1,16}|Unknown table 'COLUMN_STATISTICS'/,
    ],
    confidence: 0.88,
    title: 'The client tool in the image is another version than the server it talks to',
  },
  {
    // An Elasticsearch client asks for a compatibility mode (compatible-with=9) the older server lacks.
    all: [/Accept version must be either version \d+ or \d+|\bmedia_type_header_exception\b/],
    confidence: 0.88,
    title: 'The Elasticsearch client is a newer major version than the server',
  },
  {
    // The product check of Elasticsearch clients: a server too old (or another product) for the client.
    all: [
      /[Tt]he client noticed that the server is not (?:a supported distribution of )?Elasticsearch|\bUnsupportedProductError\b/,
    ],
    confidence: 0.72,
    title: 'The Elasticsearch client does not support the server it reached (version or distribution)',
  },
  {
    // A Kafka client using an API the broker is too old to have.
    all: [/[Tt]he broker does not support [A-Z_]{3,40}\b|UnsupportedVersionException: [^\n]{0,80}\bbroker\b/],
    confidence: 0.82,
    title: 'The Kafka broker is older than the client needs',
  },
  {
    // The app's or migration tool's gate on its database server (Django, Flyway, Sidekiq, GitLab): the
    // line names a server and says its version is required, unsupported or too old.
    all: [DATA_SERVER, SERVER_VERSION_GATE],
    confidence: 0.86,
    title: 'The app does not support the version of the database server it connects to',
  },
  {
    // A Go YAML key Prometheus or Alertmanager added in a later release: the image is older than the config.
    all: [NEWER_GO_YAML_FIELD],
    confidence: 0.8,
    title: 'The config uses a key added in a newer release than the image runs',
  },
  {
    // Beats bad_command_args's generic Traefik flag reading: this node exists in the other major version.
    all: [TRAEFIK_OTHER_VERSION_NODE],
    confidence: 0.88,
    title: 'The Traefik flags or config are written for another major version than the image runs',
  },
  {
    // A Consul key from a newer release than the image (the config copied from current docs).
    all: [NEWER_CONSUL_KEY],
    confidence: 0.84,
    title: 'The Consul config uses a key added in a newer release than the image runs',
  },
  {
    all: [REMOVED_DIRECTIVE],
    confidence: 0.84,
    title: 'The config uses a directive or plugin the server version in the image has removed',
  },
  // Redis says "Bad directive" for directives it does not know: a config written for a newer server,
  // or a typo; the bad-config rule offers the other reading.
  {
    all: [/Bad directive or wrong number of arguments/],
    confidence: 0.52,
    title: 'The config uses a directive this server version does not know (config newer than the image?)',
  },
  {
    all: [/[Uu]nknown (?:directive|setting|option|parameter)/, /version/i],
    confidence: 0.55,
    title: 'The config uses something this server version does not know',
  },
  {
    // Any other unknown key may be a typo (bad_config, ranked first) or a config for another version.
    all: [
      /unknown directive "|has unknown fields|Cannot find field|invalid config key |unknown variable '|Unrecognized option: [a-z]|unknown setting \[|field not found, node: |[Uu]nknown configuration (?:variable|key|option|directive)|unrecognized configuration parameter "|attempted to set unknown variable/,
    ],
    confidence: 0.4,
    title: 'The config may be written for another version of the server than the image runs',
  },
];

// The GPU driver on the node is older than the CUDA runtime the image was built with: CUDA's own
// "driver version is insufficient", PyTorch's "NVIDIA driver on your system is too old", NGC images' "built
// for NVIDIA Driver Release 550.54 or later", and the container toolkit's "cuda>=12.4, please update your
// driver", which reaches users only as the start-failure message (hence its own rule reading the status).
const OLD_GPU_DRIVER: Signature = {
  all: [
    /CUDA driver version is insufficient for CUDA runtime version|\bcudaErrorInsufficientDriver\b|\bCUDA_ERROR_(?:INSUFFICIENT_DRIVER|COMPAT_NOT_SUPPORTED_ON_DEVICE|SYSTEM_DRIVER_MISMATCH)\b|NVIDIA driver on your system is too old|built for NVIDIA Driver Release [\d.]{1,12} or later|unsatisfied condition: cuda ?>=? ?\d|please update your (?:NVIDIA |GPU )?driver to a newer version|unsupported display driver \/ cuda driver combination|installed CUDA driver is older than/,
  ],
  confidence: 0.88,
  title: "The node's GPU driver is older than the CUDA version the image needs",
};

// The image's CUDA build has no kernels for the node's (older) GPU architecture.
const OLD_GPU_ARCH: Signature = {
  all: [/no kernel image is available for execution on the device|cudaErrorNoKernelImageForDevice/],
  confidence: 0.76,
  title: "The image's CUDA build does not support the node's GPU (compute capability too old)",
};

const steps = (ctx: RuleContext): string[] => [
  `Check the image and its base tag: ${kubectl.podSpec(ctx.target, '{.spec.containers[*].image}')}`,
  `See the runtime version in the image: ${kubectl.debugCopy(ctx.target, 'sh -c "java -version; node --version; python --version" 2>&1')}`,
];

const bySignature = signatureRule({
  id: 'runtime-version-mismatch',
  category: 'runtime_version_mismatch',
  signatures: SIGNATURES,
  steps,
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

// Python prints the offending source line (and a caret) just above "SyntaxError: invalid syntax": newer
// syntax there (walrus, match/case, except*) means the image's Python is older than the code.
const PY_SYNTAX_ERROR = /^SyntaxError: (?:invalid syntax|f-string: expecting '\}')\s*$/;
// f"{x=}" (3.8) in the code line is newer syntax too.
const NEWER_PY_SYNTAX = /:=|^\s{0,32}(?:match|case) [^\s:][^:]{0,200}:\s*$|\bexcept\*|\{[\w.]{1,60}=\}/;
// Node prints the source line, a caret, then the error: "Unexpected token '.'" under an optional chain
// (or '?' under ??) means a Node.js older than 14 reading modern code.
const JS_SYNTAX_ERROR = /^SyntaxError: Unexpected token '[.?=]'\s*$/;
const NEWER_JS_SYNTAX = /[\w)\]]\?\.[\w([]|\?\?=?|\|\|=|&&=/;

export const runtimeVersionMismatch: Rule = {
  id: 'runtime-version-mismatch',
  match: (ctx) => {
    const found = bySignature.match(ctx) ?? byGpuDriver.match(ctx);
    if (found) return found;
    const lines = ctx.log.lines;
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
