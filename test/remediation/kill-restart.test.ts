/**
 * A replica is SIGKILLed after a two-person approval recorded `approved` on the request's Lease and
 * before the DELETE; a new replica starts and recovery runs the action exactly once (counted at the
 * server). Both replicas are real child processes over the fault proxy with the shipped settings.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, test } from 'node:test';
import { CHANNEL, type Harness, offeredValue, startHarness } from './harness.ts';

let h: Harness;
before(async () => {
  h = await startHarness({ scenarios: ['ledger-dns-failure'] });
});
after(() => h.close());

const child = (input: Record<string, unknown>) => {
  const process_ = spawn(
    process.execPath,
    ['--import', './test/helpers/network-guard.ts', 'test/remediation/flow-child.ts', JSON.stringify(input)],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  process_.stdout.on('data', (chunk) => {
    out += String(chunk);
  });
  process_.stderr.on('data', (chunk) => {
    out += String(chunk);
  });
  const exited = new Promise<number | null>((resolve) => process_.on('exit', (code) => resolve(code)));
  return { process: process_, output: () => out, exited };
};

const waitFor = async (what: string, check: () => boolean) => {
  for (let i = 0; i < 400; i += 1) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
};

const requestState = (rid: string) =>
  h.demo.state.list('leases', 'payments').find((lease) => lease.metadata.annotations?.['exitcode.dev/rid'] === rid)
    ?.metadata.annotations?.['exitcode.dev/state'];

test('killed between approval and execution, a restarted replica runs the action exactly once', async () => {
  const diagnosis = await h.failing('payments', 'deploy/ledger');
  const threadTs = h.slack.seed(CHANNEL, 'diagnosis');
  const value = offeredValue(h.flow, diagnosis, 'restart-pod');
  const rid = JSON.parse(Buffer.from(value.split('.')[0] ?? '', 'base64url').toString('utf8')).rid as string;
  await h.flow.request({ value, userId: 'UALICE', channel: CHANNEL, threadTs });
  const message = h.slack.replies(threadTs)[0];
  const approve = h.slack.buttons(message).find((b) => b.action_id === 'exitcode_remediation_ok');
  assert.ok(message && approve);
  assert.equal(requestState(rid), 'requested');

  // The child's second Lease write is the run claim (approved -> executing): hold it, then kill the child.
  h.proxy.inject({ method: 'PUT', resource: 'leases', mode: 'hang', nth: 2 });
  const first = child({
    role: 'approve',
    kubeconfigYaml: h.proxy.kubeconfigYaml,
    value: approve.value,
    threadTs,
    messageTs: message.ts,
  });
  await waitFor(
    'the approval to be recorded and the run claim to be held',
    () => requestState(rid) === 'approved' && h.proxy.hits.includes('PUT leases hang'),
  );
  first.process.kill('SIGKILL');
  await first.exited;
  h.proxy.clear();
  assert.equal(h.mutations('DELETE', 'pods'), 0, 'nothing ran before the kill');
  assert.equal(requestState(rid), 'approved');

  // A new replica (a new process, later) recovers: the approved request runs once.
  const second = child({
    role: 'recover',
    kubeconfigYaml: h.proxy.kubeconfigYaml,
    clockOffsetMs: 60_000,
    namespaces: ['payments'],
  });
  assert.equal(await second.exited, 0, second.output());
  assert.match(second.output(), /"recovered":\{"ran":1/);
  assert.equal(h.mutations('DELETE', 'pods'), 1);
  assert.equal(requestState(rid), 'done');

  // A third replica finds nothing left to do.
  const third = child({
    role: 'recover',
    kubeconfigYaml: h.proxy.kubeconfigYaml,
    clockOffsetMs: 120_000,
    namespaces: ['payments'],
  });
  assert.equal(await third.exited, 0, third.output());
  assert.equal(h.mutations('DELETE', 'pods'), 1);
  console.log(
    JSON.stringify({
      fault: 'SIGKILL between approval and execution',
      deletes: h.mutations('DELETE', 'pods'),
      state: requestState(rid),
      recovery: second.output().trim(),
    }),
  );
});
