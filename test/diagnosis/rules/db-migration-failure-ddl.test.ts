import { dbMigrationFailure } from '../../../src/diagnosis/rules/db-migration-failure.ts';
import { ruleTable } from './helpers.ts';

// A migration's schema change past a size limit of the database engine (db-migration-failure-ddl.ts), in
// other migration tools and databases than the log that taught it.
ruleTable(dbMigrationFailure, 'db_migration_failure', {
  positives: [
    {
      name: 'an Alembic migration making user emails unique over duplicates (PostgreSQL)',
      log: 'INFO  [alembic.runtime.migration] Running upgrade 3f2a1b -> 7c9d0e, unique user email\nTraceback (most recent call last):\nsqlalchemy.exc.IntegrityError: (psycopg2.errors.UniqueViolation) could not create unique index "ix_users_email"\nDETAIL:  Key (email)=(ops@example.com) is duplicated.',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'an EF Core migration adding a unique index over duplicate SKUs (SQL Server)',
      log: "info: Microsoft.EntityFrameworkCore.Migrations[20402]\n      Applying migration '20240611093000_UniqueSku'.\nfail: Microsoft.EntityFrameworkCore.Database.Command[20102]\nMicrosoft.Data.SqlClient.SqlException (0x80131904): The CREATE UNIQUE INDEX statement terminated because a duplicate key was found for the object name 'dbo.Products' and the index name 'IX_Products_Sku'. The duplicate key value is (AB-100).",
      exitCode: 1,
      min: 0.8,
    },
    {
      name: "a Django migration adding fields past PostgreSQL's 1600-column limit",
      log: 'Operations to perform:\n  Apply all migrations: admin, auth, catalog\nRunning migrations:\n  Applying catalog.0087_product_attr_1500_1620...Traceback (most recent call last):\n  File "/usr/local/lib/python3.12/site-packages/django/db/backends/utils.py", line 105, in _execute\n    return self.cursor.execute(sql, params)\npsycopg.errors.TooManyColumns: tables can have at most 1600 columns',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a Rails migration whose new columns overflow the InnoDB row size',
      log: '== 20240301101500 AddProfileFieldsToMembers: migrating ========================\n-- add_column(:members, :bio_extra_1, :string)\nrails aborted!\nStandardError: An error has occurred, all later migrations canceled:\n\nMysql2::Error: Row size too large (> 8126). Changing some columns to TEXT or BLOB may help. In current row format, BLOB prefix of 0 bytes is stored inline.',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a Flyway migration on SQL Server past the 8060-byte row',
      log: 'Flyway Community Edition 10.10.0 by Redgate\nMigrating schema [dbo] to version "12 - widen orders"\nERROR: Migration V12__widen_orders.sql failed\nSQL State  : S0001\nError Code : 1701\nMessage    : Creating or altering table \'orders\' failed because the minimum row size would be 8104, including 7 bytes of internal overhead. This exceeds the maximum allowable table row size of 8060 bytes.',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a Laravel migration naming an index past the identifier limit',
      log: "Migrating: 2024_05_01_000000_add_tenant_index\n\n   Illuminate\\Database\\QueryException\n\n  SQLSTATE[42000]: Syntax error or access violation: 1059 Identifier name 'invoices_tenant_id_customer_id_created_at_status_currency_index' is too long",
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'an Ecto migration turning a populated table into a TimescaleDB hypertable',
      log: '09:01:00.100 [info] == Running 20240501080000 Telemetry.Repo.Migrations.MakeEventsHypertable.change/0 forward\n09:01:00.101 [info] execute "SELECT create_hypertable(\'events\', \'inserted_at\')"\n** (Postgrex.Error) ERROR TS110 (ts_unexpected_new_hypertable_data) table "events" is not empty',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'an Alembic migration adding a required column to a non-empty SQL Server table',
      log: "INFO  [alembic.runtime.migration] Running upgrade 3f2a1c9d8e7b -> 9b8c7d6e5f4a, add tenant to orders\nsqlalchemy.exc.ProgrammingError: (pyodbc.ProgrammingError) ('42000', \"[42000] [Microsoft][ODBC Driver 18 for SQL Server][SQL Server]ALTER TABLE only allows columns to be added that can contain nulls... Column 'tenant_id' cannot be added to non-empty table 'orders' because it does not satisfy these conditions. (4901)\")",
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'a Rails migration whose statement the database refuses for another reason (any driver error while migrating)',
      log: '== 20240612090000 AddPrimaryKeyToLegacyOrders: migrating ====================\n-- execute("ALTER TABLE legacy_orders ADD PRIMARY KEY (id)")\nrails aborted!\nPG::InvalidTableDefinition: ERROR:  multiple primary keys for table "legacy_orders" are not allowed',
      exitCode: 1,
      min: 0.65,
    },
    {
      name: 'a Django migration whose SQL the database refuses (psycopg error class while applying)',
      log: 'Running migrations:\n  Applying billing.0031_invoice_total_generated...Traceback (most recent call last):\n  File "/usr/local/lib/python3.12/site-packages/django/db/backends/utils.py", line 105, in _execute\n    return self.cursor.execute(sql, params)\npsycopg2.errors.InvalidObjectDefinition: generation expression is not immutable',
      exitCode: 1,
      min: 0.65,
    },
  ],
  negatives: [
    {
      name: 'an INSERT hitting a unique key at run time is not a migration (the key "already exists")',
      log: 'ERROR:  duplicate key value violates unique constraint "users_email_key"\nDETAIL:  Key (email)=(ops@example.com) already exists.\nTraceback (most recent call last):\n  File "/app/signup.py", line 40, in create_user',
      exitCode: 1,
    },
    {
      name: "an import job refusing to load into a table that is not empty is the app's own check, not a migration",
      log: 'INFO loader: starting nightly import of /data/export.csv\nERROR loader: table "staging_orders" is not empty; refusing to overwrite (pass --truncate)',
      exitCode: 1,
    },
    {
      name: 'a driver error from a request after the migrations completed is not a migration failure',
      log: '10:00:01 [info] Migrations complete, 0 pending\n10:00:05 [info] GET /orders/abc\n10:00:05 [error] ** (Postgrex.Error) ERROR 22P02 (invalid_text_representation) invalid input syntax for type uuid: "abc"',
      exitCode: 1,
    },
    {
      name: 'a full disk under a running migration is the disk, not the migration',
      log: 'INFO  [alembic.runtime.migration] Running upgrade 1a2b3c4d5e6f -> 6f5e4d3c2b1a, backfill events\npsycopg2.errors.DiskFull: could not extend file "base/16384/24576": No space left on device',
      exitCode: 1,
    },
    {
      name: 'an INSERT by the running app over the row size is no migration',
      log: "ERROR 2024-05-02 10:11:12,123 views Failed to save record\npymysql.err.OperationalError: (1118, 'Row size too large (> 8126). Changing some columns to TEXT or BLOB may help.')",
      exitCode: 1,
    },
    {
      name: "a CSV import refusing a file's extra columns is the app's input, not the schema",
      log: 'Traceback (most recent call last):\n  File "/app/import_csv.py", line 44, in <module>\n    rows = load(path)\nValueError: Too many columns in row 12: expected 4, found 6',
      exitCode: 1,
    },
  ],
});
