/** exec_format_error: the binary was built for another CPU architecture than the node runs. */
import { kubectl } from '../kubectl.ts';
import { type Signature, signatureRule } from './log-helpers.ts';

const SIGNATURES: Signature[] = [
  {
    all: [/exec format error/i],
    confidence: 0.93,
    title: 'The binary is for a different CPU architecture (exec format error)',
  },
  {
    all: [/cannot execute binary file/i],
    confidence: 0.85,
    title: 'The binary cannot be executed on this CPU architecture',
  },
  {
    all: [/image's platform \(/, /does not match the detected host platform/],
    confidence: 0.7,
    title: "The image's platform does not match the node's",
    warningIsEvidence: true,
  },
];

export const execFormatError = signatureRule({
  id: 'exec-format-error',
  category: 'exec_format_error',
  signatures: SIGNATURES,
  options: { status: true },
  steps: (ctx) => [
    `Compare the node architecture with the image: ${kubectl.podSpec(ctx.target, '{.spec.nodeName}')} then kubectl get node <node> -o jsonpath='{.status.nodeInfo.architecture}'`,
    'Inspect the image platforms: docker buildx imagetools inspect <image>',
  ],
});
