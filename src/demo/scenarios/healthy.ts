/** Healthy workloads, so that "is this pod fine?" has a true answer too. */
import { buildWorkload } from '../build-workload.ts';
import type { DemoScenario } from '../types.ts';
import { DAY, HOUR, container, httpProbe } from './helpers.ts';

export const catalogHealthy: DemoScenario = {
  id: 'catalog-healthy',
  namespace: 'shop',
  workload: 'catalog',
  expectedCategory: null,
  afterRestart: 'healthy',
  summary: 'Two healthy replicas.',
  build: (ctx) =>
    buildWorkload(ctx, {
      kind: 'Deployment',
      namespace: 'shop',
      name: 'catalog',
      revision: 18,
      replicas: 2,
      rolledOutAgo: 3 * DAY,
      podSpec: {
        containers: [
          container({
            name: 'catalog',
            image: 'ghcr.io/acme/catalog:6.0.1',
            ports: [{ containerPort: 8080, protocol: 'TCP' }],
            readinessProbe: httpProbe('/ready', 8080),
          }),
        ],
      },
      statuses: { catalog: { kind: 'running', startedAgo: 3 * DAY } },
      logs: {
        catalog: {
          current: [
            '{"level":"info","time":"{{ts}}","msg":"listening","port":8080}',
            '{"level":"info","time":"{{ts}}","msg":"cache warmed","items":48211}',
          ],
        },
      },
    }),
};

export const gatewayPastRestart: DemoScenario = {
  id: 'gateway-past-restart',
  namespace: 'payments',
  workload: 'payments-gateway',
  expectedCategory: null,
  afterRestart: 'healthy',
  summary: 'Running fine now; restarted once two days ago after an OOM kill.',
  build: (ctx) =>
    buildWorkload(ctx, {
      kind: 'Deployment',
      namespace: 'payments',
      name: 'payments-gateway',
      revision: 27,
      rolledOutAgo: 9 * DAY,
      podSpec: {
        containers: [
          container({
            name: 'gateway',
            image: 'ghcr.io/acme/payments-gateway:3.0.7',
            ports: [{ containerPort: 8443, protocol: 'TCP' }],
          }),
        ],
      },
      statuses: {
        gateway: {
          kind: 'running',
          startedAgo: 2 * DAY,
          restartCount: 1,
          last: { exitCode: 137, reason: 'OOMKilled', startedAgo: 9 * DAY, finishedAgo: 2 * DAY + 5 },
        },
      },
      logs: {
        gateway: {
          current: ['{{ts}} INFO gateway listening on :8443', '{{ts}} INFO upstream pool ready (3 acquirers)'],
        },
      },
    }),
};

export const metricsAgentHealthy: DemoScenario = {
  id: 'metrics-agent-healthy',
  namespace: 'data',
  workload: 'metrics-agent',
  expectedCategory: null,
  afterRestart: 'healthy',
  summary: 'A healthy DaemonSet pod.',
  build: (ctx) =>
    buildWorkload(ctx, {
      kind: 'DaemonSet',
      namespace: 'data',
      name: 'metrics-agent',
      revision: 4,
      rolledOutAgo: 12 * HOUR,
      podSpec: {
        containers: [
          container({
            name: 'agent',
            image: 'prom/node-exporter:v1.8.2',
            ports: [{ containerPort: 9100, protocol: 'TCP' }],
          }),
        ],
      },
      statuses: { agent: { kind: 'running', startedAgo: 12 * HOUR } },
      logs: { agent: { current: ['ts={{ts}} level=info msg="Listening on" address=[::]:9100'] } },
    }),
};
