/**
 * "exec format error" means the kernel cannot run the binary: almost always an image built for another
 * CPU architecture. The node's architecture comes from the node object; the image's, when its tag or
 * name says so (api:1.5-amd64), lets the title name both sides of the mismatch.
 */
import { kubectl } from '../kubectl.ts';
import type { Rule, RuleContext } from '../rule.ts';
import type { Evidence, Finding } from '../types.ts';
import { findLine, logEvidence, messageOf, specEvidence, statusEvidence } from './spec-helpers.ts';

const ARCH_ALIASES: [RegExp, string][] = [
  [/(?:^|[^a-z0-9])(amd64|x86[_-]64|x64)(?:[^a-z0-9]|$)/i, 'amd64'],
  [/(?:^|[^a-z0-9])(arm64|aarch64|arm64v8)(?:[^a-z0-9]|$)/i, 'arm64'],
  [/(?:^|[^a-z0-9])(armv7l?|arm32v7|armhf)(?:[^a-z0-9]|$)/i, 'arm'],
  [/(?:^|[^a-z0-9])(ppc64le)(?:[^a-z0-9]|$)/i, 'ppc64le'],
  [/(?:^|[^a-z0-9])(s390x)(?:[^a-z0-9]|$)/i, 's390x'],
];

/** The architecture an image reference names in its path or tag, if any (registry host excluded). */
export const imageArchitecture = (image: string): string | undefined => {
  const withoutRegistry =
    image.includes('/') && /[.:]/.test(image.split('/')[0] ?? '') ? image.slice(image.indexOf('/') + 1) : image;
  const withoutDigest = withoutRegistry.split('@')[0] ?? '';
  return ARCH_ALIASES.find(([pattern]) => pattern.test(withoutDigest))?.[1];
};

const EXEC_FORMAT = /exec format error/i;

const match = (ctx: RuleContext): Finding | null => {
  const line = findLine(ctx, EXEC_FORMAT);
  const status = messageOf(ctx);
  const fromStatus = EXEC_FORMAT.test(status);
  if (!line && !fromStatus) return null;
  const node = ctx.node;
  if (!node?.architecture) return null; // Without the node the log-only exec-format-error rule already says it.

  const image = ctx.container?.image;
  const imageArch = image ? imageArchitecture(image) : undefined;
  const evidence: Evidence[] = [];
  if (line) evidence.push(logEvidence(line));
  if (fromStatus) evidence.push(statusEvidence(status));
  evidence.push(specEvidence(`node ${node.name}: ${node.os}/${node.architecture}`));
  if (image) evidence.push(specEvidence(`image ${image}${imageArch ? ` (tag names ${imageArch})` : ''}`));

  const mismatch = imageArch !== undefined && imageArch !== node.architecture;
  const sameArch = imageArch !== undefined && !mismatch;
  const title = mismatch
    ? `The image is built for ${imageArch} but node ${node.name} is ${node.architecture}: exec format error`
    : sameArch
      ? `Exec format error although the image tag names ${imageArch} like node ${node.name}: the binary inside is for another architecture, or a script lacks its #! line`
      : `The binary was built for another CPU architecture than node ${node.name} (${node.architecture}): exec format error`;
  return {
    ruleId: 'arch-mismatch',
    category: 'exec_format_error',
    title,
    // A tag naming another architecture settles it; otherwise a script without a shebang is still possible.
    confidence: mismatch ? 0.97 : sameArch ? 0.7 : 0.94,
    evidence,
    nextSteps: [
      `Build a multi-arch image: docker buildx build --platform linux/amd64,linux/arm64 ...`,
      `Or pin the pod to matching nodes: nodeSelector kubernetes.io/arch: ${imageArch ?? '<image architecture>'}`,
      image
        ? `Check what the image contains: docker manifest inspect ${image} (or docker image inspect --format '{{.Architecture}}')`
        : kubectl.describePod(ctx.target),
      kubectl.describeNode(node.name),
    ],
  };
};

export const archMismatch: Rule = { id: 'arch-mismatch', match };
