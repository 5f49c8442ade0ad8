/**
 * missing_dependency's readings for libraries that check an optional package themselves and tell the user
 * how to install it, instead of letting the import fail (FastAPI's "Form data requires "python-multipart" to
 * be installed", transformers' "requires the protobuf library but it was not found in your environment",
 * LangChain's "Could not import openai python package. Please install it with `pip install openai`"). The
 * missing-dependency rule lists these among its own signatures.
 */
import type { Signature } from './log-helpers.ts';

// A native library or a shared object has its own cause (missing_shared_library).
const SHARED_OBJECT = /shared (?:library|object)|\.so\b/;

export const INSTALL_HINT_SIGNATURES: Signature[] = [
  {
    // A library that catches the import of a package it needs and re-raises it in its own words, often quoting
    // the import error: SQLAlchemy's asyncio "the greenlet library is required to use this function. No module
    // named 'greenlet'", "the psycopg2 module is required for this dialect", a wrapper's "RuntimeError: cannot
    // start the worker: No module named 'uvloop'". The package was left out of the image (an extra not
    // installed, a lock made on another platform whose markers skipped it, pip --no-deps).
    all: [
      /(?:[.:;,)]|\]) No module named '[\w.]{1,100}'|\b(?:library|package|module|extra) (?:is|are) required (?:to use|to run|to enable|for this|for the) /,
    ],
    confidence: 0.84,
    title: 'A package a library needs was not installed in the image',
    not: SHARED_OBJECT,
  },
  {
    // A Perl library that loads an optional module on demand and names it with its minimum version: Mojo's
    // "IO::Socket::SSL 2.009+ required for TLS support", "Net::DNS::Native 0.15+ required for non-blocking name
    // resolution", Moo's "Role::Tiny 2.000001 required", "Cpanel::JSON::XS is required for ...".
    all: [/\b[A-Z]\w{0,40}(?:::\w{1,40}){1,5} (?:v?\d[\d._]{0,12}\+? )?(?:is )?required\b/],
    confidence: 0.82,
    title: 'A Perl module the app loads on demand is not installed in the image',
    // Moose's "Attribute (dsn) is required" is an argument the app's code left out, not a module.
    not: /\bAttribute \(/,
  },
  {
    // A runtime whose resolver finds the package declared but not installed, and says to run the install step:
    // Deno 2's "Could not resolve "x", but found it in a package.json. Deno expects the node_modules/ directory
    // to be up to date. Did you forget to run `deno install`?", "Could not find a matching package for 'npm:x'
    // in the node_modules directory", Yarn PnP's "tried to access x, but it isn't declared in its dependencies".
    all: [
      /\bbut found it in (?:a |the |your )?package\.json\b|\bexpects the node_modules\/? directory to be up to date\b|\bDid you forget to run `?(?:deno|npm|pnpm|yarn|bun) (?:install|ci|i)\b|\bCould not find a matching package for '(?:npm|jsr):|\btried to access [\w@/.-]{2,100}, but it isn't declared in its dependencies\b/,
    ],
    confidence: 0.86,
    title: 'A package the app imports is declared but not installed in the image (the install step did not run)',
  },
  {
    // A bundler's or runtime loader's bare-specifier failure (esbuild/tsx/Bun/Deno "Could not resolve "zod"",
    // Vite SSR "Failed to resolve import "x""): a package, since relative paths are the app's own files.
    all: [
      /\bCould not resolve ["'](?![./~]|file:|https?:)@?[\w.-]{1,100}(?:\/[\w.-]{1,100}){0,3}["']|\bFailed to resolve (?:import|entry for package) ["'](?![./~])@?[\w.-]{1,100}/,
    ],
    // A host name is a DNS failure, not a package.
    not: /\b(?:host|hostname|address|DNS|lookup)\b|ENOTFOUND|EAI_AGAIN/i,
    confidence: 0.74,
    title: 'A package the app imports cannot be resolved (not installed in the image)',
  },
  {
    // The requirement stated as a sentence, with or without "the" and the kind of thing it is.
    all: [
      /\b(?:requires?|needs?) (?:the )?[`'"]?[\w.[\]-]{2,60}[`'"]? (?:(?:package|module|library|extra|dependency) )?to be installed\b|\bbut (?:it )?was not found in your environment\b|\b[Cc]ould not import [`'"]?[\w.-]{2,60}[`'"]? (?:python |Python )?package\b/,
    ],
    confidence: 0.84,
    title: 'An optional package a library needs for a feature the app uses is not installed in the image',
    not: SHARED_OBJECT,
  },
  {
    // The requirement named as a kind of package without "to be installed", at the point a feature loads it
    // (Radicale's "The htpasswd encryption method 'bcrypt' requires the bcrypt module", "the xlsx export needs
    // the openpyxl package", PHP apps' "requires the gd extension"). A kernel module, a native library or a
    // version of a runtime is another cause.
    all: [
      /\b(?:requires?|needs?) (?:the )?[`'"]?[\w.-]{2,60}[`'"]? (?:(?:[Pp]ython|Perl|PHP|[Nn]ode|Ruby|Lua) )?(?:module|package|library|extension|extra|gem)\b(?! (?:version|to be built))/,
    ],
    confidence: 0.8,
    title: 'An optional package a library needs for a feature the app uses is not installed in the image',
    not: /\bkernel\b|modprobe|\bCONFIG_[A-Z]|shared (?:library|object)|\.so\b|\b(?:version|v?\d{1,3}\.\d{1,3})\b|\b(?:nginx|httpd|apache)\b|ngx_|mod_\w/i,
  },
  {
    // A library that asserts an optional package at the point of use and names the feature it is for
    // (Starlette's "jinja2 must be installed to use Jinja2Templates", "itsdangerous must be installed to use
    // SessionMiddleware", pandas' "Missing optional dependency 'openpyxl'", "x is required to use y but is not
    // installed"): the app uses a feature whose package the image lacks (an extra dropped from the manifest).
    all: [
      / (?:must|needs to|has to|should) be installed (?:to use|in order to use|to enable|when using)\b|\b[Mm]issing optional dependency\b/,
    ],
    confidence: 0.84,
    title: 'An optional package a library needs for a feature the app uses is not installed in the image',
    // A runtime or a system tool to install on the host is another cause ("Python 3.10 or newer must be
    // installed to use", "Docker must be installed"): a version number or a native library.
    not: /shared (?:library|object)|\.so\b|\b(?:v?\d{1,3}\.\d{1,3}|[Vv]ersion|newer|later|higher)[`'"]? (?:(?:or (?:newer|later|higher) )?)(?:must|needs to|has to|should) be installed/,
  },
  {
    // The same requirement worded as "required to use" with the failure or the fix on the line.
    all: [
      / (?:is|are) required (?:to use|for using|in order to use)\b/,
      /\bnot installed\b|\b(?:pip3?|npm|gem) install /,
    ],
    confidence: 0.8,
    title: 'An optional package a library needs for a feature the app uses is not installed in the image',
    not: SHARED_OBJECT,
  },
  {
    // Only the advice ("You can install "x" with:", "Please install it with `pip install x`"): the sentence that
    // names the failure may be elsewhere, and some libraries print this hint and carry on, so it is weaker.
    all: [
      /\b(?:[Pp]lease|[Yy]ou (?:can|must|need to|should)) install (?:it|them|[`'"][\w.[\]-]{2,60}[`'"]) (?:with|using|via|by running)\b/,
    ],
    confidence: 0.7,
    title: 'A package the app needs is not installed in the image (the log gives the install command)',
    not: SHARED_OBJECT,
  },
  {
    // A framework that loads an optional package itself and says it is absent (NestJS's PackageLoader: "The
    // "@nestjs/platform-express" package is missing. Please, make sure to install this library", its platform loader's "please, ensure to install the
    // "@nestjs/platform-express" package", Gatsby and
    // ESLint's "plugin/package is not installed", Python's "module is not installed").
    all: [
      /\b(?:package|module|library|dependency|adapter|driver)[`'"]? (?:is|was|seems to be) (?:missing|not installed)\b|\b(?:[Mm]ake sure|[Ee]nsure|[Bb]e sure)(?: that you| you)?(?: to)? (?:have )?install(?:ed)? (?:this|the|it\b|them\b|[`'"][\w@/.[\]-]{2,80}[`'"])/,
    ],
    confidence: 0.84,
    title: 'A package the app loads at start is not installed in the image',
    not: SHARED_OBJECT,
  },
  {
    // Any "missing / not installed / cannot find" line that quotes the package manager command that fixes it
    // ("($ npm install x)", "run `yarn add x`", "pip install x", Verdaccio's 'plugin not found. try "npm
    // install verdaccio-ldap"').
    all: [
      /\b(?:missing|not installed|not found|[Cc]annot find|[Cc]ould not (?:find|load|resolve))\b/,
      /(?:\$|\brun|\b[Tt]ry|\bwith:?|\busing|`|\() ?[`'"]?(?:npm (?:install|i)|yarn add|pnpm (?:add|install)|pip3? install|poetry add|gem install|composer require|cargo add) [@\w]/,
    ],
    confidence: 0.8,
    title: 'A package the app needs is not installed in the image (the log gives the install command)',
    not: SHARED_OBJECT,
  },
  {
    // A framework that loads a named gem/package itself and says it was not found (Sinatra 4's "the "rackup"
    // gem was not found!", Rails' adapters, Jekyll plugins, Python plugin loaders).
    all: [
      /[`'"][\w@/.-]{2,60}[`'"] (?:gem|package|module|library)s? (?:was|were|is|are|could) not (?:be )?(?:found|available|loaded)\b/,
    ],
    confidence: 0.84,
    title: 'A gem or package the app loads at start is not installed in the image',
    // A quoted source file ("app.py" module was not found in the current directory) is the app's own file.
    not: /shared (?:library|object)|\.so\b|\.(?:py|rb|js|mjs|cjs|ts|php|pl|lua)[`'"] (?:gem|package|module|library)|(?:current|working) directory/,
  },
  {
    // A CLI subcommand that a separate package provides (Celery's "flower", Docker's "compose"/"buildx" plugins,
    // git-lfs, cargo-watch and friends): the command line is right for an image that installs that package.
    all: [
      /\bNo such command ['"`](?:flower|beat-scheduler|compose|buildx|lfs)['"`]|['"`](?:compose|buildx|scan|lfs|flow|secret|crypt)['"`] is not a (?:docker|git) command\b|\bno such (?:sub)?command:? ['"`](?:watch|edit|audit|outdated|nextest|binstall|make|deny|machete|sqlx|leptos|chef|llvm-cov|tarpaulin|udeps|expand|upgrade)['"`]/,
    ],
    confidence: 0.7,
    title: 'A subcommand that a separate package provides is not installed in the image',
  },
  {
    // A library that checks for a package it needs and tells the user to declare it in the manifest (TZInfo's
    // "tzinfo-data is not present. Please add gem 'tzinfo-data' to your Gemfile", Rails' "add `gem 'x'` to your
    // Gemfile", Node and Python libraries' "add x to your package.json / requirements.txt").
    all: [
      /\b[Aa]dd (?:the )?`?(?:gem )?[`'"]?[\w@/.-]{2,60}[`'"]?`? (?:(?:gem|package|module|library|dependency) )?(?:to|in) (?:your|the) (?:Gemfile|gemspec|package\.json|requirements(?:\.txt)?|pyproject\.toml|Pipfile|pom\.xml|build\.gradle(?:\.kts)?|Cargo\.toml|go\.mod|composer\.json|mix\.exs|(?:project's )?dependencies)\b/,
    ],
    confidence: 0.86,
    title: 'A package the app needs is not installed in the image (the log says to add it to the manifest)',
    // Ruby 3.3+ warns that a default gem leaves the standard library ("Add base64 to your Gemfile or gemspec to
    // silence this warning"): it still loads, so that advice names no failure.
    not: /[Ww]arning|will no longer be part of|silence|deprecat/i,
  },
  {
    // A plugin or worker host that tells the user to install what a configured type needs, without naming it:
    // Prefect's "Please ensure you have the necessary dependencies installed to run your desired worker type",
    // "make sure the required packages are installed", "missing optional dependencies".
    all: [
      /\b(?:[Ee]nsure|[Mm]ake sure|[Cc]heck) (?:that )?(?:you have )?(?:the |all )?(?:necessary|required|needed|optional) (?:dependencies|packages|extras|plugins|modules) (?:are |is )?installed\b|\b[Mm]issing (?:optional |required )?(?:dependencies|packages|extras)(?: for| to|:)/,
    ],
    confidence: 0.8,
    title: 'A package the configured feature needs is not installed in the image',
    not: /shared (?:library|object)|\.so\b|[Ww]arning|system (?:dependencies|packages|libraries)/,
  },
  {
    // A library that looks up an optional backend by name and asks whether it was installed: BeautifulSoup's
    // "FeatureNotFound: Couldn't find a tree builder with the features you requested: lxml. Do you need to
    // install a parser library?", pandas' "Missing optional dependency 'openpyxl'", "No engine named x. Did you
    // install the x package?". The app names a backend the image was built without.
    all: [
      /\b(?:[Dd]o|[Dd]id) you (?:need to )?install (?:a |an |the )?[\w .-]{0,40}\b(?:library|package|module|parser|backend|engine|driver|extension|plugin)s?\?|\bFeatureNotFound\b|\bMissing optional dependency ['"`]/,
    ],
    confidence: 0.84,
    title: 'An optional package the app selects by name (a parser, engine or driver) is not installed in the image',
    not: /shared (?:library|object)|\.so\b|[Ww]arning|system (?:dependencies|packages|libraries)/,
  },
  {
    // A library that names the package its feature needs, quoted, and says it is required: PyMySQL's
    // "'cryptography' package is required for sha256_password or caching_sha2_password auth methods",
    // "`boto3` module is required for S3 storage", Mint's "please add `:castore` to your project's dependencies".
    all: [
      /[`'"][\w:@/.-]{2,60}[`'"] (?:package|module|library|gem|extra|dependency) (?:is|are) (?:required|needed)\b|\b(?:please )?add [`'"][\w:@/.-]{2,60}[`'"] to (?:your |the )?(?:project's |app's )?(?:dependencies|deps|requirements|Gemfile|package\.json|mix\.exs|pyproject\.toml)\b/,
    ],
    confidence: 0.84,
    title: 'A package a library needs for the configured feature is not installed in the image',
    not: /shared (?:library|object)|\.so\b|[Ww]arning|system (?:dependencies|packages|libraries)/,
  },
  {
    // python-engineio (Flask-SocketIO, python-socketio) imports the async mode's package (eventlet, gevent) and
    // reports only "Invalid async_mode specified" when it cannot: the package left out of the image as often as
    // a misspelt mode, hence below the confident band.
    all: [/\bInvalid async_mode specified\b/],
    confidence: 0.72,
    title: 'The async package the Socket.IO server is set to use (eventlet, gevent) is not installed',
  },
];
