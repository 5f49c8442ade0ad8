/** Failing workloads in namespace `shop` whose logs say what went wrong. */
import { buildWorkload } from '../build-workload.ts';
import type { DemoScenario } from '../types.ts';
import { DAY, HOUR, MINUTE, container, crashEvents, crashLoop, httpProbe } from './helpers.ts';

const NS = 'shop';

export const checkoutMissingEnv: DemoScenario = {
  id: 'checkout-missing-env',
  namespace: NS,
  workload: 'checkout',
  expectedCategory: 'missing_env_var',
  afterRestart: 'crashes',
  summary: 'Node service exits at start-up: STRIPE_API_KEY is not set.',
  build: (ctx) => {
    const image = 'ghcr.io/acme/checkout:3.8.1';
    return buildWorkload(ctx, {
      kind: 'Deployment',
      namespace: NS,
      name: 'checkout',
      revision: 12,
      rolledOutAgo: 2 * DAY,
      podCreatedAgo: 40 * MINUTE,
      podSpec: {
        containers: [
          container({
            name: 'checkout',
            image,
            ports: [{ containerPort: 8080, protocol: 'TCP', name: 'http' }],
            env: [
              { name: 'NODE_ENV', value: 'production' },
              { name: 'PORT', value: '8080' },
              { name: 'ORDERS_URL', value: 'http://orders-api.shop.svc:8080' },
            ],
            readinessProbe: httpProbe('/ready', 8080),
          }),
        ],
      },
      statuses: { checkout: crashLoop({ exitCode: 1, startedAgo: 3 * MINUTE + 2, finishedAgo: 3 * MINUTE }, 11) },
      events: crashEvents({ container: 'checkout', image, restarts: 11, firstAgo: 40 * MINUTE }),
      logs: {
        checkout: {
          previous: [
            '{"level":30,"time":"{{ts}}","pid":1,"hostname":"checkout","msg":"loading configuration","env":"production"}',
            '{"level":60,"time":"{{ts}}","pid":1,"hostname":"checkout","msg":"invalid configuration","err":{"type":"Error","message":"Missing required environment variable: STRIPE_API_KEY","stack":"Error: Missing required environment variable: STRIPE_API_KEY\\n    at requireEnv (/app/dist/config.js:14:11)\\n    at Object.<anonymous> (/app/dist/config.js:31:19)\\n    at Module._compile (node:internal/modules/cjs/loader:1554:14)"}}',
            'Error: Missing required environment variable: STRIPE_API_KEY',
            '    at requireEnv (/app/dist/config.js:14:11)',
            '    at Object.<anonymous> (/app/dist/config.js:31:19)',
            '    at Module._compile (node:internal/modules/cjs/loader:1554:14)',
            '    at Object..js (node:internal/modules/cjs/loader:1706:10)',
            '    at Module.load (node:internal/modules/cjs/loader:1289:32)',
            '',
            'Node.js v22.14.0',
          ],
        },
      },
    });
  },
};

export const cartMissingModule: DemoScenario = {
  id: 'cart-missing-module',
  namespace: NS,
  workload: 'cart',
  expectedCategory: 'missing_dependency',
  afterRestart: 'crashes',
  summary: "Node service cannot find the module 'ioredis' (a devDependency at build time).",
  build: (ctx) => {
    const image = 'ghcr.io/acme/cart:1.22.0';
    return buildWorkload(ctx, {
      kind: 'Deployment',
      namespace: NS,
      name: 'cart',
      revision: 4,
      replicas: 2,
      rolledOutAgo: 5 * HOUR,
      podSpec: {
        containers: [
          container({
            name: 'cart',
            image,
            command: ['node', 'server.js'],
            ports: [{ containerPort: 3000, protocol: 'TCP' }],
            env: [{ name: 'REDIS_URL', value: 'redis://cart-redis.shop.svc:6379' }],
          }),
        ],
      },
      statuses: { cart: crashLoop({ exitCode: 1, startedAgo: 2 * MINUTE + 1, finishedAgo: 2 * MINUTE }, 61) },
      events: crashEvents({ container: 'cart', image, restarts: 61, firstAgo: 5 * HOUR }),
      logs: {
        cart: {
          previous: [
            'node:internal/modules/cjs/loader:1228',
            '  throw err;',
            '  ^',
            '',
            "Error: Cannot find module 'ioredis'",
            'Require stack:',
            '- /usr/src/app/lib/cache.js',
            '- /usr/src/app/server.js',
            '    at Module._resolveFilename (node:internal/modules/cjs/loader:1225:15)',
            '    at Module._load (node:internal/modules/cjs/loader:1051:27)',
            '    at Module.require (node:internal/modules/cjs/loader:1311:19)',
            '    at require (node:internal/modules/helpers:179:18)',
            '    at Object.<anonymous> (/usr/src/app/lib/cache.js:3:15)',
            '    at Module._compile (node:internal/modules/cjs/loader:1469:14) {',
            "  code: 'MODULE_NOT_FOUND',",
            "  requireStack: [ '/usr/src/app/lib/cache.js', '/usr/src/app/server.js' ]",
            '}',
            '',
            'Node.js v20.18.1',
          ],
        },
      },
    });
  },
};

export const storefrontNginxConfig: DemoScenario = {
  id: 'storefront-nginx-config',
  namespace: NS,
  workload: 'storefront',
  expectedCategory: 'bad_config',
  afterRestart: 'crashes',
  summary: 'nginx refuses its config: a typo in a directive in the mounted ConfigMap.',
  build: (ctx) => {
    const image = 'nginx:1.27.3-alpine';
    return buildWorkload(ctx, {
      kind: 'Deployment',
      namespace: NS,
      name: 'storefront',
      revision: 9,
      rolledOutAgo: 25 * MINUTE,
      podSpec: {
        containers: [
          container({
            name: 'nginx',
            image,
            ports: [{ containerPort: 80, protocol: 'TCP' }],
            volumeMounts: [{ name: 'conf', mountPath: '/etc/nginx/conf.d', readOnly: true }],
          }),
        ],
        volumes: [{ name: 'conf', configMap: { name: 'storefront-nginx', defaultMode: 420 } }],
      },
      statuses: { nginx: crashLoop({ exitCode: 1, startedAgo: 90, finishedAgo: 90 }, 9) },
      events: crashEvents({ container: 'nginx', image, restarts: 9, firstAgo: 25 * MINUTE }),
      logs: {
        nginx: {
          previous: [
            '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
            '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
            '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
            '10-listen-on-ipv6-by-default.sh: info: /etc/nginx/conf.d/default.conf is not a file or does not exist',
            '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
            '/docker-entrypoint.sh: Configuration complete; ready for start up',
            '{{ts:plain}} [emerg] 1#1: unknown directive "proxy_passs" in /etc/nginx/conf.d/storefront.conf:14',
            'nginx: [emerg] unknown directive "proxy_passs" in /etc/nginx/conf.d/storefront.conf:14',
          ],
        },
      },
    });
  },
};

export const searchReadOnly: DemoScenario = {
  id: 'search-read-only-fs',
  namespace: NS,
  workload: 'search-api',
  expectedCategory: 'read_only_filesystem',
  afterRestart: 'crashes',
  summary: 'Python service writes its index cache under /app on a read-only root filesystem.',
  build: (ctx) => {
    const image = 'ghcr.io/acme/search-api:0.9.4';
    return buildWorkload(ctx, {
      kind: 'Deployment',
      namespace: NS,
      name: 'search-api',
      revision: 3,
      rolledOutAgo: 3 * HOUR,
      podSpec: {
        securityContext: { runAsNonRoot: true, runAsUser: 10001, fsGroup: 10001 },
        containers: [
          container({
            name: 'search-api',
            image,
            command: ['gunicorn', 'search.app:app', '--bind', '0.0.0.0:8000'],
            ports: [{ containerPort: 8000, protocol: 'TCP' }],
            securityContext: {
              readOnlyRootFilesystem: true,
              allowPrivilegeEscalation: false,
              capabilities: { drop: ['ALL'] },
            },
            volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
          }),
        ],
        volumes: [{ name: 'tmp', emptyDir: {} }],
      },
      statuses: { 'search-api': crashLoop({ exitCode: 3, startedAgo: 4 * MINUTE + 3, finishedAgo: 4 * MINUTE }, 36) },
      events: crashEvents({ container: 'search-api', image, restarts: 36, firstAgo: 3 * HOUR }),
      logs: {
        'search-api': {
          previous: [
            '[{{ts}}] [1] [INFO] Starting gunicorn 23.0.0',
            '[{{ts}}] [1] [INFO] Listening at: http://0.0.0.0:8000 (1)',
            '[{{ts}}] [1] [INFO] Using worker: sync',
            '[{{ts}}] [7] [INFO] Booting worker with pid: 7',
            '[{{ts}}] [7] [ERROR] Exception in worker process',
            'Traceback (most recent call last):',
            '  File "/usr/local/lib/python3.12/site-packages/gunicorn/arbiter.py", line 608, in spawn_worker',
            '    worker.init_process()',
            '  File "/app/search/app.py", line 12, in <module>',
            '    index = IndexCache(path="/app/cache/index")',
            '  File "/app/search/cache.py", line 41, in __init__',
            '    os.makedirs(path, exist_ok=True)',
            '  File "<frozen os>", line 225, in makedirs',
            "OSError: [Errno 30] Read-only file system: '/app/cache'",
            '[{{ts}}] [7] [INFO] Worker exiting (pid: 7)',
            '[{{ts}}] [1] [ERROR] Worker (pid:7) exited with code 3',
            '[{{ts}}] [1] [ERROR] Shutting down: Master',
            '[{{ts}}] [1] [ERROR] Reason: Worker failed to boot.',
          ],
        },
      },
    });
  },
};
