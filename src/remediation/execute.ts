/**
 * Running an approved request exactly once, and finishing it truthfully. The run is claimed on the
 * Lease (approved -> executing, only one writer wins), the change is sent once, an unanswered change
 * is settled by reading the cluster, and the outcome is recorded on the Lease, then audited as an
 * Event, then shown in Slack: in that order, so a crash at any point leaves a Lease that says what
 * happened (or that a replica was running it, which `recover` settles the same way).
 */
import { isExitcodeError, userSentence } from '../errors.ts';
import { mayHaveAppliedError } from '../cluster/retry.ts';
import type { Diagnosis } from '../diagnosis/types.ts';
import type { Investigator } from '../services/types.ts';
import type { Button } from '../slack/extension.ts';
import type { Action, ActionResult, Plan } from './actions/action.ts';
import { actionById } from './actions/index.ts';
import type { Auditor, FlowLogger } from './audit.ts';
import { followUp } from './follow-up.ts';
import type { Ledger, Request } from './ledger.ts';
import { type Notifier, stateLine } from './notify.ts';
import type { RequestView } from './request-state.ts';
import type { ActionTarget, RemediationGateway } from './types.ts';

export const targetOfView = (view: RequestView): ActionTarget => ({
  namespace: view.namespace,
  pod: view.pod,
  uid: view.uid,
  ...(view.workloadKind && view.workloadName ? { workload: { kind: view.workloadKind, name: view.workloadName } } : {}),
});

export interface Executor {
  /** Runs an approved request (if this replica wins the run), records, audits and shows the outcome. */
  execute(request: Request, actor: string): Promise<void>;
  /** Finishes a request a crashed replica left executing: settles by reading, never re-sends. */
  settleInterrupted(request: Request): Promise<void>;
  /** Records a failure that happened before the action ran (it can be asked again). */
  fail(request: Request, result: string, actor: string): Promise<Request | undefined>;
  /** Shows the request's current state: the live message and the diagnosis state line. */
  show(request: Request): Promise<boolean>;
  /** Shows again a request whose last state Slack did not take, and clears the mark when it does. */
  resync(request: Request): Promise<boolean>;
}

export const createExecutor = ({
  ledger,
  gateway,
  audit,
  notifier,
  logger,
  now,
  replicaId,
  buttonsFor,
  offer,
  approversFor,
  investigator,
  sleep,
  followUpAttempts,
  followUpIntervalMs,
}: {
  ledger: Ledger;
  gateway: RemediationGateway;
  audit: Auditor;
  notifier: Notifier;
  logger: FlowLogger;
  now: () => Date;
  replicaId: string;
  buttonsFor: (view: RequestView) => Parameters<Notifier['show']>[1]['buttons'];
  /** Buttons for a fresh diagnosis (the replacement crashed again), as the channel may see them. */
  offer: (diagnosis: Diagnosis, channel: string) => Button[];
  approversFor: (view: RequestView) => string | undefined;
  investigator?: Investigator;
  sleep: (ms: number) => Promise<void>;
  followUpAttempts: number;
  followUpIntervalMs: number;
}): Executor => {
  const deps = { gateway, now };

  /** Live messages posted after the Lease was written without their ts: later steps update them. */
  const postedTs = new Map<string, string>();
  const withTs = (view: RequestView): RequestView => {
    const ts = view.messageTs ?? postedTs.get(view.rid);
    return ts ? { ...view, messageTs: ts } : view;
  };

  /** Shows the request; false when Slack did not take it (the notifier logged why). */
  const show = async (request: Request, { diagnosis = true }: { diagnosis?: boolean } = {}): Promise<boolean> => {
    const view = withTs(request.view);
    const approvers = approversFor(view);
    let shown = true;
    try {
      const ts = await notifier.show(view, { ...(approvers ? { approvers } : {}), buttons: buttonsFor(view) });
      if (ts && !view.messageTs) postedTs.set(view.rid, ts);
    } catch {
      shown = false;
    }
    if (diagnosis) shown = (await notifier.showOnDiagnosis(view, stateLine(view, now()))) && shown;
    return shown;
  };

  /**
   * A final state Slack did not take is marked on the Lease, so `recover` shows it again later: the
   * thread never keeps saying "running" about a request that is done.
   */
  const showFinal = async (request: Request, shown: boolean): Promise<void> => {
    if (shown === !request.view.unshown) return;
    const next: Omit<RequestView, 'writeId'> = { ...withTs(request.view), unshown: shown ? undefined : 'true' };
    await ledger
      .write({ request, next })
      .catch((error: unknown) =>
        logger.warn({ event: 'remediation_ledger_failed', error: userSentence(error) }, 'display state not recorded'),
      );
  };

  const resync: Executor['resync'] = async (request) => {
    const view = withTs(request.view);
    const shown = await show({ ...request, view });
    await showFinal(request, shown);
    return shown;
  };

  /** Sends the change once; a lost answer is settled by reading, a failed read is "could not confirm". */
  const runSettled = async (action: Action, target: ActionTarget, plan: Plan): Promise<ActionResult> => {
    try {
      return await action.run(target, plan, deps);
    } catch (error) {
      if (!isExitcodeError(error))
        logger.warn({ event: 'remediation_action_error', error: String(error) }, 'action threw');
      if (!mayHaveAppliedError(error)) return { outcome: 'not_done', summary: `not done: ${userSentence(error)}` };
      try {
        return await action.settle(target, plan, deps);
      } catch (readError) {
        return {
          outcome: 'unconfirmed',
          summary: `could not confirm: ${userSentence(error)} Reading the state back failed too (${userSentence(readError)}); check with kubectl before asking again`,
        };
      }
    }
  };

  /** Records the outcome, audits it, shows it; then follows the replacement pod. */
  const finish = async (running: Request, result: ActionResult, actor: string): Promise<void> => {
    const action = actionById(running.view.action);
    const target = targetOfView(running.view);
    const finished: Omit<RequestView, 'writeId'> = {
      ...withTs(running.view),
      state: result.outcome === 'done' ? 'done' : 'failed',
      outcome: result.outcome,
      result: result.summary,
      finishedAt: now().toISOString(),
    };
    let recorded: Request = { ...running, view: { ...finished, writeId: running.view.writeId } };
    try {
      const written = await ledger.write({ request: running, next: finished });
      if (written.won) recorded = written.request;
      else
        logger.warn(
          { event: 'remediation_result_lost', lease: running.record.name },
          'result written by another replica',
        );
    } catch (error) {
      // The Lease still says executing: `recover` settles it by reading the cluster, so nothing is lost.
      logger.warn(
        { event: 'remediation_ledger_failed', error: userSentence(error) },
        'result not recorded in the lease',
      );
    }
    const reason =
      result.outcome === 'done'
        ? 'ExitcodeActionSucceeded'
        : result.outcome === 'unconfirmed'
          ? 'ExitcodeActionUnconfirmed'
          : 'ExitcodeActionFailed';
    await audit({ reason, action, target, actor, text: `${action.label}: ${result.summary}` });
    const shown = await show(recorded);
    if (result.outcome !== 'done' || !investigator) return showFinal(recorded, shown);
    const report = await followUp({
      investigator,
      target,
      actionId: action.id,
      sleep,
      attempts: followUpAttempts,
      intervalMs: followUpIntervalMs,
      startedAt: new Date(recorded.view.executingAt ?? now().toISOString()),
      now,
    });
    let followed: Request = { ...recorded, view: { ...recorded.view, followUp: report.text } };
    try {
      const written = await ledger.write({ request: recorded, next: followed.view });
      if (written.won) followed = written.request;
    } catch (error) {
      logger.warn({ event: 'remediation_ledger_failed', error: userSentence(error) }, 'follow-up not recorded');
    }
    const messageShown = await show(followed, { diagnosis: false });
    const fresh = report.diagnosis;
    const buttons = fresh && !fresh.healthy && followed.view.channel ? offer(fresh, followed.view.channel) : [];
    const line = stateLine(followed.view, now());
    const diagnosisShown = fresh
      ? await notifier.showOutcome(withTs(followed.view), report, line, buttons)
      : await notifier.showOnDiagnosis(withTs(followed.view), line);
    await showFinal(followed, shown && messageShown && diagnosisShown);
  };

  const execute: Executor['execute'] = async (approved, actor) => {
    const action = actionById(approved.view.action);
    const target = targetOfView(approved.view);
    let plan: Plan;
    try {
      plan = await action.plan(target, { ...deps, requestId: approved.record.name });
    } catch (error) {
      await fail(approved, `not done: ${userSentence(error)}`, actor);
      return;
    }
    if (approved.view.revision && plan.revision !== approved.view.revision) {
      await fail(
        approved,
        `not done: the revision to roll back to is now ${plan.revision ?? 'none'}, not the approved ${approved.view.revision}; request it again`,
        actor,
      );
      return;
    }
    const claim = await ledger
      .write({
        request: approved,
        next: {
          ...approved.view,
          state: 'executing',
          executingBy: replicaId,
          executingAt: now().toISOString(),
          stamp: plan.stamp,
          ...(plan.revision ? { revision: plan.revision } : {}),
        },
      })
      .catch((error: unknown) => {
        // Not claimed, so not run: the request stays approved and `recover` runs it.
        logger.warn({ event: 'remediation_claim_run_failed', error: userSentence(error) }, 'run not claimed');
        return undefined;
      });
    if (!claim?.won) return;
    const running = claim.request;
    // Shown before the change is sent, and awaited: a late "running" must never overwrite the result.
    await show(running);
    const result = await runSettled(action, target, plan);
    await finish(running, result, actor);
  };

  const settleInterrupted: Executor['settleInterrupted'] = async (request) => {
    const action = actionById(request.view.action);
    const plan: Plan = {
      stamp: request.view.stamp ?? '',
      ...(request.view.revision ? { revision: request.view.revision } : {}),
    };
    let result: ActionResult;
    try {
      result = request.view.stamp
        ? await action.settle(targetOfView(request.view), plan, deps)
        : { outcome: 'not_done', summary: 'not done' };
    } catch (error) {
      result = {
        outcome: 'unconfirmed',
        summary: `could not confirm: the replica running it stopped, and reading the state failed (${userSentence(error)}); check with kubectl before asking again`,
      };
    }
    if (result.outcome === 'not_done')
      result = {
        ...result,
        summary: `${result.summary}: the replica running it stopped before the change reached the cluster; request it again`,
      };
    await finish(request, result, 'exitcode');
  };

  const fail: Executor['fail'] = async (request, result, actor) => {
    const next: Omit<RequestView, 'writeId'> = {
      ...request.view,
      state: 'failed',
      outcome: 'not_done',
      result,
      finishedAt: now().toISOString(),
    };
    let recorded: Request | undefined;
    try {
      const written = await ledger.write({ request, next });
      if (!written.won) return undefined;
      recorded = written.request;
    } catch (error) {
      logger.warn({ event: 'remediation_ledger_failed', error: userSentence(error) }, 'failure not recorded');
      return undefined;
    }
    const action = actionById(request.view.action);
    await audit({
      reason: 'ExitcodeActionFailed',
      action,
      target: targetOfView(request.view),
      actor,
      text: `${action.label}: ${result}`,
    });
    await show(recorded);
    return recorded;
  };

  return { execute, settleInterrupted, fail, show, resync };
};
