/**
 * Remediation plugged into the Slack bot through its extension seam: buttons under a diagnosis (with a
 * confirm dialog), the Approve/Deny listeners, and the `@exitcode restart` / `rollout` thread verbs.
 * The only remediation file that knows Slack; the decisions are all in flow.ts.
 */
import { randomUUID } from 'node:crypto';
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { ClusterConnection } from '../cluster/connection.ts';
import { createRemediationGateway } from '../cluster/mutations.ts';
import type { Diagnosis } from '../diagnosis/types.ts';
import type { Investigator } from '../services/types.ts';
import type { Button, KnownBlock, SlackExtension, ThreadContext, WebClient } from '../slack/extension.ts';
import { createRemediationFlow, type FlowLogger, type Notifier, type RemediationFlow } from './flow.ts';
import { createGroupResolver } from './groups.ts';
import type { Policy } from './policy.ts';
import type { RemediationGateway } from './types.ts';

export const ACTION_PREFIX = 'exitcode_remediation_';
export const APPROVE_ID = `${ACTION_PREFIX}ok`;
export const DENY_ID = `${ACTION_PREFIX}no`;
const REQUEST_ID = /^exitcode_remediation_req_/;

export interface RemediationOptions {
  policy: Policy;
  connection?: Pick<ClusterConnection, 'core' | 'apps' | 'call' | 'kubeConfig' | 'requestTimeoutMs'>;
  /** Tests may pass a gateway directly; otherwise it is built over `connection`. */
  gateway?: RemediationGateway;
  actionSecret: string;
  actionTtlMs: number;
  clock: () => Date;
  logger: FlowLogger;
  replicaId?: string;
  /** Follows the replacement pod after an action; without it there is no follow-up message. */
  investigator?: Investigator;
  sleep?: (ms: number) => Promise<void>;
  followUpAttempts?: number;
  followUpIntervalMs?: number;
  /** How long a resolved approver group is trusted. */
  groupTtlMs?: number;
}

type Block = KnownBlock;

const plain = (text: string) => ({ type: 'plain_text' as const, text: text.slice(0, 75) });

const stateBlock = (text: string): Block => ({
  type: 'context',
  elements: [{ type: 'mrkdwn', text: text.slice(0, 3000) }],
});

/** The message's blocks without our buttons, plus the state line (replacing an earlier one). */
export const withState = (blocks: Block[], text: string): Block[] => {
  const kept: Block[] = [];
  for (const block of blocks) {
    if (block.block_id === `${ACTION_PREFIX}state`) continue;
    if (block.type === 'actions') {
      const elements = block.elements.filter(
        (element) => !('action_id' in element && element.action_id?.startsWith(ACTION_PREFIX)),
      );
      if (elements.length > 0) kept.push({ ...block, elements });
      continue;
    }
    kept.push(block);
  }
  return [...kept, { ...stateBlock(text), block_id: `${ACTION_PREFIX}state` }];
};

const confirmDialog = (title: string, text: string, confirm: string): NonNullable<Button['confirm']> => ({
  title: plain(title),
  text: { type: 'plain_text', text },
  confirm: plain(confirm),
  deny: plain('Cancel'),
  style: 'danger',
});

/** Rewrites a message we posted (the diagnosis or the approval request); best effort, logged on failure. */
const updateMessage = async ({
  client,
  channel,
  ts,
  blocks,
  text,
  logger,
}: {
  client: WebClient;
  channel: string;
  ts: string;
  blocks?: Block[];
  text: string;
  logger: FlowLogger;
}): Promise<void> => {
  try {
    let current = blocks;
    if (!current) {
      // replies finds the message whether it is a thread's parent or a reply in it.
      const found = await client.conversations.replies({ channel, ts, oldest: ts, latest: ts, inclusive: true });
      const message = found.messages?.find((candidate) => candidate.ts === ts);
      if (!message) return;
      current = (message.blocks ?? []) as Block[];
    }
    await client.chat.update({ channel, ts, text, blocks: withState(current, text) });
  } catch (error) {
    logger.warn(
      { event: 'remediation_update_failed', channel, ts, error: String(error) },
      'could not update the message',
    );
  }
};

/** The block_id of the Approve/Deny row carries the diagnosis message's ts, so an answer can update it. */
const ASK_BLOCK = `${ACTION_PREFIX}ask:`;

interface MessageRef {
  ts: string;
  /** Blocks come with a click; when absent they are fetched before the update. */
  blocks?: Block[];
}

const notifierFor = ({
  client,
  channel,
  threadTs,
  userId,
  diagnosis,
  clicked,
  logger,
}: {
  client: WebClient;
  channel: string;
  threadTs: string;
  userId: string;
  /** The diagnosis message that offered the action: its state line is the one people look at. */
  diagnosis: MessageRef;
  /** The approval request that was clicked, when it is not the diagnosis itself. */
  clicked?: MessageRef;
  logger: FlowLogger;
}): Notifier => ({
  say: async (text) => {
    await client.chat.postMessage({ channel, thread_ts: threadTs, text });
  },
  refuse: async (text) => {
    await client.chat.postEphemeral({ channel, user: userId, thread_ts: threadTs, text });
  },
  askApproval: async ({ text, approveValue, denyValue, confirm }) => {
    await client.chat.postMessage({
      channel,
      thread_ts: threadTs,
      text,
      blocks: [
        { type: 'section', text: { type: 'mrkdwn', text } },
        {
          type: 'actions',
          block_id: `${ASK_BLOCK}${diagnosis.ts}`,
          elements: [
            {
              type: 'button',
              action_id: APPROVE_ID,
              text: plain('Approve'),
              style: 'primary',
              value: approveValue,
              confirm: confirmDialog('Approve?', confirm, 'Approve'),
            },
            { type: 'button', action_id: DENY_ID, text: plain('Deny'), style: 'danger', value: denyValue },
          ],
        },
      ],
    });
  },
  showState: async (text) => {
    for (const message of clicked && clicked.ts !== diagnosis.ts ? [clicked, diagnosis] : [diagnosis]) {
      await updateMessage({
        client,
        channel,
        ts: message.ts,
        ...(message.blocks ? { blocks: message.blocks } : {}),
        text,
        logger,
      });
    }
  },
});

const clickContext = (body: BlockAction) => {
  const channel = body.channel?.id ?? body.container?.channel_id;
  const message = body.message as { ts?: string; thread_ts?: string; blocks?: Block[] } | undefined;
  const threadTs = message?.thread_ts ?? message?.ts;
  return { channel, message, threadTs };
};

export const createRemediation = (options: RemediationOptions): SlackExtension & { flow: RemediationFlow } => {
  let slackClient: WebClient | undefined;
  const gateway =
    options.gateway ??
    (options.connection
      ? createRemediationGateway(options.connection)
      : (() => {
          throw new Error('createRemediation needs a connection or a gateway');
        })());
  const groups = createGroupResolver({
    listUsers: async (usergroup) => {
      if (!slackClient) return [];
      const answer = await slackClient.usergroups.users.list({ usergroup });
      return answer.users ?? [];
    },
    ttlMs: options.groupTtlMs ?? 5 * 60_000,
    now: options.clock,
  });
  const flow = createRemediationFlow({
    policy: options.policy,
    gateway,
    groups,
    secret: options.actionSecret,
    ttlMs: options.actionTtlMs,
    now: options.clock,
    logger: options.logger,
    replicaId: options.replicaId ?? `exitcode-${randomUUID().slice(0, 8)}`,
    ...(options.investigator ? { investigator: options.investigator } : {}),
    ...(options.sleep ? { sleep: options.sleep } : {}),
    ...(options.followUpAttempts !== undefined ? { followUpAttempts: options.followUpAttempts } : {}),
    ...(options.followUpIntervalMs !== undefined ? { followUpIntervalMs: options.followUpIntervalMs } : {}),
  });

  const typedCommand = (verb: string, help: string) => ({
    help,
    run: async (ctx: ThreadContext, args: string[]) => {
      slackClient ??= ctx.client;
      const chosen = verb === 'restart' && args[0] === 'rollout' ? 'rollout' : verb;
      const notifier = notifierFor({
        client: ctx.client,
        channel: ctx.channel,
        threadTs: ctx.threadTs,
        userId: ctx.userId,
        diagnosis: { ts: ctx.threadTs },
        logger: options.logger,
      });
      if (!options.investigator)
        return notifier.say('Actions from a thread need the cluster connection; use the buttons instead.');
      let diagnosis: Diagnosis;
      try {
        diagnosis = await options.investigator.diagnose({ namespace: ctx.ref.namespace, target: ctx.ref.pod });
      } catch {
        return notifier.say(
          `Pod ${ctx.ref.pod} is gone, so nothing was done; say \`@exitcode rediagnose\` for the current pod.`,
        );
      }
      if (ctx.ref.uid && diagnosis.podUid !== ctx.ref.uid) {
        return notifier.say(
          'The pod was replaced since this diagnosis: nothing was done. Say `@exitcode rediagnose` first.',
        );
      }
      await flow.typed({
        verb: chosen,
        diagnosis,
        userId: ctx.userId,
        channel: ctx.channel,
        notifier,
        // The same typed request in the same thread (or a retried event) maps to the same Lease.
        requestKey: `${ctx.channel}:${ctx.threadTs}:${diagnosis.podUid}`,
      });
    },
  });

  return {
    name: 'remediation',
    flow,
    buttons: (diagnosis: Diagnosis, { channel }: { channel: string }): Button[] =>
      flow.buttons(diagnosis, channel).map((offer) => ({
        type: 'button',
        action_id: offer.actionId,
        text: plain(offer.label),
        style: 'danger',
        value: offer.value,
        confirm: confirmDialog(`${offer.label}?`, offer.confirm, offer.label),
      })),
    threadCommands: {
      restart: typedCommand('restart', 'restart: delete this pod so its controller recreates it (needs approval)'),
      rollout: typedCommand(
        'rollout',
        "rollout: rollout restart the pod's Deployment/StatefulSet/DaemonSet (needs approval)",
      ),
    },
    register: (app: App) => {
      slackClient = app.client;
      app.action<BlockAction<ButtonAction>>(REQUEST_ID, async ({ ack, body, action, client }) => {
        await ack();
        const { channel, message, threadTs } = clickContext(body);
        if (!channel || !threadTs || !message?.ts) return;
        const notifier = notifierFor({
          client,
          channel,
          threadTs,
          userId: body.user.id,
          diagnosis: { ts: message.ts, ...(message.blocks ? { blocks: message.blocks } : {}) },
          logger: options.logger,
        });
        await flow.request({ value: action.value ?? '', userId: body.user.id, channel, notifier });
      });
      for (const id of [APPROVE_ID, DENY_ID]) {
        app.action<BlockAction<ButtonAction>>(id, async ({ ack, body, action, client }) => {
          await ack();
          const { channel, message, threadTs } = clickContext(body);
          if (!channel || !threadTs || !message?.ts) return;
          // The Approve/Deny row names the diagnosis message; without it, the thread's parent is the diagnosis.
          const diagnosisTs = action.block_id?.startsWith(ASK_BLOCK)
            ? action.block_id.slice(ASK_BLOCK.length)
            : threadTs;
          const notifier = notifierFor({
            client,
            channel,
            threadTs,
            userId: body.user.id,
            diagnosis: { ts: /^\d+\.\d+$/.test(diagnosisTs) ? diagnosisTs : threadTs },
            clicked: { ts: message.ts, ...(message.blocks ? { blocks: message.blocks } : {}) },
            logger: options.logger,
          });
          await flow.answer({ value: action.value ?? '', userId: body.user.id, channel, notifier });
        });
      }
    },
  };
};
