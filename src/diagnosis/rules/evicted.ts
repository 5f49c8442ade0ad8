/**
 * The kubelet evicted the pod because its node ran short of a resource. The pod's status says so
 * (reason Evicted, "The node was low on resource: memory"), often naming the container that used more
 * than it requested: requests, not limits, decide who is evicted first.
 */
import { kubectl } from '../kubectl.ts';
import type { Rule, RuleContext } from '../rule.ts';
import type { Evidence, Finding } from '../types.ts';
import { eventEvidence, findEvents, statusEvidence } from './spec-helpers.ts';

const LOW_ON = /low on resource:?\s*([\w-]+)/i;
const USAGE = /Container ([\w.-]+) was using ([\w.]+), (?:which exceeds its request of|request is) ([\w.]+)/i;

const match = (ctx: RuleContext): Finding | null => {
  const pod = ctx.pod;
  const podEvicted = pod?.reason === 'Evicted';
  const events = findEvents(ctx, /^Evicted$/);
  const statusMessage = pod?.message ?? '';
  if (!podEvicted && events.length === 0 && !(ctx.reason === 'Evicted')) return null;

  const text = [statusMessage, ctx.message ?? '', ...events.map((e) => e.message)].join('\n');
  const resource = LOW_ON.exec(text)?.[1]?.replace(/\.$/, '');
  const usage = USAGE.exec(text);
  const evidence: Evidence[] = [];
  if (podEvicted || ctx.reason === 'Evicted')
    evidence.push(statusEvidence(`Pod status: Evicted${statusMessage ? `: ${statusMessage}` : ''}`));
  if (events[0]) evidence.push(eventEvidence(events[0]));
  const node = pod?.nodeName;
  const condition = ctx.node?.conditions.find((c) => /Pressure$/.test(c.type) && c.status === 'True');
  if (condition) evidence.push(statusEvidence(`node ${ctx.node?.name}: ${condition.type}=True`));

  // An Evicted event alone, on a pod whose container has since restarted (a BackOff) or exited on its own
  // (an evicted pod's container ends killed, 137, or with its status unknown): events follow the pod's
  // name, and a StatefulSet's evicted pod comes back under the same one. The eviction is then history,
  // not this crash, unless nothing else explains it.
  const exitedOnItsOwn = ctx.exitCode !== null && ctx.exitCode !== 137 && ctx.reason !== 'ContainerStatusUnknown';
  const evictedBefore =
    !podEvicted && ctx.reason !== 'Evicted' && (exitedOnItsOwn || findEvents(ctx, /^BackOff$/).length > 0);
  const usageText = usage ? `; container ${usage[1]} used ${usage[2]} against a request of ${usage[3]}` : '';
  const storage = resource === 'ephemeral-storage';
  return {
    ruleId: 'evicted',
    category: 'evicted',
    title: `Evicted: node ${node ?? '<node>'} ran low on ${resource ?? 'a resource'}${usageText}`,
    confidence: evictedBefore ? 0.45 : 0.96,
    evidence,
    nextSteps: [
      ...(node ? [kubectl.describeNode(node)] : []),
      storage
        ? 'Bound local disk use: emptyDir sizeLimit, log rotation, and an ephemeral-storage request/limit'
        : `Set requests close to real usage so the scheduler places the pod where it fits: ${kubectl.setResources(ctx.target, `${resource === 'memory' || !resource ? 'memory' : resource}=<limit>`)} --requests=${resource ?? 'memory'}=<usage>`,
      `Clean up evicted pods once understood: kubectl delete pod -n ${ctx.target.namespace ?? pod?.namespace ?? '<namespace>'} --field-selector=status.phase=Failed`,
    ],
  };
};

export const evicted: Rule = { id: 'evicted', match };
