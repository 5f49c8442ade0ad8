/** db_migration_failure: a schema migration run at start-up failed (conflicts, unknown revision, checksum). */
import { kubectl } from '../kubectl.ts';
import type { Rule, RuleContext } from '../rule.ts';
import type { Finding, LogLine } from '../types.ts';
import {
  APPLIED_MIGRATION_EDITED_OR_MISSING,
  APPLIED_MIGRATION_FILE_MISSING,
  DUPLICATE_MIGRATION_VERSION,
  HISTORY_DRIFT_SIGNATURES,
  MIGRATION_CHECKSUM_CHANGED,
  OUT_OF_ORDER_MIGRATION,
} from './db-migration-history.ts';
import {
  DB_ERROR_IN_MIGRATION,
  DDL_OUTSIDE_ITS_RULES,
  DDL_OVER_A_LIMIT,
  DDL_REFUSED,
  NOT_NULL_OVER_EXISTING_ROWS,
  UNIQUE_INDEX_OVER_DUPLICATE_ROWS,
  TABLE_NOT_EMPTY,
  UNDEFINED_OBJECT,
} from './db-migration-failure-ddl.ts';
import { type Signature, type SignatureHit, signatureRule } from './log-helpers.ts';

// Schema tools that create or upgrade the tables at start-up count too (Hive's schematool -initSchema,
// Temporal's setup-schema, aerich/yoyo/piccolo/drizzle-kit, Tortoise's generate_schemas).
const MIGRATION_CONTEXT =
  /migrat|\b(?:drush (?:deploy|updatedb|updb)|[Dd]atabase updates start|setup:upgrade|wp core update-db)\b|Applying migration|alembic|flyway|liquibase|prisma migrate|knex|sequelize|typeorm|db:migrate|schema ?tool|-(?:init|upgrade|initOrUpgrade)Schema\b|\b(?:setup|update)-schema\b|\bschema (?:initiali[sz]ation|upgrade|creation)\b|\b(?:dbmate|goose|sqitch|diesel|refinery|atlas migrate|golang-migrate|sqlx|ecto)\b|\bApplying:? \d{8,14}_[\w-]{1,120}\.sql\b|\bDeploying changes (?:to|through)\b|\bAutoMigrate\b|\b(?:aerich|yoyo|piccolo|drizzle-kit|mikro-orm|generate_schemas|schema:update|prisma db push)\b|\b(?:play\.api\.db\.)?evolutions?\b|\bApplying (?:database )?schema (?:deltas?|updates?|patch(?:es)?|\d)/i;

// A crash whose stack runs through the migration runner (the error line itself may be cut off).
const MIGRATOR_IN_STACK: Signature = {
  all: [
    /django\/db\/migrations\/(?:executor|migration|operations\/[a-z_]{1,40})\.py|alembic\/runtime\/migration\.py|active_record\/migration\.rb|org\.flywaydb\.core\.internal\.command\.DbMigrate|Microsoft\.EntityFrameworkCore\.Migrations\.Internal\.Migrator\.Migrate/,
  ],
  confidence: 0.62,
  title: 'The crash happened inside the database migration run at start-up',
};

const SIGNATURES: Signature[] = [
  {
    // A server's own automatic schema upgrade stopped on one of its patches: Zabbix "database upgrade failed
    // on patch 06010048", "schema upgrade failed", "failed to upgrade the database schema" (Gitea, Keycloak).
    all: [
      /\b(?:database|DB|schema) (?:upgrade|migration) failed (?:on|at|in) (?:patch|step|version|revision|migration)\b|\bfailed to (?:upgrade|migrate) (?:the )?(?:database|DB) schema\b|\bautomatic database upgrade failed\b/i,
    ],
    confidence: 0.86,
    title: "The server's automatic database schema upgrade failed on one of its steps",
  },
  {
    // The model has changes no migration covers, and the start-up migrate (or its check) refuses to run:
    // EF Core 9 "PendingModelChangesWarning ... has pending changes. Add a new migration", Django "Your
    // models in app(s): 'orders' have changes that are not yet reflected in a migration", Alembic check
    // "New upgrade operations detected", Prisma "Drift detected: Your database schema is not in sync".
    all: [
      /\bPendingModelChangesWarning\b|\bhas pending (?:model )?changes\. Add a new migration\b|\bhave changes that are not yet reflected in a migration\b|\bNew upgrade operations detected\b|\bDrift detected: Your database schema is not in sync\b/,
    ],
    confidence: 0.88,
    title: 'The model has changes no migration covers: the start-up migration refuses to run',
  },
  APPLIED_MIGRATION_EDITED_OR_MISSING,
  APPLIED_MIGRATION_FILE_MISSING,
  {
    // A schema tool creating or upgrading the tables gave up (Hive "Schema initialization FAILED!",
    // "*** schemaTool failed ***", "schema upgrade failed"): often a second init over an existing schema.
    all: [
      /\b[Ss]chema (?:initiali[sz]ation|upgrade|creation|migration|setup) (?:FAILED|failed)\b|\bschema ?[Tt]ool failed\b|\b(?:[Ff]ailed|[Uu]nable) to (?:initiali[sz]e|create|upgrade|set ?up) (?:the )?(?:database|db|metastore|SQL) schema\b/,
    ],
    confidence: 0.82,
    title: 'The schema initialisation or upgrade run at start-up failed',
    // GraphQL, JSON and registry schemas are documents, not database tables.
    not: /GraphQL|graphql|JSON ?[Ss]chema|[Ss]chema [Rr]egistry|[Aa]vro|[Pp]rotobuf|OpenAPI|XSD|XML/,
  },
  MIGRATION_CHECKSUM_CHANGED,
  {
    // Apps that refuse to start on a schema older than the release (Boundary "Database schema must be
    // updated to use this version. Run 'boundary database migrate'", "schema is out of date").
    all: [
      /\b[Dd]atabase schema (?:must|needs to|has to) be (?:updated|upgraded|migrated)\b|\b[Dd]atabase (?:schema )?is (?:out of date|not up to date|outdated)\b|\b[Rr]un ['"`][^'"`\n]{0,60}\b(?:database|db) (?:migrate|upgrade)['"`]/,
    ],
    confidence: 0.82,
    title: 'The database schema is older than the release: its migration was not run before the app started',
  },
  {
    // Apps that refuse to start on a schema that was never created or migrated.
    all: [
      /[Yy]ou need to (?:initiali[sz]e|migrate|upgrade) the database|[Dd]atabase (?:is not initiali[sz]ed|needs to be (?:migrated|upgraded))|[Pp]lease run `[^`]{0,40}\b(?:db (?:init|migrate|upgrade)|migrate)\b/,
    ],
    confidence: 0.8,
    title: 'The database schema was not created or migrated before the app started',
  },
  {
    // The database itself was never created (ecto.create, rails db:create, createdb did not run); a
    // wrong database name in the settings reads the same, hence the modest confidence.
    all: [/\bdatabase "[^"]{1,120}" does not exist|\bUnknown database '[^']{1,120}'|\bER_BAD_DB_ERROR\b/],
    confidence: 0.66,
    title: 'The database does not exist yet (it was never created before the app started)',
  },
  MIGRATOR_IN_STACK,
  {
    all: [/Multiple head revisions are present|Multiple heads are present/],
    confidence: 0.92,
    title: 'Alembic found multiple head revisions',
  },
  {
    all: [/Can't locate revision identified by/],
    confidence: 0.92,
    title: 'Alembic cannot find the revision recorded in the database',
  },
  {
    all: [/alembic\.util\.exc\.CommandError|alembic\.script\.revision\.ResolutionError/],
    confidence: 0.85,
    title: 'An Alembic migration command failed',
  },
  {
    all: [/InconsistentMigrationHistory|Conflicting migrations detected|django\.db\.migrations\.exceptions/],
    confidence: 0.9,
    title: 'The Django migrations are inconsistent',
  },
  {
    all: [
      /FlywayException|FlywayValidateException|Validate failed: Migrations? (?:have|has) failed validation|Migration checksum mismatch|Detected failed migration/,
    ],
    // Flyway 10's "Unsupported Database: PostgreSQL 16.4" is a database module missing from the classpath.
    not: /\bUnsupported Database: /,
    confidence: 0.92,
    title: 'A Flyway migration failed or does not validate',
  },
  {
    all: [/liquibase\.exception|Validation Failed:/, /checksum|changeset|Liquibase/i],
    // A changelog that is not in the image is a missing file, not a failed changeset.
    not: /\bdoes not exist\b|could not be found|no changelog could be found/i,
    confidence: 0.88,
    title: 'A Liquibase changeset failed or does not validate',
  },
  {
    all: [
      /this and all later migrations canceled|ActiveRecord::PendingMigrationError|ActiveRecord::DuplicateMigration|ActiveRecord::IrreversibleMigration/,
    ],
    confidence: 0.9,
    title: 'A Rails migration failed',
  },
  {
    all: [/\bP30(?:0[5-9]|1[0-9])\b|migrate found failed migrations|Migration [^\s]+ failed to apply/],
    confidence: 0.88,
    title: 'A Prisma migration failed',
  },
  DUPLICATE_MIGRATION_VERSION,
  OUT_OF_ORDER_MIGRATION,
  ...HISTORY_DRIFT_SIGNATURES,
  {
    // A migration lock left set by a runner killed half-way (or a second runner still going): knex
    // "Migration table is already locked", knex-migrator "Migration lock was never released", Liquibase
    // "Could not acquire change log lock", Rails/EF Core advisory locks, Rocket.Chat "migration control is locked".
    all: [
      /\b[Mm]igration lock was never released|\bMigrationsAreLockedError\b|\b[Cc]ould not acquire change ?log lock|\bWaiting for change ?log lock|\b[Cc]an't take lock to run migrations|\b(?:[Cc]ould not|[Cc]annot|[Uu]nable to|[Ff]ailed to) (?:obtain|acquire|get|take) (?:the |a )?migrations? (?:advisory )?lock\b|\bConcurrentMigrationError\b|\b(?:[Dd]atabase |[Ss]chema )?[Mm]igrations? (?:control|lock|state|collection|process) (?:is|are) (?:currently |still |already )?locked\b|\bNot migrating,? [^\n]{0,40}\blocked\b|\b[Mm]igrations? (?:are|is) (?:currently |still |already )?locked\b|\banother migration (?:process )?is (?:currently |already |still )?running\b/,
    ],
    confidence: 0.86,
    title: 'The migration lock is held (left by a runner that died half-way, or another runner)',
  },
  {
    all: [
      /Dirty database version \d+|Target database is not up to date|The migration directory is corrupt|[Mm]igration (?:table|lock) is (?:already )?locked|\bAn evolution has not been applied properly\b|\b[Dd]atabase '[^'\n]{1,80}' is in an inconsistent state\b/,
    ],
    confidence: 0.88,
    title: 'The migration state is dirty (an earlier migration failed half-way)',
  },
  {
    // CMS update hooks are their migrations: Drupal "Update failed: mymodule_update_10003" / "Update
    // aborted by: ..." (drush updatedb, drush deploy), its post-update and deploy hooks too.
    all: [/\bUpdate (?:failed|aborted by): [a-z]\w{0,80}_(?:update|post_update|deploy)_\w{1,80}/],
    confidence: 0.86,
    title: 'A database update hook failed at deploy (the CMS migration)',
  },
  {
    all: [
      /[Mm]igrations? (?:failed|error)|[Ff]ailed to (?:run|apply) migrations?|[Ee]rror (?:running|applying) migration|MigrationError|[Mm]igration "?[\w.\\-]{1,120}"? (?:\((?:up|down)\) )?(?:has )?failed\b|\b(?:running|applying|executing) (?:db |database |schema )?migrations?: (?:error|ERROR|failed|FAILED)\b|\b[Ee]rror (?:executing|while running|while applying) (?:db |database )?migrations?\b|\b[Ee]rror (?:during|in) (?:the )?(?:db |database |schema )?migration (?:of|script|step|file|version)\b|\b[Mm]igrationException: /,
    ],
    confidence: 0.8,
    title: 'A database migration failed at start-up',
  },
];

// SQL errors that mean "already applied / out of sync" count only when the log shows migrations running
// (including a constraint or index to drop that is not there: GORM AutoMigrate, MySQL "Can't DROP").
const SCHEMA_CONFLICT: Signature = {
  all: [
    /already exists|There is already an object named|conflicts with an existing (?:column|table|index|type|field)\b|[Dd]uplicate (?:column|key name|constraint|table)|Unknown column|no such table|no such column|could not create unique index|unique_violation|\b(?:constraint|index|column) "[^"]{1,120}" (?:of relation "[^"]{1,120}" )?does not exist|\bCan't DROP (?:INDEX |CONSTRAINT |COLUMN )?'[^']{1,120}'; check that (?:column\/key|it) exists/,
  ],
  confidence: 0.72,
  title: 'A migration conflicts with the existing schema',
};

// A statement the database refused (NOT NULL over existing rows, SQLite/SQL Server/Oracle refusing a NOT NULL
// column without a default, a type cast, a foreign key): a
// migration's, when the log shows one running, otherwise a query of the app's own.
const SQL_FAILURE: Signature = {
  all: [
    /QueryFailedError|^query failed: |\bcontains null values\b|violates (?:not-null|foreign key|check) constraint|\bSQLSTATE\[|[Dd]ata truncated for column|Cannot add or update a child row|[Ii]nvalid use of NULL value|cannot be cast automatically to type|[Ii]ncorrect (?:integer|datetime|date) value|\bCannot add a NOT NULL column\b|\bALTER TABLE only allows columns to be added that can contain nulls\b|\btable must be empty to add mandatory\b/,
  ],
  confidence: 0.84,
  title: 'A migration statement failed on the existing data or schema',
};

// The runner is executing migrations (TypeORM, Rails, Laravel, Django, Ecto, knex, sqitch "Deploying changes
// to", dbmate "Applying: 2025..._x.sql", Liquibase "Running Changeset"), or the stack passes through one: a failed statement after it belongs to the migration.
const MIGRATION_RUNNING =
  /MigrationExecutor|\bmigrations? (?:are new|must be executed)|[Pp]ending migrations?\b|\bApplying migration|\bRunning migrations?\b|== \d+ \w{1,120}: migrating|\b[Mm]igrating(?::| up| down| to)\b|\b(?:artisan migrate|manage\.py migrate|db:migrate|doctrine:migrations:migrate|migration:run|prisma migrate|alembic upgrade|knex migrate|flyway migrate|goose up)\b|\.Migrations\.\w{1,120}\.(?:change|up)\/0 forward|\/migrations?\/(?:versions\/)?[\w-]{1,160}\.(?:js|ts|py|rb|php|sql|exs?)\b|\bRunning upgrade (?:[0-9a-f]{4,40}|<base>)? ?-> [0-9a-f]{4,40}\b|\bknex\/lib\/migrations?\/|\bumzug\b|\bDeploying changes (?:to|through)\b|\bApplying:? \d{8,14}_[\w-]{1,120}\.sql\b|\bRunning Changeset\b/;
const MIGRATIONS_DONE =
  /[Mm]igrations? (?:complete|completed|done|finished|applied successfully)|No (?:pending )?migrations? to (?:run|apply)|[Dd]atabase (?:schema )?is up to date/;

/** A migration runs at or before `line` (no "migrations complete" in between), or the stack names one. */
const migrationRunning = (ctx: RuleContext, line: LogLine): boolean => {
  const lines = ctx.log.lines;
  const at = lines.indexOf(line);
  const frames = lines.slice(at + 1, at + 12);
  if (frames.some((l) => MIGRATION_RUNNING.test(l.text))) return true;
  for (let i = at; i >= 0; i--) {
    const text = lines[i]!.text;
    if (i < at && MIGRATIONS_DONE.test(text)) return false;
    if (MIGRATION_RUNNING.test(text)) return true;
  }
  return false;
};

const LOCKED = /\bdatabase is locked\b|SQLITE_BUSY/;
// The runner never reached the database (its failure line says so, or a migrator is in the stack of a log that
// does): the name did not resolve, the connection or login was refused, the server is too old. PDO names the
// connection errors by code: SQLSTATE class 08, or HY000 with MySQL's client codes 2002-2006 (no socket, host,
// server). A failure "in" the migration then says only where the app was, not why (dns_resolution_failure,
// dependency_unreachable, ...).
const NEVER_REACHED =
  /\bSQLSTATE\[08[0-9A-Z]{3}\]|\bSQLSTATE\[HY000\] \[(?:2002|2003|2005|2006)\]|\bCan't connect to (?:local )?MySQL server\b|\bSocketException\b|[Cc]onnection refused|\bECONNREFUSED\b|\bENOTFOUND\b|\bEAI_AGAIN\b|\bgetaddrinfo\b|[Nn]ame or service not known|[Nn]o such host|[Tt]emporary failure in name resolution|could not translate host name|[Cc]ould not connect to server|[Uu]nable to connect to|[Nn]etwork is unreachable|[Cc]onnection timed out|\bi\/o timeout\b|Login failed for user|Access denied for user|password authentication failed|\bor (?:later|newer) is required\b|\bSCRAM authentication requires libpq\b|\bauthentication (?:method|type) 1[01] (?:is )?not supported/;

const hasMigrationContext = (ctx: RuleContext): boolean => ctx.log.lines.some((l) => MIGRATION_CONTEXT.test(l.text));
// A start-up that echoes the DDL it ran (EF Core's "Failed executing DbCommand ... ALTER TABLE", Hibernate's
// "Error executing DDL") is migrating even when no tool names itself: an object it adds "already exists".
const SCHEMA_CHANGE_ECHO =
  /\b(?:ALTER TABLE [^\s]{1,120} ADD|CREATE (?:UNIQUE )?(?:TABLE|INDEX)|Error executing DDL)\b/i;
const showsSchemaChange = (ctx: RuleContext): boolean => ctx.log.lines.some((l) => SCHEMA_CHANGE_ECHO.test(l.text));

const steps = (ctx: RuleContext): string[] => [
  'Compare the migration history table in the database with the migration files in the image (alembic heads/current, flyway info, rails db:migrate:status)',
  `If a new revision brought the migration, roll back while fixing it: ${kubectl.rolloutUndo(ctx.target)}`,
];

// A migration that cannot take the SQLite lock failed because another process holds the file.
const lockCapped = (hit: SignatureHit): number =>
  hit.lines.some((l) => LOCKED.test(l.text)) ? Math.min(hit.confidence, 0.45) : hit.confidence;

// Database refusals that are a migration's only when a migration is seen running (or its DDL echoed).
const NEEDS_MIGRATION_CONTEXT: Signature[] = [
  SCHEMA_CONFLICT,
  DDL_REFUSED,
  UNIQUE_INDEX_OVER_DUPLICATE_ROWS,
  DDL_OUTSIDE_ITS_RULES,
  DDL_OVER_A_LIMIT,
  NOT_NULL_OVER_EXISTING_ROWS,
];

const byMigrationSignature = signatureRule({
  id: 'db-migration-failure',
  category: 'db_migration_failure',
  signatures: [...SIGNATURES, ...NEEDS_MIGRATION_CONTEXT],
  adjust: (ctx, hit) => {
    const needsContext = NEEDS_MIGRATION_CONTEXT.includes(hit.signature);
    const echoedDdl = hit.signature === SCHEMA_CONFLICT && showsSchemaChange(ctx);
    if (needsContext && !hasMigrationContext(ctx) && !echoedDdl) return 0;
    const whereTheFailureShows = hit.signature === MIGRATOR_IN_STACK ? ctx.log.lines : hit.lines;
    if (whereTheFailureShows.some((l) => NEVER_REACHED.test(l.text))) return Math.min(hit.confidence, 0.3);
    return lockCapped(hit);
  },
  steps,
});

// Apart from the signatures above: a SQL error outside a migration run must not silence them.
const bySqlFailureInMigration = signatureRule({
  id: 'db-migration-failure',
  category: 'db_migration_failure',
  signatures: [SQL_FAILURE, UNDEFINED_OBJECT, TABLE_NOT_EMPTY, DB_ERROR_IN_MIGRATION],
  adjust: (ctx, hit) => {
    if (hit.fromStatus || !migrationRunning(ctx, hit.line)) return 0;
    // "SQLSTATE[HY000] [2002] getaddrinfo failed": no statement ran, the connection did not open.
    return NEVER_REACHED.test(hit.line.text) ? Math.min(hit.confidence, 0.3) : lockCapped(hit);
  },
  steps,
});

export const dbMigrationFailure: Rule = {
  id: 'db-migration-failure',
  match: (ctx) => {
    const found = [byMigrationSignature.match(ctx), bySqlFailureInMigration.match(ctx)].filter(
      (f): f is Finding => f !== null,
    );
    return found.sort((a, b) => b.confidence - a.confidence)[0] ?? null;
  },
};
