/** The resources the demo serves: group, version, kind, scope and verbs, as discovery would list them. */

export interface ResourceInfo {
  group: string;
  version: string;
  resource: string;
  kind: string;
  namespaced: boolean;
  verbs: string[];
  shortNames?: string[];
}

const READ = ['get', 'list'];
const ALL = ['create', 'delete', 'get', 'list', 'patch', 'update'];

export const RESOURCES: ResourceInfo[] = [
  {
    group: '',
    version: 'v1',
    resource: 'namespaces',
    kind: 'Namespace',
    namespaced: false,
    verbs: READ,
    shortNames: ['ns'],
  },
  { group: '', version: 'v1', resource: 'nodes', kind: 'Node', namespaced: false, verbs: READ, shortNames: ['no'] },
  {
    group: '',
    version: 'v1',
    resource: 'pods',
    kind: 'Pod',
    namespaced: true,
    verbs: [...READ, 'delete'],
    shortNames: ['po'],
  },
  {
    group: '',
    version: 'v1',
    resource: 'events',
    kind: 'Event',
    namespaced: true,
    verbs: [...READ, 'create'],
    shortNames: ['ev'],
  },
  {
    group: 'apps',
    version: 'v1',
    resource: 'deployments',
    kind: 'Deployment',
    namespaced: true,
    verbs: [...READ, 'patch'],
    shortNames: ['deploy'],
  },
  {
    group: 'apps',
    version: 'v1',
    resource: 'replicasets',
    kind: 'ReplicaSet',
    namespaced: true,
    verbs: READ,
    shortNames: ['rs'],
  },
  {
    group: 'apps',
    version: 'v1',
    resource: 'statefulsets',
    kind: 'StatefulSet',
    namespaced: true,
    verbs: [...READ, 'patch'],
    shortNames: ['sts'],
  },
  {
    group: 'apps',
    version: 'v1',
    resource: 'daemonsets',
    kind: 'DaemonSet',
    namespaced: true,
    verbs: [...READ, 'patch'],
    shortNames: ['ds'],
  },
  {
    group: 'apps',
    version: 'v1',
    resource: 'controllerrevisions',
    kind: 'ControllerRevision',
    namespaced: true,
    verbs: READ,
  },
  { group: 'batch', version: 'v1', resource: 'jobs', kind: 'Job', namespaced: true, verbs: READ },
  {
    group: 'batch',
    version: 'v1',
    resource: 'cronjobs',
    kind: 'CronJob',
    namespaced: true,
    verbs: READ,
    shortNames: ['cj'],
  },
  { group: 'coordination.k8s.io', version: 'v1', resource: 'leases', kind: 'Lease', namespaced: true, verbs: ALL },
];

export const findResource = (group: string, version: string, resource: string): ResourceInfo | undefined =>
  RESOURCES.find((r) => r.group === group && r.version === version && r.resource === resource);

/** The name the API server uses in messages: `pods`, `deployments.apps`, `leases.coordination.k8s.io`. */
export const qualifiedName = (info: { group: string; resource: string }): string =>
  info.group === '' ? info.resource : `${info.resource}.${info.group}`;

export const apiVersionOf = (info: ResourceInfo): string =>
  info.group === '' ? info.version : `${info.group}/${info.version}`;
