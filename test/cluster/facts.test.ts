import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CoreV1Event, V1Node, V1Pod } from '@kubernetes/client-node';
import { eventFacts, nodeFacts, podFacts, revisionFacts } from '../../src/cluster/facts.ts';

// The client deserialises date-time fields to Date: do the same, so the mapping sees what it will see live.
const withDates = (value: unknown, key = ''): unknown => {
  if (typeof value === 'string' && /(Timestamp|At|Time)$/.test(key)) return new Date(value);
  if (Array.isArray(value)) return value.map((item) => withDates(item));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withDates(v, k)]));
  return value;
};

const pod = withDates({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name: 'api-7f9c6d5b8-x2k4q',
    namespace: 'shop',
    uid: 'u-1',
    creationTimestamp: '2026-11-25T11:30:00Z',
    labels: { app: 'api', 'pod-template-hash': '7f9c6d5b8' },
    ownerReferences: [
      { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'api-7f9c6d5b8', uid: 'rs', controller: true },
    ],
  },
  spec: {
    nodeName: 'node-a',
    securityContext: { runAsNonRoot: true, runAsUser: 1000, fsGroup: 2000 },
    initContainers: [{ name: 'migrate', image: 'shop/migrate:1', command: ['./migrate'] }],
    containers: [
      {
        name: 'api',
        image: 'shop/api:1.5.0',
        args: ['--port=80'],
        env: [
          { name: 'PLAIN', value: 'hunter2' },
          { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
          { name: 'MODE', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'mode', optional: true } } },
        ],
        envFrom: [{ configMapRef: { name: 'common' } }, { secretRef: { name: 'tokens', optional: true } }],
        resources: { limits: { memory: '256Mi', cpu: '500m' }, requests: { memory: '128Mi' } },
        securityContext: {
          runAsUser: 0,
          readOnlyRootFilesystem: true,
          capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] },
        },
        ports: [{ containerPort: 80 }],
        livenessProbe: { httpGet: { path: '/healthz', port: 8080 }, periodSeconds: 5 },
        readinessProbe: { exec: { command: ['cat', '/ready'] } },
        volumeMounts: [{ name: 'data', mountPath: '/data' }],
      },
    ],
    volumes: [
      { name: 'data', persistentVolumeClaim: { claimName: 'api-data' } },
      { name: 'cfg', configMap: { name: 'cfg' } },
      { name: 'tmp', emptyDir: {} },
    ],
  },
  status: {
    phase: 'Running',
    initContainerStatuses: [
      {
        name: 'migrate',
        image: 'shop/migrate:1',
        imageID: 'x',
        ready: true,
        restartCount: 0,
        state: { terminated: { exitCode: 0, reason: 'Completed' } },
      },
    ],
    containerStatuses: [
      {
        name: 'api',
        image: 'shop/api:1.5.0',
        imageID: 'docker-pullable://shop/api@sha256:abc',
        ready: false,
        restartCount: 5,
        state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 5m0s' } },
        lastState: {
          terminated: {
            exitCode: 137,
            reason: 'OOMKilled',
            startedAt: '2026-11-25T11:58:00Z',
            finishedAt: '2026-11-25T11:59:00Z',
          },
        },
      },
    ],
  },
}) as V1Pod;

describe('podFacts', () => {
  const facts = podFacts(pod);
  const api = facts.containers[0];

  test('pod identity, owner, node and volumes', () => {
    assert.equal(facts.name, 'api-7f9c6d5b8-x2k4q');
    assert.equal(facts.createdAt, '2026-11-25T11:30:00.000Z');
    assert.deepEqual(facts.owner, { kind: 'ReplicaSet', name: 'api-7f9c6d5b8' });
    assert.equal(facts.nodeName, 'node-a');
    assert.deepEqual(facts.volumes, [
      { name: 'data', kind: 'persistentVolumeClaim', source: 'api-data' },
      { name: 'cfg', kind: 'configMap', source: 'cfg' },
      { name: 'tmp', kind: 'emptyDir' },
    ]);
  });

  test('containers merged with their statuses, init containers apart', () => {
    assert.equal(facts.initContainers[0]?.init, true);
    assert.deepEqual(facts.initContainers[0]?.state, { kind: 'terminated', exitCode: 0, reason: 'Completed' });
    assert.equal(api?.restartCount, 5);
    assert.deepEqual(api?.state, { kind: 'waiting', reason: 'CrashLoopBackOff', message: 'back-off 5m0s' });
    assert.deepEqual(api?.lastState, {
      kind: 'terminated',
      exitCode: 137,
      reason: 'OOMKilled',
      startedAt: '2026-11-25T11:58:00.000Z',
      finishedAt: '2026-11-25T11:59:00.000Z',
    });
    assert.deepEqual(api?.resources, { limits: { memory: '256Mi', cpu: '500m' }, requests: { memory: '128Mi' } });
    assert.deepEqual(api?.ports, [{ containerPort: 80, protocol: 'TCP' }]);
  });

  test('env: references and names, never values', () => {
    assert.deepEqual(api?.envNames, ['PLAIN']);
    assert.deepEqual(api?.envReferences, [
      { variable: 'DB_PASSWORD', source: 'Secret', name: 'db', key: 'password', optional: false },
      { variable: 'MODE', source: 'ConfigMap', name: 'cfg', key: 'mode', optional: true },
      { source: 'ConfigMap', name: 'common', optional: false },
      { source: 'Secret', name: 'tokens', optional: true },
    ]);
    assert.doesNotMatch(JSON.stringify(facts), /hunter2/);
  });

  test('security merged pod -> container, container wins', () => {
    assert.deepEqual(api?.security, {
      capabilitiesAdd: ['NET_BIND_SERVICE'],
      capabilitiesDrop: ['ALL'],
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
      runAsUser: 0,
      fsGroup: 2000,
    });
    assert.equal(facts.initContainers[0]?.security.runAsUser, 1000);
  });

  test('probes with defaults', () => {
    assert.deepEqual(api?.probes.liveness, {
      type: 'httpGet',
      target: '/healthz',
      port: 8080,
      initialDelaySeconds: 0,
      periodSeconds: 5,
      timeoutSeconds: 1,
      failureThreshold: 3,
    });
    assert.equal(api?.probes.readiness?.type, 'exec');
    assert.equal(api?.probes.readiness?.target, 'cat /ready');
  });

  test('a container without a status yet is waiting', () => {
    const bare = podFacts({ ...pod, status: { phase: 'Pending' } } as V1Pod);
    assert.deepEqual(bare.containers[0]?.state, { kind: 'waiting' });
    assert.equal(bare.containers[0]?.restartCount, 0);
  });
});

describe('eventFacts', () => {
  test('maps reason, count, times and the container from fieldPath', () => {
    const event = withDates({
      metadata: { name: 'e1', namespace: 'shop' },
      involvedObject: { kind: 'Pod', name: 'api-1', fieldPath: 'spec.containers{api}' },
      type: 'Warning',
      reason: 'Unhealthy',
      message: 'Liveness probe failed: HTTP probe failed with statuscode: 500',
      count: 7,
      firstTimestamp: '2026-11-25T11:00:00Z',
      lastTimestamp: '2026-11-25T11:59:00Z',
    }) as CoreV1Event;
    assert.deepEqual(eventFacts(event), {
      type: 'Warning',
      reason: 'Unhealthy',
      message: 'Liveness probe failed: HTTP probe failed with statuscode: 500',
      count: 7,
      firstSeen: '2026-11-25T11:00:00.000Z',
      lastSeen: '2026-11-25T11:59:00.000Z',
      object: 'Pod/api-1',
      container: 'api',
    });
  });

  test('events.k8s.io style: series count and eventTime', () => {
    const event = {
      metadata: { name: 'e2' },
      involvedObject: { kind: 'Pod', name: 'api-1', fieldPath: 'spec.initContainers{migrate}' },
      reason: 'BackOff',
      eventTime: new Date('2026-11-25T10:00:00Z'),
      series: { count: 12, lastObservedTime: new Date('2026-11-25T10:30:00Z') },
    } as CoreV1Event;
    const facts = eventFacts(event);
    assert.equal(facts.count, 12);
    assert.equal(facts.lastSeen, '2026-11-25T10:30:00.000Z');
    assert.equal(facts.container, 'migrate');
  });
});

describe('nodeFacts and revisionFacts', () => {
  test('architecture from nodeInfo, else the label', () => {
    const node = {
      metadata: { name: 'n1', labels: { 'kubernetes.io/arch': 'arm64', 'kubernetes.io/os': 'linux' } },
      status: { conditions: [{ type: 'Ready', status: 'True' }] },
    } as V1Node;
    assert.deepEqual(nodeFacts(node), {
      name: 'n1',
      architecture: 'arm64',
      os: 'linux',
      conditions: [{ type: 'Ready', status: 'True' }],
    });
  });

  test('revision images by container', () => {
    assert.deepEqual(
      revisionFacts({ revision: '3', createdAt: '2026-11-25T11:00:00Z', containers: [{ name: 'api', image: 'a:2' }] }),
      {
        revision: '3',
        createdAt: '2026-11-25T11:00:00.000Z',
        images: { api: 'a:2' },
      },
    );
  });
});
