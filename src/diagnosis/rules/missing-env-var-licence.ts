/**
 * missing_env_var read from an image that refuses to start until its licence is accepted (not a rule
 * itself: the missing-env-var rule imports these). In a container the only way to accept is a variable
 * (ACCEPT_EULA=Y for SQL Server, EULA=TRUE for Minecraft servers, NEO4J_ACCEPT_LICENSE_AGREEMENT=yes,
 * the licence flags of commercial brokers and databases), so the refusal is that variable not set.
 */
import type { Signature } from './log-helpers.ts';

export const LICENCE_SIGNATURES: readonly Signature[] = [
  {
    // Images that refuse to start until a licence variable is set (EULA=TRUE, ACCEPT_EULA=Y).
    all: [/\bEULA\b/, /(?:[Pp]lease|[Yy]ou must|[Yy]ou can) accept the\b|must be accepted\b/],
    confidence: 0.86,
    title: 'The licence variable (EULA / ACCEPT_EULA) is not set',
  },
  {
    all: [/set the environment variable ACCEPT_EULA|^\s{0,8}-e (?:ACCEPT_)?EULA=/],
    confidence: 0.86,
    title: 'The licence variable (EULA / ACCEPT_EULA) is not set',
  },
  {
    // The instruction itself: "To accept the commercial license agreement set the environment variable
    // NEO4J_ACCEPT_LICENSE_AGREEMENT=yes", "accept the license terms by setting LICENSE=accept".
    all: [
      /\baccept(?:ing)? the (?:[\w-]{1,30} ){0,3}(?:licen[cs]e|EULA|terms)\b[^\n]{0,80}\b(?:set(?:ting)? (?:the )?(?:env(?:ironment)? ?(?:variable|var) )?[A-Z][A-Z0-9]{1,40}(?:_[A-Z0-9]{1,40}){0,8}=|set(?:ting)? the environment variable)/i,
    ],
    confidence: 0.86,
    title: 'The licence-acceptance variable is not set',
  },
  {
    // The refusal without the instruction: "you must accept the license agreement", "the license agreement
    // must be accepted before the server can start". An expired or invalid licence key is something else.
    all: [
      /\b(?:[Yy]ou must|[Yy]ou need to|[Pp]lease) (?:first )?accept the (?:[\w-]{1,30} ){0,3}(?:licen[cs]e|EULA)\b|\blicen[cs]e (?:agreement|terms) (?:must|has to|needs to) be accepted\b/,
    ],
    confidence: 0.8,
    title: 'The image refuses to start until its licence is accepted: the acceptance variable is not set',
    not: /\b(?:expired|invalid|revoked|exceeded)\b/i,
  },
];
