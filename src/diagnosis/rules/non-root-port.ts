/**
 * A non-root process cannot bind a port below 1024 without NET_BIND_SERVICE. The log says "permission
 * denied" on bind/listen; the security context says the user is not root: together they are certain.
 */
import { kubectl } from '../kubectl.ts';
import type { Rule, RuleContext } from '../rule.ts';
import type { Evidence, Finding } from '../types.ts';
import { deniedPrivilegedBind } from './privileged-bind-clues.ts';
import { logEvidence, runsAsNonRoot, specEvidence, userDescription } from './spec-helpers.ts';

const match = (ctx: RuleContext): Finding | null => {
  const container = ctx.container;
  const denied = deniedPrivilegedBind(ctx);
  if (!denied) return null;
  const { line: bindError, port } = denied;
  const lowDeclared = container?.ports.find((p) => p.containerPort < 1024)?.containerPort;

  const nonRoot = runsAsNonRoot(ctx);
  const evidence: Evidence[] = [logEvidence(bindError)];
  if (nonRoot) evidence.push(specEvidence(`securityContext: ${userDescription(ctx)}`));
  if (lowDeclared !== undefined) evidence.push(specEvidence(`containerPort: ${lowDeclared}`));
  const hasCapability = container?.security.capabilitiesAdd.includes('NET_BIND_SERVICE') ?? false;
  if (hasCapability) evidence.push(specEvidence('capabilities.add: NET_BIND_SERVICE'));

  return {
    ruleId: 'non-root-port',
    category: 'permission_denied',
    title: `A non-root process cannot bind privileged port ${port}${nonRoot ? ` (${userDescription(ctx)})` : ''}`,
    // The user may be non-root through the image's USER even when the spec does not say so.
    confidence: nonRoot ? 0.95 : 0.82,
    evidence,
    nextSteps: [
      `Listen on a port >= 1024 (for example 8080) and update containerPort and the Service targetPort`,
      hasCapability
        ? 'NET_BIND_SERVICE is added but a non-root process only gets it with file capabilities: setcap cap_net_bind_service=+ep on the binary in the image'
        : 'Or add capabilities: {add: [NET_BIND_SERVICE]} (a non-root binary also needs setcap cap_net_bind_service=+ep in the image)',
      kubectl.editWorkload(ctx.target),
    ],
  };
};

export const nonRootPort: Rule = { id: 'non-root-port', match };
