import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { classifyText } from '../../../src/diagnosis/engine.ts';
import { describeProbe, probeFailure } from '../../../src/diagnosis/rules/probe-failure.ts';
import type { ProbeFacts } from '../../../src/diagnosis/types.ts';
import { containerFacts, contextFor, event, terminated } from '../../fixtures/pods.ts';

const liveness: ProbeFacts = {
  type: 'httpGet',
  target: '/healthz',
  port: 8080,
  initialDelaySeconds: 5,
  periodSeconds: 10,
  timeoutSeconds: 1,
  failureThreshold: 3,
};
const unhealthy = (
  message = 'Liveness probe failed: Get "http://10.1.2.3:8080/healthz": dial tcp 10.1.2.3:8080: connect: connection refused',
) => event({ reason: 'Unhealthy', message, count: 9 });
const killing = event({
  type: 'Normal',
  reason: 'Killing',
  message: 'Container api failed liveness probe, will be restarted',
});
const healthyLog = ['Starting server', 'Loading 1.2M cache entries', 'still loading...'];

describe('probe-failure', () => {
  test('a signal kill with liveness events and a healthy log is the probe, with the probe config shown', () => {
    const container = containerFacts({ lastState: terminated(137), probes: { liveness } });
    const finding = probeFailure.match(contextFor({ container, events: [unhealthy(), killing], logLines: healthyLog }));
    assert.ok(finding);
    assert.equal(finding.category, 'probe_failure');
    assert.match(
      finding.title,
      /Killed by the kubelet after its liveness probe failed \(\/healthz on port 8080, 3 failures\)/,
    );
    assert.ok(finding.confidence >= 0.9);
    assert.ok(finding.evidence.some((e) => e.source === 'spec' && e.text.includes('initialDelaySeconds 5')));
    assert.ok(finding.nextSteps.some((s) => s.includes('startupProbe')));
    assert.ok(finding.nextSteps.some((s) => s.startsWith('Connection refused')));
  });

  test('a probe on a port the container does not declare is pointed out', () => {
    const container = containerFacts({ lastState: terminated(143), probes: { liveness: { ...liveness, port: 9090 } } });
    const finding = probeFailure.match(
      contextFor({ container, events: [unhealthy('Liveness probe failed: HTTP probe failed with statuscode: 404')] }),
    );
    assert.ok(finding);
    assert.ok(finding.nextSteps.some((s) => s.includes('port 9090') && s.includes('8080')));
    assert.ok(finding.nextSteps.some((s) => s.startsWith('HTTP 404')));
  });

  test("the app's own exit with an error in the log lowers the confidence: the probe is a symptom", () => {
    const container = containerFacts({ lastState: terminated(1), probes: { liveness } });
    const log = ['Starting server', 'Error: connect ECONNREFUSED 10.0.0.5:5432', '    at TCPConnectWrap.afterConnect'];
    const finding = probeFailure.match(contextFor({ container, events: [unhealthy()], logLines: log }));
    assert.ok(finding);
    assert.ok(finding.confidence < 0.5);
    assert.match(finding.title, /exited by itself \(exit 1\)/);
  });

  test('an error in the log lowers a signal kill below the healthy-log case', () => {
    const container = containerFacts({ lastState: terminated(137), probes: { liveness } });
    const healthy = probeFailure.match(contextFor({ container, events: [unhealthy(), killing], logLines: healthyLog }));
    const noisy = probeFailure.match(
      contextFor({ container, events: [unhealthy(), killing], logLines: ['FATAL: could not open cache'] }),
    );
    assert.ok(healthy && noisy);
    assert.ok(noisy.confidence < healthy.confidence);
  });

  describe('a start-up failure the app reported before the kill', () => {
    const container = containerFacts({ lastState: terminated(143), probes: { liveness } });
    const http500 = unhealthy('Liveness probe failed: HTTP probe failed with statuscode: 500');
    const jenkins = [
      '2024-03-05 10:22:23.744+0000 [id=39]\tINFO\tjenkins.InitReactorRunner$1#onAttained: Augmented all extensions',
      '2024-03-05 10:22:25.770+0000 [id=40]\tSEVERE\tjenkins.InitReactorRunner$1#onTaskFailed: Failed ConfigurationAsCode.init',
      'io.jenkins.plugins.casc.UnknownConfiguratorException: No configurator for the following root elements: jobs',
      '2024-03-05 10:22:25.778+0000 [id=32]\tSEVERE\thudson.util.BootFailure#publish: Failed to initialize Jenkins',
      '2024-03-05 10:24:41.009+0000 [id=28]\tINFO\thudson.lifecycle.Lifecycle#onStatusUpdate: Stopping Jenkins',
    ];

    test('makes the probe kills a symptom, quoting the failure', () => {
      const finding = probeFailure.match(contextFor({ container, events: [http500, killing], logLines: jenkins }));
      assert.ok(finding);
      assert.ok(finding.confidence <= 0.6, `confidence ${finding.confidence}`);
      assert.match(finding.title, /already failed to start/);
      assert.ok(finding.evidence.some((e) => e.source === 'log' && e.text.includes('Failed to initialize Jenkins')));
    });

    test('so the rule that reads the failure wins (a plugin the config needs is missing)', () => {
      const result = classifyText({
        log: jenkins.join('\n'),
        exitCode: 143,
        reason: 'Error',
        events: [http500, killing],
      });
      assert.equal(result.best.category, 'missing_dependency');
      assert.ok(result.alternatives.some((f) => f.category === 'probe_failure'));
    });

    const startupFailures = [
      '***************************\nAPPLICATION FAILED TO START\n***************************',
      'Unhandled exception. System.InvalidOperationException: Unable to resolve service for type IClock',
      'level=fatal msg="Error starting server" error="cannot create store"',
      '2024-04-22 10:03:56.140 ERROR (main) o.a.s.s.CoreContainerProvider Could not start Solr. Check solr/home property',
    ];
    for (const log of startupFailures) {
      test(log.split('\n').find((l) => /[a-z]/.test(l)) ?? log, () => {
        const finding = probeFailure.match(
          contextFor({ container, events: [http500, killing], logLines: log.split('\n') }),
        );
        assert.ok(finding && finding.confidence <= 0.6);
      });
    }

    test('PostgreSQL refusing probe connections during recovery is not a failed start', () => {
      const log = [
        'LOG:  database system was interrupted; last known up at 2024-03-05 10:01:02 UTC',
        'LOG:  database system was not properly shut down; automatic recovery in progress',
        'FATAL:  the database system is starting up',
        'FATAL:  the database system is starting up',
      ];
      const finding = probeFailure.match(contextFor({ container, events: [unhealthy(), killing], logLines: log }));
      assert.ok(finding && finding.confidence > 0.6);
    });

    test('a warning about a failed optional component is not a failed start', () => {
      const log = ['WARN Failed to initialize NVML: could not load libnvidia-ml.so', ...healthyLog];
      const finding = probeFailure.match(contextFor({ container, events: [unhealthy(), killing], logLines: log }));
      assert.ok(finding && finding.confidence >= 0.9);
    });
  });

  test('an app listening on an unset port makes the probe kill a symptom, not a confident answer', () => {
    const container = containerFacts({ lastState: terminated(143), probes: { liveness } });
    const finding = probeFailure.match(
      contextFor({
        container,
        events: [unhealthy(), killing],
        logLines: ['[main] INFO  connected to redis', '[main] INFO  HTTP server started at http://0.0.0.0:NaN'],
      }),
    );
    assert.ok(finding);
    assert.ok(finding.confidence <= 0.6, `confidence ${finding.confidence}`);
    assert.ok(finding.evidence.some((e) => e.source === 'log' && e.text.includes(':NaN')));
  });

  /** A liveness kill (exit code given) after a container log of these lines. */
  const killAfter = (exitCode: number, logLines: string[]) =>
    probeFailure.match(
      contextFor({
        container: containerFacts({ lastState: terminated(exitCode), probes: { liveness } }),
        events: [unhealthy(), killing],
        logLines,
      }),
    );

  describe('an app waiting on another process, or finding its store held, makes the probe kill a symptom', () => {
    const cases: { name: string; exitCode: number; logLines: string[]; namesTheLock?: boolean }[] = [
      {
        name: 'a stale lock on the volume (a migration lock held by another instance)',
        exitCode: 137,
        logLines: [
          'Starting gitea',
          'Waiting for the migration lock held by another instance...',
          'Another instance is already running the upgrade. Waiting 30 seconds...',
        ],
        namesTheLock: true,
      },
      {
        name: 'a broker waiting forever to obtain its journal lock (HornetQ/Artemis wording)',
        exitCode: 143,
        logLines: [
          'INFO  [org.hornetq.core.server] HQ221000: live server is starting with configuration HornetQ Configuration',
          'INFO  [org.hornetq.core.server] HQ221034: Waiting to obtain live lock',
        ],
      },
      {
        name: 'a broker standing by because its store is locked by another server (KahaDB wording)',
        exitCode: 143,
        logLines: [
          ' INFO | Using Persistence Adapter: KahaDBPersistenceAdapter[/data/kahadb]',
          ' INFO | Database /data/kahadb/lock is locked by another server. This broker is now in slave mode waiting a lock to be acquired',
        ],
        namesTheLock: true,
      },
      {
        name: 'a start loop that keeps finding a stale pid file on the volume',
        exitCode: 143,
        logLines: [
          'starting worker',
          '2024-05-01 10:00:00.000 UTC [1] FATAL pidfile exists, another instance running?',
          'retrying in 5s',
          "lock '/srv/app/run/app.lock' exists - is another server still running?",
        ],
      },
    ];
    for (const c of cases) {
      test(c.name, () => {
        const finding = killAfter(c.exitCode, c.logLines);
        assert.ok(finding);
        assert.ok(finding.confidence <= 0.6, `confidence ${finding.confidence}`);
        if (c.namesTheLock) assert.match(finding.title, /another process's lock/);
      });
    }
  });

  describe('the probe kill stays confident', () => {
    const cases: { name: string; exitCode: number; logLines: string[] }[] = [
      {
        name: 'a stale pid file that the start script removed',
        exitCode: 137,
        logLines: ['Removing stale pid file /var/lib/app/twistd.pid', 'Loading 1.2M cache entries', 'still loading...'],
      },
      {
        name: 'a log that mentions a lock it then took',
        exitCode: 137,
        logLines: ['Acquired leader lock', 'Loading 1.2M cache entries', 'still loading...'],
      },
      { name: 'a real listen port', exitCode: 143, logLines: ['Server listening on port 3000'] },
    ];
    for (const c of cases) {
      test(c.name, () => {
        const finding = killAfter(c.exitCode, c.logLines);
        assert.ok(finding);
        assert.ok(finding.confidence >= 0.9, `confidence ${finding.confidence}`);
      });
    }
  });

  test('startup probe failures are named as such', () => {
    const container = containerFacts({
      lastState: terminated(137),
      probes: { startup: { ...liveness, target: '/ready' } },
    });
    const events = [
      unhealthy('Startup probe failed: HTTP probe failed with statuscode: 503'),
      event({ reason: 'Killing', message: 'Container api failed startup probe, will be restarted' }),
    ];
    const finding = probeFailure.match(contextFor({ container, events }));
    assert.ok(finding);
    assert.match(finding.title, /startup probe/);
  });

  test('readiness failures alone never kill: no finding', () => {
    const container = containerFacts({ lastState: terminated(137), probes: { liveness } });
    const events = [unhealthy('Readiness probe failed: HTTP probe failed with statuscode: 503')];
    assert.equal(probeFailure.match(contextFor({ container, events })), null);
    assert.equal(probeFailure.match(contextFor({ container, events: [] })), null);
  });

  test('events about another container are ignored', () => {
    const container = containerFacts({ lastState: terminated(137), probes: { liveness } });
    const events = [{ ...unhealthy(), container: 'sidecar' }];
    assert.equal(probeFailure.match(contextFor({ container, events })), null);
  });

  test('describeProbe shows every setting', () => {
    assert.equal(
      describeProbe(liveness),
      'httpGet /healthz on port 8080, initialDelaySeconds 5, periodSeconds 10, timeoutSeconds 1, failureThreshold 3',
    );
  });
});
