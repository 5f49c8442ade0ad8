/**
 * missing_env_var read from the kubelet's own word that it dropped keys of an envFrom source (not a rule
 * itself: the missing-env-var rule asks it). "Keys [backend-store-uri] from the EnvFrom secret ns/x were
 * skipped since they are considered invalid environment variable names" (event reason
 * InvalidEnvironmentVariableNames): a Secret or ConfigMap key with a dash or a dot never becomes a variable,
 * so the variable the command or the app expects is unset. The warning also sits on healthy pods (a
 * ConfigMap of files mounted as env by habit), so it is confident only when the log shows the symptoms of a
 * value that did not arrive: a usage error of a command whose `$VAR` expanded to nothing, or a setting read
 * as absent or empty.
 */
import { kubectl } from '../kubectl.ts';
import type { RuleContext } from '../rule.ts';
import type { Finding } from '../types.ts';
import { ENV_FROM_KEYS_SKIPPED } from './config-clues.ts';
import { finding } from './log-helpers.ts';

// What a value that never arrived looks like one step later: a command line whose $VAR was empty (an
// option without its value, an argument shifted into a stray positional), or the app naming an absent
// or empty setting.
const ABSENT_VALUE_SYMPTOM =
  /\b(?:[Uu]nexpected (?:extra )?argument|[Gg]ot unexpected|requires (?:an? )?(?:argument|value)|[Mm]issing (?:required )?(?:argument|option|value|setting)|is (?:not set|required|missing|empty|undefined)|must (?:be set|not be (?:empty|blank|null))|not (?:set|defined|configured)|[Nn]one(?:Type)?\b|undefined|[Uu]sage:)/;

export const droppedEnvFromKeys = (ctx: RuleContext): Finding | null => {
  const event = ctx.events.find((e) => ENV_FROM_KEYS_SKIPPED.test(e.message) || ENV_FROM_KEYS_SKIPPED.test(e.reason));
  if (!event) return null;
  const symptom = ctx.log.lines.find((l) => ABSENT_VALUE_SYMPTOM.test(l.text));
  return finding(ctx, {
    ruleId: 'missing-env-var',
    category: 'missing_env_var',
    title: 'The kubelet skipped envFrom keys that are not valid variable names: the variable the app reads is unset',
    // Without a symptom the warning may belong to a healthy key the app never reads: an alternative only.
    confidence: symptom ? 0.93 : 0.45,
    evidence: [
      { line: null, text: event.message, source: 'event' },
      ...(symptom ? [{ line: symptom.line, text: symptom.text.trim(), source: 'log' as const }] : []),
    ],
    steps: [
      `List the keys of the Secret or ConfigMap named in the event: kubectl get secret,configmap -n ${ctx.target.namespace ?? '<namespace>'} -o yaml`,
      `Rename the key to a valid variable name (UPPER_SNAKE_CASE), or map it with env[].valueFrom: ${kubectl.podSpec(ctx.target, '{.spec.containers[*].envFrom}')}`,
    ],
  });
};
