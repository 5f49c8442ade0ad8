/**
 * missing_env_var read from a host name that arrived empty (not a rule itself: the missing-env-var rule
 * imports these). A start script that interpolates an unset variable into a node name or a generated
 * config leaves a hole where the host belongs: an Erlang node "app@" with nothing after the @, a Redis
 * or Sentinel config line with two spaces where an argument was. A host written wrong by hand is still
 * there to read (bad_config); an empty one is a variable that was not set.
 */
import type { RuleContext } from '../rule.ts';
import type { Signature, SignatureHit } from './log-helpers.ts';
import { CONNECTION_REFUSED, DNS_FAILURE, LOCALHOST, UNSET_HOST_LOOKED_UP } from './network-clues.ts';

// Erlang's net_kernel prints "** Hostname %s is illegal **": with the host empty (RELEASE_NODE=app@${POD_IP}
// and POD_IP unset) the name leaves two spaces. The node name itself shows the same hole: 'app@'.
const ERLANG_EMPTY_NODE_HOST: Signature = {
  all: [/\*\* Hostname {2}is illegal \*\*|\bname => '[\w.-]{1,100}@'[,}\s]/],
  confidence: 0.82,
  title: 'The Erlang node name has an empty host: the variable it is built from (POD_IP, HOSTNAME) is not set',
};

// Redis and Sentinel quote the config line they reject (">>> 'sentinel monitor mymaster  6379 2'"). Two
// spaces between words of a generated line are an argument that expanded to nothing.
const QUOTED_CONFIG_LINE_WITH_HOLE: Signature = {
  all: [/^>>> '[^'\n]{1,300}'/, /\S {2}\S/],
  confidence: 0.6,
  title: 'A generated config line lost an argument: the variable interpolated there is not set',
};

// A shell trace of an assignment that came out empty ("+ MASTER_HOST="): the script read an unset variable.
const EMPTY_ASSIGNMENT_TRACE = /^\+{1,4} [A-Z][A-Z0-9_]{0,60}=(?:''|"")?\s*$/;

// A server refused its privileged default port (Go's ListenAndServe("") falls back to :80, Node's listen()
// on an unset PORT in some frameworks to 80/443) by a non-root user. Alone it is permission_denied (a port
// chosen below 1024); it is an unset variable only when the log printed the listen setting empty just
// before, and that is weighed in weighEmptyHost.
const PRIVILEGED_DEFAULT_PORT_REFUSED: Signature = {
  all: [
    /\blisten tcp[46]? (?:0\.0\.0\.0|\[::\])?:(?:80|443|http|https): bind: permission denied|\blisten EACCES:? (?:permission denied )?(?:0\.0\.0\.0|::)?:(?:80|443)\b/,
  ],
  confidence: 0.5,
  title: 'The server fell back to a privileged default port: the variable with its listen address is not set',
};

// A structured or key=value log line that printed the listen setting empty ("listen":"", addr="").
const EMPTY_LISTEN_SETTING =
  /["'][\w-]{0,20}(?:listen|addr|address|port|bind)[\w-]{0,20}["'] ?[:=] ?(?:""|'')|\b(?:listen|addr|address|port|bind)[\w-]{0,20}=(?:""|''|\s|$)/i;

// A connection URL printed with its scheme and nothing where the host belongs: a config dump or settings
// line with "redis_queue": "redis://", REDIS_URL=redis://:6379, "amqp://" or "postgres:///db". The value was
// built as "redis://$HOST" (a configurator Job, an entrypoint, a template) with the variable unset; the
// client then falls back to localhost. A URL with a host, even a wrong one, is not this.
const BARE_SCHEME_URL_SETTING: Signature = {
  all: [
    /["'][\w.-]{1,60}["'] ?[:=] ?["'](?:redis|rediss|valkey|postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|amqps?|nats|kafka|memcached?|ldaps?|https?|tcp|smtp):\/\/(?::\d{1,5})?(?:\/[\w-]{0,60})?["']|\b[A-Za-z]\w{1,60}=["']?(?:redis|rediss|valkey|postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|amqps?|nats|kafka|memcached?|ldaps?|https?|tcp|smtp):\/\/(?::\d{1,5})?(?:\/[\w-]{0,60})?(?:["',;]|\s|$)/,
  ],
  confidence: 0.5,
  title: 'A connection URL has a scheme and no host: the variable interpolated after "://" is not set',
  // Settings are printed at info level: the printed value is the evidence, whatever the level.
  warningIsEvidence: true,
};

/** The hole in a generated config line counts fully when the trace shows the variable came out empty. */
export const weighEmptyHost = (ctx: RuleContext, hit: SignatureHit): number | undefined => {
  if (hit.signature === PRIVILEGED_DEFAULT_PORT_REFUSED)
    return ctx.log.lines.some((l) => l.line <= hit.line.line && EMPTY_LISTEN_SETTING.test(l.text)) ? 0.92 : 0;
  // The hostless URL is the cause when the client then dialled localhost and was refused (its default).
  if (hit.signature === BARE_SCHEME_URL_SETTING)
    return ctx.log.lines.some(
      (l) => l.line > hit.line.line && CONNECTION_REFUSED.test(l.text) && LOCALHOST.test(l.text),
    )
      ? 0.72
      : hit.confidence;
  if (hit.signature !== QUOTED_CONFIG_LINE_WITH_HOLE) return undefined;
  return ctx.log.lines.some((l) => l.line < hit.line.line && EMPTY_ASSIGNMENT_TRACE.test(l.text))
    ? 0.84
    : hit.confidence;
};

// A client that dialled a host printed as None/undefined/null: redis-py's "Error 111 connecting to
// None:6379", "could not connect to undefined:5432", "dial tcp <nil>:4222". The host came from
// os.getenv / process.env on a variable that is not set (a resolver then falls back to loopback, hence the
// refusal); a host written wrong by hand would be a name.
const UNSET_HOST_IN_DIAL: Signature = {
  all: [
    /\b(?:[Cc]onnecting|[Cc]onnect|[Cc]onnection|[Dd]ial(?:ing)?(?: tcp| udp)?) to ['"]?(?:None|undefined|null|<nil>)['"]?:\d{1,5}\b|\bdial tcp (?:None|undefined|null|<nil>):\d{1,5}\b/,
  ],
  confidence: 0.86,
  title: 'The client dialled host None/undefined: the variable that holds the host is not set',
};

// A resolver asked for the name None/undefined/null: libpq's 'could not translate host name "None" to
// address', MySQL's "Unknown MySQL server host 'None'", Node's "getaddrinfo ENOTFOUND undefined", Go's
// "lookup null on 10.96.0.10:53". The host was an f-string or template over an unset lookup; a Service
// name that does not exist would be a name (dns_resolution_failure steps back on the same words).
const UNSET_HOST_NAME_RESOLVED: Signature = {
  all: [DNS_FAILURE, UNSET_HOST_LOOKED_UP],
  confidence: 0.9,
  title: 'The host name looked up was None/undefined: the variable that holds the host is not set',
};

// A path that arrived empty: Go's "open : no such file or directory" (os.Open("") of os.Getenv unset, a
// TLS keypair loaded from "" paths), "stat : no such file", Python's "No such file or directory: ''". A
// wrong path would be printed; an empty one is a variable that was not set (or a config key left blank).
const EMPTY_PATH_OPENED: Signature = {
  all: [/\b(?:open|stat|lstat|read|readlink) : no such file or directory\b|\bNo such file or directory: ''/],
  confidence: 0.8,
  title: 'A file was opened at an empty path: the variable that names it is not set',
};

export const EMPTY_HOST_SIGNATURES: readonly Signature[] = [
  ERLANG_EMPTY_NODE_HOST,
  QUOTED_CONFIG_LINE_WITH_HOLE,
  UNSET_HOST_IN_DIAL,
  UNSET_HOST_NAME_RESOLVED,
  PRIVILEGED_DEFAULT_PORT_REFUSED,
  EMPTY_PATH_OPENED,
  BARE_SCHEME_URL_SETTING,
];
