/**
 * The full linearity proof, ignoring the cache: every regular expression under src/ (as it ships,
 * bounded repeats included) and every composed run-time pattern is checked with recheck. Exits 1 when
 * any is not proven safe, or when the committed cache (test/diagnosis/redos-cache.json) does not say
 * exactly what ships. With REDOS_UPDATE_CACHE=1 it rewrites the cache from its verdicts.
 *
 *   node --import ./test/helpers/network-guard.ts test/diagnosis/redos-full.ts
 */
import { writeFileSync } from 'node:fs';
import { audit, CACHE_FILE, readCache, serializeCache, shippedPatterns } from '../helpers/redos-check.ts';

const update = process.env.REDOS_UPDATE_CACHE === '1';
const { patterns, unjustified } = shippedPatterns();
const result = audit({ patterns, cache: update ? {} : readCache(), trustCache: false });
const problems = [
  ...unjustified.map((d) => `dynamic RegExp without a // redos: reason: ${d}`),
  ...result.problems.filter((p) => !update || !p.includes('has no cache entry')),
];
if (update) {
  writeFileSync(CACHE_FILE, serializeCache(result.fresh));
  console.log(`wrote ${Object.keys(result.fresh).length} verdicts to ${CACHE_FILE}`);
}
console.log(
  `${patterns.length} patterns, ${result.checked} distinct checked with recheck; ${problems.length} problem(s)`,
);
for (const problem of problems) console.log(`  ${problem}`);
process.exitCode = problems.length === 0 ? 0 : 1;
