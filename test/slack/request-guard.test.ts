/**
 * Request authenticity beyond Bolt, end to end: the real Bolt app in HTTP mode behind the request
 * guard, requests signed as Slack signs them (test/helpers/slack-requests.ts). What is measured: the
 * HTTP status of each ack, whether the investigator was asked, and that nothing is left unhandled.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { diagnosis, type MemoryInvestigator, memoryInvestigator } from '../fixtures/diagnoses.ts';
import { startTestBot, type TestBot } from '../helpers/slack-bot.ts';
import { type SlackRequests, slackRequests } from '../helpers/slack-requests.ts';
import { send, slashCommand, slashFields } from '../helpers/slack-signing.ts';

const now = () => Math.floor(Date.now() / 1000);

describe('request guard in front of the HTTP receiver', () => {
  let bot: TestBot;
  let investigator: MemoryInvestigator;
  let requests: SlackRequests;
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);

  before(async () => {
    process.on('unhandledRejection', onRejection);
    investigator = memoryInvestigator({ pods: [{ diagnosis: diagnosis(), logs: ['boom'], events: [] }] });
    bot = await startTestBot({ investigator });
    requests = slackRequests(bot);
  });
  after(async () => {
    process.off('unhandledRejection', onRejection);
    await bot.close();
  });
  beforeEach(() => {
    investigator.requests.length = 0;
  });

  const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

  test('a timestamp 10 minutes in the future is refused (401) and nothing is diagnosed', async () => {
    const answer = await requests.slash('shop/checkout-7f9c6b4d5-x2x9z', {}, { timestamp: now() + 600 });
    assert.equal(answer.status, 401);
    await settle();
    assert.equal(investigator.requests.length, 0);
  });

  test('a timestamp 2 minutes ahead (clock skew within the window) is accepted', async () => {
    const answer = await requests.slash('shop/checkout-7f9c6b4d5-x2x9z', {}, { timestamp: now() + 120 });
    assert.equal(answer.status, 200);
    await bot.slack.waitFor(() => investigator.requests.length === 1);
  });

  test('a timestamp 10 minutes old is refused (401), as Bolt does', async () => {
    const answer = await requests.slash('shop/checkout-7f9c6b4d5-x2x9z', {}, { timestamp: now() - 600 });
    assert.equal(answer.status, 401);
  });

  test('the same signed slash command replayed within the window: the replay is dropped, one diagnosis', async () => {
    const request = slashCommand(
      slashFields({ text: 'shop/checkout-7f9c6b4d5-x2x9z', response_url: bot.slack.responseUrl() }),
      {
        secret: bot.secret,
      },
    );
    assert.equal((await send(bot.eventsUrl, request)).status, 200);
    assert.equal((await send(bot.eventsUrl, request)).status, 401);
    await bot.slack.waitFor(() => investigator.requests.length >= 1);
    await settle();
    assert.equal(investigator.requests.length, 1);
  });

  test('a forged signature is refused (401)', async () => {
    const answer = await requests.slash('shop/x', {}, { signature: `v0=${'0'.repeat(64)}` });
    assert.equal(answer.status, 401);
  });

  test('a signed JSON body `null` gets 400, and no unhandled rejection', async () => {
    assert.equal((await requests.raw('null', 'application/json')).status, 400);
    assert.equal((await requests.raw('42', 'application/json')).status, 400);
    assert.equal((await requests.raw('{"type": "event_callback", ', 'application/json')).status, 400);
    assert.equal((await requests.raw('payload=null', 'application/x-www-form-urlencoded')).status, 400);
    assert.equal((await requests.raw('payload=%7Bnot%20json', 'application/x-www-form-urlencoded')).status, 400);
    await settle();
    assert.deepEqual(rejections, []);
  });

  test('a view_submission built by the helper is signed correctly (acked by Bolt, not refused)', async () => {
    const answer = await requests.submit({ callbackId: 'unknown_view', values: {} });
    assert.notEqual(answer.status, 401);
    assert.notEqual(answer.status, 400);
  });

  test('ssl_check needs no signature and passes', async () => {
    const response = await fetch(bot.eventsUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'ssl_check=1&token=x',
    });
    assert.equal(response.status, 200);
  });
});
