/**
 * missing_env_var read from a client that was given no server address and started a temporary in-process
 * server instead (not a rule itself: the missing-env-var rule asks it). Prefect 3 without PREFECT_API_URL
 * logs "Starting temporary server on http://127.0.0.1:8377", Ray without RAY_ADDRESS "Started a local Ray
 * instance"; the run, flow or actor the pod was sent to work on lives on the real server, so the client then
 * fails to find it. The notice is at info level and the failure on another line, so a signature (one line)
 * cannot read it. Database images start a temporary server of their own while initialising (MySQL's
 * entrypoint "Starting temporary server"): not this.
 */
import { kubectl } from '../kubectl.ts';
import type { RuleContext } from '../rule.ts';
import type { Finding } from '../types.ts';
import { finding, logEvidence } from './log-helpers.ts';

const TEMPORARY_SERVER =
  /\b(?:Starting|Started|Launching|Spinning up) (?:an? )?(?:temporary|ephemeral|throwaway) (?:[A-Z][\w-]{1,20} )?(?:server|API|instance|cluster|backend)\b|\bStarted a (?:new )?local (?:[A-Z][\w-]{1,20} )?instance\b/;
const DATABASE_INIT = /\[Entrypoint\]|docker-entrypoint|\bmysqld\b|\bmariadbd\b|\binitdb\b|\bpg_ctl\b|\bmongod\b/;
// The object the pod was to work on is not on the server it reached.
const OBJECT_NOT_FOUND =
  /\bObjectNotFound\b|\b(?:[Ff]low|[Rr]un|[Dd]eployment|[Jj]ob|[Aa]ctor|[Tt]ask|[Ww]orkflow)(?: run)? ['"]?[\w.:/-]{1,80}['"]? (?:not found|does not exist)\b|\b[Ff]ailed to look up (?:actor|job|run)\b/;

export const ephemeralServerFallback = (ctx: RuleContext): Finding | null => {
  const lines = ctx.log.lines;
  const started = lines.findIndex((l) => TEMPORARY_SERVER.test(l.text));
  if (started < 0 || lines.some((l) => DATABASE_INIT.test(l.text))) return null;
  const missing = lines.slice(started + 1).find((l) => OBJECT_NOT_FOUND.test(l.text));
  if (!missing) return null;
  return finding(ctx, {
    ruleId: 'missing-env-var',
    category: 'missing_env_var',
    title: 'No server address was set: the client started a temporary local server, which lacks the run it was sent',
    confidence: 0.62,
    evidence: logEvidence([lines[started], missing]),
    steps: [
      `See which variables the container gets (PREFECT_API_URL, RAY_ADDRESS, ...): ${kubectl.podSpec(ctx.target, '{.spec.containers[*].env[*].name} {.spec.containers[*].envFrom}')}`,
      'Set the server address variable in the job template the pods are created from',
    ],
  });
};
