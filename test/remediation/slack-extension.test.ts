import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withState } from '../../src/remediation/slack-extension.ts';
import type { KnownBlock } from '../../src/slack/extension.ts';

test('withState removes only our buttons and replaces the earlier state line', () => {
  const blocks: KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text: 'diagnosis' } },
    {
      type: 'actions',
      elements: [
        { type: 'button', action_id: 'exitcode_logs', text: { type: 'plain_text', text: 'Show logs' } },
        {
          type: 'button',
          action_id: 'exitcode_remediation_req_restart-pod',
          text: { type: 'plain_text', text: 'Restart pod' },
        },
      ],
    },
    {
      type: 'actions',
      elements: [
        { type: 'button', action_id: 'exitcode_remediation_ok', text: { type: 'plain_text', text: 'Approve' } },
      ],
    },
  ];
  const once = withState(blocks, 'requested');
  const twice = withState(once, 'done');
  assert.equal(twice.length, 3);
  assert.deepEqual(
    (twice[1] as { elements: { action_id: string }[] }).elements.map((e) => e.action_id),
    ['exitcode_logs'],
  );
  assert.deepEqual(twice[2], {
    type: 'context',
    block_id: 'exitcode_remediation_state',
    elements: [{ type: 'mrkdwn', text: 'done' }],
  });
});
