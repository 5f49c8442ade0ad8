/**
 * A bot replica as a real child process, for the kill-and-restart test: it builds the production flow
 * over a kubeconfig (the fault proxy) and either answers an approval click (`approve`) or runs one
 * recovery round (`recover`), then prints what it did as one JSON line. Its Slack is a recorder.
 *
 *   node test/remediation/flow-child.ts '{"role":"approve","kubeconfigYaml":"...","value":"...","threadTs":"..."}'
 */
import { connectCluster } from '../../src/cluster/connection.ts';
import { createRemediationGateway } from '../../src/cluster/mutations.ts';
import { createRemediationFlow } from '../../src/remediation/flow.ts';
import { createGroupResolver } from '../../src/remediation/groups.ts';
import { parsePolicy } from '../../src/remediation/policy.ts';
import { ALL_NAMESPACES, CHANNEL, POLICY_YAML, SECRET, TTL_MS } from './harness.ts';
import { createSlackRecorder } from './slack-recorder.ts';

const input = JSON.parse(process.argv[2] ?? '{}') as {
  role: 'approve' | 'recover';
  kubeconfigYaml: string;
  value?: string;
  threadTs?: string;
  messageTs?: string;
  user?: string;
  clockOffsetMs?: number;
  namespaces?: string[];
};
const { policy } = parsePolicy(POLICY_YAML);
if (!policy) throw new Error('policy');
const now = () => new Date(Date.now() + (input.clockOffsetMs ?? 0));
const slack = createSlackRecorder();
const flow = createRemediationFlow({
  policy,
  access: ALL_NAMESPACES,
  gateway: createRemediationGateway(connectCluster({ kubeconfigYaml: input.kubeconfigYaml })),
  groups: createGroupResolver({ listUsers: async () => ['UCAROL', 'UDAVE'], ttlMs: 60_000, now }),
  slack,
  secret: SECRET,
  ttlMs: TTL_MS,
  now,
  logger: { info: () => {}, warn: () => {} },
  replicaId: `child-${process.pid}`,
});
if (input.role === 'approve') {
  console.log(JSON.stringify({ started: true }));
  await flow.answer({
    value: input.value ?? '',
    userId: input.user ?? 'UCAROL',
    channel: CHANNEL,
    threadTs: input.threadTs ?? '',
    messageTs: input.messageTs ?? '',
  });
  console.log(JSON.stringify({ answered: true }));
} else {
  const counts = await flow.recover(input.namespaces ?? ['payments']);
  console.log(JSON.stringify({ recovered: counts, posted: slack.messages.length, ephemerals: slack.ephemerals }));
}
