/**
 * A lean stand-in for the Kubernetes API's pod list and watch, for the scanner bench at 10k-50k pods
 * (the demo cluster keeps whole objects and validates every request; this serves pre-serialized pods):
 * paged lists (limit/continue) with a resourceVersion, and watches from a resourceVersion with
 * BOOKMARK events, timeoutSeconds, and an ERROR 410 Expired for a resourceVersion older than its
 * history, like the real server. Every request waits `delayMs` (a remote API server's latency).
 * It also keeps coordination.k8s.io Leases (get, create, conditional replace with 409 on a stale
 * resourceVersion), so the scanner's leadership and ledger go over HTTP as they do in a cluster.
 * Pods are about 4.3 KB of JSON each, like the issue's measurement.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StandInOptions {
  pods: number;
  namespaces: number;
  /** Share of pods crash-looping (restarts 5, CrashLoopBackOff), all in one Deployment per namespace. */
  crashingShare: number;
  delayMs: number;
  bookmarkMs: number;
}

export interface StandIn {
  url: string;
  bytesSent(): number;
  requests(): number;
  /** Total bytes of one full list of every pod (the JSON items). */
  listBytes: number;
  /** Lease requests served, and their bytes both ways (bodies, request line and headers). */
  leaseTraffic(): { requests: number; bytes: number };
  close(): Promise<void>;
}

const padding = 'x'.repeat(1500);

const podJson = ({ namespace, index, crashing }: { namespace: string; index: number; crashing: boolean }): string => {
  const app = crashing ? 'crashy' : `app-${index % 40}`;
  const hash = '7f9c6b4d5';
  const name = `${app}-${hash}-${String(index).padStart(5, '0')}`;
  const started = '2026-12-01T10:00:00Z';
  const containerStatus = crashing
    ? {
        name: 'app',
        ready: false,
        restartCount: 5,
        image: `registry.example/${namespace}/${app}:1.4.2`,
        imageID: `registry.example/${namespace}/${app}@sha256:${'a'.repeat(64)}`,
        containerID: `containerd://${'b'.repeat(64)}`,
        started: false,
        state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 5m0s restarting failed container' } },
        lastState: {
          terminated: {
            exitCode: 1,
            reason: 'Error',
            startedAt: started,
            finishedAt: '2026-12-01T10:00:05Z',
            containerID: `containerd://${'c'.repeat(64)}`,
          },
        },
      }
    : {
        name: 'app',
        ready: true,
        restartCount: 0,
        image: `registry.example/${namespace}/${app}:1.4.2`,
        imageID: `registry.example/${namespace}/${app}@sha256:${'a'.repeat(64)}`,
        containerID: `containerd://${'b'.repeat(64)}`,
        started: true,
        state: { running: { startedAt: started } },
        lastState: {},
      };
  return JSON.stringify({
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: {
      name,
      generateName: `${app}-${hash}-`,
      namespace,
      uid: `${namespace}-${String(index).padStart(8, '0')}-0000-0000-000000000000`,
      resourceVersion: String(1000 + index),
      creationTimestamp: started,
      labels: { app, 'pod-template-hash': hash, 'app.kubernetes.io/part-of': namespace, tier: 'backend' },
      annotations: { 'kubectl.kubernetes.io/restartedAt': started, 'example.com/notes': padding },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: `${app}-${hash}`,
          uid: `rs-${namespace}-${app}`,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: {
      containers: [
        {
          name: 'app',
          image: `registry.example/${namespace}/${app}:1.4.2`,
          command: ['node', 'server.js'],
          ports: [{ containerPort: 8080, protocol: 'TCP' }],
          env: [
            { name: 'PORT', value: '8080' },
            { name: 'LOG_LEVEL', value: 'info' },
            { name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: 'db', key: 'url' } } },
          ],
          resources: { limits: { memory: '256Mi', cpu: '500m' }, requests: { memory: '128Mi', cpu: '100m' } },
          livenessProbe: {
            httpGet: { path: '/healthz', port: 8080, scheme: 'HTTP' },
            periodSeconds: 10,
            timeoutSeconds: 1,
            failureThreshold: 3,
          },
          readinessProbe: {
            httpGet: { path: '/readyz', port: 8080, scheme: 'HTTP' },
            periodSeconds: 5,
            timeoutSeconds: 1,
            failureThreshold: 3,
          },
          volumeMounts: [
            { name: 'kube-api-access', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true },
          ],
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
          imagePullPolicy: 'IfNotPresent',
        },
      ],
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      serviceAccountName: 'default',
      nodeName: `node-${index % 100}`,
      securityContext: { runAsNonRoot: true, runAsUser: 1000 },
      schedulerName: 'default-scheduler',
      tolerations: [
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ],
      volumes: [
        {
          name: 'kube-api-access',
          projected: {
            sources: [{ serviceAccountToken: { expirationSeconds: 3607, path: 'token' } }],
            defaultMode: 420,
          },
        },
      ],
    },
    status: {
      phase: 'Running',
      conditions: ['Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map((type) => ({
        type,
        status: crashing && type.includes('Ready') ? 'False' : 'True',
        lastProbeTime: null,
        lastTransitionTime: started,
      })),
      hostIP: `10.0.${index % 250}.1`,
      podIP: `10.1.${Math.floor(index / 250) % 250}.${index % 250}`,
      podIPs: [{ ip: `10.1.${Math.floor(index / 250) % 250}.${index % 250}` }],
      startTime: started,
      containerStatuses: [containerStatus],
      qosClass: 'Burstable',
    },
  });
};

export const startPodApiStandIn = async (options: StandInOptions): Promise<StandIn> => {
  const byNamespace = new Map<string, string[]>();
  const all: string[] = [];
  const perNamespace = Math.ceil(options.pods / options.namespaces);
  const crashingPerNamespace = Math.round(perNamespace * options.crashingShare);
  for (let n = 0; n < options.namespaces && all.length < options.pods; n += 1) {
    const namespace = `team-${String(n).padStart(2, '0')}`;
    const pods: string[] = [];
    for (let i = 0; i < perNamespace && all.length < options.pods; i += 1) {
      const pod = podJson({ namespace, index: all.length, crashing: i < crashingPerNamespace });
      pods.push(pod);
      all.push(pod);
    }
    byNamespace.set(namespace, pods);
  }
  const listBytes = all.reduce((sum, pod) => sum + pod.length + 1, 0);
  const resourceVersion = 100_000;
  let sent = 0;
  let requests = 0;
  const sockets = new Set<import('node:net').Socket>();

  const write = (res: ServerResponse, text: string): void => {
    sent += Buffer.byteLength(text);
    res.write(text);
  };

  const list = (res: ServerResponse, pods: string[], query: URLSearchParams): void => {
    const limit = Math.max(1, Number(query.get('limit') ?? pods.length) || pods.length);
    const start = Number(query.get('continue') ?? 0) || 0;
    const page = pods.slice(start, start + limit);
    const next = start + limit < pods.length ? String(start + limit) : '';
    res.writeHead(200, { 'content-type': 'application/json' });
    write(
      res,
      `{"kind":"PodList","apiVersion":"v1","metadata":{"resourceVersion":"${resourceVersion}"${next ? `,"continue":"${next}"` : ''}},"items":[`,
    );
    for (let i = 0; i < page.length; i += 1) write(res, i === 0 ? (page[i] as string) : `,${page[i]}`);
    write(res, ']}');
    res.end();
  };

  const watch = (res: ServerResponse, query: URLSearchParams): void => {
    res.writeHead(200, { 'content-type': 'application/json' });
    const from = Number(query.get('resourceVersion') ?? 0);
    if (from < resourceVersion - 1000) {
      write(
        res,
        `${JSON.stringify({ type: 'ERROR', object: { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'Expired', code: 410, message: 'too old resource version' } })}\n`,
      );
      res.end();
      return;
    }
    const bookmarks = query.get('allowWatchBookmarks') === 'true';
    const timer = bookmarks
      ? setInterval(
          () =>
            write(
              res,
              `{"type":"BOOKMARK","object":{"kind":"Pod","apiVersion":"v1","metadata":{"resourceVersion":"${resourceVersion}"}}}\n`,
            ),
          options.bookmarkMs,
        )
      : undefined;
    const end = setTimeout(() => res.end(), Number(query.get('timeoutSeconds') ?? 1800) * 1000);
    res.on('close', () => {
      clearInterval(timer);
      clearTimeout(end);
    });
  };

  const leases = new Map<string, Record<string, unknown> & { metadata: Record<string, unknown> }>();
  let leaseVersion = 1;
  const lease = { requests: 0, bytes: 0 };
  const LEASE_PATH =
    /^\/apis\/coordination\.k8s\.io\/v1\/namespaces\/([a-z0-9-]{1,63})\/leases(?:\/([a-z0-9.-]{1,253}))?$/;
  const answerLease = (req: IncomingMessage, res: ServerResponse, body: string, match: RegExpExecArray): void => {
    const [, namespace, name] = match;
    const reply = (code: number, object: unknown): void => {
      const text = JSON.stringify(object);
      lease.bytes += text.length + 200;
      res.writeHead(code, { 'content-type': 'application/json' }).end(text);
    };
    const status = (code: number, reason: string) =>
      reply(code, { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason, code });
    lease.requests += 1;
    lease.bytes += body.length + req.rawHeaders.join('').length + (req.url ?? '').length;
    const key = `${namespace}/${name ?? ''}`;
    if (req.method === 'GET' && name) {
      const found = leases.get(key);
      if (found) reply(200, found);
      else status(404, 'NotFound');
      return;
    }
    const sent = JSON.parse(body || '{}') as { metadata?: Record<string, unknown> };
    const metadata: Record<string, unknown> = { ...(sent.metadata ?? {}), namespace };
    if (req.method === 'POST' && !name) {
      const created = `${namespace}/${String(metadata.name)}`;
      if (leases.has(created)) {
        status(409, 'AlreadyExists');
        return;
      }
      const stored = { ...sent, metadata: { ...metadata, resourceVersion: String(++leaseVersion) } };
      leases.set(created, stored);
      reply(201, stored);
      return;
    }
    if (req.method === 'PUT' && name) {
      const found = leases.get(key);
      if (!found) {
        status(404, 'NotFound');
        return;
      }
      if (metadata.resourceVersion !== found.metadata.resourceVersion) {
        status(409, 'Conflict');
        return;
      }
      const stored = { ...sent, metadata: { ...metadata, resourceVersion: String(++leaseVersion) } };
      leases.set(key, stored);
      reply(200, stored);
      return;
    }
    status(405, 'MethodNotAllowed');
  };

  const answer = (req: IncomingMessage, res: ServerResponse, body: string): void => {
    requests += 1;
    const url = new URL(req.url ?? '/', 'http://stand-in.invalid');
    // The bench's own probe (not an API path): Lease traffic so far, read by the measured process.
    if (url.pathname === '/bench/lease-traffic') {
      requests -= 1;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(lease));
      return;
    }
    const leaseMatch = LEASE_PATH.exec(url.pathname);
    if (leaseMatch) {
      answerLease(req, res, body, leaseMatch);
      return;
    }
    const match = /^\/api\/v1\/(?:namespaces\/([^/]+)\/)?pods$/.exec(url.pathname);
    if (req.method !== 'GET' || !match) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"kind":"Status","code":404}');
      return;
    }
    const pods = match[1] === undefined ? all : (byNamespace.get(match[1]) ?? []);
    if (['1', 'true'].includes(url.searchParams.get('watch') ?? '')) watch(res, url.searchParams);
    else list(res, pods, url.searchParams);
  };

  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => setTimeout(() => answer(req, res, body), options.delayMs));
  });
  // kube-apiserver keeps an idle connection 90 s (its IdleTimeout, k8s.io/apiserver secure_serving.go);
  // Node's default of 5 s would make every 10 s renewal open a new connection, which a cluster does not.
  server.keepAliveTimeout = 90_000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    bytesSent: () => sent,
    requests: () => requests,
    listBytes,
    leaseTraffic: () => ({ ...lease }),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};
