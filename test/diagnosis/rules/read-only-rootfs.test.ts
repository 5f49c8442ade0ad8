import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readOnlyRootfs } from '../../../src/diagnosis/rules/read-only-rootfs.ts';
import { containerFacts, contextFor, security } from '../../fixtures/pods.ts';

const readOnly = (mounts = [{ name: 'tmp', mountPath: '/tmp', readOnly: false }]) =>
  containerFacts({ security: security({ readOnlyRootFilesystem: true }), volumeMounts: mounts });

describe('read-only-rootfs', () => {
  test('EROFS with readOnlyRootFilesystem names the path and suggests an emptyDir for its directory', () => {
    const log = ['booting', "Error: EROFS: read-only file system, open '/app/cache/index.json'"];
    const finding = readOnlyRootfs.match(contextFor({ container: readOnly(), logLines: log }));
    assert.ok(finding);
    assert.equal(finding.category, 'read_only_filesystem');
    assert.match(finding.title, /\/app\/cache\/index\.json/);
    assert.ok(finding.confidence >= 0.95);
    assert.deepEqual(finding.evidence[0], { line: 2, text: log[1], source: 'log' });
    assert.ok(finding.evidence.some((e) => e.source === 'spec'));
    assert.ok(finding.nextSteps[0]?.includes('mountPath: /app/cache'));
  });

  test('nginx wording with a bare path works too', () => {
    const log = ['nginx: [emerg] mkdir() "/var/cache/nginx/client_temp" failed (30: Read-only file system)'];
    const finding = readOnlyRootfs.match(contextFor({ container: readOnly(), logLines: log }));
    assert.ok(finding);
    assert.match(finding.title, /\/var\/cache\/nginx\/client_temp/);
  });

  test('EACCES on a path outside every mount counts, with less confidence', () => {
    const log = ["PermissionError: [Errno 13] Permission denied: '/app/data/out.csv'"];
    const finding = readOnlyRootfs.match(contextFor({ container: readOnly(), logLines: log }));
    assert.ok(finding);
    assert.ok(finding.confidence < 0.95 && finding.confidence >= 0.75);
  });

  test('EACCES under a mounted volume is not the root filesystem', () => {
    const log = ["PermissionError: [Errno 13] Permission denied: '/tmp/out.csv'"];
    assert.equal(readOnlyRootfs.match(contextFor({ container: readOnly(), logLines: log })), null);
  });

  test('EROFS on a volume mounted read-only names the mount instead', () => {
    const container = readOnly([{ name: 'config', mountPath: '/etc/app', readOnly: true }]);
    const log = ["Error: EROFS: read-only file system, open '/etc/app/state.json'"];
    const finding = readOnlyRootfs.match(contextFor({ container, logLines: log }));
    assert.ok(finding);
    assert.match(finding.title, /volume config mounted read-only at \/etc\/app/);
  });

  test('no finding without the setting, or without a write error', () => {
    const log = ["Error: EROFS: read-only file system, open '/app/cache/index.json'"];
    assert.equal(readOnlyRootfs.match(contextFor({ container: containerFacts(), logLines: log })), null);
    assert.equal(readOnlyRootfs.match(contextFor({ container: readOnly(), logLines: ['Error: boom'] })), null);
    assert.equal(readOnlyRootfs.match(contextFor({ logLines: log })), null);
  });
});
