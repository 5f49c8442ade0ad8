import type { Diagnosis } from '../diagnosis/types.ts';
import { isExitcodeError, userSentence } from '../errors.ts';
import type { Investigator } from '../services/types.ts';
import { isAllowed, type NamespaceAccess } from '../slack/access.ts';
import type { SlackGateway } from '../slack/gateway.ts';
import { ACTIONS, actionById } from './actions/index.ts';
import { createAuditor, eligible, type FlowLogger } from './audit.ts';
import { createExecutor, targetOfView } from './execute.ts';
import type { GroupResolver } from './groups.ts';
import { createLedger } from './ledger.ts';
import { createOffers, type OfferedButton } from './offers.ts';
import { createRecovery } from './recover.ts';
import { actionButton, createNotifier, stateLine } from './notify.ts';
import { decide, offered, type Policy, ruleFor } from './policy.ts';
import { isExpired, type RequestView } from './request-state.ts';
import { type ActionPayload, verifyPayload } from './token.ts';
import type { RemediationGateway } from './types.ts';

export type { FlowLogger } from './audit.ts';

export interface Click {
  value: string;
  userId: string;
  channel: string;
  /** The incident thread (the diagnosis message's ts). */
  threadTs: string;
}

export interface RemediationFlow {
  buttons(diagnosis: Diagnosis, channel: string): OfferedButton[];
  /** Actions the policy allows here that this diagnosis does not fit: why not, and the fix instead. */
  notOffered(diagnosis: Diagnosis, channel: string): { label: string; reason: string; fix?: string }[];
  /** A click on an action button, on "Request again", or a typed request (with a freshly signed value). */
  request(args: Click & { diagnosisTs?: string; actionMessageTs?: string }): Promise<void>;
  /** A click on Approve or Deny in the action message `messageTs`. */
  answer(args: Click & { messageTs: string }): Promise<void>;
  /** A typed request in a thread: refused with the reason when the action does not fit the pod. */
  typed(args: {
    verb: string;
    diagnosis: Diagnosis;
    userId: string;
    channel: string;
    threadTs: string;
    /** Identifies the typed request (thread + pod): a repeat maps to the same Lease, so it runs once. */
    requestKey?: string;
  }): Promise<void>;
  /** Runs approved requests nobody ran and settles interrupted runs, in these namespaces. */
  recover(namespaces: readonly string[]): Promise<{ ran: number; settled: number; expired: number; resynced: number }>;
}

export interface FlowOptions {
  policy: Policy;
  access: NamespaceAccess;
  gateway: RemediationGateway;
  groups: GroupResolver;
  slack: SlackGateway;
  secret: string;
  ttlMs: number;
  now: () => Date;
  logger: FlowLogger;
  replicaId: string;
  investigator?: Investigator;
  sleep?: (ms: number) => Promise<void>;
  followUpAttempts?: number;
  followUpIntervalMs?: number;
  /** An approved request left this long without a run is taken over by `recover`. */
  recoverApprovedAfterMs?: number;
  /** A run left executing this long is settled by `recover`. */
  recoverExecutingAfterMs?: number;
  /** Finished requests are kept this long (for `summary`), then swept. */
  retentionMs?: number;
}

const WORDS: Record<RequestView['state'], string> = {
  requested: 'waiting for approval',
  approved: 'approved',
  executing: 'running',
  done: 'done',
  failed: 'finished without doing it',
  denied: 'denied',
};

export const createRemediationFlow = (options: FlowOptions): RemediationFlow => {
  const { policy, access, gateway, groups, secret, ttlMs, now, logger } = options;
  const ledger = createLedger({
    store: gateway,
    holder: options.replicaId,
    durationSeconds: Math.ceil(ttlMs / 1000) + 60,
    now,
  });
  const audit = createAuditor({ gateway, logger, now });
  const describeView = (view: RequestView) =>
    actionById(view.action).describe(targetOfView(view), view.revision ? { revision: view.revision } : undefined);
  const notifier = createNotifier({ slack: options.slack, logger, now, describe: describeView });

  const offers = createOffers({ policy, access, secret, ttlMs, now });
  const { buttonsFor } = offers;

  const approversFor = (view: RequestView): string | undefined => {
    if (view.state !== 'requested') return undefined;
    const rule = ruleFor(policy, view.namespace);
    return rule ? eligible(rule, view.requestedBy) : undefined;
  };

  const executor = createExecutor({
    ledger,
    gateway,
    audit,
    notifier,
    logger,
    now,
    replicaId: options.replicaId,
    buttonsFor,
    offer: (diagnosis, channel) => buttons(diagnosis, channel).map(actionButton),
    approversFor,
    ...(options.investigator ? { investigator: options.investigator } : {}),
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    followUpAttempts: options.followUpAttempts ?? 12,
    followUpIntervalMs: options.followUpIntervalMs ?? 10_000,
  });

  /** One check for every click and verb: the channel's namespace mapping, then the policy. */
  const authorize = async (payload: ActionPayload, userId: string, channel: string) => {
    if (!isAllowed(access, channel, payload.ns)) {
      return {
        allowed: false as const,
        reason: `this channel may not act on namespace ${payload.ns} (it is not in the channel's namespace mapping)`,
      };
    }
    const rule = offered(policy, { action: payload.a, namespace: payload.ns });
    const userGroups = rule ? await groups.groupsOf(userId, rule.approvers.groups) : [];
    const decision = decide(policy, { action: payload.a, namespace: payload.ns, userId, userGroups, channel });
    if (decision.allowed || !rule) return decision;
    return { ...decision, reason: `${decision.reason}. Who can approve: ${eligible(rule)}` };
  };

  const alreadyText = (existing: RequestView | undefined): string => {
    if (!existing) return 'This request was already handled; nothing more was done.';
    const waiting =
      existing.state === 'requested' ? ` (can approve: ${approversFor(existing) ?? 'see the policy'})` : '';
    return `This request is already ${WORDS[existing.state]}${waiting}; nothing more was done.`;
  };

  const verify = (value: string): ActionPayload => verifyPayload(value, { secret, now: now() });

  const request: RemediationFlow['request'] = async ({
    value,
    userId,
    channel,
    threadTs,
    diagnosisTs,
    actionMessageTs,
  }) => {
    const refuse = (text: string) => notifier.refuse({ channel, user: userId, threadTs, text });
    try {
      const payload = verify(value);
      if (payload.s !== 'req') return await refuse('That is not an action button; nothing was done.');
      const action = actionById(payload.a);
      if (action.id === 'restart-pod' && !payload.kind) {
        return await refuse(
          `Pod ${payload.pod} has no controller, so it is never deleted: a deleted bare pod would not come back.`,
        );
      }
      const decision = await authorize(payload, userId, channel);
      if (!decision.allowed) return await refuse(`Refused: ${decision.reason}. Nothing was done.`);
      const at = now().toISOString();
      const view: Omit<RequestView, 'writeId'> = {
        rid: payload.rid,
        state: decision.twoPerson ? 'requested' : 'approved',
        action: action.id,
        namespace: payload.ns,
        pod: payload.pod,
        uid: payload.uid,
        ...(payload.kind && payload.wl ? { workloadKind: payload.kind, workloadName: payload.wl } : {}),
        twoPerson: decision.twoPerson,
        requestedBy: userId,
        requestedAt: at,
        expiresAt: new Date(now().getTime() + ttlMs).toISOString(),
        ...(decision.twoPerson ? {} : { approvedBy: userId, approvedAt: at }),
        ...(payload.c ? { cause: payload.c } : {}),
        channel,
        threadTs,
        diagnosisTs: diagnosisTs ?? threadTs,
        ...(actionMessageTs ? { messageTs: actionMessageTs } : {}),
      };
      // What is approved is exact: a rollback names its revision before anyone approves it.
      if (action.id === 'rollback' && payload.wl) {
        const previous = await gateway.previousRevision({ namespace: payload.ns, name: payload.wl });
        if (!previous)
          return await refuse(`Deployment ${payload.wl} has no earlier revision to roll back to; nothing was done.`);
        view.revision = previous.revision;
      }
      const claim = await ledger.claim({ view });
      if (!claim.won) return await refuse(alreadyText(claim.existing));
      let current = claim.request;
      const target = targetOfView(current.view);
      await audit({
        reason: 'ExitcodeActionRequested',
        action,
        target,
        actor: userId,
        text: `${action.label} requested for pod ${payload.pod} in namespace ${payload.ns}`,
      });
      if (!decision.twoPerson)
        await audit({
          reason: 'ExitcodeActionApproved',
          action,
          target,
          actor: userId,
          text: `${action.label} approved (single approval)`,
        });
      let ts: string | undefined;
      try {
        const approvers = approversFor(current.view);
        ts = await notifier.show(current.view, {
          ...(approvers ? { approvers } : {}),
          buttons: buttonsFor(current.view),
        });
      } catch {
        ts = undefined;
      }
      if (ts && ts !== current.view.messageTs) {
        const recorded = await ledger
          .write({ request: current, next: { ...current.view, messageTs: ts } })
          .catch(() => undefined);
        current = recorded?.won ? recorded.request : { ...current, view: { ...current.view, messageTs: ts } };
      }
      await notifier.showOnDiagnosis(current.view, stateLine(current.view, now()));
      if (decision.twoPerson) {
        if (!ts) {
          // Nobody could approve a request nobody can see: fail it now, so it can be asked again.
          await executor.fail(
            current,
            'not done: the approval request could not be posted in Slack, so nobody could approve it; request it again',
            userId,
          );
          await refuse(
            'The approval request could not be posted in this thread, so nothing was done: request it again.',
          );
        }
        return;
      }
      await executor.execute(current, userId);
    } catch (error) {
      logger.warn(
        { event: 'remediation_refused', code: isExitcodeError(error) ? error.code : 'unknown', error: String(error) },
        'request not done',
      );
      await refuse(userSentence(error));
    }
  };

  const answer: RemediationFlow['answer'] = async ({ value, userId, channel, threadTs, messageTs }) => {
    const refuse = (text: string) => notifier.refuse({ channel, user: userId, threadTs, text });
    try {
      const payload = verify(value);
      if (payload.s === 'req') return await refuse('That is not an approval button; nothing was done.');
      const found = await ledger.read({ namespace: payload.ns, rid: payload.rid });
      if (!found) return await refuse('This request no longer exists (it expired); ask for a fresh diagnosis.');
      const current = found;
      if (current.view.state !== 'requested') return await refuse(alreadyText(current.view));
      if (isExpired(current.view, now())) {
        await executor.show(current);
        return await refuse('This request has expired: nothing was done. Use "Request again" to ask anew.');
      }
      if (current.view.requestedBy === userId) {
        return await refuse(
          'You requested this action, so you cannot approve or deny it: under the two-person rule another approver answers.',
        );
      }
      const decision = await authorize(payload, userId, channel);
      if (!decision.allowed) return await refuse(`Refused: ${decision.reason}. Nothing was done.`);
      const approve = payload.s === 'ok';
      const at = now().toISOString();
      const next: Omit<RequestView, 'writeId'> = {
        ...current.view,
        messageTs: current.view.messageTs ?? messageTs,
        ...(approve
          ? { state: 'approved', approvedBy: userId, approvedAt: at }
          : { state: 'denied', deniedBy: userId, deniedAt: at, finishedAt: at }),
      };
      const moved = await ledger.write({ request: current, next });
      if (!moved.won) return await refuse(alreadyText(moved.existing));
      const action = actionById(payload.a);
      await audit({
        reason: approve ? 'ExitcodeActionApproved' : 'ExitcodeActionDenied',
        action,
        target: targetOfView(next as RequestView),
        actor: userId,
        text: `${action.label} for pod ${payload.pod} ${approve ? 'approved' : 'denied'}`,
      });
      const updated = moved.request;
      await executor.show(updated);
      if (approve) await executor.execute(updated, userId);
    } catch (error) {
      logger.warn(
        { event: 'remediation_refused', code: isExitcodeError(error) ? error.code : 'unknown', error: String(error) },
        'answer not done',
      );
      await refuse(userSentence(error));
    }
  };

  const { buttons, notOffered } = offers;

  const typed: RemediationFlow['typed'] = async ({ verb, diagnosis, userId, channel, threadTs, requestKey }) => {
    const action = ACTIONS.find((candidate) => candidate.verb === verb);
    const refuse = (text: string) => notifier.refuse({ channel, user: userId, threadTs, text });
    if (!action) return refuse(`There is no action called ${verb}.`);
    const available = action.available(diagnosis);
    if (!available.ok)
      return refuse(
        `${action.label} refused: ${available.reason}. Nothing was done.${available.fix ? ` Instead: ${available.fix}` : ''}`,
      );
    const value = offers.requestValue(action, diagnosis, requestKey);
    await request({ value, userId, channel, threadTs });
  };

  const recover = createRecovery({
    ledger,
    executor,
    now,
    logger,
    approvedAfterMs: options.recoverApprovedAfterMs ?? 30_000,
    executingAfterMs: options.recoverExecutingAfterMs ?? 60_000,
    retentionMs: options.retentionMs ?? 7 * 24 * 3_600_000,
  });

  return { buttons, notOffered, request, answer, typed, recover };
};
