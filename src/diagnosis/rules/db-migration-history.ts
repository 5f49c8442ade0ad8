/**
 * db_migration_failure's history family: the migration history recorded in the database disagrees with the
 * migration files in the image (an applied file removed or edited, two files with one version, a file older
 * than the last applied one). The db-migration-failure rule lists these among its signatures.
 */
import type { Signature } from './log-helpers.ts';

export const APPLIED_MIGRATION_EDITED_OR_MISSING: Signature = {
  // The migration history disagrees with the files: an applied migration was removed or edited.
  all: [/was previously applied but (?:is missing|has been modified)|\bVersionMissing\(|\bVersionMismatch\(/],
  confidence: 0.86,
  title: 'An applied migration is missing or was edited (migration history out of sync)',
};

export const APPLIED_MIGRATION_FILE_MISSING: Signature = {
  // The same drift worded by other runners: an applied migration whose file the image no longer ships
  // (SeaORM "this migration has been applied but its file is missing", Flyway "Detected applied migration
  // not resolved locally", golang-migrate "no migration found for version", Prisma "applied to the
  // database but missing from the local migrations directory", Sequel "Applied migration files not in file
  // system").
  all: [
    /\bapplied but its (?:file|script) is missing|\b[Mm]igration (?:file|script) (?:of version |for version )?[^\n]{0,120}\bis missing\b|\b[Dd]etected applied migrations? not resolved locally|\bno migration found for version\b|\bapplied to the database but (?:are |is )?missing from\b|\bdiverge from the local migrations directory|\b[Ff]ound \d{1,6} missing migrations?\b|\b[Aa]pplied migrations?(?: files?)? (?:not|missing) (?:in|on|from|found in) (?:the )?(?:file ?system|disk|migrations? (?:directory|folder|path))\b/,
  ],
  confidence: 0.88,
  title: 'A migration recorded as applied is missing from the image (migration history out of sync)',
};

export const MIGRATION_CHECKSUM_CHANGED: Signature = {
  // The runner found a migration file whose checksum differs from the recorded one (edited after it
  // was applied): Atlas "You have a checksum error in your migration directory" (atlas migrate hash),
  // sqlx/refinery "checksum mismatch for migration", golang-migrate and goose variants, Liquibase "Validation
  // Failed: 1 changesets check sum ... was: 8:1f0e... but is now: 8:9a3c..." (its checksums carry a version prefix).
  all: [
    /\b\d{1,5} change ?sets? check ?sums?\b|\bwas: \d{1,2}:[0-9a-f]{16,64} but is now: \d{1,2}:[0-9a-f]{16,64}\b|\bchecksum (?:error|mismatch) in (?:your |the )?migrations?\b|\b[Cc]hecksum (?:mismatch|error|does not match) (?:for|of|in) (?:the )?(?:applied )?migration\b|\bmigration[^\n]{0,80}\bchecksum (?:mismatch|does not match|doesn't match|changed)\b|\batlas migrate hash\b/,
  ],
  confidence: 0.88,
  title: 'An applied migration file was edited (its checksum no longer matches)',
};

export const DUPLICATE_MIGRATION_VERSION: Signature = {
  // Two migration files claim one name or version (two branches merged): Phinx "Migration "X.php" has the
  // same name as "Y.php"" and "Duplicate migration", Flyway "Found more than one migration with version",
  // golang-migrate "duplicate migration file", goose "duplicate version", Sequel "Duplicate migration version".
  // goose lists the two files on the lines after "duplicate version 20240301120000 detected:", so the
  // version number and "detected" / "found" say it on the line itself.
  all: [
    /\b[Mm]igration "?[\w./\\-]{1,160}"? has the same (?:name|version|class name) as\b|\b[Dd]uplicate migration(?: (?:name|version|file|class|id))?\b|\b[Ff]ound more than one migration with (?:version|description)\b|\bduplicate (?:migration )?version\b[^\n]{0,120}\bmigrations?\b|\b[Dd]uplicate (?:migration |schema )?versions? v?\d{1,20} (?:detected|found)\b/,
  ],
  confidence: 0.86,
  title: 'Two migration files claim the same name or version (branches merged without renumbering)',
  // A runner that reports it skipped or ignored a duplicate has not failed on it.
  not: /[Ss]kipp(?:ed|ing)|[Ii]gnor(?:ed|ing)/,
};

export const OUT_OF_ORDER_MIGRATION: Signature = {
  // A migration older than the last applied one arrived later (two branches merged): node-pg-migrate
  // "Not run migration X is preceding already run migration Y", FluentMigrator "Unapplied migrations have
  // version numbers that are less than the greatest version number of applied migrations", Flyway "Detected resolved migration not
  // applied to database" (outOfOrder=false), goose/dbmate "out of order", sql-migrate "unknown migration".
  all: [
    /\bis preceding already run migration\b|\bVersionOrderInvalidException\b|\b[Uu]napplied migrations? ha(?:ve|s) (?:a )?version numbers? (?:that (?:are|is) )?(?:less|lower|older) than\b|\b[Dd]etected resolved migrations? not applied to database\b|\b[Mm]igrations? (?:are |is |were |was )?out of order\b|\b[Mm]igration [\w.-]{1,120} (?:is |was )?out of order\b|\bout[- ]of[- ]order migrations?\b|\bolder than the (?:latest|last|current) (?:applied|run) migration\b/,
  ],
  confidence: 0.86,
  title: 'A migration older than the last applied one was added later (out-of-order migration history)',
};

export const BASELINE_REQUIRED: Signature = {
  // A versioned migration tool pointed at a database that already has tables but no history of its own (the
  // app moved from auto-migration or a dump): Atlas "connected database is not clean ... baseline version or
  // allow-dirty is required", Flyway "Found non-empty schema(s) ... but no schema history table. Use
  // baseline()", Prisma P3005 "The database schema is not empty".
  all: [
    /\bconnected database is not clean\b|\bbaseline version or allow-dirty\b|\bbut no schema history table\b|\bP3005\b|\b[Dd]atabase schema is not empty\b/,
  ],
  confidence: 0.88,
  title: 'The migration tool found an existing schema without its history table (baseline it first)',
};

export const HISTORY_TABLE_OUT_OF_DATE: Signature = {
  // The tool's own bookkeeping table no longer matches the shape it expects (a tool upgrade, or a server
  // platform other than the one configured, e.g. Doctrine's serverVersion naming MySQL on MariaDB): Doctrine
  // "The metadata storage is not up to date, please run the sync-metadata-storage command", and the same
  // words about a migrations history, version or metadata table. The migrate step aborts before any change.
  all: [
    /\bmetadata storage is not up to date\b|\bsync-metadata-storage\b|\bmigrations? (?:history|metadata|version|versions|schema) (?:table|storage) (?:is|was) (?:not up to date|out of date|outdated)\b/i,
  ],
  confidence: 0.86,
  title: "The migration tool's history table is out of date for this version or platform (sync it first)",
};

export const MIGRATION_PARENT_MISSING: Signature = {
  // A migration names a parent (down revision, dependency) whose file the image no longer ships: a squash or
  // cleanup deleted it while a newer migration still points at it. Alembic "Revision 9c2e... referenced from
  // 9c2e... -> 4f8a... (head), add x is not present" (a UserWarning just before the KeyError that ends the
  // run, so the warning is the evidence), Django "NodeNotFoundError: Migration orders.0007 dependencies
  // reference nonexistent parent node", knex "The migration directory is corrupt, the following files are missing".
  all: [
    /\bRevision [0-9a-zA-Z_]{4,40} referenced from [^\n]{1,200}\bis not present\b|\bdependencies reference nonexistent parent node\b|\bmigration directory is corrupt\b|\bNodeNotFoundError: Migration\b/,
  ],
  confidence: 0.86,
  title: 'A migration points at a parent migration whose file is gone (squashed or deleted revisions)',
  warningIsEvidence: true,
};

/** The history and its bookkeeping no longer match the files: the rule lists these together. */
export const HISTORY_DRIFT_SIGNATURES: Signature[] = [
  BASELINE_REQUIRED,
  HISTORY_TABLE_OUT_OF_DATE,
  MIGRATION_PARENT_MISSING,
];
