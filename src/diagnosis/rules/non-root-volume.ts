/**
 * A non-root user denied on a path under a volume mount: the volume's files belong to another uid
 * (a fresh PVC owned by root, a hostPath, an NFS export). fsGroup makes the kubelet hand the volume
 * to the pod's group; volumes that ignore fsGroup (hostPath, some NFS/CIFS) need a chown first.
 */
import { kubectl } from '../kubectl.ts';
import type { Rule, RuleContext } from '../rule.ts';
import type { Finding } from '../types.ts';
import { isUnder, logEvidence, pathsIn, runsAsNonRoot, specEvidence, userDescription } from './spec-helpers.ts';

const DENIED = /permission denied|\bEACCES\b|\bEPERM\b|operation not permitted/i;

const match = (ctx: RuleContext): Finding | null => {
  const container = ctx.container;
  if (!container || !runsAsNonRoot(ctx)) return null;
  let hit:
    | { line: { line: number; text: string }; path: string; mount: (typeof container.volumeMounts)[number] }
    | undefined;
  for (const line of ctx.log.lines) {
    if (!DENIED.test(line.text)) continue;
    for (const path of pathsIn(line.text)) {
      const mount = container.volumeMounts.find((m) => isUnder(path, m.mountPath) && !m.readOnly);
      if (mount) {
        hit = { line, path, mount };
        break;
      }
    }
    if (hit) break;
  }
  if (!hit) return null;

  const { line, path, mount } = hit;
  const volume = ctx.pod?.volumes.find((v) => v.name === mount.name);
  const security = container.security;
  const user = userDescription(ctx);
  const ignoresFsGroup = volume?.kind === 'hostPath';
  const evidence = [
    logEvidence(line),
    specEvidence(
      `volumeMounts: ${mount.name} at ${mount.mountPath}${volume ? ` (${volume.kind}${volume.source ? ` ${volume.source}` : ''})` : ''}`,
    ),
    specEvidence(
      `securityContext: ${user}${security.fsGroup !== undefined ? `, fsGroup ${security.fsGroup}` : ', no fsGroup'}`,
    ),
  ];
  const uid = security.runAsUser ?? 1000;
  const gid = security.runAsGroup ?? security.fsGroup ?? uid;
  return {
    ruleId: 'non-root-volume',
    category: 'permission_denied',
    title: `${user} cannot write ${path} on volume ${mount.name} (mounted at ${mount.mountPath}): the volume belongs to another user`,
    // With fsGroup set the kubelet already chowns most volumes, so the cause is less certain.
    confidence: security.fsGroup === undefined && !ignoresFsGroup ? 0.9 : 0.75,
    evidence,
    nextSteps: [
      ignoresFsGroup || security.fsGroup !== undefined
        ? `Chown the volume before the app starts: an initContainer running as root with: chown -R ${uid}:${gid} ${mount.mountPath}`
        : `Set securityContext.fsGroup: ${gid} on the pod so the kubelet gives the volume to the app's group`,
      kubectl.exec(ctx.target, `ls -ld ${mount.mountPath}`),
      kubectl.editWorkload(ctx.target),
    ],
  };
};

export const nonRootVolume: Rule = { id: 'non-root-volume', match };
