/**
 * An action request's state machine, pure: requested -> approved -> executing -> done | failed (and
 * requested -> denied), with who and when at every step. The request's Lease is its only record: the
 * view is read from and written to the Lease's annotations, so every replica sees the same request.
 */
import type { ActionId } from './actions/ids.ts';

export const STATES = ['requested', 'approved', 'executing', 'done', 'failed', 'denied'] as const;
export type RequestState = (typeof STATES)[number];

/** What the action did, as far as we know: `unconfirmed` when neither the answer nor a read could tell. */
export type Outcome = 'done' | 'not_done' | 'unconfirmed';

export interface RequestView {
  /** The request id signed into its buttons; the Lease's name is derived from it. */
  rid: string;
  state: RequestState;
  action: ActionId;
  namespace: string;
  pod: string;
  uid: string;
  workloadKind?: string;
  workloadName?: string;
  twoPerson: boolean;
  requestedBy: string;
  requestedAt: string;
  /** Until when the request may be approved (and an approved one may still be run). */
  expiresAt: string;
  approvedBy?: string;
  approvedAt?: string;
  deniedBy?: string;
  deniedAt?: string;
  /** The replica that ran (or runs) the action. */
  executingBy?: string;
  executingAt?: string;
  finishedAt?: string;
  outcome?: Outcome;
  /** One sentence: what happened, for the thread and the audit trail. */
  result?: string;
  /** The diagnosed cause, shown in the action message ("why"). */
  cause?: string;
  /** The value that marks our change (restartedAt, rollback stamp), recorded before the change is sent. */
  stamp?: string;
  /** For a rollback: the revision and its template's ReplicaSet. */
  revision?: string;
  /** Where the request lives in Slack. */
  channel?: string;
  threadTs?: string;
  messageTs?: string;
  diagnosisTs?: string;
  /** The replacement pod's outcome after the action. */
  followUp?: string;
  /** Set when Slack did not take the request's last state: recovery shows it again. */
  unshown?: 'true';
  /** A random id written with each change, so an ambiguous write can be settled by reading. */
  writeId: string;
}

const KEY = 'exitcode.dev/';
export const REQUEST_ANNOTATION_PREFIX = KEY;
const FIELDS: (keyof RequestView)[] = [
  'rid',
  'state',
  'action',
  'namespace',
  'pod',
  'uid',
  'workloadKind',
  'workloadName',
  'twoPerson',
  'requestedBy',
  'requestedAt',
  'expiresAt',
  'approvedBy',
  'approvedAt',
  'deniedBy',
  'deniedAt',
  'executingBy',
  'executingAt',
  'finishedAt',
  'outcome',
  'result',
  'cause',
  'stamp',
  'revision',
  'channel',
  'threadTs',
  'messageTs',
  'diagnosisTs',
  'followUp',
  'unshown',
  'writeId',
];

const kebab = (field: string): string => field.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

/** Annotation values stay short: the API server caps all annotations of an object at 256 KiB together. */
const MAX_VALUE = 600;

export const annotationsOf = (view: RequestView): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const field of FIELDS) {
    const value = view[field];
    if (value === undefined) continue;
    out[`${KEY}${kebab(field)}`] = String(value).slice(0, MAX_VALUE);
  }
  return out;
};

const isState = (value: string | undefined): value is RequestState => STATES.some((state) => state === value);

/** The view in a Lease's annotations; undefined when they are not a request's (another tool's Lease). */
export const viewOf = (annotations: Record<string, string>): RequestView | undefined => {
  const raw: Record<string, string> = {};
  for (const field of FIELDS) {
    const value = annotations[`${KEY}${kebab(field)}`];
    if (value !== undefined) raw[field] = value;
  }
  if (!isState(raw.state) || !raw.rid || !raw.action || !raw.namespace || !raw.pod || !raw.requestedBy)
    return undefined;
  const outcome = raw.outcome;
  return {
    ...(raw as unknown as RequestView),
    twoPerson: raw.twoPerson === 'true',
    ...(outcome === 'done' || outcome === 'not_done' || outcome === 'unconfirmed' ? { outcome } : {}),
  };
};

export const isFinal = (state: RequestState): boolean => state === 'done' || state === 'failed' || state === 'denied';

export const isExpired = (view: RequestView, now: Date): boolean => Date.parse(view.expiresAt) <= now.getTime();

/**
 * Whether a new request may take this record's place: a failed, denied or expired request is free to
 * be asked again. A done one is not (it happened); a live one is not (somebody is on it).
 */
export const isFree = (view: RequestView, now: Date): boolean =>
  view.state === 'failed' || view.state === 'denied' || (view.state === 'requested' && isExpired(view, now));

/** Every step's actor and time, in the order they happened. */
export const stepsOf = (view: RequestView): { state: RequestState; by: string; at: string }[] => {
  const steps: { state: RequestState; by: string; at: string }[] = [
    { state: 'requested', by: view.requestedBy, at: view.requestedAt },
  ];
  if (view.approvedBy && view.approvedAt) steps.push({ state: 'approved', by: view.approvedBy, at: view.approvedAt });
  if (view.deniedBy && view.deniedAt) steps.push({ state: 'denied', by: view.deniedBy, at: view.deniedAt });
  if (view.executingBy && view.executingAt)
    steps.push({ state: 'executing', by: view.executingBy, at: view.executingAt });
  if ((view.state === 'done' || view.state === 'failed') && view.finishedAt)
    steps.push({ state: view.state, by: view.executingBy ?? 'exitcode', at: view.finishedAt });
  return steps;
};
