import { parseValidatedYaml } from '../config/validated-yaml.ts';
import { z } from 'zod';
import { ACTION_IDS, type ActionId } from './actions/ids.ts';

/** A namespace name, or a pattern where `*` stands for any run of characters. */
const PATTERN = /^[a-z0-9*]([-a-z0-9*]{0,61}[a-z0-9*])?$/;
const USER_ID = /^[UW][A-Z0-9]{2,}$/;
const GROUP_ID = /^S[A-Z0-9]{2,}$/;
const CHANNEL_ID = /^[CG][A-Z0-9]{2,}$/;

const ruleSchema = z.strictObject({
  namespaces: z
    .array(z.string().regex(PATTERN, { error: 'expected a namespace name or pattern such as "payments-*"' }), {
      error: 'expected a list of namespace patterns',
    })
    .min(1, { error: 'list at least one namespace pattern' }),
  actions: z
    .array(z.enum(ACTION_IDS, { error: `expected one of: ${ACTION_IDS.join(', ')}` }), {
      error: 'expected a list of actions',
    })
    .min(1, { error: 'list at least one action' }),
  approvers: z
    .strictObject(
      {
        users: z.array(z.string().regex(USER_ID, { error: 'expected a Slack user ID such as U0123ABCD' })).default([]),
        groups: z
          .array(z.string().regex(GROUP_ID, { error: 'expected a Slack user group ID such as S0123ABCD' }))
          .default([]),
      },
      { error: 'expected approvers: { users: [U...], groups: [S...] }' },
    )
    .refine((value) => value.users.length + value.groups.length > 0, {
      error: 'name at least one approver user or group',
    }),
  twoPersonApproval: z.boolean({ error: 'expected true or false' }).default(false),
  /** When set, the actions are only offered in these channels. */
  channels: z
    .array(z.string().regex(CHANNEL_ID, { error: 'expected a Slack channel ID such as C0123ABCD' }))
    .optional(),
});

const policySchema = z.strictObject({
  rules: z.array(ruleSchema, { error: 'expected a list of rules' }),
});

export type PolicyRule = z.infer<typeof ruleSchema>;
export type Policy = z.infer<typeof policySchema>;

/** The policy in force when no file is configured: nothing is allowed. */
export const EMPTY_POLICY: Policy = { rules: [] };

/** Parses the file's text; returns the policy or one message per problem, each with its path. */
export const parsePolicy = (text: string): { policy?: Policy; problems: string[] } => {
  const { value, problems } = parseValidatedYaml(policySchema, text);
  return value ? { policy: value, problems } : { problems };
};

/**
 * Glob with `*` only, matched left to right without backtracking: each literal piece between stars
 * is found at its first position after the previous one, which is correct for `*` and linear-time.
 */
export const matchesPattern = (pattern: string, name: string): boolean => {
  const pieces = pattern.split('*');
  if (pieces.length === 1) return pattern === name;
  const first = pieces[0] ?? '';
  const last = pieces[pieces.length - 1] ?? '';
  if (first.length + last.length > name.length) return false;
  if (!name.startsWith(first) || !name.endsWith(last)) return false;
  let at = first.length;
  const end = name.length - last.length;
  for (const piece of pieces.slice(1, -1)) {
    const found = name.indexOf(piece, at);
    if (found === -1 || found + piece.length > end) return false;
    at = found + piece.length;
  }
  return true;
};

/** The first rule whose namespace patterns match: later rules never widen an earlier one. */
export const ruleFor = (policy: Policy, namespace: string): PolicyRule | undefined =>
  policy.rules.find((rule) => rule.namespaces.some((pattern) => matchesPattern(pattern, namespace)));

export type Decision = { allowed: true; rule: PolicyRule; twoPerson: boolean } | { allowed: false; reason: string };

/** Whether the action may be offered at all in this namespace (and channel), for anybody. */
export const offered = (
  policy: Policy,
  { action, namespace, channel }: { action: ActionId; namespace: string; channel?: string },
): PolicyRule | undefined => {
  const rule = ruleFor(policy, namespace);
  if (!rule?.actions.includes(action)) return undefined;
  if (rule.channels && channel !== undefined && !rule.channels.includes(channel)) return undefined;
  return rule;
};

/** True when the user is an approver of the rule, directly or through one of their groups. */
export const isApprover = (rule: PolicyRule, userId: string, userGroups: readonly string[]): boolean =>
  rule.approvers.users.includes(userId) || rule.approvers.groups.some((group) => userGroups.includes(group));

/**
 * Whether this user may take (request or approve) this action on this namespace, decided at click
 * time from the namespace of the pod the action touches. `userGroups` are the user's groups among
 * the rule's approver groups (resolved by the caller through Slack).
 */
export const decide = (
  policy: Policy,
  {
    action,
    namespace,
    userId,
    userGroups,
    channel,
  }: { action: ActionId; namespace: string; userId: string; userGroups: readonly string[]; channel?: string },
): Decision => {
  const rule = ruleFor(policy, namespace);
  if (!rule) return { allowed: false, reason: `no remediation policy covers namespace ${namespace}` };
  if (!rule.actions.includes(action)) {
    return { allowed: false, reason: `the policy does not allow ${action} in namespace ${namespace}` };
  }
  if (rule.channels && channel !== undefined && !rule.channels.includes(channel)) {
    return { allowed: false, reason: `the policy does not allow ${action} from this channel` };
  }
  if (!isApprover(rule, userId, userGroups)) {
    return { allowed: false, reason: `you are not an approver for ${action} in namespace ${namespace}` };
  }
  return { allowed: true, rule, twoPerson: rule.twoPersonApproval };
};
