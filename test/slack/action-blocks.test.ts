/**
 * The live action message (pure renderer), one snapshot per state, as the mrkdwn Slack receives:
 * what, why, who, until when, the result and the replacement's fate, with the buttons each state has.
 * Block Kit limits and mrkdwn escaping are checked on every one.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type ActionMessage, renderActionMessage, renderNotOffered, slackDate } from '../../src/slack/blocks/action.ts';
import { blockViolations } from '../helpers/block-limits.ts';
import { mrkdwnView } from './mrkdwn-view.ts';

const base: ActionMessage = {
  label: 'Restart pod',
  state: 'requested',
  namespace: 'payments',
  pod: 'fraud-scorer-7d9f-abcde',
  what: 'Delete pod fraud-scorer-7d9f-abcde in namespace payments so that its Deployment recreates it',
  cause: 'redis at redis:6379 refused the connection',
  requestedBy: 'UALICE',
  requestedAt: '2026-11-25T12:00:00.000Z',
  expiresAt: '2026-11-25T12:15:00.000Z',
  approvers: '<@UBOB>, <!subteam^SONCALL>',
  actionIds: {
    approve: 'exitcode_remediation_ok',
    deny: 'exitcode_remediation_no',
    askAgain: 'exitcode_remediation_again',
  },
};

const STATES: [string, ActionMessage][] = [
  ['requested', { ...base, approveValue: 'ok-token', denyValue: 'no-token' }],
  ['approved', { ...base, state: 'approved', approvedBy: 'UCAROL', approvedAt: '2026-11-25T12:01:00.000Z' }],
  ['executing', { ...base, state: 'executing', approvedBy: 'UCAROL', approvedAt: '2026-11-25T12:01:00.000Z' }],
  [
    'done, resolved',
    {
      ...base,
      state: 'done',
      approvedBy: 'UCAROL',
      approvedAt: '2026-11-25T12:01:00.000Z',
      result: 'deleted pod fraud-scorer-7d9f-abcde; its controller recreates it',
      followUp: 'resolved: replacement pod fraud-scorer-7d9f-zzzzz came up healthy (2 min after the action)',
    },
  ],
  [
    'done, crashed again',
    {
      ...base,
      state: 'done',
      approvedBy: 'UCAROL',
      result: 'deleted pod fraud-scorer-7d9f-abcde; its controller recreates it',
      followUp: 'crashed again: pod fraud-scorer-7d9f-zzzzz, Out of memory (exit 137; confidence 90%)',
    },
  ],
  [
    'not done',
    {
      ...base,
      state: 'not_done',
      approvedBy: 'UCAROL',
      result: 'pod fraud-scorer-7d9f-abcde is still there (confirmed by reading it back): nothing deleted',
      askAgainValue: 'req-token',
    },
  ],
  [
    'could not confirm',
    {
      ...base,
      state: 'unconfirmed',
      approvedBy: 'UCAROL',
      result: 'could not confirm: the Kubernetes API did not answer in time; check with kubectl before asking again',
      askAgainValue: 'req-token',
    },
  ],
  ['denied', { ...base, state: 'denied', deniedBy: 'UCAROL', askAgainValue: 'req-token' }],
  ['expired', { ...base, state: 'expired', askAgainValue: 'req-token' }],
];

describe('the live action message', () => {
  for (const [name, message] of STATES) {
    test(`${name}`, (t) => {
      const rendered = renderActionMessage(message);
      assert.deepEqual(blockViolations(rendered.blocks), []);
      t.assert.snapshot(mrkdwnView(rendered));
    });
  }

  test('buttons follow the state: approve/deny while waiting, "Request again" after a failure, none when done', () => {
    const ids = (message: ActionMessage) =>
      renderActionMessage(message)
        .blocks.filter((block) => block.type === 'actions')
        .flatMap((block) => (block as { elements: { action_id: string }[] }).elements.map((e) => e.action_id));
    assert.deepEqual(ids(STATES[0]?.[1] ?? base), ['exitcode_remediation_ok', 'exitcode_remediation_no']);
    assert.deepEqual(ids(STATES[5]?.[1] ?? base), ['exitcode_remediation_again']);
    assert.deepEqual(ids(STATES[3]?.[1] ?? base), []);
  });

  test('cluster text is escaped: no mention, link or markup escapes from a pod name, cause or result', () => {
    const hostile = renderActionMessage({
      ...base,
      pod: 'x<!channel>',
      cause: '<https://evil.example|click> & <@U123>',
      result: 'done <!here>',
      requestedBy: '<!everyone>',
    });
    const text = JSON.stringify(hostile.blocks);
    assert.doesNotMatch(text, /<!channel>|<!here>|<!everyone>|<https:|<@U123>/);
    assert.match(text, /&lt;!channel&gt;/);
  });

  test('times use Slack date formatting with a UTC fallback', () => {
    assert.equal(
      slackDate('2026-11-25T12:15:00.000Z'),
      '<!date^1795608900^{date_short_pretty} {time}|2026-11-25 12:15 UTC>',
    );
  });

  test('not offered: the reason and the fix to copy', (t) => {
    const rendered = renderNotOffered([
      {
        label: 'Restart pod',
        reason:
          'a pod restart does not fix this cause (STRIPE_API_KEY is not set): the new pod would crash the same way',
        fix: 'Set it (or add it to the Secret/ConfigMap it comes from): kubectl set env -n shop deployment/checkout -c checkout STRIPE_API_KEY=<value>',
      },
      {
        label: 'Rollout restart',
        reason:
          'StatefulSet warehouse-db rolls one pod at a time and waits for each to become Ready; pod warehouse-db-0 never does, so a rollout restart would not move. Restart the pod instead',
        fix: 'kubectl delete pod warehouse-db-0 -n data',
      },
    ]);
    assert.deepEqual(blockViolations(rendered.blocks), []);
    t.assert.snapshot(mrkdwnView(rendered));
  });
});
