/**
 * OOMKilled read against the container's memory limit. The log-only oom-killed rule knows the kernel
 * killed the process; the spec says at what size, which turns "raise the limit" into a concrete number.
 * Without a limit the cgroup cannot have been the container's own: the node ran out of memory.
 */
import { kubectl } from '../kubectl.ts';
import type { Rule, RuleContext } from '../rule.ts';
import type { Evidence, Finding } from '../types.ts';
import {
  eventEvidence,
  exitCodeOf,
  findEvents,
  namespaceFor,
  reasonOf,
  specEvidence,
  statusEvidence,
} from './spec-helpers.ts';

const UNITS: Record<string, number> = {
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  Ki: 1024,
  Mi: 1024 ** 2,
  Gi: 1024 ** 3,
  Ti: 1024 ** 4,
};

/** Bytes in a Kubernetes memory quantity (256Mi, 1G, 134217728); undefined when unreadable. */
export const memoryBytes = (quantity: string | undefined): number | undefined => {
  if (!quantity) return undefined;
  const match = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|k|M|G|T)?$/.exec(quantity.trim());
  if (!match?.[1]) return undefined;
  return Number(match[1]) * (UNITS[match[2] ?? ''] ?? 1);
};

/** A suggested new limit: 1.5x, rounded up to a quantity a person would write (64Mi or 256Mi steps). */
export const suggestLimit = (bytes: number): string => {
  const mi = (bytes * 1.5) / 1024 ** 2;
  const step = mi <= 1024 ? 64 : 256;
  const rounded = Math.ceil(mi / step) * step;
  return rounded % 1024 === 0 ? `${rounded / 1024}Gi` : `${rounded}Mi`;
};

const match = (ctx: RuleContext): Finding | null => {
  const reason = reasonOf(ctx);
  const oomEvents = findEvents(ctx, /^(OOMKilling|OOMKilled)$/);
  const oomKilled = reason === 'OOMKilled' || (exitCodeOf(ctx) === 137 && oomEvents.length > 0);
  if (!oomKilled) return null;
  const container = ctx.container;
  if (!container) return null; // Without the spec the log-only oom-killed rule says all there is to say.

  const limit = container.resources.limits['memory'];
  const request = container.resources.requests['memory'];
  const evidence: Evidence[] = [
    reason === 'OOMKilled'
      ? statusEvidence('Last state: Terminated, reason OOMKilled (exit 137)')
      : statusEvidence('Exit code 137 (SIGKILL)'),
    ...oomEvents.slice(0, 1).map(eventEvidence),
  ];
  const leakCheck = `Check for a leak or an unbounded cache: watch usage climb before each kill (kubectl top pod -n ${namespaceFor(ctx)} ${ctx.target.pod ?? '<pod>'} --containers)`;

  if (!limit) {
    evidence.push(specEvidence(`resources.limits.memory: not set${request ? ` (request ${request})` : ''}`));
    const node = ctx.pod?.nodeName;
    return {
      ruleId: 'oom-limit',
      category: 'oom_killed',
      title: `OOMKilled with no memory limit: the node ran short of memory${node ? ` (${node})` : ''} and the kernel picked this container`,
      // No limit means the container's own cgroup cannot have been hit: a node-level kill, and the spec proves it.
      confidence: reason === 'OOMKilled' ? 0.96 : 0.9,
      evidence,
      nextSteps: [
        ...(node ? [kubectl.describeNode(node)] : []),
        `Set a memory request and limit so the scheduler places the pod where it fits: ${kubectl.setResources(ctx.target, 'memory=<limit>')} --requests=memory=<request>`,
        leakCheck,
      ],
    };
  }

  const limitBytes = memoryBytes(limit);
  const suggestion = limitBytes ? suggestLimit(limitBytes) : '<larger limit>';
  evidence.push(specEvidence(`resources.limits.memory: ${limit}${request ? `, requests.memory: ${request}` : ''}`));
  return {
    ruleId: 'oom-limit',
    category: 'oom_killed',
    title: `OOMKilled at its ${limit} memory limit${request ? ` (request ${request})` : ''}`,
    // Status reason plus a limit in the spec: the cgroup limit was hit, nothing else kills this way.
    confidence: reason === 'OOMKilled' ? 0.96 : 0.9,
    evidence,
    nextSteps: [
      `Raise the limit (about 1.5x): ${kubectl.setResources(ctx.target, `memory=${suggestion}`)}`,
      leakCheck,
      'If the runtime has its own heap limit (JVM -Xmx, Node --max-old-space-size), keep it below the container limit',
    ],
  };
};

export const oomLimit: Rule = { id: 'oom-limit', match };
