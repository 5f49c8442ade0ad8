import { dbMigrationFailure } from '../../../src/diagnosis/rules/db-migration-failure.ts';
import { ruleTable } from './helpers.ts';

// A migration's schema change past a size limit of the database engine (db-migration-failure-ddl.ts), in
// other migration tools and databases than the log that taught it.
ruleTable(dbMigrationFailure, 'db_migration_failure', {
  positives: [
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
  ],
  negatives: [
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
