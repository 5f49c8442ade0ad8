/**
 * The use cases that Slack, the CLI and the scanner share. Implemented over the cluster gateway by
 * services/investigator.ts; delivery code depends on this interface only, so its tests use stand-ins.
 */
import type { TargetSearch } from '../cluster/find-target.ts';
import type { Diagnosis, EventFact } from '../diagnosis/types.ts';

export interface DiagnoseRequest {
  namespace: string;
  /** A pod name, a kind/name (deploy/api, sts/db, ds/agent, job/migrate), or a bare workload name. */
  target: string;
  container?: string;
}

export interface PodRef {
  namespace: string;
  pod: string;
  container?: string;
}

export interface PodLog {
  container: string;
  /** True when these are the previous (crashed) instance's logs. */
  previous: boolean;
  lines: string[];
  /** True when the head was dropped by the line or byte bound. */
  truncated: boolean;
}

export interface Investigator {
  /** The cluster's display name (kubeconfig context or in-cluster). */
  readonly clusterName: string;
  diagnose(request: DiagnoseRequest): Promise<Diagnosis>;
  logs(ref: PodRef & { tailLines: number }): Promise<PodLog>;
  events(ref: PodRef): Promise<EventFact[]>;
  /**
   * Where a name with no namespace is: pods, then workloads, across `namespaces` (['*'] for all), in one
   * round. Optional so stand-ins without it still work: the bot then asks the default namespace.
   */
  find?(request: { name: string; namespaces: string[] }): Promise<TargetSearch>;
  /** Resolves when the Kubernetes API answers (for /readyz). */
  ping(): Promise<void>;
}
