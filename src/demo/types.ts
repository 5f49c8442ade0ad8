/**
 * Shapes shared by the demo cluster's pieces. Objects are stored as plain JSON (what the API server
 * would send), so handlers answer exactly what a real server would and nothing is mapped twice.
 */
import type { CategoryId } from '../diagnosis/taxonomy.ts';

/** A Kubernetes object as JSON: apiVersion, kind, metadata, spec, status. */
export type KubeObject = {
  apiVersion: string;
  kind: string;
  metadata: KubeMeta;
  [key: string]: unknown;
};

export type KubeMeta = {
  name: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  generateName?: string;
  [key: string]: unknown;
};

export type OwnerReference = {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
};

/** One line of a container log, with the time the runtime recorded it (shown with ?timestamps=true). */
export interface LogEntry {
  at: string;
  text: string;
}

/** What a scenario builds: objects by resource, plus the logs of its containers. */
export interface ScenarioObjects {
  objects: KubeObject[];
  /** Logs per pod container; `previous` is the crashed instance's log, `current` the running one's. */
  logs: Array<{ pod: string; namespace: string; container: string; previous?: LogEntry[]; current?: LogEntry[] }>;
}

/** Helpers a scenario builds with, so that ages are relative to the server's clock. */
export interface BuildContext {
  now: Date;
  /** ISO timestamp `seconds` before now. */
  ago: (seconds: number) => string;
  uid: () => string;
}

export interface DemoScenario {
  id: string;
  namespace: string;
  /** The workload (or bare pod) name the scenario is about. */
  workload: string;
  /** The taxonomy id the classifier should name for its failing pod; null for a healthy workload. */
  expectedCategory: CategoryId | null;
  /** A cause the diagnosis should also name among its alternatives (a rollout behind a clear log cause). */
  expectedAlternative?: CategoryId;
  /** What a replacement pod does after a delete or a rollout restart. */
  afterRestart: 'healthy' | 'crashes';
  summary: string;
  build: (context: BuildContext) => ScenarioObjects;
}

export interface ForbiddenRule {
  verb: string;
  resource: string;
  namespace?: string;
}

export interface DemoClusterOptions {
  /** Delay before answering each request (ms). */
  delayMs?: number;
  /** Requests to refuse with 403, as RBAC would (on top of `rbac` when both are set). */
  forbidden?: ForbiddenRule[];
  /**
   * Enforce RBAC from the Role, ClusterRole, RoleBinding and ClusterRoleBinding objects in the state
   * (put them with state.put), as kube-apiserver does. Off by default. `tokens` maps bearer tokens to
   * users (`system:serviceaccount:NS:NAME`); the demo kubeconfig's token is the bot's ServiceAccount,
   * system:serviceaccount:exitcode:exitcode. An unknown token is then a 401.
   */
  rbac?: boolean | { tokens?: Record<string, string> };
  /** Previous (crashed) instance logs are gone, as after log rotation or a node restart. */
  rotatedLogs?: boolean;
  /** Never answer (to test timeouts). */
  hang?: boolean;
  /** Scenario ids to load; all by default. */
  scenarios?: string[];
  /** Delay before a controller replaces a deleted pod (ms, default 100). */
  recreateDelayMs?: number;
  /** The server's clock (ages of pods and events are relative to it). */
  now?: () => Date;
  /** Port to listen on (0: any free port). */
  port?: number;
  /**
   * The most items one list page holds, whatever `limit` asks (a real server may answer fewer items
   * than `limit`): set it small so every multi-page path runs. Unset: pages are as large as `limit`.
   */
  maxPageSize?: number;
  /**
   * How long a deleted pod stays Terminating (deletionTimestamp set, still listed) before it is gone and
   * its controller replaces it, as with a real kubelet (ms; default 0: gone at once).
   */
  podTerminationMs?: number;
  /** Interval between watch BOOKMARK events for clients that allow them (ms, default 60000). */
  watchBookmarkIntervalMs?: number;
  /** How long a watch lasts when the client sends no timeoutSeconds (s, default 1800, as the real server's minimum). */
  watchTimeoutSeconds?: number;
  /** Events kept per resource for watches from a resourceVersion (default 1000); older ones answer 410 Gone. */
  watchHistory?: number;
}

export interface RecordedRequest {
  method: string;
  /** The path without the query string. */
  path: string;
  /** The query string, with its leading '?', or ''. */
  search: string;
}
