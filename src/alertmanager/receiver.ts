/**
 * `POST /alertmanager`: Alertmanager's webhook receiver, as a route beside /healthz and /metrics.
 * Bearer-token auth (compared in constant time), a bounded body, the v4 payload validated with a 400
 * naming the problem, and each known alert handed to the incident engine. Unknown alerts are
 * acknowledged (200) and logged, never posted. A replica that does not announce answers 503, so
 * Alertmanager retries (it retries on 5xx) and reaches the one that does.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { OpsRoute } from '../ops/routes.ts';
import type { AlertInput, AlertOutcome } from '../scanner/incident-engine.ts';
import { alertTarget, payloadProblem, webhookSchema } from './payload.ts';

export const ALERTMANAGER_PATH = '/alertmanager';
const MAX_BODY_BYTES = 1024 * 1024;

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/** Constant-time comparison of equal-length digests: no early exit on the first wrong byte. */
export const bearerMatches = (header: string | undefined, token: string): boolean => {
  const match = /^Bearer ([^\s]+)$/.exec(header ?? '');
  return match?.[1] !== undefined && timingSafeEqual(digest(match[1]), digest(token));
};

const reply = (
  res: ServerResponse,
  status: number,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): void => {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
};

const readBody = (req: IncomingMessage): Promise<string | 'too-large'> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve('too-large');
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

export const handleAlertmanager = async ({
  req,
  res,
  token,
  alert,
  logger,
}: {
  req: IncomingMessage;
  res: ServerResponse;
  token: string;
  alert: (input: AlertInput) => Promise<AlertOutcome>;
  logger: Logger;
}): Promise<void> => {
  if (!bearerMatches(req.headers.authorization, token)) {
    reply(
      res,
      401,
      { error: 'missing or wrong bearer token (http_config.authorization in the Alertmanager receiver)' },
      { 'www-authenticate': 'Bearer' },
    );
    return;
  }
  const body = await readBody(req);
  if (body === 'too-large') return reply(res, 413, { error: `payload larger than ${MAX_BODY_BYTES} bytes` });
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return reply(res, 400, { error: 'body is not JSON' });
  }
  const parsed = webhookSchema.safeParse(json);
  if (!parsed.success) return reply(res, 400, { error: payloadProblem(parsed.error) });
  const outcomes: Record<string, number> = {};
  for (const entry of parsed.data.alerts) {
    const target = alertTarget(entry);
    if (!target.known) {
      logger.info({ alertname: target.alertname.slice(0, 200), why: target.why }, 'alert acknowledged, not acted on');
      outcomes.ignored = (outcomes.ignored ?? 0) + 1;
      continue;
    }
    const outcome = await alert(target.input);
    if (outcome === 'not-leader') {
      return reply(res, 503, { error: 'this replica does not announce incidents; retry' }, { 'retry-after': '5' });
    }
    if (outcome === 'no-pod') {
      logger.info(
        {
          alertname: target.input.alertname,
          namespace: target.input.namespace,
          pod: target.input.pod,
          job: target.input.job,
        },
        'alert names no pod the scanner watches (namespace outside the scan channel, ignored, or gone): nothing opened',
      );
    }
    outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
  }
  reply(res, 200, { ok: true, ...outcomes });
};

/** The route, shaped like the ops routes (Bolt custom route). */
export const alertmanagerRoute = ({
  token,
  alert,
  logger,
}: {
  token: string;
  alert: (input: AlertInput) => Promise<AlertOutcome>;
  logger: Logger;
}): OpsRoute => ({
  path: ALERTMANAGER_PATH,
  method: ['POST'],
  handler: (req, res) => {
    handleAlertmanager({ req, res, token, alert, logger }).catch((error: unknown) => {
      logger.warn({ err: error }, 'alertmanager webhook failed');
      if (!res.headersSent) reply(res, 500, { error: 'internal error' });
    });
  },
});
