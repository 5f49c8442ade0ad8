/**
 * One gateway to Slack, kept that way: no file under src/ but the gateway calls a Web API method that
 * posts, updates, uploads or reads messages. A new caller fails here and is pointed at ctx.slack.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';

const SRC = join(import.meta.dirname, '../../src');
const GATEWAY = 'slack/web-gateway.ts';
const WEB_API_CALLS =
  /\.(chat\.(postMessage|update|postEphemeral|delete|scheduleMessage)|files\.(uploadV2|upload|getUploadURLExternal|completeUploadExternal)|conversations\.(replies|history)|users\.info|usergroups\.users\.list)\s*\(/;

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );

test('only src/slack/web-gateway.ts calls the Slack Web API message methods', () => {
  const offenders = sources(SRC)
    .map((file) => relative(SRC, file))
    .filter((file) => file !== GATEWAY)
    .flatMap((file) =>
      readFileSync(join(SRC, file), 'utf8')
        .split('\n')
        .map((line, index) => ({ file, line: index + 1, text: line }))
        .filter(
          ({ text }) => WEB_API_CALLS.test(text) && !text.trim().startsWith('*') && !text.trim().startsWith('//'),
        ),
    )
    .map(({ file, line, text }) => `${file}:${line}: ${text.trim()} (post through ctx.slack / the SlackGateway)`);
  assert.deepEqual(offenders, []);
});

test('the check sees a direct call (it can fail)', () => {
  assert.ok(WEB_API_CALLS.test('await client.chat.postMessage({ channel })'));
  assert.ok(WEB_API_CALLS.test('await app.client.files.uploadV2({})'));
  assert.ok(!WEB_API_CALLS.test('await ctx.slack.post({ channel })'));
});
