/**
 * What the flow offers and signs: the action buttons under a diagnosis (only actions the channel may
 * use, the policy allows there, and the diagnosis fits), why an allowed action is not offered, the
 * signed value of a typed request, and the buttons a live action message carries in each state.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Diagnosis } from '../diagnosis/types.ts';
import { isAllowed, type NamespaceAccess } from '../slack/access.ts';
import type { Action } from './actions/action.ts';
import { ACTIONS } from './actions/index.ts';
import type { Buttons } from './notify.ts';
import { offered, type Policy } from './policy.ts';
import { isExpired, type RequestView } from './request-state.ts';
import { type ActionPayload, signPayload } from './token.ts';

export interface OfferedButton {
  actionId: string;
  label: string;
  value: string;
  confirm: string;
}

export const payloadFor = (action: Action, diagnosis: Diagnosis, exp: number, requestKey?: string): ActionPayload => {
  const cause = diagnosis.containers[0]?.classification.best.title;
  return {
    v: 1,
    s: 'req',
    a: action.id,
    ns: diagnosis.namespace,
    pod: diagnosis.pod,
    uid: diagnosis.podUid,
    ...(diagnosis.workload ? { kind: diagnosis.workload.kind, wl: diagnosis.workload.name } : {}),
    exp,
    rid: requestKey
      ? createHash('sha256').update(`${requestKey}:${action.id}`).digest('base64url').slice(0, 32)
      : randomBytes(12).toString('base64url'),
    ...(cause ? { c: cause.slice(0, 200) } : {}),
  };
};

export const createOffers = ({
  policy,
  access,
  secret,
  ttlMs,
  now,
}: {
  policy: Policy;
  access: NamespaceAccess;
  secret: string;
  ttlMs: number;
  now: () => Date;
}) => {
  const tokenFor = (view: RequestView, step: 'req' | 'ok' | 'no', rid: string): string =>
    signPayload(
      {
        v: 1,
        s: step,
        a: view.action,
        ns: view.namespace,
        pod: view.pod,
        uid: view.uid,
        ...(view.workloadKind && view.workloadName ? { kind: view.workloadKind, wl: view.workloadName } : {}),
        exp: step === 'req' ? now().getTime() + ttlMs : Math.max(Date.parse(view.expiresAt), now().getTime() + 1000),
        rid,
        ...(view.cause ? { c: view.cause.slice(0, 200) } : {}),
      },
      secret,
    );

  /** The buttons the live message carries in this state, signed again from the request's rid. */
  const buttonsFor = (view: RequestView): Buttons => {
    const rid = view.rid;
    if (view.state === 'requested' && !isExpired(view, now()))
      return { approveValue: tokenFor(view, 'ok', rid), denyValue: tokenFor(view, 'no', rid) };
    if (view.state === 'failed' || view.state === 'denied' || view.state === 'requested')
      return { askAgainValue: tokenFor(view, 'req', rid) };
    return {};
  };

  const fits = (diagnosis: Diagnosis, channel: string) =>
    ACTIONS.filter(
      (action) =>
        isAllowed(access, channel, diagnosis.namespace) &&
        offered(policy, { action: action.id, namespace: diagnosis.namespace, channel }),
    );

  const buttons: (diagnosis: Diagnosis, channel: string) => OfferedButton[] = (diagnosis, channel) => {
    const exp = now().getTime() + ttlMs;
    return fits(diagnosis, channel)
      .filter((action) => action.available(diagnosis).ok)
      .map((action) => {
        const payload = payloadFor(action, diagnosis, exp);
        return {
          actionId: `exitcode_remediation_req_${action.id}`,
          label: action.label,
          value: signPayload(payload, secret),
          confirm: action.describe({
            namespace: diagnosis.namespace,
            pod: diagnosis.pod,
            uid: diagnosis.podUid,
            ...(diagnosis.workload
              ? { workload: { kind: diagnosis.workload.kind, name: diagnosis.workload.name } }
              : {}),
          }),
        };
      });
  };

  const notOffered: (diagnosis: Diagnosis, channel: string) => { label: string; reason: string; fix?: string }[] = (
    diagnosis,
    channel,
  ) =>
    fits(diagnosis, channel).flatMap((action) => {
      const available = action.available(diagnosis);
      return available.ok
        ? []
        : [{ label: action.label, reason: available.reason, ...(available.fix ? { fix: available.fix } : {}) }];
    });

  /** A typed request's value, as if its button had been clicked. */
  const requestValue = (action: Action, diagnosis: Diagnosis, requestKey?: string): string =>
    signPayload(payloadFor(action, diagnosis, now().getTime() + ttlMs, requestKey), secret);

  return { buttons, notOffered, requestValue, buttonsFor };
};
