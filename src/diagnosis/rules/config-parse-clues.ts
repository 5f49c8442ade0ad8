/**
 * bad_config's readings of a configuration file that does not parse: YAML, TOML, JSON, XML, INI and HCL
 * parsers, strict schemas, and any parser's complaint on a line that names a config file. The bad-config
 * rule lists these in its own order.
 */
import type { Signature } from './log-helpers.ts';
import { SCRIPT_CONFIG_SIGNATURES } from './bad-config-script-syntax.ts';

// A parser's complaint about the structure of what it read. Block-structured server configs (BIND's named.conf,
// Squid, Unbound, keepalived) name the punctuation they wanted: "missing ';' before '}'", "expected '{' near".
// lighttpd and hand-written parsers only say it failed ("parser failed somehow near here: (EOL)").
const CONFIG_PARSE_FAILURE =
  /[Uu]nexpected (?:EOF|end[- ]of[- ](?:input|file|stream)|token|character)|[Ss]yntax error|[Pp]ars(?:e|ing) error|[Pp]ars(?:er|ing|e) failed|[Pp]arser error|[Ee]rror (?:during|while|when) parsing|[Pp]roblem parsing|[Ee]xpect(?:ing|ed) close|close marker for|got end of file|[Uu]nterminated|[Uu]nclosed|[Uu]nbalanced|[Mm]alformed|[Mm]alformatt?ed|[Cc]ould(?:n't| not) parse|[Cc]an(?:not|'t) parse|[Ff]ailed to parse|[Uu]nable to parse|[Ii]nvalid syntax|[Ii]nvalid (?:JSON|YAML|TOML|XML|HCL|INI)\b|\bis (?:invalid|not valid)\b|\b[Mm]issing '[;{}()[\],="]' (?:before|after|near|at)\b|\b[Ee]xpect(?:ed|ing) '[^'\n]{1,3}'(?:,| but)? (?:got|found|before|near)\b|\bsemicolon expected\b/;
// The line names a config file (by word or extension) or a setting, not a request body or the app's code.
const CONFIG_SOURCE =
  /\b[Cc]onfig(?:uration)? (?:file|data|value|setting|property|key|object)s?\b|[\w-]\.(?:conf|config|cfg|cnf|ini|ya?ml|toml|hcl|properties|xml)\b|\b(?:config|settings|application|appsettings|production|development|staging|default)[\w.-]{0,30}\.json\b|\/config\/[\w.-]{1,60}\.json\b|\b(?:Corefile|Caddyfile)\b|\bat prefix\[/;
// What a config parse failure is not: an absent or unreadable file, a name that does not resolve, an empty
// value (an unset variable, missing_env_var), a package manifest (a build problem).
const NOT_PARSED_CONFIG =
  /[Nn]o such file|does not exist|doesn't exist|Permission denied|host not found|[Cc]ould not resolve|[Uu]nable to resolve|[Cc]annot resolve|parsing "": invalid syntax|with base \d+: ''|must not be (?:empty|blank)|\bis (?:empty|blank|required|missing|not set)\b|package(?:-lock)?\.json|composer\.json|tsconfig/;

export const CONFIG_PARSE_SIGNATURES: Signature[] = [
  ...SCRIPT_CONFIG_SIGNATURES,
  {
    // Logstash's pipeline grammar error ("Expected one of [ \t\r\n], "#", "{" at line 12, column 9").
    all: [/LogStash::ConfigurationError/],
    confidence: 0.78,
    title: 'The server rejects its configuration',
  },
  {
    // Strict schemas that name a key they do not know: zod's .strict(), Rust's serde deny_unknown_fields.
    // A key of another version of the server is runtime_version_mismatch's, ranked beside this reading.
    all: [/Unrecognized key\(s\) in object: |\bunknown field [`'"][\w.-]{1,60}[`'"], expected /],
    confidence: 0.72,
    title: 'The configuration has a key the app does not know',
  },
  {
    // Traefik (paerser) names an unknown static-config key this way, from file, flags or env alike.
    all: [/field not found, node: [\w.-]{1,80}/],
    confidence: 0.75,
    title: 'The configuration has a key the server does not know',
  },
  {
    // INI (Python's configparser, whose "%" interpolation also breaks on a literal % in a value such as a
    // URL-encoded password) and HCL (Vault, Consul, Nomad, Terraform) syntax errors name no value: the
    // file itself is broken.
    all: [
      /configparser\.(?:ParsingError|MissingSectionHeaderError|DuplicateSectionError|DuplicateOptionError|InterpolationSyntaxError)|'%' must be followed by '%' or '\(', found|File contains no section headers|Unclosed configuration block|Argument or block definition required|Missing newline after argument|Invalid block definition/,
    ],
    confidence: 0.78,
    title: 'The configuration file does not parse',
  },
  {
    // A config written in a programming language (Python settings modules such as pgAdmin's config_local.py or
    // Superset's superset_config.py, often filled verbatim from environment variables; a JS config file) given
    // a boolean or null in another language's spelling: Python "NameError: name 'false' is not defined. Did you
    // mean: 'False'?", JS "ReferenceError: True is not defined". App code would not pass its tests so; an
    // eval() of JSON in the app would, hence below the confident band.
    all: [
      /\bNameError: name '(?:true|false|null|none|nil|yes|no|on|off|TRUE|FALSE|NULL|NONE|Yes|No|On|Off)' is not defined\b|\bReferenceError: (?:True|False|None|TRUE|FALSE|NULL|yes|no|on|off) is not defined\b/,
    ],
    confidence: 0.74,
    title: "A setting's value is a boolean or null in another language's spelling (false for Python's False)",
  },
  {
    // Protobuf text format (Triton's config.pbtxt "failed to read text proto from", TensorFlow Serving's "Error
    // parsing text-format tensorflow.serving.ModelServerConfig: 3:7: Expected ...", Caffe's .prototxt): the
    // file exists and was read, and its syntax is not protobuf text (YAML-style "key: [" blocks, a stray brace).
    all: [
      /\b[Ff]ailed to (?:read|parse) (?:the )?text[ -]?(?:proto|protobuf)\b|\b[Ee]rror parsing text-format [\w.]{1,120}:|\btext_format\.ParseError\b|\b[Cc]ould not parse (?:the )?(?:[\w.-]{1,80}\.)?(?:pbtxt|prototxt)\b/,
    ],
    confidence: 0.8,
    title: 'The configuration file does not parse (protobuf text format)',
    not: NOT_PARSED_CONFIG,
  },
  {
    // Any parser's complaint about structure (an unclosed brace or array, a stray token, a missing comma) on a
    // line that names a config file or setting: Typesafe "application.conf: 41: Expecting close brace",
    // CoreDNS "Corefile:31 - Error during parsing: Unexpected EOF", Druid's "Problem parsing object at
    // prefix[...]", node-config's "Cannot parse config file". Templated config (Helm) breaks this way often.
    all: [CONFIG_PARSE_FAILURE, CONFIG_SOURCE],
    confidence: 0.78,
    title: 'The configuration file does not parse',
    not: NOT_PARSED_CONFIG,
  },
];

/**
 * Configuration that parses but that the server's schema or cross-references reject: YAML scanner wording
 * of every parser (libyaml/PyYAML/Ansible, js-yaml, SnakeYAML), strict decoders and schema validators that
 * name an extraneous key, a section that refers to another one that is not defined (HAProxy's backends,
 * OpenTelemetry pipelines), logging frameworks' own config checks, cuttlefish's schema phases.
 */
export const CONFIG_SCHEMA_SIGNATURES: Signature[] = [
  {
    // Python logging's fileConfig reads an INI whose [loggers]/[handlers] name sections that are missing: a
    // trimmed logging.ini or PasteDeploy production.ini ("KeyError: 'formatters'", "KeyError: 'handler_console'",
    // configparser's "No section: 'formatters'"). A bare 'handlers'/'loggers' key is too common in app code.
    all: [
      /^KeyError: '(?:formatters|formatter_[\w.-]{1,60}|handler_[\w.-]{1,60}|logger_[\w.-]{1,60})'|\bconfigparser\.(?:NoSectionError|NoOptionError)\b|^NoSectionError: No section: '/,
    ],
    confidence: 0.78,
    title: 'The logging INI file names a section it does not have (formatters, handlers, loggers)',
  },
  {
    // A logging format string that does not fit the style it is declared with (Python's logging "Invalid format
    // '{asctime} {message}' for '%' style" when `style: '{'` is missing from a dictConfig/fileConfig formatter;
    // "Style must be one of: %,{,$"): a value of the logging configuration, wrong for every version.
    all: [/\bInvalid format '[^'\n]{1,300}' for '[%{$]' style\b|\bStyle must be one of: ?%, ?\{, ?\$/],
    confidence: 0.86,
    title: 'The logging configuration declares a format string that does not match its style',
  },
  {
    // Python's logging.config names the section it could not build; the cause sits in the chained exception
    // above it. A formatter or filter fails on its own values; a handler or logger as often fails on a file it
    // cannot open or a class not installed, which the permission, missing-file and dependency rules read first.
    all: [/\bUnable to configure (?:formatter|filter) '[\w.-]{1,80}'/],
    not: /No module named|[Pp]ermission denied|No such file/,
    confidence: 0.72,
    title: 'The logging configuration has a formatter or filter Python cannot build',
  },
  {
    all: [
      /[Ss]yntax [Ee]rror while loading YAML|mapping values are not allowed in this context|bad indentation of a (?:mapping|sequence) entry|did not find expected (?:key|'-' indicator|node content)|could not find expected ':'|found character that cannot start any token|end of the stream or a document separator is expected|block sequence entries are not allowed in this context|expected <block end>, but found/,
    ],
    confidence: 0.8,
    title: 'A YAML configuration is malformed (indentation, an unquoted colon)',
  },
  {
    // A key the schema does not know: a typo or misplaced key as often as a key of another version, so not
    // confident; runtime_version_mismatch reads the version. Pydantic models that forbid extra keys (Ray Serve,
    // pydantic-settings, LiteLLM configs) say "extra fields not permitted" (v1) or "Extra inputs are not
    // permitted" (v2) under the key's path; marshmallow answers "Unknown field.".
    all: [
      /\bextra fields not permitted\b|\bExtra inputs are not permitted\b|\btype=extra_forbidden\b|\['Unknown field\.'\]|strict decoding error: unknown field|\bextraneous key \[[\w.-]{1,80}\] is not permitted|json: unknown field "|\bAdditional propert(?:y|ies) [`'"]?[\w.-]{1,60}[`'"]? (?:is|are) not allowed|SchemaViolationConfigurationException/,
    ],
    confidence: 0.78,
    title: 'The configuration has a key the schema does not know (typo or misplaced key)',
  },
  {
    // Schema validators that name the entry they did not expect: Dagster ("Received unexpected config entry
    // "run_cordinator" at the root"), servers' "unknown config key 'x'", "unrecognized configuration option
    // "x"". A typo or misplaced key as often as a key of another version, so not confident.
    all: [
      /\b(?:[Uu]nexpected|[Uu]nknown|[Uu]nrecogni[sz]ed) config(?:uration)? (?:entry|entries|keys?|fields?|options?|propert(?:y|ies)|settings?|parameters?):? ?["'`]/,
    ],
    confidence: 0.78,
    title: 'The configuration has an entry the schema does not know (typo or misplaced key)',
  },
  {
    // Symfony's Config component (Symfony, Laravel packages, Drupal, API Platform) names a key it does not know
    // under its parent, often with "Did you mean": a typo or misplaced key (a removed key ranks its version).
    all: [
      /\bUnrecognized (?:option|key|field|propert(?:y|ies))s? "[\w., -]{1,120}" under "[\w.-]{1,80}"|\bInvalid configuration for path "[\w.-]{1,120}"|\bThere is no extension able to load the configuration for "/,
    ],
    confidence: 0.8,
    title: 'The configuration has a key or value the framework does not accept (typo or misplaced key)',
  },
  {
    // A line-oriented server (dnsmasq, Postfix, NTP, syslog) that names the complaint, the line and the file:
    // "bad address at line 4 of /etc/dnsmasq.d/forward.conf", chrony's "Invalid command at line 3 in file ...",
    // the file first ("/etc/postfix/main.cf, line 742: missing '=' after attribute name", Knot's "file
    // '/config/knot.conf', line 6, item 'listen'"), or a value out of the range the directive allows (ProFTPD's
    // "minimum port must be greater than 1023 on line 38 of '/etc/proftpd/proftpd.conf'").
    all: [
      /\b(?:at|on|in) line \d{1,6} (?:of|in)(?: file)? ['"`]?\/?[\w.-]|\bfile ['"`]\/[^\s'"`]{1,200}['"`],? line \d{1,6}\b|\/[\w.-]{1,200}\.(?:cf|conf|cfg|cnf|ini)['"`]?,? line \d{1,6}:/,
      /\b(?:[Bb]ad|[Ii]nvalid|[Uu]nknown|[Uu]nsupported|[Uu]nrecognized|[Mm]issing|[Ee]xtraneous|[Ii]llegal|[Mm]alformed) [\w'"-]|\bmust be (?:greater|less|smaller|larger|lower|higher) than \d|\bmust be (?:between|at least|at most) \d|\bout of (?:the allowed )?range\b|\b[Ee]xpect(?:ed|ing) '[^'\n]{1,3}'/,
    ],
    confidence: 0.8,
    title: 'A line of the configuration file is invalid',
    // A migration, a script or an imported data file at a line is a database, code or data problem.
    not: /\.(?:sql|py|rb|js|ts|php|sh|csv|tsv)\b|[Mm]igration/,
  },
  {
    // One section names another that is not defined (renamed or misspelled in the same file).
    all: [
      /unable to find required (?:default_backend|use_backend|backend|server|resolvers|peers)\b|\breferences (?:receiver|exporter|processor|extension|connector) "[^"]{1,80}" which is not configured/,
    ],
    confidence: 0.8,
    title: 'The configuration refers to a section it does not define',
  },
  {
    // An INI-style file that parses but lacks a section the server requires, or has settings before any
    // header: a header lost to templating (a trimmed newline glued it to a comment) or a file truncated.
    // supervisord ("does not include supervisord section"), MySQL/MariaDB option files, php-fpm's pools.
    all: [
      /\bfile does not include (?:an? |the )?\[?[\w:.-]{1,40}\]? section\b|\bFound option without preceding group\b|\bat least one [\w-]{1,30} section must be (?:specified|defined)\b|\bprogram section [\w:.-]{1,80} does not specify a command\b/,
    ],
    // An absent file is missing_file's, not a broken one.
    not: /[Nn]o such file|does not exist|[Cc]ould not find config/,
    confidence: 0.8,
    title: 'The configuration file lacks a section the server requires',
  },
  {
    // Logging frameworks validate their own XML at start and Spring Boot aborts on their errors.
    all: [
      /Logback configuration error detected|\bno applicable action for \[|Logging system failed to initialize using configuration from|\bERROR in ch\.qos\.logback\.|ERROR StatusLogger (?:Unable to|Unrecognized|Could not|No )/,
    ],
    confidence: 0.78,
    title: 'The logging configuration is invalid',
  },
  {
    // cuttlefish (RabbitMQ, VerneMQ, Riak, EMQX 4) maps and checks its .conf or env values by phase.
    all: [
      /Error generating config(?:uration)? (?:in phase|with cuttlefish)|Error transforming datatype for:|cuttlefish schema error/,
    ],
    confidence: 0.8,
    title: 'A setting has a value the server cannot convert (cuttlefish schema)',
  },
];

/** A TOML parser's error. */
export const TOML_PARSE: Signature = {
  // Python's tomllib/tomli ("tomllib.TOMLDecodeError"), toml ("toml.decoder.TomlDecodeError") and the copies
  // libraries vendor ("dynaconf.vendor.tomllib._parser.TOMLDecodeError"), Rust's toml crate ("TOML parse
  // error"), Go's BurntSushi/toml ("toml: line 3 (last key ...)").
  // Older BurntSushi/toml (InfluxDB 1.x, Kapacitor, Chronograf) says "Near line 41 (last key parsed 'x'): ...".
  all: [
    /\bTomlDecodeError\b|TOML parse error|invalid TOML|\btoml: line \d{1,6}\b|\bNear line \d{1,6} \(last key parsed '/i,
  ],
  confidence: 0.75,
  title: 'A TOML configuration is malformed',
};

/** A JSON parser's error: weak, as a request body or an API reply fails the same way. */
export const JSON_PARSE: Signature = {
  all: [
    /SyntaxError: (?:Unexpected token .{1,12} in JSON|JSON\.parse)|JSONDecodeError|json: cannot unmarshal|invalid character '.{1,4}' looking for beginning/,
  ],
  confidence: 0.55,
  title: 'A JSON configuration is malformed',
};

/** An XML parser's error. */
export const XML_PARSE: Signature = {
  all: [
    /SAXParseException|XML_ERROR|not well-formed \(invalid token\)|[Tt]ag mismatch|mismatched tag|XmlPullParserException|org\.xml\.sax\.|XML document structures must start and end|Premature end of file|Content is not allowed in prolog/,
  ],
  confidence: 0.78,
  title: 'An XML configuration file is malformed',
};

/**
 * The header Node prints above an error thrown while loading a configuration written as JavaScript (pm2's
 * ecosystem.config.js, next/vite/webpack/jest *.config.js): "/app/next.config.js:12", or as a file URL for an
 * ES module ("file:///app/next.config.mjs:22"); a settings or config module read by the server at start (Node-RED's
 * /data/settings.js, a mounted /app/config.js) is one too. Alone it is any error of that file; the bad-config rule trusts
 * it when the log's error says the file does not load as written (a SyntaxError, or the wrong module system),
 * the app's own
 * modules being app_bug's.
 */
export const JS_CONFIG_LOCATION: Signature = {
  all: [/^(?:file:\/\/)?\/?[\w./-]{0,200}(?:\.config|[/._-]settings|\/config)\.[cm]?[jt]s:\d{1,6}\s{0,4}$/],
  confidence: 0.4,
  title: 'A JavaScript configuration file does not load (a syntax error, or written for the other module system?)',
};
// The file does not compile (a SyntaxError: a Helm range that drops the commas between keys).
export const JS_SYNTAX_ERROR = /^SyntaxError: /;
// The file mixes the two module systems: CommonJS's module.exports/require in an .mjs or "type": "module" file
// ("module is not defined in ES module scope"). Written for the other system, the file never loads: its
// error is sure to be the file's, not a value inside it.
export const JS_MODULE_SYSTEM_MISMATCH =
  /^ReferenceError: (?:module|require|exports|__dirname|__filename) is not defined in ES module scope\b/;

/**
 * The frame Python prints above a SyntaxError in a configuration written as Python (gunicorn.conf.py,
 * superset_config.py, celeryconfig.py, jupyter_server_config.py, a settings module): the frame of a file
 * that does not compile has no ", in <function>" after its line number. Trusted with the SyntaxError only.
 */
export const PY_CONFIG_LOCATION: Signature = {
  all: [/^\s{0,8}File "[^"\n]{0,200}(?:[._-]conf|config|[._-]settings|\/settings)\.py", line \d{1,6}\s{0,4}$/],
  confidence: 0.4,
  title: 'A configuration file written in Python does not compile (an unterminated string, a bad indent?)',
};
export const PY_SYNTAX_ERROR = /^(?:SyntaxError|IndentationError|TabError): /;
