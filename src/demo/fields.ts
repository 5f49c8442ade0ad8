/**
 * The fields each resource can be selected by, as the real API server registers them (its
 * ...ToSelectableFields functions): a field selector on anything else is a 400 "field label not
 * supported". Values are strings, as the server compares them; an unset field is "".
 */
import type { KubeObject } from './types.ts';

type Json = Record<string, unknown>;
type Extract = (object: KubeObject) => unknown;

const at =
  (...path: string[]): Extract =>
  (object) => {
    let current: unknown = object;
    for (const segment of path) {
      if (current === null || typeof current !== 'object') return undefined;
      current = (current as Json)[segment];
    }
    return current;
  };

const META: Record<string, Extract> = {
  'metadata.name': at('metadata', 'name'),
  'metadata.namespace': at('metadata', 'namespace'),
};

const podIps = (object: KubeObject): unknown => {
  const ips = at('status', 'podIPs')(object);
  return Array.isArray(ips) ? ips.map((entry) => (entry as Json)['ip']).join(',') : undefined;
};

/** Per resource: field name -> how to read it. Resources not listed support metadata.name/namespace only. */
const SELECTABLE: Record<string, Record<string, Extract>> = {
  pods: {
    ...META,
    'spec.nodeName': at('spec', 'nodeName'),
    'spec.restartPolicy': at('spec', 'restartPolicy'),
    'spec.schedulerName': at('spec', 'schedulerName'),
    'spec.serviceAccountName': at('spec', 'serviceAccountName'),
    'spec.hostNetwork': (object) => at('spec', 'hostNetwork')(object) ?? false,
    'status.phase': at('status', 'phase'),
    'status.podIP': at('status', 'podIP'),
    'status.podIPs': podIps,
    'status.nominatedNodeName': at('status', 'nominatedNodeName'),
  },
  events: {
    ...META,
    'involvedObject.kind': at('involvedObject', 'kind'),
    'involvedObject.namespace': at('involvedObject', 'namespace'),
    'involvedObject.name': at('involvedObject', 'name'),
    'involvedObject.uid': at('involvedObject', 'uid'),
    'involvedObject.apiVersion': at('involvedObject', 'apiVersion'),
    'involvedObject.resourceVersion': at('involvedObject', 'resourceVersion'),
    'involvedObject.fieldPath': at('involvedObject', 'fieldPath'),
    reason: at('reason'),
    reportingComponent: at('reportingComponent'),
    source: at('source', 'component'),
    type: at('type'),
  },
  namespaces: { 'metadata.name': at('metadata', 'name'), 'status.phase': at('status', 'phase') },
  nodes: {
    'metadata.name': at('metadata', 'name'),
    'spec.unschedulable': (o) => at('spec', 'unschedulable')(o) ?? false,
  },
  replicasets: { ...META, 'status.replicas': at('status', 'replicas') },
  jobs: { ...META, 'status.successful': at('status', 'succeeded') },
};

export const supportedFields = (resource: string): string[] => Object.keys(SELECTABLE[resource] ?? META);

export const isSupportedField = (resource: string, field: string): boolean =>
  Object.hasOwn(SELECTABLE[resource] ?? META, field);

/** What selectors look at: the labels and the selectable fields' string values. */
export interface Selectable {
  labels: Record<string, string>;
  fields: Record<string, string>;
}

export const selectableOf = (resource: string, object: KubeObject): Selectable => {
  const fields: Record<string, string> = {};
  for (const [name, extract] of Object.entries(SELECTABLE[resource] ?? META)) {
    const value = extract(object);
    fields[name] = value === undefined || value === null ? '' : String(value);
  }
  return { labels: { ...(object.metadata.labels ?? {}) }, fields };
};
