/**
 * The resource handlers: get, list (with label and field selectors), create, update (optimistic
 * concurrency on resourceVersion), patch (with controller rollout) and delete (with preconditions and
 * controller recreation). Answers and failure messages follow the real API server's.
 */
import { randomSuffix } from './names.ts';
import { apiVersionOf, qualifiedName } from './resources.ts';
import { PatchError, applyPatch } from './patch.ts';
import type { ResourceRequest } from './router.ts';
import { type Schedule, rollout } from './rollout.ts';
import { type Matcher, SelectorError, queryMatcher } from './selectors.ts';
import { selectableOf } from './fields.ts';
import { type SortedView, isPage, paginate, sortedView } from './pagination.ts';
import type { DemoState } from './state.ts';
import { type Reply, failure, notFound, success } from './status.ts';
import { controllerOf, createReplacement, replacementIdentity } from './controller.ts';
import type { KubeObject } from './types.ts';
import { readLog } from './logs.ts';
import { toTable, wantsTable } from './table.ts';
import { rejectionOf } from './validation.ts';

type Json = Record<string, unknown>;

export interface HandlerContext {
  state: DemoState;
  query: URLSearchParams;
  body: unknown;
  contentType: string;
  /** The Accept header: kubectl asks for server-side Tables. */
  accept: string;
  rotatedLogs: boolean;
  schedule: Schedule;
  /** The most items a list page holds whatever `limit` asks (undefined: no cap). */
  maxPageSize?: number;
  /** How long a deleted pod stays Terminating before it is gone (undefined or 0: gone at once). */
  podTerminationMs?: number;
  /** Runs `work` after `ms` (cancelled when the server closes). */
  later: (ms: number, work: () => void) => void;
}

const missing = (request: ResourceRequest, name: string): Reply =>
  notFound(qualifiedName(request.info), name, request.info.group, request.info.resource);

const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const asTable = (request: ResourceRequest, context: HandlerContext, items: KubeObject[]): unknown | undefined =>
  wantsTable(context.accept)
    ? toTable({
        kind: request.info.kind,
        items,
        now: context.state.now(),
        resourceVersion: String(context.state.currentRevision()),
      })
    : undefined;

const lastView = new WeakMap<DemoState, { key: string; view: SortedView }>();

const list = (request: ResourceRequest, context: HandlerContext): Reply => {
  let matches: Matcher;
  try {
    matches = queryMatcher(request.info.resource, context.query);
  } catch (error) {
    if (error instanceof SelectorError) return failure({ code: 400, message: error.message });
    throw error;
  }
  const { state } = context;
  const { resource } = request.info;
  const labelSelector = context.query.get('labelSelector') ?? '';
  const fieldSelector = context.query.get('fieldSelector') ?? '';
  // Chunked lists of a big collection read the same sorted view page after page: build it once per revision.
  const viewKey = `${resource}|${request.namespace ?? ''}|${state.currentRevision()}|${labelSelector}|${fieldSelector}`;
  const paged = context.query.has('limit') || context.query.has('continue');
  let view = paged ? lastView.get(state) : undefined;
  if (view?.key !== viewKey) {
    const all = state.list(resource, request.namespace);
    const selected = labelSelector || fieldSelector ? all.filter((o) => matches(selectableOf(resource, o))) : all;
    view = { key: viewKey, view: sortedView(selected) };
    lastView.set(state, view);
  }
  const page = paginate({
    view: view.view,
    query: context.query,
    currentRevision: state.currentRevision(),
    oldestRevision: state.history.oldestRevision(resource),
    maxPageSize: context.maxPageSize,
    withRemaining: !labelSelector && !fieldSelector,
  });
  if (!isPage(page)) return page;
  const metadata = {
    resourceVersion: page.resourceVersion,
    ...(page.continue ? { continue: page.continue } : {}),
    ...(page.remainingItemCount !== undefined ? { remainingItemCount: page.remainingItemCount } : {}),
  };
  if (wantsTable(context.accept)) {
    const table = toTable({ kind: request.info.kind, items: page.items, now: state.now(), resourceVersion: '' });
    if (table) return { status: 200, body: { ...(table as Json), metadata } };
  }
  return {
    status: 200,
    body: { kind: `${request.info.kind}List`, apiVersion: apiVersionOf(request.info), metadata, items: page.items },
  };
};

const wrongNamespace = (): Reply =>
  failure({
    code: 400,
    message: 'the namespace of the provided object does not match the namespace sent on the request',
  });

const create = (request: ResourceRequest, context: HandlerContext): Reply => {
  const { state } = context;
  if (!isObject(context.body) || !isObject(context.body['metadata']))
    return failure({ code: 400, message: 'the body must be an object with metadata' });
  const object = structuredClone(context.body) as KubeObject;
  const namespace = request.namespace;
  if (namespace !== undefined && !state.get('namespaces', undefined, namespace))
    return notFound('namespaces', namespace, '', 'namespaces');
  if (!object.metadata.name && object.metadata.generateName)
    object.metadata.name = `${object.metadata.generateName}${randomSuffix()}`;
  if (!object.metadata.name)
    return failure({
      code: 422,
      message: `${request.info.kind} "" is invalid: metadata.name: Required value: name or generateName is required`,
      reason: 'Invalid',
    });
  if (
    object.metadata.namespace !== undefined &&
    object.metadata.namespace !== '' &&
    object.metadata.namespace !== namespace
  )
    return wrongNamespace();
  if (namespace !== undefined) object.metadata.namespace = namespace;
  object.apiVersion = apiVersionOf(request.info);
  object.kind = request.info.kind;
  if (state.get(request.info.resource, namespace, object.metadata.name)) {
    return failure({
      code: 409,
      reason: 'AlreadyExists',
      message: `${qualifiedName(request.info)} "${object.metadata.name}" already exists`,
      details: {
        name: object.metadata.name,
        ...(request.info.group ? { group: request.info.group } : {}),
        kind: request.info.resource,
      },
    });
  }
  const rejected = rejectionOf({ info: request.info, object, update: false });
  if (rejected) return rejected;
  delete object.metadata.uid;
  delete object.metadata.creationTimestamp;
  return { status: 201, body: state.put(object) };
};

const conflict = (request: ResourceRequest, name: string): Reply =>
  failure({
    code: 409,
    reason: 'Conflict',
    message: `Operation cannot be fulfilled on ${qualifiedName(request.info)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    details: { name, ...(request.info.group ? { group: request.info.group } : {}), kind: request.info.resource },
  });

const update = (request: ResourceRequest, context: HandlerContext, current: KubeObject): Reply => {
  if (!isObject(context.body) || !isObject(context.body['metadata']))
    return failure({ code: 400, message: 'the body must be an object with metadata' });
  const object = structuredClone(context.body) as KubeObject;
  if (object.metadata.name !== current.metadata.name) {
    return failure({
      code: 400,
      message: `the name of the object (${String(object.metadata.name)}) does not match the name on the URL (${current.metadata.name})`,
    });
  }
  if (object.metadata.namespace !== undefined && object.metadata.namespace !== current.metadata.namespace)
    return wrongNamespace();
  if (current.metadata.namespace !== undefined) object.metadata.namespace = current.metadata.namespace;
  const rejected = rejectionOf({ info: request.info, object, update: true });
  if (rejected) return rejected;
  const expected = object.metadata.resourceVersion;
  if (expected !== undefined && expected !== '' && expected !== current.metadata.resourceVersion)
    return conflict(request, current.metadata.name);
  object.metadata = {
    ...object.metadata,
    uid: current.metadata.uid,
    creationTimestamp: current.metadata.creationTimestamp,
  };
  object.apiVersion = current.apiVersion;
  object.kind = current.kind;
  return { status: 200, body: context.state.put(object) };
};

const patch = (request: ResourceRequest, context: HandlerContext, current: KubeObject): Reply => {
  let patched: KubeObject;
  try {
    patched = applyPatch({ target: current, patch: context.body, contentType: context.contentType }) as KubeObject;
  } catch (error) {
    if (!(error instanceof PatchError)) throw error;
    const unsupported = error.message.startsWith('unsupported patch type');
    return failure({
      code: unsupported ? 415 : 422,
      message: error.message,
      ...(unsupported ? {} : { reason: 'Invalid' }),
    });
  }
  // Identity fields cannot be patched.
  patched.metadata = {
    ...patched.metadata,
    name: current.metadata.name,
    uid: current.metadata.uid,
    creationTimestamp: current.metadata.creationTimestamp,
  };
  if (current.metadata.namespace !== undefined) patched.metadata.namespace = current.metadata.namespace;
  const rejected = rejectionOf({ info: request.info, object: patched, update: false });
  if (rejected) return rejected;
  // A patch carrying a resourceVersion is a precondition, as for an update.
  const expected = (isObject(context.body) && isObject(context.body['metadata']) ? context.body['metadata'] : {})[
    'resourceVersion'
  ];
  if (typeof expected === 'string' && expected !== '' && expected !== current.metadata.resourceVersion)
    return conflict(request, current.metadata.name);
  const before = JSON.stringify((current['spec'] as Json | undefined)?.['template']);
  const after = JSON.stringify((patched['spec'] as Json | undefined)?.['template']);
  const specChanged = JSON.stringify(current['spec']) !== JSON.stringify(patched['spec']);
  if (specChanged) patched.metadata.generation = (current.metadata.generation ?? 1) + 1;
  if (before !== after && ['Deployment', 'StatefulSet', 'DaemonSet'].includes(patched.kind)) {
    rollout(context.state, context.schedule, patched);
  }
  context.state.put(patched);
  return { status: 200, body: patched };
};

const deletePod = (request: ResourceRequest, context: HandlerContext, pod: KubeObject): Reply => {
  const { state } = context;
  const options = isObject(context.body) ? context.body : {};
  const preconditions = isObject(options['preconditions']) ? options['preconditions'] : {};
  const uid = preconditions['uid'];
  if (typeof uid === 'string' && uid !== pod.metadata.uid) {
    return failure({
      code: 409,
      reason: 'Conflict',
      message: `Precondition failed: UID in precondition: ${uid}, UID in object meta: ${String(pod.metadata.uid)}`,
      details: { name: pod.metadata.name, kind: 'pods' },
    });
  }
  const version = preconditions['resourceVersion'];
  if (typeof version === 'string' && version !== pod.metadata.resourceVersion) {
    return failure({
      code: 409,
      reason: 'Conflict',
      message: `Precondition failed: ResourceVersion in precondition: ${version}, ResourceVersion in object meta: ${String(pod.metadata.resourceVersion)}`,
      details: { name: pod.metadata.name, kind: 'pods' },
    });
  }
  const grace = Number(options['gracePeriodSeconds'] ?? 30);
  const deletionTimestamp = new Date(state.now().getTime() + grace * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
  const finish = (): void => {
    state.remove('pods', request.namespace, pod.metadata.name);
    const controller = controllerOf(state, pod);
    if (controller) {
      const identity = replacementIdentity(controller.owner, pod, controller.template);
      context.schedule(() => {
        // A newer pod may already hold a StatefulSet name (a second delete raced this one).
        if (state.get('pods', request.namespace, identity.name)) return;
        createReplacement({ state, old: pod, owner: controller.owner, template: controller.template, ...identity });
      });
    } else {
      state.dropLogs(String(request.namespace), pod.metadata.name);
    }
  };
  if (context.podTerminationMs !== undefined && context.podTerminationMs > 0) {
    // Graceful deletion as the kubelet does it: the pod stays, Terminating, then goes.
    if (pod.metadata['deletionTimestamp']) return { status: 200, body: structuredClone(pod) };
    pod.metadata['deletionTimestamp'] = deletionTimestamp;
    pod.metadata['deletionGracePeriodSeconds'] = grace;
    state.put(pod);
    const uidNow = pod.metadata.uid;
    context.later(context.podTerminationMs, () => {
      if (state.get('pods', request.namespace, pod.metadata.name)?.metadata.uid === uidNow) finish();
    });
    return { status: 200, body: structuredClone(pod) };
  }
  finish();
  const deleted = structuredClone(pod);
  deleted.metadata.deletionTimestamp = deletionTimestamp;
  deleted.metadata.deletionGracePeriodSeconds = grace;
  return { status: 200, body: deleted };
};

export const handle = (request: ResourceRequest, context: HandlerContext): Reply => {
  const { state } = context;
  const { info, namespace, name } = request;
  if (request.subresource !== undefined) {
    if (info.resource === 'pods' && request.subresource === 'log' && request.verb === 'get' && name) {
      return readLog({
        state,
        namespace: String(namespace),
        pod: name,
        query: context.query,
        rotated: context.rotatedLogs,
      });
    }
    return failure({ code: 404, message: 'the server could not find the requested resource', details: {} });
  }
  if (!info.verbs.includes(request.verb) && !(request.verb === 'get' && info.verbs.includes('list'))) {
    return failure({
      code: 405,
      message: `the server does not allow this method on the requested resource`,
      details: {},
    });
  }
  if (request.verb === 'list') return list(request, context);
  if (request.verb === 'create') return create(request, context);
  if (!name) return failure({ code: 405, message: 'the server does not allow this method on the requested resource' });
  const current = state.get(info.resource, namespace, name);
  if (!current) return missing(request, name);
  switch (request.verb) {
    case 'get':
      return { status: 200, body: asTable(request, context, [current]) ?? current };
    case 'update':
      return update(request, context, current);
    case 'patch':
      return patch(request, context, current);
    case 'delete':
      if (info.resource === 'pods') return deletePod(request, context, current);
      state.remove(info.resource, namespace, name);
      return success({
        name,
        ...(info.group ? { group: info.group } : {}),
        kind: info.resource,
        uid: String(current.metadata.uid),
      });
    default:
      return failure({ code: 405, message: 'the server does not allow this method on the requested resource' });
  }
};
