import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createMetrics } from '../../src/ops/metrics.ts';

test('counters and the histogram appear in the exposition with their labels', async () => {
  const metrics = createMetrics({ processMetrics: false });
  metrics.command('slash');
  metrics.command('slash');
  metrics.command('mention');
  metrics.error('pod_not_found');
  metrics.slackCall('chat.postMessage');
  metrics.kubernetesRequest('get', 'pods');
  metrics.tokens(120, 30);
  metrics.startDiagnosis()();
  const text = await metrics.render();
  assert.match(text, /^exitcode_commands_total\{kind="slash"\} 2$/m);
  assert.match(text, /^exitcode_commands_total\{kind="mention"\} 1$/m);
  assert.match(text, /^exitcode_errors_total\{kind="pod_not_found"\} 1$/m);
  assert.match(text, /^exitcode_slack_api_calls_total\{method="chat.postMessage"\} 1$/m);
  assert.match(text, /^exitcode_kubernetes_requests_total\{verb="get",resource="pods"\} 1$/m);
  assert.match(text, /^exitcode_llm_tokens_total\{kind="prompt"\} 120$/m);
  assert.match(text, /^exitcode_llm_tokens_total\{kind="completion"\} 30$/m);
  assert.match(text, /^exitcode_diagnosis_duration_seconds_count 1$/m);
  assert.match(metrics.contentType, /^text\/plain/);
});

test('each app has its own registry: two instances do not share counts', async () => {
  const a = createMetrics({ processMetrics: false });
  const b = createMetrics({ processMetrics: false });
  a.command('slash');
  assert.match(await a.render(), /^exitcode_commands_total\{kind="slash"\} 1$/m);
  assert.doesNotMatch(await b.render(), /kind="slash"/);
});

test('process metrics are included by default, prefixed', async () => {
  const text = await createMetrics().render();
  assert.match(text, /^exitcode_process_resident_memory_bytes \d+/m);
  assert.match(text, /^exitcode_nodejs_heap_size_used_bytes \d+/m);
});
