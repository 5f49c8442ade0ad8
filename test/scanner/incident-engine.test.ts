import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import pino from 'pino';
import type { LedgerRecord, LedgerStore } from '../../src/incidents/ledger.ts';
import { createIncidentEngine } from '../../src/scanner/incident-engine.ts';
import { createIncidentRenderer } from '../../src/scanner/incident-posts.ts';
import { SCANNER_DEFAULTS } from '../../src/scanner/incident-scanner.ts';
import { createPodIndex } from '../../src/scanner/pod-index.ts';
import type { WatchedPod } from '../../src/scanner/watched-pod.ts';
import { createPostQueue } from '../../src/slack/post-queue.ts';
import { diagnosis } from '../fixtures/diagnoses.ts';
import { slackStandIn } from './harness.ts';

/** The ledger Lease in memory, with the API server's rule: a write must carry the version it read. */
const memoryLedger = () => {
  let current: LedgerRecord | undefined;
  let version = 0;
  const store: LedgerStore & { steal(holder: string): void } = {
    read: async () => current,
    write: async ({ ledger, previous, holder, now }) => {
      if (previous?.version !== current?.version) return 'conflict';
      current = { ledger, version: String(++version), holder, renewedAt: now.toISOString(), durationSeconds: 60 };
      return current;
    },
    release: async () => {},
    steal: (holder) => {
      current = { ledger: current?.ledger ?? {}, version: String(++version), holder, durationSeconds: 60 };
    },
  };
  return store;
};

const crashing = (name: string): WatchedPod => ({
  uid: `uid-${name}`,
  namespace: 'shop',
  name,
  workload: { kind: 'Pod', name },
  phase: 'Running',
  ignored: false,
  containers: [
    {
      name: 'app',
      init: false,
      restartCount: 5,
      ready: false,
      state: 'waiting',
      reason: 'CrashLoopBackOff',
      last: { exitCode: 1, finishedAt: new Date().toISOString() },
    },
  ],
});

const engineWith = (store: LedgerStore, slack = slackStandIn()) => {
  const diagnose = async ({ namespace, pod }: { namespace: string; pod: string }) =>
    diagnosis({ namespace, pod, podUid: pod });
  const now = () => new Date();
  const engine = createIncidentEngine({
    cluster: 'prod',
    holder: 'a',
    settings: SCANNER_DEFAULTS,
    channelFor: () => 'C1',
    diagnose,
    renderer: createIncidentRenderer({ diagnose, slack, now }),
    slack,
    queue: createPostQueue({ intervalMs: 0 }),
    store,
    index: createPodIndex(),
    now,
    logger: pino({ level: 'silent' }),
  });
  return { engine, slack };
};

describe('incident engine: exactly once', () => {
  test('a leader whose ledger was claimed by another replica posts nothing more and steps down', async () => {
    const store = memoryLedger();
    const { engine, slack } = engineWith(store);
    await engine.leading(true);
    engine.upsert(crashing('one'));
    await engine.idle();
    assert.equal(slack.calls.length, 1);
    store.steal('b');
    engine.upsert(crashing('two'));
    await engine.idle();
    assert.equal(slack.calls.length, 1, 'the deposed leader did not post');
    assert.equal(engine.isLeader(), false);
  });

  test('a replica taking over announces what was left pending and nothing already posted', async () => {
    const store = memoryLedger();
    const first = engineWith(store);
    await first.engine.leading(true);
    first.engine.upsert(crashing('one'));
    await first.engine.idle();
    // Left as if the old leader died after recording `posting` for "two", before posting it.
    const ledger = { ...first.engine.ledger() };
    const posted = Object.values(ledger)[0];
    assert.ok(posted);
    ledger['prod|shop|Pod/two|app|oom_killed'] = {
      ...posted,
      key: 'prod|shop|Pod/two|app|oom_killed',
      scope: { ...posted.scope, workload: { kind: 'Pod', name: 'two' } },
      pods: { two: 5 },
      announce: { posting: 'a' },
    };
    const read = await store.read();
    await store.write({ ledger, previous: read, holder: 'a', now: new Date() });
    const second = engineWith(store);
    second.engine.upsert(crashing('one'));
    second.engine.upsert(crashing('two'));
    await second.engine.leading(true);
    await second.engine.idle();
    const texts = second.slack.calls.filter((c) => c.kind === 'post').map((c) => c.message.metadata?.event_payload.pod);
    assert.deepEqual(texts, ['two']);
  });
});
