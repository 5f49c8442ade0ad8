/**
 * dependency_unreachable: a dependency resolves but refuses or times out. Pointing at localhost is the
 * classic Kubernetes mistake (the database is another pod), often because a host variable is unset: the
 * missing-env-var rule offers that reading too, so confidence stays moderate for localhost.
 */
import { kubectl } from '../kubectl.ts';
import { HANDSHAKE_SIGNATURES } from './dependency-unreachable-handshake.ts';
import { type Signature, type SignatureHit, signatureRule } from './log-helpers.ts';
import type { RuleContext } from '../rule.ts';
import type { LogLine } from '../types.ts';
import {
  CLIENT_DEFAULT_ADDRESS,
  CONNECTION_REFUSED,
  DNS_FAILURE,
  dialsOnlyLoopback,
  LOCAL_SOCKET,
  LOCALHOST,
  namesAddress,
  TELEMETRY_ENDPOINT,
} from './network-clues.ts';

// Clients that tried every address they had: "None of the specified endpoints were reachable" (RabbitMQ
// .NET), BrokerUnreachableException, "nats: no servers available for connection", "No suitable servers
// found" (MongoDB drivers), "Unable to connect to any servers" / "All host(s) tried for query failed"
// (Cassandra drivers), "host is unreachable". .NET's own System.Diagnostics.UnreachableException (code
// that should never run) is an app bug, not this.
const NO_ENDPOINT_ANSWERED: Signature = {
  all: [
    /None of the specified endpoints were reachable|\b[A-Z][a-z]{1,20}UnreachableException\b|\b(?:is|are|was|were) (?:unreachable|not reachable)\b|\bno reachable (?:server|host|broker|node|endpoint)s?\b|\bno servers available for connection\b|\bNo suitable servers found\b|\bUnable to connect to any servers\b|\bAll host\(s\) tried for query failed\b/,
  ],
  confidence: 0.75,
  title: 'A dependency cannot be reached (no endpoint answered)',
  not: DNS_FAILURE,
};
// Those summaries also wrap a server that answered and refused the credentials (auth_failure's line).
const GENERIC_CONNECT_FAILURE: Signature = {
  all: [/(?:[Cc]ould not|[Cc]ouldn't|[Uu]nable to|[Ff]ailed to|[Cc]annot|[Cc]an't) connect(?:ing)? to/],
  confidence: 0.65,
  title: 'A dependency cannot be reached',
  not: DNS_FAILURE,
};
// A driver's summary that it gave up (MongoServerSelectionError, JDBC's "Communications link failure"):
// it wraps whatever failed underneath, an unresolved name as often as a refusal. MongoDB drivers say it
// in each language: "Server selection timed out after 30000 ms" (Node, Mongoose), ServerSelectionTimeoutError
// (PyMongo), "Timed out after 30000 ms while waiting for a server that matches" (Java), "A timeout occurred
// after 30000ms selecting a server" (.NET), "server selection error" (Go); Elasticsearch and Cassandra
// clients say NoNodeAvailableException, "No living connections", NoHostAvailableException.
const DRIVER_GAVE_UP: Signature = {
  all: [
    /Can't connect to (?:MySQL|local MySQL|MariaDB) server|Communications link failure|Mongo(?:ose)?ServerSelectionError|ServerSelectionTimeoutError|[Ss]erver selection (?:timed out|timeout|error)\b|while waiting for a server that matches|timeout occurred after \d{1,7} ?ms selecting a server|NoNodeAvailableException|No living connections|NoHostAvailableException|NoBrokersAvailable|couldn't connect to server/i,
  ],
  confidence: 0.8,
  title: 'A dependency cannot be reached',
  not: DNS_FAILURE,
};
// Kafka clients that never got a broker to answer: the socket setup timed out ("Disconnecting from node -1
// due to socket connection setup timeout"), the admin client found no node ("Timed out waiting for a node
// assignment"), metadata never arrived ("Topic orders not present in metadata after 60000 ms"), Spring's
// KafkaAdmin gave up ("Timed out waiting to get existing topics"). A default-deny egress policy or a
// listener on the wrong interface reads exactly like this.
const KAFKA_NO_BROKER_ANSWERED: Signature = {
  all: [
    /\bsocket connection setup timeout\b|Timed out waiting (?:for a node assignment|to get existing topics)\b|\bnot present in metadata after \d{1,7} ?ms\b|Timed out waiting for (?:a )?metadata\b/,
  ],
  confidence: 0.76,
  title: 'The Kafka brokers never answered (connection setup or metadata timed out)',
  not: DNS_FAILURE,
};
// Lines that say only that no connection was made, not how it failed.
const GENERIC_CONNECT_FAILURES: readonly Signature[] = [
  GENERIC_CONNECT_FAILURE,
  NO_ENDPOINT_ANSWERED,
  DRIVER_GAVE_UP,
  KAFKA_NO_BROKER_ANSWERED,
];
const NO_CREDENTIAL_TO_CONNECT =
  /\b[Ww]ithout (?:this|a|an|the|your|any) (?:[\w-]{1,20} )?(?:token|api[ _-]?key|secret|credentials?|password)\b/;
const AUTH_REJECTED = /AuthenticationFailed|[Aa]uthentication failed|Bad credentials|[Aa]ccess denied|not authorized/;
// MQTT's CONNACK refusals name a login the broker rejected ("Connection refused: Not authorized", "Connection
// Refused: bad user name or password"): the broker answered, so it is auth_failure's line.
const BROKER_REFUSED_LOGIN =
  /\b[Cc]onnection [Rr]efused:? (?:[Nn]ot [Aa]uthori[sz]ed|[Bb]ad [Uu]ser ?[Nn]ame or [Pp]assword)\b/;

const SIGNATURES: Signature[] = [
  {
    all: [CONNECTION_REFUSED],
    confidence: 0.8,
    title: 'A dependency refused the connection',
    not: DNS_FAILURE,
  },
  {
    all: [/Is the server running on (?:that )?host|accepting TCP\/IP connections/],
    confidence: 0.82,
    title: 'The database refused the connection',
    not: DNS_FAILURE,
  },
  DRIVER_GAVE_UP,
  {
    all: [
      /\bETIMEDOUT\b|[Cc]onnection timed out|connect timed out|i\/o timeout|\bEHOSTUNREACH\b|No route to host|\bENETUNREACH\b|[Nn]etwork is unreachable|\b(?:Host|Network)Unreachable\b/,
    ],
    confidence: 0.75,
    title: 'A dependency cannot be reached (timeout or no route)',
    not: DNS_FAILURE,
  },
  {
    // A connect that timed out, in the words clients use beside the errno: "Connection to amqp://mq:5672
    // timed out" (.NET), "Timed out trying to connect to tcp://scheduler:8786" (Dask), ConnectTimeout
    // (requests, httpx, netty, Apache HttpClient). A resolved address that never answers is typically a
    // NetworkPolicy or firewall dropping packets.
    all: [
      /[Cc]onnect(?:ion|ing)? to [^\s]{1,200} timed out\b|[Tt]imed out (?:trying to connect|connecting|while connecting|waiting to connect) to\b|\bConnectTimeout(?:Error|Exception)?\b|[Cc]onnect(?:ion)? timeout (?:expired|exceeded|reached)\b/,
    ],
    confidence: 0.75,
    title: 'A dependency cannot be reached (the connection timed out)',
    not: DNS_FAILURE,
  },
  NO_ENDPOINT_ANSWERED,
  GENERIC_CONNECT_FAILURE,
  {
    all: [
      /Can't reach database server|could not be established|Broker may not be available|Unable to connect to the database/,
    ],
    confidence: 0.75,
    title: 'A dependency cannot be reached',
    not: DNS_FAILURE,
  },
];

// wait-for scripts give up with their own words; the dependency never accepted a connection.
const SQL_SERVER_UNREACHABLE: Signature = {
  all: [/A network-related or instance-specific error occurred while establishing a connection to SQL Server/],
  confidence: 0.74,
  title: 'SQL Server cannot be reached (not found or not accepting connections)',
};

// A database driver that gave up before the login handshake finished, in its own words rather than the
// errno: ODBC's "Login timeout expired" (HYT00), SqlClient's "Connection Timeout Expired", mssql-jdbc's
// "The TCP/IP connection to the host db, port 1433 has failed", FreeTDS's "Adaptive Server is unavailable
// or does not exist", tedious's "Failed to connect to 10.0.0.5:1433 in 15000ms", Oracle's "TNS:Connect
// timeout occurred" / "TNS:no listener". A firewall dropping the packets reads exactly like this.
const DRIVER_CONNECT_TIMEOUT: Signature = {
  all: [
    /\bLogin timeout expired\b|\bHYT00\b|Connection Timeout Expired\b|The TCP\/IP connection to the host [^\n]{1,200} has failed|Adaptive Server is unavailable or does not exist|Failed to connect to [\w.:[\]-]{1,200} in \d{1,7}ms\b|TNS:(?:[Cc]onnect timeout occurred|no listener)\b/,
  ],
  confidence: 0.74,
  title: 'The database driver could not reach the server (connect or login timeout)',
  not: DNS_FAILURE,
};

// pg_isready in a wait loop: "db.shop.svc:5432 - no response" names a host that never answered (a
// socket path instead of a host, "/var/run/postgresql:5432", means no host was given at all).
const NO_RESPONSE: Signature = {
  all: [/^[\w-]{1,63}(?:\.[\w-]{1,63}){0,10}:\d{1,5} - no response\b/],
  confidence: 0.7,
  title: 'The database never answered the readiness check',
};

const WAIT_TIMEOUT: Signature = {
  all: [
    /timeout occurred after waiting \d{1,5} seconds for |[Tt]imed out waiting for (?:the )?(?:database|db|service|host|dependency)\b|ZooKeeperClientTimeoutException: Timed out waiting for connection/,
  ],
  confidence: 0.74,
  title: 'A wait-for script timed out: the dependency never accepted connections',
};

// A server's own listen address near a connect error is not where the client dialled.
const LISTENING = /\b(?:listen(?:ing|s)?|bound|bind(?:ing)?|serving|started|running) (?:on|at|to)\b/i;

// A URL's user and password are not a host: "postgres://lemmy:password@localhost:5432" names loopback only.
const USERINFO = /:\/\/[^\s/@]{1,200}@/g;
const withoutUserinfo = (lines: readonly LogLine[]): LogLine[] =>
  lines.map((l) => (l.text.includes('@') ? { ...l, text: l.text.replace(USERINFO, '://') } : l));

/**
 * True when the failed connection went to localhost: a matched line names it, or one of the two lines
 * above one does (.NET and Java put "Connect failed: guest@localhost:5672" above the "None of the specified
 * endpoints were reachable" it wraps), or a client's documented default address shows anywhere.
 */
const dialsLocalhost = (ctx: RuleContext, hit: SignatureHit): boolean => {
  if (hit.lines.some((l) => LOCALHOST.test(l.text))) return true;
  if (ctx.log.lines.some((l) => CLIENT_DEFAULT_ADDRESS.test(l.text))) return true;
  const matched = new Set(hit.lines.map((l) => l.line));
  // The client announced a loopback target lines above and the log names no other host.
  if (dialsOnlyLoopback(withoutUserinfo(ctx.log.lines), Math.max(...matched))) return true;
  return ctx.log.lines.some(
    (l) => (matched.has(l.line + 1) || matched.has(l.line + 2)) && LOCALHOST.test(l.text) && !LISTENING.test(l.text),
  );
};

// The loud line a client prints when its retries run out: the warn-level connect errors above it were
// not transient, they were the cause ("cannot create election session: context deadline exceeded").
const GAVE_UP =
  /\bcontext deadline exceeded\b|\bDeadlineExceeded\b|\b(?:retries|attempts) exhausted\b|\bgiving up\b|\bgave up\b|\bmax(?:imum)? retries\b/i;
// The parsed level when the log carried one (the scanner normalises panic, critical and emerg to fatal),
// else the level word anywhere on the line.
const LOUD_LEVEL_WORD = /\b(?:ERROR|FATAL|CRITICAL|PANIC)\b/;
const isLoud = (line: LogLine): boolean =>
  line.level !== undefined ? line.level === 'error' || line.level === 'fatal' : LOUD_LEVEL_WORD.test(line.text);

/**
 * True when the connect errors were only warnings (retries, counted half) and a later error-level line
 * says the client gave up: the retries were the failure, so they count in full.
 */
const gaveUpAfterRetries = (ctx: RuleContext, hit: SignatureHit): boolean => {
  if (hit.confidence >= hit.signature.confidence) return false;
  const last = Math.max(...hit.lines.map((l) => l.line));
  return ctx.log.lines.some((l) => l.line > last && GAVE_UP.test(l.text) && isLoud(l));
};

export const dependencyUnreachable = signatureRule({
  id: 'dependency-unreachable',
  category: 'dependency_unreachable',
  signatures: [
    ...SIGNATURES,
    KAFKA_NO_BROKER_ANSWERED,
    WAIT_TIMEOUT,
    NO_RESPONSE,
    SQL_SERVER_UNREACHABLE,
    DRIVER_CONNECT_TIMEOUT,
    ...HANDSHAKE_SIGNATURES,
  ],
  options: { recoverable: true },
  adjust: (ctx, found) => {
    // A telemetry exporter that cannot reach its collector retries in the background; the app goes on.
    if (found.lines.every((l) => TELEMETRY_ENDPOINT.test(l.text))) return Math.min(found.confidence, 0.3);
    const hit = gaveUpAfterRetries(ctx, found) ? { ...found, confidence: found.signature.confidence } : found;
    // A wait-for script that gives up exits 1; a process killed by a signal (139, 137) died of something else.
    if (hit.signature === WAIT_TIMEOUT && ctx.exitCode !== null && ctx.exitCode > 128)
      return Math.min(hit.confidence, 0.4);
    // A client on its local Unix socket was given no host at all: an unset host variable (missing_env_var
    // reads it), not a dependency that failed to answer.
    if (hit.lines.every((l) => LOCAL_SOCKET.test(l.text))) return Math.min(hit.confidence, 0.55);
    if (hit.signature === NO_ENDPOINT_ANSWERED && AUTH_REJECTED.test(hit.line.text))
      return Math.min(hit.confidence, 0.4);
    if (hit.lines.every((l) => BROKER_REFUSED_LOGIN.test(l.text))) return Math.min(hit.confidence, 0.4);
    // "Without this token I cannot connect to Slack": no connection was tried, a credential is absent.
    if (hit.signature === GENERIC_CONNECT_FAILURE && NO_CREDENTIAL_TO_CONNECT.test(hit.line.text))
      return Math.min(hit.confidence, 0.3);
    const local = dialsLocalhost(ctx, hit);
    // "localhost" inside a pod is the pod itself: the dependency is elsewhere, the address is wrong.
    if (local) return Math.min(hit.confidence, 0.55);
    // "Unable to connect to any cluster" after UnknownHostException: the client never got an address to
    // connect to, so the name that did not resolve is the cause (dns_resolution_failure); these lines
    // say only that no connection was made, not that one was refused or timed out.
    if (GENERIC_CONNECT_FAILURES.includes(hit.signature) && ctx.log.lines.some((l) => DNS_FAILURE.test(l.text)))
      return Math.min(hit.confidence, 0.4);
    // A refusal that names no host may be a client on its built-in default (an unset host variable).
    const refused = hit.lines.some((l) => /refused/i.test(l.text));
    const named = ctx.log.lines.some((l) => namesAddress(l.text));
    return refused && !named ? Math.min(hit.confidence, 0.62) : hit.confidence;
  },
  steps: (ctx, hit) => {
    const local = dialsLocalhost(ctx, hit);
    return [
      ...(local
        ? [
            'The app connects to localhost: inside a pod that is the pod itself; point it at the dependency Service name',
          ]
        : []),
      `Check the dependency's Service and endpoints: kubectl get svc,endpoints -n ${ctx.target.namespace ?? '<namespace>'}`,
      `Check the connection settings the container received: ${kubectl.podSpec(ctx.target, '{.spec.containers[*].env}')}`,
    ];
  },
});
