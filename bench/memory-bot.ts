/**
 * The bot process of the memory bench: startBot exactly as `exitcode serve` runs it (from dist/ when
 * built), under the heap flags the Deployment ships. It answers the bench over IPC with its own memory.
 */
import { Writable } from 'node:stream';
import { getHeapStatistics } from 'node:v8';

const entry = process.env.EXITCODE_BENCH_ENTRY ?? '../src/main.ts';
const env = JSON.parse(process.env.EXITCODE_BENCH_ENV ?? '{}') as Record<string, string>;
const { startBot } = (await import(entry)) as typeof import('../src/main.ts');
const bot = await startBot({
  env,
  host: '127.0.0.1',
  logDestination: new Writable({ write: (_chunk, _encoding, done) => done() }),
});

const reply = (message: unknown): void => {
  process.send?.(message);
};

process.on('message', (message: unknown) => {
  if (message === 'memory') {
    reply({
      memory: process.memoryUsage(),
      heapLimit: getHeapStatistics().heap_size_limit,
      inFlight: bot.inFlight.size,
    });
  } else if (message === 'stop') {
    void bot.stop().finally(() => process.exit(0));
  }
});
reply({ port: bot.port() });
