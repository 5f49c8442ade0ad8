import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createGroupResolver } from '../../src/remediation/groups.ts';

const counting = (members: Record<string, string[]>) => {
  const calls: string[] = [];
  return {
    calls,
    listUsers: async (group: string) => {
      calls.push(group);
      return members[group] ?? [];
    },
  };
};

test('group members are cached for the TTL, then fetched again (a removed approver loses the right)', async () => {
  let clock = 0;
  const members: Record<string, string[]> = { SOPS: ['U1'] };
  const source = counting(members);
  const resolver = createGroupResolver({ listUsers: source.listUsers, ttlMs: 1000, now: () => new Date(clock) });
  assert.deepEqual(await resolver.groupsOf('U1', ['SOPS']), ['SOPS']);
  members.SOPS = [];
  clock = 999;
  assert.deepEqual(await resolver.groupsOf('U1', ['SOPS']), ['SOPS']);
  assert.equal(source.calls.length, 1);
  clock = 1000;
  assert.deepEqual(await resolver.groupsOf('U1', ['SOPS']), []);
  assert.equal(source.calls.length, 2);
});

test('the cache is bounded: the oldest group is evicted', async () => {
  const source = counting({ SA: ['U1'], SB: ['U1'], SC: ['U1'] });
  const resolver = createGroupResolver({
    listUsers: source.listUsers,
    ttlMs: 60_000,
    maxEntries: 2,
    now: () => new Date(0),
  });
  await resolver.groupsOf('U1', ['SA', 'SB', 'SC']);
  await resolver.groupsOf('U1', ['SB', 'SC']);
  assert.deepEqual(source.calls, ['SA', 'SB', 'SC']);
  await resolver.groupsOf('U1', ['SA']);
  assert.deepEqual(source.calls, ['SA', 'SB', 'SC', 'SA']);
});

test('only the groups the user is in are returned', async () => {
  const resolver = createGroupResolver({
    listUsers: counting({ SA: ['U1'], SB: ['U2'] }).listUsers,
    ttlMs: 1,
    now: () => new Date(0),
  });
  assert.deepEqual(await resolver.groupsOf('U2', ['SA', 'SB']), ['SB']);
});
