/**
 * Diagnose latency against the demo cluster with a 50 ms delay on every Kubernetes request, as a
 * ratio to that delay: two sequential round trips plus work should stay under 2.5x, by pod name and by
 * kind/name alike. Also the number of requests per diagnosis, by pod name, by kind/name and by a bare
 * workload name (which needs a third round: only a failed pod read says the name is a workload's).
 */
import { connectCluster } from '../src/cluster/connection.ts';
import { startDemoCluster } from '../src/demo/server.ts';
import { createInvestigator } from '../src/services/investigator.ts';
import { type BenchRow, type BenchSection, median } from './types.ts';

const DELAY_MS = 50;
const RUNS = 15;

const round = (value: number, digits = 2): number => Math.round(value * 10 ** digits) / 10 ** digits;

interface Case {
  label: string;
  namespace: string;
  target: string;
  /** Latency as a multiple of the per-request delay. */
  targetRatio?: number;
  targetRequests?: number;
}

export const bench = async (): Promise<BenchSection> => {
  const demo = await startDemoCluster({ delayMs: DELAY_MS, scenarios: ['report-builder-oom', 'checkout-missing-env'] });
  try {
    const investigator = createInvestigator({ connection: connectCluster({ kubeconfigYaml: demo.kubeconfigYaml }) });
    const pod = demo.state.list('pods', 'data').find((p) => p.metadata.name.startsWith('report-builder-'))
      ?.metadata.name;
    if (!pod) throw new Error('the demo has no report-builder pod');
    const cases: Case[] = [
      { label: 'pod name (Deployment-owned)', namespace: 'data', target: pod, targetRatio: 2.5, targetRequests: 7 },
      // The Deployment and one page of the namespace's pods in parallel, then the picked pod's surroundings.
      {
        label: 'deploy/name',
        namespace: 'data',
        target: 'deploy/report-builder',
        targetRatio: 2.5,
        targetRequests: 7,
      },
      { label: 'bare workload name', namespace: 'shop', target: 'checkout' },
    ];
    const rows: BenchRow[] = [];
    for (const c of cases) {
      await investigator.diagnose({ namespace: c.namespace, target: c.target }); // warm the connection pool
      const times: number[] = [];
      let requests = 0;
      for (let run = 0; run < RUNS; run += 1) {
        demo.resetRequests();
        const started = performance.now();
        await investigator.diagnose({ namespace: c.namespace, target: c.target });
        times.push(performance.now() - started);
        requests = demo.requestCount();
      }
      const ms = median(times);
      rows.push({ name: `${c.label}: median latency`, value: round(ms, 1), unit: 'ms' });
      rows.push({
        name: `${c.label}: latency / ${DELAY_MS} ms request delay`,
        value: round(ms / DELAY_MS),
        unit: 'x',
        ...(c.targetRatio !== undefined ? { target: c.targetRatio } : {}),
      });
      rows.push({
        name: `${c.label}: requests per diagnosis`,
        value: requests,
        unit: 'requests',
        ...(c.targetRequests !== undefined ? { target: c.targetRequests } : {}),
      });
    }
    return {
      title: `exitcode diagnose against the demo cluster (${DELAY_MS} ms per request, median of ${RUNS})`,
      rows,
    };
  } finally {
    await demo.close();
  }
};

if (import.meta.main) {
  const { renderSection } = await import('./run.ts');
  console.log(renderSection(await bench()));
}
