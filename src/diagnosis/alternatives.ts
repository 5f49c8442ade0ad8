/**
 * Alternatives the rules alone would not offer. When the best answer is uncertain, the causes that
 * logs do not always separate from it (TAXONOMY.md's ambiguity notes) are named beside it; when no
 * rule matched, the exit code, the reason and weak words in the log name the likeliest causes. Their
 * confidences stay low: they say "worth checking", not "found".
 */
import { kubectl } from './kubectl.ts';
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
  missing_file: ['script_crlf_line_endings', 'missing_shared_library'],
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

/** What each exit code most often means when the log says nothing a rule recognises, likeliest first. */
const EXIT_PRIORS: Record<number, readonly CategoryId[]> = {
  1: ['app_bug', 'bad_config', 'missing_env_var'],
  2: ['bad_command_args', 'bad_config'],
  3: ['app_bug', 'missing_env_var'],
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
    pattern: /initiali[sz]ation failed|\bconfig(?:uration)?\b|\bdirective\b|invalid (?:value|option|setting)/i,
    category: 'bad_config',
  },
  { pattern: /permission|denied|not permitted/i, category: 'permission_denied' },
  {
    pattern: /connect(?:ion)? (?:refused|timed out|failed)|unreachable|ECONNREFUSED/i,
    category: 'dependency_unreachable',
  },
  { pattern: /no such file|does not exist|not found/i, category: 'missing_file' },
  { pattern: /\bversion\b|unsupported|incompatible/i, category: 'runtime_version_mismatch' },
  { pattern: /environment|not set\b|\bundefined\b|\bnull\b|\bNone\b/, category: 'missing_env_var' },
  { pattern: /exception|traceback|panic|segmentation/i, category: 'app_bug' },
  { pattern: /migrat/i, category: 'db_migration_failure' },
  { pattern: /password|authenticat|credential|login|unauthori[sz]ed/i, category: 'auth_failure' },
  { pattern: /\block\b|already running|pid file/i, category: 'data_dir_conflict' },
  { pattern: /out of memory|\bheap\b/i, category: 'heap_out_of_memory' },
  { pattern: /certificate|x509|\btls\b|\bssl\b/i, category: 'tls_certificate_error' },
  { pattern: /no space|quota/i, category: 'disk_full' },
];

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

/** The likeliest causes when no rule matched: from the exit code, then weak words in the log. */
export const priorsFor = (ctx: RuleContext): Finding[] => {
  const scores = new Map<CategoryId, { score: number; evidence: Evidence[]; why: string[] }>();
  const add = (category: CategoryId, score: number, why: string, evidence?: Evidence): void => {
    const entry = scores.get(category) ?? { score: 0, evidence: [], why: [] };
    entry.score += score;
    if (evidence && entry.evidence.length < 2) entry.evidence.push(evidence);
    if (!entry.why.includes(why)) entry.why.push(why);
    scores.set(category, entry);
  };
  const byExit = ctx.exitCode === null ? [] : (EXIT_PRIORS[ctx.exitCode] ?? []);
  for (const [rank, category] of byExit.entries()) {
    add(category, 1.5 - rank * 0.5, `exit code ${ctx.exitCode} often means this`);
  }
  const byReason = ctx.reason ? (REASON_PRIORS[ctx.reason] ?? []) : [];
  for (const [rank, category] of byReason.entries()) {
    add(category, 1.4 - rank * 0.4, `the reason ${ctx.reason} often means this`);
  }
  for (const line of ctx.log.lines.slice(-200)) {
    for (const { pattern, category } of WEAK_SIGNALS) {
      if (!pattern.test(line.text)) continue;
      const evidence: Evidence = { line: line.line, text: clip(line.text.trim(), 300), source: 'log' };
      add(category, 0.4, 'a word in the log points this way', evidence);
    }
  }
  return [...scores.entries()]
    .sort(([, a], [, b]) => b.score - a.score)
    .slice(0, 3)
    .map(([category, entry], rank) =>
      candidate({
        category,
        confidence: [0.18, 0.12, 0.08][rank] ?? 0.08,
        why: `No rule recognised the failure; ${entry.why.join(' and ')}.`,
        evidence: entry.evidence,
        ctx,
      }),
    );
};
