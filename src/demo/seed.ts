/** Fills a fresh store: namespaces, nodes, and every selected scenario's objects and logs. */
import { randomUUID } from 'node:crypto';
import { SCENARIOS } from './scenarios/index.ts';
import type { DemoState } from './state.ts';
import type { BuildContext, DemoScenario, KubeObject } from './types.ts';

const DAY = 86_400;

const node = (name: string, arch: string, ago: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: {
    name,
    creationTimestamp: ago,
    labels: {
      'kubernetes.io/arch': arch,
      'kubernetes.io/os': 'linux',
      'kubernetes.io/hostname': name,
      'node.kubernetes.io/instance-type': arch === 'arm64' ? 'm7g.xlarge' : 'm6i.xlarge',
    },
  },
  spec: { podCIDR: '10.244.1.0/24' },
  status: {
    capacity: { cpu: '4', memory: '16318460Ki', pods: '110' },
    allocatable: { cpu: '3920m', memory: '15467516Ki', pods: '110' },
    conditions: [
      {
        type: 'MemoryPressure',
        status: 'False',
        reason: 'KubeletHasSufficientMemory',
        message: 'kubelet has sufficient memory available',
      },
      {
        type: 'DiskPressure',
        status: 'False',
        reason: 'KubeletHasNoDiskPressure',
        message: 'kubelet has no disk pressure',
      },
      {
        type: 'PIDPressure',
        status: 'False',
        reason: 'KubeletHasSufficientPID',
        message: 'kubelet has sufficient PID available',
      },
      { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' },
    ],
    nodeInfo: {
      architecture: arch,
      operatingSystem: 'linux',
      kernelVersion: arch === 'arm64' ? '6.1.115-126.197.amzn2023.aarch64' : '6.1.115-126.197.amzn2023.x86_64',
      osImage: 'Amazon Linux 2023.6.20241121',
      containerRuntimeVersion: 'containerd://1.7.23',
      kubeletVersion: 'v1.31.3',
      kubeProxyVersion: 'v1.31.3',
      machineID: randomUUID().replaceAll('-', ''),
      systemUUID: randomUUID(),
      bootID: randomUUID(),
    },
  },
});

const namespace = (name: string, ago: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name, creationTimestamp: ago, labels: { 'kubernetes.io/metadata.name': name } },
  spec: { finalizers: ['kubernetes'] },
  status: { phase: 'Active' },
});

export const selectScenarios = (ids: string[] | undefined): DemoScenario[] => {
  if (!ids) return SCENARIOS;
  const unknown = ids.filter((id) => !SCENARIOS.some((s) => s.id === id));
  if (unknown.length > 0) throw new Error(`demo: unknown scenario(s) ${unknown.join(', ')}`);
  return SCENARIOS.filter((s) => ids.includes(s.id));
};

export const seedState = (state: DemoState, scenarios: DemoScenario[]): void => {
  const now = state.now();
  const context: BuildContext = {
    now,
    ago: (seconds) => new Date(now.getTime() - seconds * 1000).toISOString(),
    uid: () => randomUUID(),
  };
  const old = context.ago(200 * DAY).replace(/\.\d+Z$/, 'Z');
  for (const name of ['default', 'kube-system', 'exitcode', 'shop', 'payments', 'data'])
    state.put(namespace(name, old));
  state.put(node('node-amd64-1', 'amd64', old));
  state.put(node('node-amd64-2', 'amd64', old));
  state.put(node('node-arm64-1', 'arm64', old));
  for (const scenario of scenarios) {
    const built = scenario.build(context);
    for (const object of built.objects) {
      state.put(object);
      state.scenarioOf.set(`${object.metadata.namespace}/${object.kind}/${object.metadata.name}`, scenario);
    }
    for (const log of built.logs) {
      state.setLogs(log.namespace, log.pod, log.container, {
        ...(log.previous ? { previous: log.previous } : {}),
        ...(log.current ? { current: log.current } : {}),
      });
    }
  }
};
