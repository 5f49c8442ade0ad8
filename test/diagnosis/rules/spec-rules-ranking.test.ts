/**
 * The spec rules against the log rules they complement, through the real engine: when the spec
 * confirms a log cause, the spec finding (with names and numbers) is the one kept; a rollout stays
 * context behind a clear log cause and leads when the log says nothing.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { classify } from '../../../src/diagnosis/engine.ts';
import { archMismatch } from '../../../src/diagnosis/rules/arch-mismatch.ts';
import { badRollout } from '../../../src/diagnosis/rules/bad-rollout.ts';
import { dependencyUnreachable } from '../../../src/diagnosis/rules/dependency-unreachable.ts';
import { execFormatError } from '../../../src/diagnosis/rules/exec-format-error.ts';
import { oomKilled } from '../../../src/diagnosis/rules/oom-killed.ts';
import { oomLimit } from '../../../src/diagnosis/rules/oom-limit.ts';
import { readOnlyFilesystem } from '../../../src/diagnosis/rules/read-only-filesystem.ts';
import { readOnlyRootfs } from '../../../src/diagnosis/rules/read-only-rootfs.ts';
import {
  containerFacts,
  contextFor,
  event,
  nodeFacts,
  podFacts,
  security,
  terminated,
  workloadFacts,
} from '../../fixtures/pods.ts';

const run = (input: Parameters<typeof contextFor>[0], rules: Parameters<typeof classify>[2]) => {
  const { exit: _exit, target, ...facts } = contextFor(input);
  return classify(facts, target, rules);
};

describe('spec rules ranked with the log rules', () => {
  test('OOMKilled: the finding that names the limit wins over the log-only one', () => {
    const container = containerFacts({
      lastState: terminated(137, 'OOMKilled'),
      resources: { limits: { memory: '512Mi' }, requests: {} },
    });
    const result = run({ container }, [oomKilled, oomLimit]);
    assert.equal(result.best.ruleId, 'oom-limit');
    assert.equal(result.best.title, 'OOMKilled at its 512Mi memory limit');
    assert.equal(result.alternatives.length, 0, 'one category, one finding');
  });

  test('exec format error: the node architecture is named when known', () => {
    const container = containerFacts({ image: 'api:1.5.0-amd64' });
    const input = { container, node: nodeFacts({ architecture: 'arm64' }), logLines: ['exec /app: exec format error'] };
    assert.equal(run(input, [execFormatError, archMismatch]).best.ruleId, 'arch-mismatch');
    assert.equal(run({ ...input, node: undefined }, [execFormatError, archMismatch]).best.ruleId, 'exec-format-error');
  });

  test('read-only root: the spec-confirmed finding with the path wins', () => {
    const container = containerFacts({ security: security({ readOnlyRootFilesystem: true }) });
    const result = run({ container, logLines: ["Error: EROFS: read-only file system, open '/app/tmp/x'"] }, [
      readOnlyFilesystem,
      readOnlyRootfs,
    ]);
    assert.equal(result.best.ruleId, 'read-only-rootfs');
  });

  test('a crash after a rollout keeps a clear log cause first and the rollout as the next alternative', () => {
    const container = containerFacts();
    const pod = podFacts({ containers: [container] });
    const log = ['Error: connect ECONNREFUSED 10.0.0.5:5432'];
    const result = run({ container, pod, workload: workloadFacts(), events: [event()], logLines: log }, [
      dependencyUnreachable,
      badRollout,
    ]);
    assert.equal(result.best.category, 'dependency_unreachable');
    assert.equal(result.alternatives[0]?.category, 'bad_rollout');
    assert.ok(result.best.confidence >= 0.8, 'the rollout is context, not a close call');
  });

  test('with nothing in the log, the rollout leads', () => {
    const container = containerFacts();
    const result = run(
      { container, pod: podFacts({ containers: [container] }), workload: workloadFacts(), events: [event()] },
      [dependencyUnreachable, badRollout],
    );
    assert.equal(result.best.category, 'bad_rollout');
  });
});
