/**
 * The indirect readings of missing_env_var (not a rule itself: the missing-env-var rule imports them). The
 * message names no variable, but what broke is what an unset variable leaves behind: an empty value
 * parsed as a number, a region-less SDK, a database client on its local socket, a client on its localhost
 * default. Most are moderate; the localhost reading stays weak beside dependency_unreachable unless the
 * log printed the address setting empty. The absent-credential family (no region, key, token or cloud
 * credentials at all) is in missing-env-var-credentials.ts, spread here at its place in the order.
 */
import { isAddressKey } from '../log-json.ts';
import type { RuleContext } from '../rule.ts';
import type { LogLine } from '../types.ts';
import type { Signature, SignatureHit } from './log-helpers.ts';
import { ABSENT_CREDENTIAL_SIGNATURES } from './missing-env-var-credentials.ts';
import {
  ANY_ADDRESS_TARGET,
  CLIENT_DEFAULT_ADDRESS,
  CONNECT_FAILURE,
  CONNECTION_REFUSED,
  dialsOnlyLoopback,
  LOCAL_SOCKET,
  LOCALHOST,
  namesAddress,
  runsMigrationStep,
} from './network-clues.ts';

// Node prints the failing source line above the error: a property or method of process.env.X itself.
const NODE_ENV_ACCESS: Signature = {
  all: [
    /process\.env\.[A-Z][A-Z0-9_]{1,80}\.[a-zA-Z]{2,30}\b|process\.env\[['"][A-Z][A-Z0-9_]{1,80}['"]\]\.[a-zA-Z]{2,30}\b/,
  ],
  confidence: 0.7,
  title: 'A property of an environment variable that is not set (undefined) was read',
};
// Without the TypeError on undefined, that source line is just code being shown.
const OF_UNDEFINED = /of undefined\b|undefined is not an object|Cannot read propert/;

// No host set: libpq/pgx and MySQL clients fall back to the local Unix socket, absent in a container.
const LOCAL_SOCKET_FALLBACK: Signature = {
  all: [LOCAL_SOCKET],
  confidence: 0.66,
  title: 'The database client fell back to a local socket: the host variable is likely not set',
};

// An unset variable read as "" or undefined breaks one step later, in a parser or a method call: the
// message names no variable, but an empty number or an undefined URL is rarely anything else.
const INDIRECT: Signature[] = [
  {
    // Python int("") / float(""), int("None") of an f-string with None, Go strconv on "" (os.Getenv unset).
    all: [
      /invalid literal for int\(\) with base \d+: '(?:None)?'|could not convert string to float: ''|strconv\.(?:Atoi|ParseInt|ParseUint|ParseFloat|ParseBool): parsing "": invalid syntax|time: invalid duration ""/,
    ],
    confidence: 0.72,
    title: 'An empty value was parsed as a number: the environment variable it comes from is likely not set',
  },
  {
    // Python int(None)/float(None) of os.getenv("X"); Go url.Parse(""); Java's Integer.parseInt /
    // Long.parseLong of System.getenv("X"): "NumberFormatException: null" (JDK 8-16), "Cannot parse null
    // string" (JDK 17+), 'For input string: ""' for an empty one.
    all: [
      /(?:int|float)\(\) argument must be a string[^']{0,80}not 'NoneType'|parse "": empty url|NumberFormatException: (?:null\s*$|Cannot parse null string\b|For input string: ""(?: under radix \d{1,2})?\s*$)/,
    ],
    confidence: 0.7,
    title: 'A value is missing (None/empty): the environment variable it comes from is likely not set',
  },
  {
    // .NET Encoding.GetBytes(configuration["Jwt:Key"]) with the setting absent.
    all: [/String reference not set to an instance of a String\. \(Parameter 's'\)/],
    confidence: 0.76,
    title: 'A required setting is null (its environment variable is likely not set)',
  },
  {
    all: [
      /\b(?:password|secret|token|api[_ -]?key) (?:is |was )?(?:missing or empty|empty or missing|must not be empty|cannot be empty|can't be empty)\b/i,
    ],
    confidence: 0.7,
    title: 'A password or secret is empty: the environment variable that should hold it is likely not set',
  },
  NODE_ENV_ACCESS,
  {
    // Python: os.getenv("X") / os.environ.get("X") without a default is None when X is unset.
    all: [/os\.(?:getenv|environ\.get)\(\s{0,4}['"][A-Z][A-Z0-9_]{1,80}['"]\s{0,4}\)\.[a-z_]{2,30}\(/],
    confidence: 0.7,
    title: 'A method was called on an environment variable that is not set (None)',
  },
  {
    // Go: an empty address or port from os.Getenv reaches net.Listen / net.Dial.
    all: [/address tcp\/: unknown port|dial tcp: missing address|listen tcp: missing address/],
    confidence: 0.7,
    title: 'The listen or dial address is empty: the environment variable it comes from is likely not set',
  },
  {
    // A server started on a port printed as undefined, NaN, null or None (app.listen(process.env.PORT),
    // int(os.getenv("PORT")) guarded to None): the port comes from a variable that is not set, so the
    // server bound a random or no port and any probe on the expected port is refused. The printed port
    // cannot come from anything else, and it explains the probe failure that usually follows.
    all: [
      /\b(?:[Ll]istening|[Ss]tarted|[Rr]unning|[Ss]erving|[Bb]ound) (?:on |at )?(?:port |PORT )?:?(?:undefined|NaN|null|None)\b|\bhttps?:\/\/[\w.-]{1,100}:(?:undefined|NaN|null|None)\b/,
    ],
    confidence: 0.95,
    title: 'The server listens on an undefined port: the PORT variable is not set',
    // The server reports its start at info level: that line is the evidence.
    warningIsEvidence: true,
  },
  {
    // PHP getenv() returns false for an unset variable; a typed parameter then rejects it.
    all: [/must be of type string, (?:bool|null) given/],
    confidence: 0.68,
    title: 'A value is false/null where a string is needed: the environment variable it comes from is likely not set',
  },
  LOCAL_SOCKET_FALLBACK,
  {
    // pg_isready without -h (an empty "$DB_HOST") checks the local socket directory, not a host.
    all: [/^\/[\w/.-]{1,120}:\d{1,5} - (?:no response|no attempt)\b/],
    confidence: 0.7,
    title: 'The readiness check polls a local socket: the database host variable is likely not set',
  },
  ...ABSENT_CREDENTIAL_SIGNATURES,
  {
    // An empty MongoDB URI (its variable unset or blank) has no scheme.
    all: [/MongoParseError: Invalid scheme, expected connection string to start with/],
    confidence: 0.55,
    title: 'The MongoDB connection string is empty or malformed (its environment variable is not set?)',
  },
  {
    // Quarkus / SmallRye: a required property (often mapped from an environment variable) has no value.
    all: [/SRCFG00014|is required but it could not be found in any config source/],
    confidence: 0.82,
    title: 'A required config property has no value in any source (its environment variable is not set?)',
  },
  {
    // new URL(undefined): Node's ERR_INVALID_URL keeps the input on its own line.
    all: [/^\s{0,8}input: '(?:undefined|null|)',?\s*$/],
    confidence: 0.72,
    title: 'A URL is undefined: the environment variable it comes from is likely not set',
  },
];

// nginx reads a ${VAR} that envsubst left alone (it replaces only defined variables) as its own
// variable, lower-cased. Without a templating step in the log it is more likely a typo (bad_config).
const NGINX_UNKNOWN_VARIABLE: Signature = {
  all: [/\bunknown "[a-z_][a-z0-9_]{0,80}" variable\b/],
  confidence: 0.8,
  title: 'nginx met a template variable envsubst left unexpanded: the environment variable is not set',
};
// A template was rendered: the official image's "Running envsubst on ...", or a traced envsubst/gomplate
// call (merely launching 20-envsubst-on-templates.sh, which every nginx image does, is not enough).
const TEMPLATED = /Running envsubst on |^\+{1,4} (?:envsubst|gomplate|dockerize)\b|\.(?:template|tmpl|tpl)\b/;

// A field a schema validator requires non-empty (Envoy's protoc-gen-validate "value length must be at
// least 1 characters", "value is required"): after a template was rendered, an empty substitution is the
// likely reading; without one it is a config written incomplete (bad_config).
const EMPTY_VALIDATED_FIELD: Signature = {
  all: [/\bvalue length must be at least 1 (?:characters?|runes?|bytes?)\b|\bvalue must not be (?:empty|blank)\b/],
  confidence: 0.82,
  title: 'A config field rendered from a template is empty: the variable substituted into it is not set',
};

// The app names the variable it took the address from ("Failed to connect to redis using environment
// variable PAPERLESS_REDIS"): a localhost refusal beside it is that variable missing (a typo, unset),
// leaving the default.
const NAMES_ADDRESS_VARIABLE =
  /\b(?:using|from|in|via|read from) (?:the )?(?:environment variable|env(?:ironment)? var|variable) ['"`$]?[A-Z][A-Z0-9]{1,40}(?:_[A-Z0-9]{1,40}){1,8}\b/;

// A client on its built-in default (localhost) because its host variable is unset: the same lines as a
// wrong explicit address, so only a weak reading beside dependency_unreachable, unless the log printed
// the address setting empty before the refusal (then it is the likelier reading).
const LOCALHOST_TITLE = 'The app connects to localhost: a host variable may be unset, leaving the default';
const WEAK_LOCALHOST: Signature[] = [
  { all: [CONNECTION_REFUSED, LOCALHOST], confidence: 0.45, title: LOCALHOST_TITLE },
  {
    all: [/(?:[Cc]ould not|[Cc]ouldn't|[Uu]nable to|[Ff]ailed to|[Cc]an't) connect| - no response\b/, LOCALHOST],
    confidence: 0.45,
    title: LOCALHOST_TITLE,
  },
];

// A client CLI refused on its own documented default address (VAULT_ADDR's 127.0.0.1:8200, kubectl's
// localhost:8080): someone who set the variable would have named the server, so the unset variable is the
// likelier reading than a wrong explicit address, though the lines are the same.
const CLIENT_DEFAULT_REFUSED: Signature = {
  // kubectl says "was refused" without "connection refused" before it.
  all: [
    CLIENT_DEFAULT_ADDRESS,
    /[Rr]efused|ECONNREFUSED|[Cc]onnect(?:ion)? timed out|i\/o timeout|(?:[Cc]ould not|[Uu]nable to|[Ff]ailed to|[Cc]an't|[Cc]annot) connect|[Cc]onnect(?:ion)? failed|\bunreachable\b/,
  ],
  confidence: 0.62,
  title:
    'A client dialled its built-in default address: the variable naming the server (VAULT_ADDR, a broker URL) is not set',
};

// A client dialling 0.0.0.0 uses a listen address as its target: images default to it when the variable
// naming the dependency is unset (a hand-written config rarely points a client there). It is still the
// same refusal or timeout as a wrong address, so the reading stays moderate. Clients log each failed
// attempt as a warning and crash with a line that names no address, so the warnings are the evidence.
const ANY_ADDRESS_DIAL: Signature = {
  all: [CONNECT_FAILURE, ANY_ADDRESS_TARGET],
  confidence: 0.6,
  title: 'The app dials 0.0.0.0: the variable naming its dependency is likely unset, leaving the default',
  warningIsEvidence: true,
};

// A refusal that names no host anywhere in the log: the client may be on its built-in default because
// its host variable is unset. Only an alternative beside dependency_unreachable, never the answer alone.
const UNNAMED_REFUSAL: Signature = {
  all: [CONNECTION_REFUSED],
  confidence: 0.45,
  title: 'A connection was refused and no host is named: a host variable may be unset, leaving the default',
};

// A setting printed empty: `redis_addr=""` (an empty JSON field as the scanner keeps it), `REDIS_ADDR=` in
// an env dump, `pgsql:host=;` in a PDO DSN, `"host": ""` or `host: ''` in a JSON or YAML dump, `{Addr: DB:0}`
// from Go's %+v, and a nil or null one: Ruby's `:url=>nil`, `"url": null`, Python's `host=None`.
const EMPTY_SETTING =
  /(?:^|[\s{,;(["':])([A-Za-z][\w.-]{0,63})["']?(?:=(?:""|''|(?=[\s,;}]|$))|: ?(?:""|'')|:(?= [A-Z][A-Za-z]{0,40}:|\})|(?:=>|: ?|=) ?(?:nil|null|None)(?=[\s,;})\]]|$))/g;

const hasEmptyAddress = (text: string): boolean =>
  [...text.matchAll(EMPTY_SETTING)].some((m) => m[1] !== undefined && isAddressKey(m[1]));

// A printed environment (an override log, an entrypoint's env dump) that sets a dependency's user, name or
// password (`GF_DATABASE_USER=grafana`, `DB_PASSWORD=***`) but never its host: the host variable is the one
// missing, and the client fell back to localhost.
const DEPENDENCY_SETTING =
  /\b([A-Z][A-Z0-9_]{0,40}(?:DATABASE|DB|SQL|POSTGRES|PG|MYSQL|MARIADB|MONGO|REDIS|AMQP|RABBITMQ|CACHE|BROKER)_)(?:USER|USERNAME|NAME|PASSWORD|PASS|PORT|TYPE)=/;
const HOST_SUFFIXES = ['HOST', 'HOSTNAME', 'ADDR', 'ADDRESS', 'URL', 'URI', 'DSN', 'SERVER', 'SERVICE_HOST'];

const dependencyHostNeverSet = (ctx: RuleContext): boolean => {
  const prefixes = new Set<string>();
  for (const line of ctx.log.lines) {
    const prefix = DEPENDENCY_SETTING.exec(line.text)?.[1];
    if (prefix) prefixes.add(prefix);
  }
  if (prefixes.size === 0) return false;
  return [...prefixes].every(
    (prefix) => !ctx.log.lines.some((l) => HOST_SUFFIXES.some((suffix) => l.text.includes(`${prefix}${suffix}=`))),
  );
};

/** A line up to the last refusal that prints an address setting empty: the client had no host to use. */
const emptyAddressLine = (ctx: RuleContext, hit: SignatureHit): LogLine | undefined => {
  const last = Math.max(...hit.lines.map((l) => l.line));
  return ctx.log.lines.find((l) => l.line <= last && hasEmptyAddress(l.text));
};

const LOCAL_DEFAULTS: readonly Signature[] = [...WEAK_LOCALHOST, CLIENT_DEFAULT_REFUSED];
export const INDIRECT_SIGNATURES: readonly Signature[] = [
  ...INDIRECT,
  NGINX_UNKNOWN_VARIABLE,
  EMPTY_VALIDATED_FIELD,
  CLIENT_DEFAULT_REFUSED,
  ...WEAK_LOCALHOST,
  ANY_ADDRESS_DIAL,
  UNNAMED_REFUSAL,
];

// A write the shell or the app was refused (a redirect, mkdir/touch/cp, EACCES on open): an entrypoint
// that generates a secret into a file and then exports it leaves the variable empty when the write fails.
const WRITE_DENIED =
  /: line \d{1,6}: [^\n:]{1,200}: [Pp]ermission denied|\b(?:cannot|can't) (?:create|touch|open)(?: directory| regular file)? [^\s:]{1,200}: [Pp]ermission denied|EACCES: permission denied, (?:open|mkdir|copyfile)\b|PermissionError: \[Errno 13\]/;

/** The confidence of a hit, weighed with what its line cannot show; direct hits keep theirs. */
export const weighIndirect = (ctx: RuleContext, hit: SignatureHit): number => {
  // The variable is empty because writing it was denied before: permission_denied is the cause, this only
  // its consequence, so it stays an alternative below the permission reading.
  if (ctx.log.lines.some((l) => l.line < hit.line.line && WRITE_DENIED.test(l.text)))
    return Math.min(hit.confidence, 0.6);
  if (hit.signature === NODE_ENV_ACCESS && !ctx.log.lines.some((l) => OF_UNDEFINED.test(l.text)))
    return Math.min(hit.confidence, 0.35);
  if (hit.signature === NGINX_UNKNOWN_VARIABLE && !ctx.log.lines.some((l) => TEMPLATED.test(l.text)))
    return Math.min(hit.confidence, 0.55);
  if (hit.signature === EMPTY_VALIDATED_FIELD && !ctx.log.lines.some((l) => TEMPLATED.test(l.text)))
    return Math.min(hit.confidence, 0.45);
  // An empty address printed before the refusal (or a client's own default): nothing was set.
  if (LOCAL_DEFAULTS.includes(hit.signature) && emptyAddressLine(ctx, hit)) return Math.min(0.7, hit.confidence + 0.25);
  // The dependency's other variables were printed, its host variable never was: that one is missing.
  if (WEAK_LOCALHOST.includes(hit.signature) && dependencyHostNeverSet(ctx)) return Math.min(0.7, hit.confidence + 0.2);
  // The app says which variable the address came from, and it ended on localhost: that variable was not set.
  if (WEAK_LOCALHOST.includes(hit.signature) && ctx.log.lines.some((l) => NAMES_ADDRESS_VARIABLE.test(l.text)))
    return Math.min(0.7, hit.confidence + 0.2);
  // The socket fallback beside a printed empty host (`host=;port=3306`): the client was given no host.
  if (hit.signature === LOCAL_SOCKET_FALLBACK && emptyAddressLine(ctx, hit))
    return Math.min(0.8, hit.confidence + 0.14);
  // A named host voids the unnamed refusal, unless the only one named is the loopback the client dialled.
  if (hit.signature === UNNAMED_REFUSAL && ctx.log.lines.some((l) => namesAddress(l.text)))
    return dialsOnlyLoopback(ctx.log.lines, hit.line.line) ? hit.confidence : 0;
  // A migration step refused on an address it never names, or on localhost: its host variable was not
  // copied from the app container, so it dials the default. Just above dependency_unreachable's reading of
  // the same unnamed (0.62) or loopback (0.55) refusal: a toss-up the migration step tips.
  const migrating = runsMigrationStep(
    ctx.log.lines,
    ctx.events.map((e) => e.message),
  );
  if (hit.signature === UNNAMED_REFUSAL && migrating) return 0.64;
  if (WEAK_LOCALHOST.includes(hit.signature) && migrating) return Math.max(hit.confidence, 0.58);
  return hit.confidence;
};

/** The printed empty address behind a localhost reading, as evidence beside the refusal. */
export const indirectEvidence = (ctx: RuleContext, hit: SignatureHit): (LogLine | undefined)[] =>
  LOCAL_DEFAULTS.includes(hit.signature) || hit.signature === LOCAL_SOCKET_FALLBACK ? [emptyAddressLine(ctx, hit)] : [];
