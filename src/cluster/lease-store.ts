/**
 * The Lease store port: coordination.k8s.io/v1 Leases as shared, replica-safe state for remediation's
 * requests and the scanner's round. Implemented over the real client by src/cluster/leases.ts.
 */
export interface LeaseRecord {
  namespace: string;
  name: string;
  resourceVersion: string;
  holder: string;
  annotations: Record<string, string>;
  /** Labels beyond exitcode's managed-by label (for example the incident thread a request belongs to). */
  labels?: Record<string, string>;
  /** When the lease was created or last renewed (ISO; written as a MicroTime). */
  renewTime?: string;
  /** When the current holder took the lease (ISO; written as a MicroTime). */
  acquireTime?: string;
  durationSeconds: number;
}

export interface LeaseStore {
  /** Create-if-absent: 'exists' when somebody already holds this name. */
  createLease(args: Omit<LeaseRecord, 'resourceVersion'>): Promise<LeaseRecord | 'exists'>;
  readLease(args: { namespace: string; name: string }): Promise<LeaseRecord | undefined>;
  /** Replace with the record's resourceVersion: 'conflict' when somebody changed it first. */
  replaceLease(record: LeaseRecord): Promise<LeaseRecord | 'conflict'>;
  deleteLease(args: { namespace: string; name: string }): Promise<void>;
  /** exitcode's leases in the namespace, optionally narrowed by extra label equalities. */
  listLeases(args: { namespace: string; labels?: Record<string, string> }): Promise<LeaseRecord[]>;
}
