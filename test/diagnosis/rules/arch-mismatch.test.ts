import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { archMismatch, imageArchitecture } from '../../../src/diagnosis/rules/arch-mismatch.ts';
import { containerFacts, contextFor, nodeFacts, terminated } from '../../fixtures/pods.ts';

const log = ['exec /usr/local/bin/api: exec format error'];

describe('imageArchitecture', () => {
  test('reads the architecture from the tag or path, not the registry host', () => {
    assert.equal(imageArchitecture('registry.example.com/shop/api:1.5.0-amd64'), 'amd64');
    assert.equal(imageArchitecture('arm64v8/nginx:1.27'), 'arm64');
    assert.equal(imageArchitecture('ghcr.io/acme/tool:2.0-aarch64'), 'arm64');
    assert.equal(imageArchitecture('amd64.registry.local/api:1.0'), undefined);
    assert.equal(imageArchitecture('nginx:1.27'), undefined);
  });
});

describe('arch-mismatch', () => {
  test('names both architectures when the tag says one and the node another', () => {
    const container = containerFacts({ image: 'registry.example.com/shop/api:1.5.0-amd64', lastState: terminated(1) });
    const node = nodeFacts({ name: 'graviton-1', architecture: 'arm64' });
    const finding = archMismatch.match(contextFor({ container, node, logLines: log }));
    assert.ok(finding);
    assert.equal(finding.category, 'exec_format_error');
    assert.equal(finding.title, 'The image is built for amd64 but node graviton-1 is arm64: exec format error');
    assert.ok(finding.confidence >= 0.95);
    assert.ok(finding.nextSteps.some((s) => s.includes('kubernetes.io/arch: amd64')));
  });

  test('status message evidence and an unlabelled image give the node side only', () => {
    const container = containerFacts({ image: 'api:1.5.0' });
    const finding = archMismatch.match(
      contextFor({
        container,
        node: nodeFacts({ architecture: 'arm64' }),
        message: 'failed to create shim task: exec /app: exec format error',
      }),
    );
    assert.ok(finding);
    assert.match(finding.title, /another CPU architecture than node node-a \(arm64\)/);
    assert.ok(finding.evidence.some((e) => e.source === 'status'));
    assert.ok(finding.confidence < 0.95);
  });

  test('a tag naming the node architecture lowers the confidence and mentions the shebang', () => {
    const container = containerFacts({ image: 'api:1.5.0-amd64' });
    const finding = archMismatch.match(contextFor({ container, node: nodeFacts(), logLines: log }));
    assert.ok(finding);
    assert.ok(finding.confidence <= 0.7);
    assert.match(finding.title, /#!/);
  });

  test('no finding without the error, or without the node', () => {
    assert.equal(
      archMismatch.match(contextFor({ container: containerFacts(), node: nodeFacts(), logLines: ['Error: boom'] })),
      null,
    );
    assert.equal(archMismatch.match(contextFor({ container: containerFacts(), logLines: log })), null);
  });
});
