/**
 * Prometheus metrics. Each app gets its own registry (not prom-client's global one) so that two bots
 * in one test process, or a test run after another, never share counters.
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

export interface Metrics {
  readonly registry: Registry;
  /** A command from Slack or the scanner: kind = slash | mention | thread | action | scan. */
  command(kind: string): void;
  /** A failure answered to a user or logged: kind = the ExitcodeError code, or 'unknown'. */
  error(kind: string): void;
  /** One Slack Web API call (method = chat.postMessage, ...). */
  slackCall(method: string): void;
  /** One Kubernetes API request. */
  kubernetesRequest(verb: string, resource: string): void;
  /** Model token use (the explain helper's ExplainMetrics). */
  tokens(prompt: number, completion: number): void;
  /** Whether a dependency (kubernetes, slack) answered its last health check. */
  dependencyUp(dependency: string, up: boolean): void;
  /** Starts a diagnosis timer; call the result when it is done. */
  startDiagnosis(): () => void;
  /** The text exposition for /metrics. */
  render(): Promise<string>;
  readonly contentType: string;
}

export const createMetrics = ({ processMetrics = true }: { processMetrics?: boolean } = {}): Metrics => {
  const registry = new Registry();
  if (processMetrics) collectDefaultMetrics({ register: registry, prefix: 'exitcode_' });
  const registers = [registry];
  const commands = new Counter({
    name: 'exitcode_commands_total',
    help: 'Commands received, by kind (slash, mention, thread, action, scan).',
    labelNames: ['kind'] as const,
    registers,
  });
  const errors = new Counter({
    name: 'exitcode_errors_total',
    help: 'Errors, by kind (error code or unknown).',
    labelNames: ['kind'] as const,
    registers,
  });
  const slackCalls = new Counter({
    name: 'exitcode_slack_api_calls_total',
    help: 'Slack Web API calls, by method.',
    labelNames: ['method'] as const,
    registers,
  });
  const kubeRequests = new Counter({
    name: 'exitcode_kubernetes_requests_total',
    help: 'Kubernetes API requests, by verb and resource.',
    labelNames: ['verb', 'resource'] as const,
    registers,
  });
  const llmTokens = new Counter({
    name: 'exitcode_llm_tokens_total',
    help: 'Model tokens used, by kind (prompt, completion).',
    labelNames: ['kind'] as const,
    registers,
  });
  const diagnosis = new Histogram({
    name: 'exitcode_diagnosis_duration_seconds',
    help: 'Time from request to finished diagnosis (gathering facts from the cluster included).',
    // Cluster round trips dominate: tens of ms on a healthy API server, seconds when it struggles.
    buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers,
  });
  const dependencies = new Gauge({
    name: 'exitcode_dependency_up',
    help: 'Whether a dependency answered its last health check (1) or not (0), by dependency (kubernetes, slack).',
    labelNames: ['dependency'] as const,
    registers,
  });
  return {
    registry,
    command: (kind) => commands.inc({ kind }),
    error: (kind) => errors.inc({ kind }),
    slackCall: (method) => slackCalls.inc({ method }),
    kubernetesRequest: (verb, resource) => kubeRequests.inc({ verb, resource }),
    tokens: (prompt, completion) => {
      if (prompt > 0) llmTokens.inc({ kind: 'prompt' }, prompt);
      if (completion > 0) llmTokens.inc({ kind: 'completion' }, completion);
    },
    dependencyUp: (dependency, up) => dependencies.set({ dependency }, up ? 1 : 0),
    startDiagnosis: () => diagnosis.startTimer(),
    render: () => registry.metrics(),
    contentType: registry.contentType,
  };
};
