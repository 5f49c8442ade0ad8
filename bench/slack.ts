/**
 * Slack bot bench: the real Bolt app in HTTP mode, the Slack stand-in, and the demo cluster with a
 * 50 ms delay per Kubernetes request. Measures the ack latency of 200 signed slash commands sent 50
 * at a time, the time from command to posted diagnosis (alone and under that load) as a ratio to the
 * cluster delay, and resident memory idle and under load (the stand-in and demo cluster share the
 * process, so RSS is an upper bound for the bot).
 */
import { connectCluster } from '../src/cluster/connection.ts';
import { startDemoCluster } from '../src/demo/server.ts';
import { createInvestigator } from '../src/services/investigator.ts';
import { startTestBot } from '../test/helpers/slack-bot.ts';
import { send, slashCommand, slashFields } from '../test/helpers/slack-signing.ts';
import { type BenchSection, percentile, round } from './types.ts';

const CLUSTER_DELAY_MS = 50;
const COMMANDS = 200;
const CONCURRENCY = 50;

const round1 = (value: number): number => round(value, 1);
const mib = (bytes: number): number => round(bytes / 1024 / 1024, 1);

export const bench = async (): Promise<BenchSection> => {
  const demo = await startDemoCluster({ scenarios: ['checkout-missing-env'], delayMs: CLUSTER_DELAY_MS });
  const investigator = createInvestigator({ connection: connectCluster({ kubeconfigYaml: demo.kubeconfigYaml }) });
  const bot = await startTestBot({ investigator });
  try {
    // One listener resolves the waiter of each channel: no polling to skew the numbers.
    const waiting = new Map<string, (at: number) => void>();
    bot.slack.onCall((call) => {
      if (call.method !== 'chat.postMessage') return;
      waiting.get(String(call.body.channel))?.(call.at);
    });
    const command = async (channel: string): Promise<{ ack: number; posted: number }> => {
      const request = slashCommand(
        slashFields({ text: 'deploy/checkout -n shop', channel_id: channel, response_url: bot.slack.responseUrl() }),
        { secret: bot.secret },
      );
      const postedAt = new Promise<number>((resolve) => waiting.set(channel, resolve));
      const start = performance.now();
      const response = await send(bot.eventsUrl, request);
      const ack = performance.now() - start;
      if (response.status !== 200) throw new Error(`slash command answered ${response.status}`);
      const at = await postedAt;
      waiting.delete(channel);
      return { ack, posted: at - start };
    };

    // Warm up (JIT, connection pools), then one command alone: the latency without contention.
    await command('CWARM');
    const alone: number[] = [];
    const aloneAcks: number[] = [];
    for (let i = 0; i < 10; i++) {
      const result = await command(`CALONE${i}`);
      alone.push(result.posted);
      aloneAcks.push(result.ack);
    }
    globalThis.gc?.();
    const idleRss = process.memoryUsage().rss;

    let peakRss = idleRss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 20);
    const acks: number[] = [];
    const posted: number[] = [];
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < COMMANDS) {
        const index = next++;
        const result = await command(`CLOAD${index}`);
        acks.push(result.ack);
        posted.push(result.posted);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    clearInterval(sampler);

    const aloneP50 = percentile(alone, 50);
    return {
      title: `Slack bot (HTTP mode, ${COMMANDS} slash commands at concurrency ${CONCURRENCY}, demo cluster delay ${CLUSTER_DELAY_MS} ms)`,
      rows: [
        {
          name: 'ack latency, one command alone (p50 of 10)',
          value: round1(percentile(aloneAcks, 50)),
          unit: 'ms',
          target: 100,
          ok: percentile(aloneAcks, 50) <= 100,
        },
        {
          name: 'ack latency under load p50',
          value: round1(percentile(acks, 50)),
          unit: 'ms',
          target: 100,
          ok: percentile(acks, 50) <= 100,
        },
        {
          name: 'ack latency under load p99',
          value: round1(percentile(acks, 99)),
          unit: 'ms',
          target: 3000,
          ok: percentile(acks, 99) <= 3000,
        },
        {
          name: 'command -> posted diagnosis, alone (p50 of 10)',
          value: round1(aloneP50),
          unit: 'ms',
          ratio: round(aloneP50 / CLUSTER_DELAY_MS, 2),
        },
        {
          name: 'command -> posted diagnosis under load p50',
          value: round1(percentile(posted, 50)),
          unit: 'ms',
          ratio: round(percentile(posted, 50) / CLUSTER_DELAY_MS, 2),
        },
        {
          name: 'command -> posted diagnosis under load p99',
          value: round1(percentile(posted, 99)),
          unit: 'ms',
          ratio: round(percentile(posted, 99) / CLUSTER_DELAY_MS, 2),
        },
        {
          name: 'Kubernetes requests per diagnosis',
          value: round1(demo.requestCount() / (COMMANDS + 11)),
          unit: 'requests',
        },
        { name: 'RSS idle (bot + stand-in + demo cluster)', value: mib(idleRss), unit: 'MiB' },
        { name: 'RSS peak under load', value: mib(peakRss), unit: 'MiB' },
      ],
    };
  } finally {
    await bot.close();
    await demo.close();
  }
};

if (import.meta.main) {
  const section = await bench();
  console.log(section.title);
  for (const row of section.rows) {
    console.log(
      `  ${row.name}: ${row.value} ${row.unit}${row.ratio !== undefined ? ` (x${row.ratio} the cluster delay)` : ''}${row.target !== undefined ? ` target ${row.target}` : ''}`,
    );
  }
}
