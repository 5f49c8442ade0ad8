/** The action registry: one line per action module. */
import type { Action } from './action.ts';
import type { ActionId } from './ids.ts';
import { restartPod } from './restart-pod.ts';
import { rollback } from './rollback.ts';
import { rolloutRestart } from './rollout-restart.ts';

export const ACTIONS: readonly Action[] = [restartPod, rolloutRestart, rollback];

export const actionById = (id: ActionId): Action => {
  const action = ACTIONS.find((candidate) => candidate.id === id);
  if (!action) throw new Error(`no action ${id} in the registry`);
  return action;
};
