/**
 * missing_env_var read from a built-in default the app fell back to (not a rule itself: the missing-env-var
 * rule imports these). The log names no variable, but the value it shows is one nobody configures on
 * purpose in a cluster: a metadata database left on the bundled SQLite, a connection string with no
 * database at all. Moderate confidence: the same lines can come from a wrong value someone did write.
 */
import type { RuleContext } from '../rule.ts';
import type { Signature, SignatureHit } from './log-helpers.ts';

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

/** The required-setting reading rises when the entrypoint renders settings from variables or the app
 * logged the setting it read as null; the development-config frame when a library of the development
 * environment failed to load. */
export const weighDefaultFallback = (ctx: RuleContext, hit: SignatureHit): number | undefined => {
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
];
