/** dns_resolution_failure: a dependency's hostname cannot be resolved (wrong or absent Service name). */
import { kubectl } from '../kubectl.ts';
import { type Signature, signatureRule } from './log-helpers.ts';
import type { RuleContext } from '../rule.ts';
import {
  CLOUD_METADATA_HOST,
  DEFAULT_SERVICE_HOST,
  DEFAULTS_IN_USE,
  DNS_FAILURE,
  EMPTY_SERVER_LIST,
  SELF_NOT_AMONG_PEERS,
  SERVER_BIND_PHASE,
  serviceDiedEarlier,
  TELEMETRY_ENDPOINT,
  UNSET_HOST,
  UNSET_HOST_LOOKED_UP,
  ZONE_AS_REGION_ENDPOINT,
} from './network-clues.ts';

// .NET on Linux reports getaddrinfo's EAI_AGAIN as the errno text "Resource temporarily unavailable"
// (SocketException (11), or (00000001, 11)). The same words come from fork or a non-blocking read, so they
// count only when the stack shows the lookup (System.Net.Dns.GetHostAddresses, a DnsEndPoint connect).
const DOTNET_LOOKUP_EAGAIN: Signature = {
  all: [/SocketException \((?:\w{1,10}, )?11\): Resource temporarily unavailable/],
  confidence: 0.78,
  title: 'A dependency host name does not resolve (.NET reports EAI_AGAIN as "Resource temporarily unavailable")',
};
// HttpClient names the host:port it was resolving beside the same errno text, without a Dns frame.
const HTTP_CLIENT_LOOKUP = /HttpRequestException: Resource temporarily unavailable \([\w.-]{1,253}:\d{1,5}\)/;
const HTTP_CLIENT_LOOKUP_EAGAIN: Signature = {
  all: [HTTP_CLIENT_LOOKUP],
  confidence: 0.75,
  title: 'A dependency host name does not resolve (.NET reports EAI_AGAIN as "Resource temporarily unavailable")',
};
const DNS_LOOKUP_FRAME = /\bat System\.Net\.Dns\.|\bDnsConnectAsync\b|\bGetHostAddresses(?:Async)?\(/;
const isLookup = (text: string): boolean => DNS_LOOKUP_FRAME.test(text) || HTTP_CLIENT_LOOKUP.test(text);

// A host that is a literal Kubernetes $(VAR) reference never reached DNS as a name: kubelet left it
// unexpanded because VAR is undefined (missing_env_var owns that reading).
const UNEXPANDED_KUBE_REFERENCE = /\$\([A-Z][A-Z0-9]{0,40}(?:_[A-Z0-9]{1,40}){0,8}\)/;

const SIGNATURES: Signature[] = [
  {
    // nginx (and OpenResty, Angie) resolve every name in the config at start: an upstream, or the DNS
    // server of a `resolver` directive ("host not found in resolver \"kube-dns\"", a short Service name
    // that only resolves in its own namespace).
    all: [/host not found in (?:upstream|resolver)\b/],
    confidence: 0.9,
    title: 'nginx cannot resolve a host name in its config (upstream or resolver)',
  },
  {
    all: [
      /\bENOTFOUND\b|UnknownHostException|: no such host|could not translate host name|Unknown (?:MySQL|MariaDB) server host|Name or service not known|Name does not resolve|nodename nor servname/,
    ],
    confidence: 0.88,
    title: 'A dependency host name does not resolve',
    not: UNEXPANDED_KUBE_REFERENCE,
  },
  {
    all: [
      /[Cc]ould not resolve host|could not resolve address '|[Uu]nable to resolve (?:address|host(?:name)?)\b|No resolvable bootstrap urls given|NameResolutionError|getaddrinfo failed|No address associated with hostname|\bEAI_NONAME\b/,
    ],
    confidence: 0.85,
    title: 'A dependency host name does not resolve',
    not: UNEXPANDED_KUBE_REFERENCE,
  },
  {
    // The BEAM clients (Mint, Finch, Postgrex, hackney, :gen_tcp) print only the reason atom, :nxdomain or
    // "non-existing domain", never the host: a wrong Service name and an image's built-in default host
    // (dialled because the variable with the real URL is unset) read the same, so not confident alone.
    all: [/\bnxdomain\b|non-existing domain/],
    confidence: 0.8,
    title: 'A dependency host name does not resolve',
    not: UNEXPANDED_KUBE_REFERENCE,
  },
  {
    all: [/Temporary failure in name resolution|\bEAI_AGAIN\b|server misbehaving/],
    confidence: 0.75,
    title: 'DNS lookups fail (temporary failure in name resolution)',
  },
  {
    // .NET on Windows and in Npgsql/SqlClient messages: "No such host is known" (WSAHOST_NOT_FOUND).
    all: [/No such host is known/],
    confidence: 0.88,
    title: 'A dependency host name does not resolve',
  },
  {
    // A host named in a config that the program resolves while it compiles or loads it: Varnish's VCC
    // ("Backend host \"api\": could not be resolved to an IP address!"), HAProxy and Squid in the same
    // words ("could not resolve address", "host ... could not be resolved").
    all: [
      /could not be resolved to an? (?:IP )?address|\b(?:[Hh]ost(?:name)?|[Aa]ddress) ["'`]?[\w.-]{1,253}["'`]?:? could not be resolved\b/,
    ],
    confidence: 0.86,
    title: 'A host name in the config does not resolve',
  },
  {
    // gRPC's DNS resolver found no address for the target (NXDOMAIN): grpc-go says "name resolver error:
    // produced zero addresses", grpc-core "DNS resolution failed for <target>".
    all: [/produced zero addresses|name resolver error|DNS resolution failed for\b/],
    confidence: 0.84,
    title: 'A gRPC target name does not resolve (the resolver produced no address)',
  },
  {
    // Ruby raises SocketError (Socket::ResolutionError since 3.3) when getaddrinfo finds no address; client
    // gems that wrap it print only the class: redis-rb's "Error connecting to Redis on redis:6379
    // (SocketError)", Net::HTTP's and Faraday's "... (SocketError)". A refused or reset connection is an
    // Errno:: class instead, so the class name alone is the lookup failing.
    all: [/\((?:SocketError|Socket::ResolutionError)\)/],
    confidence: 0.78,
    title: 'A dependency host name does not resolve (Ruby SocketError)',
  },
  {
    // Runtimes that print the resolver's error kind instead of a sentence: Zig's std.net
    // (error.UnknownHostName from getAddressList), .NET's SocketError.HostNotFound, Crystal's
    // Socket::Addrinfo::Error ("Hostname lookup for api failed"), c-ares' ARES_ENOTFOUND text, SwiftNIO's
    // SocketAddressError.unknown(host:port:) (Vapor, RediStack, AsyncHTTPClient, inside a NIOConnectionError
    // whose dnsAError/dnsAAAAError carry it).
    all: [
      /\bUnknownHostName\b|\bHostNotFound\b|\bHostname lookup for [\w.-]{1,253} failed\b|\bDomain name not found\b|\bSocketAddressError\.unknown\(host:|\bdnsA(?:AAA)?Error: Optional\(/,
    ],
    confidence: 0.86,
    title: 'A dependency host name does not resolve',
    not: UNEXPANDED_KUBE_REFERENCE,
  },
  {
    // Zig's resolver when the DNS server itself fails (error.NameServerFailure, TemporaryNameServerFailure):
    // a lookup failing, though not necessarily a wrong name.
    all: [/\b(?:Temporary)?NameServerFailure\b/],
    confidence: 0.75,
    title: 'DNS lookups fail (the name server failed to answer)',
  },
  {
    // A client that names the role of the host it was given (master, server, broker, endpoint) and says the
    // name did not resolve: Salt minion "Master address: 'salt-master.saltstack.svc.cluster.local' could not
    // be resolved. Invalid or unresolveable address", "Broker host "kafka-0.kafka" could not be resolved",
    // "unresolvable host redis.cache.svc", "DNS lookup of 'x' failed". A Service moved to another
    // namespace while the config kept its old FQDN reads this way. A variable, module or placeholder that
    // "could not be resolved" is not a host (the role word keeps them out).
    all: [
      /\b(?:[Hh]ost(?:name)?|[Aa]ddress|[Ss]erver|[Mm]aster|[Ee]ndpoint|[Bb]roker|[Uu]pstream|[Bb]ackend|[Pp]eer|[Rr]emote)(?: name)?:? ["'`‘][\w.-]{1,253}["'`’]:? (?:could not|couldn't|cannot|can't) be resolved\b|\b[Uu]nresolv(?:e)?able (?:address|host(?:name)?|domain)\b|\bDNS lookup (?:or [\w ]{1,40} )?(?:of|for) ['"`‘]?[\w.-]{1,253}['"`’]? failed\b/,
    ],
    confidence: 0.84,
    title: 'A host name in the config does not resolve (a Service renamed or moved to another namespace?)',
    not: UNEXPANDED_KUBE_REFERENCE,
  },
  {
    // A client that says the address it was given "is not resolvable" or holds it unresolved: ZooKeeper's
    // (Curator, Kafka, Druid, HBase, Solr) "Unable to canonicalize address zookeeper:2181 because it's not
    // resolvable", "host 'redis-master' is not resolvable", Java NIO's UnresolvedAddressException (a connect to
    // an InetSocketAddress whose lookup failed). The connection loss or timeout printed after it is the consequence.
    all: [
      /\b(?:[Hh]ost(?:name)?|[Aa]ddress|[Ss]erver|[Bb]roker|[Ee]ndpoint|[Pp]eer)(?: name)?:? ['"`‘]?[\w.-]{1,253}(?::\d{1,5})?['"`’]?,? (?:because (?:it's|it is|it was) |(?:is|was) )?(?:not resolvable|unresolvable)\b|\bUnresolvedAddressException\b/,
    ],
    confidence: 0.84,
    title: 'A dependency host name does not resolve (the client reports the address as not resolvable)',
    not: UNEXPANDED_KUBE_REFERENCE,
  },
  DOTNET_LOOKUP_EAGAIN,
  HTTP_CLIENT_LOOKUP_EAGAIN,
  { all: [DNS_FAILURE], confidence: 0.7, title: 'A dependency host name does not resolve' },
];

// Where each runtime names the host it could not resolve; bounded quantifiers keep every search linear.
const HOST = [
  /\b(?:ENOTFOUND|EAI_AGAIN|EAI_NONAME) ([\w.-]{1,253})/,
  /UnknownHostException: ([\w.-]{1,253})/,
  /\blookup ([\w.-]{1,253})(?: on [\d.:[\]a-f]{1,60})?: (?:no such host|server misbehaving|Temporary failure|read udp)/,
  /host name "([\w.-]{1,253})"/,
  /in upstream "([\w.-]{1,253})/,
  /server host '([\w.-]{1,253})'/,
  /[Cc]ould not resolve host:? ['"]?([\w.-]{1,253})/,
  /Failed to resolve ['"]([\w.-]{1,253})['"]/,
  /getaddrinfo for ([\w.-]{1,253}) failed/,
  /getaddrinfo\(['"]?([\w.-]{1,253})['"]?\) failed/,
  /Hostname lookup for ([\w.-]{1,253}) failed/,
  /(?:[Aa]ddress|[Ss]erver|[Mm]aster|[Ee]ndpoint|[Bb]roker):? ["'`‘]([\w.-]{1,253})["'`’]:? (?:could not|cannot) be resolved/,
  /\bDNS lookup (?:or [\w ]{1,40} )?(?:of|for) ['"`‘]?([\w.-]{1,253})['"`’]? failed/,
  /(?:[Aa]ddress|[Hh]ost(?:name)?|[Ss]erver):? ['"`‘]?([\w.-]{1,253})(?::\d{1,5})?['"`’]?,? (?:because (?:it's|it is|it was) |(?:is|was) )?not resolvable/,
  /SocketAddressError\.unknown\(host: "([\w.-]{1,253})"/,
  /(?:No such host is known|Resource temporarily unavailable)\.? \(([\w.-]{1,253}):\d{1,5}\)/,
  /^([\w.-]{1,253}): (?:Name or service not known|Name does not resolve|Temporary failure in name resolution)/,
];
// A host name, not an IP address or a bare number (the resolver failed on a name).
const HOST_NAME = /^[A-Za-z0-9][\w-]{0,62}(?:\.[\w-]{1,63}){0,10}\.?$/;

/** The host the failing line names, when it names one. */
export const hostIn = (text: string): string | undefined => {
  const host = HOST.map((pattern) => pattern.exec(text)?.[1]).find((h) => h !== undefined);
  return host !== undefined && HOST_NAME.test(host) && /[A-Za-z]/.test(host) ? host : undefined;
};

/** True when a line after `lineNumber` says the clustered server found itself nowhere among its peers. */
const peerSearchFailedAfter = (ctx: RuleContext, lineNumber: number): boolean =>
  ctx.log.lines.some((l) => l.line > lineNumber && SELF_NOT_AMONG_PEERS.test(l.text));

/** True when one of the few lines above `lineNumber` is a server's own start-up, just before it binds. */
const boundRightAfterStartup = (ctx: RuleContext, lineNumber: number): boolean =>
  ctx.log.lines.some((l) => l.line < lineNumber && l.line >= lineNumber - 3 && SERVER_BIND_PHASE.test(l.text));

export const dnsResolutionFailure = signatureRule({
  id: 'dns-resolution-failure',
  category: 'dns_resolution_failure',
  signatures: SIGNATURES,
  options: { recoverable: true },
  adjust: (ctx, hit) => {
    if (hit.signature === DOTNET_LOOKUP_EAGAIN && !ctx.log.lines.some((l) => isLookup(l.text))) return 0;
    // Nothing to resolve: the host is a placeholder or empty, or the client printed its server list empty
    // (Kafka's "No resolvable bootstrap urls given" after `bootstrap.servers = []`). The variable that
    // should name the host was never set, so this reading steps back behind missing_env_var.
    // A name looked up as None/undefined/null is no name at all: an alternative at most.
    if (UNSET_HOST_LOOKED_UP.test(hit.line.text)) return Math.min(hit.confidence, 0.4);
    if (UNSET_HOST.test(hit.line.text) || ctx.log.lines.some((l) => EMPTY_SERVER_LIST.test(l.text)))
      return Math.min(hit.confidence, 0.5);
    // The cloud metadata server does not exist outside its cloud: an SDK went there because no credentials
    // variable was set (missing_env_var reads it), not because a Service name is wrong.
    if (CLOUD_METADATA_HOST.test(hit.line.text)) return Math.min(hit.confidence, 0.45);
    // A cloud endpoint built from a zone where the region belongs: the region setting is malformed, the
    // name does not exist anywhere, so the lookup failing is a symptom and not a confident answer.
    if (ZONE_AS_REGION_ENDPOINT.test(hit.line.text)) return Math.min(hit.confidence, 0.6);
    // A telemetry exporter that cannot resolve its collector retries in the background and never stops the
    // app: when every unresolved line is about such an endpoint, the crash is elsewhere.
    if (hit.lines.every((l) => TELEMETRY_ENDPOINT.test(l.text))) return Math.min(hit.confidence, 0.3);
    const host = hostIn(hit.line.text) ?? '';
    // Peer names retried at INFO, then the server gave up finding itself among them: the peers' names
    // never existed (a StatefulSet's serviceName differs from the headless Service), so the quiet lines
    // carry the cause at full weight although the fatal line blames the command line.
    if (hit.line.line > 0 && host !== '' && peerSearchFailedAfter(ctx, hit.line.line)) return 0.9;
    // A resolver error that names no host, printed as the server is about to bind: the server's own
    // --host/--bind value (a port glued on, "0.0.0.0:8000") did not resolve, a command-line mistake.
    if (host === '' && boundRightAfterStartup(ctx, hit.line.line)) return Math.min(hit.confidence, 0.5);
    if (serviceDiedEarlier(ctx.log.lines, host)) return Math.min(hit.confidence, 0.4);
    // A bare product name (mysql, redis, db) is often an image's built-in default: the variable that
    // should name the real host may be unset, so the name alone is not a confident answer.
    if (!DEFAULT_SERVICE_HOST.test(host)) return hit.confidence;
    // The app said it runs on its defaults: the default name was dialled because nothing else was set.
    return Math.min(hit.confidence, ctx.log.lines.some((l) => DEFAULTS_IN_USE.test(l.text)) ? 0.6 : 0.78);
  },
  steps: (ctx, hit) => [
    `Check that the Service exists in the namespace: kubectl get svc -n ${ctx.target.namespace ?? '<namespace>'}`,
    `Resolve the name from inside the pod: ${kubectl.exec(ctx.target, `nslookup ${hostIn(hit.line.text) ?? '<host>'}`)}`,
    'Use the Service name (name.namespace.svc.cluster.local); host.docker.internal and compose service names do not exist in Kubernetes',
  ],
});
