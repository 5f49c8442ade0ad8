/**
 * How bad it is, at a glance (pure): one severity per diagnosis and incident state, each with its
 * emoji and the phrase the first line uses. 🔴 crash-looping, 🟠 failing to start, 🟡 recovering,
 * ✅ resolved (or healthy when it never failed while we watched).
 */
import type { CategoryId } from '../../diagnosis/taxonomy.ts';
import type { ContainerDiagnosis, Diagnosis } from '../../diagnosis/types.ts';

export type Severity = 'crash_looping' | 'failing_to_start' | 'recovering' | 'resolved' | 'healthy';

/**
 * What the caller knows beyond one diagnosis: the scanner and the remediation flow follow an incident
 * over time, so they can say it is recovering (a replacement is starting) or resolved since when.
 */
export type IncidentState =
  | { kind: 'open' }
  | { kind: 'recovering'; failingSince?: string; since?: string }
  /** `cause`: the title of what was wrong, kept when the diagnosis now is of a healthy (replacement) pod. */
  | { kind: 'resolved'; failingSince?: string; resolvedAt: string; cause?: string };

export const SEVERITY: Record<Severity, { emoji: string; code: string; word: string }> = {
  crash_looping: { emoji: '🔴', code: ':red_circle:', word: 'crash-looping' },
  failing_to_start: { emoji: '🟠', code: ':large_orange_circle:', word: 'failing to start' },
  recovering: { emoji: '🟡', code: ':large_yellow_circle:', word: 'recovering' },
  resolved: { emoji: '✅', code: ':white_check_mark:', word: 'resolved' },
  healthy: { emoji: '✅', code: ':white_check_mark:', word: 'healthy' },
};

/** Causes that keep a container from ever starting: the process never ran, so it cannot crash-loop. */
const NEVER_STARTED: ReadonlySet<CategoryId> = new Set(['image_pull_failure', 'missing_config_reference']);
const NOT_STARTED_REASONS = new Set([
  'ErrImagePull',
  'ImagePullBackOff',
  'InvalidImageName',
  'ErrImageNeverPull',
  'CreateContainerConfigError',
  'CreateContainerError',
]);

const neverStarted = (c: ContainerDiagnosis): boolean =>
  NEVER_STARTED.has(c.classification.best.category) || NOT_STARTED_REASONS.has(c.classification.exit.reason ?? '');

export const severityOf = ({ diagnosis, state }: { diagnosis: Diagnosis; state?: IncidentState }): Severity => {
  if (state?.kind === 'resolved') return 'resolved';
  const top = diagnosis.containers[0];
  if (diagnosis.healthy || !top) return state?.kind === 'recovering' ? 'recovering' : 'healthy';
  if (state?.kind === 'recovering') return 'recovering';
  return neverStarted(top) ? 'failing_to_start' : 'crash_looping';
};

/** "is crash-looping", "crashed" (once, no restart yet), "is failing to start", "has recovered". */
export const statePhrase = ({ diagnosis, severity }: { diagnosis: Diagnosis; severity: Severity }): string => {
  const top = diagnosis.containers[0];
  switch (severity) {
    case 'crash_looping':
      return top && top.restartCount === 0 && top.classification.exit.reason !== 'CrashLoopBackOff'
        ? 'crashed'
        : 'is crash-looping';
    case 'failing_to_start':
      return 'is failing to start';
    case 'recovering':
      return 'is recovering';
    case 'resolved':
      return 'has recovered';
    case 'healthy':
      return 'is healthy';
  }
};

/**
 * A finding's cause as a reader names it: its headline built around the subject the evidence names
 * ("STRIPE_API_KEY is not set"), else the rule's title.
 */
export const causeOf = (finding: { title: string; headline?: string }): string => finding.headline || finding.title;

/** The cause for plain text (a header): backticks around a name would show literally there. */
export const plainCause = (finding: { title: string; headline?: string }): string => causeOf(finding).replace(/`/g, '');

/** The confidence as a word a tired reader trusts at a glance. */
export const confidenceWord = (confidence: number): 'high' | 'likely' | 'unsure' =>
  confidence >= 0.85 ? 'high' : confidence >= 0.6 ? 'likely' : 'unsure';

/** "88 %, high". */
export const confidenceLabel = (confidence: number): string =>
  `${Math.round(confidence * 100)} %, ${confidenceWord(confidence)}`;
