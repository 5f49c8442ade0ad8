/**
 * `exitcode demo [--json] [--serve [--port N]]`: starts the built-in demo cluster in-process and
 * diagnoses its failing pods with the real client and investigator, so a newcomer sees the product
 * in one command, with no cluster and no Slack. `--serve` keeps it running for `exitcode diagnose`
 * and kubectl.
 */
import { parseArgs } from 'node:util';
import { connectCluster } from '../cluster/connection.ts';
import { type DemoCluster, startDemoCluster } from '../demo/server.ts';
import type { DemoClusterOptions, DemoScenario } from '../demo/types.ts';
import type { Diagnosis } from '../diagnosis/types.ts';
import { ExitcodeError, userSentence } from '../errors.ts';
import { createInvestigator } from '../services/investigator.ts';
import type { CliIo, Command } from './io.ts';
import { renderDiagnosis } from './render-diagnosis.ts';

export const DEMO_USAGE = [
  'Usage: exitcode demo [options]',
  '',
  '  (no option)     start the demo cluster, diagnose every failing pod, print a summary and two full reports',
  '  --json          print one JSON line per pod: { scenario, expectedCategory, diagnosis } (or error)',
  '  --serve         keep the demo cluster running and print a kubeconfig for exitcode diagnose and kubectl',
  '  --port N        with --serve: listen on 127.0.0.1:N (default: any free port)',
  '  -h, --help      show this help',
  '',
].join('\n');

/** The scenarios whose full report the demo prints after the table: a bad rollout and a liveness kill. */
const FEATURED = ['pricing-bad-rollout', 'recommendations-liveness'];

export interface DemoDeps {
  start?: (options: DemoClusterOptions) => Promise<DemoCluster>;
  /** Resolves when --serve should stop (SIGINT/SIGTERM by default). */
  waitForStop?: () => Promise<void>;
  clock?: () => Date;
}

const waitForSignal = (): Promise<void> =>
  new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });

const parse = (argv: string[], program: string) => {
  try {
    return parseArgs({
      args: argv,
      strict: true,
      options: {
        json: { type: 'boolean', default: false },
        serve: { type: 'boolean', default: false },
        port: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (error) {
    throw new ExitcodeError(
      'bad_input',
      `${error instanceof Error ? error.message : 'Bad arguments'}. Run "${program} demo --help".`,
    );
  }
};

interface Outcome {
  scenario: DemoScenario;
  diagnosis?: Diagnosis;
  error?: string;
}

const exitText = (diagnosis: Diagnosis): string => {
  const exit = diagnosis.containers[0]?.classification.exit;
  if (!exit) return '-';
  if (exit.code === null) return exit.reason ?? '-';
  return exit.reason && exit.reason !== 'Error' ? `${exit.code} ${exit.reason}` : String(exit.code);
};

/** The compact summary: one row per pod, columns padded to the widest cell. */
export const renderSummary = (outcomes: Outcome[]): string => {
  const rows = outcomes.map(({ diagnosis, error, scenario }) => {
    if (!diagnosis) return [`${scenario.namespace}/${scenario.workload}`, '-', `error: ${error ?? 'unknown'}`, '-'];
    const best = diagnosis.containers[0]?.classification.best;
    return [
      `${diagnosis.namespace}/${diagnosis.pod}`,
      diagnosis.healthy ? '-' : exitText(diagnosis),
      diagnosis.healthy ? 'healthy' : (best?.category ?? 'unknown'),
      best ? `${Math.round(best.confidence * 100)}%` : '-',
    ];
  });
  const table = [['POD', 'EXIT', 'CAUSE', 'CONFIDENCE'], ...rows];
  const widths = table[0]?.map((_, column) => Math.max(...table.map((row) => (row[column] ?? '').length))) ?? [];
  return (
    table
      .map((row) =>
        row
          .map((cell, column) => cell.padEnd(widths[column] ?? 0))
          .join('  ')
          .trimEnd(),
      )
      .join('\n') + '\n'
  );
};

const diagnoseAll = async (cluster: DemoCluster, deps: DemoDeps): Promise<Outcome[]> => {
  const connection = connectCluster({ kubeconfigYaml: cluster.kubeconfigYaml });
  const investigator = createInvestigator({ connection, ...(deps.clock ? { clock: deps.clock } : {}) });
  const outcomes: Outcome[] = [];
  for (const scenario of cluster.scenarios.filter((s) => s.expectedCategory !== null)) {
    try {
      const diagnosis = await investigator.diagnose({ namespace: scenario.namespace, target: scenario.workload });
      outcomes.push({ scenario, diagnosis });
    } catch (error) {
      outcomes.push({ scenario, error: userSentence(error) });
    }
  }
  return outcomes;
};

const serveDemo = async (cluster: DemoCluster, io: CliIo, deps: DemoDeps): Promise<number> => {
  const example = cluster.scenarios.find((s) => s.id === 'checkout-missing-env') ?? cluster.scenarios[0];
  const pod = example
    ? cluster.state.list('pods', example.namespace).find((p) => p.metadata.name.startsWith(example.workload))
    : undefined;
  const path = cluster.kubeconfigPath;
  // Printed the way this process was run (npm run exitcode --, node dist/cli/main.js, exitcode): it works as printed.
  const exitcode = io.program ?? 'exitcode';
  io.stdout(
    [
      `Demo cluster listening on ${cluster.url}`,
      `Kubeconfig: ${path}`,
      '',
      'Try:',
      `  ${exitcode} diagnose -n ${example?.namespace ?? 'shop'} ${pod?.metadata.name ?? 'checkout'} --kubeconfig ${path}`,
      `  ${exitcode} diagnose -n shop deploy/orders-api --kubeconfig ${path}`,
      `  KUBECONFIG=${path} ${exitcode} diagnose -n payments fraud-scorer`,
      `  kubectl --kubeconfig ${path} get pods -A`,
      '',
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
  await (deps.waitForStop ?? waitForSignal)();
  io.stdout('Demo cluster stopped.\n');
  return 0;
};

export const createDemoCommand =
  (deps: DemoDeps = {}): Command =>
  async (argv: string[], io: CliIo): Promise<number> => {
    let values: ReturnType<typeof parse>;
    try {
      values = parse(argv, io.program ?? 'exitcode');
    } catch (error) {
      io.stderr(`exitcode: ${userSentence(error)}\n`);
      return 2;
    }
    if (values.help) {
      io.stdout(DEMO_USAGE);
      return 0;
    }
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535 || (values.port !== undefined && !values.serve)) {
      io.stderr('exitcode: --port takes a port number (0-65535) and only goes with --serve.\n');
      return 2;
    }
    const start = deps.start ?? startDemoCluster;
    let cluster: DemoCluster;
    try {
      cluster = await start({ port, ...(deps.clock ? { now: deps.clock } : {}) });
    } catch (error) {
      const code = (error as { code?: string }).code;
      io.stderr(
        `exitcode: ${code === 'EADDRINUSE' ? `port ${port} is already in use: pick another with --port.` : userSentence(error)}\n`,
      );
      return 1;
    }
    try {
      if (values.serve) return await serveDemo(cluster, io, deps);
      const outcomes = await diagnoseAll(cluster, deps);
      if (values.json) {
        for (const { scenario, diagnosis, error } of outcomes) {
          io.stdout(
            `${JSON.stringify({ scenario: scenario.id, expectedCategory: scenario.expectedCategory, ...(diagnosis ? { diagnosis } : { error }) })}\n`,
          );
        }
      } else {
        io.stdout(
          `Diagnosed ${outcomes.length} failing pods in the built-in demo cluster:\n\n${renderSummary(outcomes)}`,
        );
        for (const featured of outcomes.filter((o) => FEATURED.includes(o.scenario.id) && o.diagnosis)) {
          io.stdout(`\n${'-'.repeat(72)}\n${renderDiagnosis(featured.diagnosis as Diagnosis, { color: io.isTTY })}`);
        }
        const exitcode = io.program ?? 'exitcode';
        io.stdout(
          `\nNext: "${exitcode} demo --serve" keeps this cluster running and prints a kubeconfig, so you can run\n` +
            `"${exitcode} diagnose -n shop <pod> --kubeconfig <path>" on any pod above; on your own cluster, just\n` +
            `"${exitcode} diagnose <pod> -n <namespace>".\n`,
        );
      }
      return outcomes.some((o) => o.error !== undefined) ? 1 : 0;
    } finally {
      await cluster.close();
    }
  };

export const demoCommand: Command = createDemoCommand();
