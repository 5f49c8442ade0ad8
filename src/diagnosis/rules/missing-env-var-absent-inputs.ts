/**
 * missing_env_var read from what an unset variable turns into one step later (not a rule itself: the
 * missing-env-var rule imports these). The log names no variable, but the value the app choked on is the
 * shape an absent one takes in its language:
 * - a URL built by string concatenation from undefined / None / null / nil ("undefined/v2/", "None/api");
 * - an empty name where a driver or dialect is chosen from a variable (Go's sql.Open("", ...));
 * - an empty string where a client parses its connection URL (unwrap_or_default(), os.Getenv, getenv "");
 * - a secret a tool reads from a variable that was never set (ansible-vault's password file, restic's);
 * - an application setting that the release's runtime config fills from the environment (Elixir).
 */
import type { Signature } from './log-helpers.ts';

// A literal "undefined"/"None"/"null"/"nil" at the start of a URL, followed by a path or a port: the
// stringified absent value of a base URL variable. Node's ERR_INVALID_URL prints it as `input: '...'`,
// requests as "Invalid URL 'None/api'", Java as "URI is not absolute: null/api".
const STRINGIFIED_ABSENT_BASE_URL: Signature = {
  all: [
    /(?:\binput: |\b[Ii]nvalid URL:? |\bURI is not absolute: |\b(?:base ?URL|baseURL|base_url)[ =:]{1,3})['"`]?(?:undefined|None|null|nil|<nil>)(?:\/[\w.{}-]|:\d)/,
  ],
  confidence: 0.86,
  title: 'A URL was built from an undefined base: the variable that holds it is not set',
};

// Go's database/sql: sql.Open with the driver name read from a variable that is unset ('sql: unknown
// driver "" (forgotten import?)'); gorm, sqlx, Sequelize and knex words for a dialect or client left blank.
const EMPTY_DRIVER_NAME: Signature = {
  all: [
    /\b(?:unknown|unsupported|invalid|unregistered|unrecognized) (?:database )?(?:driver|dialect|db type|database type|adapter|backend)(?: name)?:? (?:""|''|``)|\bDialect needs to be explicitly supplied\b/,
  ],
  confidence: 0.8,
  title: 'The database driver name is empty: the variable that chooses it is not set',
};

// A connection URL that is the empty string: Go's `parse "": empty url`, Node's `input: ''`, "invalid URL
// ''". Nobody writes an empty URL by hand; a getenv that found nothing does.
const EMPTY_CONNECTION_URL: Signature = {
  all: [/\bparse "": empty url\b|\binput: ''\s*$|\b[Ii]nvalid (?:URL|URI|DSN|connection string):? (?:""|'')(?!\w)/],
  confidence: 0.84,
  title: 'A connection URL is empty: the variable that holds it is not set',
};

// A client library that could not parse its connection URL with nothing else said (redis-rs "Redis URL did
// not parse", the url crate's "relative URL without a base" for ""): most often the variable is unset and
// the app read an empty default, but a malformed value gives the same line, so a moderate reading.
const CONNECTION_URL_DID_NOT_PARSE: Signature = {
  all: [
    /\b(?:Redis|database|Database|connection|Connection|broker|AMQP|NATS|Mongo(?:DB)?|Postgres|MySQL) URL did not parse\b|\brelative URL without a base\b/,
  ],
  confidence: 0.62,
  title: 'The connection URL did not parse: its variable is likely unset or empty',
};

// A client that found no scheme on its connection URL: redis-py's "Redis URL must specify one of the
// following schemes (redis://, rediss://, unix://)", go-redis' "redis: invalid URL scheme: " with nothing
// after it. An empty value (or the next flag swallowed by `--url $REDIS_URL` when it is unset) has no
// scheme; a host written without one reads the same, so a moderate reading, just above a generic crash.
const CONNECTION_URL_WITHOUT_SCHEME: Signature = {
  all: [/\bURL must specify one of the following schemes\b|\binvalid URL scheme: ?(?:""|''|$)/],
  confidence: 0.64,
  title: 'The connection URL has no scheme: its variable is likely unset or empty',
};

// A tool that reads its secret from a file or value named by a variable, and was given none: Ansible's
// "Attempting to decrypt but no vault secrets found" (ANSIBLE_VAULT_PASSWORD_FILE unset) and its older
// "A vault password must be specified to decrypt data", restic's "an empty password is not allowed"
// (RESTIC_PASSWORD unset). A secret given but wrong ("no vault secrets were found that could decrypt") is
// not absent.
const SECRET_SOURCE_NOT_GIVEN: Signature = {
  all: [
    /\bAttempting to decrypt but no vault secrets found\b|\bA vault password (?:or secret )?must be specified to decrypt\b|\ban empty password is not allowed by default\b/,
  ],
  confidence: 0.85,
  title: 'The tool was given no secret to decrypt with: the variable that points at it is not set',
  not: /\bthat could decrypt\b/,
};

// Elixir's Application.fetch_env!/2 on a key that the release's runtime.exs sets only from System.get_env:
// "could not fetch application environment :url for application :app because configuration at :url was
// not set" (the older "application :app is not loaded, or the configuration parameter :url is not set").
const APPLICATION_ENV_NOT_SET: Signature = {
  all: [
    /\bcould not fetch application environment :\w{1,60} for application :\w{1,60} because configuration at :\w{1,60} was not set\b|\bthe configuration parameter :\w{1,60} is not set\b/,
  ],
  confidence: 0.78,
  title: 'An application setting is not set: the runtime config fills it from a variable the pod does not have',
};

// "ckan.site_url is not configured and it must have a value", "setting X is not configured and must be
// set": a dotted setting that the image's entrypoint fills from a variable, reported empty at start-up. A
// hand-written file could omit it too, so below the direct readings.
const SETTING_MUST_HAVE_VALUE: Signature = {
  all: [
    /(?<![\w.-])[a-z][a-z0-9_]{1,40}(?:\.[a-z][a-z0-9_]{1,40}){1,5} is not (?:configured|set) and (?:it )?must (?:have a value|be set|be configured)\b/,
  ],
  confidence: 0.74,
  title: 'A required setting is empty: the variable the image fills it from is likely not set',
};

// A release's runtime config (Elixir runtime.exs, a Python or Ruby settings module) that raises with only
// the variable's name: Supabase Realtime's "** (RuntimeError) APP_NAME not available", "RuntimeError:
// DATABASE_URL not available", "raise 'SECRET_KEY_BASE is not available'". Upper-case with an underscore
// is a variable by convention; a feature or service "not available on this platform" is not one.
const VARIABLE_NOT_AVAILABLE: Signature = {
  all: [
    /\b(?:RuntimeError|ArgumentError|KeyError|ConfigError|Exception|[Ee]rror)\)?:? ['"`]?[A-Z][A-Z0-9]{1,40}_[A-Z0-9_]{1,40}['"`]? (?:is |was )?(?:not available|unavailable)\b/,
  ],
  confidence: 0.8,
  title: 'The runtime config raised that a variable is not available: it is not set in the pod',
  not: /\b(?:on|in|for) this (?:platform|system|architecture|version|build|edition|host|node)\b|\bSERVICE_UNAVAILABLE\b/,
};

// A client library that names the setting it needs and where it may come from: PRAW's "Required
// configuration setting 'client_id' missing. This setting can be provided in a praw.ini file, ... or as an
// environment variable", "required option 'api_key' is not set". In a container the value was to come from
// a variable (os.getenv passed None). A field missing from a file the app parses (a line number, a file
// name, jadconfig's 'Required parameter "http_bind_address" not found') is bad_config.
const REQUIRED_SETTING_MISSING: Signature = {
  all: [
    /\b[Rr]equired (?:config(?:uration)? )?(?:setting|option|value|attribute) ['"`][\w.-]{1,60}['"`] (?:is )?(?:missing|not (?:set|provided|given))\b/,
  ],
  confidence: 0.78,
  title: 'A required setting is missing: the environment variable that was to provide it is not set',
  not: /\b(?:at )?line \d|\bcolumn \d|\.(?:ya?ml|json|toml|conf|hcl|properties)\b|\s--[a-z]/,
};

// An options validator that wanted a text setting (a URL, a name) and was handed nothing: NimbleOptions'
// "invalid value for :queue_url option: expected string, got: nil", "expected a string, got None",
// "expected string but got undefined". A runtime config that reads System.get_env / os.getenv /
// process.env gives nil/None/undefined when the variable is not set in this deployment.
const TEXT_OPTION_GOT_NOTHING: Signature = {
  all: [
    /\bexpected (?:an? )?(?:non-empty )?(?:string|binary|URL|url|URI|uri|str)\b,? (?:but )?got:? (?:nil|None|undefined|null)\b/,
  ],
  confidence: 0.8,
  title: 'A text setting arrived empty (nil/None): the variable the runtime config reads is not set',
};

// A URI parser handed the empty string (or nothing) where a setting was to give an address: .NET's
// "UriFormatException: Invalid URI: The URI is empty." (new Uri(config["Auth:Authority"]) with the key
// rendered empty), Java's new URL("") "MalformedURLException: no protocol: " with nothing after, Python
// urllib's "unknown url type: ''", Ruby's "bad URI(is not URI?): nil". Nobody writes an empty address by
// hand; a templated value or getenv that found nothing does. A malformed address is printed (bad_config).
const EMPTY_URI_PARSED: Signature = {
  all: [
    /\bInvalid URI: The URI is empty\b|\bMalformedURLException: no protocol: ?(?:""|'')?\s*$|\bunknown url type: (?:''|"")|\bbad URI\(is not URI\?\): (?:nil|""|'')(?!\w)/,
  ],
  confidence: 0.74,
  title: 'An address setting is empty: the variable (or chart value) that fills it is not set',
};

// Elasticsearch's and OpenSearch's discovery bootstrap check: "the default discovery settings are unsuitable
// for production use; at least one of [discovery.seed_hosts, discovery.seed_providers,
// cluster.initial_master_nodes] must be configured" (OpenSearch: cluster.initial_cluster_manager_nodes). A
// container bound to a non-loopback address gets its discovery settings only from variables
// (discovery.type=single-node, or a Bitnami-style ELASTICSEARCH_DISCOVERY_TYPE the official image ignores),
// so none arrived. An elasticsearch.yml written without them reads the same: not confident.
const DISCOVERY_SETTINGS_UNSET: Signature = {
  all: [/\bthe default discovery settings are unsuitable for production use\b/],
  confidence: 0.62,
  title: 'No discovery setting reached the node (discovery.type=single-node or seed hosts): its variables are not set',
};

export const ABSENT_INPUT_SIGNATURES: readonly Signature[] = [
  TEXT_OPTION_GOT_NOTHING,
  REQUIRED_SETTING_MISSING,
  VARIABLE_NOT_AVAILABLE,
  STRINGIFIED_ABSENT_BASE_URL,
  EMPTY_DRIVER_NAME,
  EMPTY_CONNECTION_URL,
  SECRET_SOURCE_NOT_GIVEN,
  APPLICATION_ENV_NOT_SET,
  SETTING_MUST_HAVE_VALUE,
  CONNECTION_URL_DID_NOT_PARSE,
  CONNECTION_URL_WITHOUT_SCHEME,
  EMPTY_URI_PARSED,
  DISCOVERY_SETTINGS_UNSET,
];
