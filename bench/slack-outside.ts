/**
 * What bench/slack.ts runs outside the bot's event loop, in worker threads, so that the figures are the
 * bot's own: the demo cluster (a remote API server in production) and the load generator that sends
 * the signed commands and times each answer. Mode by workerData: 'cluster' or 'sender'.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { startDemoCluster } from '../src/demo/server.ts';
import type { SignedRequest } from '../test/helpers/slack-signing.ts';

const HOSTILE_BYTES = 256 * 1024;

/** Five shapes that used to cost seconds per line, one per pod, each ~256 KB. */
const hostileLog = (index: number): string => {
  const shapes = [
    () => 'a=a='.repeat(HOSTILE_BYTES / 4),
    () => 'a:a:'.repeat(HOSTILE_BYTES / 4),
    () => 'a://a:'.repeat(HOSTILE_BYTES / 6),
    () => '-----END RSA PRIVATE KEY-----\n'.repeat(HOSTILE_BYTES / 30),
    () => `password=${'x'.repeat(60)} token=${'A1b2'.repeat(20)}\n`.repeat(HOSTILE_BYTES / 160),
  ];
  return (shapes[index % shapes.length] as () => string)();
};

type KubePod = { metadata: { name: string; uid?: string }; spec: { containers: { name: string }[] } };

const runCluster = async (delayMs: number): Promise<void> => {
  const demo = await startDemoCluster({ scenarios: ['checkout-missing-env'], delayMs });
  parentPort?.on('message', async (message: { plant?: number; close?: boolean }) => {
    if (message.close) {
      await demo.close();
      parentPort?.postMessage({ closed: true });
      return;
    }
    if (message.plant === undefined) return;
    const [pod] = demo.state.list('pods', 'shop') as unknown as KubePod[];
    if (!pod) throw new Error('the demo scenario has no pod in shop');
    const container = pod.spec.containers[0]?.name ?? 'checkout';
    const names: string[] = [];
    for (let i = 0; i < message.plant; i++) {
      const name = i === 0 ? pod.metadata.name : `${pod.metadata.name.slice(0, 40)}-h${i}`;
      if (i > 0) {
        const copy = structuredClone(pod);
        copy.metadata = { ...copy.metadata, name, uid: `00000000-0000-4000-8000-00000000000${i}` };
        demo.state.put(copy as never);
      }
      const entries = hostileLog(i)
        .split('\n')
        .filter((line) => line !== '')
        .map((text) => ({ at: new Date().toISOString(), text }));
      demo.state.setLogs('shop', name, container, { previous: entries, current: entries });
      names.push(name);
    }
    parentPort?.postMessage({ planted: names });
  });
  parentPort?.postMessage({ kubeconfigPath: demo.kubeconfigPath });
};

const runSender = (): void => {
  parentPort?.on('message', async ({ url, requests }: { url: string; requests: SignedRequest[] }) => {
    const latencies = await Promise.all(
      requests.map(async (request) => {
        const start = performance.now();
        const response = await fetch(url, { method: 'POST', headers: request.headers, body: request.body });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`answered ${response.status}`);
        return performance.now() - start;
      }),
    );
    parentPort?.postMessage({ latencies });
  });
  parentPort?.postMessage({ ready: true });
};

const { mode, delayMs } = workerData as { mode: 'cluster' | 'sender'; delayMs?: number };
if (mode === 'cluster') await runCluster(delayMs ?? 0);
else runSender();
