/** port_in_use: the listen port is already bound (containers of a pod share one network namespace). */
import { kubectl } from '../kubectl.ts';
import { type Signature, signatureRule } from './log-helpers.ts';
import { deniedPrivilegedBind } from './privileged-bind-clues.ts';

// A bind that failed for another reason than a taken port: a privileged port as non-root, an address the
// node does not have, an address family the node has disabled (an IPv6 "::" on an IPv4-only node: errno 97,
// EAFNOSUPPORT, which bad_config reads), a Unix socket whose directory is missing.
const PORT_NOT_TAKEN =
  /[Pp]ermission denied|\bEACCES\b|[Aa]ccess (?:is )?denied|privileged|[Cc]an(?:no|')t assign requested address|EADDRNOTAVAIL|[Nn]o such file|\bENOENT\b|\.sock\b|[Aa]ddress family not supported|\bEAFNOSUPPORT\b|\berrno:? ?97\b/;

// EADDRINUSE on a Unix socket path (nginx "bind() to unix:/.../x.sock", "/run/app.sock: Address already in
// use") is nearly always a socket file left behind by an unclean stop on a kept volume (a stale file is
// data_dir_conflict), not a listen port: the port readings skip such a line and the weak one below reads it.
const UNIX_SOCKET_TARGET = /\bunix:[/@]|\.sock(?:et)?\b|\bAF_UNIX\b/;
const UNIX_SOCKET_IN_USE = /[Aa]ddress (?:already )?in use|\bEADDRINUSE\b|\(98: /;
// A TCP or UDP listen address or port named anywhere in the log ("0.0.0.0:8080", ":443", "port 5432").
const NETWORK_PORT_NAMED = /(?:^|[\s(<'"=\]])(?:[\w.-]{0,100}|\[[\w:.]{0,60}\]):\d{2,5}\b|\b[Pp]ort:? \d{2,5}\b/;

const SIGNATURES: Signature[] = [
  {
    all: [/[Aa]ddress already in use|\bEADDRINUSE\b|\bkind: AddrInUse\b/],
    confidence: 0.92,
    title: 'The listen port is already in use',
    not: UNIX_SOCKET_TARGET,
  },
  {
    // EADDRINUSE under the error name of a language's own enum rather than its strerror: Zig "error:
    // AddressInUse" (TigerBeetle, Bun), .NET SocketError.AddressAlreadyInUse, Erlang/Elixir {listen_error, _,
    // eaddrinuse} (Cowboy, Ranch), Rust's bare AddrInUse.
    all: [/\berror(?:\.|: ?)AddressInUse\b|\bAddressAlreadyInUse\b|\beaddrinuse\b|\bAddrInUse\b/],
    confidence: 0.88,
    title: 'The listen port is already in use',
    not: UNIX_SOCKET_TARGET,
  },
  {
    // A second live instance holding the socket is the rarer reading, so it stays a weak alternative.
    all: [UNIX_SOCKET_TARGET, UNIX_SOCKET_IN_USE],
    confidence: 0.45,
    title: 'A Unix socket path is already bound (a stale socket file, or a second instance)',
  },
  {
    // musl's strerror for EADDRINUSE is "Address in use" (Alpine images: mosquitto "Error: Address in use"),
    // and Windows' is WSAEADDRINUSE. An IP address handed out twice is an IPAM problem, not a listen port.
    all: [/\b[Aa]ddress in use\b|\bWSAEADDRINUSE\b/],
    confidence: 0.9,
    title: 'The listen port is already in use',
    not: /\bIP address in use\b|\baddress in use by (?:pod|node|another (?:pod|node|interface))\b|\bunix:[/@]|\.sock(?:et)?\b|\bAF_UNIX\b/i,
  },
  {
    // "errno=98" (coturn, C servers that print the raw errno) and "errno: 98" are the same EADDRINUSE.
    all: [/[Aa]ddress in use \(98\)|\(98: Address in use\)|\berrno ?[=:]? ?98\b|\[Errno 98\]/],
    confidence: 0.92,
    title: 'The listen port is already in use',
    not: UNIX_SOCKET_TARGET,
  },
  {
    all: [/port is already allocated|[Pp]ort \d+ (?:is|was) already in use|Only one usage of each socket address/],
    confidence: 0.9,
    title: 'The listen port is already in use',
  },
  {
    // Frameworks that check the port themselves and say it in words (Quarkus "seems to be in use by another
    // process", dev servers "Something is already running on port 3000", "port 8080 is already taken").
    all: [
      /\b[Pp]ort:? \d{1,5} (?:seems to be|appears to be|is|was) (?:already )?(?:in use|taken|occupied|being used)\b|\b[Pp]ort (?:is )?already (?:taken|occupied|being used)\b|\balready running on port \d{1,5}|\b[Pp]ort \d{1,5} is (?:already )?(?:used|occupied) by (?:another|a different)\b|\b(?:[Nn]etwork|[Ll]isten(?:ing)?|[Ss]erver|TCP|UDP|[Gg]ame|[Qq]uery|RCON) port (?:is )?(?:already )?(?:occupied|in use)\b/,
    ],
    confidence: 0.88,
    title: 'The listen port is already in use',
    // A check being announced ("checking whether port 8080 is in use") is not a failure.
    not: /\b(?:whether|check(?:ing)? if|if the)\b/i,
  },
  {
    // Servers that probe the port and give up in words (Jupyter "could not be started because port 8888 is not
    // available" with port_retries=0, "no available port could be found"): another process holds it.
    all: [
      /\b[Pp]ort:? \d{1,5} (?:is|was) not available\b|\bno available port could be found\b|\b[Cc]ould not find an available port\b/,
    ],
    confidence: 0.82,
    title: 'The listen port is already in use',
    not: /\b(?:whether|check(?:ing)? if|if the)\b/i,
  },
  { all: [/already bound|Address already bound/], confidence: 0.75, title: 'The listen address is already bound' },
  {
    // Erlang distribution: the node name (and its port via epmd) is held by another node.
    all: [/seems to be in use by another Erlang node/],
    confidence: 0.82,
    title: 'The Erlang node name/port is already in use by another node',
  },
  // gunicorn's wording for EADDRINUSE.
  { all: [/\bConnection in use: \(/], confidence: 0.88, title: 'The listen port is already in use' },
  {
    // Servers that try a port (or a range) and give up in their own words: Flink's "Could not start rest
    // endpoint on any port in port range 8081", Jetty/Spring "Failed to bind to", "Unable to bind to port".
    all: [
      /\bon any port in (?:the )?(?:port )?range\b|\b(?:[Cc]ould not|[Cc]ouldn't|[Cc]annot|[Uu]nable to|[Ff]ailed to) bind (?:to )?(?:(?:the |its )?(?:[A-Z]{2,5}(?:\/[A-Z]{2,5})? )?(?:listen(?:ing|er)? )?(?:port|address|socket)\b|[\w.*[\]/:-]{0,60}:\d{2,5}\b)/,
    ],
    confidence: 0.78,
    title: 'The server could not bind its listen port (another process holds it)',
    not: PORT_NOT_TAKEN,
  },
  {
    // Servers that probe for a free port themselves and give up (Gradio's "Cannot find empty port in range:
    // 7860-7860", Jupyter's "no available port could be found", test harnesses' "could not find a free port").
    // Some of them treat any bind error as "taken", so this stays below the errno's certainty.
    all: [
      /\b(?:[Cc]annot|[Cc]an't|[Cc]ould not|[Cc]ouldn't|[Uu]nable to|[Ff]ailed to) find (?:an? |any )?(?:empty|free|available|unused) port\b|\b[Nn]o (?:available|free|empty|unused) ports? (?:could be found|was found|found|available|left|in (?:the )?(?:port )?range)\b/,
    ],
    confidence: 0.8,
    title: 'No free port was left to listen on (another process holds the port)',
    not: PORT_NOT_TAKEN,
  },
  {
    // Java's BindException is nearly always the port being taken; its other two messages are a privileged
    // port (permission_denied) and an address not on the host (bad_config).
    all: [/\bBindException\b/],
    confidence: 0.76,
    title: 'The server could not bind its listen port (another process holds it)',
    not: PORT_NOT_TAKEN,
  },
];

export const portInUse = signatureRule({
  id: 'port-in-use',
  category: 'port_in_use',
  signatures: SIGNATURES,
  options: { recoverable: true },
  // Node and Go report the errno on its own line ("code: 'EADDRINUSE'") below the line naming the socket
  // path: with a Unix socket and no network port anywhere in the log, the socket path is the bound address.
  adjust: (ctx, hit) => {
    const lines = ctx.log.lines;
    // A bind of a port below 1024 denied to a non-root user: the "could not bind", "no available port" words
    // are its consequence (permission_denied, non-root-port's reading).
    if (deniedPrivilegedBind(ctx)) return Math.min(hit.confidence, 0.4);
    const unixSocketInUse = lines.some((l) => UNIX_SOCKET_TARGET.test(l.text) && UNIX_SOCKET_IN_USE.test(l.text));
    if (unixSocketInUse && !lines.some((l) => NETWORK_PORT_NAMED.test(l.text))) return Math.min(hit.confidence, 0.45);
    return hit.confidence;
  },
  steps: (ctx) => [
    `List the ports of every container in the pod (they share one network): ${kubectl.podSpec(ctx.target, '{range .spec.containers[*]}{.name}: {.ports[*].containerPort}{"\\n"}{end}')}`,
    'Check for a second process in the same container binding the port (supervisor, a restarted daemon, hostNetwork)',
  ],
});
