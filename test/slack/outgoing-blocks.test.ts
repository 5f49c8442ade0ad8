/**
 * The gateway's cut (pure): never longer than the limit, never a half entity, half link or open code
 * fence, and a text within the limit is never changed. Property-tested over mrkdwn-like strings.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { clipMarkup, prepareBlocks, prepareText, SLACK_LIMITS } from '../../src/slack/outgoing-blocks.ts';

const piece = fc.constantFrom(
  'a',
  ' ',
  '\n',
  '```',
  '&amp;',
  '&lt;',
  '&gt;',
  '<https://x.example|x>',
  '<@U1>',
  '😀',
  'é',
);
const mrkdwn = fc.array(piece, { maxLength: 400 }).map((parts) => parts.join(''));

test('clipMarkup: within the limit, entities and links whole, fences closed; short text untouched', () => {
  fc.assert(
    fc.property(mrkdwn, fc.integer({ min: 20, max: 600 }), (text, max) => {
      const cut = clipMarkup(text, max);
      if (text.length <= max) return cut === text;
      assert.ok(cut.length <= max, `${cut.length} > ${max}`);
      assert.equal((cut.split('```').length - 1) % 2, 0, 'code fences closed');
      assert.doesNotMatch(cut, /&[a-z]{0,3}(?:…|$)/, 'no half entity');
      assert.ok(cut.lastIndexOf('<') <= cut.lastIndexOf('>'), 'no half link');
      const last = cut.charCodeAt(cut.length - 1);
      assert.ok(!(last >= 0xd800 && last <= 0xdbff), 'no lone high surrogate');
      return true;
    }),
    { numRuns: 500 },
  );
});

test('prepareBlocks keeps block ids, action ids and button values exactly', () => {
  const value = '{"namespace":"shop","pod":"api-1","sig":"password=abc123456789"}';
  const [block] = prepareBlocks([
    {
      type: 'actions',
      block_id: 'exitcode_actions',
      elements: [
        { type: 'button', action_id: 'exitcode_show_logs', text: { type: 'plain_text', text: 'Logs' }, value },
      ],
    },
  ]) as unknown as [{ block_id: string; elements: { action_id: string; value: string }[] }];
  assert.equal(block.block_id, 'exitcode_actions');
  assert.equal(block.elements[0]?.action_id, 'exitcode_show_logs');
  assert.equal(block.elements[0]?.value, value);
});

test('a message of many sections keeps at most 50 blocks and says how many were left out', () => {
  const blocks = prepareBlocks(
    Array.from({ length: 80 }, (_, i) => ({
      type: 'section' as const,
      text: { type: 'mrkdwn' as const, text: `s${i}` },
    })),
  );
  assert.equal(blocks.length, SLACK_LIMITS.blocks);
  assert.match(JSON.stringify(blocks.at(-1)), /31 more parts not shown/);
});

test('broadcasts in any text are shown, never sent: <!here>, <!channel>, <!everyone>, <!subteam^…>', () => {
  const hostile = 'sh: 1: /x/<!here>: Permission denied <!channel> <!everyone|everyone> <!subteam^S123|@oncall>';
  const text = prepareText(hostile);
  assert.doesNotMatch(text, /<!(here|channel|everyone|subteam)/);
  assert.match(text, /&lt;!here&gt;/);
  const [block] = prepareBlocks([{ type: 'section', text: { type: 'mrkdwn', text: hostile } }]) as unknown as [
    { text: { text: string } },
  ];
  assert.doesNotMatch(block.text.text, /<!(here|channel|everyone|subteam)/);
});

test('intended markup stays: dates, user mentions and links', () => {
  const text =
    'last crash <!date^1795607910^{date_short_pretty}|2026-11-25> by <@U0001>, see <https://example.com|docs>';
  assert.equal(prepareText(text), text);
});
