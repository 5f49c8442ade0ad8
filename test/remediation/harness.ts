/**
 * Shared set-up for remediation tests, with what production ships: the real client-node gateway with
 * the default retry and timeout settings, pointed at the demo cluster through a fault-injecting proxy,
 * a Slack gateway stand-in that can fail at every call, and diagnoses from the real investigator.
 * Mutations are counted at the demo server, never at the client.
 */
import { connectCluster } from '../../src/cluster/connection.ts';
import { createRemediationGateway } from '../../src/cluster/mutations.ts';
import { startDemoCluster } from '../../src/demo/server.ts';
import type { Diagnosis } from '../../src/diagnosis/types.ts';
import { createRemediationFlow, type RemediationFlow } from '../../src/remediation/flow.ts';
import { createGroupResolver } from '../../src/remediation/groups.ts';
import { parsePolicy } from '../../src/remediation/policy.ts';
import { createInvestigator } from '../../src/services/investigator.ts';
import type { NamespaceAccess } from '../../src/slack/access.ts';
import { type FaultProxy, startFaultProxy } from '../helpers/fault-proxy.ts';
import { createSlackRecorder, type SlackRecorder } from './slack-recorder.ts';

export const SECRET = 's'.repeat(40);
export const TTL_MS = 15 * 60_000;
export const CHANNEL = 'CINCIDENT';

export const POLICY_YAML = `
rules:
  - namespaces: [payments]
    actions: [restart-pod, rollout-restart, rollback]
    approvers: { users: [UALICE], groups: [SONCALL] }
    twoPersonApproval: true
  - namespaces: [shop, data, checkout]
    actions: [restart-pod, rollout-restart, rollback]
    approvers: { users: [UALICE, UBOB] }
`;

export const ALL_NAMESPACES: NamespaceAccess = { defaultNamespaces: ['*'], channels: {} };

type Demo = Awaited<ReturnType<typeof startDemoCluster>>;

export interface Harness {
  demo: Demo;
  proxy: FaultProxy;
  slack: SlackRecorder;
  flow: RemediationFlow;
  logs: { object: Record<string, unknown>; message: string }[];
  diagnose(namespace: string, target: string): Promise<Diagnosis>;
  /** A diagnosis that offers `action`, waiting while the previous test's replacement pod starts. */
  failing(namespace: string, target: string, action?: string): Promise<Diagnosis>;
  /** Another replica over the same cluster and Slack (its own ledger holder and memory). */
  replica(args: { replicaId: string; now?: () => Date }): RemediationFlow;
  /** Mutations the server received: `DELETE pods`, `PATCH deployments`, `POST leases`, `PUT leases`, `POST events`. */
  mutations(method: string, resource: string): number;
  /** The audit Events the server holds, oldest first. */
  events(namespace: string): { reason: string; message: string; type: string }[];
  close(): Promise<void>;
}

const RESOURCE_PATH = (resource: string) => new RegExp(`/namespaces/[^/]+/${resource}(/|$)`);

export const startHarness = async ({
  policyYaml = POLICY_YAML,
  access = ALL_NAMESPACES,
  now = () => new Date(),
  groupMembers = { SONCALL: ['UCAROL', 'UDAVE'] },
  scenarios,
  followUp = false,
}: {
  policyYaml?: string;
  access?: NamespaceAccess;
  now?: () => Date;
  groupMembers?: Record<string, string[]>;
  scenarios?: string[];
  /** Follow the replacement pod (polls the demo cluster briefly). */
  followUp?: boolean;
} = {}): Promise<Harness> => {
  // Pages of two: every list the flow makes runs its multi-page path.
  const demo = await startDemoCluster({ recreateDelayMs: 20, maxPageSize: 2, ...(scenarios ? { scenarios } : {}) });
  const proxy = await startFaultProxy({ target: demo.url, kubeconfigYaml: demo.kubeconfigYaml });
  const connection = connectCluster({ kubeconfigYaml: proxy.kubeconfigYaml });
  const investigator = createInvestigator({ connection });
  const slack = createSlackRecorder();
  const logs: Harness['logs'] = [];
  const logger = {
    info: (object: Record<string, unknown>, message: string) => void logs.push({ object, message }),
    warn: (object: Record<string, unknown>, message: string) => void logs.push({ object, message }),
  };
  const { policy } = parsePolicy(policyYaml);
  if (!policy) throw new Error('test policy invalid');
  const gateway = createRemediationGateway(connection);
  const replica = ({ replicaId, now: clock = now }: { replicaId: string; now?: () => Date }) =>
    createRemediationFlow({
      policy,
      access,
      gateway,
      groups: createGroupResolver({ listUsers: async (group) => groupMembers[group] ?? [], ttlMs: 60_000, now: clock }),
      slack,
      secret: SECRET,
      ttlMs: TTL_MS,
      now: clock,
      logger,
      replicaId,
      ...(followUp
        ? {
            investigator,
            sleep: (ms: number) => new Promise((resolve) => setTimeout(resolve, ms)),
            followUpAttempts: 40,
            followUpIntervalMs: 50,
          }
        : {}),
    });
  const flow = replica({ replicaId: 'replica-a' });
  const failing: Harness['failing'] = async (namespace, target, action = 'restart-pod') => {
    for (let attempt = 0; ; attempt += 1) {
      try {
        const diagnosis = await investigator.diagnose({ namespace, target });
        offeredValue(flow, diagnosis, action);
        return diagnosis;
      } catch (error) {
        if (attempt > 40) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  };
  return {
    demo,
    proxy,
    slack,
    flow,
    failing,
    logs,
    diagnose: (namespace, target) => investigator.diagnose({ namespace, target }),
    replica,
    mutations: (method, resource) =>
      demo.requests().filter((request) => request.method === method && RESOURCE_PATH(resource).test(request.path))
        .length,
    events: (namespace) =>
      demo.state
        .list('events', namespace)
        .filter((event) => (event as { source?: { component?: string } }).source?.component === 'exitcode')
        .map((event) => {
          const { reason, message, type } = event as unknown as { reason: string; message: string; type: string };
          return { reason, message, type };
        }),
    close: async () => {
      await proxy.close();
      await demo.close();
    },
  };
};

/** The signed value of an offered button, by action id. */
export const offeredValue = (
  flow: RemediationFlow,
  diagnosis: Diagnosis,
  action: string,
  channel = CHANNEL,
): string => {
  const offer = flow
    .buttons(diagnosis, channel)
    .find((button) => button.actionId === `exitcode_remediation_req_${action}`);
  if (!offer) throw new Error(`${action} not offered`);
  return offer.value;
};
