/**
 * After the action, the replacement pod's fate reaches both messages: the live action message says
 * "resolved" or "crashed again" with the new cause, and the diagnosis message is re-rendered from the
 * replacement (resolved with no action buttons, or the new cause with buttons for the new pod).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CHANNEL, type Harness, offeredValue, startHarness } from './harness.ts';

let h: Harness;
before(async () => {
  h = await startHarness({ scenarios: ['fraud-scorer-connection-refused', 'report-builder-oom'], followUp: true });
});
after(() => h.close());

const blocksText = (ts: string) => JSON.stringify(h.slack.messages.find((m) => m.ts === ts)?.blocks ?? []);

test('a healthy replacement: the action message says resolved, the diagnosis turns ✅ without action buttons', async () => {
  const diagnosis = await h.failing('payments', 'deploy/fraud-scorer');
  const threadTs = h.slack.seed(CHANNEL, 'diagnosis', [{ type: 'section', text: { type: 'mrkdwn', text: 'old' } }]);
  await h.flow.request({
    value: offeredValue(h.flow, diagnosis, 'restart-pod'),
    userId: 'UALICE',
    channel: CHANNEL,
    threadTs,
  });
  const message = h.slack.replies(threadTs)[0];
  const approve = h.slack.buttons(message).find((b) => b.action_id === 'exitcode_remediation_ok');
  assert.ok(message && approve);
  await h.flow.answer({ value: approve.value, userId: 'UDAVE', channel: CHANNEL, threadTs, messageTs: message.ts });
  assert.equal(h.mutations('DELETE', 'pods'), 1);
  assert.match(message.versions.at(-1) ?? '', /resolved: replacement pod fraud-scorer-[a-z0-9-]+ came up healthy/);
  const parent = blocksText(threadTs);
  assert.match(parent, /✅ fraud-scorer/);
  assert.match(parent, /Restart pod: done · resolved/);
  assert.doesNotMatch(parent, /exitcode_remediation_req_/);
});

test('a replacement that crashes again: the new cause in both messages, and buttons for the new pod', async () => {
  const diagnosis = await h.failing('data', 'deploy/report-builder');
  const threadTs = h.slack.seed(CHANNEL, 'diagnosis');
  await h.flow.request({
    value: offeredValue(h.flow, diagnosis, 'restart-pod'),
    userId: 'UALICE',
    channel: CHANNEL,
    threadTs,
  });
  const message = h.slack.replies(threadTs)[0];
  assert.equal(h.mutations('DELETE', 'pods'), 2, 'one DELETE per test');
  assert.match(message?.versions.at(-1) ?? '', /crashed again: pod report-builder-[a-z0-9-]+, /);
  const parent = blocksText(threadTs);
  assert.match(parent, /🔴 report-builder/);
  assert.match(parent, /Restart pod: done · crashed again/);
  const offered = h.slack
    .buttons(h.slack.messages.find((m) => m.ts === threadTs))
    .find((b) => b.action_id === 'exitcode_remediation_req_restart-pod');
  assert.ok(offered, 'the new pod can be restarted in turn');
  const payload = JSON.parse(Buffer.from(offered.value.split('.')[0] ?? '', 'base64url').toString('utf8'));
  assert.notEqual(payload.uid, diagnosis.podUid);
});
