/** Failing workloads in namespace `shop` whose cause is in the status, the events, the node or the rollout. */
import { buildWorkload } from '../build-workload.ts';
import type { DemoScenario } from '../types.ts';
import { HOUR, MINUTE, container, crashEvents, crashLoop, httpProbe } from './helpers.ts';

const NS = 'shop';

export const recommendationsLiveness: DemoScenario = {
  id: 'recommendations-liveness',
  namespace: NS,
  workload: 'recommendations',
  expectedCategory: 'probe_failure',
  afterRestart: 'crashes',
  summary: 'JVM service is healthy but slow to start; the liveness probe kills it before it listens.',
  build: (ctx) => {
    const image = 'ghcr.io/acme/recommendations:5.2.0';
    const events = crashEvents({ container: 'recommendations', image, restarts: 7, firstAgo: 50 * MINUTE });
    events.push(
      {
        reason: 'Unhealthy',
        type: 'Warning',
        message:
          'Liveness probe failed: Get "http://10.244.1.17:8080/actuator/health/liveness": dial tcp 10.244.1.17:8080: connect: connection refused',
        count: 24,
        firstAgo: 49 * MINUTE,
        lastAgo: 2 * MINUTE,
        fieldPath: 'spec.containers{recommendations}',
      },
      {
        reason: 'Killing',
        message: 'Container recommendations failed liveness probe, will be restarted',
        count: 8,
        firstAgo: 48 * MINUTE,
        lastAgo: 2 * MINUTE,
        fieldPath: 'spec.containers{recommendations}',
      },
    );
    return buildWorkload(ctx, {
      kind: 'Deployment',
      namespace: NS,
      name: 'recommendations',
      revision: 21,
      rolledOutAgo: 55 * MINUTE,
      podSpec: {
        containers: [
          container({
            name: 'recommendations',
            image,
            ports: [{ containerPort: 8080, protocol: 'TCP' }],
            resources: { requests: { cpu: '250m', memory: '768Mi' }, limits: { memory: '1Gi' } },
            livenessProbe: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 5, periodSeconds: 5 }),
            readinessProbe: httpProbe('/actuator/health/readiness', 8080),
          }),
        ],
      },
      statuses: {
        recommendations: crashLoop({ exitCode: 143, startedAgo: 2 * MINUTE + 25, finishedAgo: 2 * MINUTE }, 7),
      },
      events,
      logs: {
        recommendations: {
          previous: [
            '  .   ____          _            __ _ _',
            " /\\\\ / ___'_ __ _ _(_)_ __  __ _ \\ \\ \\ \\",
            ' :: Spring Boot ::                (v3.3.5)',
            '{{ts}}  INFO 1 --- [recommendations] [           main] c.a.r.RecommendationsApplication         : Starting RecommendationsApplication v5.2.0 using Java 21.0.5 with PID 1',
            '{{ts}}  INFO 1 --- [recommendations] [           main] c.a.r.RecommendationsApplication         : The following 1 profile is active: "prod"',
            '{{ts}}  INFO 1 --- [recommendations] [           main] .s.d.r.c.RepositoryConfigurationDelegate : Bootstrapping Spring Data JPA repositories in DEFAULT mode.',
            '{{ts}}  INFO 1 --- [recommendations] [           main] com.zaxxer.hikari.HikariDataSource       : HikariPool-1 - Starting...',
            '{{ts}}  INFO 1 --- [recommendations] [           main] com.zaxxer.hikari.HikariDataSource       : HikariPool-1 - Start completed.',
            '{{ts}}  INFO 1 --- [recommendations] [           main] c.a.r.model.ModelLoader                  : Loading embedding model (1.2 GB) from /models/recs-v5.bin',
            '{{ts}}  INFO 1 --- [recommendations] [ionShutdownHook] com.zaxxer.hikari.HikariDataSource       : HikariPool-1 - Shutdown initiated...',
            '{{ts}}  INFO 1 --- [recommendations] [ionShutdownHook] com.zaxxer.hikari.HikariDataSource       : HikariPool-1 - Shutdown completed.',
          ],
        },
      },
    });
  },
};

export const imageResizerArch: DemoScenario = {
  id: 'image-resizer-exec-format',
  namespace: NS,
  workload: 'image-resizer',
  expectedCategory: 'exec_format_error',
  afterRestart: 'crashes',
  summary: 'An amd64-only image scheduled on an arm64 node.',
  build: (ctx) =>
    buildWorkload(ctx, {
      kind: 'Deployment',
      namespace: NS,
      name: 'image-resizer',
      revision: 2,
      rolledOutAgo: 50 * MINUTE,
      node: 'node-arm64-1',
      podSpec: {
        containers: [
          container({
            name: 'resizer',
            image: 'ghcr.io/acme/image-resizer:1.4.0-amd64',
            ports: [{ containerPort: 9000, protocol: 'TCP' }],
          }),
        ],
      },
      statuses: { resizer: crashLoop({ exitCode: 255, startedAgo: 61, finishedAgo: 61 }, 14) },
      events: crashEvents({
        container: 'resizer',
        image: 'ghcr.io/acme/image-resizer:1.4.0-amd64',
        restarts: 14,
        firstAgo: 50 * MINUTE,
        node: 'node-arm64-1',
      }),
      logs: { resizer: { previous: ['exec /usr/local/bin/resizer: exec format error'] } },
    }),
};

export const assetsImagePull: DemoScenario = {
  id: 'assets-image-pull',
  namespace: NS,
  workload: 'assets',
  expectedCategory: 'image_pull_failure',
  afterRestart: 'crashes',
  summary: 'The image tag was never pushed: ErrImagePull, then ImagePullBackOff.',
  build: (ctx) => {
    const image = 'ghcr.io/acme/assets:2024.11.3';
    const fieldPath = 'spec.containers{assets}';
    return buildWorkload(ctx, {
      kind: 'Deployment',
      namespace: NS,
      name: 'assets',
      revision: 15,
      rolledOutAgo: 12 * MINUTE,
      podSpec: {
        containers: [container({ name: 'assets', image, ports: [{ containerPort: 8080, protocol: 'TCP' }] })],
      },
      statuses: {
        assets: { kind: 'waiting', reason: 'ImagePullBackOff', message: `Back-off pulling image "${image}"` },
      },
      events: [
        {
          reason: 'Scheduled',
          message: 'Successfully assigned to node-amd64-1',
          firstAgo: 12 * MINUTE,
          component: 'default-scheduler',
        },
        {
          reason: 'Pulling',
          message: `Pulling image "${image}"`,
          count: 7,
          firstAgo: 12 * MINUTE,
          lastAgo: 90,
          fieldPath,
        },
        {
          reason: 'Failed',
          type: 'Warning',
          message: `Failed to pull image "${image}": rpc error: code = NotFound desc = failed to pull and unpack image "${image}": failed to resolve reference "${image}": ${image}: not found`,
          count: 7,
          firstAgo: 12 * MINUTE,
          lastAgo: 90,
          fieldPath,
        },
        {
          reason: 'Failed',
          type: 'Warning',
          message: 'Error: ErrImagePull',
          count: 7,
          firstAgo: 12 * MINUTE,
          lastAgo: 90,
          fieldPath,
        },
        {
          reason: 'BackOff',
          message: `Back-off pulling image "${image}"`,
          count: 40,
          firstAgo: 11 * MINUTE,
          lastAgo: 15,
          fieldPath,
        },
        {
          reason: 'Failed',
          type: 'Warning',
          message: 'Error: ImagePullBackOff',
          count: 40,
          firstAgo: 11 * MINUTE,
          lastAgo: 15,
          fieldPath,
        },
      ],
    });
  },
};

export const debugShellBarePod: DemoScenario = {
  id: 'debug-shell-bare-pod',
  namespace: NS,
  workload: 'debug-shell',
  expectedCategory: 'command_not_found',
  afterRestart: 'crashes',
  summary: 'A bare pod (no controller) whose command is not in the image.',
  build: (ctx) =>
    buildWorkload(ctx, {
      kind: 'Pod',
      namespace: NS,
      name: 'debug-shell',
      podCreatedAgo: 2 * HOUR,
      podSpec: {
        containers: [
          container({ name: 'shell', image: 'alpine:3.20', command: ['psql', '-h', 'orders-db'], resources: {} }),
        ],
      },
      statuses: {
        shell: crashLoop(
          {
            exitCode: 128,
            reason: 'StartError',
            message:
              'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "psql": executable file not found in $PATH: unknown',
            startedAgo: 5 * MINUTE,
            finishedAgo: 5 * MINUTE,
          },
          24,
        ),
      },
      events: crashEvents({ container: 'shell', image: 'alpine:3.20', restarts: 24, firstAgo: 2 * HOUR }),
    }),
};
