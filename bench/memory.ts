/**
 * Resident memory of the bot as the Deployment ships it: the heap flags (NODE_OPTIONS) and the memory
 * limit are read from deploy/deployment.yaml, the bot runs in its own process (compiled dist/ when built)
 * against the demo cluster and the Slack stand-in, and receives signed slash commands. RSS is reported
 * idle, after 1,000 and after 5,000 commands, against 80 % of the limit (the 20 % margin of issue 14).
 */
import { type ChildProcess, fork } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { startDemoCluster } from '../src/demo/server.ts';
import { send, slashCommand, slashFields } from '../test/helpers/slack-signing.ts';
import { startSlackStandIn } from '../test/helpers/slack-stand-in.ts';
import { ensureDist } from './startup.ts';
import type { BenchRow, BenchSection } from './types.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SECRET = 'memory-bench-signing-secret-0123456789';
const CONCURRENCY = 4;
const MiB = 1024 * 1024;

interface Shipped {
  limitBytes: number;
  nodeOptions: string;
}

const QUANTITY: Record<string, number> = { Ki: 1024, Mi: MiB, Gi: 1024 * MiB, K: 1e3, M: 1e6, G: 1e9 };

/** The memory limit and NODE_OPTIONS of the bot container in deploy/deployment.yaml. */
export const shippedSettings = (
  text: string = readFileSync(join(ROOT, 'deploy', 'deployment.yaml'), 'utf8'),
): Shipped => {
  const deployment = parse(text) as {
    spec: {
      template: {
        spec: {
          containers: Array<{
            resources?: { limits?: { memory?: string } };
            env?: Array<{ name: string; value?: string }>;
          }>;
        };
      };
    };
  };
  const container = deployment.spec.template.spec.containers[0];
  const quantity = /^(\d+)([KMG]i?)?$/.exec(container?.resources?.limits?.memory ?? '');
  if (!quantity) throw new Error('deploy/deployment.yaml has no memory limit');
  return {
    limitBytes: Number(quantity[1]) * (QUANTITY[quantity[2] ?? ''] ?? 1),
    nodeOptions: container?.env?.find((e) => e.name === 'NODE_OPTIONS')?.value ?? '',
  };
};

interface Report {
  memory: NodeJS.MemoryUsage;
  heapLimit: number;
  inFlight: number;
}

const ask = (child: ChildProcess): Promise<Report> =>
  new Promise((resolve) => {
    const listen = (message: unknown): void => {
      if (message && typeof message === 'object' && 'memory' in message) {
        child.off('message', listen);
        resolve(message as Report);
      }
    };
    child.on('message', listen);
    child.send('memory');
  });

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until the bot has finished every accepted command (diagnosed and answered). */
const settle = async (child: ChildProcess): Promise<Report> => {
  for (;;) {
    const report = await ask(child);
    if (report.inFlight === 0) return report;
    await sleep(100);
  }
};

export const bench = async (): Promise<BenchSection> => {
  const shipped = shippedSettings();
  // An override for trying other flags; the figures printed say which flags applied.
  const nodeOptions = process.env.EXITCODE_BENCH_NODE_OPTIONS ?? shipped.nodeOptions;
  const entry = (await ensureDist()) ? join(ROOT, 'dist', 'main.js') : join(ROOT, 'src', 'main.ts');
  const demo = await startDemoCluster({});
  const slack = await startSlackStandIn();
  const targets = ['deploy/checkout', 'deploy/cart', 'deploy/orders-api', 'checkout', 'deploy/storefront'];
  const child = fork(join(ROOT, 'bench', 'memory-bot.ts'), [], {
    cwd: ROOT,
    execArgv: nodeOptions.split(/\s+/).filter(Boolean),
    env: {
      PATH: process.env.PATH,
      EXITCODE_BENCH_ENTRY: existsSync(entry) ? entry : join(ROOT, 'src', 'main.ts'),
      EXITCODE_BENCH_ENV: JSON.stringify({
        SLACK_BOT_TOKEN: 'xoxb-memory-bench',
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: slack.apiUrl,
        PORT: '0',
        KUBECONFIG: demo.kubeconfigPath,
        EXITCODE_NAMESPACES: '*',
        LOG_LEVEL: 'info',
      }),
    },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.once('message', (message) => resolve((message as { port: number }).port));
      child.once('exit', (code) => reject(new Error(`the bot exited (${code}) before it started`)));
    });
    const url = `http://127.0.0.1:${port}/slack/events`;
    let sent = 0;
    let refused = 0;
    const sendCommands = async (count: number): Promise<void> => {
      const end = sent + count;
      const worker = async (): Promise<void> => {
        while (sent < end) {
          sent += 1;
          const n = sent;
          const fields = slashFields({
            text: `${targets[n % targets.length]} -n shop`,
            user_id: `U${String(n % 50).padStart(8, '0')}`,
            trigger_id: `bench.${n}`,
            response_url: slack.responseUrl(`r${n}`),
          });
          const response = await send(url, slashCommand(fields, { secret: SECRET }));
          if (response.status !== 200) refused += 1;
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    };
    await sleep(1_000);
    const idle = await settle(child);
    await sendCommands(1_000);
    const after1k = await settle(child);
    await sendCommands(4_000);
    const after5k = await settle(child);
    const answered =
      slack.calls.filter((call) => call.method === 'chat.postMessage').length +
      new Set(slack.responses.map((response) => response.id)).size;
    const limitMiB = shipped.limitBytes / MiB;
    const budget = Math.round(limitMiB * 0.8);
    const mib = (bytes: number): number => Math.round(bytes / MiB);
    const rows: BenchRow[] = [
      { name: `container memory limit (deploy/deployment.yaml)`, value: mib(shipped.limitBytes), unit: 'MiB' },
      { name: `V8 heap limit under NODE_OPTIONS="${nodeOptions}"`, value: mib(idle.heapLimit), unit: 'MiB' },
      { name: 'RSS idle', value: mib(idle.memory.rss), unit: 'MiB', target: budget },
      { name: 'RSS after 1,000 slash commands', value: mib(after1k.memory.rss), unit: 'MiB', target: budget },
      { name: 'RSS after 5,000 slash commands', value: mib(after5k.memory.rss), unit: 'MiB', target: budget },
      { name: 'heap used after 5,000 commands', value: mib(after5k.memory.heapUsed), unit: 'MiB' },
      { name: 'commands not answered 200', value: refused, unit: '', target: 0 },
      // Every command was diagnosed and answered, not only acknowledged: a diagnosis is posted to the
      // channel (chat.postMessage), a refusal or fallback goes to the command's response_url.
      { name: 'answers posted to Slack (of 5,000 commands)', value: answered, unit: '', ok: answered >= 5_000 },
    ];
    return {
      title: `Memory as shipped (${entry.includes('dist') ? 'dist' : 'src'}; target: RSS <= 80% of the limit)`,
      rows,
    };
  } finally {
    child.send('stop');
    await new Promise((resolve) => child.once('exit', resolve));
    await slack.close();
    await demo.close();
  }
};

if (import.meta.main) {
  const { renderSection } = await import('./run.ts');
  console.log(renderSection(await bench()));
}
