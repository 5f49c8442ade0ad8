import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseEventsText, parseStatusText } from '../../src/diagnosis/events-text.ts';

const DESCRIBE = `Events:
  Type     Reason     Age                 From               Message
  ----     ------     ----                ----               -------
  Normal   Scheduled  10m                 default-scheduler  Successfully assigned shop/api-7f9c6-abcde to node-1
  Normal   Pulled     8m (x5 over 10m)    kubelet            Container image "ghcr.io/acme/api:1.4.2" already present on machine
  Warning  Unhealthy  4m (x9 over 9m)     kubelet            Liveness probe failed: Get "http://10.0.0.7:8080/healthz": dial tcp 10.0.0.7:8080: connect: connection refused
  Warning  BackOff    3m (x12 over 10m)   kubelet            Back-off restarting failed container api in pod api-7f9c6-abcde_shop(0f1e)
`;

describe('parseEventsText: kubectl describe', () => {
  const events = parseEventsText(DESCRIBE);
  test('skips the header, the rule and the Events: line', () => {
    assert.equal(events.length, 4);
  });
  test('reads type, reason, count and message', () => {
    assert.deepEqual(events[3], {
      type: 'Warning',
      reason: 'BackOff',
      count: 12,
      message: 'Back-off restarting failed container api in pod api-7f9c6-abcde_shop(0f1e)',
      container: 'api',
    });
    assert.equal(events[0]?.count, 1);
    assert.equal(events[0]?.reason, 'Scheduled');
    assert.equal(events[2]?.reason, 'Unhealthy');
    assert.equal(events[2]?.count, 9);
    assert.match(events[2]?.message ?? '', /^Liveness probe failed: Get "http/);
  });
  test('"Container image" is not a container name', () => {
    assert.equal(events[1]?.container, undefined);
  });
  test('a row whose padding was collapsed by a chat client still parses', () => {
    const [e] = parseEventsText(
      'Warning BackOff 3m (x12 over 10m) kubelet, node-1 Back-off restarting failed container web',
    );
    assert.deepEqual(e, {
      type: 'Warning',
      reason: 'BackOff',
      count: 12,
      message: 'Back-off restarting failed container web',
      container: 'web',
    });
  });
  test('old describe layout with "kubelet, node" source and tabs', () => {
    const [e] = parseEventsText(
      '  Warning\tFailedMount\t2m\tkubelet, ip-10-0-1-5\tMountVolume.SetUp failed for volume "cfg" : configmap "app-cfg" not found',
    );
    assert.equal(e?.reason, 'FailedMount');
    assert.equal(e?.type, 'Warning');
    assert.match(e?.message ?? '', /^MountVolume\.SetUp failed/);
  });
});

describe('parseEventsText: kubectl get events', () => {
  test('current layout: LAST SEEN TYPE REASON OBJECT MESSAGE', () => {
    const events = parseEventsText([
      'LAST SEEN   TYPE      REASON      OBJECT                    MESSAGE',
      '2m          Warning   Failed      pod/api-7f9c6-abcde       Error: secret "db-credentials" not found',
      '5s          Normal    Killing     pod/api-7f9c6-abcde       Stopping container api',
    ]);
    assert.deepEqual(events, [
      {
        type: 'Warning',
        reason: 'Failed',
        count: 1,
        message: 'Error: secret "db-credentials" not found',
        object: 'pod/api-7f9c6-abcde',
      },
      {
        type: 'Normal',
        reason: 'Killing',
        count: 1,
        message: 'Stopping container api',
        object: 'pod/api-7f9c6-abcde',
        container: 'api',
      },
    ]);
  });
  test('old layout with COUNT and SUBOBJECT columns', () => {
    const [e] = parseEventsText(
      '1m  10m  14  api-7f9c6-abcde.17a  Pod  spec.containers{worker}  Warning  BackOff  kubelet, node-2  Back-off restarting failed container',
    );
    assert.deepEqual(e, {
      type: 'Warning',
      reason: 'BackOff',
      count: 14,
      message: 'Back-off restarting failed container',
      container: 'worker',
    });
  });
});

describe('parseEventsText: free text', () => {
  test('infers the reason from well-known messages and keeps type empty', () => {
    const events = parseEventsText(
      [
        'Back-off restarting failed container migrate in pod db-migrate-x',
        'Readiness probe failed: HTTP probe failed with statuscode: 503',
        '0/3 nodes are available: 3 Insufficient memory.',
        'Error: configmap "app-settings" not found',
        'Container api failed liveness probe, will be restarted',
        'something happened x3',
      ].join('\r\n'),
    );
    assert.deepEqual(
      events.map((e) => [e.type, e.reason]),
      [
        ['', 'BackOff'],
        ['', 'Unhealthy'],
        ['', 'FailedScheduling'],
        ['', 'Failed'],
        ['', 'Killing'],
        ['', ''],
      ],
    );
    assert.equal(events[0]?.container, 'migrate');
    assert.equal(events[4]?.container, 'api');
    assert.equal(events[5]?.message, 'something happened x3');
  });
  test('ANSI colour, blank lines and <none> are ignored', () => {
    assert.deepEqual(parseEventsText('\n\nEvents:  <none>\n'), []);
    const [e] = parseEventsText('\x1b[33mWarning\x1b[0m  BackOff  1m  kubelet  Back-off restarting failed container');
    assert.equal(e?.reason, 'BackOff');
  });
  test('bounded on hostile input', () => {
    const events = parseEventsText('Warning BackOff\n'.repeat(5000));
    assert.equal(events.length, 1000);
    const [long] = parseEventsText('x'.repeat(100_000));
    assert.equal(long?.message.length, 4096);
  });
});

describe('parseStatusText', () => {
  test('reads the last termination from a describe status block', () => {
    const text =
      '    State:          Waiting\n      Reason:       CrashLoopBackOff\n    Last State:     Terminated\n      Reason:       OOMKilled\n      Exit Code:    137';
    assert.deepEqual(parseStatusText(text), { exitCode: 137, reason: 'OOMKilled' });
  });
  test('nothing to read gives nulls', () => {
    assert.deepEqual(parseStatusText(['Back-off restarting failed container']), { exitCode: null, reason: null });
  });
});
