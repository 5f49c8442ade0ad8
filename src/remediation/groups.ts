/**
 * Approver groups: Slack user group IDs resolved to members through usergroups.users.list, cached
 * with a bounded lifetime (so a removed approver loses the right within the TTL) and a bounded size.
 */
export interface GroupResolver {
  /** The groups among `candidates` that the user belongs to. */
  groupsOf(userId: string, candidates: readonly string[]): Promise<string[]>;
}

export const createGroupResolver = ({
  listUsers,
  ttlMs,
  maxEntries = 200,
  now,
}: {
  listUsers: (groupId: string) => Promise<string[]>;
  ttlMs: number;
  maxEntries?: number;
  now: () => Date;
}): GroupResolver => {
  // Map keeps insertion order, so the first key is the oldest entry to evict.
  const cache = new Map<string, { users: Set<string>; fetchedAt: number }>();
  const members = async (group: string): Promise<Set<string>> => {
    const hit = cache.get(group);
    if (hit && now().getTime() - hit.fetchedAt < ttlMs) return hit.users;
    const users = new Set(await listUsers(group));
    cache.delete(group);
    cache.set(group, { users, fetchedAt: now().getTime() });
    while (cache.size > maxEntries) {
      const oldest = cache.keys().next().value;
      if (oldest === undefined) break;
      cache.delete(oldest);
    }
    return users;
  };
  return {
    groupsOf: async (userId, candidates) => {
      const found: string[] = [];
      for (const group of candidates) if ((await members(group)).has(userId)) found.push(group);
      return found;
    },
  };
};
