/** The action identifiers the policy may name; one line per action module in actions/index.ts. */
export const ACTION_IDS = ['restart-pod', 'rollout-restart', 'rollback'] as const;
export type ActionId = (typeof ACTION_IDS)[number];
