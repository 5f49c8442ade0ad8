/**
 * Small JSON requests over node:http(s) with the kubeconfig's credentials, for the calls a replica
 * makes all day whether or not anything happens: the scanner's Lease renewals and its ledger.
 *
 * Why not client-node here: on an idle process its fetch path (undici, WHATWG Request/Response,
 * middleware) costs about four times the CPU of a plain request (measured on the bench's stand-in:
 * 16 ms against 4 ms per conditional write after a 2 s pause, client and server together), and
 * undici's keep-alive timers tick twice a second after each request. The sockets kept alive here
 * hold no timer while idle and are reused by the next renewal, so a TLS handshake is not redone.
 *
 * Credentials are read per request as client-node reads them (`applyToHTTPSOptions`: token files,
 * exec plugins, client certificates); one keep-alive pool per distinct TLS material, like
 * connection.ts's pooled authentication. Failures look like client-node's (`ApiException` with the
 * status, or the socket's error with its code), so `sendOnce` and `connection.call` treat both alike.
 */
import { request as httpRequest, Agent as HttpAgent } from 'node:http';
import { request as httpsRequest, Agent as HttpsAgent, type RequestOptions } from 'node:https';
import { ApiException } from '@kubernetes/client-node';
import { type ClusterConnection, tlsFingerprint, tlsOptionsOf } from './connection.ts';

export type JsonRequest = (request: {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** The API path with its query, e.g. /apis/coordination.k8s.io/v1/namespaces/x/leases/y. */
  path: string;
  body?: unknown;
}) => Promise<unknown>;

/** Bodies larger than this are an answer we do not expect from these APIs (a Lease is a few KB). */
const MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

export const createJsonRequests = (connection: Pick<ClusterConnection, 'kubeConfig' | 'requestTimeoutMs'>) => {
  const plainAgent = new HttpAgent({ keepAlive: true, maxSockets: 4 });
  let pool: { fingerprint: string; agent: HttpsAgent } | undefined;
  const agentFor = (options: RequestOptions): HttpsAgent => {
    const fingerprint = tlsFingerprint(options);
    if (pool?.fingerprint === fingerprint) return pool.agent;
    // A rotated certificate gets a new pool. The old one is destroyed once no request can still be using
    // it (they time out after the request timeout at the latest): destroy() would also cut busy sockets.
    const retired = pool?.agent;
    if (retired) setTimeout(() => retired.destroy(), 2 * connection.requestTimeoutMs).unref();
    pool = { fingerprint, agent: new HttpsAgent({ ...tlsOptionsOf(options), keepAlive: true, maxSockets: 4 }) };
    return pool.agent;
  };

  const send: JsonRequest = async ({ method, path, body }) => {
    const server = connection.kubeConfig.getCurrentCluster()?.server ?? '';
    const url = new URL(server.replace(/\/$/, '') + path);
    const options: RequestOptions = {};
    await connection.kubeConfig.applyToHTTPSOptions(options);
    const secure = url.protocol === 'https:';
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string> = { ...((options.headers as Record<string, string>) ?? {}) };
    headers.accept = 'application/json';
    if (options.auth) headers.authorization = `Basic ${Buffer.from(options.auth).toString('base64')}`;
    if (payload !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(Buffer.byteLength(payload));
    }
    return new Promise((resolve, reject) => {
      const req = (secure ? httpsRequest : httpRequest)(url, {
        method,
        headers,
        agent: secure ? agentFor(options) : plainAgent,
        timeout: connection.requestTimeoutMs,
      });
      req.on('timeout', () => req.destroy(Object.assign(new Error('request timed out'), { code: 'ETIMEDOUT' })));
      req.on('error', reject);
      req.on('response', (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_RESPONSE_BYTES) {
            req.destroy(Object.assign(new Error('response too large'), { code: 'ERESPONSETOOLARGE' }));
            return;
          }
          chunks.push(chunk);
        });
        response.on('error', reject);
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const status = response.statusCode ?? 0;
          if (status < 200 || status >= 300) {
            reject(new ApiException(status, `HTTP-Code: ${status}`, text, response.headers as Record<string, string>));
            return;
          }
          try {
            resolve(text.length > 0 ? JSON.parse(text) : undefined);
          } catch (error) {
            reject(error);
          }
        });
      });
      req.end(payload);
    });
  };
  return {
    send,
    /** Closes the kept-alive sockets (shutdown). */
    close: (): void => {
      plainAgent.destroy();
      pool?.agent.destroy();
    },
  };
};
