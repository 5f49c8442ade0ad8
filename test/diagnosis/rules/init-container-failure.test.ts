import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { initContainerFailure, summaryLine } from '../../../src/diagnosis/rules/init-container-failure.ts';
import { containerFacts, contextFor, podFacts, terminated, waiting } from '../../fixtures/pods.ts';

const migrate = containerFacts({
  name: 'migrate',
  init: true,
  state: waiting(),
  lastState: terminated(1),
  restartCount: 6,
});
const app = containerFacts({ name: 'api', state: waiting('PodInitializing'), lastState: undefined, restartCount: 0 });
const pod = podFacts({ phase: 'Pending', containers: [app], initContainers: [migrate] });

describe('init-container-failure', () => {
  test('diagnosing the init container combines its log error into the title', () => {
    const log = ['running migrations', 'ERROR: relation "users" already exists', 'migration failed'];
    const finding = initContainerFailure.match(contextFor({ container: migrate, pod, logLines: log }));
    assert.ok(finding);
    assert.equal(finding.category, 'init_container_failure');
    assert.equal(
      finding.title,
      'The app never started: init container migrate failed (exit 1): ERROR: relation "users" already exists',
    );
    assert.equal(finding.confidence, 0.8);
    assert.ok(finding.nextSteps[0]?.includes('-c migrate --previous'));
  });

  test('diagnosing the waiting app container points at the failing init container', () => {
    const finding = initContainerFailure.match(contextFor({ container: app, pod }));
    assert.ok(finding);
    assert.match(finding.title, /init container migrate failed \(exit 1\)$/);
    assert.ok(finding.confidence >= 0.9);
    assert.ok(finding.evidence.some((e) => e.text.includes('container api is waiting: PodInitializing')));
  });

  test('no finding for an app container crash, or init containers that succeeded', () => {
    const crashed = containerFacts({ name: 'api' });
    const done = containerFacts({
      name: 'migrate',
      init: true,
      state: terminated(0),
      lastState: undefined,
      restartCount: 0,
    });
    const healthyPod = podFacts({ containers: [crashed], initContainers: [done] });
    assert.equal(initContainerFailure.match(contextFor({ container: crashed, pod: healthyPod })), null);
    assert.equal(initContainerFailure.match(contextFor({ container: done, pod: healthyPod })), null);
  });
});

describe('summaryLine', () => {
  const lines = (texts: string[]) => texts.map((text, i) => ({ line: i + 1, text }));
  test('takes the exception at the bottom of a Python traceback, not its header', () => {
    const log = lines([
      'Running upgrade 7a1c -> 8b2e',
      'Traceback (most recent call last):',
      '  File "/usr/lib/python3.12/site-packages/sqlalchemy/engine/base.py", line 1967, in _exec',
      'psycopg2.errors.UniqueViolation: could not create unique index "ix_accounts_email"',
      'The above exception was the direct cause of the following exception:',
      'sqlalchemy.exc.IntegrityError: (psycopg2.errors.UniqueViolation) could not create unique index',
      'FAILED: alembic upgrade head',
    ]);
    assert.equal(summaryLine(log)?.line, 6);
  });

  test('falls back to a line that says something failed, and to nothing', () => {
    assert.equal(summaryLine(lines(['waiting for db', 'migration failed']))?.text, 'migration failed');
    assert.equal(summaryLine(lines(['all good'])), undefined);
  });
});
