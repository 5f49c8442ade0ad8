/** db_migration_failure: a schema migration run at start-up failed (conflicts, unknown revision, checksum). */
import { kubectl } from '../kubectl.ts';
import type { RuleContext } from '../rule.ts';
import { type Signature, signatureRule } from './log-helpers.ts';

const MIGRATION_CONTEXT =
  /migrat|Applying migration|alembic|flyway|liquibase|prisma migrate|knex|sequelize|typeorm|db:migrate/i;

const SIGNATURES: Signature[] = [
  {
    // The migration history disagrees with the files: an applied migration was removed or edited.
    all: [/was previously applied but (?:is missing|has been modified)|\bVersionMissing\(|\bVersionMismatch\(/],
    confidence: 0.86,
    title: 'An applied migration is missing or was edited (migration history out of sync)',
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
    // A crash whose stack runs through the migration runner (the error line itself may be cut off).
    all: [
      /django\/db\/migrations\/(?:executor|migration|operations\/[a-z_]{1,40})\.py|alembic\/runtime\/migration\.py|active_record\/migration\.rb|org\.flywaydb\.core\.internal\.command\.DbMigrate|Microsoft\.EntityFrameworkCore\.Migrations\.Internal\.Migrator\.Migrate/,
    ],
    confidence: 0.62,
    title: 'The crash happened inside the database migration run at start-up',
  },
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
    confidence: 0.92,
    title: 'A Flyway migration failed or does not validate',
  },
  {
    all: [/liquibase\.exception|Validation Failed:/, /checksum|changeset|Liquibase/i],
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
  {
    all: [
      /Dirty database version \d+|Target database is not up to date|The migration directory is corrupt|[Mm]igration (?:table|lock) is (?:already )?locked/,
    ],
    confidence: 0.88,
    title: 'The migration state is dirty (an earlier migration failed half-way)',
  },
  {
    all: [
      /[Mm]igrations? (?:failed|error)|[Ff]ailed to (?:run|apply) migrations?|[Ee]rror (?:running|applying) migration|MigrationError/,
    ],
    confidence: 0.8,
    title: 'A database migration failed at start-up',
  },
];

// SQL errors that mean "already applied / out of sync" count only when the log shows migrations running.
const SCHEMA_CONFLICT: Signature = {
  all: [
    /already exists|There is already an object named|[Dd]uplicate (?:column|key name|constraint|table)|Unknown column|no such table|no such column|could not create unique index|unique_violation/,
  ],
  confidence: 0.72,
  title: 'A migration conflicts with the existing schema',
};

const LOCKED = /\bdatabase is locked\b|SQLITE_BUSY/;

const hasMigrationContext = (ctx: RuleContext): boolean => ctx.log.lines.some((l) => MIGRATION_CONTEXT.test(l.text));

export const dbMigrationFailure = signatureRule({
  id: 'db-migration-failure',
  category: 'db_migration_failure',
  signatures: [...SIGNATURES, SCHEMA_CONFLICT],
  adjust: (ctx, hit) => {
    if (hit.signature === SCHEMA_CONFLICT && !hasMigrationContext(ctx)) return 0;
    // A migration that cannot take the SQLite lock failed because another process holds the file.
    if (hit.lines.some((l) => LOCKED.test(l.text))) return Math.min(hit.confidence, 0.45);
    return hit.confidence;
  },
  steps: (ctx) => [
    'Compare the migration history table in the database with the migration files in the image (alembic heads/current, flyway info, rails db:migrate:status)',
    `If a new revision brought the migration, roll back while fixing it: ${kubectl.rolloutUndo(ctx.target)}`,
  ],
});
