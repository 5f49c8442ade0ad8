/**
 * Slack bot bench: the whole bot from main.ts (shipped settings: worker pool, bounded diagnosis queue,
 * Slack timeouts) in HTTP mode, the Slack stand-in and the demo cluster, all on loopback.
 *
 * 1. A bare Node HTTP server that reads the body and answers 200 gets 60 signed slash commands at once:
 *    its p99 is the floor this machine allows for 60 concurrent posts.
 * 2. The bot gets the same 60 commands at once (each a real diagnosis after the ack): ack p50/p99, and
 *    p99 as a ratio to the bare server's p99 in the same run (target <= 3x).
 * 3. The same 60 while five pods with 256 KB hostile logs are being read and analysed (target p99 < 300 ms).
 * The load generator and the demo cluster (50 ms per request, like a remote API server) run in worker
 * threads (bench/slack-outside.ts): the figures are the bot's event loop, not the bench's own.
 * Runs alone: `node bench/slack.ts`; in `npm run bench` as the "slack" section.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { startBot } from '../src/main.ts';
import { type SignedRequest, slashCommand, slashFields } from '../test/helpers/slack-signing.ts';
import { startSlackStandIn } from '../test/helpers/slack-stand-in.ts';
import { type BenchSection, median, percentile, round } from './types.ts';

const SECRET = 'bench-signing-secret-0123456789abcdef';
const BURST = 60;
const HOSTILE_PODS = 5;
const CLUSTER_DELAY_MS = 50;
/** Bursts per measure; the figures are medians over them. */
const ROUNDS = 5;

const round1 = (value: number): number => round(value, 1);
const mib = (bytes: number): number => round(bytes / 1024 / 1024, 1);

/** A worker of bench/slack-outside.ts; its messages are queued so none is missed between requests. */
const outside = (mode: 'cluster' | 'sender') => {
  const worker = new Worker(new URL('./slack-outside.ts', import.meta.url), {
    workerData: { mode, delayMs: CLUSTER_DELAY_MS },
  });
  const inbox: unknown[] = [];
  const waiting: ((message: unknown) => void)[] = [];
  let failure: unknown;
  worker.on('message', (message) => {
    const wake = waiting.shift();
    if (wake) wake(message);
    else inbox.push(message);
  });
  worker.on('error', (error) => {
    failure = error;
  });
  const next = async <T>(message?: unknown): Promise<T> => {
    if (failure) throw failure;
    if (message !== undefined) worker.postMessage(message);
    if (inbox.length > 0) return inbox.shift() as T;
    return new Promise<T>((resolve) => waiting.push(resolve as (message: unknown) => void));
  };
  return { worker, next };
};

const signedBurst = (responseUrl: string, tag: string, text = 'deploy/checkout -n shop'): SignedRequest[] =>
  Array.from({ length: BURST }, (_, i) =>
    slashCommand(slashFields({ text, channel_id: `C${tag}${i}`, response_url: responseUrl }), { secret: SECRET }),
  );

const bareServer = async () => {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

export const bench = async (): Promise<BenchSection> => {
  const cluster = outside('cluster');
  const sender = outside('sender');
  const { kubeconfigPath } = await cluster.next<{ kubeconfigPath: string }>();
  await sender.next();
  const slack = await startSlackStandIn();
  const bare = await bareServer();
  const bot = await startBot({
    env: {
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
      PORT: '0',
      KUBECONFIG: kubeconfigPath,
      EXITCODE_NAMESPACES: 'shop',
      LOG_LEVEL: 'silent',
    },
    host: '127.0.0.1',
    logDestination: new Writable({ write: (_chunk, _encoding, done) => done() }),
  });
  const eventsUrl = `http://127.0.0.1:${bot.port()}/slack/events`;
  const burst = async (url: string, requests: SignedRequest[]): Promise<number[]> =>
    (await sender.next<{ latencies: number[] }>({ url, requests })).latencies;
  const answered = (): number => slack.callsOf('chat.postMessage').length + slack.responses.length;
  const settle = (count: number): Promise<void> => slack.waitFor(() => answered() >= count, 180_000);
  try {
    // Warm up both servers, the analysis workers and the connection pools (not measured).
    await burst(bare.url, signedBurst(slack.responseUrl(), 'WB'));
    await burst(eventsUrl, signedBurst(slack.responseUrl(), 'WQ'));
    await settle(BURST);

    // Rounds, each a bare burst then a bot burst back to back, so both meet the same machine load
    // (CI and shared machines vary a lot); the figures are medians over the rounds.
    const rounds: { bare: number[]; bot: number[] }[] = [];
    let expected = answered();
    for (let round = 0; round < ROUNDS; round++) {
      const bareAcks = await burst(bare.url, signedBurst(slack.responseUrl(), `B${round}x`));
      const acks = await burst(eventsUrl, signedBurst(slack.responseUrl(), `Q${round}x`));
      expected += BURST;
      await settle(expected);
      rounds.push({ bare: bareAcks, bot: acks });
    }
    const busy = slack.responses.filter((r) => JSON.stringify(r.body).includes('busy')).length / ROUNDS;

    const { planted } = await cluster.next<{ planted: string[] }>({ plant: HOSTILE_PODS });
    // How long the bot's event loop was blocked at worst while the hostile logs were handled.
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 20);
    const hostileRounds: number[][] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // The hostile diagnoses are acked first and are being read and analysed while the burst arrives.
      await burst(
        eventsUrl,
        planted.map((pod, i) =>
          slashCommand(
            slashFields({ text: `shop/${pod}`, channel_id: `CH${round}x${i}`, response_url: slack.responseUrl() }),
            { secret: SECRET },
          ),
        ),
      );
      hostileRounds.push(await burst(eventsUrl, signedBurst(slack.responseUrl(), `H${round}x`)));
      expected += BURST + planted.length;
      await settle(expected);
    }
    clearInterval(sampler);
    loopDelay.disable();

    const p = (values: number[], q: number) => percentile(values, q);
    const bareP50 = median(rounds.map((r) => p(r.bare, 50)));
    const bareP99 = median(rounds.map((r) => p(r.bare, 99)));
    const ackP50 = median(rounds.map((r) => p(r.bot, 50)));
    const ackP99 = median(rounds.map((r) => p(r.bot, 99)));
    const ratio = median(rounds.map((r) => p(r.bot, 99) / p(r.bare, 99)));
    const hostileAcks = {
      p50: median(hostileRounds.map((h) => p(h, 50))),
      p99: median(hostileRounds.map((h) => p(h, 99))),
    };
    return {
      title: `Slack bot acks (HTTP mode, ${BURST} signed slash commands at once, medians of ${ROUNDS} rounds, whole bot from main.ts, cluster delay ${CLUSTER_DELAY_MS} ms)`,
      rows: [
        { name: 'bare Node HTTP server p50', value: round1(bareP50), unit: 'ms' },
        { name: 'bare Node HTTP server p99', value: round1(bareP99), unit: 'ms' },
        { name: 'bot ack p50', value: round1(ackP50), unit: 'ms' },
        { name: 'bot ack p99', value: round1(ackP99), unit: 'ms' },
        { name: 'bot ack p99 / bare server p99 (same round)', value: round(ratio, 2), unit: 'x', target: 3 },
        {
          name: `bot ack p50 while ${HOSTILE_PODS} hostile 256 KB logs are read`,
          value: round1(hostileAcks.p50),
          unit: 'ms',
        },
        {
          name: `bot ack p99 while ${HOSTILE_PODS} hostile 256 KB logs are read`,
          value: round1(hostileAcks.p99),
          unit: 'ms',
          target: 300,
        },
        {
          name: 'longest event-loop stall while the hostile logs are handled',
          value: round1(loopDelay.max / 1e6),
          unit: 'ms',
        },
        { name: 'commands per burst answered "busy" (bounded queue)', value: busy, unit: `of ${BURST}` },
        { name: 'RSS peak of the bench process (bot, stand-in, all worker threads)', value: mib(peakRss), unit: 'MiB' },
      ],
    };
  } finally {
    await bot.stop();
    await slack.close();
    await bare.close();
    await cluster.next({ close: true });
    await cluster.worker.terminate();
    await sender.worker.terminate();
  }
};

if (import.meta.main) {
  const section = await bench();
  const { renderSection } = await import('./run.ts');
  console.log(renderSection(section));
}
