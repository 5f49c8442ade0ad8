import { dbMigrationFailure } from '../../../src/diagnosis/rules/db-migration-failure.ts';
import { ruleTable } from './helpers.ts';

ruleTable(dbMigrationFailure, 'db_migration_failure', {
  positives: [
    {
      name: 'a migration dropping a column a view still reads (the column form of the dependent-objects refusal)',
      log: '== 20240502100000 DropLegacyEmail: migrating ======\nPG::DependentObjectsStillExist: ERROR:  cannot drop column legacy_email of table users because other objects depend on it',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a schema sync making an existing column unique over duplicate rows during a migrate job',
      log: 'Migrating tenant crm.example.com\nSyncing schema for Contact\nFailed to alter table using query: ALTER TABLE contacts ADD UNIQUE (email)\nValidationError: email cannot be made unique in contacts, as there are duplicate values',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'an aerich upgrade whose unique index meets duplicate rows (with the PostgreSQL DETAIL line)',
      log: '+ aerich upgrade\nTraceback (most recent call last):\n  File "/usr/local/bin/aerich", line 8, in <module>\n    sys.exit(main())\ntortoise.exceptions.IntegrityError: could not create unique index "uid_account_handle_77c2"\nDETAIL:  Key (handle)=(ops) is duplicated.',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'an Alembic revision dropping a column on SQLite without batch mode',
      log: 'INFO  [alembic.runtime.migration] Running upgrade 1a2b3c4d5e6f -> 9f8e7d6c5b4a, drop legacy flag\nNotImplementedError: No support for ALTER of constraints in SQLite dialect. Please refer to the batch mode feature.',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a migration adding a UNIQUE column to an SQLite table',
      log: 'Applying migration 0042_add_slug\nsqlite3.OperationalError: Cannot add a UNIQUE column',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a Django migration whose parent migration file was deleted by a squash (dependency on a missing node)',
      log: "Traceback (most recent call last):\n  File \"/app/manage.py\", line 22, in <module>\n    main()\ndjango.db.migrations.exceptions.NodeNotFoundError: Migration orders.0012_add_currency dependencies reference nonexistent parent node ('orders', '0011_auto_20240101_1200')",
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'Hibernate schema update re-adding a column a DBA already created (DDL echoed, no migration tool named)',
      log: 'WARN  o.h.t.s.i.ExceptionHandlerLoggedImpl - GenerationTarget encountered exception accepting command : Error executing DDL "alter table invoices add column paid_at timestamp(6)" via JDBC Statement\nCaused by: org.postgresql.util.PSQLException: ERROR: column "paid_at" of relation "invoices" already exists',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'goose running CREATE INDEX CONCURRENTLY inside its migration transaction (not dbmate)',
      log: '2025/02/10 09:30:01 goose run: ERROR 20250210093000_add_orders_idx.sql: failed to run SQL migration: failed to execute SQL query "CREATE INDEX CONCURRENTLY orders_created_at_idx ON orders (created_at);": ERROR: CREATE INDEX CONCURRENTLY cannot run inside a transaction block (SQLSTATE 25001)',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a Prisma migration using an enum value it added in the same transaction (not Alembic)',
      log: 'Applying migration `20250301_add_refunded_status`\nError: P3018\n\nA migration failed to apply. New migrations cannot be applied before the error is recovered from.\nDatabase error code: 55P04\nDatabase error:\nERROR: unsafe use of new value "refunded" of enum type "OrderStatus"\nHINT: New enum values must be committed before they can be used.',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'a sqitch-style deploy setting NOT NULL over rows that hold nulls (no tool name in the log)',
      log: 'Deploying changes through invoices_customer_id to db:pg://app@billing-db/billing\n  + invoices_customer_id .. psql:deploy/invoices_customer_id.sql:4: ERROR:  column "customer_id" of relation "invoices" contains null values\nnot ok\nReverting all changes',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'Flyway meeting an existing schema without its history table (baseline needed, not Atlas)',
      log: 'org.flywaydb.core.api.FlywayException: Found non-empty schema(s) "public" but no schema history table. Use baseline() or set baselineOnMigrate to true to initialize the schema history table.',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'Prisma refusing to migrate a database that already has tables (P3005)',
      log: 'Prisma schema loaded from prisma/schema.prisma\nDatasource "db": PostgreSQL database "shop", schema "public" at "postgres:5432"\n\nError: P3005\n\nThe database schema is not empty. Read more about how to baseline an existing production database: https://pris.ly/d/migrate-baseline',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a runner that validates version order finding an older unapplied migration after a merge',
      log: 'Unapplied migrations have version numbers that are less than the greatest version number of applied migrations:\n202401050900: M202401050900_AddOrderIndex',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'SQL Server refusing a NOT NULL column without a default in a Rails migration (not SQLite)',
      log: '== 20240301120000 AddTenantToUsers: migrating ================================\n-- add_column(:users, :tenant_id, :integer, {:null=>false})\nActiveRecord::StatementInvalid: TinyTds::Error: ALTER TABLE only allows columns to be added that can contain nulls, or have a DEFAULT definition specified, or the column being added is an identity or timestamp column, or alternatively if none of the previous conditions are satisfied the table must be empty to allow addition of this column.',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'a Liquibase changeset edited after it was applied, seen only in its check sum lines (Spring Boot, not Keycloak)',
      log: '2024-05-02 08:11:09.412 ERROR 1 --- [main] o.s.boot.SpringApplication : Application run failed\nCaused by: Validation Failed:\n     2 changesets check sums\n          db/changelog/orders.xml::orders-7::billing was: 8:0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f but is now: 8:9f8e7d6c5b4a39281706f5e4d3c2b1a0',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'schema migrations left locked by a runner that was killed half-way (not Rocket.Chat)',
      log: 'Error: Schema migrations are locked; run `migrate unlock` once no other runner is active',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'a CMS post-update hook failing during updatedb',
      log: " [notice] Update started: shop_catalog_post_update_move_prices\n>  [error]  Column not found: 1054 Unknown column 'price_old' in 'field list'\n>  [error]  Update failed: shop_catalog_post_update_move_prices\n [error]  Update aborted by: shop_catalog_post_update_move_prices",
      exitCode: 1,
      min: 0.85,
    },
    {
      name: "a server's automatic schema upgrade stopping on one of its patches",
      log: "  9:20240315:101504.902 [Z3005] query failed: [1060] Duplicate column name 'proxy_groupid' [alter table `hosts` add `proxy_groupid` bigint unsigned NULL]\n  9:20240315:101504.902 database upgrade failed on patch 07000005, exiting in 10 seconds",
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a Django migration check finding model changes without a migration',
      log: "Operations to perform:\n  Apply all migrations: admin, auth, orders\nYour models in app(s): 'orders' have changes that are not yet reflected in a migration, and so won't be applied.\n  Run 'manage.py makemigrations' to make new migrations, and then re-run 'manage.py migrate' to apply them.\nCommandError: migrations are not up to date",
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'Flyway finding two migrations with one version after a merge',
      log: 'ERROR: Found more than one migration with version 42\nOffenders:\n-> /flyway/sql/V42__add_orders_index.sql (SQL)\n-> /flyway/sql/V42__add_customer_email.sql (SQL)',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'Phinx refusing two migrations with the same class name',
      log: 'In Manager.php line 914:\n  Migration "20240601090000_CreateInvoices.php" has the same name as "20240510120000_CreateInvoices.php"',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'a migrator whose recorded migrations are not on disk (rolled-back image)',
      log: 'I, INFO -- : SELECT "filename" FROM "schema_migrations"\nSequel::Migrator::Error: Applied migration files not in file system: 20240801_add_refunds.rb',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'an ORM auto-migration dropping an index that is not there',
      log: '2024/05/02 10:00:01 running AutoMigrate\n2024/05/02 10:00:01 ERROR: index "idx_users_email" does not exist (SQLSTATE 42704)\n[0.9ms] DROP INDEX "idx_users_email"',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'an applied migration file edited after it ran',
      log: 'Applying migrations from /migrations\nError: migration 20240301120000_add_users.sql: checksum mismatch (recorded 9f2c..., file 41ab...)',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a CI server whose database schema is out of date',
      log: "error: database schema is out of date: run 'concourse migrate --migrate-to-latest-version' before starting the web node",
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'dbmate hitting a column added by hand',
      log: "Waiting for database...\nApplying: 20240610141500_add_tenant_idx.sql\nError: Error 1060 (42S21): Duplicate column name 'tenant_id'",
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'a migration runner that reports the failing statement',
      log: 'time="2024-01-23T09:40:11Z" level=fatal msg="Error while running database migrations: ERROR: cannot cast type text to uuid (SQLSTATE 42846)"',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'Flyway refuses a resolved migration older than the applied ones',
      log: "ERROR: Validate failed: Migrations have failed validation\nDetected resolved migration not applied to database: 2.4.1.\nTo ignore this migration, set -ignoreMigrationPatterns='*:ignored'. To allow executing this migration, set -outOfOrder=true.",
      min: 0.85,
    },
    {
      name: 'Liquibase cannot take the change log lock left by a killed pod',
      log: 'liquibase.exception.LockException: Could not acquire change log lock.  Currently locked by orders-api-7d9f (10.42.0.17) since 4/9/24, 6:10 AM\n\tat liquibase.lockservice.StandardLockService.waitForLock(StandardLockService.java:270)',
      min: 0.85,
    },
    {
      name: 'knex refuses to migrate while its lock row is set',
      log: "Can't take lock to run migrations: Migration table is already locked\nIf you are sure migrations are not running you can release the lock manually by running 'knex migrate:unlock'",
      min: 0.85,
    },
    {
      name: 'an applied sqlx migration removed from the image',
      log: 'Error: migration 20240601120000 was previously applied but is missing in the resolved migrations',
      min: 0.85,
    },
    {
      name: 'Airflow started before its schema',
      log: 'ERROR: You need to initialize the database. Please run `airflow db init`. Make sure the command is run using Airflow version 2.9.2.',
      min: 0.75,
    },
    {
      name: 'an ecto migration adding a unique index over duplicates',
      log: '10:55:00.100 [info] == Running 20240701090000 Shop.Repo.Migrations.AddUniqueEmail.change/0 forward\n** (Postgrex.Error) ERROR 23505 (unique_violation) could not create unique index "users_email_index"',
      min: 0.65,
    },
    {
      name: 'a stack through the migration runner, error line cut off',
      log: '  File "/usr/local/lib/python3.12/site-packages/django/db/migrations/migration.py", line 132, in apply\n    operation.database_forwards(\n  File "/usr/local/lib/python3.12/site-packages/django/db/backends/base/schema.py", line 596, in add_constraint\n    self.execute(sql, params=None)',
      min: 0.6,
    },
    {
      name: 'alembic multiple heads',
      log: "INFO  [alembic.runtime.migration] Context impl PostgresqlImpl.\nERROR [alembic.util.messaging] Multiple head revisions are present for given argument 'head'; please specify a specific target revision",
      min: 0.9,
    },
    {
      name: 'alembic unknown revision',
      log: "alembic.util.exc.CommandError: Can't locate revision identified by '1a2b3c4d5e6f'",
      min: 0.9,
    },
    {
      name: 'flyway checksum',
      log: 'org.flywaydb.core.api.exception.FlywayValidateException: Validate failed: Migrations have failed validation\nMigration checksum mismatch for migration version 3\n-> Applied to database : 1234\n-> Resolved locally    : 5678',
      min: 0.9,
    },
    {
      name: 'rails duplicate column',
      log: '== 20240101000000 AddEmailToUsers: migrating =================================\n-- add_column(:users, :email, :string)\nrails aborted!\nStandardError: An error has occurred, this and all later migrations canceled:\n\nPG::DuplicateColumn: ERROR:  column "email" of relation "users" already exists',
      min: 0.85,
    },
    {
      name: 'django inconsistent history',
      log: "django.db.migrations.exceptions.InconsistentMigrationHistory: Migration admin.0001_initial is applied before its dependency accounts.0001_initial on database 'default'.",
      min: 0.85,
    },
    {
      name: 'knex with a duplicate relation in a migration',
      log: 'Running migrations...\nmigration file "20240101_create_orders.js" failed\nmigration failed with error: create table "orders" - relation "orders" already exists',
      min: 0.75,
    },
    { name: 'golang-migrate dirty', log: 'error: Dirty database version 12. Fix and force version.', min: 0.85 },
    {
      name: 'a Laravel migration adding NOT NULL over existing rows',
      log: '+ php artisan migrate --force\n\n   INFO  Running migrations.\n\n  2024_03_01_000000_add_tenant_to_invoices ........................ 12ms FAIL\n\n   Illuminate\\Database\\QueryException \n\n  SQLSTATE[23502]: Not null violation: 7 ERROR:  column "tenant_id" of relation "invoices" contains null values',
      min: 0.8,
    },
    {
      name: 'a TypeORM CLI migration that fails on existing rows',
      log: 'query: ALTER TABLE "invoice" ADD "tenant_id" uuid NOT NULL\nquery failed: ALTER TABLE "invoice" ADD "tenant_id" uuid NOT NULL\nerror: error: column "tenant_id" of relation "invoice" contains null values\nMigration "AddTenantToInvoice1713791234567" failed, error: column "tenant_id" of relation "invoice" contains null values',
      min: 0.8,
    },
    {
      name: 'a database that was never created',
      log: "** (MyXQL.Error) (1049) (ER_BAD_DB_ERROR) Unknown database 'shop_prod'\n    (ecto_sql 3.11.1) lib/ecto/adapters/sql.ex:1054: Ecto.Adapters.SQL.raise_sql_call_error/1",
      min: 0.6,
      max: 0.75,
    },
    {
      name: 'Flyway finding an applied migration the image does not ship',
      log: 'org.flywaydb.core.api.exception.FlywayValidateException: Validate failed: Migrations have failed validation\nDetected applied migration not resolved locally: 14.\nIf you removed this migration intentionally, run repair to mark the migration as deleted.',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'golang-migrate pointed at a version the image has no file for',
      log: 'error: no migration found for version 20240615090000: read down for version 20240615090000 /migrations: file does not exist',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a Temporal schema setup run again over an existing schema',
      log: '+ temporal-sql-tool --plugin postgres12 --db temporal setup-schema -v 0.0\n2024-05-02T10:00:01.000Z\tERROR\tUnable to setup SQL schema.\t{"error": "pq: relation \\"namespaces\\" already exists"}\nSchema setup FAILED',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a goose migration dropping a table other objects depend on (not Alembic)',
      log: '2024/05/02 10:00:00 OK   00011_add_orders.sql\n2024/05/02 10:00:00 goose run: ERROR 00012_drop_legacy_orders.sql: failed to run SQL migration: ERROR: cannot drop table legacy_orders because other objects depend on it (SQLSTATE 2BP01)',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'a unique index over duplicate rows during a migration run',
      log: 'Running migrations for billing\nERROR:  could not create unique index "ux_customers_email"\nDETAIL:  Key (email)=(a@example.com) is duplicated.',
      exitCode: 1,
      min: 0.7,
    },
    {
      name: 'Play refusing to start on evolutions left half-applied',
      log: "Oops, cannot start the server.\n@8k2f1: Database 'orders' is in an inconsistent state![An evolution has not been applied properly. Please check the problem and resolve it manually before marking it as resolved.]",
      exitCode: 255,
      min: 0.85,
    },
    {
      name: 'a Cassandra schema migration whose column a killed earlier run already added (another tool)',
      log: 'INFO  Applying migration 0007_add_ttl.cql\nERROR Error during migration of script 0007_add_ttl.cql while executing \'ALTER TABLE events ADD ttl int;\'\nCaused by: InvalidRequest: Error from server: code=2200 [Invalid query] message="Invalid column name ttl because it conflicts with an existing column"',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: "Doctrine's status command finding its migrations table in an older layout (sync the metadata first)",
      log: '[entrypoint] Running doctrine:migrations:status\n\nIn DbalMigrator.php line 131:\n\n  The metadata storage is not up to date, please run the sync-metadata-storage command to fix this issue.',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a migration tool whose version table is outdated after a tool upgrade',
      log: 'INFO running migrations\nERROR migration version table is outdated: run `migrate upgrade-table` first',
      exitCode: 1,
      min: 0.85,
    },
  ],
  negatives: [
    {
      name: 'a form validation that a value cannot be set as unique, outside any migration, is the app',
      log: 'ERROR handling request: slug cannot be set as unique for draft posts',
      exitCode: 1,
    },
    {
      name: 'an app query that trips SQLite ALTER limits with no migration running stays out',
      log: 'worker started\nsqlite3.OperationalError: Cannot add a UNIQUE column',
      exitCode: 1,
    },
    {
      name: 'a Laravel migrate run whose PDO connection never opened (no MySQL socket in the container)',
      log: "Running migrations...\n   Illuminate\\Database\\QueryException\n  SQLSTATE[HY000] [2002] No such file or directory (Connection: mysql, SQL: select * from information_schema.tables where table_schema = 'crm')",
      exitCode: 1,
    },
    {
      name: 'a graph library that cannot find a node in a job pipeline is not a missing migration parent',
      log: 'Traceback (most recent call last):\n  File "/app/pipeline.py", line 40, in <module>\n    dag.run()\npipeline.errors.NodeNotFoundError: node \'billing-export\' is not in the graph',
      exitCode: 1,
    },
    {
      name: 'a migration runner whose own failure line says the connection was refused (it never reached the database)',
      log: 'level=info msg="Running migrations" target=latest\nlevel=error msg="migration failed" error="dial tcp 10.96.14.2:5432: connect: connection refused"',
      exitCode: 1,
    },
    {
      name: 'an app inserting a user that already exists (no DDL in the log, not a migration)',
      log: 'fail: Api.Users[0]\n      INSERT INTO "Users" ("Email") VALUES (@p0);\nUnhandled exception. Api.DuplicateUserException: user "ada@example.org" already exists',
      exitCode: 1,
    },
    {
      name: 'Flyway 10 without its database module ("Unsupported Database" is a missing dependency, not a failed migration)',
      log: 'Caused by: org.flywaydb.core.api.FlywayException: Unsupported Database: MySQL 8.0\n\tat org.flywaydb.core.internal.database.DatabaseTypeRegister.getDatabaseTypeForConnection(DatabaseTypeRegister.java:105)',
      exitCode: 1,
    },
    {
      name: "an app's maintenance job running VACUUM in a transaction, with no migration in the log",
      log: 'ERROR jobs.vacuum: nightly maintenance failed\npsycopg2.errors.ActiveSqlTransaction: VACUUM cannot run inside a transaction block',
      exitCode: 1,
    },
    {
      name: "an app's own schema bootstrap outside any migration run failing on a NOT NULL column",
      log: 'Traceback (most recent call last):\n  File "/app/cache/store.py", line 40, in ensure_schema\n    conn.execute("ALTER TABLE entries ADD COLUMN ttl INTEGER NOT NULL")\nsqlite3.OperationalError: Cannot add a NOT NULL column with default value NULL',
      exitCode: 1,
    },
    {
      name: 'a Flyway baseline that succeeded is not a failure',
      log: 'Creating Schema History table "public"."flyway_schema_history" with baseline ...\nSuccessfully baselined schema with version: 1\nSchema "public" is up to date. No migration necessary.',
      exitCode: 1,
    },
    {
      name: 'a data import outside any migration that conflicts with an existing column name',
      log: 'ERROR csv import: header "ttl" conflicts with an existing column of the target sheet\nimport aborted',
      exitCode: 1,
    },
    {
      name: 'a download whose file checksum changed is not an edited migration',
      log: 'ERROR: sha256 check sum mismatch for model.bin: was: 4a7e2d3c but is now: 9b1f0e2d\nabort: download corrupted',
      exitCode: 1,
    },
    {
      name: 'a dependent-objects error from an app query with no migration in sight',
      log: 'ERROR: cannot drop table tmp_report because other objects depend on it\n    at ReportJob.cleanup (/app/src/report.js:88:11)',
    },
    {
      name: 'migrations that report they are not locked and run are not a failure',
      log: 'Migrations are not locked, applying 3 pending migrations\nDone.',
      exitCode: 0,
    },
    {
      name: "a package manager's update that failed is not a database update hook",
      log: 'E: Update failed: some index files failed to download\nE: Some index files failed to download. They have been ignored, or old ones used instead.',
      exitCode: 1,
    },
    {
      name: 'a Liquibase changelog missing from the image is a file, not a failed changeset',
      log: 'ERROR [main] o.s.boot.SpringApplication: Application run failed\nliquibase.exception.ChangeLogParseException: Error parsing classpath:db/changelog/db.changelog-master.yaml: db/changelog/db.changelog-master.yaml does not exist',
      exitCode: 1,
    },
    {
      name: 'a notice that a database upgrade will run is not a failed upgrade',
      log: 'current database version (mandatory/optional): 06000000/06000043\nrequired mandatory version: 06040000\nstarting automatic database upgrade\ncompleted 100% of database upgrade\ndatabase upgrade fully completed',
    },
    {
      name: 'an app reporting pending changes in a cart is not a migration',
      log: 'Error: cart 8812 has pending changes, save them first\n    at checkout (/app/src/cart.js:40:11)',
      exitCode: 1,
    },
    {
      name: 'a runner that skipped a duplicate migration did not fail on it',
      log: 'WARN skipping duplicate migration 0042_add_index (already registered)\nINFO all migrations applied',
      exitCode: 1,
    },
    {
      name: 'a missing index outside any migration run is an app query',
      log: 'panic: ERROR: index "idx_orders_customer" does not exist (SQLSTATE 42704)\ngoroutine 1 [running]:\nmain.main()',
      exitCode: 2,
    },
    {
      name: 'migrations that completed',
      log: 'level=info msg="running db migrations: 42 applied"\nlevel=info msg="Listening on :9999"\nlevel=fatal msg="shutting down: received SIGTERM"',
      exitCode: 1,
    },
    {
      name: 'a download checksum is not a migration checksum',
      log: 'Downloading migrate v4.17.0 ... checksum mismatch for migrate.linux-amd64.tar.gz, retrying',
      exitCode: 1,
    },
    {
      name: 'a data directory lock is not a migration lock',
      log: 'FATAL: could not acquire lock on data directory "/var/lib/app/data": Resource temporarily unavailable',
    },
    {
      name: 'messages delivered out of order are not migrations',
      log: 'WARN consumer received events out of order for partition 3, reordering',
    },
    {
      name: 'a migrator that could not resolve the database host is a DNS failure',
      log: 'info: App[0]\n      Applying EF Core migrations...\nUnhandled exception. System.Net.Sockets.SocketException (00000001, 11): Name or service not known\n   at System.Net.Dns.GetHostAddresses(String hostNameOrAddress, AddressFamily family)\n   at Npgsql.Internal.NpgsqlConnector.Connect(NpgsqlTimeout timeout)\n   at Microsoft.EntityFrameworkCore.Migrations.Internal.Migrator.Migrate(String targetMigration)',
      exitCode: 134,
    },
    {
      name: 'a GraphQL schema that failed to build is not a database schema',
      log: 'Error: Failed to create schema: Unknown type "Order". Did you mean "Orders"?\n    at assertValidSchema (/app/node_modules/graphql/type/validate.js:59:11)',
      exitCode: 1,
    },
    {
      name: 'a NOT NULL violation after migrations were up to date is an app query',
      log: 'Running migrations:\n  No migrations to apply.\nWatching for file changes with StatReloader\ndjango.db.utils.IntegrityError: null value in column "email" of relation "shop_user" violates not-null constraint',
    },
    {
      name: 'a unique violation while serving requests is not a migration',
      log: '** (Postgrex.Error) ERROR 23505 (unique_violation) duplicate key value violates unique constraint "users_email_index"\n    (shop 0.1.0) lib/shop/accounts.ex:40: Shop.Accounts.register/1',
    },
    {
      name: 'a migration that could not take the SQLite lock',
      log: 'logger=migrator level=error msg="Executing migration failed" id="add column x" error="database is locked"\nError: ✗ migration failed (id = add column x): database is locked',
    },
    {
      name: 'a duplicate key at run time is not a migration',
      log: 'ERROR: duplicate key value violates unique constraint "users_pkey"\nINFO request failed with 409',
    },
    {
      name: 'migrations that succeeded',
      log: 'INFO  [alembic.runtime.migration] Running upgrade 1a2b -> 3c4d, add index\nINFO  Application startup complete.',
    },
  ],
});
