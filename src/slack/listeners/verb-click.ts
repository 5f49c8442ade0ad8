/**
 * What every button that names a thread verb does once its click is placed in a channel thread: decode
 * the value (a forged or outdated one is answered as stale), check the namespace against the channel,
 * run the verb in that thread, and say any error there.
 */
import { ExitcodeError } from '../../errors.ts';
import { assertAllowed } from '../access.ts';
import { type BotDeps, sayError, threadContext } from '../bot.ts';
import type { ThreadRef } from '../extension.ts';
import { runVerb } from '../verbs.ts';

export const STALE_BUTTON = 'That button is not valid any more; run `/exitcode <pod>` again.';

export interface DecodedVerb {
  verb: string;
  ref: ThreadRef;
  args?: string[];
}

export const runVerbClick = async ({
  deps,
  channel,
  threadTs,
  userId,
  requestId,
  value,
  decode,
}: {
  /** Deps whose logger already names the click. */
  deps: BotDeps;
  channel: string;
  threadTs: string;
  userId: string;
  requestId: string;
  value: string | undefined;
  decode: (value: string | undefined) => DecodedVerb | undefined;
}): Promise<void> => {
  const ctx = threadContext({ deps, channel, threadTs, userId, ref: { namespace: '', pod: '' } });
  try {
    const decoded = decode(value);
    if (!decoded) throw new ExitcodeError('bad_input', STALE_BUTTON, { value });
    assertAllowed({ access: deps.access, channelId: channel, namespace: decoded.ref.namespace });
    await runVerb({ deps, ctx: { ...ctx, ref: decoded.ref }, verb: decoded.verb, args: decoded.args ?? [] });
  } catch (error) {
    await sayError({ deps, ctx, error, context: { requestId } });
  }
};
