/** read_only_filesystem: the app writes to a path on a read-only filesystem (errno 30, EROFS). */
import { kubectl } from '../kubectl.ts';
import { type Signature, signatureRule } from './log-helpers.ts';

const SIGNATURES: Signature[] = [
  { all: [/Read-only file ?system/i], confidence: 0.92, title: 'The app writes to a read-only filesystem' },
  {
    all: [/\bEROFS\b|ReadOnlyFilesystem/],
    confidence: 0.92,
    title: 'The app writes to a read-only filesystem (EROFS)',
  },
  {
    all: [/\[Errno 30\]|\berrno:? ?30\b|\(30\)|code: 30\b/],
    confidence: 0.75,
    title: 'The app writes to a read-only filesystem (errno 30)',
  },
];

export const readOnlyFilesystem = signatureRule({
  id: 'read-only-filesystem',
  category: 'read_only_filesystem',
  signatures: SIGNATURES,
  steps: (ctx) => [
    `Check whether the root filesystem is read-only: ${kubectl.podSpec(ctx.target, '{.spec.containers[*].securityContext.readOnlyRootFilesystem}')}`,
    `Mount an emptyDir at the written path (cache, tmp, run dirs): ${kubectl.editWorkload(ctx.target)}`,
  ],
});
