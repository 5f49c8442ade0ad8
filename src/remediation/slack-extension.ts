/**
 * Remediation plugged into the Slack bot through its extension seam: buttons under a diagnosis (with a
 * confirm dialog), a note when an allowed action does not fit the cause, the Approve / Deny / Request
 * again listeners, the `@exitcode restart` / `rollout` / `rollback` thread verbs, and the recovery
 * loop that finishes what a crashed replica left. Everything it says goes through the SlackGateway.
 */
import { randomUUID } from 'node:crypto';
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { ClusterConnection } from '../cluster/connection.ts';
import { createRemediationGateway } from '../cluster/mutations.ts';
import type { Diagnosis } from '../diagnosis/types.ts';
import type { Investigator } from '../services/types.ts';
import type { NamespaceAccess } from '../slack/access.ts';
import { renderNotOffered } from '../slack/blocks/action.ts';
import { safe } from '../slack/blocks/text.ts';
import type { Button, SlackExtension, ThreadContext } from '../slack/extension.ts';
import type { SlackGateway } from '../slack/gateway.ts';
import { createRemediationFlow, type FlowLogger, type RemediationFlow } from './flow.ts';
import { createGroupResolver } from './groups.ts';
import { APPROVE_ID, ASK_AGAIN_ID, actionButton, DENY_ID } from './notify.ts';
import { type Policy, ruleFor } from './policy.ts';
import type { RemediationGateway } from './types.ts';

export { ACTION_PREFIX, APPROVE_ID, ASK_AGAIN_ID, DENY_ID } from './notify.ts';
const REQUEST_ID = /^exitcode_remediation_req_/;

export interface RemediationOptions {
  policy: Policy;
  /** The channel-to-namespace mapping every verb checks; clicks are checked against it too. */
  access: NamespaceAccess;
  connection?: Pick<ClusterConnection, 'core' | 'apps' | 'call' | 'kubeConfig' | 'requestTimeoutMs'>;
  /** Tests may pass a gateway directly; otherwise it is built over `connection`. */
  gateway?: RemediationGateway;
  /** The Slack gateway; otherwise the one the bot hands to `register`. */
  slack?: SlackGateway;
  actionSecret: string;
  actionTtlMs: number;
  clock: () => Date;
  logger: FlowLogger;
  replicaId?: string;
  /** Follows the replacement pod after an action; without it there is no follow-up. */
  investigator?: Investigator;
  sleep?: (ms: number) => Promise<void>;
  followUpAttempts?: number;
  followUpIntervalMs?: number;
  /** How long a resolved approver group is trusted. */
  groupTtlMs?: number;
  recoverApprovedAfterMs?: number;
  recoverExecutingAfterMs?: number;
}

/**
 * Where recovery looks for requests left behind: the namespaces the policy names literally, and those a
 * channel mapping names that a policy pattern covers (a click only counts from a channel mapped to the
 * namespace). Only a pattern with a '*' channel mapping is left out: recovery cannot list every namespace.
 */
export const recoveryNamespaces = (policy: Policy, access?: NamespaceAccess): string[] => {
  const literal = policy.rules.flatMap((rule) => rule.namespaces.filter((pattern) => !pattern.includes('*')));
  const mapped = access ? [...access.defaultNamespaces, ...Object.values(access.channels).flat()] : [];
  const covered = mapped.filter((namespace) => namespace !== '*' && ruleFor(policy, namespace) !== undefined);
  return [...new Set([...literal, ...covered])];
};
/** Forwards to the gateway known so far: the bot hands its gateway over in `register`. */
const lateGateway = (get: () => SlackGateway | undefined): SlackGateway => {
  const need = (): SlackGateway => {
    const gateway = get();
    if (!gateway) throw new Error('the Slack gateway is not registered yet');
    return gateway;
  };
  return {
    post: (message) => need().post(message),
    update: (message) => need().update(message),
    ephemeral: (message) => need().ephemeral(message),
    upload: (file) => need().upload(file),
    thread: (args) => need().thread(args),
    incidentPost: (args) => need().incidentPost(args),
    message: (args) => need().message(args),
    userName: (userId) => need().userName(userId),
    groupMembers: (groupId) => need().groupMembers(groupId),
  };
};

const clickContext = (body: BlockAction) => {
  const channel = body.channel?.id ?? body.container?.channel_id;
  const message = body.message as { ts?: string; thread_ts?: string } | undefined;
  const threadTs = message?.thread_ts ?? message?.ts;
  return { channel, messageTs: message?.ts, threadTs };
};

export const createRemediation = (
  options: RemediationOptions,
): SlackExtension & {
  flow: RemediationFlow;
  startRecovery(args: { namespaces: string[]; intervalMs: number }): () => void;
} => {
  let registered: SlackGateway | undefined = options.slack;
  const slack = lateGateway(() => registered);
  const gateway =
    options.gateway ??
    (options.connection
      ? createRemediationGateway(options.connection)
      : (() => {
          throw new Error('createRemediation needs a connection or a gateway');
        })());
  const groups = createGroupResolver({
    listUsers: (usergroup) => slack.groupMembers(usergroup),
    ttlMs: options.groupTtlMs ?? 5 * 60_000,
    now: options.clock,
  });
  const flow = createRemediationFlow({
    policy: options.policy,
    access: options.access,
    gateway,
    groups,
    slack,
    secret: options.actionSecret,
    ttlMs: options.actionTtlMs,
    now: options.clock,
    logger: options.logger,
    replicaId: options.replicaId ?? `exitcode-${randomUUID().slice(0, 8)}`,
    ...(options.investigator ? { investigator: options.investigator } : {}),
    ...(options.sleep ? { sleep: options.sleep } : {}),
    ...(options.followUpAttempts !== undefined ? { followUpAttempts: options.followUpAttempts } : {}),
    ...(options.followUpIntervalMs !== undefined ? { followUpIntervalMs: options.followUpIntervalMs } : {}),
    ...(options.recoverApprovedAfterMs !== undefined ? { recoverApprovedAfterMs: options.recoverApprovedAfterMs } : {}),
    ...(options.recoverExecutingAfterMs !== undefined
      ? { recoverExecutingAfterMs: options.recoverExecutingAfterMs }
      : {}),
  });

  const typedCommand = (verb: string, help: string) => ({
    help,
    run: async (ctx: ThreadContext, args: string[]) => {
      registered ??= ctx.slack;
      const chosen = verb === 'restart' && args[0] === 'rollout' ? 'rollout' : verb;
      if (!options.investigator)
        return void (await ctx.slack.ephemeral({
          channel: ctx.channel,
          user: ctx.userId,
          threadTs: ctx.threadTs,
          text: 'Actions from a thread need the cluster connection; use the buttons instead.',
        }));
      let diagnosis: Diagnosis;
      try {
        diagnosis = await options.investigator.diagnose({ namespace: ctx.ref.namespace, target: ctx.ref.pod });
      } catch {
        return ctx.say(
          `Pod ${safe(ctx.ref.pod)} is gone, so nothing was done; say \`@exitcode rediagnose\` for the current pod.`,
        );
      }
      if (ctx.ref.uid && diagnosis.podUid !== ctx.ref.uid) {
        return ctx.say(
          'The pod was replaced since this diagnosis: nothing was done. Say `@exitcode rediagnose` first.',
        );
      }
      await flow.typed({
        verb: chosen,
        diagnosis,
        userId: ctx.userId,
        channel: ctx.channel,
        threadTs: ctx.threadTs,
        // The same typed request in the same thread (or a retried event) maps to the same Lease.
        requestKey: `${ctx.channel}:${ctx.threadTs}:${diagnosis.podUid}`,
      });
    },
  });

  const startRecovery = ({ namespaces, intervalMs }: { namespaces: string[]; intervalMs: number }) => {
    let running = false;
    const round = async () => {
      if (running || namespaces.length === 0) return;
      running = true;
      try {
        const counts = await flow.recover(namespaces);
        if (counts.ran + counts.settled + counts.expired + counts.resynced > 0)
          options.logger.info({ event: 'remediation_recovered', ...counts }, 'requests recovered');
      } catch (error) {
        options.logger.warn({ event: 'remediation_recover_failed', error: String(error) }, 'recovery round failed');
      } finally {
        running = false;
      }
    };
    // The first round waits a tick, so the bot has handed over its Slack gateway.
    const first = setImmediate(() => void round());
    const timer = setInterval(() => void round(), intervalMs);
    timer.unref();
    return () => {
      clearImmediate(first);
      clearInterval(timer);
    };
  };

  return {
    name: 'remediation',
    flow,
    startRecovery,
    buttons: (diagnosis: Diagnosis, { channel }: { channel: string }): Button[] =>
      flow.buttons(diagnosis, channel).map(actionButton),
    afterDiagnosis: async (ctx) => {
      registered ??= ctx.slack;
      // Why an allowed action is missing, and what to run instead: once per distinct fix.
      if (ctx.diagnosis.healthy) return;
      const seen = new Set<string>();
      const notes = flow.notOffered(ctx.diagnosis, ctx.channel).filter((note) => {
        if (note.fix === undefined || seen.has(note.fix)) return false;
        seen.add(note.fix);
        return true;
      });
      if (notes.length === 0) return;
      await ctx.slack.post({ channel: ctx.channel, threadTs: ctx.threadTs, ...renderNotOffered(notes) });
    },
    threadCommands: {
      restart: typedCommand('restart', 'delete this pod so its controller recreates it (needs approval)'),
      rollout: typedCommand('rollout', "rollout restart the pod's Deployment/StatefulSet/DaemonSet (needs approval)"),
      rollback: typedCommand('rollback', "roll the pod's Deployment back to its previous revision (needs approval)"),
    },
    register: (app: App, tools: { slack: SlackGateway }) => {
      registered ??= tools.slack;
      app.action<BlockAction<ButtonAction>>(REQUEST_ID, async ({ ack, body, action }) => {
        await ack();
        const { channel, messageTs, threadTs } = clickContext(body);
        if (!channel || !threadTs || !messageTs) return;
        await flow.request({
          value: action.value ?? '',
          userId: body.user.id,
          channel,
          threadTs,
          diagnosisTs: messageTs,
        });
      });
      app.action<BlockAction<ButtonAction>>(ASK_AGAIN_ID, async ({ ack, body, action }) => {
        await ack();
        const { channel, messageTs, threadTs } = clickContext(body);
        if (!channel || !threadTs || !messageTs) return;
        await flow.request({
          value: action.value ?? '',
          userId: body.user.id,
          channel,
          threadTs,
          actionMessageTs: messageTs,
        });
      });
      for (const id of [APPROVE_ID, DENY_ID]) {
        app.action<BlockAction<ButtonAction>>(id, async ({ ack, body, action }) => {
          await ack();
          const { channel, messageTs, threadTs } = clickContext(body);
          if (!channel || !threadTs || !messageTs) return;
          await flow.answer({ value: action.value ?? '', userId: body.user.id, channel, threadTs, messageTs });
        });
      }
    },
  };
};
