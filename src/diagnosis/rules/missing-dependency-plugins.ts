/**
 * missing_dependency's readings for extensions a configuration names and the server or framework loads by that
 * name (log shipper plugins, server modules, logging sinks, database adapters and file system backends): the
 * config is right for an image that has them.
 * The missing-dependency rule lists these among its own signatures.
 */
import { MISSING_LOGGING_SINK, MISSING_PLUGIN } from './config-clues.ts';
import type { Signature } from './log-helpers.ts';

/**
 * A server's loadable module or extension whose own file is absent: the loader's error names the full path the
 * config gave (nginx's load_module "dlopen() "/etc/nginx/modules/ngx_x.so" failed (/etc/nginx/modules/ngx_x.so:
 * cannot open shared object file...)", Apache's "Cannot load modules/mod_x.so into server: /usr/.../mod_x.so:
 * cannot open...", PHP's "Unable to load dynamic library 'x.so' (tried: /path/x.so (/path/x.so: cannot open...")).
 * A library the module links against would be named by its bare soname ("libbrotlienc.so.1: cannot open"), with
 * no directory: that is missing_shared_library's.
 */
export const MODULE_FILE_ABSENT =
  /\bdlopen\(\) "\/[^"\n]{1,200}" failed \(\/[^:()\n]{1,200}: cannot open shared object file: No such file or directory\)|\bCannot load [^\s]{1,200} into server: \/[^:\n]{1,200}: cannot open shared object file: No such file or directory|\bUnable to load dynamic library '[^'\n]{1,120}' \(tried: \/[^\s()]{1,200} \(\/[^:()\n]{1,200}: cannot open shared object file: No such file or directory\)/;

export const PLUGIN_SIGNATURES: Signature[] = [
  {
    all: [MISSING_PLUGIN],
    confidence: 0.82,
    title: 'A plugin the configuration uses is not installed in the server image',
  },
  {
    // A sink or appender the logging config names, whose package (Serilog.Sinks.Seq, NLog.Targets.Seq, a
    // log4j2 GELF jar) was never referenced: the framework looks it up in the loaded assemblies or jars. A
    // misspelt sink name reads the same, hence below the certainty of a missing class.
    all: [MISSING_LOGGING_SINK],
    confidence: 0.8,
    title: 'A logging sink the configuration names is not packaged with the app',
  },
  {
    // The module is right for an image built with it (a config copied from a host or an image that had it).
    all: [MODULE_FILE_ABSENT],
    confidence: 0.84,
    title: 'A server module or extension the configuration loads is not installed in the image',
  },
  {
    // A tool that runs its plugins as installed executables and says they may not have been installed: Meltano's
    // "Extractor 'tap-postgres' may not have been installed yet using `meltano install`", the same of a dbt,
    // Airflow or asdf plugin ("plugin 'nodejs' is not installed yet. Run `asdf plugin add`"). The image was built
    // without the install step; a quoted name keeps out a guess about the host ("may not have been installed
    // correctly").
    all: [
      /['"`][\w@/.-]{1,80}['"`] (?:may|might) not (?:have been|be) installed\b|['"`][\w@/.-]{1,80}['"`] (?:is|was|has) not (?:been )?installed(?: yet)?[.,;:]? (?:[Rr]un|[Tt]ry|[Uu]se|[Pp]lease run) [`'"]?[\w.-]{1,30} (?:install|add|plugin)\b/,
    ],
    confidence: 0.8,
    title: 'A plugin the tool runs was not installed in the image (the install step was skipped)',
    not: /shared (?:library|object)|\.so\b/,
  },
  {
    // Elixir resolves a module named in config (the :time_zone_database Tzdata.TimeZoneDatabase, an adapter,
    // a JSON library) when first used and says "Make sure the module exists": a release built after its
    // dependency was dropped from mix.exs. A misspelt module name reads the same, hence below certainty.
    all: [/\b[Mm]ake sure the module exists\b/],
    confidence: 0.75,
    title: 'A module the configuration names is not in the release (its dependency was dropped?)',
  },
  {
    // A backend the configuration names by type or URL scheme, shipped as its own package or plugin that the
    // image left out: dbt "Could not find adapter type postgres!" (dbt-postgres not installed), Flink "Could not
    // find a file system implementation for scheme 's3'" (the s3 plugin not enabled), Hadoop "No FileSystem for
    // scheme "s3a"" (hadoop-aws not on the classpath), TypeORM "DriverPackageNotInstalledError: Postgres package
    // has not been found installed", Sequelize "Please install pg package manually". A misspelt type or scheme
    // reads the same, hence below certainty.
    all: [
      /\bCould not find adapter type [\w-]{1,60}|\bCould not find a file system implementation for scheme\b|\bNo FileSystem for scheme\b|\bDriverPackageNotInstalledError\b|\bpackage has not been found installed\b|\bPlease install [\w@/.-]{1,60} package manually\b/,
    ],
    confidence: 0.8,
    title: 'The adapter, driver or file system plugin the configuration names is not installed in the image',
  },
  {
    // A backend found through an entry point that a separate package registers: SQLAlchemy's "NoSuchModuleError:
    // Can't load plugin: sqlalchemy.dialects:clickhousedb" (clickhouse-connect, snowflake-sqlalchemy, a driver
    // left in a dev dependency group). The Heroku-style "postgres://" scheme is a wrong URL, not a missing
    // package (bad_config reads it).
    all: [/\bCan't load plugin: [\w.]{1,80}:[\w.+-]{1,60}/],
    not: /\bsqlalchemy\.dialects:postgres\b/,
    confidence: 0.78,
    title: 'The database dialect or plugin the URL names is registered by a package not installed in the image',
  },
  {
    // A class the configuration names by its dotted import path, loaded when the app starts and not importable:
    // traitlets (JupyterHub's authenticator_class or spawner_class, Jupyter Server's extensions) "must be a
    // type, but 'ldapauthenticator.LDAPAuthenticator' could not be imported", Django REST framework's "Could
    // not import 'rest_framework_simplejwt.authentication.JWTAuthentication' for API setting", logging's
    // dictConfig "Cannot resolve 'pythonjsonlogger.jsonlogger.JsonFormatter'". The package that provides it was
    // left out of the image; a misspelt class path reads the same, hence below certainty.
    all: [
      /['"‘][A-Za-z_]\w{0,60}(?:\.\w{1,80}){1,8}['"’] could not be imported\b|\bCould not import ['"‘][A-Za-z_]\w{0,60}(?:\.\w{1,80}){1,8}['"’] for (?:API )?setting\b|\bCannot resolve ['"‘][A-Za-z_]\w{0,60}(?:\.\w{1,80}){1,8}['"’]/,
    ],
    confidence: 0.76,
    title: 'The class the configuration names is in a package not installed in the image',
    // The module imported but lacks the name: a misspelt class, not a missing package.
    not: /\bdoes not define\b|\bhas no attribute\b|\bcannot import name\b/,
  },
  {
    // A notebook runner (papermill, nbconvert, nbclient) starts the kernel a notebook names; "python3" exists
    // only where ipykernel is installed, and other languages need their kernel package (IRkernel, a Julia or
    // Scala kernel). A misspelt kernel name in the notebook reads the same, hence below certainty.
    all: [
      /\bNoSuchKernel\b|\bNo such kernel(?: named)?\b|\b[Kk]ernel ?spec (?:['"][\w.-]{1,60}['"] )?(?:not found|does not exist)\b/,
    ],
    confidence: 0.8,
    title: 'The notebook kernel (ipykernel or another language kernel) is not installed in the image',
  },
  {
    // A mod or plugin loader that names the mod and the dependency it declared but that is not installed:
    // Factorio "Failed to load mods: Krastorio2: Missing required dependency flib >= 0.12.0", Jenkins
    // "Failed to load: Pipeline (workflow-aggregator 596) - Plugin is missing: workflow-api (1200.0)",
    // Elasticsearch/OpenSearch "Missing plugin [opensearch-job-scheduler], dependency of [x]", pandas-style
    // "Missing required dependencies ['numpy']". A conflict between installed mods is not a missing one.
    all: [
      /\b[Mm]issing required (?:mod |plugin |package |library )?dependenc(?:y|ies)\b|\bPlugin is missing: [\w.-]{1,80}|\bMissing plugin \[[\w.-]{1,80}\], dependency of\b/,
    ],
    confidence: 0.84,
    title: 'A mod, plugin or package another one requires is not installed',
    not: /\b(?:[Ii]ncompatible|[Cc]onflict)/,
  },
  {
    // Mod and plugin loaders that check declared dependencies before loading: Forge's "Missing or unsupported
    // mandatory dependencies" / "Currently, citadel is not installed", Fabric's "requires any version of
    // fabric-api, which is missing!", Bukkit's "Unknown/missing dependency plugins: [Vault]". The server's mods
    // folder lacks a library mod another one needs.
    all: [
      /\b[Mm]issing or unsupported mandatory dependenc(?:y|ies)\b|\bCurrently, [\w.-]{1,60} is not installed\b|\brequires (?:any version of |version [^\s,]{1,40} (?:or later )?of )?[\w.-]{1,60}, which is missing\b|\b[Uu]nknown\/missing dependency plugins\b/,
    ],
    confidence: 0.86,
    title: 'A mod or plugin another one depends on is not installed on the server',
  },
  {
    // A serializer, codec or engine a library looks up by name among those its installed packages registered:
    // kombu/Celery "SerializerNotInstalled: No encoder installed for msgpack" (CELERY_TASK_SERIALIZER names
    // msgpack or yaml, the image lacks the package), pandas "Unable to find a usable engine; tried using:
    // 'pyarrow', 'fastparquet'", kafka-python/aiokafka "Libraries for snappy compression codec not found".
    // A content type refused on purpose (kombu's ContentDisallowed) is a setting, not a package.
    all: [
      /\bSerializerNotInstalled\b|\bNo (?:encoder|decoder) installed for\b|\bUnable to find a usable engine; tried using\b|\bLibraries for [\w-]{1,30} compression codec not found\b/,
    ],
    confidence: 0.82,
    title: 'The serializer, codec or engine the app is configured to use is a package not installed in the image',
    not: /\bContentDisallowed\b|\bRefusing to deserialize\b/,
  },
  {
    // A type the app loads by its registered key, where the registry is filled by importing a separate
    // integration package: Prefect "No class found for dispatch key 's3-bucket' in registry for type 'Block'"
    // (prefect-aws not installed in the flow-run image), spaCy "[E002] Can't find factory for 'transformer'"
    // (spacy-transformers), stevedore/OpenStack "No 'x' driver found, looking for 'y'". A misspelt key reads
    // the same, hence below certainty.
    all: [
      /\bNo class found for dispatch key ['"][\w.-]{1,80}['"] in registry\b|\bCan't find factory for ['"][\w.-]{1,80}['"]|\bNo ['"][\w.:-]{1,80}['"] driver found, looking for\b/,
    ],
    confidence: 0.76,
    title: 'The type the app loads by name is registered by an integration package not installed in the image',
  },
  {
    // Apps that check their own Python module requirements at start and list what is absent: SABnzbd "Not all
    // required Python modules are available, please check requirements.txt" then "Missing module: puremagic",
    // Calibre-web/Bazarr-style "Required module 'x' is not installed". An image whose requirements layer was
    // cached from an older release of the app.
    all: [
      /\bNot all required (?:Python |Perl )?modules are (?:available|installed)\b|^\s{0,8}Missing (?:Python |Perl )?module: ['"]?\w[\w.-]{0,79}|\b[Rr]equired (?:Python |Perl )?module ['"]?[\w.-]{1,60}['"]? (?:is )?(?:not (?:installed|found|available)|missing)\b/,
    ],
    confidence: 0.86,
    title: 'A Python module the app requires is not installed in the image (requirements not reinstalled?)',
  },
];
