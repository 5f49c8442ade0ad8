/**
 * A regression score, not a held-out one: the rules were tuned on every case here.
 * - fixtures/regression-corpus.json (635 cases): crash logs in the style of those pasted in public issue
 *   threads (node, python, java, go, ruby, php, .NET, elixir, nginx, databases, brokers, keycloak,
 *   grafana, prometheus, traefik, minio, shell entrypoints...), written in fourteen batches; each batch
 *   was scored cold before the rules were generalised for it, then joined.
 * - fixtures/fresh-batch-N.json: the batches written since, same method; their cold scores (the honest
 *   estimate for unseen logs) are in fixtures/README.md.
 * This test keeps what was learnt from being lost. Run it directly to print the per-category confusion:
 *   node test/diagnosis/regression.test.ts
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { CATEGORY_IDS } from '../../src/diagnosis/taxonomy.ts';
import {
  calibration,
  freshBatches,
  misses,
  REGRESSION_CORPUS,
  readCorpus,
  type ScoredCase,
  scoreCases,
  summarize,
} from './corpus.ts';

/** Measured 0.99 when the corpus was last extended; the margin absorbs a deliberate trade-off or two. */
const MIN_TOP1 = 0.97;
const MIN_TOP3 = 0.98;
/** A confidence of 0.85 or more must mean "almost always right". */
const CONFIDENT = 0.85;
const MIN_CONFIDENT_ACCURACY = 0.97;

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

const corpus = readCorpus(REGRESSION_CORPUS);
const batches = freshBatches();
const cases = [...corpus, ...batches.flatMap((b) => b.cases)];
const results = scoreCases(cases);

/** Per expected category: cases, correct, and what the misses became. */
const confusion = (rows: readonly ScoredCase[]): string => {
  const byCategory = new Map<string, { total: number; right: number; wrong: Map<string, number> }>();
  for (const r of rows) {
    const entry = byCategory.get(r.expected) ?? { total: 0, right: 0, wrong: new Map<string, number>() };
    entry.total += 1;
    if (r.ranked[0] === r.expected) entry.right += 1;
    else entry.wrong.set(r.ranked[0]!, (entry.wrong.get(r.ranked[0]!) ?? 0) + 1);
    byCategory.set(r.expected, entry);
  }
  return [...byCategory.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([category, { total, right, wrong }]) => {
      const missed = [...wrong.entries()].map(([got, n]) => `${got} x${n}`).join(', ');
      return `${category.padEnd(26)} ${right}/${total}${missed ? `  -> ${missed}` : ''}`;
    })
    .join('\n');
};

test('the regression corpus is fair: >= 3 cases per taxonomy category, unique ids, valid labels', () => {
  assert.ok(batches.length >= 3, `${batches.length} fresh batches`);
  assert.equal(new Set(cases.map((c) => c.id)).size, cases.length, 'unique ids across the corpus and the batches');
  assert.equal(LOG_CATEGORIES.size, 28);
  for (const category of LOG_CATEGORIES) {
    assert.ok(CATEGORY_IDS.includes(category as never), `${category} is a taxonomy id`);
    const n = corpus.filter((c) => c.root_cause_category === category).length;
    assert.ok(n >= 3, `${category}: ${n} cases`);
  }
  for (const c of cases) assert.ok(LOG_CATEGORIES.has(c.root_cause_category), `${c.id}: ${c.root_cause_category}`);
});

test(`regression score: top-1 >= ${MIN_TOP1} and top-3 >= ${MIN_TOP3} over the corpus and the fresh batches`, () => {
  const { top1, top3 } = summarize(results);
  assert.ok(
    top1 >= MIN_TOP1,
    `top-1 ${top1.toFixed(3)} of ${results.length}\n${confusion(results)}\nmisses:\n${misses(results)}`,
  );
  assert.ok(top3 >= MIN_TOP3, `top-3 ${top3.toFixed(3)} of ${results.length}`);
});

test(`regression score: confident answers are right (confidence >= ${CONFIDENT} -> accuracy >= ${MIN_CONFIDENT_ACCURACY})`, () => {
  const confident = results.filter((r) => r.confidence >= CONFIDENT);
  assert.ok(confident.length >= results.length / 3, `only ${confident.length} confident answers`);
  const right = confident.filter((r) => r.ranked[0] === r.expected).length;
  assert.ok(
    right / confident.length >= MIN_CONFIDENT_ACCURACY,
    `${right}/${confident.length} confident answers right; confident misses:\n${misses(confident)}`,
  );
});

// Printed when run as a script, so a change's effect per category is visible at a glance.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { top1, top3 } = summarize(results);
  console.log(`regression score over ${results.length} cases: top-1 ${top1.toFixed(3)}, top-3 ${top3.toFixed(3)}`);
  for (const band of calibration(results)) console.log(`  confidence ${band.label}: ${band.right}/${band.cases} right`);
  console.log(confusion(results));
  const m = misses(results);
  if (m) console.log(`misses:\n${m}`);
}
