/**
 * missing_env_var read from a validator that names a required value and says it is absent (not a rule
 * itself: the missing-env-var rule imports these): an upper-case variable said to be unset, an env
 * library's "is a required variable", Go envconfig's "keys X, x not found", a config loader's "are missing
 * or empty", a connection builder's "Host can't be null". Settings in a container come from variables, so
 * a value the app finds absent is a variable that was not passed. A line that goes on to use a default is
 * a notice, and a path variable that may be set but name no directory is another cause's toss-up.
 */
import type { RuleContext } from '../rule.ts';
import type { Signature, SignatureHit } from './log-helpers.ts';
import { connectionDefaultAtWork } from './missing-env-var-defaults.ts';
import { TRACEBACK_READ_SIGNATURES, weighTracebackRead } from './missing-env-var-traceback-reads.ts';

// "X is not set or not a directory": the variable may be set and name a directory that is not there.
const UNSET_OR_NO_PATH =
  /\bnot set,? or (?:is )?(?:not an? (?:directory|dir|file|folder)|(?:does not|doesn't) exist)\b/i;
// "X not set, using the default value of ..." carries on (a notice), and a path that may be set but
// name no directory is a toss-up: either way the unset-variable line is then not this cause's evidence.
// So is an optional override whose built-in fallback then failed (.NET's "DOTNET_BUNDLE_EXTRACT_BASE_DIR
// is not set, and a read-write cache directory couldn't be created"): the variable was never required,
// the default location could not be written (a read-only root), so the failure is the fallback's.
const CARRIES_ON_OR_NO_PATH =
  /\b(?:using (?:the |a |its )?default|(?:setting|set) (?:it |them )?to (?:the |a |its )?(?:default|fallback)|defaulting to|defaults to|fall(?:ing)? ?back(?: to)?|will use|assuming|skipping|ignoring|disabled)\b|\bnot set,? or (?:is )?(?:not an? (?:directory|dir|file|folder)|(?:does not|doesn't) exist)\b|\bnot set,? and (?:the |a |its |no )?[^\n]{0,60}?\b(?:read-write|read-only|writable|writeable|default|fallback|temp(?:orary)?|cache) (?:cache )?(?:directory|dir|folder|location|path)\b/i;

// "KAFKA_CLIENT_ID not set, defaulting to hostname": a notice, and the app carries on. Weak alone, but a
// crash on an undefined or None value after it says the app reads its settings from variables and
// another one it needed was unset (often under a name the chart does not pass).
const UNSET_NOTICE_WITH_DEFAULT: Signature = {
  all: [
    /\b[A-Z][A-Z0-9]{1,40}_[A-Z0-9_]{1,40}["'`]? (?:is |was )?(?:not (?:set|defined|provided)|unset|missing|empty)\b/,
    /\b(?:using (?:the |a |its )?default|(?:setting|set) (?:it |them )?to (?:the |a |its )?(?:default|fallback)|defaulting to|defaults to|fall(?:ing)? ?back(?: to)?|will use)\b/i,
  ],
  confidence: 0.45,
  title: 'A variable is unset and defaulted; a crash on an undefined value follows: another variable is likely unset',
  warningIsEvidence: true,
};
const CRASH_ON_UNDEFINED =
  /Cannot read propert|\bof undefined\b|undefined is not an object|'NoneType' object|\bnil pointer dereference\b/;

// Node prints the failing source line above the TypeError: `if (secret.length < 32)` (Keystone's session
// secret), `password.trim()`, `databaseUrl.split(...)`. A secret or connection setting that is undefined
// was never given: such values come from variables. Code being shown without that TypeError is nothing.
const UNDEFINED_SETTING_SOURCE_LINE: Signature = {
  all: [
    /\b(?:secret|[a-z]{1,20}Secret|password|[a-z]{1,20}Password|token|[a-z]{1,20}Token|apiKey|connectionString|databaseUrl|dbUrl|dsn)\.(?:length|split|trim|startsWith|endsWith|replace|toString|toLowerCase|includes)\b/,
  ],
  confidence: 0.45,
  title: 'A secret or connection setting is undefined where the app reads it: its variable is not set',
};

/** The two readings here that count only when the crash that follows is on an undefined value (0 drops them). */
export const weighUnsetNotice = (ctx: RuleContext, hit: SignatureHit): number | undefined => {
  // The traceback reading is weighed the same way (a later line decides), so it rides with these.
  const tracebackRead = weighTracebackRead(ctx, hit);
  if (tracebackRead !== undefined) return tracebackRead;
  if (hit.signature !== UNSET_NOTICE_WITH_DEFAULT && hit.signature !== UNDEFINED_SETTING_SOURCE_LINE) return undefined;
  const connectionDefault = connectionDefaultAtWork(ctx, hit);
  if (connectionDefault !== undefined) return connectionDefault;
  const crashesOnUndefined = ctx.log.lines.some((l) => l.line > hit.line.line && CRASH_ON_UNDEFINED.test(l.text));
  if (!crashesOnUndefined) return 0;
  return hit.signature === UNDEFINED_SETTING_SOURCE_LINE ? 0.68 : 0.62;
};

export const REQUIRED_VALUE_SIGNATURES: readonly Signature[] = [
  {
    // A load generator or API client given no target at all: Locust's "You must specify the base host",
    // "No base URL was provided", "baseURL is required". The target comes from a variable in a Job
    // (LOCUST_HOST, API_BASE_URL) and none at all is one that was not passed, or passed under another
    // name; the wording also names a flag, so a missing argument is the other reading: not confident.
    all: [
      /\b(?:must|need to|have to) (?:specify|provide|set|configure|give) (?:the |a )?base (?:host|URL|url|address)\b|\b[Nn]o base (?:host|URL|url|address) (?:was |is )?(?:specified|provided|set|configured|given)\b|\bbase ?(?:URL|url|Url|host) (?:is|must be) (?:required|provided|set)\b/,
    ],
    confidence: 0.68,
    title: 'The client was given no base host or URL: the variable that holds the target is likely not set',
    not: /\b(?:[Ii]nvalid|malformed|must (?:start|begin|end)|must be (?:an? )?(?:absolute|valid|https?))\b/,
  },
  {
    // A message-queue client given no broker address at all: Redpanda Console's "you must specify at least
    // one broker to connect to", the Kafka Java client's 'Missing required configuration "bootstrap.servers"',
    // librdkafka's "No bootstrap.servers configured", kafkajs' "expected brokers array and got nothing".
    // Broker lists come from a variable (KAFKA_BROKERS) in containers: none at all is one that was not
    // passed. A list given but unreachable or malformed is another cause, hence not confident.
    all: [
      /\b(?:must|need to|needs to|have to) (?:specify|provide|set|configure|give) at least one (?:seed |bootstrap |kafka )?(?:broker|bootstrap server)\b|Missing required configuration "bootstrap\.servers"|\bNo [`'"]?bootstrap\.servers[`'"]? configured\b|\bexpected brokers array and got nothing\b|\bno (?:seed |bootstrap |kafka )?(?:brokers|bootstrap servers) (?:were |are |was |is )?(?:configured|specified|given|provided|defined)\b/i,
    ],
    confidence: 0.78,
    title: 'The queue client was given no broker address: the variable listing the brokers is not set',
  },
  {
    // An HA manager given no coordination store at all: Patroni's "Can not find suitable configuration of
    // distributed configuration store" (none of PATRONI_KUBERNETES_* / PATRONI_ETCD3_* came through),
    // Stolon's "store backend type required", a "no DCS configured". In containers these sections are
    // built from variables, so none at all is a set of variables that was not passed. A store that is
    // configured but down is dependency_unreachable, and the file route is a toss-up, hence not confident.
    all: [
      /\b(?:can ?not|could not|couldn't|unable to|failed to) find (?:a |any )?suitable configuration (?:of|for) (?:the )?(?:distributed configuration store|DCS|coordination store|consensus store)\b|\bstore backend (?:type )?(?:is )?required\b|\bno (?:DCS|distributed configuration store|coordination store) (?:was |is )?(?:configured|specified|given|provided|defined)\b/i,
    ],
    confidence: 0.72,
    title: 'The HA manager found no coordination store (DCS) configured: the variables that describe it are not set',
  },
  {
    // "STRIPE_API_KEY is required but not set", "CLICKHOUSE_URL is not configured", "CASSANDRA_SEEDS
    // env must be set if DB is cassandra", "CF_API_KEY must be set", "REDIS_URL not defined",
    // "SECRET_KEY should not be empty" (an env validator: an envFrom key skipped leaves it empty), "The
    // CONDUIT_CONFIG env var needs to be set" (Rust services that panic on a missing variable): an
    // upper-case variable name said to be unset ("must be set to 3" is a bad value, not a missing one).
    all: [
      /\b[A-Z][A-Z0-9]{1,40}_[A-Z0-9_]{1,40}["'`]? (?:(?:env(?:ironment)?|variable|var|config(?:uration)?|setting|option|parameter|value|key) (?:(?:variable|var|option|setting|value|key) )?)?(?:(?:is|was|has) (?:required but not set|not (?:been )?(?:set|defined|provided|configured|specified)|unset|missing|empty|required|undefined)|(?:must|needs to|has to) be (?:set|defined|provided|specified)(?! to )|(?:must not|should not|cannot|can't|may not) be (?:empty|blank)|not (?:set|defined|provided|specified))\b/,
    ],
    confidence: 0.85,
    title: 'A required environment variable is not set',
    not: CARRIES_ON_OR_NO_PATH,
  },
  {
    // prometheus_client's "env PROMETHEUS_MULTIPROC_DIR is not set or not a directory": one message for
    // two causes, an unset variable or a directory the volume layout hides. Here, never confident.
    all: [/\b[A-Z][A-Z0-9]{1,40}_[A-Z0-9_]{1,40}\b/, UNSET_OR_NO_PATH],
    confidence: 0.62,
    title: 'A path variable is not set, or the directory it names is not there',
  },
  {
    // env-var's 'EnvVarError: env-var: "SMTP_PASSWORD" is a required variable, but it was not set',
    // "DATABASE_URL is a required environment variable", "required env variables were not provided".
    all: [
      /\b[A-Z][A-Z0-9]{1,40}_?[A-Z0-9_]{0,60}["'`]? is a required (?:env(?:ironment)? )?variable\b|\brequired (?:env(?:ironment)? )?variables? (?:was|were|is|are) not (?:set|defined|provided|passed)\b/,
    ],
    confidence: 0.88,
    title: 'A required environment variable is not set',
  },
  {
    // Go's env loaders: vrischmann/envconfig "envconfig: keys LEDGER_DSN, ledger_dsn not found",
    // sethvargo/go-envconfig "missing required value: API_TOKEN". They read only the environment.
    all: [
      /\benvconfig: keys? [A-Z][A-Z0-9_]{1,80}(?:, \w{1,80}){0,8} not found\b|\bmissing required value: ['"`]?[A-Z][A-Z0-9_]{1,80}\b/,
    ],
    confidence: 0.88,
    title: 'A required environment variable is not set (the env config loader found no key)',
  },
  {
    // anyway_config's "The following config parameters for `StripeConfig` are missing or empty: secret_key",
    // "required settings are missing or empty", "Keys not set or empty: ...": the loader read the
    // environment (and any files) and found nothing for them.
    // The noun and the verdict as two patterns on one line: words between them bounded by a repeat that
    // can hold the noun again are what the full regex proof flags.
    all: [
      /\b(?:parameters?|settings?|attributes?|options?|keys?|values?|fields?|credentials?)\b/i,
      /\b(?:is|are) (?:missing or (?:empty|blank)|(?:empty|blank) or missing|not set or (?:empty|blank)|unset or empty)\b/i,
    ],
    confidence: 0.82,
    title: 'Required settings are missing or empty: the variables that set them were not passed',
    not: /\boptional(?:ly)?\b/i,
  },
  {
    // node-config's 'Configuration property "auth.jwtSecret" is not defined': no file and no mapped
    // variable (custom-environment-variables) gave it a value. A secret or a connection string is never
    // in the image's files, so the variable is what is missing. Another property (db.host) is as often a
    // config directory that was not copied into the image (missing_file): no reading for it here.
    all: [
      /Configuration property ["'`][\w.-]{0,80}(?:secret|password|passwd|token|key|dsn|url|uri)["'`] is not defined/i,
    ],
    confidence: 0.8,
    title: 'A secret setting is not defined: the variable mapped to it is not set',
  },
  {
    // Spring Security's "Client id of registration 'keycloak' must not be empty", "client secret for
    // provider 'github' must not be blank": an OAuth client's credentials come from variables.
    all: [
      /\b(?:client[ _-]?(?:id|secret)|api[ _-]?key|access[ _-]?key|secret|password|token)\b (?:of|for) (?:\S{1,60} ){1,4}(?:must not|cannot|can't|may not) be (?:empty|blank|null)\b/i,
    ],
    confidence: 0.8,
    title: 'A client credential is empty: the variable that should hold it is not set',
  },
  {
    // "Please specify at least the MYSQL_DATABASE or POSTGRESQL_DATABASE environment variables"
    // (Guacamole), "You must set POSTGRES_PASSWORD": the image names the variable it needs, even when
    // the sentence wraps before the word "variable".
    all: [
      /\b(?:[Pp]lease|[Yy]ou must|[Yy]ou need to|MUST) (?:set|specify|define|provide|export|pass|supply) (?:at least |one of |either |all of )?(?:the )?['"`$]?[A-Z][A-Z0-9]{1,40}_[A-Z0-9_]{2,80}\b/,
    ],
    confidence: 0.8,
    title: 'The image names a variable it needs, and it is not set',
    not: /\b(?:if you (?:want|wish|need|like)|to (?:silence|suppress|disable|enable|override|change|tune|customi[sz]e)|optional(?:ly)?)\b/i,
  },
  {
    // A validator's checklist with a value read as undefined: drizzle-kit's "[x] url: undefined" under
    // "Please provide required params". In JavaScript an undefined setting is process.env.X unset.
    all: [/^\s{0,8}(?:\[x\]|[✗✖×]) ?[\w.-]{1,40}: undefined\b/],
    confidence: 0.86,
    title: 'A required setting is undefined: the environment variable it reads is not set',
  },
  {
    // Npgsql's "Host can't be null", "No host specified", "Server cannot be empty": the connection string
    // came from a variable (ConnectionStrings__Db, DATABASE_HOST) that was not set.
    all: [
      /\b(?:Host|Server|Hostname|host|server|hostname) (?:can't|cannot|must not|may not) be (?:null|empty)\b|\bNo host (?:specified|provided|configured|given)\b/,
    ],
    confidence: 0.8,
    title: 'The connection has no host: the variable holding the connection string or host is not set',
  },
  {
    // Tortoise's "Unknown DB scheme: " with nothing after it, SQLAlchemy's "Could not parse SQLAlchemy URL
    // from string ''": the database URL came from a variable that is empty.
    all: [
      /\b(?:[Uu]nknown|[Uu]nsupported|[Ii]nvalid) (?:DB |database )?(?:URL )?scheme:? ?(?:''|""|None)?\s{0,3}$|Could not parse (?:SQLAlchemy|rfc1738) URL from (?:string )?''/,
    ],
    confidence: 0.7,
    title: 'The database URL is empty: the variable it comes from is not set',
  },
  {
    // "one of key-file or keys must be provided" (LiveKit), "either access_key or role_arn must be set",
    // "one of token or token_file is required": the server needs one of two settings and got neither. In
    // a container such settings come from variables. Names written as --flags are the command's
    // (bad_command_args); "only one of", "not both" and "mutually exclusive" complain of both being set.
    all: [
      /\b(?:one of|either) ['"`]?[a-z][\w.-]{0,40}['"`]? or ['"`]?[a-z][\w.-]{0,40}['"`]? (?:(?:must|should|needs to|has to) be (?:provided|set|specified|given|configured|defined)|(?:is|are) required)\b/i,
    ],
    confidence: 0.7,
    title: 'Neither of two alternative settings was provided: the variables that set them are not passed',
    not: /\bonly one of\b|\bnot both\b|\bmutually exclusive\b|\bbe (?:set|provided|specified) to\b/i,
  },
  {
    // Distribution's 'unable to configure authorization (htpasswd): "realm" must be set', "failed to
    // configure storage driver: 'bucket' is required", "invalid configuration: `region` not set", Vault's "'kms_key_id' not found for AWS KMS wrapper configuration": a
    // component the settings switched on lacks one of its own settings. Images like these take every
    // setting from variables (REGISTRY_AUTH_HTPASSWD_REALM), so the one not passed is missing. In a
    // logfmt msg="..." the closing quote comes escaped.
    all: [
      /\b(?:configur(?:e|ing|ation)|config|settings?)\b/i,
      /["'`][a-z][\w.-]{0,60}\\?["'`] (?:must be (?:set|provided|specified|defined|configured)(?! to )|is (?:required|not set|missing)|(?:was )?not (?:set|provided|specified)|not found (?:for|in) [^\n]{0,60}\bconfiguration)\b/i,
    ],
    confidence: 0.68,
    title: 'A component the settings enable lacks a required setting: its variable is not set',
  },
  {
    // chartmuseum's "Missing required flags(s): --storage-amazon-bucket", urfave/cli's 'Required flag
    // "s3-bucket" not set': such servers bind each flag to a variable (STORAGE_AMAZON_BUCKET), and a
    // storage, endpoint or credential value is deployment data set through the environment. A flag
    // left out of args is as likely (bad_command_args reads those lines higher): an alternative here.
    all: [
      /\b[Mm]issing required flags?(?:\(s\)|s\(s\))?:? ['"]?--[a-z][\w-]{0,60}(?:bucket|url|uri|host|endpoint|region|token|secret|password|key|dsn|database|storage)\b|\b[Rr]equired flags?(?:\(s\))? "[a-z][\w-]{0,60}(?:bucket|url|uri|host|endpoint|region|token|secret|password|key|dsn|database|storage)"/,
    ],
    confidence: 0.62,
    title: 'A required storage, endpoint or credential flag is unset: the variable bound to it is not passed',
  },
  {
    // A setting that needs a companion the deployment left out: ntfy's "if attachment-cache-dir is set,
    // base-url must also be set", "X must also be set when Y is set", "X requires Y to be set". Such
    // servers take each setting from a variable (NTFY_BASE_URL), so turning on one feature in the values
    // without the companion variable leaves it unset. A value that is present but wrong reads otherwise.
    all: [
      /\b[Ii]f [\w.-]{1,60} is (?:set|enabled|specified|configured|provided|true), (?:then )?[\w.-]{1,60} (?:must|should|has to) (?:also )?be (?:set|specified|provided|configured|defined)\b|(?<![\w.-])[\w.-]{1,60} (?:must|has to) also be (?:set|specified|provided|configured|defined) (?:if|when) [\w.-]{1,60} is (?:set|enabled|specified|configured|provided|true)\b|(?<![\w.-])[\w.-]{1,60} requires [\w.-]{1,60} to (?:also )?be (?:set|specified|provided|configured|defined)\b/,
    ],
    confidence: 0.72,
    title: 'A setting needs a companion setting that is not set: its variable is not passed',
    not: /\bmust not\b|\bcannot be set\b|\bonly one of\b|\bmutually exclusive\b/i,
  },
  {
    // A named connection or variable the app looks up and does not find: Airflow's "The conn_id `x` isn't
    // defined" and "Variable x does not exist". Airflow reads them from AIRFLOW_CONN_X / AIRFLOW_VAR_X, and
    // a task pod or job that did not get the env the scheduler has finds none.
    all: [/\bThe conn_id `[\w.-]{1,100}` isn't defined\b|\bKeyError: ['"]Variable [\w.-]{1,100} does not exist['"]/],
    confidence: 0.74,
    title: 'A named connection or variable is not defined: the AIRFLOW_CONN_/AIRFLOW_VAR_ variable is not set',
  },
  {
    // A component switched on with the address or backend it needs left out: Celery's "No result backend is
    // configured" (CELERY_RESULT_BACKEND set on the worker only), Telegram's "An HTTPS URL must be provided
    // for webhook" (webhook_url=os.getenv(...) unset). The value lives in a variable one workload lacks; a
    // component the code never configures reads the same, hence an alternative-grade reading.
    all: [
      /\bNo (?:result backend|broker(?: URL)?|cache backend|storage backend|backend) (?:is |was )?(?:configured|set|specified)\b|\b(?:[Aa]n? )?(?:HTTPS |https |public |webhook |base |external |callback )(?:URL|url) must be (?:provided|set|specified)\b/,
    ],
    confidence: 0.64,
    title: 'A backend or public URL the code needs is not configured: the variable that holds it is not set',
  },
  UNSET_NOTICE_WITH_DEFAULT,
  UNDEFINED_SETTING_SOURCE_LINE,
  ...TRACEBACK_READ_SIGNATURES,
];
