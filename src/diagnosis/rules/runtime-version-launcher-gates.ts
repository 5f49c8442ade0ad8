/**
 * runtime_version_mismatch's readings of an app's or launcher's own check of the language runtime it was
 * started on (Angular CLI, Nextcloud, Jenkins, Moodle), of a build tool older than
 * the project it reads (Cargo editions and unstable features), and of server configs that name settings of
 * a newer release. The runtime-version-mismatch rule lists these with its language-runtime signatures.
 */
import type { Signature } from './log-helpers.ts';
import { NEWER_PGBOUNCER_PARAMETER } from './version-clues.ts';

/**
 * The app's or launcher's own check of the language runtime (Node.js, PHP, Java, Python, Ruby, Go, Erlang,
 * .NET...): "The Angular CLI requires a minimum Node.js version of v18.19", "This version of Nextcloud
 * requires at least PHP 8.1", "Please update your PHP version", Jenkins "Running with Java 11 ..., which is
 * older than the minimum required version (Java 17)", "Supported Java versions are: [17, 21]".
 */
const RUNTIME_VERSION_CHECK =
  /\b(?:requires|needs) (?:a |the )?minimum (?:of )?(?:Node(?:\.js)?|PHP|Java|JDK|JRE|Python|Ruby|Go|Erlang(?:\/OTP)?|OTP|Elixir|\.NET|Perl|Deno|Bun|Dart|Swift) (?:version )?(?:of )?v?\d|\b(?:requires|needs) at least (?:Node(?:\.js)?|PHP|Java|JDK|JRE|Python|Ruby|Go|Erlang(?:\/OTP)?|OTP|Elixir|\.NET|Perl|Deno|Bun|Dart|Swift) (?:version )?v?\d|\b[Pp]lease (?:update|upgrade) your (?:Node(?:\.js)?|PHP|Java|JDK|JRE|Python|Ruby|Go|Erlang(?:\/OTP)?|OTP|Elixir|\.NET|Perl|Deno|Bun|Dart|Swift) (?:version|installation|runtime)\b|\bwhich is (?:older|newer) than the (?:minimum|maximum) (?:required |supported )?version \((?:Node(?:\.js)?|PHP|Java|JDK|JRE|Python|Ruby|Go|Erlang(?:\/OTP)?|OTP|Elixir|\.NET|Perl|Deno|Bun|Dart|Swift) v?\d|\bSupported (?:Node(?:\.js)?|PHP|Java|JDK|JRE|Python|Ruby|Go|Erlang(?:\/OTP)?|OTP|Elixir|\.NET|Perl|Deno|Bun|Dart|Swift) versions are:? \[?v?\d/;

/**
 * A runtime version named and refused, or an upgrade of the runtime advised: "Unsupported Java 11.0.24
 * detected", "Please use Java(TM) 17 to run", "Please upgrade Node.js:", "Java 8 is no longer supported",
 * "your Java version from [/usr/lib/jvm] does not meet this requirement".
 */
const RUNTIME_REFUSED_WITH_ADVICE =
  /\b[Uu]nsupported (?:Node(?:\.js)?|PHP|Java|JDK|JRE|Python|Ruby|Erlang(?:\/OTP)?|OTP|Elixir|\.NET|Perl|Deno|Bun|Dart) (?:version )?v?\d{1,2}(?:\.\d{1,4}){0,3}(?: detected| found|[,.;:]| is\b)|\b[Pp]lease (?:use|install|switch to) (?:Node(?:\.js)?|PHP|Java|JDK|JRE|Python|Ruby|Erlang(?:\/OTP)?|OTP|Elixir|\.NET|Perl|Deno|Bun|Dart)(?:\(TM\))? (?:version )?v?\d{1,2}\b|\b[Pp]lease (?:upgrade|update) (?:Node(?:\.js)?|PHP|Java|JDK|JRE|Python|Ruby|Erlang(?:\/OTP)?|OTP|Elixir|\.NET|Perl|Deno|Bun|Dart)(?::| to v?\d| (?:version|installation|runtime)\b)|\b(?:Node(?:\.js)?|PHP|Java|JDK|JRE|Python|Ruby|Erlang(?:\/OTP)?|OTP|Elixir|\.NET|Perl|Deno|Bun|Dart) v?\d{1,2}(?:\.\d{1,4}){0,3} is no longer supported\b|\byour (?:Node(?:\.js)?|PHP|Java|JDK|JRE|Python|Ruby|Erlang(?:\/OTP)?|OTP|Elixir|\.NET|Perl|Deno|Bun|Dart) version (?:from \[[^[\]\n]{0,120}\] )?does not meet\b/;

/**
 * A framework's or CLI's startup check that names the runtime it found and the range it needs, often as a
 * semver range: Next.js "You are using Node.js 18.17.1. For Next.js, Node.js version "^18.18.0 || >=
 * 20.0.0" is required.", Vite "You are using Node.js 18.12.0. Vite requires Node.js version 20.19+", Nuxt
 * "requires Node.js ^14.16.0 || ^16.10.0", "Python version '>=3.10' is required".
 */
const YOU_ARE_USING_RUNTIME =
  /\b[Yy]ou are (?:using|running(?: on)?) (?:Node(?:\.js)?|PHP|Java|JDK|JRE|Python|Ruby|Erlang(?:\/OTP)?|OTP|Elixir|\.NET|Perl|Deno|Bun|Dart) (?:version )?v?\d{1,2}(?:\.\d{1,4}){0,3}\b/;
const RUNTIME_RANGE_REQUIRED =
  /\b(?:Node(?:\.js)?|PHP|Java|JDK|JRE|Python|Ruby|Erlang(?:\/OTP)?|OTP|Elixir|\.NET|Perl|Deno|Bun|Dart) (?:version |engine )?["'`][^"'`\n]{1,80}["'`] is required\b|\b(?:requires|needs) (?:Node(?:\.js)?|PHP|Java|JDK|JRE|Python|Ruby|Erlang(?:\/OTP)?|OTP|Elixir|\.NET|Perl|Deno|Bun|Dart) (?:version )?["'`]?(?:\^|~|>=?) ?v?\d{1,2}(?:\.[\dx*]{1,4}){0,2}/;

export const LAUNCHER_GATE_SIGNATURES: Signature[] = [
  {
    // The runtime found, named beside the requirement on the same line (a deprecation notice is not a gate).
    all: [YOU_ARE_USING_RUNTIME, /\b(?:is required|requires|required|is not supported|minimum)\b/],
    not: /\b(?:[Dd]eprecat\w{0,5}|end of life|end-of-life|will (?:be removed|stop|drop))\b/,
    confidence: 0.88,
    title: 'The app refuses the language runtime version in the image (it names the version it found)',
  },
  {
    all: [RUNTIME_RANGE_REQUIRED],
    confidence: 0.86,
    title: 'The app requires a range of language runtime versions that the image does not satisfy',
  },
  {
    // A library's own check of a system library the base image ships (the distro is older than the package
    // needs): Chroma "Your system has an unsupported version of sqlite3. Chroma requires sqlite3 >= 3.35.0",
    // Django "SQLite 3.31 or later is required (found 3.27.2)", urllib3 2 "urllib3 v2 only supports OpenSSL
    // 1.1.1+". Moving to a newer base image fixes it.
    all: [
      /\b(?:has|have|found|is using|uses) an? unsupported version of (?:sqlite3?|SQLite|OpenSSL|libssl|LibreSSL|glibc|libc|zlib|libsqlite3)\b|\b(?:requires|needs) (?:sqlite3?|SQLite|OpenSSL|LibreSSL|libsqlite3|glibc) ?(?:>=|version|v)? ?\d{1,2}\.\d|\b(?:SQLite|OpenSSL|glibc) \d{1,2}(?:\.\d{1,4}){0,2} or (?:later|newer|higher) is required\b|\bonly supports OpenSSL \d/,
    ],
    confidence: 0.86,
    title: "The base image's system library (SQLite, OpenSSL, glibc) is older than a package in it requires",
  },
  {
    all: [RUNTIME_VERSION_CHECK],
    confidence: 0.86,
    title: 'The app refuses the language runtime version in the image (its own version check)',
  },
  {
    // The app's requirement stated as a floor: Matomo "requires PHP 8.1 or newer; you are running 7.4.33",
    // "PHP 8.2 or higher is required", Drupal "Your PHP installation is too old", WP-CLI "You are running PHP
    // 7.2", "requires Python 3.10+". Said at startup, it is the image's runtime the app refuses.
    all: [
      /\b(?:requires|needs) (?:PHP|Node(?:\.js)?|Python|Ruby|Perl|Erlang\/OTP|OTP|Elixir|\.NET|Go) (?:version )?v?\d{1,2}(?:\.\d{1,4}){0,2}(?: or (?:newer|higher|later|greater|above)\b|\+| and (?:up|above)\b)|\b(?:PHP|Node(?:\.js)?|Python|Ruby|Perl|Elixir) (?:version )?v?\d{1,2}(?:\.\d{1,4}){0,2} or (?:newer|higher|later|greater) is required\b|\b[Yy]our (?:PHP|Node(?:\.js)?|Python|Ruby|Perl) (?:installation|version|runtime) is (?:too old|outdated|not supported)\b/,
    ],
    confidence: 0.86,
    title: 'The app refuses the language runtime version in the image (its stated minimum)',
  },
  {
    // A build tool older than the project it reads: Cargo "feature `edition2024` is required ... not
    // stabilized in this version of Cargo", "Consider trying a newer version of Cargo", "this version of
    // Cargo is older than the `2021` edition".
    all: [
      /\bis not stabili[sz]ed in this version of\b|\bConsider trying a newer version of\b|\bthis version of [A-Z][\w-]{1,30} is older than the [`'"]?\d{4}[`'"]? edition\b/,
    ],
    confidence: 0.86,
    title: "The image's build tool is older than the project needs (edition or feature not in this version)",
  },
  {
    // A model, plugin or extension that the app itself says needs a newer release of it: Ollama "The model you
    // are attempting to pull requires a newer version of Ollama", Grafana "requires a newer version of
    // Grafana", "is not supported by your version of Elasticsearch", "needs a more recent version of".
    all: [
      /\b(?:requires|needs) (?:a )?(?:newer|more recent|later) (?:version|release) of [A-Z][\w.-]{1,30}\b|\bis not supported by (?:your|this) (?:version|release) of [A-Z][\w.-]{1,30}\b/,
    ],
    // Data or a dump that needs a newer server is data_version_incompatible, not a runtime pin.
    not: /\b(?:database|schema|data ?(?:directory|dir|files?)|snapshot|backup|dump|archive|on-disk|index files?)\b/i,
    confidence: 0.8,
    title: 'The model, plugin or extension needs a newer release of the software than the image pins',
  },
  {
    // PgBouncer settings a newer release added, on an older image (a typo would not spell a real setting).
    all: [NEWER_PGBOUNCER_PARAMETER],
    confidence: 0.86,
    title: 'The PgBouncer config sets a parameter added in a newer PgBouncer than the image runs',
  },
  {
    // A launcher that names the runtime it found and refuses it: Neo4j "Unsupported Java 11.0.24 detected.
    // Please use Java(TM) 17", Elasticsearch "your Java version from [...] does not meet this requirement",
    // sharp "Please upgrade Node.js: Found 18.16.1 Requires ^18.17.0", "Node.js 16.20.2 is no longer supported".
    // The advice names a runtime and a version; the wording alone nearly always means the image's runtime.
    all: [RUNTIME_REFUSED_WITH_ADVICE],
    confidence: 0.9,
    title: 'The app or launcher refuses the language runtime version in the image',
  },
  {
    // The interpreter's own check of a version statement in the code: Perl's `use v5.36` ("Perl v5.36.0
    // required--this is only v5.32.1", also "(did you mean v5.360.0?)"), Tcl's `package require Tcl 8.6`
    // ("version conflict for package "Tcl": have 8.5.19, need 8.6"). A module's own version line
    // ("Moo version 2.004 required--this is only version 2.003") is a library's, not the runtime's.
    all: [
      /\bPerl v?5\.\d{1,3}(?:\.\d{1,3})? required\b[^\n]{0,60}--this is only v?5\.\d|\bversion conflict for package "Tcl": have \d/,
    ],
    confidence: 0.9,
    title: "The code states a newer language version (use v5.36, package require Tcl) than the image's interpreter",
  },
];
