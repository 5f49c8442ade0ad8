/**
 * A loopback Kubernetes API for remediation's gateway tests: pods (get, delete with the UID
 * precondition, controller recreation with a new uid), the rollout-restart patch on workloads,
 * coordination.k8s.io Leases (create-if-absent, optimistic replace), events, and RBAC refusals.
 * It records every request so tests count DELETEs and read the patch's content type.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface KubeRequest {
  method: string;
  path: string;
  contentType?: string;
  body?: Record<string, unknown>;
}

interface StoredPod {
  name: string;
  uid: string;
  owned: boolean;
}

export interface KubeStandIn {
  url: string;
  kubeconfigYaml: string;
  requests: KubeRequest[];
  pods: Map<string, StoredPod>;
  leases: Map<string, Record<string, unknown>>;
  events: Record<string, unknown>[];
  addPod(namespace: string, pod: StoredPod): void;
  /** Answer 403 for this verb on this resource (like a Role that lacks it). */
  forbid(verb: string, resource: string): void;
  close(): Promise<void>;
}

const status = (code: number, reason: string, message: string) => ({
  kind: 'Status',
  apiVersion: 'v1',
  status: 'Failure',
  code,
  reason,
  message,
});

export const startKubeStandIn = async (): Promise<KubeStandIn> => {
  const requests: KubeRequest[] = [];
  const pods = new Map<string, StoredPod>();
  const leases = new Map<string, Record<string, unknown>>();
  const events: Record<string, unknown>[] = [];
  const forbidden = new Set<string>();
  let version = 1;

  const send = (res: ServerResponse, code: number, body: unknown) => {
    res.writeHead(code, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  const handle = (req: IncomingMessage, res: ServerResponse, body: Record<string, unknown> | undefined) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const method = req.method ?? 'GET';
    const parts = url.pathname.split('/').filter(Boolean);
    const nsAt = parts.indexOf('namespaces');
    const namespace = parts[nsAt + 1] ?? '';
    const resource = parts[nsAt + 2] ?? '';
    const name = parts[nsAt + 3];
    const verb =
      method === 'DELETE'
        ? 'delete'
        : method === 'PATCH'
          ? 'patch'
          : method === 'POST'
            ? 'create'
            : method === 'PUT'
              ? 'update'
              : name
                ? 'get'
                : 'list';
    if (forbidden.has(`${verb} ${resource}`)) {
      return send(res, 403, status(403, 'Forbidden', `${resource} is forbidden: cannot ${verb}`));
    }
    const key = `${namespace}/${name ?? ''}`;
    if (resource === 'pods') {
      const pod = pods.get(key);
      if (!pod) return send(res, 404, status(404, 'NotFound', `pods "${name}" not found`));
      if (method === 'GET') return send(res, 200, { metadata: { name: pod.name, namespace, uid: pod.uid } });
      if (method === 'DELETE') {
        const wanted = (body?.preconditions as { uid?: string } | undefined)?.uid;
        if (wanted && wanted !== pod.uid) {
          return send(res, 409, status(409, 'Conflict', 'Precondition failed: UID in precondition does not match'));
        }
        pods.delete(key);
        // The controller recreates an owned pod under a new name; a bare pod is simply gone.
        if (pod.owned) {
          const replacement = {
            ...pod,
            name: `${pod.name.replace(/-[a-z0-9]{5}$/, '')}-${randomUUID().slice(0, 5)}`,
            uid: randomUUID(),
          };
          pods.set(`${namespace}/${replacement.name}`, replacement);
        }
        return send(res, 200, { kind: 'Pod', metadata: { name: pod.name, namespace, uid: pod.uid } });
      }
    }
    if (['deployments', 'statefulsets', 'daemonsets'].includes(resource) && method === 'PATCH') {
      return send(res, 200, { kind: 'Deployment', apiVersion: 'apps/v1', metadata: { name, namespace }, ...body });
    }
    if (resource === 'events' && method === 'POST') {
      events.push(body ?? {});
      return send(res, 201, body);
    }
    if (resource === 'leases') {
      if (method === 'GET' && !name) {
        return send(res, 200, {
          kind: 'LeaseList',
          apiVersion: 'coordination.k8s.io/v1',
          metadata: {},
          items: [...leases.entries()].filter(([k]) => k.startsWith(`${namespace}/`)).map(([, v]) => v),
        });
      }
      if (method === 'POST') {
        const meta = body?.metadata as { name: string };
        const id = `${namespace}/${meta.name}`;
        if (leases.has(id)) return send(res, 409, status(409, 'AlreadyExists', `leases "${meta.name}" already exists`));
        const stored = { ...body, metadata: { ...meta, namespace, resourceVersion: String(version++) } };
        leases.set(id, stored);
        return send(res, 201, stored);
      }
      const lease = leases.get(key);
      if (!lease) return send(res, 404, status(404, 'NotFound', `leases "${name}" not found`));
      if (method === 'GET') return send(res, 200, lease);
      if (method === 'DELETE') {
        leases.delete(key);
        return send(res, 200, status(200, '', ''));
      }
      if (method === 'PUT') {
        const given = (body?.metadata as { resourceVersion?: string } | undefined)?.resourceVersion;
        const current = (lease.metadata as { resourceVersion: string }).resourceVersion;
        if (given !== current) return send(res, 409, status(409, 'Conflict', 'the object has been modified'));
        const stored = { ...body, metadata: { ...(body?.metadata as object), resourceVersion: String(version++) } };
        leases.set(key, stored);
        return send(res, 200, stored);
      }
    }
    return send(res, 404, status(404, 'NotFound', `no handler for ${method} ${url.pathname}`));
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const body = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
      requests.push({
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        contentType: req.headers['content-type'],
        ...(body ? { body } : {}),
      });
      handle(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const kubeconfigYaml = `apiVersion: v1
kind: Config
clusters: [{ name: stand-in, cluster: { server: "${url}", insecure-skip-tls-verify: true } }]
users: [{ name: u, user: { token: t } }]
contexts: [{ name: stand-in, context: { cluster: stand-in, user: u } }]
current-context: stand-in
`;
  return {
    url,
    kubeconfigYaml,
    requests,
    pods,
    leases,
    events,
    addPod: (namespace, pod) => pods.set(`${namespace}/${pod.name}`, pod),
    forbid: (verb, resource) => forbidden.add(`${verb} ${resource}`),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
