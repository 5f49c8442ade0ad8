/**
 * The linearity proof's parts shared by test/diagnosis/redos.test.ts (checks only new or changed
 * patterns, trusting the committed cache) and test/diagnosis/redos-full.ts (checks every pattern).
 * Patterns are checked AS THEY SHIP: bounded repeats such as {0,4096} are kept, because a bounded
 * repeat that a failed match rescans from every start costs O(n·k), which is what a proof must catch.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkSync } from 'recheck';
import { HOST, IPV4 } from '../../src/explain/anonymize.ts';
import { VENDOR_GROUP_SOURCES } from '../../src/text/vendor-tokens.ts';
import { extractRegexes } from './regex-literals.ts';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
export const CACHE_FILE = fileURLToPath(new URL('../diagnosis/redos-cache.json', import.meta.url));
/** Generous: the machine may be busy, and a timeout counts as a failure (status "unknown"). */
const CHECK_TIMEOUT_MS = 60_000;

export interface ShippedPattern {
  source: string;
  flags: string;
  /** Where it is written: "diagnosis/log-scan.ts:38", or "composed: <what>" for run-time patterns. */
  where: string;
}

export interface Verdict {
  status: 'safe' | 'vulnerable' | 'unknown';
  checker: string;
  detail: string;
}

/**
 * What the cache remembers of one pattern, keyed by patternKey. Unsafe verdicts are kept too, so a run
 * that trusts the cache reports them at once instead of re-proving them every time.
 */
export interface CacheEntry {
  source: string;
  flags: string;
  status: Verdict['status'];
  checker: string;
  detail?: string;
}

/** The cache key: a hash of the pattern's flags and source, so any change to either asks for a new check. */
export const patternKey = (source: string, flags: string): string =>
  createHash('sha256').update(`${flags}/${source}`).digest('hex').slice(0, 24);

/**
 * recheck's "auto" picks the automaton (exact) or fuzzing checker; a fixed seed keeps fuzzing
 * deterministic. For features the automaton does not model (look-behind), auto answers "unknown":
 * fuzz then decides.
 *
 * Fuzzing ends an attack run after a wall-clock limit and then calls the pattern vulnerable: at
 * recheck's default (1 s), a long but linear attack string on a busy machine was reported as
 * "vulnerable polynomial" (14 shipped patterns that prove safe on an idle machine, under two cores of
 * load). Ten seconds keeps that margin on a loaded CI machine; a truly super-linear pattern still
 * reaches the limit, as the known-vulnerable tests check.
 */
export const verdict = (source: string, flags: string): Verdict => {
  const options = {
    timeout: CHECK_TIMEOUT_MS,
    randomSeed: 1,
    attackTimeout: 10_000,
  };
  const first = checkSync(source, flags, { ...options, checker: 'auto' });
  const result =
    first.status === 'unknown' && first.error.kind === 'unsupported'
      ? checkSync(source, flags, { ...options, checker: 'fuzz' })
      : first;
  const detail =
    result.status === 'vulnerable'
      ? `${result.complexity.type}, attack ${JSON.stringify(result.attack.pattern)}`
      : result.status === 'unknown'
        ? JSON.stringify(result.error)
        : '';
  return { status: result.status, checker: result.checker ?? 'none', detail };
};

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });

/** Patterns built at run time from checked parts: each is listed here so the proof covers the whole. */
const composedPatterns = (): ShippedPattern[] => {
  const names = '(?<![A-Za-z0-9_-])(?:checkout-api|checkout|shop\\.example)(?![A-Za-z0-9_-])';
  return [
    { source: HOST, flags: 'g', where: 'composed: explain/anonymize.ts HOST' },
    { source: IPV4, flags: 'g', where: 'composed: explain/anonymize.ts IPV4' },
    {
      source: [names, HOST, IPV4, names].map((p) => `(?:${p})`).join('|'),
      flags: 'g',
      where: 'composed: explain/anonymize.ts names|HOST|IPV4',
    },
    ...VENDOR_GROUP_SOURCES.map((source, group) => ({
      source,
      flags: 'g',
      where: `composed: text/vendor-tokens.ts VENDOR_GROUPS[${group}]`,
    })),
  ];
};

export interface Inventory {
  patterns: ShippedPattern[];
  /** `new RegExp(x)` calls that cannot be read statically and carry no `// redos:` reason. */
  unjustified: string[];
  /** The same, with a reason: reported, not failed. */
  justified: string[];
}

/** Every regular expression under src/ as it ships, plus the composed run-time ones. */
export const shippedPatterns = (): Inventory => {
  const patterns: ShippedPattern[] = [];
  const unjustified: string[] = [];
  const justified: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const name = relative(SRC, file);
    const { regexes, dynamic } = extractRegexes(readFileSync(file, 'utf8'));
    for (const r of regexes) patterns.push({ source: r.source, flags: r.flags, where: `${name}:${r.line}` });
    for (const d of dynamic) (d.justified ? justified : unjustified).push(`${name}:${d.line} ${d.text}`);
  }
  return { patterns: [...patterns, ...composedPatterns()], unjustified, justified };
};

export const readCache = (): Record<string, CacheEntry> => {
  try {
    return JSON.parse(readFileSync(CACHE_FILE, 'utf8')) as Record<string, CacheEntry>;
  } catch {
    return {};
  }
};

/** Sorted by key with one entry per line region, so a changed pattern is a small diff. */
export const serializeCache = (cache: Record<string, CacheEntry>): string =>
  `${JSON.stringify(Object.fromEntries(Object.entries(cache).sort(([a], [b]) => a.localeCompare(b))), null, 2)}\n`;

export interface Audit {
  /** Everything that makes the proof fail: unsafe patterns, missing and stale cache entries. */
  problems: string[];
  /** The cache that matches the patterns: what REDOS_UPDATE_CACHE=1 writes. */
  fresh: Record<string, CacheEntry>;
  /** How many patterns recheck looked at (the rest were trusted from the cache). */
  checked: number;
}

/**
 * Proves each distinct pattern linear. With `trustCache`, a pattern whose key is in the cache is not
 * checked again; without it, every pattern is. Either way a pattern without an entry, and an entry
 * without a pattern, are problems: the committed cache must say exactly what ships.
 */
export const audit = ({
  patterns,
  cache,
  trustCache,
}: {
  patterns: ShippedPattern[];
  cache: Record<string, CacheEntry>;
  trustCache: boolean;
}): Audit => {
  const problems: string[] = [];
  const fresh: Record<string, CacheEntry> = {};
  let checked = 0;
  for (const { source, flags, where } of patterns) {
    const key = patternKey(source, flags);
    if (fresh[key]) continue;
    const known = cache[key];
    const trusted = trustCache && known?.source === source && known.flags === flags ? known : undefined;
    let entry: CacheEntry;
    if (trusted) entry = trusted;
    else {
      checked++;
      const result = verdict(source, flags);
      entry = { source, flags, status: result.status, checker: result.checker };
      if (result.detail) entry.detail = result.detail;
      if (!known) problems.push(`${where}: /${source}/${flags} has no cache entry (new or changed)`);
      else if (known.status !== entry.status)
        problems.push(`${where}: /${source}/${flags}: the cache says ${known.status}, recheck says ${entry.status}`);
    }
    fresh[key] = entry;
    if (entry.status !== 'safe')
      problems.push(`${where}: /${source}/${flags} is ${entry.status} ${entry.detail ?? ''}`.trimEnd());
  }
  const current = new Set(patterns.map((p) => patternKey(p.source, p.flags)));
  for (const [key, entry] of Object.entries(cache))
    if (!current.has(key)) problems.push(`stale cache entry (no such pattern ships): /${entry.source}/${entry.flags}`);
  return { problems, fresh, checked };
};
