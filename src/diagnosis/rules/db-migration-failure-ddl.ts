/**
 * db_migration_failure's DDL family: schema changes the database refused (over existing data, outside the
 * rules for schema changes, or naming an object no earlier migration created). Each counts only when the log
 * shows a migration running: the db-migration-failure rule checks that before it answers.
 */
import type { Signature } from './log-helpers.ts';

// Schema changes the database refused over the existing data or objects, which only DDL can raise: a unique
// index over duplicate rows (PostgreSQL "could not create unique index", SQL Server "The CREATE UNIQUE INDEX
// statement terminated because a duplicate key was found", Frappe "cannot be set as unique ..., as there are
// non-unique existing values", "Failed to alter schema"), a drop that other objects depend on ("cannot drop
// column x of table y because other objects depend on it"). A migration's, when the log shows one.
export const DDL_REFUSED: Signature = {
  all: [
    /\bcould not create unique index\b|\bCREATE UNIQUE INDEX statement terminated because a duplicate key was found\b|\bcannot be (?:set|made|marked) (?:as )?unique\b|\b(?:as )?there are (?:non-unique|duplicate) (?:existing )?values\b|\b[Ff]ailed to alter (?:the )?(?:schema|table)\b|\bcannot drop (?:column|table|constraint|index|view|type|function) [^\s]{1,120}(?: (?:of|on) (?:table|relation) [^\s]{1,120})? because other objects depend on it\b|\bDependentObjectsStillExist\b/,
  ],
  confidence: 0.8,
  title: 'A migration changed the schema in a way the existing data or objects refuse',
};
// The same refusal in the words only an index build over existing rows uses: PostgreSQL's DETAIL "Key
// (name)=(x) is duplicated" (an INSERT's violation says "already exists" instead), SQL Server's "CREATE
// UNIQUE INDEX statement terminated because a duplicate key was found" (then "The duplicate key value is (x)").
// Under a running migration the reading is certain: the migration makes a column unique over duplicates.
export const UNIQUE_INDEX_OVER_DUPLICATE_ROWS: Signature = {
  all: [
    /\bKey \([^()\n]{1,200}\)=\([^()\n]{0,200}\) is duplicated\b|\bCREATE UNIQUE INDEX statement terminated because a duplicate key was found\b/,
  ],
  confidence: 0.86,
  title: 'A migration added a unique index (or constraint) over rows that already hold duplicate values',
};
// A required (NOT NULL) column added, or a column made required, over a table that already has rows with no
// value for it: PostgreSQL "column "x" of relation "y" contains null values" (23502 on ALTER TABLE), MySQL
// "Invalid use of NULL value", SQLite "Cannot add a NOT NULL column with default value NULL", Oracle
// "ORA-01758: table must be empty to add mandatory (NOT NULL) column". A migration's, when the log shows one.
export const NOT_NULL_OVER_EXISTING_ROWS: Signature = {
  all: [
    /\bcolumn "[^"\n]{1,120}" of relation "[^"\n]{1,120}" contains null values\b|\bInvalid use of NULL value\b|\bCannot add a NOT NULL column with default value NULL\b|\bORA-01758\b|\btable must be empty to add mandatory \(NOT NULL\) column\b/,
  ],
  confidence: 0.82,
  title: 'A migration added a required (NOT NULL) column to a table whose existing rows have no value for it',
};
// DDL the database only allows under conditions the migration broke: CREATE INDEX CONCURRENTLY or ALTER TYPE
// ... ADD VALUE "cannot run inside a transaction block", a new enum value used before its commit, MySQL
// "ALGORITHM=INPLACE is not supported", a CHECK "violated by some row", SQLite's ALTER limits (Alembic "No
// support for ALTER of constraints in SQLite dialect", "Cannot add a UNIQUE column"). A migration's, in one.
export const DDL_OUTSIDE_ITS_RULES: Signature = {
  all: [
    /\bcannot (?:run|be executed|be run) (?:inside|from) a (?:transaction block|function|pipeline)\b|\bunsafe use of new value\b|\bUnsafeNewEnumValueUsage\b|\bNew enum values must be committed before they can be used\b|\bcheck constraint "[^"\n]{1,120}" of relation "[^"\n]{1,120}" is violated by some row\b|\b(?:ALGORITHM=INPLACE|ALGORITHM=INSTANT|LOCK=NONE) is not supported\b|\bNo support for ALTER of (?:constraints|columns?) in [\w ]{1,30} dialect\b|\bCannot add a (?:UNIQUE|PRIMARY KEY) column\b|\bCannot add a column with non-constant default\b/,
  ],
  confidence: 0.8,
  title: "A migration statement broke the database's rules for schema changes (transaction, enum, constraint)",
};

// A schema change past one of the engine's size limits: a table grown past the row size (MySQL/MariaDB 1118
// "Row size too large", SQL Server "exceeds the maximum allowable table row size of 8060 bytes") or the column
// count (MySQL 1117 "Too many columns", PostgreSQL "tables can have at most 1600 columns", Oracle ORA-01792),
// an identifier too long (MySQL 1059, ORA-00972). An INSERT can also say "Row size too large", so this counts
// only while a migration runs (the db-migration-failure rule checks that).
export const DDL_OVER_A_LIMIT: Signature = {
  all: [
    /\bRow size too large\b|\bexceeds the maximum allowable table row size\b|\bToo many columns\b|\btables can have at most \d{1,5} columns\b|\bORA-01792\b|\bmaximum number of columns in a table or view is\b|\bIdentifier name '[^'\n]{1,200}' is too long\b|\bORA-00972\b/,
  ],
  confidence: 0.8,
  title: "A migration's schema change went past a limit of the database engine (row size, columns, name length)",
};

// An object the migration uses that no earlier migration created (a type from an extension, a function):
// PostgreSQL "type "citext" does not exist" (42704 undefined_object), "function uuid_generate_v4() does not
// exist" (42883). Counted only while migrating: the migration order is wrong, or CREATE EXTENSION is missing.
export const UNDEFINED_OBJECT: Signature = {
  all: [
    /\b(?:type|extension|function|operator(?: class)?|collation|schema) "?[\w.]{1,120}(?:\([^()\n]{0,120}\))?"? does not exist\b|\bundefined_(?:object|function)\b/,
  ],
  // A function the server gained in a later release reads the same (gen_random_uuid before PostgreSQL 13):
  // the version readings are surer and must win.
  confidence: 0.76,
  title: 'A migration uses a type or function that no earlier migration created (order, or a missing extension)',
};

// A schema change the database only makes on an empty table, run over one that already holds rows:
// TimescaleDB create_hypertable "table "readings" is not empty" (TS110, hint migrate_data => true), Citus
// create_distributed_table "Relation must be empty", SQL Server 4901 "cannot be added to non-empty table",
// "cannot change ... of a non-empty table". Counted only while a migration runs.
export const TABLE_NOT_EMPTY: Signature = {
  all: [
    /\b(?:table|relation) "?[\w."]{1,120}"? is not empty\b|\bts_unexpected_new_hypertable_data\b|\b(?:[Tt]able|[Rr]elation) (?:must|should|needs to) be empty\b|\bcannot be added to (?:a )?non-empty table\b|\b(?:on|of|to|for) (?:a |the )?non-empty (?:table|relation)\b/,
  ],
  confidence: 0.82,
  title: 'A migration ran a schema change that needs an empty table over a table that already holds rows',
};

// A database driver's error raised by a statement while the migration runner is executing (Ecto's
// "** (Postgrex.Error) ERROR ...", Rails "PG::...Error", Alembic/Django "psycopg2.errors.X", Flyway over
// "PSQLException: ERROR:", EF Core "PostgresException"/"SqlException", MySQL "ERROR 1091 (42000)", Oracle
// "ORA-nnnnn"). The statement the migration ran failed, whatever it was: weaker than a named reading, and a
// connection, disk or permission failure owns its own cause.
export const DB_ERROR_IN_MIGRATION: Signature = {
  all: [
    /\*\* \((?:Postgrex|MyXQL|Exqlite|Tds)\.Error\) (?:ERROR|\(\d{4}\))|\bPG::[A-Z]\w{1,60}: ERROR: |\bpsycopg2?\.errors\.[A-Z]\w{1,60}\b|\b(?:sqlalchemy\.exc|django\.db\.utils)\.(?:ProgrammingError|IntegrityError|DataError|NotSupportedError|InternalError)\b|\bActiveRecord::StatementInvalid\b|\bPSQLException: ERROR: |\bNpgsql\.PostgresException\b|\bSqlClient\.SqlException\b|\bERROR \d{4} \([0-9A-Z]{5}\)|\bORA-\d{5}\b/,
  ],
  not: /[Nn]o space left|[Pp]ermission denied|[Aa]ccess denied|too many (?:clients|connections)|\bSSL\b|certificate|[Tt]imeout|timed out|[Dd]isk full|out of (?:shared )?memory|[Rr]ead-only|password authentication|does not exist|undefined_(?:object|function)/,
  confidence: 0.7,
  title: 'A statement run by the database migration failed',
};
