/** Status objects, shaped exactly like the API server's failure and success answers. */

export interface Reply {
  status: number;
  body: unknown;
  /** application/json unless set (logs are text/plain). */
  contentType?: string;
}

const REASONS: Record<number, string> = {
  400: 'BadRequest',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  409: 'Conflict',
  415: 'UnsupportedMediaType',
  422: 'Invalid',
  500: 'InternalError',
};

export const failure = (input: {
  code: number;
  message: string;
  reason?: string;
  details?: {
    name?: string;
    group?: string;
    kind?: string;
    causes?: { reason: string; message: string; field: string }[];
  };
}): Reply => ({
  status: input.code,
  body: {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: input.message,
    reason: input.reason ?? REASONS[input.code] ?? 'Unknown',
    ...(input.details ? { details: input.details } : {}),
    code: input.code,
  },
});

export const success = (details: { name: string; group?: string; kind: string; uid?: string }): Reply => ({
  status: 200,
  body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details },
});

export const notFound = (qualified: string, name: string, group: string, kind: string): Reply =>
  failure({
    code: 404,
    message: `${qualified} "${name}" not found`,
    details: { name, ...(group ? { group } : {}), kind },
  });
