import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { exitedSuccessfully } from '../../../src/diagnosis/rules/exited-successfully.ts';
import { containerFacts, contextFor, podFacts, terminated, workloadFacts } from '../../fixtures/pods.ts';

describe('exited-successfully', () => {
  test('exit 0 under restartPolicy Always: the process must stay in the foreground', () => {
    const container = containerFacts({ lastState: terminated(0), command: ['/bin/sh', '-c', '/start.sh'] });
    const finding = exitedSuccessfully.match(
      contextFor({
        container,
        pod: podFacts({ containers: [container] }),
        workload: workloadFacts(),
        logLines: ['done'],
      }),
    );
    assert.ok(finding);
    assert.equal(finding.category, 'exited_successfully');
    assert.match(finding.title, /exited 0, and a Deployment restarts it/);
    assert.ok(finding.confidence >= 0.85);
    assert.ok(finding.nextSteps[0]?.includes('exec <server>'));
    assert.ok(finding.evidence.some((e) => e.source === 'spec' && e.text.includes('restartPolicy: Always')));
  });

  test('nginx that daemonizes gets the daemon off hint', () => {
    const container = containerFacts({ image: 'nginx:1.27', lastState: terminated(0), command: ['nginx'] });
    const finding = exitedSuccessfully.match(contextFor({ container, pod: podFacts({ containers: [container] }) }));
    assert.ok(finding);
    assert.ok(finding.nextSteps[0]?.includes('daemon off;'));
  });

  test('an error in the log with exit 0 lowers the confidence', () => {
    const container = containerFacts({ lastState: terminated(0) });
    const pod = podFacts({ containers: [container] });
    const clean = exitedSuccessfully.match(contextFor({ container, pod, logLines: ['done'] }));
    const swallowed = exitedSuccessfully.match(contextFor({ container, pod, logLines: ['FATAL: config missing'] }));
    assert.ok(clean && swallowed);
    assert.ok(swallowed.confidence < clean.confidence);
  });

  test('no finding for Jobs (OnFailure/Never), init containers, or non-zero exits', () => {
    const container = containerFacts({ lastState: terminated(0) });
    assert.equal(
      exitedSuccessfully.match(contextFor({ container, pod: podFacts({ restartPolicy: 'OnFailure' }) })),
      null,
    );
    const init = containerFacts({ init: true, lastState: terminated(0) });
    assert.equal(exitedSuccessfully.match(contextFor({ container: init, pod: podFacts() })), null);
    assert.equal(exitedSuccessfully.match(contextFor({ container: containerFacts(), pod: podFacts() })), null);
    assert.equal(exitedSuccessfully.match(contextFor({ exitCode: 0, reason: 'Completed' })), null);
  });
});
