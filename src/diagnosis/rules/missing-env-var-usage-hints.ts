/**
 * missing_env_var's readings of a program that stops with a hint naming what it needs: "set QUEUE env
 * var", "provide config parameters via DOCKER_STEPCA_INIT_ vars", Terraform's "No value for required
 * variable", a connection option "--database-url expected". The hint names the variable (or the option a
 * variable feeds) rather than reporting a failed lookup, so these live apart from the lookups and the
 * plain "X is not set" readings; the missing-env-var rule lists them in its own order.
 */
import type { Signature } from './log-helpers.ts';

// Programs that name what they need in a usage hint, and the tools that need it fed in.
export const USAGE_HINTS: Signature[] = [
  {
    // "set QUEUE env var, e.g. $ QUEUE=critical rake resque:work", "Please export the API_TOKEN environment
    // variable": a usage hint that names the variable the program stopped without. One word can be a
    // variable here because the words around it say so.
    all: [
      /^\s{0,8}(?:[Pp]lease |[Yy]ou (?:must|need to) )?(?:[Ss]et|[Dd]efine|[Ee]xport|[Pp]rovide) (?:the |a )?['"`$]?[A-Z][A-Z0-9_]{1,60}['"`]? (?:env(?:ironment)? ?var(?:iable)?|variable)\b/,
    ],
    confidence: 0.82,
    title: 'The program asks for an environment variable that is not set',
    not: /\b(?:if you (?:want|wish|need|like)|to (?:silence|suppress|disable|enable|override|change|tune)|optional(?:ly)?)\b/i,
  },
  {
    // "or provide config parameters via DOCKER_STEPCA_INIT_ vars", "configure it through the MINIO_*
    // environment variables": the image explains that the variables it bootstraps from were not given.
    all: [
      /\b(?:provide|set|pass|supply|configure) (?:[a-z]{1,20} ){0,3}(?:via|through) (?:the )?[A-Z][A-Z0-9_]{2,60}\*? (?:env(?:ironment)? )?(?:vars|variables)\b/,
    ],
    confidence: 0.8,
    title: 'The image needs variables to bootstrap from, and they are not set',
    not: /\b(?:if you (?:want|wish|need|like)|optional(?:ly)?|deprecated)\b/i,
  },
  {
    // Terraform's TF_VAR_<name> is matched case-sensitively: "No value for required variable" / "input
    // variable "x" is not set" means the variable meant to feed it was absent or named otherwise.
    all: [/No value for required variable|\binput variable "[\w-]{1,80}" is not set\b/],
    confidence: 0.8,
    title: 'A required input variable has no value: its TF_VAR_ environment variable is not set',
  },
  {
    // "Either of --metadata-database-url or --database-url option expected" (Hasura), "--dsn is required":
    // a server's connection setting, given in containers by its variable (HASURA_GRAPHQL_DATABASE_URL).
    all: [
      /--(?:[a-z]{1,20}-){0,3}(?:url|uri|dsn|host|endpoint|address|connection-string) (?:option )?(?:expected|is required|required|must be (?:set|provided|specified))\b/,
    ],
    confidence: 0.7,
    title: 'The connection option is missing: the environment variable that provides it is not set',
  },
];
