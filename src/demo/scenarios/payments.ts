/** Failing workloads in namespace `payments`. */
import { buildWorkload } from '../build-workload.ts';
import type { DemoScenario } from '../types.ts';
import { DAY, HOUR, MINUTE, container, crashEvents, crashLoop } from './helpers.ts';

const NS = 'payments';

export const ledgerDns: DemoScenario = {
  id: 'ledger-dns-failure',
  namespace: NS,
  workload: 'ledger',
  expectedCategory: 'dns_resolution_failure',
  afterRestart: 'crashes',
  summary: 'Python service points at a database Service name that does not exist.',
  build: (ctx) => {
    const image = 'ghcr.io/acme/ledger:4.1.0';
    return buildWorkload(ctx, {
      kind: 'Deployment',
      namespace: NS,
      name: 'ledger',
      revision: 31,
      rolledOutAgo: 90 * MINUTE,
      podSpec: {
        containers: [
          container({
            name: 'ledger',
            image,
            env: [
              { name: 'DB_HOST', value: 'ledger-postgres' },
              { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'ledger-db', key: 'password' } } },
            ],
          }),
        ],
      },
      statuses: { ledger: crashLoop({ exitCode: 1, startedAgo: 3 * MINUTE + 5, finishedAgo: 3 * MINUTE }, 17) },
      events: crashEvents({ container: 'ledger', image, restarts: 17, firstAgo: 90 * MINUTE }),
      logs: {
        ledger: {
          previous: [
            '{{ts}} INFO  ledger.main: starting ledger 4.1.0',
            '{{ts}} INFO  ledger.db: connecting to postgresql://ledger@ledger-postgres:5432/ledger',
            'Traceback (most recent call last):',
            '  File "/app/ledger/main.py", line 44, in <module>',
            '    main()',
            '  File "/app/ledger/main.py", line 31, in main',
            '    pool = db.connect(settings.database_url)',
            '  File "/app/ledger/db.py", line 18, in connect',
            '    return psycopg2.pool.ThreadedConnectionPool(1, 10, dsn)',
            '  File "/usr/local/lib/python3.11/site-packages/psycopg2/__init__.py", line 122, in connect',
            '    conn = _connect(dsn, connection_factory=connection_factory, **kwasync)',
            'psycopg2.OperationalError: could not translate host name "ledger-postgres" to address: Name or service not known',
          ],
        },
      },
    });
  },
};

export const fraudConnectionRefused: DemoScenario = {
  id: 'fraud-scorer-connection-refused',
  namespace: NS,
  workload: 'fraud-scorer',
  expectedCategory: 'dependency_unreachable',
  // The Redis it needs came back: a restart brings it up healthy (the follow-up flow's happy path).
  afterRestart: 'healthy',
  summary: 'Node service connects to Redis on localhost, where nothing listens.',
  build: (ctx) => {
    const image = 'ghcr.io/acme/fraud-scorer:0.31.0';
    return buildWorkload(ctx, {
      kind: 'Deployment',
      namespace: NS,
      name: 'fraud-scorer',
      revision: 5,
      rolledOutAgo: 6 * HOUR,
      podSpec: {
        containers: [
          container({
            name: 'scorer',
            image,
            env: [
              { name: 'REDIS_HOST', value: '127.0.0.1' },
              { name: 'REDIS_PORT', value: '6379' },
            ],
          }),
        ],
      },
      statuses: { scorer: crashLoop({ exitCode: 1, startedAgo: 4 * MINUTE + 10, finishedAgo: 4 * MINUTE }, 52) },
      events: crashEvents({ container: 'scorer', image, restarts: 52, firstAgo: 6 * HOUR }),
      logs: {
        scorer: {
          previous: [
            '{"level":"info","time":"{{ts}}","msg":"fraud-scorer 0.31.0 starting","port":8080}',
            '{"level":"warn","time":"{{ts}}","msg":"redis connection attempt failed, retrying","attempt":1}',
            '{"level":"warn","time":"{{ts}}","msg":"redis connection attempt failed, retrying","attempt":2}',
            '{"level":"error","time":"{{ts}}","msg":"cannot reach redis, giving up","err":"connect ECONNREFUSED 127.0.0.1:6379"}',
            'Error: connect ECONNREFUSED 127.0.0.1:6379',
            '    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1610:16) {',
            '  errno: -111,',
            "  code: 'ECONNREFUSED',",
            "  syscall: 'connect',",
            "  address: '127.0.0.1',",
            '  port: 6379',
            '}',
          ],
        },
      },
    });
  },
};

export const notifierMissingKey: DemoScenario = {
  id: 'notifier-missing-configmap-key',
  namespace: NS,
  workload: 'notifier',
  expectedCategory: 'missing_config_reference',
  afterRestart: 'crashes',
  summary: 'An env var comes from a ConfigMap key that does not exist: the container never starts.',
  build: (ctx) => {
    const image = 'ghcr.io/acme/notifier:2.0.3';
    const fieldPath = 'spec.containers{notifier}';
    const message = "couldn't find key SMTP_HOST in ConfigMap payments/notifier-config";
    return buildWorkload(ctx, {
      kind: 'Deployment',
      namespace: NS,
      name: 'notifier',
      revision: 8,
      rolledOutAgo: 18 * MINUTE,
      podSpec: {
        containers: [
          container({
            name: 'notifier',
            image,
            env: [
              { name: 'SMTP_HOST', valueFrom: { configMapKeyRef: { name: 'notifier-config', key: 'SMTP_HOST' } } },
              { name: 'SMTP_PASSWORD', valueFrom: { secretKeyRef: { name: 'notifier-smtp', key: 'password' } } },
            ],
            envFrom: [{ configMapRef: { name: 'notifier-defaults', optional: true } }],
          }),
        ],
      },
      statuses: { notifier: { kind: 'waiting', reason: 'CreateContainerConfigError', message } },
      events: [
        {
          reason: 'Scheduled',
          message: 'Successfully assigned to node-amd64-1',
          firstAgo: 18 * MINUTE,
          component: 'default-scheduler',
        },
        {
          reason: 'Pulled',
          message: `Container image "${image}" already present on machine`,
          count: 83,
          firstAgo: 18 * MINUTE,
          lastAgo: 8,
          fieldPath,
        },
        {
          reason: 'Failed',
          type: 'Warning',
          message: `Error: ${message}`,
          count: 83,
          firstAgo: 18 * MINUTE,
          lastAgo: 8,
          fieldPath,
        },
      ],
    });
  },
};

export const accountsMigration: DemoScenario = {
  id: 'accounts-init-migration',
  namespace: NS,
  workload: 'accounts-api',
  // The init container's own log names the precise cause (a unique index over duplicate rows), which
  // outranks the init-container finding by design; that finding stays among the alternatives.
  expectedCategory: 'db_migration_failure',
  expectedAlternative: 'init_container_failure',
  afterRestart: 'crashes',
  summary: 'The init container runs database migrations and fails on duplicate rows: the app never starts.',
  build: (ctx) => {
    const image = 'ghcr.io/acme/accounts-api:7.3.0';
    return buildWorkload(ctx, {
      kind: 'Deployment',
      namespace: NS,
      name: 'accounts-api',
      revision: 44,
      rolledOutAgo: 35 * MINUTE,
      createdAgo: 400 * DAY,
      podSpec: {
        initContainers: [container({ name: 'migrate', image, command: ['alembic', 'upgrade', 'head'] })],
        containers: [container({ name: 'accounts-api', image, ports: [{ containerPort: 8000, protocol: 'TCP' }] })],
      },
      statuses: {
        migrate: crashLoop({ exitCode: 1, startedAgo: 2 * MINUTE + 6, finishedAgo: 2 * MINUTE }, 10),
        'accounts-api': { kind: 'waiting', reason: 'PodInitializing' },
      },
      events: crashEvents({ container: 'migrate', image, restarts: 10, firstAgo: 35 * MINUTE, init: true }),
      logs: {
        migrate: {
          previous: [
            'INFO  [alembic.runtime.migration] Context impl PostgresqlImpl.',
            'INFO  [alembic.runtime.migration] Will assume transactional DDL.',
            'INFO  [alembic.runtime.migration] Running upgrade 3c1f2a9d7e10 -> 8b2e4d6f1a33, add unique index on accounts.email',
            'Traceback (most recent call last):',
            '  File "/usr/local/lib/python3.12/site-packages/sqlalchemy/engine/base.py", line 1967, in _exec_single_context',
            '    self.dialect.do_execute(',
            'psycopg2.errors.UniqueViolation: could not create unique index "ix_accounts_email"',
            'DETAIL:  Key (email)=(ops@acme.example) is duplicated.',
            '',
            'The above exception was the direct cause of the following exception:',
            '',
            'sqlalchemy.exc.IntegrityError: (psycopg2.errors.UniqueViolation) could not create unique index "ix_accounts_email"',
            'DETAIL:  Key (email)=(ops@acme.example) is duplicated.',
            '[SQL: CREATE UNIQUE INDEX ix_accounts_email ON accounts (email)]',
            'FAILED: alembic upgrade head: migration 8b2e4d6f1a33 failed',
          ],
        },
      },
    });
  },
};
