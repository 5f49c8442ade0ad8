/**
 * missing_dependency's readings of a lockfile or manifest that stopped the dependencies from being installed
 * as pinned (npm ci, Bundler, Go modules, Maven/Gradle, Poetry/pip, Composer), or an install step that never
 * ran in the image (a native addon's build, a client's code generation). The missing-dependency rule lists
 * these among its own signatures.
 */
import type { Signature } from './log-helpers.ts';

export const LOCKFILE_SIGNATURES: Signature[] = [
  {
    // A native addon whose install script never ran in the image (npm ci --ignore-scripts, node_modules copied
    // without its build output, a prebuilt download that failed): the package is there, its compiled .node file
    // is not. bcrypt ".../node_modules/bcrypt/lib/binding/napi-v3/bcrypt_lib.node", sqlite3 ".../binding/
    // napi-v6-linux-glibc-x64/node_sqlite3.node", and the bindings package's "Could not locate the bindings file".
    all: [
      /\bCannot find module '[^'\n]{1,300}\.node'|\bCould not locate the bindings file\b/,
      /node_modules|bindings file/,
    ],
    confidence: 0.8,
    title: "A native package's compiled addon was never built or fetched in the image (its install script did not run)",
  },
  {
    // A client generated from a schema at install or build time that the image never got: Prisma's "@prisma/client
    // did not initialize yet. Please run "prisma generate"", "Cannot find module '.prisma/client/default'" (a fresh
    // production install in the runtime stage, the generated client left in the builder).
    all: [
      /\b(?:[Pp]lease run|[Yy]ou need to run|[Tt]ry running|[Rr]un) [`'"]?(?:npx |pnpm |yarn |bunx |pnpm exec )?prisma generate\b|\bCannot find module '\.prisma\/client\b|@prisma\/client did not initialize yet\b/,
    ],
    confidence: 0.82,
    title: 'The generated database client was not generated in the image (prisma generate did not run there)',
  },
  {
    // npm packages that ship their native binary as one optional package per platform: node_modules or a
    // lockfile made on a Mac or Windows holds only that platform's package, so the Linux one was never
    // installed in the image. esbuild "You installed esbuild for another platform ... the "@esbuild/darwin-arm64"
    // package is present but this platform needs the "@esbuild/linux-x64" package", sharp "Could not load the
    // "sharp" module using the linux-x64 runtime", rollup "Cannot find module @rollup/rollup-linux-x64-gnu. npm
    // has a bug related to optional dependencies", SWC/Next "Failed to load SWC binary for linux/x64",
    // @parcel/watcher "No prebuild or local build of @parcel/watcher found", Turborepo's platform binary.
    all: [
      /\binstalled [\w@/.-]{1,60} for another platform\b|\bpackage is present but this platform needs the ['"`]?@?[\w/.-]{1,80}['"`]? package\b|\bCould not load the ['"`][\w@/.-]{1,60}['"`] module using the [\w-]{1,40} runtime\b|\b[Cc]annot find module ['"`]?[^'"`\s]{0,100}[-./](?:linux|darwin|win32|freebsd)-(?:x64|arm64|ia32|arm|x86_64|aarch64)\b|\bnpm has a bug related to optional dependencies\b|\bFailed to load SWC binary for\b|\bNo prebuild or local build of [\w@/.-]{1,60} found\b|\bdid not find the correct binary for your platform\b/,
    ],
    confidence: 0.88,
    title:
      "A native package's binary for this platform was not installed (node_modules or the lockfile came from another OS)",
  },
  {
    // Lock and install-mode guards that stop the dependencies from being installed as pinned.
    all: [
      /Required package missing from disk|DO NOT MATCH THE HASHES FROM THE REQUIREMENTS FILE|You are trying to install in deployment mode after changing your Gemfile/,
    ],
    confidence: 0.84,
    title: 'The dependencies were not installed as the lockfile pins them',
  },
  {
    // A version lock the image does not satisfy: Gemfile.lock's bundler, npm ci's lockfile, go.sum, Maven.
    all: [/\bCould not find '[\w.-]{1,100}' \(/, /required by your /, /Gemfile\.lock/],
    confidence: 0.88,
    title: 'The bundler or gem version that Gemfile.lock pins is not installed in the image',
  },
  {
    all: [/Gem::GemNotFoundException|can't find gem bundler/],
    confidence: 0.88,
    title: 'The bundler or gem version that Gemfile.lock pins is not installed in the image',
  },
  {
    all: [
      /`npm ci` can only install packages when your package\.json and package-lock\.json|npm (?:ERR!|error) Missing: [^\s]{1,200} from lock file|Your lockfile needs to be updated, but yarn was run with `--frozen-lockfile`|ERR_PNPM_OUTDATED_LOCKFILE|lockfile had changes, but lockfile is frozen/,
    ],
    confidence: 0.85,
    title: 'The lockfile does not match the manifest, so the dependencies were not installed',
  },
  {
    all: [
      /missing go\.sum entry for module|go: updates to go\.mod needed|go: inconsistent vendoring|cannot find module providing package/,
    ],
    confidence: 0.85,
    title: 'A Go module the app needs is not in go.mod/go.sum (or the vendor directory)',
  },
  {
    all: [
      /Could not resolve dependencies for project|Could not find artifact [^\s]{1,200} in |Could not resolve all (?:files|dependencies|artifacts) for configuration|Could not find [\w.-]{1,100}:[\w.-]{1,100}:[\w.-]{1,40}\./,
    ],
    confidence: 0.82,
    title: 'A Maven/Gradle dependency cannot be resolved',
  },
  {
    all: [
      /pyproject\.toml changed significantly since poetry\.lock|poetry\.lock is not consistent with pyproject\.toml|Could not find a version that satisfies the requirement|No matching distribution found for|version solving failed/,
    ],
    confidence: 0.75,
    title: 'The Python dependencies in the lock file cannot be installed as pinned',
  },
  {
    all: [
      /The lock file is not up to date with the latest changes in composer\.json|Your lock file does not contain a compatible set of packages/,
    ],
    confidence: 0.82,
    title: 'composer.lock does not match composer.json, so the dependencies were not installed',
  },
  {
    // An offline run (no egress in the cluster) that may only use what the image's build cached or vendored:
    // a module the build never fetched is absent. Deno's --cached-only and --no-remote, npm's offline cache
    // mode (ENOTCACHED), Yarn's offline mode. The flag is named, but it only reveals the missing module.
    all: [
      /\bSpecifier not found in cache\b|but --no-remote is specified|\bENOTCACHED\b|cache mode is 'only-if-cached' but no cached response is available|Can't make a request in offline mode|not found in (?:the )?offline (?:cache|mirror)\b/,
    ],
    confidence: 0.9,
    title: 'A module the app imports is not in the cache or vendor directory the image was built with',
  },
];

// A native package that refuses to load because the runtime is older than its prebuilt binary supports, and
// says so: sharp's "Please upgrade Node.js: Found 18.16.1, Requires ^18.17.0", npm's "The engine "node" is
// incompatible with this module", node-pre-gyp's "requires Node.js >= 18". The package is installed; the
// image's runtime is too old (runtime_version_mismatch), so the missing-dependency rule steps back.
export const RUNTIME_TOO_OLD_FOR_PACKAGE =
  /\b[Pp]lease upgrade (?:Node(?:\.js)?|Python|Ruby|PHP|your runtime)\b|^\s{0,8}Requires [\^~>=]{1,2} ?v?\d{1,3}\.\d|\bThe engine "node" is incompatible with this module\b|\bUnsupported engine\b|\brequires Node(?:\.js)? (?:version )?[\^~>=]{1,2} ?v?\d/;
