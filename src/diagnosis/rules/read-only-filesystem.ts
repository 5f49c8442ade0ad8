/** read_only_filesystem: the app writes to a path on a read-only filesystem (errno 30, EROFS). */
import { kubectl } from '../kubectl.ts';
import { type Signature, signatureRule } from './log-helpers.ts';

const SIGNATURES: Signature[] = [
  {
    all: [/Read-only file ?system/i],
    confidence: 0.92,
    title: 'The app writes to a read-only filesystem',
    // The nginx image's entrypoint guesses "(read-only file system?)" when a ConfigMap is mounted: not a failure.
    not: /read-only file ?system\?/i,
  },
  {
    all: [/\bEROFS\b|ReadOnlyFilesystem|\{error,erofs\}/],
    confidence: 0.92,
    title: 'The app writes to a read-only filesystem (EROFS)',
  },
  {
    // Python's tempfile found no writable temp dir: with readOnlyRootFilesystem, /tmp needs an emptyDir.
    all: [/No usable temporary directory found in/],
    confidence: 0.85,
    title: 'No writable temporary directory (read-only root filesystem without an emptyDir at /tmp)',
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
