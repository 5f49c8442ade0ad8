import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { nonRootVolume } from '../../../src/diagnosis/rules/non-root-volume.ts';
import { containerFacts, contextFor, podFacts, security } from '../../fixtures/pods.ts';

const mounts = [{ name: 'data', mountPath: '/var/lib/app', readOnly: false }];
const log = ["Error: EACCES: permission denied, mkdir '/var/lib/app/db'"];

describe('non-root-volume', () => {
  test('runAsUser denied under a PVC mount without fsGroup suggests fsGroup', () => {
    const container = containerFacts({ security: security({ runAsUser: 1001 }), volumeMounts: mounts });
    const pod = podFacts({
      containers: [container],
      volumes: [{ name: 'data', kind: 'persistentVolumeClaim', source: 'app-data' }],
    });
    const finding = nonRootVolume.match(contextFor({ container, pod, logLines: log }));
    assert.ok(finding);
    assert.equal(finding.category, 'permission_denied');
    assert.match(finding.title, /runAsUser 1001 cannot write \/var\/lib\/app\/db on volume data/);
    assert.ok(finding.confidence >= 0.9);
    assert.ok(finding.evidence.some((e) => e.text.includes('persistentVolumeClaim app-data')));
    assert.ok(finding.nextSteps[0]?.includes('fsGroup: 1001'));
    assert.ok(finding.nextSteps.some((s) => s.includes('ls -ld /var/lib/app')));
  });

  test('with fsGroup already set (or a hostPath), suggests an init container chown, less sure', () => {
    const container = containerFacts({ security: security({ runAsUser: 1001, fsGroup: 2000 }), volumeMounts: mounts });
    const finding = nonRootVolume.match(contextFor({ container, logLines: log }));
    assert.ok(finding);
    assert.ok(finding.confidence < 0.9);
    assert.ok(finding.nextSteps[0]?.includes('chown -R 1001:2000 /var/lib/app'));
  });

  test('no finding for root, for a path outside the volumes, or for a read-only mount', () => {
    const root = containerFacts({ security: security({ runAsUser: 0 }), volumeMounts: mounts });
    assert.equal(nonRootVolume.match(contextFor({ container: root, logLines: log })), null);
    const nonRoot = containerFacts({ security: security({ runAsNonRoot: true }), volumeMounts: mounts });
    assert.equal(
      nonRootVolume.match(contextFor({ container: nonRoot, logLines: ["EACCES: permission denied, open '/etc/x'"] })),
      null,
    );
    const readOnly = containerFacts({
      security: security({ runAsUser: 1001 }),
      volumeMounts: [{ ...mounts[0]!, readOnly: true }],
    });
    assert.equal(nonRootVolume.match(contextFor({ container: readOnly, logLines: log })), null);
  });
});
