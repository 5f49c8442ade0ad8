/**
 * Accuracy on a held-out corpus (fixtures/heldout.json, 635 cases): crash logs in the style of those
 * pasted in public issue threads (node, python, java, go, ruby, php, .NET, elixir, nginx, databases,
 * brokers, keycloak, grafana, prometheus, traefik, minio, shell entrypoints...) with realistic noise and
 * hard cases (a loud wrapper, a retry that succeeded, an error word in help text, two plausible causes).
 *
 * It was written in fourteen batches. The first (153 cases) was written before reading the rules; each
 * later batch was written fresh, scored BEFORE the rules were touched for it, then the rules were
 * generalised (new signatures per runtime, exclusions, ranking) and the batch joined the corpus. So the
 * score here is a training score; the first-pass scores of the fresh batches (0.64 to 0.88 for the
 * first eight; 0.72, 0.79, 0.79, 0.39, 0.76, 0.52 for the last six, which stress indirect
 * missing_env_var, data-dir locks, runtime versions and server-specific config errors) are the
 * honest estimate for unseen logs. Run it directly to print the per-category confusion:
 *   node test/diagnosis/heldout.test.ts
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { classifyText } from '../../src/diagnosis/engine.ts';
import { parseEventsText } from '../../src/diagnosis/events-text.ts';
import { CATEGORY_IDS } from '../../src/diagnosis/taxonomy.ts';

const FIXTURE = fileURLToPath(new URL('./fixtures/regression-corpus.json', import.meta.url));

/** Measured 629/635 when the corpus was last extended; the margin absorbs a deliberate trade-off or two. */
const MIN_ACCURACY = 0.97;
const CONFIDENT = 0.85;
const MIN_CONFIDENT_ACCURACY = 0.9;

/** The 28 categories of the crash-log taxonomy contract (TAXONOMY.md). */
const LOG_CATEGORIES = new Set([
  'missing_env_var',
  'permission_denied',
  'bad_command_args',
  'db_migration_failure',
  'runtime_version_mismatch',
  'data_dir_conflict',
  'exec_format_error',
  'exec_permission_denied',
  'missing_dependency',
  'script_crlf_line_endings',
  'bad_config',
  'command_not_found',
  'disk_full',
  'heap_out_of_memory',
  'missing_file',
  'read_only_filesystem',
  'auth_failure',
  'data_version_incompatible',
  'dependency_unreachable',
  'dns_resolution_failure',
  'missing_shared_library',
  'oom_killed',
  'port_in_use',
  'tls_certificate_error',
  'app_bug',
  'host_kernel_limit',
  'probe_failure',
  'segfault',
]);

interface HeldoutCase {
  id: string;
  runtime: string;
  exit_code: number | null;
  reason: string | null;
  log: string;
  events: string[];
  root_cause_category: string;
}

interface Result {
  id: string;
  expected: string;
  got: string;
  confidence: number;
}

const cases = JSON.parse(readFileSync(FIXTURE, 'utf8')) as HeldoutCase[];

const results: Result[] = cases.map((c) => {
  const { best } = classifyText({
    log: c.log,
    exitCode: c.exit_code,
    reason: c.reason,
    events: c.events.length > 0 ? parseEventsText(c.events) : [],
  });
  return { id: c.id, expected: c.root_cause_category, got: best.category, confidence: best.confidence };
});

/** Per expected category: cases, correct, and what the misses became. */
const confusion = (rows: readonly Result[]): string => {
  const byCategory = new Map<string, { total: number; right: number; wrong: Map<string, number> }>();
  for (const r of rows) {
    const entry = byCategory.get(r.expected) ?? { total: 0, right: 0, wrong: new Map<string, number>() };
    entry.total += 1;
    if (r.got === r.expected) entry.right += 1;
    else entry.wrong.set(r.got, (entry.wrong.get(r.got) ?? 0) + 1);
    byCategory.set(r.expected, entry);
  }
  return [...byCategory.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([category, { total, right, wrong }]) => {
      const misses = [...wrong.entries()].map(([got, n]) => `${got} x${n}`).join(', ');
      return `${category.padEnd(26)} ${right}/${total}${misses ? `  -> ${misses}` : ''}`;
    })
    .join('\n');
};

const misses = (rows: readonly Result[]): string =>
  rows
    .filter((r) => r.got !== r.expected)
    .map((r) => `${r.id}: ${r.expected} -> ${r.got} (${r.confidence})`)
    .join('\n');

test('heldout.json is a fair corpus: >= 80 cases, >= 3 per taxonomy category, unique ids, valid labels', () => {
  assert.ok(cases.length >= 80, `${cases.length} cases`);
  assert.equal(new Set(cases.map((c) => c.id)).size, cases.length, 'unique ids');
  assert.equal(LOG_CATEGORIES.size, 28);
  for (const category of LOG_CATEGORIES) {
    assert.ok(CATEGORY_IDS.includes(category as never), `${category} is a taxonomy id`);
    const n = cases.filter((c) => c.root_cause_category === category).length;
    assert.ok(n >= 3, `${category}: ${n} cases`);
  }
  for (const c of cases) assert.ok(LOG_CATEGORIES.has(c.root_cause_category), `${c.id}: ${c.root_cause_category}`);
});

test(`heldout.json: top-1 accuracy >= ${MIN_ACCURACY}`, () => {
  const right = results.filter((r) => r.got === r.expected).length;
  const accuracy = right / results.length;
  assert.ok(
    accuracy >= MIN_ACCURACY,
    `accuracy ${accuracy.toFixed(3)} (${right}/${results.length})\n${confusion(results)}\nmisses:\n${misses(results)}`,
  );
});

test(`heldout.json: confident answers are right (confidence >= ${CONFIDENT} -> accuracy >= ${MIN_CONFIDENT_ACCURACY})`, () => {
  const confident = results.filter((r) => r.confidence >= CONFIDENT);
  assert.ok(confident.length >= results.length / 3, `only ${confident.length} confident answers`);
  const right = confident.filter((r) => r.got === r.expected).length;
  assert.ok(
    right / confident.length >= MIN_CONFIDENT_ACCURACY,
    `${right}/${confident.length} confident answers right; confident misses:\n${misses(confident)}`,
  );
});

// Printed when run as a script, so a change's effect per category is visible at a glance.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const right = results.filter((r) => r.got === r.expected).length;
  console.log(`held-out accuracy ${right}/${results.length}\n${confusion(results)}`);
  const m = misses(results);
  if (m) console.log(`misses:\n${m}`);
}
