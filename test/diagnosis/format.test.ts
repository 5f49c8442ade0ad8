import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clip, formatDuration, percent, timeAgo, timeOf } from '../../src/diagnosis/format.ts';

test('clip keeps short text, cuts long text with an ellipsis, never splits a surrogate pair', () => {
  assert.equal(clip('short', 10), 'short');
  assert.equal(clip('abcdefghij', 5), 'abcd…');
  assert.equal(clip('abc😀def', 5), 'abc…');
  assert.equal(clip('abcd😀ef', 6), 'abcd…');
  assert.equal(clip('abcd😀ef', 7), 'abcd😀…');
});

test('percent rounds a confidence', () => {
  assert.equal(percent(0.934), '93%');
  assert.equal(percent(1), '100%');
});

test('timeOf parses ISO times and refuses the rest', () => {
  assert.equal(timeOf('2026-11-25T12:00:00Z'), Date.UTC(2026, 10, 25, 12));
  assert.equal(timeOf(undefined), undefined);
  assert.equal(timeOf('yesterday'), undefined);
});

test('formatDuration reads like a person would say it', () => {
  assert.equal(formatDuration(20_000), '20 s');
  assert.equal(formatDuration(13 * 60_000), '13 min');
  assert.equal(formatDuration(2 * 3_600_000), '2 h');
  assert.equal(formatDuration(2 * 3_600_000 + 10 * 60_000), '2 h 10 min');
  assert.equal(formatDuration(3 * 86_400_000), '3 days');
});

test('timeAgo: just now within 45 s either way, ago, in (a clock behind the cluster), undefined when unparsable', () => {
  const now = '2026-12-02T16:28:00Z';
  assert.equal(timeAgo('2026-12-02T16:27:30Z', now), 'just now');
  assert.equal(timeAgo('2026-12-02T16:28:30Z', new Date(now)), 'just now');
  assert.equal(timeAgo('2026-12-02T16:16:00Z', now), '12 min ago');
  assert.equal(timeAgo('2026-12-02T16:33:00Z', now), 'in 5 min');
  assert.equal(timeAgo(undefined, now), undefined);
  assert.equal(timeAgo('yesterday', now), undefined);
  assert.equal(timeAgo('2026-12-02T16:16:00Z', 'not a time'), undefined);
});
