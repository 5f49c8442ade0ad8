/**
 * Properties every spec rule keeps on any input: it never throws, its confidence is a probability,
 * its id is its file name, its category is in the taxonomy, and its evidence quotes real log lines.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { RULES } from '../../../src/diagnosis/rules/index.ts';
import { isCategoryId } from '../../../src/diagnosis/taxonomy.ts';
import type { EventFact } from '../../../src/diagnosis/types.ts';
import {
  containerFacts,
  contextFor,
  nodeFacts,
  podFacts,
  security,
  terminated,
  waiting,
  workloadFacts,
} from '../../fixtures/pods.ts';

const SPEC_RULES = [
  'missing-config-reference',
  'oom-limit',
  'probe-failure',
  'read-only-rootfs',
  'non-root-port',
  'non-root-volume',
  'arch-mismatch',
  'bad-rollout',
  'init-container-failure',
  'image-pull-failure',
  'evicted',
  'sigterm-shutdown',
  'exited-successfully',
];
const rules = RULES.filter((r) => SPEC_RULES.includes(r.id));

const LINES = [
  "Error: EROFS: read-only file system, open '/app/cache/x'",
  'listen tcp :80: bind: permission denied',
  "EACCES: permission denied, mkdir '/data/x'",
  'exec /app: exec format error',
  'Traceback (most recent call last):',
  'panic: runtime error: index out of range',
  'server started on :8080',
  '',
  '/',
  "'/",
];
const REASONS = [null, 'OOMKilled', 'Error', 'Completed', 'CreateContainerConfigError', 'ImagePullBackOff', 'Evicted'];
const MESSAGES = [
  'configmap "a" not found',
  "couldn't find key k in Secret ns/s",
  'Liveness probe failed: timeout',
  'manifest unknown',
  'Stopping container api',
  'The node was low on resource: memory.',
  '',
];
const EVENT_REASONS = ['Unhealthy', 'Killing', 'Failed', 'BackOff', 'OOMKilling', 'Evicted', 'FailedMount'];
const TIMES = [undefined, 'not a date', '2026-11-25T11:00:00Z', '2026-11-25T11:45:00Z'];

const eventArb = fc.record({
  type: fc.constantFrom('Normal', 'Warning', ''),
  reason: fc.constantFrom(...EVENT_REASONS),
  message: fc.constantFrom(...MESSAGES),
  count: fc.nat(50),
  firstSeen: fc.constantFrom(...TIMES),
});

const contextArb = fc
  .record({
    exitCode: fc.constantFrom(0, 1, 126, 127, 137, 143, 139, 255),
    reason: fc.constantFrom(...REASONS),
    waitingReason: fc.constantFrom('CrashLoopBackOff', 'CreateContainerConfigError', 'ErrImagePull', 'PodInitializing'),
    message: fc.constantFrom(...MESSAGES),
    lines: fc.array(fc.oneof(fc.constantFrom(...LINES), fc.string({ maxLength: 60 })), { maxLength: 8 }),
    events: fc.array(eventArb, { maxLength: 4 }),
    init: fc.boolean(),
    runAsUser: fc.option(fc.constantFrom(0, 1000)),
    readOnly: fc.boolean(),
    limit: fc.constantFrom(undefined, '256Mi', 'weird'),
    withPod: fc.boolean(),
    withWorkload: fc.boolean(),
    withNode: fc.boolean(),
    image: fc.constantFrom('api:1', 'r.io/a/api:1-amd64', 'arm64v8/x', ''),
    finishedAt: fc.constantFrom(...TIMES),
  })
  .map((v) => {
    const container = containerFacts({
      init: v.init,
      image: v.image,
      state: waiting(v.waitingReason, v.message),
      lastState: terminated(v.exitCode, v.reason ?? 'Error', v.finishedAt ? { finishedAt: v.finishedAt } : {}),
      security: security({
        readOnlyRootFilesystem: v.readOnly,
        ...(v.runAsUser === null ? {} : { runAsUser: v.runAsUser }),
      }),
      resources: { limits: v.limit ? { memory: v.limit } : {}, requests: {} },
      volumeMounts: [{ name: 'data', mountPath: '/data', readOnly: false }],
    });
    return contextFor({
      container,
      exitCode: v.exitCode,
      reason: v.reason,
      message: v.message,
      logLines: v.lines,
      events: v.events.map((e) => ({ ...e }) as EventFact),
      ...(v.withPod
        ? { pod: podFacts({ containers: [container], reason: v.reason ?? undefined, message: v.message }) }
        : {}),
      ...(v.withWorkload ? { workload: workloadFacts() } : {}),
      ...(v.withNode ? { node: nodeFacts({ architecture: 'arm64' }) } : {}),
    });
  });

describe('spec rules: properties', () => {
  test('all thirteen are registered, each id is its file name', () => {
    assert.deepEqual(rules.map((r) => r.id).sort(), [...SPEC_RULES].sort());
    for (const rule of rules) {
      assert.ok(existsSync(new URL(`../../../src/diagnosis/rules/${rule.id}.ts`, import.meta.url)), rule.id);
    }
  });

  test('on any context: no throw, a probability, a known category, evidence that quotes the log', () => {
    fc.assert(
      fc.property(contextArb, (ctx) => {
        for (const rule of rules) {
          const finding = rule.match(ctx);
          if (!finding) continue;
          assert.equal(finding.ruleId, rule.id);
          assert.ok(isCategoryId(finding.category));
          assert.ok(finding.confidence > 0 && finding.confidence <= 1, `${rule.id} ${finding.confidence}`);
          assert.ok(finding.title.length > 0 && finding.nextSteps.length > 0);
          for (const evidence of finding.evidence) {
            if (evidence.source !== 'log' || evidence.line === null) continue;
            const quoted = ctx.log.lines.find((l) => l.line === evidence.line);
            assert.ok(
              quoted?.text.startsWith(evidence.text.replace(/…$/, '')),
              `${rule.id} quotes line ${evidence.line}`,
            );
          }
        }
      }),
      { numRuns: 400, seed: 5 },
    );
  });
});
