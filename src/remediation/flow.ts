/**
 * The approval flow, independent of Slack: verify the button, authorize the clicking user at click
 * time against the pod's namespace, claim the request exactly once, ask for a second approver when
 * the policy says so, run the action, audit every step (thread message, Kubernetes Event, log line)
 * and follow the replacement pod. Slack wiring lives in slack-extension.ts behind `Notifier`.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Diagnosis } from '../diagnosis/types.ts';
import { isExitcodeError, userSentence } from '../errors.ts';

export type { FlowLogger, Notifier } from './audit.ts';
import type { Investigator } from '../services/types.ts';
import type { Action } from './actions/action.ts';
import { ACTIONS, actionById } from './actions/index.ts';
import { followUp } from './follow-up.ts';
import type { GroupResolver } from './groups.ts';
import { createAuditor, eligible, type FlowLogger, type Notifier, stateText, who } from './audit.ts';
import { createLedger, type RequestView, viewOf as viewOfRecord } from './ledger.ts';
import { decide, offered, type Policy } from './policy.ts';
import { type ActionPayload, signPayload, verifyPayload } from './token.ts';
import type { ActionTarget, RemediationGateway } from './types.ts';

export interface OfferedButton {
  actionId: string;
  label: string;
  value: string;
  confirm: string;
}

export interface RemediationFlow {
  buttons(diagnosis: Diagnosis, channel: string): OfferedButton[];
  /** A click on an action button (or a typed `@exitcode restart`, with a freshly signed value). */
  request(args: { value: string; userId: string; channel: string; notifier: Notifier }): Promise<void>;
  /** A click on Approve or Deny. */
  answer(args: { value: string; userId: string; channel: string; notifier: Notifier }): Promise<void>;
  /** A typed request in a thread: refused with the reason when the action does not fit the pod. */
  typed(args: {
    verb: string;
    diagnosis: Diagnosis;
    userId: string;
    channel: string;
    notifier: Notifier;
    /** Identifies the typed request (thread + pod): a repeat maps to the same Lease, so it runs once. */
    requestKey?: string;
  }): Promise<void>;
}

export interface FlowOptions {
  policy: Policy;
  gateway: RemediationGateway;
  groups: GroupResolver;
  secret: string;
  ttlMs: number;
  now: () => Date;
  logger: FlowLogger;
  replicaId: string;
  investigator?: Investigator;
  sleep?: (ms: number) => Promise<void>;
  followUpAttempts?: number;
  followUpIntervalMs?: number;
}

const targetOf = (payload: ActionPayload): ActionTarget => ({
  namespace: payload.ns,
  pod: payload.pod,
  uid: payload.uid,
  ...(payload.kind && payload.wl ? { workload: { kind: payload.kind, name: payload.wl } } : {}),
});

const payloadFor = (action: Action, diagnosis: Diagnosis, exp: number, requestKey?: string): ActionPayload => ({
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
});

export const createRemediationFlow = (options: FlowOptions): RemediationFlow => {
  const { policy, gateway, groups, secret, ttlMs, now, logger } = options;
  const ledger = createLedger({
    store: gateway,
    holder: options.replicaId,
    durationSeconds: Math.ceil(ttlMs / 1000) + 60,
    now,
  });

  const audit = createAuditor({ gateway, logger, now });

  /** Verifies and authorizes; returns why not as a sentence. */
  const authorize = async (payload: ActionPayload, userId: string, channel: string) => {
    const rule = offered(policy, { action: payload.a, namespace: payload.ns });
    const userGroups = rule ? await groups.groupsOf(userId, rule.approvers.groups) : [];
    return decide(policy, { action: payload.a, namespace: payload.ns, userId, userGroups, channel });
  };

  const execute = async (args: {
    payload: ActionPayload;
    record: Parameters<typeof ledger.move>[0]['record'];
    actor: string;
    notifier: Notifier;
  }): Promise<void> => {
    const action = actionById(args.payload.a);
    const target = targetOf(args.payload);
    let summary: string;
    let ok = false;
    let replaced = false;
    try {
      const result = await action.run(target, { gateway, now });
      ({ summary, ok } = result);
      replaced = result.replaced === true;
    } catch (error) {
      summary = `failed: ${userSentence(error)}`;
      if (!isExitcodeError(error))
        logger.warn({ event: 'remediation_action_error', error: String(error) }, 'action threw');
    }
    await audit({
      reason: ok ? 'ExitcodeActionSucceeded' : 'ExitcodeActionFailed',
      action,
      target,
      actor: args.actor,
      text: `${action.label} ${ok ? 'done' : 'not done'}: ${summary}`,
      notifier: args.notifier,
    });
    // The action has happened (or not) whatever the ledger says now: recording it must not hide the result.
    const view: RequestView = { ...viewOfRecord(args.record), state: ok ? 'done' : 'failed', result: summary };
    await ledger
      .move({ record: args.record, from: 'approved', to: { state: view.state, result: summary } })
      .catch((error: unknown) =>
        logger.warn(
          { event: 'remediation_ledger_failed', error: userSentence(error) },
          'result not recorded in the lease',
        ),
      );
    await args.notifier.showState(stateText(view, action.label, now().toISOString()));
    if (replaced)
      await args.notifier.say('Say `@exitcode rediagnose` in this thread for a fresh diagnosis of the current pod.');
    void ledger.sweep({ namespace: target.namespace }).catch(() => undefined);
    if (ok && options.investigator) {
      await followUp({
        investigator: options.investigator,
        target,
        notifier: args.notifier,
        sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
        attempts: options.followUpAttempts ?? 12,
        intervalMs: options.followUpIntervalMs ?? 10_000,
      });
    }
  };

  const alreadyText = (existing: RequestView | undefined): string =>
    existing
      ? `This request is already ${existing.state} (${stateText(existing, existing.action, now().toISOString())}); nothing more was done.`
      : 'This request was already handled; nothing more was done.';

  const verify = (value: string): ActionPayload => verifyPayload(value, { secret, now: now() });

  const request: RemediationFlow['request'] = async ({ value, userId, channel, notifier }) => {
    try {
      const payload = verify(value);
      if (payload.s !== 'req') return await notifier.refuse('That is not an action button; nothing was done.');
      const action = actionById(payload.a);
      if (action.id === 'restart-pod' && !payload.kind) {
        return await notifier.refuse(
          `Pod ${payload.pod} has no controller, so it is never deleted: a deleted bare pod would not come back.`,
        );
      }
      const decision = await authorize(payload, userId, channel);
      if (!decision.allowed) return await notifier.refuse(`Refused: ${decision.reason}. Nothing was done.`);
      const target = targetOf(payload);
      const view: RequestView = {
        state: decision.twoPerson ? 'requested' : 'approved',
        action: action.id,
        pod: payload.pod,
        requestedBy: userId,
        ...(decision.twoPerson ? {} : { approvedBy: userId }),
      };
      const claim = await ledger.claim({ namespace: payload.ns, rid: payload.rid, view });
      if (!claim.won) return await notifier.refuse(alreadyText(claim.existing));
      await audit({
        reason: 'ExitcodeActionRequested',
        action,
        target,
        actor: userId,
        text: `${action.label} requested for pod ${payload.pod} in namespace ${payload.ns}`,
        notifier,
      });
      await notifier.showState(stateText(view, action.label, now().toISOString()));
      if (decision.twoPerson) {
        const exp = now().getTime() + ttlMs;
        await notifier.askApproval({
          text: `${who(userId)} asks to ${action.label.toLowerCase()} ${payload.pod} in namespace ${payload.ns}. A second approver (not the requester) must approve: ${eligible(decision.rule, userId)}.`,
          approveValue: signPayload({ ...payload, s: 'ok', exp }, secret),
          denyValue: signPayload({ ...payload, s: 'no', exp }, secret),
          confirm: action.describe(target),
        });
        return;
      }
      await audit({
        reason: 'ExitcodeActionApproved',
        action,
        target,
        actor: userId,
        text: `${action.label} approved (single approval)`,
        notifier,
      });
      await execute({ payload, record: claim.record, actor: userId, notifier });
    } catch (error) {
      logger.warn(
        { event: 'remediation_refused', code: isExitcodeError(error) ? error.code : 'unknown' },
        'request not done',
      );
      await notifier.refuse(userSentence(error));
    }
  };

  const answer: RemediationFlow['answer'] = async ({ value, userId, channel, notifier }) => {
    try {
      const payload = verify(value);
      if (payload.s === 'req') return await notifier.refuse('That is not an approval button; nothing was done.');
      const action = actionById(payload.a);
      const record = await ledger.read({ namespace: payload.ns, rid: payload.rid });
      if (!record)
        return await notifier.refuse('This request no longer exists (it expired); ask for a fresh diagnosis.');
      const current = viewOfRecord(record);
      if (current.state !== 'requested') return await notifier.refuse(alreadyText(current));
      if (current.requestedBy === userId) {
        return await notifier.refuse(
          'You requested this action, so you cannot approve or deny it: under the two-person rule another approver answers.',
        );
      }
      const decision = await authorize(payload, userId, channel);
      if (!decision.allowed) return await notifier.refuse(`Refused: ${decision.reason}. Nothing was done.`);
      const approve = payload.s === 'ok';
      const moved = await ledger.move({
        record,
        from: 'requested',
        to: approve ? { state: 'approved', approvedBy: userId } : { state: 'denied', deniedBy: userId },
      });
      if (!moved.won) return await notifier.refuse(alreadyText(moved.existing));
      const target = targetOf(payload);
      await audit({
        reason: approve ? 'ExitcodeActionApproved' : 'ExitcodeActionDenied',
        action,
        target,
        actor: userId,
        text: `${action.label} for pod ${payload.pod} ${approve ? 'approved' : 'denied'}`,
        notifier,
      });
      await notifier.showState(stateText(viewOfRecord(moved.record), action.label, now().toISOString()));
      if (approve) await execute({ payload, record: moved.record, actor: userId, notifier });
    } catch (error) {
      logger.warn(
        { event: 'remediation_refused', code: isExitcodeError(error) ? error.code : 'unknown' },
        'answer not done',
      );
      await notifier.refuse(userSentence(error));
    }
  };

  const buttons: RemediationFlow['buttons'] = (diagnosis, channel) => {
    const exp = now().getTime() + ttlMs;
    return ACTIONS.filter(
      (action) =>
        action.available(diagnosis).ok &&
        offered(policy, { action: action.id, namespace: diagnosis.namespace, channel }),
    ).map((action) => {
      const payload = payloadFor(action, diagnosis, exp);
      return {
        actionId: `exitcode_remediation_req_${action.id}`,
        label: action.label,
        value: signPayload(payload, secret),
        confirm: action.describe(targetOf(payload)),
      };
    });
  };

  const typed: RemediationFlow['typed'] = async ({ verb, diagnosis, userId, channel, notifier, requestKey }) => {
    const action = ACTIONS.find((candidate) => candidate.verb === verb);
    if (!action) return notifier.refuse(`There is no action called ${verb}.`);
    const available = action.available(diagnosis);
    if (!available.ok) return notifier.refuse(`${action.label} refused: ${available.reason}. Nothing was done.`);
    const value = signPayload(payloadFor(action, diagnosis, now().getTime() + ttlMs, requestKey), secret);
    await request({ value, userId, channel, notifier });
  };

  return { buttons, request, answer, typed };
};
