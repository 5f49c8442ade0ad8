/**
 * Extra cases in the style of public.json (compose prefixes, timestamps, wrapper noise, several
 * runtimes), written independently of it: a check that the rules generalise beyond the public set.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { classifyText } from '../../src/diagnosis/engine.ts';
import type { CategoryId } from '../../src/diagnosis/taxonomy.ts';

interface Extra {
  id: string;
  log: string;
  exit?: number | null;
  reason?: string | null;
  message?: string;
  expect: CategoryId;
}

const CASES: Extra[] = [
  {
    id: 'keycloak-db-password-rotated',
    expect: 'auth_failure',
    log: 'keycloak-1  | 2024-02-01 10:00:01,000 WARN  [io.agroal.pool] Datasource \'<default>\': FATAL: password authentication failed for user "keycloak"\nkeycloak-1  | 2024-02-01 10:00:01,002 ERROR [org.keycloak.quarkus.runtime.cli.ExecutionExceptionHandler] ERROR: Failed to start server in (production) mode\nkeycloak-1  | 2024-02-01 10:00:01,002 ERROR [org.keycloak.quarkus.runtime.cli.ExecutionExceptionHandler] ERROR: FATAL: password authentication failed for user "keycloak"',
  },
  {
    id: 'uvicorn-bad-app-target',
    expect: 'bad_command_args',
    log: 'api_1  | ERROR:    Error loading ASGI app. Could not import module "main".',
  },
  {
    id: 'mysql-dir-not-empty',
    expect: 'data_dir_conflict',
    log: '2024-03-03T10:00:00.000000Z 0 [System] [MY-013169] [Server] /usr/sbin/mysqld (mysqld 8.0.36) initializing of server in progress as process 80\n2024-03-03T10:00:00.000000Z 0 [ERROR] [MY-010457] [Server] --initialize specified but the data directory has files in it. Aborting.\n2024-03-03T10:00:00.000000Z 0 [ERROR] [MY-013236] [Server] The designated data directory /var/lib/mysql/ is unusable. You can remove all files that the server added to it.',
  },
  {
    id: 'nginx-upstream-compose-name',
    expect: 'dns_resolution_failure',
    log: '/docker-entrypoint.sh: Configuration complete; ready for start up\n2024/01/01 10:00:00 [emerg] 1#1: host not found in upstream "php-fpm:9000" in /etc/nginx/conf.d/default.conf:21\nnginx: [emerg] host not found in upstream "php-fpm:9000" in /etc/nginx/conf.d/default.conf:21',
  },
  {
    id: 'python-redis-refused-service',
    expect: 'dependency_unreachable',
    exit: 1,
    log: 'Traceback (most recent call last):\n  File "/usr/local/lib/python3.12/site-packages/redis/connection.py", line 357, in connect\n    sock = self.retry.call_with_retry(\nredis.exceptions.ConnectionError: Error 111 connecting to redis-master:6379. Connection refused.',
  },
  {
    id: 'spring-env-placeholder',
    expect: 'missing_env_var',
    log:
      "Caused by: java.lang.IllegalArgumentException: Could not resolve placeholder 'STRIPE_API_KEY' in value \"$" +
      '{STRIPE_API_KEY}"\n\tat org.springframework.util.PropertyPlaceholderHelper.parseStringValue(PropertyPlaceholderHelper.java:180)',
  },
  {
    id: 'prisma-failed-migration',
    expect: 'db_migration_failure',
    log: 'Prisma schema loaded from prisma/schema.prisma\nDatasource "db": PostgreSQL database "app", schema "public" at "postgres:5432"\n\n3 migrations found in prisma/migrations\n\nError: P3009\n\nmigrate found failed migrations in the target database, new migrations will not be applied.',
  },
  {
    id: 'alpine-glibc-binary',
    expect: 'missing_shared_library',
    log: 'Error relocating /usr/local/bin/node_exporter: __vfprintf_chk: symbol not found\nError relocating /usr/local/bin/node_exporter: __sprintf_chk: symbol not found',
  },
  {
    id: 'gradle-built-for-java-21',
    expect: 'runtime_version_mismatch',
    log: 'Error: A JNI error has occurred, please check your installation and try again\nException in thread "main" java.lang.UnsupportedClassVersionError: com/acme/Main has been compiled by a more recent version of the Java Runtime (class file version 65.0), this version of the Java Runtime only recognizes class file versions up to 61.0',
  },
  {
    id: 'jvm-heap-batch',
    expect: 'heap_out_of_memory',
    exit: 1,
    log: '12:00:01.000 [main] INFO  c.a.Batch - loading 4000000 rows\nException in thread "main" java.lang.OutOfMemoryError: Java heap space\n\tat java.base/java.util.ArrayList.grow(ArrayList.java:237)\n\tat com.acme.Batch.load(Batch.java:88)',
  },
  {
    id: 'redis-oom-silent',
    expect: 'oom_killed',
    exit: 137,
    reason: 'OOMKilled',
    log: '1:M 01 Jan 2024 10:00:00.000 * Ready to accept connections tcp\n1:M 01 Jan 2024 10:05:00.000 * 10000 changes in 60 seconds. Saving...',
  },
  {
    id: 'grafana-volume-perms',
    expect: 'permission_denied',
    log: "GF_PATHS_DATA='/var/lib/grafana' is not writable.\nYou may have issues with file permissions, more information here: http://docs.grafana.org/installation/docker/#migrate-to-v51-or-later\nmkdir: can't create directory '/var/lib/grafana/plugins': Permission denied",
  },
  {
    id: 'nginx-nonroot-80',
    expect: 'permission_denied',
    log: '2024/01/01 00:00:00 [emerg] 1#1: bind() to 0.0.0.0:80 failed (13: Permission denied)\nnginx: [emerg] bind() to 0.0.0.0:80 failed (13: Permission denied)',
  },
  {
    id: 'node-port-taken-sidecar',
    expect: 'port_in_use',
    log: "web-1  | Error: listen EADDRINUSE: address already in use 0.0.0.0:8080\nweb-1  |     at Server.setupListenHandle [as _listen2] (node:net:1817:16)\nweb-1  |   code: 'EADDRINUSE',",
  },
  {
    id: 'rails-readonly-tmp',
    expect: 'read_only_filesystem',
    log: "/usr/local/bundle/gems/bootsnap-1.17.0/lib/bootsnap/compile_cache/iseq.rb:18:in `initialize': Read-only file system @ rb_sysopen - /app/tmp/cache/bootsnap/compile-cache-iseq/00/1a (Errno::EROFS)",
  },
  {
    id: 'python-requests-corp-ca',
    expect: 'tls_certificate_error',
    log: 'urllib3.exceptions.SSLError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self-signed certificate in certificate chain (_ssl.c:1000)',
  },
  {
    id: 'es-max-map-count',
    expect: 'host_kernel_limit',
    exit: 78,
    log: '{"@timestamp":"2024-01-01T00:00:00.000Z", "log.level":"ERROR", "message":"node validation exception\\n[1] bootstrap checks failed. You must address the points described in the following [1] lines before starting Elasticsearch.\\nbootstrap check failure [1] of [1]: max virtual memory areas vm.max_map_count [65530] is too low, increase to at least [262144]", "ecs.version": "1.2.0","service.name":"ES_ECS"}',
  },
  {
    id: 'wkhtmltopdf-segv',
    expect: 'segfault',
    exit: 139,
    log: 'Loading page (1/2)\n/app/render.sh: line 3:    12 Segmentation fault      (core dumped) wkhtmltopdf "$@"',
  },
  {
    id: 'entrypoint-crlf-bash',
    expect: 'script_crlf_line_endings',
    exit: 127,
    log: "app_1  | /usr/bin/env: 'bash\r': No such file or directory",
  },
  {
    id: 'go-panic-index',
    expect: 'app_bug',
    exit: 2,
    log: 'panic: runtime error: index out of range [5] with length 5\n\ngoroutine 1 [running]:\nmain.parseArgs(...)\n\t/src/cmd/server/main.go:31\nmain.main()\n\t/src/cmd/server/main.go:12 +0x1d4',
  },
  {
    id: 'php-missing-vendor',
    expect: 'missing_dependency',
    log: "PHP Warning:  require_once(/var/www/html/vendor/autoload.php): Failed to open stream: No such file or directory in /var/www/html/public/index.php on line 5\nPHP Fatal error:  Uncaught Error: Failed opening required '/var/www/html/vendor/autoload.php' (include_path='.:/usr/local/lib/php') in /var/www/html/public/index.php:5",
  },
  {
    id: 'java-jar-path-wrong',
    expect: 'missing_file',
    exit: 1,
    log: 'Picked up JAVA_TOOL_OPTIONS: -XX:MaxRAMPercentage=75\nError: Unable to access jarfile /app/target/app-1.0.jar',
  },
  {
    id: 'distroless-no-shell',
    expect: 'command_not_found',
    exit: 128,
    reason: 'StartError',
    message:
      'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "/bin/sh": stat /bin/sh: no such file or directory: unknown',
    log: '',
  },
  {
    id: 'pg-15-data-16-image',
    expect: 'data_version_incompatible',
    log: 'PostgreSQL Database directory appears to contain a database; Skipping initialization\n\n2024-01-01 00:00:00.000 UTC [1] FATAL:  database files are incompatible with server\n2024-01-01 00:00:00.000 UTC [1] DETAIL:  The data directory was initialized by PostgreSQL version 15, which is not compatible with this version 16.1.',
  },
  {
    id: 'logstash-disk-full',
    expect: 'disk_full',
    log: '[2024-01-01T00:00:00,000][FATAL][logstash.runner] An unexpected error occurred! {:error=>#<Errno::ENOSPC: No space left on device - /usr/share/logstash/data/queue/main/page.12>}',
  },
  {
    id: 'arm-node-amd64-image',
    expect: 'exec_format_error',
    reason: 'CrashLoopBackOff',
    log: 'exec /usr/bin/dumb-init: exec format error',
  },
  {
    id: 'chmod-missing-entrypoint',
    expect: 'exec_permission_denied',
    exit: 126,
    log: '/bin/sh: 1: /app/docker-entrypoint.sh: Permission denied',
  },
  {
    id: 'argparse-missing-required',
    expect: 'bad_command_args',
    exit: 2,
    log: 'usage: exporter.py [-h] --url URL [--interval INTERVAL]\nexporter.py: error: the following arguments are required: --url',
  },
  {
    id: 'nginx-bad-directive',
    expect: 'bad_config',
    exit: 1,
    log: '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh\n2024/01/01 00:00:00 [emerg] 1#1: invalid number of arguments in "proxy_pass" directive in /etc/nginx/conf.d/default.conf:9',
  },
  {
    id: 'node-env-throw',
    expect: 'missing_env_var',
    exit: 1,
    log:
      '> api@1.0.0 start\n> node dist/index.js\n\n/app/dist/config.js:12\n        throw new Error(`Missing required environment variable: $' +
      '{name}`);\n        ^\n\nError: Missing required environment variable: DATABASE_URL\n    at required (/app/dist/config.js:12:15)',
  },
];

describe('extra public-style cases', () => {
  for (const c of CASES) {
    test(`${c.id} -> ${c.expect}`, () => {
      const result = classifyText({
        log: c.log,
        exitCode: c.exit ?? null,
        reason: c.reason ?? null,
        message: c.message ?? null,
      });
      assert.equal(
        result.best.category,
        c.expect,
        `${result.best.title} (${result.best.confidence}); alternatives ${result.alternatives.map((a) => a.category).join(', ')}`,
      );
    });
  }
});
