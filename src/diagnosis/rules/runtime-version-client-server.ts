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
  {
    // A platform or server version below the app's stated minimum, in the "X version V is ... than the required
    // version W" form: Knative and Tekton (knative.dev/pkg) "kubernetes version "1.27.16-eks" is not compatible,
    // need at least "1.28.0-0"", APISIX "etcd cluster version 3.3.27 is less than the required version 3.4.0",
    // "Docker version 19.03 is lower than the minimum required version 20.10". The server named on the line
    // is older than the app; a schema's or a file's version below a minimum is the data's, not the server's,
    // and a TLS protocol version below a minimum is the handshake's.
    all: [
      /\bversion [\\"']{0,2}v?\d[\w.+-]{0,30}[\\"']{0,2} is (?:not compatible|incompatible), (?:need|needs|requires?) (?:at least |>= ?)[\\"']{0,2}v?\d|\bversion [\\"']{0,2}v?\d[\w.+-]{0,30}[\\"']{0,2} is (?:less|lower|older|smaller) than (?:the )?(?:minimum |required |supported )(?:required |supported )?(?:version )?[\\"']{0,2}v?\d/i,
    ],
    confidence: 0.86,
    title: 'The server or platform the app runs against is older than the minimum version it requires',
    not: /\b(?:schema|data|on-disk|storage|file|format|index|snapshot|dump|backup|lockfile|migration|metadata|TLS|SSL|protocol)\b[^\n]{0,12}\bversion\b/i,
  },
  {
    // Docker's API negotiation, named both ways: "client version 1.45 is too new. Maximum supported API
    // version is 1.41" (a newer docker CLI or SDK in the image than the daemon), "... is too old. Minimum ...".
    all: [/\bclient version v?\d[\d.]{0,10} is too (?:new|old)\. (?:Maximum|Minimum) supported API version is\b/],
    confidence: 0.88,
    title: 'The Docker client in the image speaks another API version than the daemon supports',
  },
  {
    // A newer client calling an API the older server does not have yet: MLflow "API request to endpoint
    // /api/2.0/mlflow/runs/log-inputs failed with error code 404", Elasticsearch "no handler found for uri
    // [/_data_stream/x] and method [PUT]", gRPC "code = Unimplemented desc = unknown method X for service Y".
    // A wrong base URL or another service at the address says the same, so this stays well below the band.
    all: [
      /\bAPI request to endpoint \/[\w./-]{1,120} failed with error code 404\b|\bno handler found for uri \[\/[^\]\n]{1,160}\] and method \[[A-Z]{3,7}\]|\bcode ?= ?Unimplemented desc ?= ?unknown method \w{1,80} for service [\w.]{1,160}/,
    ],
    confidence: 0.64,
    title:
      'The server has no such API endpoint or method: the client is likely newer than the server (or the URL is wrong)',
  },
];
