/** The discovery documents clients read first (kubectl, client-node's version check). */
import { RESOURCES } from './resources.ts';
import type { Reply } from './status.ts';

const GROUPS = ['apps', 'batch', 'coordination.k8s.io'];

const resourceList = (group: string, version: string): unknown => ({
  kind: 'APIResourceList',
  apiVersion: 'v1',
  groupVersion: group === '' ? version : `${group}/${version}`,
  resources: [
    ...RESOURCES.filter((r) => r.group === group && r.version === version).map((r) => ({
      name: r.resource,
      singularName: r.kind.toLowerCase(),
      namespaced: r.namespaced,
      kind: r.kind,
      verbs: r.verbs,
      ...(r.shortNames ? { shortNames: r.shortNames } : {}),
    })),
    ...(group === '' ? [{ name: 'pods/log', singularName: '', namespaced: true, kind: 'Pod', verbs: ['get'] }] : []),
  ],
});

export const discovery = (path: string, host: string): Reply => {
  if (path === '/version') {
    return {
      status: 200,
      body: {
        major: '1',
        minor: '31',
        gitVersion: 'v1.31.3-exitcode-demo',
        gitCommit: '0000000000000000000000000000000000000000',
        gitTreeState: 'clean',
        buildDate: '2026-11-01T00:00:00Z',
        goVersion: 'go1.22.9',
        compiler: 'gc',
        platform: 'linux/amd64',
      },
    };
  }
  if (path === '/healthz' || path === '/readyz' || path === '/livez')
    return { status: 200, body: 'ok', contentType: 'text/plain' };
  if (path === '/api') {
    return {
      status: 200,
      body: {
        kind: 'APIVersions',
        versions: ['v1'],
        serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: host }],
      },
    };
  }
  if (path === '/apis') {
    return {
      status: 200,
      body: {
        kind: 'APIGroupList',
        apiVersion: 'v1',
        groups: GROUPS.map((name) => ({
          name,
          versions: [{ groupVersion: `${name}/v1`, version: 'v1' }],
          preferredVersion: { groupVersion: `${name}/v1`, version: 'v1' },
        })),
      },
    };
  }
  const [, prefix, group = '', version = ''] = path.split('/');
  return prefix === 'api'
    ? { status: 200, body: resourceList('', group) }
    : { status: 200, body: resourceList(group, version) };
};
