/**
 * bad_config's readings of one setting whose value is present but malformed: a cloud region that is not a
 * region (an availability zone, a zone of another provider's format), a DSN or URL that does not parse. An
 * empty value fails in the same words and is an unset variable (missing_env_var), so each reading excludes
 * the empty case. The bad-config rule lists these with their own exclusions: the region failures surface as
 * lookups of a host that cannot exist, which the rule's default exclusion would give to DNS.
 */
import { CONNECTION_URL_SIGNATURES } from './bad-config-connection-urls.ts';
import type { Signature } from './log-helpers.ts';

// Matches nothing: these signatures keep only their own exclusions, not the rule's default one, which hands
// lines about unresolvable hosts to the DNS rule.
const NO_EXCLUSION = /(?!)/;

export const CONFIG_VALUE_SIGNATURES: Signature[] = [
  ...CONNECTION_URL_SIGNATURES,
  {
    // The SDK built an endpoint from the zone ("sqs.us-east-1a.amazonaws.com"): the lookup fails because the
    // host cannot exist, whatever the cluster's DNS does.
    // An AWS availability zone (us-east-1a, us-gov-west-1c) is a region with the zone letter after it. No AWS
    // region ends in a letter, so an endpoint holding one was built from a zone copied by mistake (often from
    // the node's topology.kubernetes.io/zone label).
    all: [
      /\.[a-z]{2}(?:-gov|-iso[a-z]?)?-(?:north|south|east|west|central|northeast|northwest|southeast|southwest)-\d{1,2}[a-z]\.(?:amazonaws\.com|api\.aws)\b/,
    ],
    confidence: 0.9,
    title: 'The AWS region setting holds an availability zone (e.g. us-east-1a instead of us-east-1)',
    not: NO_EXCLUSION,
  },
  {
    // Google endpoints built from a zone where a region belongs ("us-central1-a-aiplatform.googleapis.com").
    all: [
      /\b(?:us|europe|asia|australia|northamerica|southamerica|me|africa)-[a-z]{4,12}\d{1,2}-[a-f]-[a-z]{3,30}\.googleapis\.com\b/,
    ],
    confidence: 0.85,
    title: 'The Google Cloud region setting holds a zone (e.g. us-central1-a instead of us-central1)',
    not: NO_EXCLUSION,
  },
  {
    // The SDKs' own region validation: botocore's "Provided region_name 'x' doesn't match a supported format",
    // "Invalid region", "is not a valid region". An unset region says "Missing Region" / "You must specify a
    // region" instead (missing_env_var).
    all: [
      /\bInvalidRegionError\b|Provided region_name '[^']{1,80}' doesn't match a supported format|\b[Ii]nvalid (?:AWS |GCP |Azure )?region(?: name| identifier)?\b|\bis not a valid (?:AWS |GCP |Azure )?region\b/,
    ],
    confidence: 0.84,
    title: 'The cloud region setting is not a valid region',
    not: /""|''|region_name '?None|[Mm]issing [Rr]egion|must specify a region|[Uu]nable to load region/,
  },
  {
    // A DSN (Sentry, database drivers) set to a value that does not parse: Sentry's BadDsn ("Unsupported scheme
    // ''" for a DSN pasted without https://), "Invalid Sentry Dsn", InvalidDsnException, "malformed DSN".
    all: [
      /\bBadDsn\b|\bInvalid(?:Dsn|DSN)(?:Exception|Error)?\b|\b[Ii]nvalid (?:Sentry )?(?:DSN|Dsn)\b|\b(?:DSN|Dsn) (?:is )?(?:invalid|malformed)\b|\b[Mm]alformed (?:DSN|Dsn)\b/,
    ],
    confidence: 0.8,
    title: 'A DSN setting holds a value that does not parse (scheme, host or key missing)',
    // An empty DSN is an unset variable; Go's MySQL driver says "missing the slash" for an empty one too.
    not: /(?:DSN|Dsn)[:=] ?(?:""|''|undefined|null|None)?\s{0,4}$|(?:DSN|Dsn) (?:is )?(?:empty|not set|missing|required)|missing the slash/,
  },
  {
    // A URL setting whose value has no scheme, quoted by the client that refused it: Go's net/http
    // (Get "api.example.com/v1": unsupported protocol scheme ""), requests' MissingSchema ("Invalid URL
    // 'example.com': No scheme supplied"), and a scheme the client does not know ("postgress://").
    all: [
      /\b(?:Get|Post|Put|Patch|Delete|Head) "[^"\s]{1,200}": unsupported protocol scheme\b|Invalid URL '[^'\s]{1,200}': No scheme supplied|[Uu]nsupported (?:URL |protocol )?scheme ['"][^'"\s]{1,40}['"]/,
    ],
    confidence: 0.78,
    title: 'A URL setting has no scheme or an unknown one (http://, https://)',
    not: NO_EXCLUSION,
  },
  {
    // serde-based config loaders name the key whose value has the wrong type or range: config-rs ("invalid
    // type: string "30s", expected u64 for key `server.timeout`"), figment ("invalid type: found string "x",
    // expected u16 for key "default.port""). The same serde words about a request body name no key.
    all: [/\binvalid (?:type|value|length): [^\n,]{1,160}, expected /, /\bfor key [`'"][\w.[\]-]{1,120}[`'"]/],
    confidence: 0.86,
    title: 'A setting has a value of the wrong type or range (e.g. "30s" where a number of seconds is expected)',
    // An unset key is missing_env_var's; config-rs says "missing field" or "not found" for it.
    not: /\bmissing field\b|\bnot found\b/,
  },
  {
    // A listener or endpoint setting that does not parse as name://host:port: Kafka's "Unable to parse
    // EXTERNAL//:9095 to a broker endpoint" and "Error creating broker listeners from", and servers that
    // reject a malformed listen address ("invalid listener address", "Invalid listen address").
    all: [
      /\b(?:[Uu]nable to|[Cc]annot|[Cc]ould not|[Ff]ailed to) parse [^\s]{1,200} (?:to|as) (?:a |an )?(?:broker )?(?:end ?point|listener|listen address|socket address)\b|\bError creating broker listeners from\b|\b[Ii]nvalid (?:listener|listen|bind) (?:address|endpoint|spec(?:ification)?)\b/,
    ],
    confidence: 0.85,
    title: 'A listener or endpoint setting is malformed (name://host:port)',
    not: /""|''|\bis (?:empty|not set|required)\b/,
  },
  {
    // Two settings each valid alone that the server refuses together: Elasticsearch's "setting
    // [cluster.initial_master_nodes] is not allowed when [discovery.type] is set to [single-node]", Kafka's and
    // Spring's "x and y cannot both be set", "options a and b are mutually exclusive" in a config file.
    all: [
      /\bis not (?:allowed|permitted|supported) when \[?['"`]?[\w.-]{1,80}['"`]?\]? is (?:set|enabled|configured|true|false)\b|\bcannot (?:both|all) be (?:set|configured|enabled|specified)\b|\bare mutually exclusive\b|\bcannot be (?:set|configured|enabled) (?:together )?(?:with|when|alongside)\b/,
    ],
    confidence: 0.8,
    title: 'Two settings the server refuses to take together are both configured',
    // Command-line flags are the command's arguments (bad_command_args).
    not: /(?:^|\s)--?[a-zA-Z][\w-]{0,40}|\bflags?\b|\barguments?\b/,
  },
  {
    // A setting bounded by another one: memcached's "Cannot set item size limit higher than 1/2 of memory max",
    // PostgreSQL's "must be at least twice", the JVM's "Initial heap size set to a larger value than the maximum
    // heap size", "may not be greater than the value of".
    all: [
      /\b(?:[Cc]annot|[Cc]an't|[Mm]ust not|[Mm]ay not|[Ss]hould not) (?:set|be set|be) (?:[\w./-]{1,40} ){0,4}(?:higher|greater|larger|bigger|more|lower|smaller|less) than (?:1\/\d|half|twice|\d{1,3} ?%|the (?:value of|configured|max|min|size of))|\bmust be at least (?:twice|double|\d{1,3} ?times)\b|\bset to a larger value than the maximum\b/,
    ],
    confidence: 0.75,
    title: 'A setting exceeds the bound another setting puts on it',
  },
  {
    // An INI-style config reader that names the section and key whose value does not convert: Airflow's
    // "Failed to convert value to int. Please check "parallelism" key in "core" section", configparser's
    // getboolean "Not a boolean: yes please". INI readers keep an inline "# comment" in the value, a common
    // way to break one. An empty value is an unset variable (missing_env_var).
    all: [
      /\b[Pp]lease check ["'][\w.-]{1,80}["'] key in ["'][\w.-]{1,80}["'] section\b|^(?:ValueError: )?Not a boolean: [^\s'"]/,
    ],
    confidence: 0.86,
    title: 'A setting in a section of the INI configuration has a value of the wrong type',
    not: /[Cc]urrent value: (?:""|''|None)|\bis not set\b|\bis empty\b/,
  },
  {
    // The same without the key named: a config loader's own "Failed to convert value to int" / "could not
    // convert config value to bool". The app converting its own input says so too, so not confident.
    all: [
      /\b(?:[Ff]ailed to|[Cc]ould not|[Cc]annot|[Uu]nable to) convert (?:the )?(?:config(?:uration)? |setting |option )?value (?:[^\n]{0,80}? )?to (?:an? )?(?:int|integer|float|bool|boolean|number|duration)\b/,
    ],
    confidence: 0.7,
    title: 'A configuration value cannot be converted to the type of its setting',
    not: /[Cc]urrent value: (?:""|''|None)|\bis not set\b|\bis empty\b|''|""/,
  },
  {
    // A configuration file that exists but holds nothing (a template rendered empty, a ConfigMap key renamed):
    // Python logging's fileConfig "RuntimeError: /etc/app/logging.ini is an empty file", "config file
    // /etc/x.yaml is empty", "Empty configuration file". An absent file ("does not exist or is empty") is
    // missing_file's.
    all: [
      /\bis an empty file\b|\b(?:config(?:uration)?|settings|ini|yaml|toml|properties|conf) file:? ['"`]?[\w./~-]{1,200}['"`]? (?:is|was) empty\b|\b(?:config(?:uration)?|settings) file (?:is|was) empty\b|\b[Ee]mpty (?:config(?:uration)?|settings) file\b/,
    ],
    confidence: 0.8,
    title: 'A configuration file is empty (a template or ConfigMap key rendered nothing into it)',
    not: /\bdoes(?: not|n't) exist\b|\bnot found\b|[Nn]o such file|\bmissing or empty\b|\bor is empty\b/,
  },
];

/**
 * Addresses, ports, URLs, certificate passwords and secrets the server cannot use as given. Unlike the
 * readings above, these keep the rule's default exclusion, and the rule lists them in their own place.
 */
/**
 * .NET binds configuration strings to enums and types itself: "Failed to convert configuration value at
 * 'Logging:LogLevel:Default' to type" (ConfigurationBinder) and TypeConverter's "'Verbose2' is not a valid value
 * for LogLevel" say so outright, as do the logging filter's "Configuration value 'Info' is not supported" (a level
 * name .NET does not know, e.g. Info for Information) and Python logging's "ValueError: Unknown level: 'VERBOSE'"
 * (a LOG_LEVEL handed to setLevel/dictConfig). Enum.Parse's bare "Requested value 'Informational' was not found" is a setting
 * only under a configuration reader's frames (Serilog.Settings.Configuration, options binding): the bad-config
 * rule drops that reading when CONFIG_BINDING_FRAME is nowhere in the log (the app parsing its own data).
 */
export const ENUM_VALUE_NOT_FOUND: Signature = {
  all: [/\bRequested value '[^'\n]{0,120}' was not found\b/],
  confidence: 0.8,
  title: "A configuration value names no member of the setting's enum (a misspelt level or mode)",
};
export const CONFIG_BINDING_FRAME =
  /\bat (?:Serilog\.Settings\.Configuration|NLog\.Extensions\.Logging|Microsoft\.Extensions\.(?:Configuration|Options|Logging\.Configuration))\.|\bConfigurationBinder\.|\bOptionsFactory`/;

const DOTNET_CONFIG_CONVERSION: Signature = {
  all: [
    /\bFailed to convert configuration value (?:'[^'\n]{0,200}' )?at '[^'\n]{1,200}' to type\b|\b'[^'\n]{1,120}' is not a valid value for (?:LogLevel|LogEventLevel|[\w.]{1,80}Level|[\w.]{1,80}Mode)\b|\bConfiguration value '[^'\n]{0,120}' is not supported\b|\bValueError: Unknown level: '[^'\n]{0,60}'/,
  ],
  confidence: 0.84,
  title: 'A configuration value cannot be converted to the type of its setting',
};

export const LISTEN_AND_SECRET_VALUE_SIGNATURES: Signature[] = [
  ENUM_VALUE_NOT_FOUND,
  DOTNET_CONFIG_CONVERSION,
  {
    // Servers that need one address chosen in their config when the pod has several (Consul, etcd, Nomad).
    all: [/Multiple private IPv4 addresses found\. Please configure one|Multiple private (?:IP|IPv6) addresses found/],
    confidence: 0.75,
    title: 'The server needs its bind/advertise address set in its configuration',
  },
  {
    // A certificate file whose password setting does not open it (.NET Kestrel, Java keystores).
    all: [
      /PKCS12_parse:mac verify failure|The specified network password is not correct|The certificate data cannot be read with the provided password/,
    ],
    confidence: 0.75,
    title: 'The certificate password setting does not open the certificate file',
  },
  {
    all: [/key-value delimiter not found|key length should be at least|[Ss]ecret key should be in between/],
    confidence: 0.8,
    title: 'A configuration value is malformed or out of range',
  },
  {
    // .NET invariant globalization (often DOTNET_SYSTEM_GLOBALIZATION_INVARIANT) with code that needs cultures.
    all: [/Only the invariant culture is supported in globalization-invariant mode/],
    confidence: 0.76,
    title: 'The app needs cultures but runs in globalization-invariant mode',
  },
  {
    // Kubernetes service links: a Service named like the app injects APP_PORT=tcp://..., which the app parses.
    all: [/ERR_SOCKET_BAD_PORT|[Ii]nvalid port/, /tcp:\/\/\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}:\d{1,5}/],
    confidence: 0.78,
    title: "A port setting holds a Service link value (tcp://ip:port) from Kubernetes' injected variables",
  },
  {
    // .NET/Kestrel: a URL or port setting (ASPNETCORE_URLS, Kestrel endpoints) that does not parse.
    all: [
      /Failed to parse port '|Invalid url: '|Unrecognized scheme in server address|is not a valid (?:URL|URI|address|port number)\b/,
    ],
    confidence: 0.76,
    title: 'A listen address or URL setting does not parse',
  },
  {
    // An IP-address setting given something else (host:port, a URL, a hostname): Livebook "expected
    // LIVEBOOK_IP to be a valid ipv4 or ipv6 address, got: 0.0.0.0:8080", Python's ipaddress "'0.0.0.0:8080'
    // does not appear to be an IPv4 or IPv6 address", Node ERR_INVALID_IP_ADDRESS, Guava "is not an IP
    // string literal", Go netip 'ParseAddr("10.0.0.5:9000"): unexpected character'; and a variable the app
    // validates by type ("expected PORT to be an integer, got: http"). An empty value is an unset variable.
    all: [
      /\bexpected [A-Z][A-Z0-9_]{1,60} to be an? (?:valid )?[\w ]{1,40}, got:? ['"]?[^\s'"]|\bdoes not appear to be an IPv4 or IPv6 (?:address|network)\b|\bInvalid IP address: \S|\bis not an IP string literal\b|\bParseAddr\("[^"\n]{1,100}"\): unexpected character/,
    ],
    confidence: 0.74,
    title: 'An address or typed setting holds a value of the wrong form (host:port where an IP belongs?)',
    not: /, got:? ?(?:nil|null|None|undefined|NaN|""|'')?\s*$|(?:^|\s)['"]{2} does not appear|ParseAddr\(""\)/,
  },
  {
    // An address setting that does not parse as host:port or IP: Rust's std::net AddrParseError ("invalid socket
    // address syntax", "invalid IP address syntax"), e.g. a Go-style ":8080" where Rust needs "0.0.0.0:8080".
    // An empty value is an unset variable (missing_env_var).
    all: [/\bAddrParseError\b|\binvalid (?:socket|IP|IPv4|IPv6) address syntax\b/],
    confidence: 0.76,
    title: 'A listen or peer address setting does not parse as host:port',
    not: /""|''|\bis (?:empty|not set|required)\b|\bNotPresent\b/,
  },
  {
    // A section of the configuration file that lacks a key its kind requires, usually a misspelt key (Kestrel's
    // "The endpoint Grpc is missing the required 'Url' parameter", "the listener X is missing the required
    // 'port' property"): the section is there, its key is named otherwise. An env-var name is missing_env_var's.
    all: [
      /\bis missing (?:the |a )?required ['"`][a-z][\w.:-]{0,60}['"`] (?:parameter|property|key|setting|option|field|attribute)\b|\bis missing the required ['"`][A-Z][a-z][\w.:-]{0,60}['"`] (?:parameter|property|key|setting|option|field|attribute)\b/,
    ],
    confidence: 0.8,
    title: 'A configuration section lacks a key its kind requires (a misspelt key?)',
    not: /\b(?:env(?:ironment)? var(?:iable)?|ENV)\b/,
  },
  {
    // A listen address of a family the node has disabled: an IPv6 "::" (Redis "bind 0.0.0.0 ::", nginx "listen
    // [::]:80", a Go/Node "[::]:8080") on nodes booted with ipv6.disable=1 fails with EAFNOSUPPORT (errno 97,
    // "Address family not supported by protocol"). The listen setting names an address the node cannot have.
    all: [/\b[Aa]ddress family not supported\b|\bEAFNOSUPPORT\b|\berrno:? ?97\b/],
    confidence: 0.8,
    title: 'A listen address names an address family the node has disabled (IPv6 "::" on an IPv4-only node)',
    not: /\bAF_UNIX\b|\bunix:[/@]|\bAF_NETLINK\b|\bAF_PACKET\b/,
  },
];
