import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { imagePullFailure, pullSubCause, registryOf } from '../../../src/diagnosis/rules/image-pull-failure.ts';
import { containerFacts, contextFor, event, waiting } from '../../fixtures/pods.ts';

const pulling = (reason: string, message?: string) =>
  containerFacts({
    image: 'registry.example.com/shop/api:1.5.1',
    state: waiting(reason, message),
    lastState: undefined,
  });
const failed = (message: string) => event({ reason: 'Failed', message });

describe('pullSubCause', () => {
  test('tells the sub-causes apart from the registry wording', () => {
    const cases: [string, string][] = [
      [
        'Failed to pull image "x:1": rpc error: code = NotFound desc = failed to resolve reference "x:1": not found',
        'not_found',
      ],
      ['manifest unknown: manifest unknown', 'not_found'],
      ['failed to authorize: failed to fetch anonymous token: unexpected status: 401 Unauthorized', 'auth'],
      ['pull access denied for x, repository does not exist or may require docker login', 'auth'],
      ['dial tcp: lookup registry.example.com on 10.96.0.10:53: no such host', 'unreachable'],
      ['no match for platform in manifest: not found', 'platform'],
      ['toomanyrequests: You have reached your pull rate limit', 'rate_limited'],
      ['InvalidImageName: couldn\'t parse image reference "API:latest"', 'invalid_name'],
      ['something odd', 'unknown'],
    ];
    for (const [text, id] of cases) assert.equal(pullSubCause(text).id, id, text);
  });

  test('registryOf defaults to docker.io', () => {
    assert.equal(registryOf('registry.example.com/shop/api:1'), 'registry.example.com');
    assert.equal(registryOf('nginx:1.27'), 'docker.io');
    assert.equal(registryOf('library/nginx'), 'docker.io');
  });
});

describe('image-pull-failure', () => {
  test('a missing tag: names the image and suggests checking the tag', () => {
    const container = pulling('ImagePullBackOff', 'Back-off pulling image "registry.example.com/shop/api:1.5.1"');
    const events = [failed('Failed to pull image "registry.example.com/shop/api:1.5.1": manifest unknown')];
    const finding = imagePullFailure.match(contextFor({ container, events }));
    assert.ok(finding);
    assert.equal(finding.category, 'image_pull_failure');
    assert.equal(
      finding.title,
      'Image registry.example.com/shop/api:1.5.1 cannot be pulled: the image or tag does not exist',
    );
    assert.ok(finding.confidence >= 0.95);
    assert.ok(finding.nextSteps[0]?.includes('docker manifest inspect registry.example.com/shop/api:1.5.1'));
    assert.ok(finding.evidence.some((e) => e.source === 'event' && e.text.includes('manifest unknown')));
  });

  test('auth failures point at imagePullSecrets with the registry filled in', () => {
    const container = pulling('ErrImagePull');
    const events = [failed('Failed to pull image "registry.example.com/shop/api:1.5.1": 401 Unauthorized')];
    const finding = imagePullFailure.match(contextFor({ container, events }));
    assert.ok(finding);
    assert.match(finding.title, /imagePullSecrets/);
    assert.ok(finding.nextSteps.some((s) => s.includes('--docker-server=registry.example.com')));
  });

  test('events alone are enough, with slightly less confidence', () => {
    const container = containerFacts({ state: waiting('ContainerCreating'), lastState: undefined });
    const events = [failed('Failed to pull image "api:2": dial tcp 10.0.0.9:443: i/o timeout')];
    const finding = imagePullFailure.match(contextFor({ container, events }));
    assert.ok(finding);
    assert.match(finding.title, /Image api:2 cannot be pulled: the registry cannot be reached/);
    assert.ok(finding.confidence < 0.95);
  });

  test('no finding for a crash loop, whose BackOff event is about restarting', () => {
    assert.equal(imagePullFailure.match(contextFor({ container: containerFacts(), events: [event()] })), null);
  });
});
