/**
 * Where the CLI's Kubernetes connection comes from, read once from the environment the command was
 * started with (the same variables `serve` validates in src/config.ts): KUBECONFIG, else the pod's
 * ServiceAccount when Kubernetes set KUBERNETES_SERVICE_HOST, else ~/.kube/config (HOME).
 */
export interface KubeTarget {
  kubeconfigPath?: string;
  inCluster?: { host: string; port: string };
  home?: string;
}

const present = (value: string | undefined): string | undefined =>
  value === undefined || value.trim() === '' ? undefined : value.trim();

export const kubeTargetFromEnvironment = (env: Record<string, string | undefined>): KubeTarget => {
  const kubeconfigPath = present(env.KUBECONFIG);
  const host = present(env.KUBERNETES_SERVICE_HOST);
  const home = present(env.HOME);
  return {
    ...(kubeconfigPath ? { kubeconfigPath } : {}),
    ...(host ? { inCluster: { host, port: present(env.KUBERNETES_SERVICE_PORT) ?? '443' } } : {}),
    ...(home ? { home } : {}),
  };
};
