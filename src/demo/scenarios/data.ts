/** Failing workloads in namespace `data`: volumes, memory, a scheduled Job and a StatefulSet. */
import { buildWorkload } from '../build-workload.ts';
import type { DemoScenario } from '../types.ts';
import { DAY, HOUR, MINUTE, container, crashEvents, crashLoop } from './helpers.ts';

const NS = 'data';

export const ingestPermission: DemoScenario = {
  id: 'ingest-permission-denied',
  namespace: NS,
  workload: 'ingest-worker',
  expectedCategory: 'permission_denied',
  afterRestart: 'crashes',
  summary: 'Runs as user 1000 and writes to a volume owned by root (no fsGroup).',
  build: (ctx) => {
    const image = 'ghcr.io/acme/ingest-worker:1.9.2';
    return buildWorkload(ctx, {
      kind: 'Deployment',
      namespace: NS,
      name: 'ingest-worker',
      revision: 6,
      rolledOutAgo: 2 * HOUR,
      podSpec: {
        securityContext: { runAsUser: 1000, runAsGroup: 1000, runAsNonRoot: true },
        containers: [
          container({
            name: 'worker',
            image,
            command: ['python', '-m', 'ingest.worker'],
            volumeMounts: [{ name: 'spool', mountPath: '/data/spool' }],
          }),
        ],
        volumes: [{ name: 'spool', persistentVolumeClaim: { claimName: 'ingest-spool' } }],
      },
      statuses: { worker: crashLoop({ exitCode: 1, startedAgo: 3 * MINUTE + 2, finishedAgo: 3 * MINUTE }, 25) },
      events: crashEvents({ container: 'worker', image, restarts: 25, firstAgo: 2 * HOUR }),
      logs: {
        worker: {
          previous: [
            '{{ts}} [INFO] ingest.worker: consumer group ingest-v2 joined, 6 partitions assigned',
            '{{ts}} [INFO] ingest.worker: spooling batch 0001 to /data/spool',
            'Traceback (most recent call last):',
            '  File "/usr/local/lib/python3.12/runpy.py", line 198, in _run_module_as_main',
            '  File "/app/ingest/worker.py", line 77, in <module>',
            '    run()',
            '  File "/app/ingest/worker.py", line 58, in run',
            '    with open(spool_path, "wb") as out:',
            "PermissionError: [Errno 13] Permission denied: '/data/spool/batch-0001.tmp'",
          ],
        },
      },
    });
  },
};

export const reportOom: DemoScenario = {
  id: 'report-builder-oom',
  namespace: NS,
  workload: 'report-builder',
  expectedCategory: 'oom_killed',
  afterRestart: 'crashes',
  summary: 'Killed by the kernel at its 256Mi memory limit; the log is empty.',
  build: (ctx) => {
    const image = 'ghcr.io/acme/report-builder:2.2.0';
    const events = crashEvents({ container: 'report-builder', image, restarts: 6, firstAgo: 70 * MINUTE });
    return buildWorkload(ctx, {
      kind: 'Deployment',
      namespace: NS,
      name: 'report-builder',
      revision: 3,
      rolledOutAgo: 3 * DAY,
      podCreatedAgo: 70 * MINUTE,
      podSpec: {
        containers: [
          container({
            name: 'report-builder',
            image,
            resources: { requests: { cpu: '200m', memory: '128Mi' }, limits: { cpu: '1', memory: '256Mi' } },
          }),
        ],
      },
      statuses: {
        'report-builder': crashLoop(
          { exitCode: 137, reason: 'OOMKilled', startedAgo: 6 * MINUTE, finishedAgo: 5 * MINUTE + 12 },
          6,
        ),
      },
      events,
      logs: { 'report-builder': { previous: [] } },
    });
  },
};

export const etlCrlf: DemoScenario = {
  id: 'etl-crlf-entrypoint',
  namespace: NS,
  workload: 'nightly-etl-29410560',
  expectedCategory: 'script_crlf_line_endings',
  afterRestart: 'crashes',
  summary: 'A CronJob whose entrypoint script was committed with Windows line endings.',
  build: (ctx) => {
    const image = 'ghcr.io/acme/etl:2026.11.2';
    return buildWorkload(ctx, {
      kind: 'Job',
      namespace: NS,
      name: 'nightly-etl-29410560',
      labels: { app: 'nightly-etl' },
      cronJob: { name: 'nightly-etl', schedule: '0 2 * * *' },
      createdAgo: 40 * MINUTE,
      podSpec: {
        initContainers: [
          container({ name: 'fetch-config', image: 'busybox:1.36', command: ['sh', '-c', 'cp /config/* /work/'] }),
        ],
        containers: [container({ name: 'etl', image, command: ['/app/entrypoint.sh'] })],
      },
      statuses: {
        'fetch-config': {
          kind: 'terminated',
          term: { exitCode: 0, startedAgo: 40 * MINUTE - 5, finishedAgo: 40 * MINUTE - 6 },
        },
        etl: crashLoop({ exitCode: 127, startedAgo: 2 * MINUTE, finishedAgo: 2 * MINUTE }, 12),
      },
      events: crashEvents({ container: 'etl', image, restarts: 12, firstAgo: 40 * MINUTE - 7 }),
      logs: {
        etl: {
          previous: [
            "/app/entrypoint.sh: line 2: $'\\r': command not found",
            '/app/entrypoint.sh: line 3: set: -\r: invalid option',
            'set: usage: set [-abefhkmnptuvxBCEHPT] [-o option-name] [--] [- or +o option] [arg ...]',
            "/app/entrypoint.sh: line 5: $'\\r': command not found",
            '/app/entrypoint.sh: line 9: /app/run-etl\r: No such file or directory',
          ],
        },
      },
    });
  },
};

export const postgresDataDir: DemoScenario = {
  id: 'postgres-data-dir',
  namespace: NS,
  workload: 'warehouse-db',
  expectedCategory: 'data_dir_conflict',
  afterRestart: 'crashes',
  summary: 'A StatefulSet mounts its volume at PGDATA; lost+found makes initdb refuse the directory.',
  build: (ctx) => {
    const image = 'postgres:17.2';
    return buildWorkload(ctx, {
      kind: 'StatefulSet',
      namespace: NS,
      name: 'warehouse-db',
      // A new StatefulSet: its first start meets the volume's lost+found.
      createdAgo: 30 * MINUTE,
      podSpec: {
        containers: [
          container({
            name: 'postgres',
            image,
            ports: [{ containerPort: 5432, protocol: 'TCP', name: 'postgres' }],
            env: [
              { name: 'PGDATA', value: '/var/lib/postgresql/data' },
              { name: 'POSTGRES_PASSWORD', valueFrom: { secretKeyRef: { name: 'warehouse-db', key: 'password' } } },
            ],
            volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }],
            resources: { requests: { cpu: '500m', memory: '1Gi' }, limits: { memory: '2Gi' } },
          }),
        ],
      },
      statuses: { postgres: crashLoop({ exitCode: 1, startedAgo: 100, finishedAgo: 99 }, 9) },
      events: crashEvents({ container: 'postgres', image, restarts: 9, firstAgo: 30 * MINUTE }),
      logs: {
        postgres: {
          previous: [
            'The files belonging to this database system will be owned by user "postgres".',
            'This user must also own the server process.',
            '',
            'The database cluster will be initialized with locale "en_US.utf8".',
            'The default database encoding has accordingly been set to "UTF8".',
            'The default text search configuration will be set to "english".',
            '',
            'Data page checksums are disabled.',
            '',
            'initdb: error: directory "/var/lib/postgresql/data" exists but is not empty',
            'initdb: detail: It contains a lost+found directory, perhaps due to it being a mount point.',
            'initdb: hint: Using a mount point directly as the data directory is not recommended.',
            'Create a subdirectory under the mount point.',
          ],
        },
      },
    });
  },
};
