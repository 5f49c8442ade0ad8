/**
 * missing_env_var read from a config file rendered from variables (not a rule itself: missing-env-var-defaults
 * spreads it and weighs it). An init container or entrypoint step runs envsubst, gomplate or confd over a
 * template and the server then finds a required value absent: Alertmanager's "no global Slack API URL set
 * either inline or in a file" from /etc/alertmanager/rendered/alertmanager.yml after a render-config init
 * container. The template had the value as ${VAR}; the variable was not in that container's env, so an
 * empty value was written. Without a sign of rendering the same line is a config written incomplete
 * (bad_config), so the reading counts only beside one.
 */
import type { RuleContext } from '../rule.ts';
import type { Signature, SignatureHit } from './log-helpers.ts';

const RENDERED_VALUE_ABSENT: Signature = {
  all: [
    /\b[Nn]o (?:global )?(?:[\w-]{1,20} ){0,3}(?:URL|url|key|secret|token|password|webhook|host|address|endpoint)s? (?:is |was )?(?:set|provided|given|specified|configured)\b|\b(?:must not|cannot|can't|may not|should not) be empty\b/,
  ],
  // Low until weighed: a signature that wins on its own weight and is then dropped hides the other readings.
  confidence: 0.3,
  title: 'A config rendered from variables lacks a required value: the variable substituted into it is not set',
  not: /\b(?:optional(?:ly)?|ignor(?:ed|ing)|skipp(?:ed|ing)|using (?:the )?default|will be generated|request|header)\b/i,
};

// Signs that the config was rendered from variables: a render/template init container in the events, a
// templating tool in the log, a path under rendered/ or a template file. The nginx image's own
// 20-envsubst-on-templates.sh runs on every start and shows nothing by itself.
const RENDERED =
  /\/rendered\/|\brender(?:ed)?[-_]?config|\bconfig[-_](?:render(?:er)?|templater?)\b|\benvsubst(?!-on-templates)\b|\bgomplate\b|\bconfd\b|\bdockerize\b|\.(?:template|tmpl|tpl)\b|\btemplat(?:e|es|ing)[-_](?:config|init)\b/i;

/** The rendered-config reading counts only where the log or the events show a rendering step. */
export const weighRenderedValue = (ctx: RuleContext, hit: SignatureHit): number | undefined => {
  if (hit.signature !== RENDERED_VALUE_ABSENT) return undefined;
  const rendered = ctx.log.lines.some((l) => RENDERED.test(l.text)) || ctx.events.some((e) => RENDERED.test(e.message));
  return rendered ? 0.78 : 0;
};

export const RENDERED_CONFIG_SIGNATURES: readonly Signature[] = [RENDERED_VALUE_ABSENT];
