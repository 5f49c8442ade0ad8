/**
 * `exitcode diagnose <pod|kind/name> [-n NS] [-c CONTAINER] [--kubeconfig FILE] [--context CTX] [--json]`
 * Connects, diagnoses through the investigator, renders. Errors are one sentence on stderr and a
 * non-zero exit: 2 for bad input, 1 for everything the cluster said.
 */
import { type ClusterConnection, type ConnectOptions, connectCluster } from '../cluster/connection.ts';
import { kubeTargetFromEnvironment } from '../config/kube.ts';
import { isExitcodeError, userSentence } from '../errors.ts';
import { createInvestigator } from '../services/investigator.ts';
import { parseFlags } from './args.ts';
import type { CliIo, Command } from './io.ts';
import { renderDiagnosis } from './render-diagnosis.ts';
import { displaySafeJson } from '../text/outgoing.ts';

export const DIAGNOSE_USAGE = [
  'Usage: exitcode diagnose <pod|kind/name> [options]',
  '',
  '  <pod>                a pod name, or deploy/NAME, sts/NAME, ds/NAME, job/NAME (or a bare workload name)',
  '  -n, --namespace NS   namespace (default: the kubeconfig context namespace, else "default")',
  '  -c, --container C    diagnose only this container',
  '  --kubeconfig FILE    kubeconfig file (default: $KUBECONFIG, else ~/.kube/config; in-cluster in a pod)',
  '  --context CTX        kubeconfig context to use',
  '  --json               print the diagnosis as JSON',
  '  -h, --help           show this help',
  '',
].join('\n');

export interface DiagnoseDeps {
  connect?: (options: ConnectOptions) => ClusterConnection;
  clock?: () => Date;
}

const USAGE_ERRORS = new Set(['bad_input', 'invalid_name']);

const parse = (argv: string[], program?: string) =>
  parseFlags({
    command: 'diagnose',
    argv,
    ...(program ? { program } : {}),
    positionals: true,
    options: {
      namespace: { type: 'string', short: 'n' },
      container: { type: 'string', short: 'c' },
      kubeconfig: { type: 'string' },
      context: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });

export const createDiagnoseCommand =
  (deps: DiagnoseDeps = {}): Command =>
  async (argv: string[], io: CliIo): Promise<number> => {
    try {
      const { values, positionals } = parse(argv, io.program);
      if (values.help) {
        io.stdout(DIAGNOSE_USAGE);
        return 0;
      }
      const [target, ...extra] = positionals;
      if (target === undefined || extra.length > 0) {
        io.stderr(`exitcode: diagnose takes exactly one pod or kind/name.\n${DIAGNOSE_USAGE}`);
        return 2;
      }
      const connection = (deps.connect ?? connectCluster)({
        ...kubeTargetFromEnvironment(io.env),
        ...(values.kubeconfig !== undefined ? { kubeconfigPath: values.kubeconfig } : {}),
        ...(values.context !== undefined ? { context: values.context } : {}),
      });
      const investigator = createInvestigator({ connection, ...(deps.clock ? { clock: deps.clock } : {}) });
      const diagnosis = await investigator.diagnose({
        namespace: values.namespace ?? connection.defaultNamespace,
        target,
        ...(values.container !== undefined ? { container: values.container } : {}),
      });
      io.stdout(
        values.json
          ? `${displaySafeJson(JSON.stringify(diagnosis, null, 2))}\n`
          : renderDiagnosis(diagnosis, { color: io.isTTY }),
      );
      return 0;
    } catch (error) {
      io.stderr(`exitcode: ${userSentence(error)}\n`);
      return isExitcodeError(error) && USAGE_ERRORS.has(error.code) ? 2 : 1;
    }
  };

export const diagnoseCommand: Command = createDiagnoseCommand();
