/**
 * missing_env_var read from a built-in default the app fell back to (not a rule itself: the missing-env-var
 * rule imports these). The log names no variable, but the value it shows is one nobody configures on
 * purpose in a cluster: a metadata database left on the bundled SQLite, a connection string with no
 * database at all. Moderate confidence: the same lines can come from a wrong value someone did write.
 */
import type { Signature } from './log-helpers.ts';

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

export const DEFAULT_FALLBACK_SIGNATURES: readonly Signature[] = [SQLITE_DEFAULT_REFUSED, EMPTY_DSN_DATABASE];
