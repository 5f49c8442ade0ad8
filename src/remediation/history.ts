/**
 * The actions of one incident thread, read from their Leases (labelled with the channel and thread):
 * each request with every transition's actor and time, oldest first. `summary` builds its postmortem
 * timeline from this structured state, never from message text.
 */
import type { LeaseStore } from '../cluster/lease-store.ts';
import { actionById } from './actions/index.ts';
import type { ActionId } from './actions/ids.ts';
import { createLedger } from './ledger.ts';
import { type Outcome, type RequestState, stepsOf } from './request-state.ts';

export interface ActionRecord {
  action: ActionId;
  /** The action's label ("Restart pod"). */
  label: string;
  namespace: string;
  pod: string;
  workload?: { kind: string; name: string };
  state: RequestState;
  outcome?: Outcome;
  /** The outcome's sentence, and what happened to the replacement pod afterwards. */
  result?: string;
  followUp?: string;
  cause?: string;
  /** Every step, in order: who (Slack user id, or the replica that ran it) and when (ISO). */
  steps: { state: RequestState; by: string; at: string }[];
}

export const readActionHistory = async ({
  store,
  namespace,
  channel,
  threadTs,
}: {
  store: LeaseStore;
  namespace: string;
  channel: string;
  threadTs: string;
}): Promise<ActionRecord[]> => {
  // Listing never writes, so the ledger's holder and duration do not matter here.
  const ledger = createLedger({ store, holder: 'history', durationSeconds: 1, now: () => new Date() });
  const requests = await ledger.list({ namespace, channel, threadTs });
  return requests
    .filter(({ view }) => view.channel === channel && view.threadTs === threadTs)
    .map(
      ({ view }): ActionRecord => ({
        action: view.action,
        label: actionById(view.action).label,
        namespace: view.namespace,
        pod: view.pod,
        ...(view.workloadKind && view.workloadName
          ? { workload: { kind: view.workloadKind, name: view.workloadName } }
          : {}),
        state: view.state,
        ...(view.outcome ? { outcome: view.outcome } : {}),
        ...(view.result ? { result: view.result } : {}),
        ...(view.followUp ? { followUp: view.followUp } : {}),
        ...(view.cause ? { cause: view.cause } : {}),
        steps: stepsOf(view),
      }),
    )
    .sort((a, b) => Date.parse(a.steps[0]?.at ?? '') - Date.parse(b.steps[0]?.at ?? ''));
};
