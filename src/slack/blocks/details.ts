/**
 * Everything the channel message leaves out (pure), posted in the thread by the Details button or
 * `@exitcode details`: the exit code's meaning in full, every evidence line (once), every step, the
 * other possible causes, every failing container and the timeline, with times each reader sees locally.
 */
import { exitHeadline } from '../../diagnosis/exit-codes.ts';
import type { ContainerDiagnosis, Diagnosis } from '../../diagnosis/types.ts';
import type { KnownBlock } from '../extension.ts';
import { type RenderedMessage, context, evidenceLines, section, stepsText } from './diagnosis.ts';
import { causeOf, confidenceLabel } from './severity.ts';
import { clipEscaped, codeBlock, LIMITS, linesWithin, safe } from './text.ts';
import { slackDate } from './time.ts';

const MAX_CONTAINERS = 5;
const MAX_STEPS = 8;
/** Entries × (date token + clipped text) stays under a section's 3000 characters, so no token is cut. */
const MAX_TIMELINE = 12;
const MAX_ENTRY = 160;

const containerDetails = (c: ContainerDiagnosis): KnownBlock[] => {
  const { best, alternatives, exit } = c.classification;
  const blocks: KnownBlock[] = [
    section(
      [
        `*${c.init ? 'Init container' : 'Container'} \`${safe(c.container)}\`*: ${safe(causeOf(best))} (${confidenceLabel(best.confidence)})`,
        `${safe(exitHeadline(exit))}${exit.detail ? `. ${safe(exit.detail)}` : ''}`,
        `Image \`${safe(c.image)}\`, ${c.restartCount} restarts`,
      ].join('\n'),
    ),
  ];
  const evidence = evidenceLines(best.evidence);
  if (evidence.length > 0)
    blocks.push(
      section(`*Evidence*\n${codeBlock({ lines: evidence, keep: 'head', maxChars: LIMITS.sectionText - 20 })}`),
    );
  const steps = best.nextSteps.slice(0, MAX_STEPS);
  if (steps.length > 0) blocks.push(section(`*Next steps*\n${stepsText(steps)}`));
  if (alternatives.length > 0) {
    const alts = alternatives.slice(0, 3).map((a) => `${safe(causeOf(a))} (${confidenceLabel(a.confidence)})`);
    blocks.push(context(`*Could also be:* ${alts.join(' · ')}`));
  }
  return blocks;
};

export const renderDetails = ({ diagnosis: d }: { diagnosis: Diagnosis }): RenderedMessage => {
  const blocks: KnownBlock[] = [];
  const shown = d.containers.slice(0, MAX_CONTAINERS);
  if (shown.length === 0)
    blocks.push(section(`No container of \`${safe(d.namespace)}/${safe(d.pod)}\` is failing right now.`));
  shown.forEach((c, i) => {
    if (i > 0) blocks.push({ type: 'divider' });
    blocks.push(...containerDetails(c));
  });
  if (d.containers.length > shown.length)
    blocks.push(context(`+${d.containers.length - shown.length} more failing containers`));
  const timeline = d.timeline.slice(-MAX_TIMELINE);
  if (timeline.length > 0) {
    // Dates as Slack tokens outside the code block (tokens do not render inside one).
    const lines = timeline.map((t) => `• ${slackDate(t.at) ?? safe(t.at)} ${clipEscaped(safe(t.what), MAX_ENTRY)}`);
    blocks.push(section(`*Timeline*\n${linesWithin(lines, LIMITS.sectionText - 20)}`));
  }
  return {
    text: `Details of ${safe(d.namespace)}/${safe(d.pod)}`,
    blocks: blocks.slice(0, LIMITS.blocks),
  };
};
