/**
 * How a connection failed, in any runtime's words, for the rules that weigh the same line differently
 * (not a rule itself): a refusal on localhost is dependency_unreachable's line and, when a host variable
 * is unset, missing_env_var's reading too; a name that does not resolve is dns_resolution_failure's.
 */
import type { LogLine } from '../types.ts';

/**
 * "localhost" inside a pod is the pod itself: the dependency is elsewhere. Node 17+ resolves localhost
 * to IPv6 first and prints the loopback bare before its port ("connect ECONNREFUSED ::1:5672").
 */
export const LOCALHOST = /\b127\.0\.0\.1\b|\blocalhost\b|\[::1\]|"::1"|'::1'|(?<![\w:])::1:\d{1,5}\b|\b0\.0\.0\.0:\d/;

/**
 * 0.0.0.0 as the address a client dials: a listen-everywhere address, never where a dependency lives.
 * Images put it in their defaults ("BOOTSTRAP_SERVERS=0.0.0.0:9092") for when the variable is unset.
 */
export const ANY_ADDRESS_TARGET = /(?<![\d.])0\.0\.0\.0:\d{1,5}\b/;

/**
 * A refused connection in any runtime's words: the errno, its message, Bun's and Rust's error kind
 * (code: "ConnectionRefused"), asyncpg's "Connect call failed", .NET's "actively refused it" and
 * Erlang's :econnrefused.
 */
export const CONNECTION_REFUSED =
  /\bECONNREFUSED\b|[Cc]onnection refused|Errno 111\b|errno:? ?111\b|Error 111 connecting|\bConnectionRefused(?:Error)?\b|Connect call failed|actively refused it|:econnrefused\b/;

/** A client that could not connect, however it failed (refused, timed out, never established). */
export const CONNECT_FAILURE =
  /\bECONNREFUSED\b|[Cc]onnection refused|\bETIMEDOUT\b|could not be established|(?:[Cc]ould not|[Cc]ouldn't|[Uu]nable to|[Ff]ailed to|[Cc]an't|[Cc]annot) connect|[Tt]imed out (?:trying to connect|connecting|waiting for connection)|[Cc]onnect(?:ion)? timed out|Broker may not be available/;

/**
 * A database client on its local Unix socket (libpq's .s.PGSQL.5432, MySQL's mysqld.sock, PHP's
 * [2002]): with no host given, clients fall back to a socket that a container without the server has not.
 * libpq before 14 prints the errno and the socket path on separate lines ("could not connect to server:
 * No such file or directory" / "connections on Unix domain socket ..."): only a socket gives ENOENT there,
 * a TCP host says "Connection refused" or "could not translate host name".
 */
export const LOCAL_SOCKET =
  /\.s\.PGSQL\.\d{1,5}"?:? (?:failed: |connect: )?[Nn]o such file or directory|\bcould not connect to server: [Nn]o such file or directory|Can't connect to local (?:MySQL |MariaDB )?server through socket|SQLSTATE\[HY000\] \[2002\] No such file or directory/;

/**
 * host:port, a URL with a host, or "host=..." anywhere in the log: the client said where it connected.
 * A clock ("08:20:00.100") is not host:port: the host must end in a letter or be a dotted IPv4 address.
 */
export const NAMED_ADDRESS =
  /(?:[A-Za-z]|\d\.\d{1,3}|\]):\d{2,5}\b|`[\w.-]{2,253}`:`\d{2,5}`|:\/\/[\w.-]{1,253}|\bhost[ =:]{1,3}["']?[\w.-]{2,253}|\bserver at "?[\w.-]{2,253}/i;

/**
 * A stack frame's source location, which reads like host:port: "Connection.php:825", "(node:net:1555:16)",
 * "main.go:42". A host:port is never followed by a column and never ends in a source file's extension.
 */
const SOURCE_LOCATION =
  /\.(?:php|js|mjs|cjs|jsx|ts|tsx|py|go|java|kt|kts|rb|cs|scala|ex|exs|erl|cpp|swift|lua|groovy|dart)(?::\d{1,6}){1,2}\b|:\d{1,6}:\d{1,6}\b/g;
// A numbered frame of a PHP/Collision or Ruby trace printed alone ("  42  artisan:13").
const NUMBERED_FRAME = /^\s{0,12}\d{1,4}\s{1,8}[\w./\\-]{1,200}:\d{1,6}\s{0,8}$/;

/** True when a line names where a client connected (NAMED_ADDRESS), not counting stack frames' file:line. */
export const namesAddress = (text: string): boolean =>
  !NUMBERED_FRAME.test(text) && NAMED_ADDRESS.test(text.replace(SOURCE_LOCATION, ''));

/**
 * The failing container runs a schema migration (an init container or a Job running "migrate"): the log or
 * the kubelet's events name it. That step is where a host variable most often goes missing: the env or
 * envFrom was given to the app container and not copied to it, so its client dials its built-in default.
 */
const MIGRATION_STEP = /\bmigrat(?:e|es|ing|ions?)\b|\binit[-_ ]containers?\b/i;
export const runsMigrationStep = (logLines: readonly LogLine[], eventMessages: readonly string[]): boolean =>
  logLines.some((l) => MIGRATION_STEP.test(l.text)) || eventMessages.some((m) => MIGRATION_STEP.test(m));

/** Name-resolution failures in any runtime: dependency_unreachable leaves these lines to dns_resolution_failure. */
export const DNS_FAILURE =
  /\bENOTFOUND\b|\bEAI_AGAIN\b|\bEAI_NONAME\b|Name or service not known|nodename nor servname|Temporary failure in name resolution|could not translate host name|: no such host|No such host is known|UnknownHostException|host not found in (?:upstream|resolver)\b|Unknown (?:MySQL|MariaDB) server host|[Cc]ould not resolve host|Name does not resolve|NameResolutionError|getaddrinfo failed|Failed to resolve|failed to lookup address information|server misbehaving|No address associated with hostname|Host not found|[Uu]nknown host(?! key)|name resolution failed|DNS resolution failed|could not resolve address '|[Uu]nable to resolve (?:address|host(?:name)?)\b|[Cc]annot resolve (?:address|host(?:name)?)\b|\blookup [\w.-]{1,253} on [\d.]{7,15}:53\b|could not be resolved to an? (?:IP )?address|\b(?:[Hh]ost(?:name)?|[Aa]ddress) ["'`]?[\w.-]{1,253}["'`]?:? could not be resolved\b|produced zero addresses|name resolver error|\bUnknownHostName\b|\bHostNotFound\b|\bHostname lookup for [\w.-]{1,253} failed\b|\b(?:Temporary)?NameServerFailure\b/;

/**
 * The address a client CLI falls back to when its address variable is unset: HashiCorp's VAULT_ADDR
 * (127.0.0.1:8200), CONSUL_HTTP_ADDR (:8500) and NOMAD_ADDR (:4646), Temporal SDKs' HostPort (:7233, on
 * [::1] too when localhost resolves to IPv6 first), NATS clients' DefaultURL (nats://127.0.0.1:4222), kubectl without a kubeconfig
 * ("The connection to the server localhost:8080 was refused"), Celery/kombu without a broker URL
 * (amqp://guest:**@localhost:5672//, the guest account RabbitMQ only admits from its own host, so nobody
 * writes it for a remote broker; MassTransit and the Java and .NET clients print it as guest@localhost:5672).
 * In a pod, nothing serves these locally.
 */
export const CLIENT_DEFAULT_ADDRESS =
  /(?:\b127\.0\.0\.1|\blocalhost|\[::1\]):(?:8200|8500|4646|7233|4222)\b|[Tt]he connection to the server localhost:8080 was refused|\bamqps?:\/\/guest:(?:\*\*|guest)?@(?:localhost|127\.0\.0\.1|\[::1\]):5672\/\/|\bguest(?::(?:\*{2,8}|guest))?@(?:localhost|127\.0\.0\.1|\[::1\])(?::5672)?(?![\w.-])/;

/**
 * A list of servers printed empty (`bootstrap.servers = []`, `"hosts": []`), or a host that is still a
 * placeholder (`${KAFKA_BROKERS}`) or nothing before its port (`"":9092`, ` :9092`), or the string an unset
 * lookup prints as (`redis://None:6379`, `undefined:5432`, `<nil>:4222`, from an f-string or template on
 * os.getenv / process.env): a resolver error on it is a variable that was never set, not a wrong name.
 */
export const EMPTY_SERVER_LIST =
  /\b(?:bootstrap[._-]servers|brokers|broker[._-]list|seeds|contact[._-]points|cluster[._-]nodes|servers|hosts)["']? ?[=:] ?\[ ?\](?![^\s,;])/i;
export const UNSET_HOST =
  /\$\{[A-Za-z_][\w.:-]{0,80}\}|\$[A-Z][A-Z0-9_]{2,60}\b|["'[(]:\d{2,5}\b|(?:^|[\s=])["']{2}:\d{2,5}\b|(?:^|[\s=@'"(]|:\/\/)(?:None|undefined|null|nil|<nil>):\d{2,5}\b/;

/** The same string as the name a resolver was asked for: libpq's 'could not translate host name "None"',
 * Node's "ENOTFOUND undefined", Go's "lookup null on ...". No Service is named that: the host is unset. */
export const UNSET_HOST_LOOKED_UP =
  /\b(?:host ?name|server host|ENOTFOUND|lookup|resolve host:?) ["'`]?(?:None|undefined|null|nil|<nil>)["'`]?(?![\w.-])/;

/**
 * A cloud's instance metadata server: GCE's metadata.google.internal, the link-local IMDS address
 * (169.254.169.254, AWS/Azure/GCP alike), ECS's task credentials endpoint (169.254.170.2). SDKs reach
 * it only when no credentials variable was set; outside that cloud it never resolves or answers, so a
 * failed lookup of it is a missing setting, not a Service name that does not exist.
 */
export const CLOUD_METADATA_HOST =
  /\bmetadata\.google\.internal\b|\b169\.254\.169\.254\b|\b169\.254\.170\.2\b|\binstance-data\.ec2\.internal\b|\bIMDS\b|\bmetadata server\b/;

/**
 * A cloud endpoint built from an availability zone where the region belongs (sqs.us-east-1a.amazonaws.com,
 * s3.eu-west-1b.amazonaws.com): the host does not resolve because the region setting is malformed.
 */
export const ZONE_AS_REGION_ENDPOINT = /\.[a-z]{2}(?:-gov)?-[a-z]{4,10}-\d{1,2}[a-z]\.amazonaws\.com\b/;

/** Host names images fall back to when their host variable is unset: a bare product or role name. */
export const DEFAULT_SERVICE_HOST =
  /^(?:mysql|mariadb|postgres|postgresql|db|database|redis|mongo|mongodb|rabbitmq|kafka|elasticsearch|memcached|broker)$/;

/**
 * The app says it runs on its built-in defaults ("No custom config.js found, loading config.default.js",
 * "no config file found, using defaults", "falling back to default settings"): every address it then
 * dials is the image's default, so a failure to reach it means the setting was never given.
 */
export const DEFAULTS_IN_USE =
  /\b[Nn]o (?:custom |user )?(?:config(?:uration)?|settings)(?: file)?(?: [\w.-]{1,40})? (?:found|provided|given|present)\b[^\n]{0,60}\b(?:load|us|fall)ing[^\n]{0,30}\bdefaults?\b|\bconfig\.default\.(?:js|json|ya?ml|toml)\b|\b(?:[Uu]sing|[Ll]oading|[Ff]alling back to) (?:the )?(?:built-in |default )?(?:default (?:config(?:uration)?|settings|connection|host|url|uri)|defaults)\b/;

/**
 * A telemetry exporter's own endpoint: an OpenTelemetry collector (OTLP on :4317/:4318, /v1/traces), Jaeger,
 * Zipkin, statsd, the Datadog agent. An exporter that cannot resolve or reach its collector logs loudly and
 * retries in the background; it does not stop the app, so such a line is a red herring, not the cause.
 */
export const TELEMETRY_ENDPOINT =
  /\botel[-_]?collector\b|\bopentelemetry[-_]collector\b|\bOTLP\b|\botlp\b|:431[78]\b|\/v1\/(?:traces|metrics|logs)\b|\bjaeger\b|\bzipkin\b|\bstatsd\b|\bdatadog[-_]agent\b|\bdd[-_]agent\b|\bfailed to (?:upload|export|send|push) (?:metrics|traces|spans|logs)\b|\b(?:metrics|traces?|spans?) export(?:er)? (?:failed|error)\b/;

/**
 * The lines a Python ASGI/WSGI server prints just before it binds its own socket ("Application startup
 * complete", "Started server process"). A resolver error that names no host right after them is the
 * server's own --host/--bind value failing to resolve, not a dependency's name.
 */
export const SERVER_BIND_PHASE =
  /\bApplication startup complete\b|\bStarted server process\b|\bWaiting for application startup\b|\bBooting worker with pid\b|\bStarting gunicorn\b/;

// Compose and supervisors say when a service's container stopped: "mongo exited with code 1".
const EXITED = /^([\w.-]{1,80}) exited with code [1-9]\d{0,2}\s*$/;

/**
 * True when the log shows the container behind an unresolved name dying first: the name stopped
 * resolving because that container stopped, so its own failure (higher up) is the cause.
 */
export const serviceDiedEarlier = (lines: readonly LogLine[], host: string): boolean => {
  if (host === '') return false;
  const service = host.split('.')[0]!.toLowerCase();
  return lines.some((l) => {
    const name = EXITED.exec(l.text.trim())?.[1]?.toLowerCase();
    return name !== undefined && (name === service || name.startsWith(`${service}_`) || name.startsWith(`${service}-`));
  });
};

// A client announcing where it dials, or a pool marking a node failed: "Connecting to server:
// http://localhost:8080/execution/", "Node <Urllib3HttpNode(http://localhost:9200)> has failed". A server's
// own listen address ("listening on 127.0.0.1:8080") is not where a client dialled.
const DIAL_ANNOUNCEMENT =
  /\b(?:[Cc]onnect(?:ing|ed)? to|[Cc]onnection to|[Dd]ial(?:ing|led)?|[Rr]econnect(?:ing)?|[Rr]etrying|has failed|[Uu]nreachable)\b/;
const OWN_LISTEN_ADDRESS = /\b(?:listen(?:ing|s)?|bound|bind(?:ing)?|serving|started|running) (?:on|at|to)\b/i;

/**
 * True when a line up to `last` says the client dials loopback: the refusal that names no address (an
 * httpx ConnectError, "[Errno 111] Connection refused") went there, several lines below the announcement.
 * Inside a pod that is the pod itself: a wrong address, or a host variable unset leaving the default.
 */
const announcedLoopbackDial = (lines: readonly LogLine[], last: number): boolean =>
  lines.some(
    (l) =>
      l.line <= last && LOCALHOST.test(l.text) && DIAL_ANNOUNCEMENT.test(l.text) && !OWN_LISTEN_ADDRESS.test(l.text),
  );

// The loopback names, stripped from a line before asking whether it names another host.
const LOOPBACK_NAMES = /\b127\.0\.0\.1\b|\blocalhost\b|\[::1\]|\b0\.0\.0\.0\b/g;
/** True when a line names a host that is not loopback: the failed dial may have gone there instead. */
const namesRemoteAddress = (lines: readonly LogLine[]): boolean =>
  lines.some((l) => namesAddress(l.text.replace(LOOPBACK_NAMES, '')));

/** True when the log dials loopback and names no other host: the refusal went to the pod itself. */
export const dialsOnlyLoopback = (lines: readonly LogLine[], last: number): boolean =>
  announcedLoopbackDial(lines, last) && !namesRemoteAddress(lines);

/**
 * A clustered server that looks for itself among the peer addresses it was given, and found none: MinIO's
 * "no endpoint pointing to the local machine is found", etcd's "couldn't find local name ... in the initial
 * cluster configuration", ZooKeeper's "My id 1 not in the peer list", CockroachDB and Consul "could not find
 * this node among the join addresses". When the peers' names did not resolve just before (logged as INFO
 * retries), the per-pod names (a StatefulSet's <pod>.<headless Service>) do not exist: a DNS failure,
 * though the fatal line blames the command line or the config.
 */
export const SELF_NOT_AMONG_PEERS =
  /\bno endpoint pointing to the local machine\b|\b(?:couldn't|could not|cannot|can't|unable to|failed to) find (?:the )?(?:local (?:name|node|member|endpoint|address)|this node|itself|self)\b[^\n]{0,80}\b(?:cluster|peers?|members?|endpoints?|join|seeds?)\b|\bMy id \d{1,5} not in the peer list\b|\blocal (?:node|member|endpoint) (?:is )?not (?:found )?in (?:the )?(?:peer|member|endpoint|cluster)/i;
