/**
 * A fault-injecting HTTP proxy in front of the demo cluster (or any loopback API server). A fault
 * picks the Nth request (and the following `times - 1`) of a method and resource, and:
 * - `status-before`: answers `status` (500 by default) without forwarding: the server never saw it;
 * - `status-after`: forwards, lets the server apply it, then answers `status` instead of its answer;
 * - `reset-before` / `reset-after`: destroys the connection before forwarding / after the server applied it;
 * - `hang`: never forwards and never answers (the client's timeout decides);
 * - `hang-after`: forwards (the server applies it), then never answers.
 *
 *   const proxy = await startFaultProxy({ target: demo.url, kubeconfigYaml: demo.kubeconfigYaml });
 *   proxy.inject({ method: 'DELETE', resource: 'pods', mode: 'status-after' });
 *   connectCluster({ kubeconfigYaml: proxy.kubeconfigYaml });
 *
 * What reached the server is counted by the server itself (demo.requests()), not here.
 */
import { createServer, type IncomingMessage, request as httpRequest, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type FaultMode = 'status-before' | 'status-after' | 'reset-before' | 'reset-after' | 'hang' | 'hang-after';

export interface Fault {
  method: string;
  /** The API resource, with subresource: pods, pods/log, leases, events, deployments. */
  resource: string;
  mode: FaultMode;
  /** Which matching request fails first (1-based, counted from when the fault is injected). */
  nth?: number;
  /** How many matching requests fail from the Nth on (default 1). */
  times?: number;
  status?: number;
}

export interface FaultProxy {
  url: string;
  /** The target's kubeconfig pointed at the proxy. */
  kubeconfigYaml: string;
  inject(fault: Fault): void;
  clear(): void;
  /** Requests that a fault hit, as "METHOD resource mode". */
  hits: string[];
  close(): Promise<void>;
}

/** The resource of an API path: /api/v1/namespaces/x/pods/y/log -> pods/log; /apis/g/v/namespaces/x/leases -> leases. */
export const resourceOf = (path: string): string => {
  const parts = path.split('?')[0]?.split('/').filter(Boolean) ?? [];
  const start = parts[0] === 'api' ? 2 : 3;
  let rest = parts.slice(start);
  if (rest[0] === 'namespaces' && rest.length > 2) rest = rest.slice(2);
  const [resource, , sub] = rest;
  return sub ? `${resource}/${sub}` : (resource ?? '');
};

const readBody = async (request: IncomingMessage): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

const statusBody = (code: number) =>
  JSON.stringify({
    kind: 'Status',
    apiVersion: 'v1',
    status: 'Failure',
    message: 'injected fault',
    reason: 'InternalError',
    code,
  });

export const startFaultProxy = async ({
  target,
  kubeconfigYaml,
}: {
  target: string;
  kubeconfigYaml: string;
}): Promise<FaultProxy> => {
  const targetUrl = new URL(target);
  const armed: (Fault & { seen: number })[] = [];
  const hits: string[] = [];
  const sockets = new Set<Socket>();

  const pick = (method: string, resource: string): Fault | undefined => {
    for (const fault of armed) {
      if (fault.method !== method || fault.resource !== resource) continue;
      fault.seen += 1;
      const first = fault.nth ?? 1;
      if (fault.seen >= first && fault.seen < first + (fault.times ?? 1)) return fault;
    }
    return undefined;
  };

  const forward = (incoming: IncomingMessage, body: Buffer) =>
    new Promise<Buffer>((resolve, reject) => {
      const outgoing = httpRequest(
        {
          host: targetUrl.hostname,
          port: targetUrl.port,
          method: incoming.method,
          path: incoming.url,
          headers: { ...incoming.headers, host: targetUrl.host },
        },
        async (response) => {
          try {
            resolve(await readBody(response));
          } catch (error) {
            reject(error);
          }
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });

  /** Streams the answer back as it comes (watches included). */
  const passThrough = (incoming: IncomingMessage, body: Buffer, reply: ServerResponse) => {
    const outgoing = httpRequest(
      {
        host: targetUrl.hostname,
        port: targetUrl.port,
        method: incoming.method,
        path: incoming.url,
        headers: { ...incoming.headers, host: targetUrl.host },
      },
      (response) => {
        reply.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(reply);
      },
    );
    outgoing.on('error', () => incoming.socket.destroy());
    outgoing.end(body);
  };

  const handle = async (incoming: IncomingMessage, reply: ServerResponse) => {
    const body = await readBody(incoming);
    const method = incoming.method ?? 'GET';
    const resource = resourceOf(incoming.url ?? '');
    // A watch is a stream: pass it through untouched.
    const fault = /[?&]watch=(1|true)/.test(incoming.url ?? '') ? undefined : pick(method, resource);
    if (fault) hits.push(`${method} ${resource} ${fault.mode}`);
    if (fault?.mode === 'hang') return;
    if (fault?.mode === 'reset-before') return void incoming.socket.destroy();
    if (fault?.mode === 'status-before') {
      reply.writeHead(fault.status ?? 500, { 'content-type': 'application/json' });
      return void reply.end(statusBody(fault.status ?? 500));
    }
    if (!fault) return passThrough(incoming, body, reply);
    // The server applies it; the client hears of a failure instead.
    try {
      await forward(incoming, body);
    } catch {
      return void incoming.socket.destroy();
    }
    if (fault.mode === 'reset-after') return void incoming.socket.destroy();
    if (fault.mode === 'hang-after') return;
    reply.writeHead(fault.status ?? 500, { 'content-type': 'application/json' });
    reply.end(statusBody(fault.status ?? 500));
  };

  const server = createServer((incoming, reply) => {
    handle(incoming, reply).catch(() => incoming.socket.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    kubeconfigYaml: kubeconfigYaml.split(target).join(url),
    inject: (fault) => void armed.push({ ...fault, seen: 0 }),
    clear: () => void armed.splice(0),
    hits,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};
