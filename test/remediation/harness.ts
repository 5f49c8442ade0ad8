/**
 * Shared set-up for remediation tests: the flow over the real client-node gateway pointed at the
 * loopback Kubernetes stand-in, a Notifier that records what users would see, and diagnoses.
 */
import { connectCluster } from '../../src/cluster/connection.ts';
import { createRemediationGateway } from '../../src/cluster/mutations.ts';
import type { Diagnosis } from '../../src/diagnosis/types.ts';
import type { Investigator } from '../../src/services/types.ts';
import { createRemediationFlow, type Notifier } from '../../src/remediation/flow.ts';
import { createGroupResolver } from '../../src/remediation/groups.ts';
import { parsePolicy } from '../../src/remediation/policy.ts';
import { type KubeStandIn, startKubeStandIn } from './kube-stand-in.ts';

export const SECRET = 's'.repeat(40);
export const TTL_MS = 15 * 60_000;
export const POD_UID = '11111111-2222-3333-4444-555555555555';

export const POLICY_YAML = `
rules:
  - namespaces: [shop]
    actions: [restart-pod, rollout-restart]
    approvers: { users: [UALICE, UBOB] }
  - namespaces: [payments-*]
    actions: [restart-pod, rollout-restart]
    approvers: { users: [UALICE], groups: [SONCALL] }
    twoPersonApproval: true
`;

export const diagnosisOf = (overrides: Partial<Diagnosis> = {}): Diagnosis => ({
  cluster: 'stand-in',
  namespace: 'shop',
  pod: 'api-7f9c6-abcde',
  podUid: POD_UID,
  phase: 'Running',
  workload: { kind: 'Deployment', name: 'api' },
  healthy: false,
  containers: [],
  timeline: [],
  missing: [],
  generatedAt: '2026-11-25T12:00:00.000Z',
  ...overrides,
});

export interface Recorded {
  said: string[];
  refused: string[];
  approvals: { text: string; approveValue: string; denyValue: string }[];
  states: string[];
}

export const recordingNotifier = (): Notifier & Recorded => {
  const said: string[] = [];
  const refused: string[] = [];
  const approvals: Recorded['approvals'] = [];
  const states: string[] = [];
  return {
    said,
    refused,
    approvals,
    states,
    say: async (text) => void said.push(text),
    refuse: async (text) => void refused.push(text),
    askApproval: async (args) => void approvals.push(args),
    showState: async (text) => void states.push(text),
  };
};

export const makeFlow = async ({
  now = () => new Date('2026-11-25T12:00:00Z'),
  investigator,
  groupMembers = { SONCALL: ['UCAROL', 'UDAVE'] },
  policyYaml = POLICY_YAML,
}: {
  now?: () => Date;
  investigator?: Investigator;
  groupMembers?: Record<string, string[]>;
  policyYaml?: string;
} = {}) => {
  const kube: KubeStandIn = await startKubeStandIn();
  kube.addPod('shop', { name: 'api-7f9c6-abcde', uid: POD_UID, owned: true });
  kube.addPod('payments-eu', { name: 'api-7f9c6-abcde', uid: POD_UID, owned: true });
  const connection = connectCluster({ kubeconfigYaml: kube.kubeconfigYaml, retry: { attempts: 1 } });
  const logs: { object: Record<string, unknown>; message: string }[] = [];
  const logger = {
    info: (object: Record<string, unknown>, message: string) => void logs.push({ object, message }),
    warn: (object: Record<string, unknown>, message: string) => void logs.push({ object, message }),
  };
  const { policy } = parsePolicy(policyYaml);
  if (!policy) throw new Error('test policy invalid');
  const flow = createRemediationFlow({
    policy,
    gateway: createRemediationGateway(connection),
    groups: createGroupResolver({ listUsers: async (group) => groupMembers[group] ?? [], ttlMs: 60_000, now }),
    secret: SECRET,
    ttlMs: TTL_MS,
    now,
    logger,
    replicaId: 'replica-a',
    ...(investigator ? { investigator, sleep: async () => {}, followUpAttempts: 3, followUpIntervalMs: 1 } : {}),
  });
  return { kube, flow, logs, policy, connection };
};

export const deletes = (kube: KubeStandIn) =>
  kube.requests.filter((request) => request.method === 'DELETE' && request.path.includes('/pods/'));
