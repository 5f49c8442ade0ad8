/**
 * The terminal report for a Diagnosis. Pure: a Diagnosis in, text out. Colour only when asked (a TTY).
 * Cluster text (log lines, event messages) is stripped of control characters first, so a hostile log
 * cannot move the cursor or recolour the terminal.
 */
import { revisionLabel } from '../diagnosis/diagnose-pod.ts';
import { exitHeadline } from '../diagnosis/exit-codes.ts';
import type { ContainerDiagnosis, Diagnosis, Finding } from '../diagnosis/types.ts';
import { percent } from '../diagnosis/format.ts';
import { neutralizeDisplay } from '../text/outgoing.ts';
import { localTime, localWhen, type TimeOptions } from './render-time.ts';

export interface RenderOptions {
  color: boolean;
  /** Timeline entries shown (the most recent). */
  timelineLimit?: number;
  /** Times are shown in the local zone (or this one) and relative to `now` (the diagnosis time by default). */
  time?: TimeOptions;
}

const CODES = { bold: 1, dim: 2, red: 31, green: 32, yellow: 33, cyan: 36 } as const;
type Style = keyof typeof CODES;

// Control characters, bidi overrides and zero-width characters become visible escapes (src/text/display.ts).
export const clean = (text: string): string => neutralizeDisplay(text, { multiline: false });

const styler =
  (color: boolean) =>
  (style: Style, text: string): string =>
    color ? `\x1b[${CODES[style]}m${text}\x1b[0m` : text;

const renderFinding = (finding: Finding, paint: ReturnType<typeof styler>, lines: string[]): void => {
  lines.push(
    // The subject-bearing headline (STRIPE_API_KEY is not set) when the evidence names one.
    `  Cause: ${paint('bold', clean(finding.headline || finding.title))} ${paint('dim', `[${finding.category}, ${percent(finding.confidence)} confident]`)}`,
  );
  if (finding.evidence.length > 0) {
    lines.push('  Evidence:');
    for (const evidence of finding.evidence.slice(0, 6)) {
      const where = evidence.line !== null ? `log line ${evidence.line}` : evidence.source;
      lines.push(`    ${paint('dim', `${where}:`)} ${clean(evidence.text)}`);
    }
    const more = finding.evidence.length - 6;
    if (more > 0) lines.push(`    ${paint('dim', `… ${more} more (--json shows all)`)}`);
  }
  if (finding.nextSteps.length > 0) {
    lines.push('  Next steps:');
    for (const [index, step] of finding.nextSteps.entries()) lines.push(`    ${index + 1}. ${clean(step)}`);
  }
};

const renderContainer = (
  container: ContainerDiagnosis,
  paint: ReturnType<typeof styler>,
  lines: string[],
  time: TimeOptions & { now: string | Date },
): void => {
  const { classification } = container;
  const kind = container.init ? 'Init container' : 'Container';
  const restarts = `${container.restartCount} restart${container.restartCount === 1 ? '' : 's'}`;
  lines.push('');
  lines.push(
    paint('red', `${kind} ${clean(container.container)}`) +
      paint(
        'dim',
        ` (${clean(container.image)}, ${restarts}${container.lastCrashAt ? `, last failed ${localWhen(container.lastCrashAt, time)}` : ''})`,
      ),
  );
  if (container.frequency) lines.push(`  ${paint('dim', clean(container.frequency))}`);
  lines.push(`  Exit: ${clean(exitHeadline(classification.exit))}`);
  if (classification.exit.detail) lines.push(`        ${paint('dim', clean(classification.exit.detail))}`);
  renderFinding(classification.best, paint, lines);
  if (classification.alternatives.length > 0) {
    lines.push('  Also possible:');
    for (const alternative of classification.alternatives) {
      lines.push(
        `    - ${clean(alternative.headline || alternative.title)} ${paint('dim', `[${alternative.category}, ${percent(alternative.confidence)}]`)}`,
      );
    }
  }
};

export const renderDiagnosis = (diagnosis: Diagnosis, options: RenderOptions): string => {
  const paint = styler(options.color);
  const lines: string[] = [];
  const workload = diagnosis.workload
    ? ` (${diagnosis.workload.kind.toLowerCase()}/${clean(diagnosis.workload.name)}${revisionLabel(diagnosis.workload) ? `, ${revisionLabel(diagnosis.workload)}` : ''})`
    : '';
  lines.push(
    `${paint('bold', `Pod ${clean(diagnosis.namespace)}/${clean(diagnosis.pod)}`)}${workload} on ${clean(diagnosis.cluster)}: ${diagnosis.phase}${diagnosis.node ? `, node ${clean(diagnosis.node)}` : ''}`,
  );
  if (diagnosis.selectedBecause) lines.push(paint('dim', clean(diagnosis.selectedBecause)));
  if (diagnosis.healthy && (diagnosis.phase === 'Running' || diagnosis.phase === 'Succeeded')) {
    lines.push(paint('green', 'Healthy: no container is failing right now.'));
  } else if (diagnosis.healthy) {
    // Pending (unschedulable, pulling) is not a crash, but calling it healthy would mislead.
    lines.push(paint('yellow', `No container has failed, but the pod is ${diagnosis.phase}: see the events below.`));
  } else if (diagnosis.containers.length > 1) {
    lines.push(
      paint(
        'yellow',
        `${diagnosis.containers.length} containers are failing; each is diagnosed below, most recent first.`,
      ),
    );
  }
  const time = { ...options.time, now: options.time?.now ?? diagnosis.generatedAt };
  for (const container of diagnosis.containers) renderContainer(container, paint, lines, time);
  if (diagnosis.missing.length > 0) {
    lines.push('');
    lines.push(paint('yellow', 'Could not read (diagnosed without it):'));
    for (const missing of diagnosis.missing) lines.push(`  - ${clean(missing.what)}: ${clean(missing.why)}`);
  }
  const limit = options.timelineLimit ?? 12;
  if (diagnosis.timeline.length > 0) {
    lines.push('');
    lines.push(paint('bold', diagnosis.healthy ? 'History:' : 'Timeline:'));
    const shown = diagnosis.timeline.slice(-limit);
    if (shown.length < diagnosis.timeline.length)
      lines.push(paint('dim', `  (${diagnosis.timeline.length - shown.length} earlier entries not shown)`));
    for (const entry of shown)
      lines.push(`  ${paint('dim', localTime(entry.at, options.time?.timeZone))}  ${clean(entry.what)}`);
  }
  return `${lines.join('\n')}\n`;
};

/** One line for a healthy pod's restart history, used by the headline and tests. */
export const restartSummary = (restarts: Array<{ name: string; restartCount: number }>): string => {
  const total = restarts.reduce((sum, c) => sum + c.restartCount, 0);
  if (total === 0) return 'no restarts';
  return restarts
    .filter((c) => c.restartCount > 0)
    .map((c) => `${c.name}: ${c.restartCount} restart${c.restartCount === 1 ? '' : 's'}`)
    .join(', ');
};
