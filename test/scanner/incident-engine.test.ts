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

  /**
   * A first leader announces one crash, then "dies" between posting and recording: the ledger says
   * `posting` (since a minute ago) for an incident whose message is in `slack` when it is given.
   */
  const orphanedPosting = async (slack?: ReturnType<typeof slackStandIn>) => {
    const store = memoryLedger();
    const first = engineWith(store, slack);
    await first.engine.leading(true);
    first.engine.upsert(crashing('one'));
    await first.engine.idle();
    const [key, posted] = Object.entries(first.engine.ledger())[0] ?? [];
    assert.ok(key && posted && typeof posted.announce === 'object' && 'ts' in posted.announce);
    const since = new Date(Date.now() - 60_000).toISOString();
    await store.write({
      ledger: { [key]: { ...posted, announce: { posting: 'a', since } } },
      previous: await store.read(),
      holder: 'a',
      now: new Date(),
    });
    return { store, key, postedTs: posted.announce.ts };
  };

  test("a replica taking over finds the dead leader's post that was never recorded: adopted and updated, not posted again", async () => {
    const slack = slackStandIn();
    const { store, key, postedTs } = await orphanedPosting(slack);
    assert.equal(slack.calls.filter((c) => c.kind === 'post').length, 1);
    const second = engineWith(store, slack);
    second.engine.upsert(crashing('one'));
    await second.engine.leading(true);
    await second.engine.idle();
    assert.equal(slack.calls.filter((c) => c.kind === 'post').length, 1, 'no second announcement');
    assert.deepEqual(second.engine.ledger()[key]?.announce, { channel: 'C1', ts: postedTs });
    assert.deepEqual((await store.read())?.ledger[key]?.announce, { channel: 'C1', ts: postedTs }, 'recorded');
    assert.ok(
      slack.calls.some((c) => c.kind === 'update' && c.message.ts === postedTs),
      'the found message is brought up to date',
    );
  });

  test('a `posting` whose post never reached the channel is announced by the next leader', async () => {
    const { store } = await orphanedPosting();
    const second = engineWith(store); // another channel history: the first post is not in it
    await second.engine.leading(true);
    await second.engine.idle();
    assert.equal(second.slack.calls.filter((c) => c.kind === 'post' && !c.message.threadTs).length, 1);
  });

  test('unreadable channel history is retried, never answered by a blind second post', async () => {
    const { store } = await orphanedPosting();
    const slack = slackStandIn();
    let reads = 0;
    const flaky = {
      ...slack,
      incidentPost: async () => {
        reads += 1;
        throw Object.assign(new Error('ratelimited'), { data: { error: 'ratelimited' } });
      },
    };
    const second = engineWith(store, flaky);
    await second.engine.leading(true);
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.ok(reads >= 1);
    assert.equal(slack.calls.filter((c) => c.kind === 'post').length, 0, 'nothing posted while unsure');
    await second.engine.leading(false);
  });
});
