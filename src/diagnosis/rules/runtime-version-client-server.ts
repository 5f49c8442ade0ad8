/**
 * runtime_version_mismatch's readings of a client library whose API handshake with its server fails because
 * the two are releases apart (vector databases, SDKs that check the server's version on connect), and of
 * applications that check their database server's version at boot and refuse one below their minimum. The
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
  {
    // An application that checks its database server at boot, often in a shouted banner: Rocket.Chat "YOUR
    // CURRENT MONGODB VERSION IS NOT SUPPORTED BY ROCKET.CHAT, PLEASE UPGRADE TO VERSION 5.0 OR LATER",
    // "PostgreSQL version 11 is not supported by this release", "server version 3.6 is unsupported by
    // <app>". Casing varies, so the match ignores it; the subject must name a server or runtime, since a file's
    // or format's version "not supported by this viewer" is no version gap of the image.
    all: [
      /\b(?:server|database|DB|Mongo(?:DB)?|PostgreSQL|Postgres|MySQL|MariaDB|Redis|Valkey|Elasticsearch|OpenSearch|Kafka|Cassandra|ClickHouse|Node(?:\.?js)?|Java|Python|Ruby|PHP|Erlang(?:\/OTP)?|OTP|Elixir|Deno|Bun|Kubernetes|Docker|engine|runtime|broker|cluster) version (?:v?\d[\w.-]{0,20} )?is (?:not supported|unsupported|no longer supported|too old) by\b/i,
    ],
    confidence: 0.86,
    title: 'The application does not support the version of the server it runs against (upgrade the server)',
    // A data, file or protocol format that one side does not support is another cause (the data's, the TLS).
    not: /\b(?:data|on-disk|storage|file|format|index|schema|snapshot|dump|backup|protocol|API|TLS|SSL|pickle|lockfile)\b[^\n]{0,12}\bversion\b/i,
  },
  {
    // The same gate's advice alone: "PLEASE UPGRADE TO VERSION 5.0 OR LATER", "please upgrade MongoDB to 5.0
    // or newer". It can speak of the app's own data too, so it stays below the confident band.
    all: [
      /\bplease upgrade (?:your )?(?:[a-z][\w.-]{1,30} )?(?:server )?to (?:version |v)?\d{1,3}(?:\.\d{1,3}){0,2}(?:\.x)? or (?:later|newer|higher|above)\b/i,
    ],
    confidence: 0.72,
    title: 'The application asks for a newer version of a server or runtime it depends on',
    not: /\b(?:data|on-disk|storage|index|schema|snapshot|dump|backup|lockfile)\b/i,
  },
];
