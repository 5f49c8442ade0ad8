/**
 * missing_env_var read from a built-in default the app fell back to (not a rule itself: the missing-env-var
 * rule imports these). The log names no variable, but the value it shows is one nobody configures on
 * purpose in a cluster: a metadata database left on the bundled SQLite, a connection string with no
 * database at all. Moderate confidence: the same lines can come from a wrong value someone did write.
 */
import type { RuleContext } from '../rule.ts';
import type { Signature, SignatureHit } from './log-helpers.ts';
import { RENDERED_CONFIG_SIGNATURES, weighRenderedValue } from './missing-env-var-rendered-configs.ts';

// Apps that ship with SQLite as the default metadata database and refuse it with a distributed executor
// or in production mode: Airflow's "error: cannot use SQLite with the CeleryExecutor" (KubernetesExecutor,
// LocalExecutor alike) is its sql_alchemy_conn variable not reaching that container.
const SQLITE_DEFAULT_REFUSED: Signature = {
  all: [
    /\b(?:cannot|can't|can not|unable to) use SQLite (?:with|in|for)\b|\bSQLite (?:is not supported|cannot be used|is not allowed) (?:with|in|for)\b/i,
  ],
  confidence: 0.72,
  title: 'The app fell back to its default SQLite database: the variable with the database URL is not set',
};

// pgx (the Go Postgres driver behind gorm, sqlx, ent) prints the parameters it dialled: "failed to connect
// to `user=root database=`". A DSN always names its database, so an empty one is a DSN that was empty
// (its variable unset), leaving the OS user and localhost:5432.
const EMPTY_DSN_DATABASE: Signature = {
  all: [/failed to connect to `[^`\n]{0,200}\bdatabase=`/],
  confidence: 0.66,
  title: 'The database client got an empty connection string (no database): its variable is not set',
};

// A server whose settings an entrypoint renders from environment variables (Kafka's and Confluent's images,
// Bitnami's) refusing a required setting as absent: Scala's require ("requirement failed: ...
// controller.quorum.voters must contain a parseable set"), Kafka's ConfigException "Missing required
// configuration "group.id" which has no default value". A file written by hand could lack it too (bad_config
// reads the same line), so the reading rises only when the log shows the settings came from the environment.
const REQUIRED_SETTING_REFUSED: Signature = {
  all: [
    /\brequirement failed: [^\n]{0,300}\b[a-z]{2,30}(?:\.[a-z]{1,30}){1,6} (?:must (?:contain|be (?:set|specified|provided|defined|non-empty))|is (?:required|empty|missing))\b|\bMissing required configuration \\?"[a-z][\w.-]{1,100}\\?" which has no default value\b/,
  ],
  confidence: 0.55,
  title: 'A required setting is absent: the environment variable the entrypoint renders it from is likely not set',
  // Without process.roles the config was written for ZooKeeper mode (runtime_version_mismatch); a setting
  // that must contain a value "appearing in" another one is two settings that disagree (bad_config).
  not: /"process\.roles\\?"|\b(?:appearing|listed|present|declared|defined) in\b|\bat least one value\b/,
};
const ENV_RENDERED_CONFIG =
  /\b(?:default values of|values from|settings from|configured from|config(?:uration)? from|using) (?:the )?environment(?: variables)?\b|^===> Configuring\b/i;
// The app logged the connection setting it read as null before the refusal ("Kafka bootstrap servers:
// null", "brokers = undefined"): the value it reads from a variable was absent, not written wrong.
const SETTING_LOGGED_ABSENT =
  /\b(?:bootstrap[ ._-]?servers?|brokers?|hosts?|urls?|uri|endpoints?|address(?:es)?)["'`]?\s?[:=]\s?(?:null|undefined|None|<nil>)\b/i;

// Laravel's default connection is SQLite (Laravel 11 ships DB_CONNECTION=sqlite) on the bundled
// database/database.sqlite, which an image does not carry: "Database file at path [.../database/database.sqlite]
// does not exist" (11), "Database (.../database/database.sqlite) does not exist" (10 and earlier). That default
// file is what a worker reaches when DB_CONNECTION / DB_HOST were not passed to it; a SQLite file chosen on
// purpose would have been set (DB_DATABASE) to a path on a volume, so the reading is moderate.
const DEFAULT_SQLITE_FILE_ABSENT: Signature = {
  all: [/\bDatabase (?:file at path \[|\()[^[\]()\n]{0,200}\/database\/database\.sqlite[\])] does not exist\b/],
  confidence: 0.7,
  title: 'The app fell back to its default SQLite file: the variables that choose the database are not set',
};

// The app says it used the built-in default of a connection variable: Miniflux's "The default value for
// DATABASE_URL is used", "DB_HOST not set, defaulting to localhost", "REDIS_URL is not set, falling back to
// redis://127.0.0.1:6379", "using default value for MONGO_URI". A notice alone (the default may be right);
// a connection failure after it is that default at work (weighed below, 0 drops it otherwise).
const CONNECTION_DEFAULT_NOTICE: Signature = {
  all: [
    /\b(?:default (?:value|setting) (?:for|of) [`'"]?[A-Z][A-Z0-9_]{0,40}(?:URL|URI|DSN|HOST|HOSTNAME|ADDR|ADDRESS|SERVER|SERVERS|ENDPOINT|BROKERS?)[`'"]? (?:is|was|will be) used|using (?:the )?default (?:value )?for [`'"]?[A-Z][A-Z0-9_]{0,40}(?:URL|URI|DSN|HOST|HOSTNAME|ADDR|ADDRESS|SERVER|SERVERS|ENDPOINT|BROKERS?)\b|[A-Z][A-Z0-9_]{0,40}(?:URL|URI|DSN|HOST|HOSTNAME|ADDR|ADDRESS|SERVER|SERVERS|ENDPOINT|BROKERS?)[`'"]? (?:is |was )?(?:not set|unset|not defined|not provided|empty),? (?:using|defaulting to|falling back to)\b)/,
  ],
  confidence: 0.45,
  title: 'A connection variable was not set, the app used its built-in default and could not connect there',
  warningIsEvidence: true,
};
const CONNECTION_FAILED =
  /\bconnection refused\b|\bECONNREFUSED\b|\bgetaddrinfo\b|\bName or service not known\b|\bno such host\b|\b(?:could not|couldn't|can't|cannot|unable to|failed to) connect\b|\bconnect(?:ion)? timed? ?out\b/i;

// A connection URL on loopback whose password is a placeholder: Lemmy's built-in
// "postgres://lemmy:password@localhost:5432/lemmy", an example's "mongodb://root:example@127.0.0.1:27017",
// "redis://:changeme@localhost:6379". Nobody deploys a placeholder password to a cluster: it is the app's
// shipped default, dialled because the variable with the real URL (LEMMY_DATABASE_URL) was not set. It
// counts fully only when a connection failed (weighed below); a real password on localhost is the toss-up.
const PLACEHOLDER_LOOPBACK_URL: Signature = {
  all: [
    /:\/\/[\w.%-]{0,40}:(?:password|passw0rd|pass|changeme|change_?me|changeit|secret|example|your_?password|mysecretpassword|xxx+|<password>)@(?:localhost|127\.0\.0\.1|\[::1\])(?![\w.-])/i,
  ],
  confidence: 0.64,
  title:
    'The app dials its built-in default URL (localhost, a placeholder password): the variable with the real URL is not set',
  warningIsEvidence: true,
};

// Frameworks boot in their development environment when RAILS_ENV / RACK_ENV / APP_ENV is not set, and an
// image built for production leaves out the development gems and bundles that config loads (listen,
// web-console, byebug, spring; Symfony's WebProfilerBundle, DebugBundle, MakerBundle after composer
// install --no-dev). A stack frame in the development config is that default at work.
const DEVELOPMENT_CONFIG_FRAME: Signature = {
  all: [/\bconfig\/environments\/development\.rb:\d/],
  confidence: 0.7,
  title: 'The app booted in its development environment: RAILS_ENV (or RACK_ENV) is not set',
};
const DEV_ONLY_BUNDLE_NOT_FOUND: Signature = {
  all: [
    /Attempted to load class "(?:WebProfilerBundle|DebugBundle|MakerBundle|WebServerBundle)" from namespace "Symfony\\/,
  ],
  confidence: 0.8,
  title: 'The app booted in its dev environment without its dev bundles: APP_ENV is not set',
};
// A development-only library failing to load, or the banner of a development boot.
const DEVELOPMENT_LOAD_FAILURE =
  /cannot load such file -- |\bLoadError\b|Bundler::GemNotFound|Could not find gem\b|application starting in development\b/;

/** 0.72 when the hit line is a connection variable's default-used notice and a connection failure follows
 * it; undefined otherwise. The generic unset-with-default notice (required-values) weighs its lines here too,
 * since "DB_HOST not set, defaulting to localhost" is first read as that notice. */
export const connectionDefaultAtWork = (ctx: RuleContext, hit: SignatureHit): number | undefined => {
  if (!CONNECTION_DEFAULT_NOTICE.all.every((p) => p.test(hit.line.text))) return undefined;
  return ctx.log.lines.some((l) => l.line > hit.line.line && CONNECTION_FAILED.test(l.text)) ? 0.72 : undefined;
};

/** The required-setting reading rises when the entrypoint renders settings from variables or the app
 * logged the setting it read as null; the development-config frame when a library of the development
 * environment failed to load. */
export const weighDefaultFallback = (ctx: RuleContext, hit: SignatureHit): number | undefined => {
  const rendered = weighRenderedValue(ctx, hit);
  if (rendered !== undefined) return rendered;
  if (hit.signature === CONNECTION_DEFAULT_NOTICE) return connectionDefaultAtWork(ctx, hit) ?? 0;
  if (hit.signature === PLACEHOLDER_LOOPBACK_URL)
    return ctx.log.lines.some((l) => l.line >= hit.line.line && CONNECTION_FAILED.test(l.text)) ? hit.confidence : 0.35;
  if (hit.signature === DEVELOPMENT_CONFIG_FRAME)
    return ctx.log.lines.some((l) => DEVELOPMENT_LOAD_FAILURE.test(l.text)) ? 0.86 : hit.confidence;
  // A more specific reading of the same refusal (a queue client given no broker) weighs the same clues.
  const refusal =
    hit.signature === REQUIRED_SETTING_REFUSED || REQUIRED_SETTING_REFUSED.all.every((p) => p.test(hit.line.text));
  if (!refusal) return undefined;
  const earlier = ctx.log.lines.filter((l) => l.line < hit.line.line);
  if (earlier.some((l) => SETTING_LOGGED_ABSENT.test(l.text))) return 0.8;
  return earlier.some((l) => ENV_RENDERED_CONFIG.test(l.text)) ? 0.78 : hit.confidence;
};

export const DEFAULT_FALLBACK_SIGNATURES: readonly Signature[] = [
  SQLITE_DEFAULT_REFUSED,
  EMPTY_DSN_DATABASE,
  REQUIRED_SETTING_REFUSED,
  DEVELOPMENT_CONFIG_FRAME,
  DEV_ONLY_BUNDLE_NOT_FOUND,
  DEFAULT_SQLITE_FILE_ABSENT,
  CONNECTION_DEFAULT_NOTICE,
  PLACEHOLDER_LOOPBACK_URL,
  ...RENDERED_CONFIG_SIGNATURES,
];
