/**
 * runtime_version_mismatch's readings of a client library whose API handshake with its server fails because
 * the two are releases apart (vector databases, SDKs that check the server's version on connect). The
 * runtime-version-gates module lists these after its server-version gates.
 */
import type { Signature } from './log-helpers.ts';

export const CLIENT_SERVER_API_SIGNATURES: Signature[] = [
  {
    // A client that states the versions it found and calls them incompatible: qdrant-client "Qdrant client
    // version 1.12.1 is incompatible with server version 1.9.0", SDKs "client version X is not compatible
    // with the server", "this version of sdk is incompatible with server".
    all: [
      /\bclient version v?\d[\w.-]{0,20} is (?:incompatible|not compatible) with (?:the )?server version\b|\b(?:client|sdk|SDK) (?:version )?(?:v?\d[\w.-]{0,20} )?is (?:incompatible|not compatible) with (?:the |this )?server\b/,
    ],
    confidence: 0.86,
    title: "The client library is another release than the server it talks to (the versions' APIs differ)",
  },
  {
    // Chroma's 0.5+ client validates the tenant/database API on connect; a 0.4 server has no such API and the
    // client reports "Could not connect to tenant default_tenant. Are you sure it exists?". The same words
    // follow an unreachable server, so this stays below the band and the reachability reading stays close.
    all: [/\bCould not connect to tenant [\w-]{1,80}\. Are you sure it exists\?/],
    confidence: 0.7,
    title: 'The Chroma client is newer than the server (the server lacks the tenant API the client checks)',
  },
];
