/**
 * readOnlyRootFilesystem plus a write error in the log. The log-only read-only-filesystem rule sees
 * EROFS; the spec confirms why, and the mounts tell whether the path is on the root filesystem (then
 * an emptyDir at that path fixes it) or on a volume mounted read-only.
 */
import { kubectl } from '../kubectl.ts';
import type { Rule, RuleContext } from '../rule.ts';
import type { Finding } from '../types.ts';
import { directoryOf, findLine, isUnder, logEvidence, pathsIn, specEvidence } from './spec-helpers.ts';

const EROFS = /read-only file system|\bEROFS\b/i;
const EACCES = /permission denied|\bEACCES\b|\bEPERM\b|operation not permitted/i;

const match = (ctx: RuleContext): Finding | null => {
  const container = ctx.container;
  if (!container) return null;
  const mounts = container.volumeMounts;
  const readOnlyRoot = container.security.readOnlyRootFilesystem === true;

  const erofs = findLine(ctx, EROFS);
  if (erofs) {
    const path = pathsIn(erofs.text)[0];
    const mount = path ? mounts.find((m) => isUnder(path, m.mountPath)) : undefined;
    if (mount?.readOnly) {
      return {
        ruleId: 'read-only-rootfs',
        category: 'read_only_filesystem',
        title: `The app writes to ${path}, on volume ${mount.name} mounted read-only at ${mount.mountPath}`,
        confidence: 0.93,
        evidence: [
          logEvidence(erofs),
          specEvidence(`volumeMounts: ${mount.name} at ${mount.mountPath} readOnly: true`),
        ],
        nextSteps: [
          `Write elsewhere, or mount ${mount.name} with readOnly: false if the app owns that data`,
          kubectl.editWorkload(ctx.target),
        ],
      };
    }
    if (!readOnlyRoot) return null; // EROFS without the setting: the log rule's business (a node or image issue).
    return finding(ctx, path, erofs, 0.96);
  }

  if (!readOnlyRoot) return null;
  // A permission error on a path that no volume covers is the read-only root too, on runtimes that say EACCES.
  const denied = ctx.log.lines.find(
    (line) => EACCES.test(line.text) && pathsIn(line.text).some((p) => !mounts.some((m) => isUnder(p, m.mountPath))),
  );
  if (!denied) return null;
  const path = pathsIn(denied.text).find((p) => !mounts.some((m) => isUnder(p, m.mountPath)));
  return finding(ctx, path, denied, 0.8);
};

const finding = (
  ctx: RuleContext,
  path: string | undefined,
  line: { line: number; text: string },
  confidence: number,
): Finding => {
  const dir = path ? directoryOf(path) : '<path>';
  return {
    ruleId: 'read-only-rootfs',
    category: 'read_only_filesystem',
    title: path
      ? `The app writes to ${path}, but the root filesystem is read-only (readOnlyRootFilesystem: true)`
      : 'The app writes to its root filesystem, which is read-only (readOnlyRootFilesystem: true)',
    confidence,
    evidence: [logEvidence(line), specEvidence('securityContext.readOnlyRootFilesystem: true')],
    nextSteps: [
      `Mount an emptyDir at ${dir}: add volumes: [{name: scratch, emptyDir: {}}] and volumeMounts: [{name: scratch, mountPath: ${dir}}]`,
      kubectl.editWorkload(ctx.target),
      'Or configure the app to write under an existing writable mount (for example /tmp when it is an emptyDir)',
    ],
  };
};

export const readOnlyRootfs: Rule = { id: 'read-only-rootfs', match };
