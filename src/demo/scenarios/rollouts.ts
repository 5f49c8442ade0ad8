/** Crashes that began with a rollout in namespace `shop`: one with a clear log cause, one without. */
import { buildWorkload } from '../build-workload.ts';
import type { DemoScenario } from '../types.ts';
import { DAY, MINUTE, container, crashEvents, crashLoop, httpProbe } from './helpers.ts';

const NS = 'shop';

export const ordersPanicAfterRollout: DemoScenario = {
  id: 'orders-panic-after-rollout',
  namespace: NS,
  workload: 'orders-api',
  // The panic is the cause; that it began with revision 7 is the strong context (and the rollback).
  expectedCategory: 'app_bug',
  expectedAlternative: 'bad_rollout',
  afterRestart: 'crashes',
  summary:
    'Revision 7 (image orders-api:2.14.0) rolled out 4 minutes ago and panics on start; revision 6 still serves.',
  build: (ctx) => {
    const image = 'ghcr.io/acme/orders-api:2.14.0';
    const spec = (tag: string) => ({
      containers: [
        container({
          name: 'orders-api',
          image: `ghcr.io/acme/orders-api:${tag}`,
          ports: [{ containerPort: 8080, protocol: 'TCP' }],
          env: [{ name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: 'orders-db', key: 'url' } } }],
          readinessProbe: httpProbe('/healthz', 8080),
        }),
      ],
    });
    return buildWorkload(ctx, {
      kind: 'Deployment',
      namespace: NS,
      name: 'orders-api',
      revision: 7,
      rolledOutAgo: 4 * MINUTE,
      createdAgo: 120 * DAY,
      podSpec: spec('2.14.0'),
      previous: { revision: 6, podSpec: spec('2.13.2'), createdAgo: 6 * DAY, pods: 2 },
      statuses: { 'orders-api': crashLoop({ exitCode: 2, startedAgo: 41, finishedAgo: 40 }, 4) },
      events: crashEvents({ container: 'orders-api', image, restarts: 4, firstAgo: 4 * MINUTE - 3, lastAgo: 10 }),
      workloadEvents: [
        {
          reason: 'ScalingReplicaSet',
          message: 'Scaled up replica set {{rs}} from 0 to 1',
          firstAgo: 4 * MINUTE,
          component: 'deployment-controller',
        },
      ],
      logs: {
        'orders-api': {
          previous: [
            '{"time":"{{ts}}","level":"INFO","msg":"starting orders-api","version":"2.14.0","commit":"9f1c2ab"}',
            '{"time":"{{ts}}","level":"INFO","msg":"connected to database","pool":10}',
            'panic: runtime error: invalid memory address or nil pointer dereference',
            '[signal SIGSEGV: segmentation violation code=0x1 addr=0x18 pc=0x8f2b4c]',
            '',
            'goroutine 1 [running]:',
            'github.com/acme/orders-api/internal/pricing.(*Engine).Load(0x0, {0xc0001a2000, 0x3})',
            '\t/src/internal/pricing/engine.go:88 +0x2c',
            'main.run(0xc000126000)',
            '\t/src/cmd/orders-api/main.go:61 +0x3a5',
            'main.main()',
            '\t/src/cmd/orders-api/main.go:27 +0x25',
          ],
        },
      },
    });
  },
};

export const pricingBadRollout: DemoScenario = {
  id: 'pricing-bad-rollout',
  namespace: NS,
  workload: 'pricing',
  // The log says little; what explains the crash is that it began with revision 12.
  expectedCategory: 'bad_rollout',
  afterRestart: 'crashes',
  summary:
    'Revision 12 (image pricing:1.9.0) rolled out 6 minutes ago and exits at start-up; revision 11 still serves.',
  build: (ctx) => {
    const spec = (tag: string) => ({
      containers: [
        container({
          name: 'pricing',
          image: `ghcr.io/acme/pricing:${tag}`,
          ports: [{ containerPort: 8080, protocol: 'TCP' }],
          readinessProbe: httpProbe('/ready', 8080),
        }),
      ],
    });
    return buildWorkload(ctx, {
      kind: 'Deployment',
      namespace: NS,
      name: 'pricing',
      revision: 12,
      rolledOutAgo: 6 * MINUTE,
      createdAgo: 200 * DAY,
      podSpec: spec('1.9.0'),
      previous: { revision: 11, podSpec: spec('1.8.4'), createdAgo: 12 * DAY, pods: 2 },
      statuses: { pricing: crashLoop({ exitCode: 1, startedAgo: 75, finishedAgo: 73 }, 5) },
      events: crashEvents({
        container: 'pricing',
        image: 'ghcr.io/acme/pricing:1.9.0',
        restarts: 5,
        firstAgo: 6 * MINUTE,
      }),
      workloadEvents: [
        {
          reason: 'ScalingReplicaSet',
          message: 'Scaled up replica set {{rs}} from 0 to 1',
          firstAgo: 6 * MINUTE,
          component: 'deployment-controller',
        },
      ],
      logs: {
        pricing: {
          previous: [
            '{"level":"info","ts":"{{ts}}","msg":"pricing starting","version":"1.9.0"}',
            '{"level":"info","ts":"{{ts}}","msg":"loaded price rules","count":1423}',
            '{"level":"info","ts":"{{ts}}","msg":"running start-up self-checks"}',
            '{"level":"warn","ts":"{{ts}}","msg":"self-check did not pass","check":"rule-consistency","mismatches":3}',
            '{"level":"info","ts":"{{ts}}","msg":"shutting down","code":1}',
          ],
        },
      },
    });
  },
};
