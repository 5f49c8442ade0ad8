import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { V1Pod } from '@kubernetes/client-node';
import { matches, ownedByWorkload } from '../../src/cluster/workload-pods.ts';

const owned = (kind: string, name: string, labels: Record<string, string> = {}): V1Pod => ({
  metadata: { name: 'x', labels, ownerReferences: [{ apiVersion: 'v1', kind, name, uid: 'u', controller: true }] },
});

describe('matches (client-side label selector)', () => {
  const labels = { app: 'api', tier: 'web' };
  test('matchLabels: every pair must be there', () => {
    assert.equal(matches(labels, { matchLabels: { app: 'api' } }), true);
    assert.equal(matches(labels, { matchLabels: { app: 'api', tier: 'db' } }), false);
    assert.equal(matches(undefined, { matchLabels: { app: 'api' } }), false);
  });
  test('matchExpressions: In, NotIn, Exists, DoesNotExist, and an unknown operator matches nothing', () => {
    const expression = (operator: string, key: string, values?: string[]) =>
      matches(labels, { matchExpressions: [{ key, operator, ...(values ? { values } : {}) }] });
    assert.equal(expression('In', 'tier', ['web', 'db']), true);
    assert.equal(expression('In', 'tier', ['db']), false);
    assert.equal(expression('In', 'missing', ['web']), false);
    assert.equal(expression('NotIn', 'tier', ['db']), true);
    assert.equal(expression('NotIn', 'tier', ['web']), false);
    assert.equal(expression('NotIn', 'missing', ['web']), true);
    assert.equal(expression('Exists', 'app'), true);
    assert.equal(expression('Exists', 'missing'), false);
    assert.equal(expression('DoesNotExist', 'missing'), true);
    assert.equal(expression('DoesNotExist', 'app'), false);
    assert.equal(expression('Near', 'app', ['api']), false);
  });
  test('labels and expressions together must both hold', () => {
    assert.equal(
      matches(labels, {
        matchLabels: { app: 'api' },
        matchExpressions: [{ key: 'tier', operator: 'In', values: ['db'] }],
      }),
      false,
    );
  });
});

describe('ownedByWorkload', () => {
  test('a Deployment owns the pods of its ReplicaSets, named <deployment>-<pod-template-hash>', () => {
    const pod = owned('ReplicaSet', 'api-7f9c6d5b8', { 'pod-template-hash': '7f9c6d5b8' });
    assert.equal(ownedByWorkload(pod, 'Deployment', 'api'), true);
    // A Deployment whose name is a prefix of another's does not take its pods.
    assert.equal(ownedByWorkload(pod, 'Deployment', 'ap'), false);
    const other = owned('ReplicaSet', 'api-v2-5d4c3b2a1', { 'pod-template-hash': '5d4c3b2a1' });
    assert.equal(ownedByWorkload(other, 'Deployment', 'api'), false);
    // Without the hash label the ReplicaSet cannot be tied to a Deployment.
    assert.equal(ownedByWorkload(owned('ReplicaSet', 'api-7f9c6d5b8'), 'Deployment', 'api'), false);
  });
  test('the other kinds own their pods directly; an orphan belongs to nobody', () => {
    assert.equal(ownedByWorkload(owned('StatefulSet', 'db'), 'StatefulSet', 'db'), true);
    assert.equal(ownedByWorkload(owned('StatefulSet', 'db'), 'DaemonSet', 'db'), false);
    assert.equal(ownedByWorkload(owned('Job', 'migrate'), 'Job', 'migrate'), true);
    assert.equal(ownedByWorkload(owned('Job', 'migrate'), 'Job', 'migrate-2'), false);
    assert.equal(ownedByWorkload({ metadata: { name: 'lonely', labels: { app: 'db' } } }, 'StatefulSet', 'db'), false);
  });
});
