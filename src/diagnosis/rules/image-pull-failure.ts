/**
 * The image cannot be pulled, so there is no exit code and no log: only the waiting reason and the
 * kubelet's "Failed to pull image" events. The registry's wording tells the sub-cause apart, and each
 * sub-cause has a different fix (tag, credentials, network, platform).
 */
import { kubectl } from '../kubectl.ts';
import type { Rule, RuleContext } from '../rule.ts';
import type { Evidence, Finding } from '../types.ts';
import { eventEvidence, findEvents, messageOf, namespaceFor, reasonOf, statusEvidence } from './spec-helpers.ts';

const PULL_REASONS = new Set([
  'ErrImagePull',
  'ImagePullBackOff',
  'InvalidImageName',
  'ErrImageNeverPull',
  'RegistryUnavailable',
]);

interface SubCause {
  id: 'invalid_name' | 'not_found' | 'auth' | 'rate_limited' | 'unreachable' | 'platform' | 'never_pull' | 'unknown';
  pattern: RegExp;
  what: string;
}

/** Ordered: the first that matches wins (auth before not-found, because registries say both at once). */
const SUB_CAUSES: SubCause[] = [
  {
    id: 'invalid_name',
    pattern: /InvalidImageName|invalid reference format|couldn't parse image/i,
    what: 'the image reference is not a valid name',
  },
  {
    id: 'never_pull',
    pattern: /ErrImageNeverPull|imagePullPolicy is "?Never/i,
    what: 'imagePullPolicy is Never and the image is not on the node',
  },
  {
    id: 'platform',
    pattern: /no match for platform|no matching manifest/i,
    what: 'the image has no variant for the node platform',
  },
  { id: 'rate_limited', pattern: /toomanyrequests|rate limit/i, what: 'the registry is rate-limiting pulls' },
  {
    id: 'auth',
    pattern:
      /unauthorized|authentication required|authorization failed|access denied|denied:|pull access denied|\b401\b|\b403\b|forbidden/i,
    what: 'the registry refuses the credentials (imagePullSecrets)',
  },
  {
    id: 'not_found',
    pattern: /not found|manifest unknown|does not exist|name unknown|\b404\b/i,
    what: 'the image or tag does not exist',
  },
  {
    id: 'unreachable',
    pattern:
      /no such host|i\/o timeout|connection refused|dial tcp|TLS handshake timeout|context deadline exceeded|x509|network is unreachable/i,
    what: 'the registry cannot be reached from the node',
  },
];

export const pullSubCause = (text: string): SubCause =>
  SUB_CAUSES.find((c) => c.pattern.test(text)) ?? { id: 'unknown', pattern: /$^/, what: 'the pull failed' };

/** The registry host of an image reference (docker.io when it names none). */
export const registryOf = (image: string): string => {
  const first = image.split('/')[0] ?? '';
  return image.includes('/') && (/[.:]/.test(first) || first === 'localhost') ? first : 'docker.io';
};

const stepsFor = (ctx: RuleContext, cause: SubCause['id'], image: string): string[] => {
  const ns = namespaceFor(ctx);
  const sa = kubectl.podSpec(ctx.target, '{.spec.imagePullSecrets} {.spec.serviceAccountName}');
  switch (cause) {
    case 'invalid_name':
      return [
        `Fix the image reference (${image}): registry/repository:tag, lower-case, no spaces`,
        kubectl.editWorkload(ctx.target),
      ];
    case 'never_pull':
      return [
        'Set imagePullPolicy to IfNotPresent, or load the image onto the node first',
        kubectl.editWorkload(ctx.target),
      ];
    case 'platform':
      return [
        `The image has no build for the node's platform: docker manifest inspect ${image}`,
        'Publish a multi-arch image (docker buildx --platform linux/amd64,linux/arm64) or pin the pod to matching nodes',
      ];
    case 'rate_limited':
      return [`Authenticate pulls from ${registryOf(image)} (imagePullSecrets) or use a mirror/pull-through cache`, sa];
    case 'auth':
      return [
        `Check the pod's pull credentials: ${sa}`,
        `Create or fix them: kubectl create secret docker-registry <name> -n ${ns} --docker-server=${registryOf(image)} --docker-username=<user> --docker-password=<token>, then add it to imagePullSecrets`,
      ];
    case 'not_found':
      return [
        `Check the tag exists in the registry: docker manifest inspect ${image}`,
        'A typo in the tag, or the CI job that pushes the image did not run: fix the tag or push it',
        kubectl.rolloutHistory(ctx.target),
      ];
    case 'unreachable':
      return [
        `Check that nodes can reach ${registryOf(image)} (DNS, egress firewall, proxy, registry CA)`,
        kubectl.podEvents(ctx.target),
      ];
    default:
      return [kubectl.podEvents(ctx.target), kubectl.describePod(ctx.target)];
  }
};

const match = (ctx: RuleContext): Finding | null => {
  const reason = reasonOf(ctx);
  const pullReason = PULL_REASONS.has(reason);
  const pullEvents = findEvents(
    ctx,
    /^(Failed|BackOff|InspectFailed|ErrImageNeverPull)$/,
    /Failed to pull image|ErrImagePull|ImagePullBackOff|InvalidImageName|ErrImageNeverPull|Back-off pulling image/i,
  );
  if (!pullReason && pullEvents.length === 0) return null;

  const status = messageOf(ctx);
  const text = [reason, status, ...pullEvents.map((e) => e.message)].join('\n');
  const cause = pullSubCause(text);
  const image = /image "([^"]+)"/.exec(text)?.[1] ?? ctx.container?.image ?? '<image>';
  const evidence: Evidence[] = [];
  if (pullReason) evidence.push(statusEvidence(`${reason}${status ? `: ${status}` : ''}`));
  // The most telling event: the one that named the sub-cause.
  const telling = pullEvents.find((e) => cause.pattern.test(e.message)) ?? pullEvents[0];
  if (telling) evidence.push(eventEvidence(telling));

  return {
    ruleId: 'image-pull-failure',
    category: 'image_pull_failure',
    title: `Image ${image} cannot be pulled: ${cause.what}`,
    confidence: pullReason ? (cause.id === 'unknown' ? 0.9 : 0.97) : 0.88,
    evidence,
    nextSteps: stepsFor(ctx, cause.id, image),
  };
};

export const imagePullFailure: Rule = { id: 'image-pull-failure', match };
