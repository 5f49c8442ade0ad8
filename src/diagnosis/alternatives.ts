/**
 * Alternatives the rules alone would not offer. When the best answer is uncertain, the causes that
 * logs do not always separate from it (TAXONOMY.md's ambiguity notes) are named beside it; when no
 * rule matched, the exit code, the reason and weak words in the log name the likeliest causes. Their
 * confidences stay low: they say "worth checking", not "found".
 */
import { kubectl } from './kubectl.ts';
import { errorLooking } from './log-levels.ts';
import type { RuleContext } from './rule.ts';
import { type CategoryId, TAXONOMY } from './taxonomy.ts';
import type { Evidence, Finding } from './types.ts';
import { clip } from './format.ts';

/** Below this the best answer is uncertain, and its rivals are worth naming. */
export const UNCERTAIN = 0.85;

/** The ambiguity pairs of TAXONOMY.md (and the consequences the loudest line often shows), per cause. */
export const RIVALS: Partial<Record<CategoryId, readonly CategoryId[]>> = {
  missing_env_var: ['dependency_unreachable', 'bad_config', 'bad_command_args'],
  dependency_unreachable: ['missing_env_var', 'dns_resolution_failure'],
  dns_resolution_failure: ['dependency_unreachable', 'missing_env_var'],
  bad_config: ['runtime_version_mismatch', 'missing_env_var'],
  runtime_version_mismatch: ['bad_config'],
  script_crlf_line_endings: ['missing_shared_library', 'missing_file'],
  missing_shared_library: ['script_crlf_line_endings', 'missing_file'],
  // Cold misses answered missing_file in rounds 1-12 were most often an argument mistake ("executable not
  // found" for arguments in the wrong order, a program name in the wrong field: 7 of 19) and CRLF endings
  // (3), never a missing library: the two named first are the two a top-3 shows.
  missing_file: ['script_crlf_line_endings', 'bad_command_args', 'missing_shared_library'],
  heap_out_of_memory: ['oom_killed', 'segfault'],
  oom_killed: ['heap_out_of_memory', 'segfault'],
  segfault: ['heap_out_of_memory', 'oom_killed'],
  permission_denied: ['exec_permission_denied', 'read_only_filesystem'],
  exec_permission_denied: ['permission_denied', 'read_only_filesystem'],
  read_only_filesystem: ['permission_denied', 'exec_permission_denied'],
  data_dir_conflict: ['data_version_incompatible', 'auth_failure'],
  data_version_incompatible: ['data_dir_conflict', 'auth_failure'],
  auth_failure: ['data_dir_conflict', 'missing_env_var'],
  disk_full: ['host_kernel_limit'],
  host_kernel_limit: ['disk_full'],
  command_not_found: ['bad_command_args', 'missing_env_var', 'missing_file'],
  bad_command_args: ['command_not_found', 'missing_env_var'],
  app_bug: ['missing_env_var', 'bad_config'],
};

/**
 * What each exit code most often means when no rule recognised the log, likeliest first. This is the
 * share among crashes the rules miss, not among all crashes: an app bug's traceback is usually caught
 * by a rule, so a plain exit 1 left over is more often a setting the program refused to start without.
 */
const EXIT_PRIORS: Record<number, readonly CategoryId[]> = {
  1: ['missing_env_var', 'bad_config', 'runtime_version_mismatch'],
  2: ['bad_command_args', 'bad_config'],
  3: ['app_bug', 'missing_env_var'],
  // sysexits.h, for the programs that follow it (BSD tools, Postfix, many CLIs): EX_USAGE, EX_DATAERR,
  // EX_NOINPUT, EX_UNAVAILABLE, EX_SOFTWARE, EX_CANTCREAT, EX_IOERR, EX_TEMPFAIL, EX_NOPERM.
  64: ['bad_command_args', 'bad_config'],
  65: ['bad_config'],
  66: ['missing_file'],
  69: ['dependency_unreachable'],
  70: ['app_bug'],
  73: ['permission_denied', 'read_only_filesystem'],
  74: ['disk_full', 'permission_denied'],
  75: ['dependency_unreachable'],
  77: ['permission_denied'],
  // EX_CONFIG; Elasticsearch also exits 78 when a bootstrap check (vm.max_map_count) fails.
  78: ['bad_config', 'host_kernel_limit'],
  101: ['app_bug', 'missing_env_var'],
  126: ['exec_permission_denied', 'permission_denied'],
  127: ['command_not_found', 'missing_file', 'missing_shared_library'],
  128: ['bad_command_args', 'auth_failure'],
  134: ['heap_out_of_memory', 'app_bug', 'segfault'],
  137: ['oom_killed', 'probe_failure'],
  139: ['segfault', 'heap_out_of_memory'],
  143: ['probe_failure'],
};

/** What a waiting or termination reason most often means when nothing else is known. */
const REASON_PRIORS: Record<string, readonly CategoryId[]> = {
  StartError: ['command_not_found', 'exec_permission_denied', 'missing_file'],
  ContainerCannotRun: ['command_not_found', 'exec_permission_denied', 'missing_file'],
  RunContainerError: ['command_not_found', 'exec_permission_denied', 'missing_file'],
  CreateContainerError: ['missing_file', 'permission_denied'],
  OOMKilled: ['oom_killed'],
};

/** Weak words: none proves a cause, but each makes one likelier. */
const WEAK_SIGNALS: readonly { pattern: RegExp; category: CategoryId }[] = [
  {
    pattern:
      /\benv(?:ironment)?\b|\bnot set\b|\bunset\b|\brequired\b|must be (?:set|provided|specified|configured)|\bempty\b|\bundefined\b|\bNone\b|\bnil\b|\bnull\b|\bmissing\b/i,
    category: 'missing_env_var',
  },
  {
    pattern: /\bversion\b|unsupported|incompatible|\brequires?\b|\bnewer\b|\bolder\b|\bminimum\b|at least/i,
    category: 'runtime_version_mismatch',
  },
  {
    pattern:
      /initiali[sz]ation failed|\bconfig(?:uration)?\b|\bdirective\b|\binvalid\b|\bpars(?:e|ing)\b|\bunknown (?:key|field|option|setting|property)|\byaml\b|\btoml\b/i,
    category: 'bad_config',
  },
  {
    pattern: /\busage:|\bflag\b|\bargument|\bsubcommand|command[- ]line|unrecognized option|unknown option/i,
    category: 'bad_command_args',
  },
  {
    pattern:
      /\block(?:ed|file)?\b|already (?:running|in use|exists|initiali[sz]ed)|pid file|cluster id|node id|not empty|another (?:process|instance)/i,
    category: 'data_dir_conflict',
  },
  { pattern: /no such file|does not exist|not found|cannot open|could not (?:find|open)/i, category: 'missing_file' },
  {
    pattern:
      /\b(?:module|package|gem|plugin|library|class|dependency|extension) \S{1,80} (?:not (?:found|installed|available|loaded)|is missing|could not be (?:found|loaded|resolved))|\b(?:cannot|can't|could not|unable to|failed to) (?:find|load|resolve|import) (?:module|package|gem|plugin|class|library|extension)|\bImportError\b|\bLoadError\b/i,
    category: 'missing_dependency',
  },
  { pattern: /migrat|\bschema\b|\brevision\b/i, category: 'db_migration_failure' },
  {
    pattern: /data (?:directory|dir|files?)|on-disk|\bformat\b|downgrade|\bupgrade\b/i,
    category: 'data_version_incompatible',
  },
  {
    pattern: /password|authenticat|credential|\blogin\b|unauthori[sz]ed|forbidden|\b40[13]\b/i,
    category: 'auth_failure',
  },
  { pattern: /permission|denied|not permitted|EACCES/i, category: 'permission_denied' },
  { pattern: /too many open files|\bulimit\b|max_map_count|inotify|\brlimit\b/i, category: 'host_kernel_limit' },
  { pattern: /no space|quota|disk full/i, category: 'disk_full' },
  { pattern: /address already in use|EADDRINUSE|\bbind\b/i, category: 'port_in_use' },
  { pattern: /out of memory|\bheap\b/i, category: 'heap_out_of_memory' },
  { pattern: /certificate|x509|\btls\b|\bssl\b/i, category: 'tls_certificate_error' },
  {
    pattern: /connect(?:ion)? (?:refused|timed out|failed|reset)|unreachable|ECONNREFUSED|\btimed? ?out\b/i,
    category: 'dependency_unreachable',
  },
  { pattern: /exception|traceback|panic|segmentation/i, category: 'app_bug' },
];

/** Only the end of a long log is read for weak words: the failure is there, the banner is not. */
const WEAK_WINDOW = 200;
/** A weak word on an error-looking line counts double, and half again in the log's last lines. */
const WEAK_WORD = 0.4;
const ON_ERROR_LINE = 2;
const IN_LAST_LINES = { lines: 15, factor: 1.5 };
/** One cause cannot win on repetition alone: a retry loop printing the same word is one clue. */
const WEAK_CAP = WEAK_WORD * ON_ERROR_LINE * 3;
/** The exit code and reason only break ties between words: they say what is common, not what happened. */
const PRIOR_WEIGHT = 0.3;
/** A guess whose words clearly outweigh the next cause's is stated a little more firmly. */
const CLEAR_MARGIN = 0.8;
const GUESS_CONFIDENCE = { clear: 0.4, close: 0.3 };

export const WEAK_GUESS_RULE = 'engine-weak-guess';

const candidate = (input: {
  category: CategoryId;
  confidence: number;
  why: string;
  evidence?: Evidence[];
  ctx: RuleContext;
}): Finding => ({
  ruleId: 'engine-alternatives',
  category: input.category,
  title: `Possibly: ${TAXONOMY[input.category].description.replace(/\.$/, '').toLowerCase()}`,
  confidence: Math.round(input.confidence * 100) / 100,
  evidence: [...(input.evidence ?? []), { line: null, text: input.why, source: 'status' }],
  nextSteps: [TAXONOMY[input.category].hint, `Read the full log: ${kubectl.previousLogs(input.ctx.target)}`],
});

/** The rivals of an uncertain best answer: they share the doubt it leaves. */
export const rivalsOf = (best: Finding, ctx: RuleContext): Finding[] => {
  if (best.confidence >= UNCERTAIN) return [];
  const rivals = RIVALS[best.category] ?? [];
  const share = Math.min(0.3, (1 - best.confidence) * 0.45);
  return rivals.map((category, rank) =>
    candidate({
      category,
      confidence: share * (rank === 0 ? 1 : 0.7),
      why: `Logs alone do not always separate this from ${best.category}: the same lines can come from either.`,
      ctx,
    }),
  );
};

/** What the exit code, the reason and weak words say, read once per classification. */
export interface WeakClue {
  category: CategoryId;
  /** Words in the log, then priors from the exit code and reason. */
  words: number;
  /** Whether one of its words is on a line that reads as an error (not a banner or a success). */
  onErrorLine: boolean;
  score: number;
  evidence: Evidence[];
  why: string[];
}

/** Every cause the exit code, the reason and weak words point to, likeliest first. */
export const weakClues = (ctx: RuleContext): WeakClue[] => {
  const scores = new Map<CategoryId, WeakClue>();
  const entry = (category: CategoryId): WeakClue => {
    const found = scores.get(category) ?? { category, words: 0, onErrorLine: false, score: 0, evidence: [], why: [] };
    scores.set(category, found);
    return found;
  };
  const prior = (categories: readonly CategoryId[], why: string): void => {
    for (const [rank, category] of categories.entries()) {
      const ranked = entry(category);
      ranked.score += PRIOR_WEIGHT * (1 - rank * 0.3);
      if (!ranked.why.includes(why)) ranked.why.push(why);
    }
  };
  if (ctx.exitCode !== null) prior(EXIT_PRIORS[ctx.exitCode] ?? [], `exit code ${ctx.exitCode} often means this`);
  if (ctx.reason) prior(REASON_PRIORS[ctx.reason] ?? [], `the reason ${ctx.reason} often means this`);
  const lines = ctx.log.lines.slice(-WEAK_WINDOW);
  lines.forEach((line, index) => {
    const onError = errorLooking(line);
    const late = index >= lines.length - IN_LAST_LINES.lines;
    const weight = WEAK_WORD * (onError ? ON_ERROR_LINE : 1) * (late ? IN_LAST_LINES.factor : 1);
    for (const { pattern, category } of WEAK_SIGNALS) {
      if (!pattern.test(line.text)) continue;
      const ranked = entry(category);
      const added = Math.min(weight, WEAK_CAP - ranked.words);
      ranked.words += added;
      ranked.onErrorLine ||= onError;
      ranked.score += added;
      if (ranked.evidence.length < 2) {
        ranked.evidence.push({ line: line.line, text: clip(line.text.trim(), 300), source: 'log' });
      }
      const why = 'words in the log point this way';
      if (!ranked.why.includes(why)) ranked.why.unshift(why);
    }
  });
  return [...scores.values()].sort((a, b) => b.score - a.score);
};

/** The likeliest causes when no rule matched: from the exit code, then weak words in the log. */
export const priorsFor = (clues: readonly WeakClue[], ctx: RuleContext): Finding[] =>
  clues.slice(0, 3).map((ranked, rank) =>
    candidate({
      category: ranked.category,
      confidence: [0.18, 0.12, 0.08][rank] ?? 0.08,
      why: `No rule recognised the failure; ${ranked.why.join(' and ')}.`,
      evidence: ranked.evidence,
      ctx,
    }),
  );

/**
 * The best answer when no rule matched but words in the log point to a cause: a guess, stated as one
 * ("unsure", at most 40 %), because a likeliest cause to check first helps more than "unknown" does.
 * Without such words on a line that reads as an error (an empty log, a plain "bye", "config loaded")
 * the answer stays `unknown`.
 */
export const weakGuess = (clues: readonly WeakClue[], ctx: RuleContext): Finding | null => {
  const [first, second] = clues;
  // Words on lines that do not read as errors ("config loaded", "migrations applied") point nowhere.
  if (!first?.onErrorLine) return null;
  const clear = first.words - (second?.words ?? 0) >= CLEAR_MARGIN;
  const guess = candidate({
    category: first.category,
    confidence: clear ? GUESS_CONFIDENCE.clear : GUESS_CONFIDENCE.close,
    why: `No rule recognised the failure; this is a guess: ${first.why.join(' and ')}.`,
    evidence: first.evidence,
    ctx,
  });
  return { ...guess, ruleId: WEAK_GUESS_RULE };
};
