/**
 * The hostless connection URL of missing-env-var-empty-hosts.ts: a setting printed as "redis://",
 * "amqp://" or "redis://:6379" (a URL built around an unset host variable), followed by the client's
 * refusal on its localhost default. A URL with a host, even a wrong one, stays dependency_unreachable.
 */
import { missingEnvVar } from '../../../src/diagnosis/rules/missing-env-var.ts';
import { ruleTable } from './helpers.ts';

ruleTable(missingEnvVar, 'missing_env_var', {
  positives: [
    {
      name: 'a Frappe worker whose common_site_config has redis_queue "redis://" (configurator Job lacked REDIS_QUEUE)',
      log: [
        '{',
        ' "redis_cache": "redis://redis-cache.erp.svc.cluster.local:6379",',
        ' "redis_queue": "redis://",',
        ' "socketio_port": 9000',
        '}',
        'ConnectionRefusedError: [Errno 111] Connection refused',
        'redis.exceptions.ConnectionError: Error 111 connecting to localhost:6379. Connection refused.',
      ].join('\n'),
      exitCode: 1,
      min: 0.65,
    },
    {
      name: 'a Go consumer that printed BROKER_URL=amqp:// and then dialled the loopback default',
      log: [
        '2024-05-02T10:00:01Z INFO  settings loaded: BROKER_URL=amqp:// QUEUE=invoices PREFETCH=20',
        '2024-05-02T10:00:01Z FATAL broker connect failed: dial tcp 127.0.0.1:5672: connect: connection refused',
      ].join('\n'),
      exitCode: 1,
      min: 0.65,
    },
    {
      name: 'a Celery worker whose env dump shows CELERY_BROKER_URL=redis://:6379/0 (host variable empty)',
      log: [
        'CELERY_BROKER_URL=redis://:6379/0',
        '[2024-05-02 10:00:01,118: ERROR/MainProcess] consumer: Cannot connect to redis://localhost:6379/0: Error 111 connecting to localhost:6379. Connection refused..',
      ].join('\n'),
      exitCode: 1,
      min: 0.65,
    },
  ],
  negatives: [
    {
      name: 'a URL with a host that refuses is the dependency, not an empty variable',
      log: [
        ' "redis_queue": "redis://redis-queue.erp.svc.cluster.local:6379",',
        'redis.exceptions.ConnectionError: Error 111 connecting to redis-queue.erp.svc.cluster.local:6379. Connection refused.',
      ].join('\n'),
      exitCode: 1,
    },
  ],
});
