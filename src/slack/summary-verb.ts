/**
 * `summary`: the incident as a postmortem wants it, built from structured state only: the latest
 * diagnosis message's metadata in the thread (cause, evidence, first crash, rollout), the action
 * history from the request Leases (who asked, who approved, what happened, when) and a fresh look
 * at the pod (or its workload, when the pod has since been replaced). Posted in the thread and
 * uploaded as a Markdown file.
 */
import { z } from 'zod';
import { userSentence } from '../errors.ts';
import type { Diagnosis } from '../diagnosis/types.ts';
import { plainCause, severityOf } from './blocks/severity.ts';
import { type IncidentSummary, renderSummary, type SummaryAction, summaryMarkdown } from './blocks/summary.ts';
import { type ActionHistoryRecord, type BotDeps, diagnoseAllowed } from './bot.ts';
import type { ThreadContext } from './extension.ts';
import type { ReadMessage } from './gateway.ts';
import { METADATA_EVENT } from './ids.ts';

const payloadSchema = z.object({
  event_type: z.literal(METADATA_EVENT),
  event_payload: z.record(z.string(), z.string()),
});

/** The latest diagnosis message's facts (a re-diagnosis in the thread supersedes the first). */
const latestFacts = (messages: ReadMessage[]): Record<string, string> | undefined => {
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i];
    if (!message?.bot_id) continue;
    const parsed = payloadSchema.safeParse(message.metadata);
    if (parsed.success) return parsed.data.event_payload;
  }
  return undefined;
};

const SLACK_USER = /^[UW][A-Z0-9]{2,}$/;

const actionsFrom = async (ctx: ThreadContext, records: ActionHistoryRecord[]): Promise<SummaryAction[]> => {
  const names = new Map<string, string | undefined>();
  for (const id of new Set(records.flatMap((r) => r.steps.map((s) => s.by)).filter((by) => SLACK_USER.test(by)))) {
    names.set(id, (await ctx.slack.userName(id).catch(() => undefined)) ?? id);
  }
  return records.map((r) => {
    const target = r.workload ? `${r.workload.kind.toLowerCase()}/${r.workload.name}` : `pod ${r.pod}`;
    const last = r.steps.length - 1;
    return {
      what: `${r.label.toLowerCase()} (${target})`,
      steps: r.steps.map((step, i) => {
        const who = names.get(step.by);
        const detail = i === last ? [r.result, r.followUp].filter(Boolean).join('; ') : '';
        return { state: step.state, at: step.at, ...(who ? { who } : {}), ...(detail ? { detail } : {}) };
      }),
    };
  });
};

/** The pod now; a replaced pod is looked up through its workload (what a reader wants to know). */
const currentState = async ({
  deps,
  ctx,
  facts,
}: {
  deps: BotDeps;
  ctx: ThreadContext;
  facts: Record<string, string> | undefined;
}): Promise<{ diagnosis?: Diagnosis; error?: unknown }> => {
  const container = ctx.ref.container ? { container: ctx.ref.container } : {};
  try {
    const diagnosis = await diagnoseAllowed({
      deps,
      channel: ctx.channel,
      request: { namespace: ctx.ref.namespace, target: ctx.ref.pod, ...container },
    });
    return { diagnosis };
  } catch (error) {
    const workload = facts?.workload;
    if (!workload) return { error };
    try {
      const diagnosis = await diagnoseAllowed({
        deps,
        channel: ctx.channel,
        request: { namespace: ctx.ref.namespace, target: workload, ...container },
      });
      return { diagnosis };
    } catch {
      return { error };
    }
  }
};

export const buildIncidentSummary = ({
  facts,
  actions,
  current,
  ref,
  now,
}: {
  facts: Record<string, string> | undefined;
  actions: SummaryAction[];
  current: { diagnosis?: Diagnosis; error?: unknown };
  ref: ThreadContext['ref'];
  now: string;
}): IncidentSummary => {
  const d = current.diagnosis;
  const best = d?.containers[0]?.classification.best;
  const workload = facts?.workload ?? (d?.workload ? `${d.workload.kind.toLowerCase()}/${d.workload.name}` : undefined);
  const cause = facts?.cause
    ? {
        title: facts.cause,
        ...(facts.confidence ? { confidence: Number(facts.confidence) } : {}),
        ...(facts.exit ? { exit: facts.exit } : {}),
      }
    : best
      ? { title: plainCause(best), confidence: Math.round(best.confidence * 100) }
      : undefined;
  const lastDone = actions
    .flatMap((a) => a.steps)
    .filter((s) => s.state === 'done' || s.state === 'succeeded')
    .at(-1);
  let state: IncidentSummary['now'];
  if (!d) {
    state = { at: now, severity: 'unknown', sentence: `State unknown: ${userSentence(current.error)}` };
  } else if (d.healthy && facts?.resolved_at) {
    state = {
      at: now,
      severity: 'resolved',
      sentence: 'Resolved: no container failing',
      resolvedAt: facts.resolved_at,
    };
  } else if (d.healthy) {
    const replaced = d.pod !== ref.pod ? ` (replacement pod ${d.pod})` : '';
    state = {
      at: now,
      severity: 'resolved',
      sentence: `Resolved: no container failing${replaced}`,
      resolvedAt: lastDone?.at ?? d.generatedAt,
    };
  } else {
    const top = d.containers[0];
    state = {
      at: now,
      severity: severityOf({ diagnosis: d }),
      sentence: `Still failing: ${top ? plainCause(top.classification.best) : 'unknown cause'}${top ? `, ${top.restartCount} restarts` : ''}`,
    };
  }
  const restarts = d?.containers[0]?.restartCount ?? (facts?.restarts ? Number(facts.restarts) : undefined);
  const firstCrash = facts?.first_crash ?? facts?.last_crash ?? d?.containers[0]?.lastCrashAt;
  const rolledOut = facts?.rolled_out ?? d?.workload?.rolledOutAt;
  const revision = facts?.revision ?? d?.workload?.revision;
  return {
    subject: workload?.split('/')[1] ?? ref.pod,
    namespace: ref.namespace,
    pod: ref.pod,
    ...(ref.cluster ? { cluster: ref.cluster } : {}),
    ...(workload ? { workload } : {}),
    ...(cause ? { cause } : {}),
    evidence: facts?.evidence ? facts.evidence.split('\n').filter(Boolean) : [],
    ...(firstCrash ? { firstCrash } : {}),
    ...(rolledOut ? { rollout: { at: rolledOut, ...(revision ? { revision } : {}) } } : {}),
    ...(restarts !== undefined && Number.isFinite(restarts) ? { restarts } : {}),
    actions,
    now: state,
  };
};

export const runSummary = async ({ deps, ctx }: { deps: BotDeps; ctx: ThreadContext }): Promise<void> => {
  const messages = await ctx.slack.thread({ channel: ctx.channel, threadTs: ctx.threadTs });
  const facts = latestFacts(messages);
  let records: ActionHistoryRecord[] = [];
  if (deps.actionHistory) {
    try {
      records = await deps.actionHistory({
        namespace: ctx.ref.namespace,
        channel: ctx.channel,
        threadTs: ctx.threadTs,
      });
    } catch (error) {
      deps.logger.warn({ err: error }, 'summary: the action history could not be read');
    }
  }
  const [actions, current] = await Promise.all([actionsFrom(ctx, records), currentState({ deps, ctx, facts })]);
  const now = deps.clock().toISOString();
  // A message re-rendered for the healthy replacement may have lost the cause: the requests remember it.
  const recordedCause = records.find((r) => r.cause)?.cause;
  const merged = facts && !facts.cause && recordedCause ? { ...facts, cause: recordedCause } : facts;
  const summary = buildIncidentSummary({ facts: merged, actions, current, ref: ctx.ref, now });
  const rendered = renderSummary({ summary });
  await ctx.say(rendered.text, rendered.blocks);
  await ctx.slack.upload({
    channel: ctx.channel,
    threadTs: ctx.threadTs,
    filename: `incident-${summary.subject}-${now.slice(0, 10)}.md`,
    title: `Incident summary: ${summary.subject} (${summary.namespace})`,
    content: summaryMarkdown({ summary }),
  });
};
