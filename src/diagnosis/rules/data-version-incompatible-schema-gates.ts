/**
 * data_version_incompatible's schema-gate family: a server that stamps its schema version (or its major
 * release's table layout) in the database checks it at start and refuses a schema an older release left,
 * because the upgrade step that belongs between the two releases (a schema tool job, a one-time v1-to-v2
 * script) never ran. The data is behind the image; nothing is migrating when it stops.
 */
import type { Signature } from './log-helpers.ts';

export const SCHEMA_GATE_SIGNATURES: Signature[] = [
  {
    // The start-up compatibility check between the schema version the image expects and the one the
    // database holds: Temporal/Cadence "sql schema version compatibility check failed: version mismatch for
    // keyspace/database ... Expected version: 1.13 cannot be greater than Actual version: 1.9", "database
    // schema is too old", "schema version is older than the minimum required".
    all: [
      /\bschema (?:version )?compatibility check failed\b|\bversion mismatch for (?:keyspace|database|schema)\b|\b[Ee]xpected (?:schema )?version:? v?\d[\w.]{0,20} cannot be greater than [Aa]ctual version\b|\b(?:[Dd]atabase|DB) schema (?:version )?is (?:too old|outdated|older than (?:the )?(?:required|minimum|expected|supported))\b|\b[Ss]chema version v?\d[\w.]{0,20} is (?:too old|older than the (?:minimum|required|expected|supported))\b/,
    ],
    confidence: 0.8,
    title: 'The database schema was left by an older release than the image runs (its schema upgrade step did not run)',
    // A database server too old for the driver or client is runtime_version_mismatch's; a failing migration
    // tool is db_migration_failure's.
    not: /[Dd]river|[Cc]lient|[Pp]rotocol|[Ss]erver version|[Ff]lyway|[Aa]lembic|[Ll]iquibase|GraphQL|JSON ?[Ss]chema|[Aa]vro|[Pp]rotobuf/,
  },
  {
    // A new major release finding the previous major's tables in its database, and pointing at the one-time
    // upgrade it wants first: Umami "Umami v1 tables detected. For how to upgrade from v1 to v2 go to ...",
    // "legacy v2 schema detected", "old-format tables found; migrate from 1.x to 2.x first".
    all: [
      /\b[Vv]\d{1,3}(?:\.x)? (?:tables|schema|database|data) (?:detected|found|present)\b|\b(?:[Ll]egacy|[Oo]ld(?:er)?|[Pp]revious)(?: v\d{1,3}| major)? (?:tables|schema|database layout|database format) (?:detected|found)\b|\bhow to (?:upgrade|migrate) from v?\d{1,3}(?:\.x)? to v?\d{1,3}\b|\bmigrate from v?\d{1,3}(?:\.x)? to v?\d{1,3}(?:\.x)? first\b/,
    ],
    confidence: 0.8,
    title: "The database still holds the previous major release's tables (its one-time upgrade was not run)",
    not: /[Dd]river|[Cc]lient library|[Pp]rotocol|[Ff]lyway|[Aa]lembic|[Ll]iquibase/,
  },
];
