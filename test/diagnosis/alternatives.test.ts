/**
 * Alternatives: an uncertain answer names the causes TAXONOMY.md says logs do not always separate from
 * it, a confident one is not padded with them, and `unknown` still names the likeliest causes from the
 * exit code and weak words, all at confidences below the answer they stand beside.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RIVALS, UNCERTAIN, WEAK_GUESS_RULE } from '../../src/diagnosis/alternatives.ts';
import { classifyText } from '../../src/diagnosis/engine.ts';
import { CATEGORY_IDS, type CategoryId } from '../../src/diagnosis/taxonomy.ts';

const run = (log: string, exitCode: number | null, reason: string | null = null) =>
  classifyText({ log, exitCode, reason });
/** As if no rule recognised the log: what the engine answers on weak clues alone. */
const noRuleMatches = (log: string, exitCode: number | null) => classifyText({ log, exitCode, reason: null }, {}, []);

test('every ambiguity pair of TAXONOMY.md is a rivalry both ways', () => {
  const pairs: [CategoryId, CategoryId][] = [
    ['missing_env_var', 'dependency_unreachable'],
    ['missing_env_var', 'bad_config'],
    ['script_crlf_line_endings', 'missing_shared_library'],
    ['script_crlf_line_endings', 'missing_file'],
    ['missing_shared_library', 'missing_file'],
    ['heap_out_of_memory', 'oom_killed'],
    ['heap_out_of_memory', 'segfault'],
    ['permission_denied', 'exec_permission_denied'],
    ['permission_denied', 'read_only_filesystem'],
    ['data_dir_conflict', 'data_version_incompatible'],
    ['data_dir_conflict', 'auth_failure'],
    ['runtime_version_mismatch', 'bad_config'],
    ['disk_full', 'host_kernel_limit'],
    ['dns_resolution_failure', 'dependency_unreachable'],
  ];
  for (const [a, b] of pairs) {
    assert.ok(RIVALS[a]?.includes(b), `${a} -> ${b}`);
    assert.ok(RIVALS[b]?.includes(a), `${b} -> ${a}`);
  }
  for (const [category, rivals] of Object.entries(RIVALS)) {
    assert.ok(CATEGORY_IDS.includes(category as CategoryId), category);
    for (const rival of rivals ?? []) assert.ok(CATEGORY_IDS.includes(rival), rival);
  }
});

test('an uncertain exec ENOENT names all three readings, the best one first and no rival above it', () => {
  const result = run('standard_init_linux.go:228: exec user process caused: no such file or directory', 1);
  assert.ok(result.best.confidence < UNCERTAIN);
  const named = [result.best, ...result.alternatives].map((f) => f.category);
  for (const category of ['script_crlf_line_endings', 'missing_shared_library', 'missing_file'])
    assert.ok(named.includes(category as never), `${category} in ${named.join(', ')}`);
  for (const alternative of result.alternatives) assert.ok(alternative.confidence <= result.best.confidence);
});

test('an uncertain localhost refusal names the unset variable as a rival', () => {
  const result = run(
    'Error: connect ECONNREFUSED 127.0.0.1:5432\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)',
    1,
  );
  const named = [result.best, ...result.alternatives].map((f) => f.category);
  assert.ok(named.includes('missing_env_var'), named.join(', '));
  assert.ok(named.includes('dependency_unreachable'), named.join(', '));
});

test('a confident answer is not padded with rivals', () => {
  const result = run("Error: Cannot find module 'ioredis'\nRequire stack:\n- /app/index.js", 1);
  assert.ok(result.best.confidence >= UNCERTAIN);
  assert.ok(result.alternatives.every((f) => f.ruleId !== 'engine-alternatives'));
});

test('unknown still names the likeliest causes from the exit code, below its own confidence', () => {
  const result = run('starting...\nbye', 78);
  assert.equal(result.best.category, 'unknown');
  assert.equal(result.alternatives[0]?.category, 'bad_config');
  assert.ok(result.alternatives.length >= 2);
  for (const alternative of result.alternatives) assert.ok(alternative.confidence < result.best.confidence);
});

test('unknown reads a sysexits code: 64 (EX_USAGE) names the arguments, 77 (EX_NOPERM) permissions', () => {
  const usage = run('starting...\nbye', 64);
  assert.equal(usage.best.category, 'unknown');
  assert.equal(usage.alternatives[0]?.category, 'bad_command_args');
  assert.equal(run('starting...\nbye', 77).alternatives[0]?.category, 'permission_denied');
});

test('unknown reads weak words when the exit code says little', () => {
  const result = run('[11-Dec-2014 14:55:32] NOTICE: something about the configuration went wrong\ngiving up', null);
  if (result.best.category !== 'unknown') return assert.fail(`expected unknown, got ${result.best.category}`);
  assert.ok(
    result.alternatives.some((f) => f.category === 'bad_config'),
    result.alternatives.map((f) => f.category).join(', '),
  );
  const quoted = result.alternatives.find((f) => f.category === 'bad_config')?.evidence.find((e) => e.source === 'log');
  assert.ok(quoted?.text.includes('configuration'), 'the weak word is quoted as evidence');
});

test('unknown reads the reason too: a start error names the exec family', () => {
  const result = run('', null, 'StartError');
  assert.equal(result.best.category, 'unknown');
  const named = result.alternatives.map((f) => f.category);
  assert.equal(named[0], 'command_not_found', named.join(', '));
  assert.ok(named.includes('exec_permission_denied'), named.join(', '));
});

test('no rule matched but an error line has weak words: a guess, marked unsure, quoting that line', () => {
  const log = 'booting worker pool\nloading settings\nFATAL: SMTP_RELAY_HOST is required\nworker exited';
  const result = noRuleMatches(log, 1);
  assert.equal(result.best.ruleId, WEAK_GUESS_RULE);
  assert.equal(result.best.category, 'missing_env_var');
  assert.ok(result.best.confidence < 0.5, `a guess at ${result.best.confidence}`);
  assert.ok(result.best.evidence.some((e) => e.source === 'log' && e.text.includes('SMTP_RELAY_HOST is required')));
  assert.ok(
    result.best.evidence.some((e) => e.source === 'status' && /status 1/.test(e.text)),
    'the exit meaning',
  );
  const named = result.alternatives.map((f) => f.category);
  assert.ok(!named.includes('missing_env_var'), 'the guess is not repeated among the alternatives');
  for (const alternative of result.alternatives) assert.ok(alternative.confidence < result.best.confidence);
});

test('weak words on lines that do not read as errors are no guess: the answer stays unknown', () => {
  for (const log of [
    'INFO configuration loaded from /etc/app/config.yaml\nINFO migrations applied\nshutting down',
    'starting\nstopping',
    '',
  ]) {
    assert.equal(noRuleMatches(log, 1).best.category, 'unknown', JSON.stringify(log));
  }
});

test('a guess whose words clearly outweigh the rest is stated more firmly than a close one', () => {
  const clear = noRuleMatches(
    'ERROR: invalid value for directive "worker_slots"\nFATAL: cannot parse the configuration',
    1,
  );
  const close = noRuleMatches('ERROR: invalid value for directive "worker_slots": the permission mode is denied', 1);
  assert.equal(clear.best.ruleId, WEAK_GUESS_RULE);
  assert.equal(close.best.ruleId, WEAK_GUESS_RULE);
  assert.ok(clear.best.confidence > close.best.confidence, `${clear.best.confidence} vs ${close.best.confidence}`);
  assert.ok(clear.best.confidence < 0.5);
});

test('a retry loop repeating one weak word does not outweigh two different clues', () => {
  const retries = Array.from({ length: 30 }, () => 'ERROR lock wait, retrying').join('\n');
  const result = noRuleMatches(`${retries}\nFATAL: unsupported server version 9.6, minimum is 11`, 1);
  const ranked = [result.best, ...result.alternatives].map((f) => f.category);
  assert.ok(ranked.slice(0, 2).includes('runtime_version_mismatch'), ranked.join(', '));
});

test('with no words at all, a plain exit 1 names a missing setting first: what the rules most often miss', () => {
  const result = run('bye', 1);
  assert.equal(result.best.category, 'unknown');
  assert.equal(result.alternatives[0]?.category, 'missing_env_var');
});
