/**
 * Who scans this round, and what was already posted. A round asks the coordinator for a turn; the turn
 * carries the memory of past reports; before posting anything the round commits the next memory, and
 * posts only if the commit was accepted. With one process the in-process coordinator below is enough;
 * with several replicas the Lease coordinator (lease-coordinator.ts) makes the turn and the memory
 * shared, so each crash is posted once across replicas and restarts.
 */
import type { ScanMemory } from './scan.ts';

export interface ScanTurn {
  /** What earlier rounds (of any replica) reported. */
  memory: ScanMemory;
  /**
   * Records the next memory (including the reports this round is about to post) and keeps the turn.
   * False when another replica wrote first: this round must post nothing.
   */
  commit(memory: ScanMemory): Promise<boolean>;
}

export type TurnResult = { turn: ScanTurn } | { heldBy: string };

export interface ScanCoordinator {
  /** This replica's turn, or who holds it. Throws when the shared state cannot be read. */
  begin(): Promise<TurnResult>;
  /** Gives the turn up (at shutdown), so another replica need not wait for it to expire. */
  release(): Promise<void>;
}

/** One process, memory in memory: the default of a job built without a coordinator (tests, one-off runs). */
export const localCoordinator = (): ScanCoordinator => {
  let memory: ScanMemory = {};
  return {
    begin: async () => ({
      turn: {
        memory,
        commit: async (next) => {
          memory = next;
          return true;
        },
      },
    }),
    release: async () => {},
  };
};
