/**
 * Slack retries an event when our ack was late or failed, marking the retry with X-Slack-Retry-Num.
 * The bot acks at once and works afterwards, so a retry means the first delivery reached us and is
 * being (or was) answered: answering the retry too would post twice. So retries are acked and
 * dropped, and event_ids this replica has already seen are dropped as well.
 *
 * Why no shared store is needed: the retry header is on every redelivery, whichever replica gets it,
 * so the header check alone makes answers unique across replicas; the per-replica event_id set only
 * guards against the rare duplicate delivery without the header. The price: if a replica died
 * before acking, that one mention goes unanswered and the person asks again, which beats answering twice.
 */
import type { App } from '@slack/bolt';
import type { Logger } from 'pino';

const SEEN_CAPACITY = 2000;

export const registerRetryGuard = ({ app, logger }: { app: App; logger: Logger }): void => {
  const seen = new Set<string>();
  app.use(async (args) => {
    const { context, body, next } = args;
    const eventId = (body as { event_id?: unknown }).event_id;
    const retry = context.retryNum !== undefined && context.retryNum > 0;
    const duplicate = typeof eventId === 'string' && seen.has(eventId);
    if (retry || duplicate) {
      logger.info({ retryNum: context.retryNum, retryReason: context.retryReason, eventId }, 'Slack retry dropped');
      const ack = (args as { ack?: () => Promise<void> }).ack;
      if (ack) await ack();
      return;
    }
    if (typeof eventId === 'string') {
      seen.add(eventId);
      // Insertion order makes the Set a cheap LRU: drop the oldest.
      if (seen.size > SEEN_CAPACITY) seen.delete(seen.values().next().value as string);
    }
    await next();
  });
};
