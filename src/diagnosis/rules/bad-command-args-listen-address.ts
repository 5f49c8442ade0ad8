/**
 * bad_command_args read from a server's own listen step: the address it was told to bind is not a host
 * it can resolve, most often a port glued onto the host flag (`--host 0.0.0.0:8000`, `-b 0.0.0.0:80:80`)
 * copied from a compose ports string. The lookup error looks like DNS, but no dependency is named.
 */
import type { RuleContext } from '../rule.ts';
import type { Finding } from '../types.ts';
import { finding, logEvidence, type Signature } from './log-helpers.ts';

export const LISTEN_ADDRESS_SIGNATURES: Signature[] = [
  {
    // Go net.Listen with a host that is not an address: "listen tcp: lookup 0.0.0.0:8000: no such host",
    // "listen tcp: address 0.0.0.0:8080:8080: too many colons in address". Node's server.listen names
    // the same lookup: "getaddrinfo ENOTFOUND 0.0.0.0:3000" with a listen frame (read below).
    all: [
      /\blisten (?:tcp|udp)[46]?: (?:lookup [^\s]{1,200}: no such host|address [^\s]{1,200}: too many colons in address)/,
    ],
    confidence: 0.8,
    title: 'The listen address given to the server is not a host and port it can bind (a port glued onto the host?)',
  },
];

// The bare resolver error a Python server logs when binding fails: uvicorn and hypercorn print only the
// OSError ("[Errno -2] Name or service not known"), with no host name, since the host is their own.
const BARE_RESOLVER_ERROR =
  /^(?:ERROR:?\s{1,8}|\[[\w :.,+-]{1,60}\] \[\d{1,7}\] \[ERROR\] )?\[Errno -?\d{1,5}\] (?:Name or service not known|Temporary failure in name resolution|No address associated with hostname|nodename nor servname provided, or not known|getaddrinfo failed)\s{0,4}$/;
// An ASGI server reports its application started just before it binds; an error then is the bind's.
const STARTUP_COMPLETE = /\bApplication startup complete\b|\bWaiting for application startup\b/;

/** The finding for a bare resolver error a server logged as it bound its listen address, if any. */
export const unresolvableListenHost = (ctx: RuleContext, steps: string[]): Finding | null => {
  const lines = ctx.log.lines;
  const line = lines.find((candidate, index) => {
    if (!BARE_RESOLVER_ERROR.test(candidate.text.trim())) return false;
    return lines.slice(Math.max(0, index - 3), index).some((l) => STARTUP_COMPLETE.test(l.text));
  });
  if (!line) return null;
  return finding(ctx, {
    ruleId: 'bad-command-args',
    category: 'bad_command_args',
    title: 'The server could not resolve the host it was told to listen on (a port glued onto --host?)',
    confidence: 0.82,
    evidence: logEvidence([line]),
    steps,
  });
};
