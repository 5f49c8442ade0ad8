/**
 * The explanation as a thread reply (pure). Shown apart from the diagnosis and marked AI-generated;
 * where the model disagrees with the rules, both are named. It has no actions block: an explanation
 * never gets a button. Text is redacted and escaped like all cluster text, and every mrkdwn object is
 * `verbatim`, so Slack does not turn a URL, #channel or @name in the model's words into a link or mention.
 */
import type { KnownBlock } from '../slack/extension.ts';
import { clipEscaped, LIMITS, safe } from '../slack/blocks/text.ts';
import type { Explanation } from './explainer.ts';
import { percent } from '../diagnosis/format.ts';

export interface RenderedExplanation {
  text: string;
  blocks: KnownBlock[];
}

const mrkdwn = (text: string) => ({
  type: 'mrkdwn' as const,
  text: clipEscaped(text, LIMITS.sectionText),
  verbatim: true,
});

const section = (text: string): KnownBlock => ({ type: 'section', text: mrkdwn(text) });

const context = (text: string): KnownBlock => ({ type: 'context', elements: [mrkdwn(text)] });

export const NO_EXPLANATION =
  'No explanation available: the model gave no usable answer. The diagnosis above stands on its own.';

export const renderExplanation = ({
  explanation,
  target,
}: {
  explanation: Explanation;
  /** namespace/pod, for the notification text. */
  target: string;
}): RenderedExplanation => {
  const e = explanation;
  const blocks: KnownBlock[] = [
    context(
      `:robot_face: *AI-generated explanation* (model ${safe(e.model)}${e.cached ? ', reused for an identical crash' : ''}). It may be wrong: the diagnosis above comes from exitcode's rules and the evidence.`,
    ),
    section(`*Summary*\n${safe(e.summary)}`),
    section(`*Likely cause* (model confidence ${percent(e.confidence)})\n${safe(e.likelyCause)}`),
  ];
  if (e.disagrees) {
    blocks.push(
      section(
        `:warning: *The model and the rules disagree.*\nRules: ${safe(e.rules.title)} (${e.rules.category}, ${percent(e.rules.confidence)})\nModel: ${safe(e.likelyCause)}${e.category ? ` (${e.category})` : ''}\nCheck the evidence before acting on either.`,
      ),
    );
  }
  if (e.evidenceLines.length > 0) {
    blocks.push(context(`Relies on log line${e.evidenceLines.length === 1 ? '' : 's'} ${e.evidenceLines.join(', ')}`));
  }
  if (e.suggestedSteps.length > 0) {
    blocks.push(section(`*Suggested steps*\n${e.suggestedSteps.map((step) => `• ${safe(step)}`).join('\n')}`));
  }
  if (e.withheldSteps > 0) {
    blocks.push(
      context(
        `${e.withheldSteps} suggested step${e.withheldSteps === 1 ? ' was' : 's were'} withheld: explanations may only suggest read-only checks.`,
      ),
    );
  }
  return { text: `AI-generated explanation for ${safe(target)}`, blocks };
};

/** No explanation, with the reason when known (our own sentences: no model text reaches here). */
export const renderNoExplanation = (sentence: string = NO_EXPLANATION): RenderedExplanation => ({
  text: sentence,
  blocks: [context(`:robot_face: ${safe(sentence)}`)],
});
