/**
 * bad_config's readings of a well-known server rejecting its own configuration file in its own words:
 * Redis ("FATAL CONFIG FILE ERROR" and the directive error above it), nginx [emerg], Apache, HAProxy
 * [ALERT], PostgreSQL, MySQL, Elasticsearch and Kafka, and the plain "Error parsing config file". Each
 * server's wording names the server, so these are one kind of evidence and live apart from the generic
 * readings (a failed config load, a parser's complaint) in bad-config.ts and config-parse-clues.ts; the
 * bad-config rule lists them first, in this order, and gives them its default exclusions.
 */
import type { Signature } from './log-helpers.ts';

// A quoted value that carries another flag ("-c name=", "--name=") was two command-line settings in one argv
// item: the server took the rest of the item as the first setting's value.
const VALUE_HOLDS_ANOTHER_FLAG = /": "[^"\n]{0,120} (?:-c ?|--)[a-z_]{2,60}=/;

export const SERVER_REJECTION_SIGNATURES: Signature[] = [
  {
    // A server that names the file and line of a key it does not know: php-fpm's "[/usr/local/etc/php-fpm.d/
    // www.conf:7] unknown entry 'pm.max_request'", HAProxy's "parsing [/etc/haproxy/haproxy.cfg:12] : unknown
    // keyword", ProFTPD/Squid "/etc/squid/squid.conf:3 unrecognized directive". A typo in a mounted config;
    // a key of another server version is stepped back by the rule.
    all: [
      /[\w-]\.(?:conf|cfg|cnf|ini|cf):\d{1,6}\b/,
      /\b(?:[Uu]nknown|[Uu]nrecogni[sz]ed|[Ii]nvalid) (?:entry|key|keyword|directive|option|setting|parameter|command)\b/,
    ],
    confidence: 0.82,
    title: 'The server rejects a key its configuration file names (a typo?)',
  },
  { all: [/FATAL CONFIG FILE ERROR/], confidence: 0.8, title: 'Redis rejects its configuration file' },
  {
    all: [/^wrong number of arguments\s*$|^Invalid argument\s*$|^argument must be /],
    confidence: 0.7,
    title: 'A config directive has invalid arguments',
  },
  {
    all: [
      /\[emerg\]/,
      /unknown directive|invalid number of arguments|directive is not allowed here|unexpected end of file|invalid (?:parameter|value|port)|directive is duplicate|no "[^"]+" (?:is )?defined|unexpected "[^"]+"/,
    ],
    confidence: 0.85,
    title: 'nginx rejects its configuration',
  },
  { all: [/configuration file [^\s]+ test failed/], confidence: 0.75, title: 'nginx rejects its configuration' },
  {
    // Servers that compile their configuration into a program before serving (Varnish's VCL through the VCC
    // compiler) fail the whole load on a syntax error; the message only says what token it expected.
    all: [/VCL compilation failed|Message from VCC-compiler|Running VCC-compiler failed/],
    // A backend host that does not resolve also fails the compile, so this stays below the confident band.
    confidence: 0.8,
    title: 'Varnish cannot compile its VCL configuration',
  },
  {
    // Any other nginx [emerg] without an errno "(13: ...)" is about the configuration itself.
    all: [/\[emerg\]/],
    confidence: 0.7,
    title: 'nginx rejects its configuration',
    not: /\(\d{1,3}: |host not found|bind\(\)|could not bind|cannot load certificate|[Nn]o such file|does not exist/,
  },
  {
    all: [/Syntax error on line \d+ of |Invalid command '[^']+', perhaps misspelled/],
    confidence: 0.85,
    title: 'Apache rejects its configuration',
  },
  { all: [/\[ALERT\]/, /parsing \[/, /:\d+\]/], confidence: 0.8, title: 'HAProxy rejects its configuration' },
  {
    // A rule that names an ACL (or other named object) the file does not define, or defines only further down:
    // Squid's "aclParseAclList: ACL name 'x' not found" then "FATAL: Bungled squid.conf line N", HAProxy's
    // "no such ACL", Varnish/Envoy-style "unknown acl". A directive of another release is version_mismatch's.
    all: [
      /\bFATAL: Bungled |\baclParseAclList\b|\bACL name ['"`][\w.-]{1,60}['"`] not found|\bno such ACL\b|\b[Uu]nknown (?:ACL|acl) ['"`]|\bACL ['"`][\w.-]{1,60}['"`] (?:is )?(?:not defined|undefined)\b/,
    ],
    confidence: 0.8,
    title: 'The configuration refers to an ACL it does not define (or defines later)',
  },
  {
    all: [/invalid value for parameter "[^"]+"/],
    confidence: 0.85,
    title: 'PostgreSQL rejects its configuration',
    not: VALUE_HOLDS_ANOTHER_FLAG,
  },
  {
    // A value that swallowed the next command-line flag ("300 -c shared_buffers=1GB") is how the server saw
    // two settings passed as one args item: the command line is the first reading, the setting a distant one.
    all: [/invalid value for parameter "[^"]+"/, VALUE_HOLDS_ANOTHER_FLAG],
    confidence: 0.5,
    title: 'PostgreSQL rejects a setting whose value holds another command-line flag',
  },
  {
    // A parameter the server does not know is a typo as often as a setting of another major version (a
    // postgresql.conf copied from a newer sample): below the confident band, runtime_version_mismatch is the rival.
    all: [/configuration file "[^"]+" contains errors|unrecognized configuration parameter "/],
    confidence: 0.78,
    title: 'PostgreSQL rejects its configuration',
  },
  {
    // CoreDNS's plugins reject their Corefile block at setup ("plugin/forward: not an IP address or file",
    // "plugin/kubernetes: Wrong argument count"): the line starts with the plugin, no log level before it. A
    // query that fails at run time ("[ERROR] plugin/errors: ... i/o timeout") is an upstream's problem.
    all: [/^(?:\[FATAL\] )?plugin\/[a-z0-9_]{2,30}: [A-Za-z"'`]/],
    confidence: 0.8,
    title: 'A CoreDNS plugin rejects its Corefile block',
    not: /\bi\/o timeout\b|[Cc]onnection refused|\bdial (?:tcp|udp)\b|no such host|\bread (?:udp|tcp)\b|[Pp]ermission denied|[Nn]o such file/,
  },
  {
    // A password the app judges too short ("LIVEBOOK_PASSWORD must be at least 12 characters", "Password must
    // contain at least 8 characters"): a person chose it, so it is set, with a value the app refuses.
    all: [
      /\b(?:[A-Z][A-Z0-9_]{0,50}_(?:PASSWORD|PASSWD|PASSPHRASE)|PASSWORD|[Pp]assword|[Pp]assphrase) (?:must|should|needs to) (?:be|contain|have) at least \d{1,4} (?:characters|chars|bytes)\b/,
    ],
    confidence: 0.8,
    title: 'A password is shorter than the app accepts',
    not: /\b(?:empty|not set|unset|blank)\b/,
  },
  {
    // A generated key that fails the same check (NetBox/Django "SECRET_KEY must be at least 50 characters",
    // "SECRET_KEY_BASE must be at least 64 bytes") is as often unset or empty, read as "": missing_env_var's
    // reading stays ahead and this one beside it.
    all: [
      /\b(?:[A-Z][A-Z0-9_]{1,60}|[Ss]ecret(?: key)?|[Kk]ey|[Tt]oken) (?:must|should|needs to) (?:be|contain|have) at least \d{1,4} (?:characters|chars|bytes)\b/,
    ],
    confidence: 0.62,
    title: 'A secret or key is shorter than the app accepts (or empty)',
    not: /\b(?:empty|not set|unset|blank)\b|PASSWORD|PASSWD|PASSPHRASE|[Pp]assword|[Pp]assphrase/,
  },
  {
    all: [/\[ERROR\]/, /unknown variable '[^']+'|unknown option '--[^']+'/],
    confidence: 0.75,
    title: 'MySQL rejects a configuration option',
  },
  {
    all: [/Error parsing (?:YAML )?config file|Unrecognized option: [a-z]/],
    confidence: 0.8,
    title: 'The server rejects its configuration file',
  },
  {
    all: [/unknown setting \[|IllegalArgumentException: Failed to parse value|SettingsException/],
    confidence: 0.8,
    title: 'Elasticsearch rejects a setting',
  },
  {
    all: [/ConfigException: (?:Invalid value|Missing required configuration|Unknown)/],
    confidence: 0.78,
    title: 'Kafka rejects its configuration',
  },
  {
    // A process manager that names the section of its config file it rejects: supervisord's "Error: %(process_num)
    // must be present within process_name when numprocs > 1 in section 'program:x' (file: '/etc/supervisor/conf.d/
    // x.conf')", "Error: Invalid user name x in section 'program:y'", ini-based daemons' "in section 'x' (file:".
    all: [/\bin section '[^'\n]{1,120}' \(file: /],
    confidence: 0.86,
    title: 'The process manager rejects a section of its configuration file',
  },
  {
    // A setting that requires another one the file leaves out, worded as the server's check: Elasticsearch's
    // bootstrap check "Transport SSL must be enabled if security is enabled. Please set [xpack.security.
    // transport.ssl.enabled] to [true] or disable security", "x must be set when y is enabled". The file was
    // written against another deployment mode (a single node's config copied to a cluster).
    all: [
      /\bmust be (?:enabled|disabled|set|configured|specified) (?:if|when|because) [^\n]{1,120}\bis (?:enabled|set|configured|true)\b[^\n]{0,40}\b[Pp]lease set \[/,
    ],
    confidence: 0.82,
    title: 'A setting requires another the configuration leaves out (a config written for another mode)',
  },
  {
    // A release that validates compile-time settings against the runtime config: Elixir's "the application :shop
    // has a different value set for path [:force_ssl] inside key X during runtime compared to compile time" (a
    // compile-time key set in runtime.exs). The config file puts the key where it cannot take effect.
    all: [/\bduring runtime compared to compile time\b|\bwas marked as compile time\b/],
    confidence: 0.86,
    title: 'A compile-time setting is set differently in the runtime configuration',
  },
];
