/**
 * What the real API server refuses on create, update and patch, in its words:
 * - decoding (400 BadRequest): a Lease's MicroTime must be RFC 3339 with exactly six fractional digits
 *   (Go's time.Parse with "2006-01-02T15:04:05.000000Z07:00"), so a JavaScript Date's milliseconds fail;
 * - validation (422 Invalid): metadata.name a DNS subdomain, labels valid, annotations at most 256 KiB
 *   in total; Lease durations and transitions; an Event's namespace equal to its involved object's, and
 *   the reporting fields a new-style Event (with eventTime) needs;
 * - a Lease update without metadata.resourceVersion (Leases do not allow unconditional updates).
 */
import type { ResourceInfo } from './resources.ts';
import { type Reply, failure } from './status.ts';
import type { KubeObject } from './types.ts';

type Json = Record<string, unknown>;

interface FieldError {
  field: string;
  reason: 'FieldValueInvalid' | 'FieldValueRequired' | 'FieldValueTooLong';
  message: string;
}

const quoted = (value: unknown): string => (typeof value === 'string' ? JSON.stringify(value) : String(value));

const invalidValue = (field: string, value: unknown, detail: string): FieldError => ({
  field,
  reason: 'FieldValueInvalid',
  message: `Invalid value: ${quoted(value)}: ${detail}`,
});

const required = (field: string): FieldError => ({ field, reason: 'FieldValueRequired', message: 'Required value' });

const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const SUBDOMAIN_MESSAGE =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const LABEL_VALUE_MESSAGE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
export const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

const subdomainErrors = (field: string, value: string): FieldError[] => {
  if (value.length > 253) return [invalidValue(field, value, 'must be no more than 253 characters')];
  return DNS_SUBDOMAIN.test(value) ? [] : [invalidValue(field, value, SUBDOMAIN_MESSAGE)];
};

const labelKeyErrors = (key: string): FieldError[] => {
  const [prefix, name] = key.includes('/')
    ? [key.slice(0, key.indexOf('/')), key.slice(key.indexOf('/') + 1)]
    : ['', key];
  const errors: FieldError[] = [];
  if (prefix !== '' || key.includes('/')) errors.push(...subdomainErrors('metadata.labels', prefix));
  if (name.length === 0 || name.length > 63 || !QUALIFIED_NAME.test(name))
    errors.push(
      invalidValue(
        'metadata.labels',
        key,
        "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
      ),
    );
  return errors;
};

const metaErrors = (object: KubeObject): FieldError[] => {
  const errors = subdomainErrors('metadata.name', String(object.metadata.name ?? ''));
  for (const [key, value] of Object.entries(object.metadata.labels ?? {})) {
    errors.push(...labelKeyErrors(key));
    if (typeof value !== 'string' || value.length > 63)
      errors.push(invalidValue('metadata.labels', value, 'must be no more than 63 characters'));
    else if (!LABEL_VALUE.test(value)) errors.push(invalidValue('metadata.labels', value, LABEL_VALUE_MESSAGE));
  }
  let size = 0;
  for (const [key, value] of Object.entries(object.metadata.annotations ?? {}))
    size += Buffer.byteLength(key) + Buffer.byteLength(String(value));
  if (size > TOTAL_ANNOTATION_SIZE_LIMIT)
    errors.push({
      field: 'metadata.annotations',
      reason: 'FieldValueTooLong',
      message: `Too long: must have at most ${TOTAL_ANNOTATION_SIZE_LIMIT} bytes`,
    });
  return errors;
};

const leaseErrors = (spec: Json): FieldError[] => {
  const errors: FieldError[] = [];
  const duration = spec['leaseDurationSeconds'];
  if (duration !== undefined && duration !== null && !(Number(duration) > 0))
    errors.push(invalidValue('spec.leaseDurationSeconds', duration, 'must be greater than 0'));
  const transitions = spec['leaseTransitions'];
  if (transitions !== undefined && transitions !== null && Number(transitions) < 0)
    errors.push(invalidValue('spec.leaseTransitions', transitions, 'must be greater than or equal to 0'));
  return errors;
};

const eventErrors = (event: Json, namespace: string): FieldError[] => {
  const errors: FieldError[] = [];
  const involved = (event['involvedObject'] ?? {}) as Json;
  const involvedNamespace = String(involved['namespace'] ?? '');
  const mismatch = () => invalidValue('involvedObject.namespace', involvedNamespace, 'does not match event.namespace');
  const eventTime = event['eventTime'];
  if (eventTime === undefined || eventTime === null || eventTime === '') {
    if (involvedNamespace === '' ? namespace !== '' && namespace !== 'default' : namespace !== involvedNamespace)
      errors.push(mismatch());
    return errors;
  }
  if (involvedNamespace === '' && namespace !== 'default' && namespace !== 'kube-system') errors.push(mismatch());
  const reporting = String(event['reportingComponent'] ?? '');
  if (reporting === '') errors.push(required('reportingComponent'));
  const instance = String(event['reportingInstance'] ?? '');
  if (instance === '') errors.push(required('reportingInstance'));
  else if (instance.length > 128) errors.push(invalidValue('reportingInstance', '', 'can have at most 128 characters'));
  const action = String(event['action'] ?? '');
  if (action === '') errors.push(required('action'));
  else if (action.length > 128) errors.push(invalidValue('action', '', 'can have at most 128 characters'));
  const reason = String(event['reason'] ?? '');
  if (reason === '') errors.push(required('reason'));
  else if (reason.length > 128) errors.push(invalidValue('reason', '', 'can have at most 128 characters'));
  if (String(event['message'] ?? '').length > 1024)
    errors.push(invalidValue('message', '', 'can have at most 1024 characters'));
  return errors;
};

const MICRO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}(Z|[+-]\d{2}:\d{2})$/;
const MICRO_LAYOUT = '2006-01-02T15:04:05.000000Z07:00';

/** The decode error Go's MicroTime.UnmarshalJSON gives, or undefined for a well-formed value. */
const microTimeError = (value: unknown): string | undefined => {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') return `json: cannot unmarshal ${typeof value} into Go value of type string`;
  if (MICRO_TIME.test(value)) return undefined;
  const head = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/.exec(value);
  const rest = head ? value.slice(head[0].length) : value;
  const expected = head ? '.000000' : '2006';
  return `parsing time ${JSON.stringify(value)} as ${JSON.stringify(MICRO_LAYOUT)}: cannot parse ${JSON.stringify(rest)} as ${JSON.stringify(expected)}`;
};

const invalidReply = (info: ResourceInfo, name: string, errors: FieldError[]): Reply => {
  const kind = info.group === '' ? info.kind : `${info.kind}.${info.group}`;
  const listed = errors.map((e) => `${e.field}: ${e.message}`);
  return failure({
    code: 422,
    reason: 'Invalid',
    message: `${kind} ${JSON.stringify(name)} is invalid: ${listed.length === 1 ? listed[0] : `[${listed.join(', ')}]`}`,
    details: {
      name,
      ...(info.group ? { group: info.group } : {}),
      kind: info.kind,
      causes: errors.map((e) => ({ reason: e.reason, message: e.message, field: e.field })),
    },
  });
};

/**
 * The failure the real server answers for this object, or undefined when it would accept it.
 * `update`: a PUT (Leases then need metadata.resourceVersion).
 */
export const rejectionOf = (input: { info: ResourceInfo; object: KubeObject; update: boolean }): Reply | undefined => {
  const { info, object } = input;
  const name = String(object.metadata.name ?? '');
  if (info.resource === 'leases') {
    const spec = (object['spec'] ?? {}) as Json;
    for (const field of ['acquireTime', 'renewTime']) {
      const problem = microTimeError(spec[field]);
      if (problem)
        return failure({
          code: 400,
          message: `${info.kind} in version "${info.version}" cannot be handled as a ${info.kind}: ${problem}`,
        });
    }
  }
  const errors = metaErrors(object);
  if (info.resource === 'leases') {
    errors.push(...leaseErrors((object['spec'] ?? {}) as Json));
    if (input.update && !object.metadata.resourceVersion)
      errors.push(invalidValue('metadata.resourceVersion', '', 'must be specified for an update'));
  }
  if (info.resource === 'events') errors.push(...eventErrors(object, String(object.metadata.namespace ?? '')));
  return errors.length === 0 ? undefined : invalidReply(info, name, errors);
};
