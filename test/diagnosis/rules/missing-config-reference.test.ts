import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { missingConfigReference, parseMissing } from '../../../src/diagnosis/rules/missing-config-reference.ts';
import { containerFacts, contextFor, event, podFacts, waiting } from '../../fixtures/pods.ts';

const configError = (message: string, overrides = {}) =>
  containerFacts({
    state: waiting('CreateContainerConfigError', message),
    lastState: undefined,
    restartCount: 0,
    ...overrides,
  });

describe('parseMissing', () => {
  test('reads every kubelet wording', () => {
    assert.deepEqual(parseMissing('configmap "app-config" not found'), { source: 'ConfigMap', name: 'app-config' });
    assert.deepEqual(parseMissing('secret "db-creds" not found'), { source: 'Secret', name: 'db-creds' });
    assert.deepEqual(parseMissing("couldn't find key DATABASE_URL in ConfigMap shop/app-config"), {
      source: 'ConfigMap',
      name: 'app-config',
      key: 'DATABASE_URL',
    });
    assert.deepEqual(parseMissing("couldn't find key password in Secret shop/db-creds"), {
      source: 'Secret',
      name: 'db-creds',
      key: 'password',
    });
    assert.equal(parseMissing('Error: container has runAsNonRoot and image will run as root'), null);
  });
});

describe('missing-config-reference', () => {
  test('names the variable, the Secret and the key when the spec references them', () => {
    const container = configError("couldn't find key password in Secret shop/db-creds", {
      envReferences: [
        { variable: 'DB_HOST', source: 'ConfigMap', name: 'app-config', key: 'host', optional: false },
        { variable: 'DB_PASSWORD', source: 'Secret', name: 'db-creds', key: 'password', optional: false },
      ],
    });
    const finding = missingConfigReference.match(contextFor({ container, pod: podFacts({ containers: [container] }) }));
    assert.ok(finding);
    assert.equal(finding.category, 'missing_config_reference');
    assert.equal(
      finding.title,
      'Env variable DB_PASSWORD reads key password from Secret db-creds, which has no such key',
    );
    assert.ok(finding.confidence >= 0.95);
    assert.ok(finding.evidence.some((e) => e.source === 'spec' && e.text.includes('DB_PASSWORD')));
    assert.ok(!finding.evidence.some((e) => e.text.includes('DB_HOST')), 'only the reference that matches is quoted');
    assert.ok(finding.nextSteps.some((s) => s.includes('kubectl get secret -n shop db-creds')));
    assert.ok(finding.nextSteps.some((s) => s.includes('kubectl edit secret -n shop db-creds')));
  });

  test('a missing ConfigMap behind envFrom suggests creating it', () => {
    const container = configError('configmap "app-config" not found', {
      envReferences: [{ source: 'ConfigMap', name: 'app-config', optional: false }],
    });
    const finding = missingConfigReference.match(contextFor({ container }));
    assert.ok(finding);
    assert.equal(finding.title, 'envFrom of container api reads ConfigMap app-config, which does not exist');
    assert.ok(finding.nextSteps.some((s) => s.startsWith('Create it: kubectl create configmap app-config -n shop')));
  });

  test('a volume source is named when no env references it', () => {
    const container = containerFacts({ state: waiting('ContainerCreating'), lastState: undefined });
    const pod = podFacts({ containers: [container], volumes: [{ name: 'tls', kind: 'secret', source: 'api-tls' }] });
    const events = [
      event({
        reason: 'FailedMount',
        message: 'MountVolume.SetUp failed for volume "tls" : secret "api-tls" not found',
      }),
    ];
    const finding = missingConfigReference.match(contextFor({ container, pod, events }));
    assert.ok(finding);
    assert.equal(finding.title, 'Volume tls mounts Secret api-tls, which does not exist');
    assert.ok(finding.evidence.some((e) => e.source === 'event'));
  });

  test('an optional reference is not blamed, and confidence drops without a spec match', () => {
    const container = configError('configmap "feature-flags" not found', {
      envReferences: [{ source: 'ConfigMap', name: 'feature-flags', optional: true }],
    });
    const finding = missingConfigReference.match(contextFor({ container }));
    assert.ok(finding);
    assert.doesNotMatch(finding.title, /^Env variable/);
    assert.ok(finding.confidence < 0.95);
  });

  test('CreateContainerConfigError about a Secret in other words still answers, with less confidence', () => {
    const container = configError('failed to sync secret cache: timed out waiting for the condition');
    const finding = missingConfigReference.match(contextFor({ container }));
    assert.ok(finding);
    assert.ok(finding.confidence <= 0.7);
  });

  test('CreateContainerConfigError for another spec error is not a missing reference', () => {
    const container = configError('container has runAsNonRoot and image will run as root');
    assert.equal(missingConfigReference.match(contextFor({ container })), null);
  });

  test('does not fire on an ordinary crash', () => {
    assert.equal(
      missingConfigReference.match(contextFor({ container: containerFacts(), logLines: ['Error: boom'] })),
      null,
    );
    const unrelated = [event({ reason: 'Failed', message: 'Error: ImagePullBackOff' })];
    assert.equal(missingConfigReference.match(contextFor({ container: containerFacts(), events: unrelated })), null);
  });
});
