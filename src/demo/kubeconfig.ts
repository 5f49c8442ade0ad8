/** The kubeconfig that points a client at the demo server (plain HTTP, so TLS verification is off). */
export const DEMO_CONTEXT = 'exitcode-demo';
/** The bearer token the demo kubeconfig sends; with RBAC on it authenticates as the bot's ServiceAccount. */
export const DEMO_TOKEN = 'exitcode-demo-token';

export const demoKubeconfig = (input: { url: string; namespace?: string }): string =>
  [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    `- name: ${DEMO_CONTEXT}`,
    '  cluster:',
    `    server: ${input.url}`,
    // client-node 2.x refuses an http:// server unless this is set.
    '    insecure-skip-tls-verify: true',
    'users:',
    `- name: ${DEMO_CONTEXT}`,
    '  user:',
    `    token: ${DEMO_TOKEN}`,
    'contexts:',
    `- name: ${DEMO_CONTEXT}`,
    '  context:',
    `    cluster: ${DEMO_CONTEXT}`,
    `    user: ${DEMO_CONTEXT}`,
    `    namespace: ${input.namespace ?? 'shop'}`,
    `current-context: ${DEMO_CONTEXT}`,
    '',
  ].join('\n');
