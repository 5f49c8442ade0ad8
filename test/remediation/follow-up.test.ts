import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Diagnosis } from '../../src/diagnosis/types.ts';
import { ExitcodeError } from '../../src/errors.ts';
import { followTarget, followUp } from '../../src/remediation/follow-up.ts';
import type { Investigator } from '../../src/services/types.ts';
import { diagnosisOf, POD_UID } from './harness.ts';

const crashed: Diagnosis = diagnosisOf({
  pod: 'api-7f9c6-zzzzz',
  podUid: 'new-uid',
  containers: [
    {
      container: 'api',
      init: false,
      image: 'api:1',
      restartCount: 2,
      classification: {
        best: {
          ruleId: 'oom',
          category: 'oom-killed' as never,
          title: 'Out of memory',
          confidence: 0.9,
          evidence: [],
          nextSteps: [],
        },
        alternatives: [],
        exit: { code: 137, reason: 'OOMKilled', signal: null, summary: 'killed by SIGKILL', detail: '' },
        log: { totalBytes: 0, bytesRead: 0, truncated: false, binary: false, empty: true, linesRead: 0 },
      },
    },
  ],
});

/** An investigator over a fixed sequence of answers: what the cluster would show poll by poll. */
const sequence = (answers: (Diagnosis | Error)[]): Investigator & { asked: string[] } => {
  const asked: string[] = [];
  return {
    asked,
    clusterName: 'test',
    diagnose: async (request) => {
      asked.push(request.target);
      const next = answers.shift() ?? answers.at(-1);
      if (!next || next instanceof Error) throw next ?? new Error('no answer');
      return next;
    },
    logs: async () => ({ container: 'x', previous: false, lines: [], truncated: false }),
    events: async () => [],
    ping: async () => {},
  };
};

const target = {
  namespace: 'shop',
  pod: 'api-7f9c6-abcde',
  uid: POD_UID,
  workload: { kind: 'Deployment', name: 'api' },
};

describe('followUp', () => {
  test('asks for the workload, skips the old pod, reports a healthy replacement', async () => {
    const said: string[] = [];
    const investigator = sequence([diagnosisOf(), diagnosisOf({ pod: 'api-7f9c6-new01', podUid: 'n', healthy: true })]);
    const outcome = await followUp({
      investigator,
      target,
      notifier: { say: async (t) => void said.push(t) },
      sleep: async () => {},
      attempts: 5,
      intervalMs: 1,
    });
    assert.equal(outcome, 'healthy');
    assert.deepEqual(investigator.asked, ['deploy/api', 'deploy/api']);
    assert.match(said[0] ?? '', /api-7f9c6-new01 came up healthy/);
  });

  test('a crashing replacement is reported with the fresh diagnosis', async () => {
    const said: string[] = [];
    const outcome = await followUp({
      investigator: sequence([crashed]),
      target,
      notifier: { say: async (t) => void said.push(t) },
      sleep: async () => {},
      attempts: 3,
      intervalMs: 1,
    });
    assert.equal(outcome, 'crashed');
    assert.match(said[0] ?? '', /crashed again.*Out of memory.*killed by SIGKILL/);
  });

  test('bounded: gives up after the attempts and says so', async () => {
    const said: string[] = [];
    let slept = 0;
    const outcome = await followUp({
      investigator: sequence([diagnosisOf(), new ExitcodeError('pod_not_found', 'gone')]),
      target,
      notifier: { say: async (t) => void said.push(t) },
      sleep: async () => {
        slept += 1;
      },
      attempts: 4,
      intervalMs: 1,
    });
    assert.equal(outcome, 'unsettled');
    assert.equal(slept, 4);
    assert.equal(said.length, 1);
  });

  test('a bare pod is followed by name', () => {
    assert.equal(followTarget({ namespace: 'shop', pod: 'debug', uid: 'u' }), 'debug');
  });
});
