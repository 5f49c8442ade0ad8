/**
 * One realistic diagnosis per severity, for the renderer snapshots and the line-count checks: a missing
 * variable crash loop, an image that cannot be pulled, a one-pod workload, a healthy pod and a
 * multi-container pod with many evidence lines.
 */
import type { Diagnosis } from '../../src/diagnosis/types.ts';
import { containerDiagnosis, diagnosis, finding } from '../fixtures/diagnoses.ts';

export const NOW = '2026-11-25T12:12:00Z';

export const missingEnv = (): Diagnosis =>
  diagnosis({
    pod: 'checkout-7f9c6b4d5-x2x9z',
    selectedBecause:
      'deployment/checkout has 1 pod; picked checkout-7f9c6b4d5-x2x9z: its container app failed most recently.',
    containers: [
      containerDiagnosis({
        exitCode: 1,
        restartCount: 14,
        lastCrashAt: '2026-11-25T12:00:00Z',
        frequency: 'Restarted 14 times in 2 h 10 min (about 6.5 per hour); now in CrashLoopBackOff.',
        best: finding({
          ruleId: 'missing-env-var',
          category: 'missing_env_var',
          title: 'A required environment variable is not set',
          subject: 'STRIPE_API_KEY',
          headline: 'STRIPE_API_KEY is not set',
          confidence: 0.88,
          evidence: [
            { line: 12, text: 'Error: STRIPE_API_KEY is required', source: 'log' },
            { line: null, text: 'STRIPE_API_KEY is not defined in the container spec', source: 'spec' },
            { line: 12, text: 'Error: STRIPE_API_KEY is required', source: 'log' },
            { line: 13, text: '    at loadConfig (/app/config.js:8:11)', source: 'log' },
            { line: 14, text: '    at main (/app/server.js:3:1)', source: 'log' },
          ],
          nextSteps: [
            'Set the variable on the Deployment: kubectl set env -n shop deployment/checkout STRIPE_API_KEY=<value> (or reference the Secret that holds it)',
            "Check which Secret keys exist: kubectl get secret -n shop checkout-secrets -o jsonpath='{.data}'",
            'Restart is not needed: changing the env rolls the Deployment out.',
          ],
        }),
      }),
    ],
  });

export const imagePull = (): Diagnosis =>
  diagnosis({
    pod: 'web-6c9f7d8b5-q7w2e',
    workload: { kind: 'Deployment', name: 'web', revision: '4', rolledOutAt: '2026-11-25T12:02:00Z' },
    containers: [
      {
        ...containerDiagnosis({
          restartCount: 0,
          best: finding({
            ruleId: 'image-pull-failure',
            category: 'image_pull_failure',
            title: 'Image registry.example/web:1.9.0 cannot be pulled: tag not found',
            confidence: 0.95,
            evidence: [
              { line: null, text: 'Failed to pull image "registry.example/web:1.9.0": not found', source: 'event' },
            ],
            nextSteps: ['Check the tag exists: docker manifest inspect registry.example/web:1.9.0'],
          }),
        }),
        lastCrashAt: undefined,
      },
    ].map((c) => ({
      ...c,
      classification: {
        ...c.classification,
        exit: {
          code: null,
          reason: 'ImagePullBackOff',
          signal: null,
          summary: 'the image cannot be pulled (ImagePullBackOff)',
          detail: 'Pulling the image keeps failing.',
        },
      },
    })),
  });

export const healthy = (): Diagnosis =>
  diagnosis({
    pod: 'checkout-7f9c6b4d5-zz9k2',
    healthy: true,
    containers: [],
    timeline: [{ at: '2026-11-25T12:10:00Z', what: 'container app: ready, 0 restarts', source: 'container' }],
  });

export const multiContainer = (): Diagnosis =>
  diagnosis({
    pod: 'orders-0',
    workload: { kind: 'StatefulSet', name: 'orders' },
    selectedBecause:
      'statefulset/orders has 3 pods (2 are failing); picked orders-0: its container app failed most recently.',
    containers: [
      containerDiagnosis({
        exitCode: 137,
        best: finding({
          confidence: 0.55,
          evidence: Array.from({ length: 9 }, (_, i) => ({
            line: 100 + i,
            text: `heap line ${i}`,
            source: 'log' as const,
          })),
        }),
        alternatives: [finding({ title: 'The JVM heap is larger than the memory limit', confidence: 0.3 })],
      }),
      containerDiagnosis({ container: 'sidecar', exitCode: 1 }),
    ],
  });
