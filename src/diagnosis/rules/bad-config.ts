/**
 * bad_config: a configuration file or value is syntactically or semantically invalid for the server
 * (bad directive, empty or mangled value, unsupported syntax).
 */
import { kubectl } from '../kubectl.ts';
import type { RuleContext } from '../rule.ts';
import { type Signature, type SignatureHit, signatureRule } from './log-helpers.ts';
import { SERVER_REJECTION_SIGNATURES } from './bad-config-server-rejections.ts';
import { handlerFailedOnAnotherCause, OPTION_VALUE_SIGNATURES } from './bad-config-option-values.ts';
import {
  CONFIG_BINDING_FRAME,
  CONFIG_VALUE_SIGNATURES,
  ENUM_VALUE_NOT_FOUND,
  LISTEN_AND_SECRET_VALUE_SIGNATURES,
} from './bad-config-values.ts';
import {
  MISSING_PLUGIN,
  NAMED_FILE_ABSENT,
  namesMisspeltBuiltinPlugin,
  OUTPUT_FILE_NOT_OPENED,
  UNEXPANDED_VARIABLE_REFERENCE,
} from './config-clues.ts';
import { CONFIG_FOR_ANOTHER_VERSION, REMOVED_MYSQL_FLAG } from './version-clues.ts';
import { isUnder, pathsIn } from './spec-helpers.ts';
import { CONFIG_PARSE_SIGNATURES, CONFIG_SCHEMA_SIGNATURES } from './config-parse-clues.ts';
import {
  JS_CONFIG_LOCATION,
  JS_MODULE_SYSTEM_MISMATCH,
  JS_SYNTAX_ERROR,
  JSON_PARSE,
  TOML_PARSE,
  XML_PARSE,
} from './config-parse-clues.ts';
import { PY_CONFIG_LOCATION, PY_SYNTAX_ERROR } from './config-parse-clues.ts';

// nginx [emerg] lines about names and ports belong to the DNS, port and permission rules.
const NOT_CONFIG =
  /host not found|Invalid path: \/|could not resolve address|[Uu]nable to resolve|[Cc]annot resolve|Address already in use|[Pp]ermission denied|[Nn]o such file|does not exist|doesn't exist/;

const BAD_DIRECTIVE = /Bad directive or wrong number of arguments/;
const UNKNOWN_SETTING =
  /Conf file attempted to set unknown variable|[Uu]nknown configuration (?:variable|key|option)\b/;

// A path the configuration names that the server could not open or create for lack of permission.
const OPEN_FAILED = /\b(?:[Cc]an(?:'t|not)|[Cc]ould(?:n't| not)|[Uu]nable to|[Ff]ailed to) (?:open|create|write)\b/;
// Go and Node write the errno text in lower case ("open /x/config.json: permission denied").
const DENIED = /[Pp]ermission denied|\bEACCES\b/;
const openDenied = (text: string): boolean => OPEN_FAILED.test(text) && DENIED.test(text);

// A server that stops on a name it cannot resolve often ends with a summary ("Failed to parse configuration
// file"): the name is the cause (dns_resolution_failure), the summary only says where it surfaced.
const UNRESOLVED_NAME = /host not found in upstream|could not resolve address|[Uu]nable to resolve (?:host|address)/;
// A Redis directive quoted with no value at all: an empty substitution as often as a broken file.
// nginx parameters and directives that arrived with 1.25 (QUIC/HTTP3 listeners, "http2 on;"): an older image
// rejects a config copied from current docs, which is runtime_version_mismatch's (TAXONOMY.md), not a typo.
const NEWER_NGINX_FEATURE =
  /(?:invalid parameter|unknown directive) "(?:quic|http3|http3_hq|http3_max_concurrent_streams|http3_stream_buffer_size|quic_retry|quic_gso|quic_host_key|quic_bpf|quic_active_connection_id_limit|http2)"/;
const BARE_DIRECTIVE = /^>>> '[a-z][a-z-]{1,40}'\s*$/;

// A server that reports its configuration as the failure ("Configuration error. error=Transform ...", Postfix's
// "fatal: configuration error"): the detail after it is a value, a key or a transform program it rejected.
const CONFIG_ERROR: Signature = {
  all: [/\b[Cc]onfig(?:uration)? error\b[.:]?/],
  confidence: 0.72,
  title: 'The server reports an error in its configuration',
  not: /\bis required\b|\bmust be set\b|\bnot set\b|[Nn]o such file|does not exist|[Pp]ermission denied|host not found/,
};

// Exit code 78 is EX_CONFIG of sysexits.h (Vector, Postfix, OpenSMTPD, many daemons): the program itself says
// its configuration is what stopped it.
const EX_CONFIG = 78;

const SIGNATURES: Signature[] = [
  ...SERVER_REJECTION_SIGNATURES,
  ...OPTION_VALUE_SIGNATURES,
  ...CONFIG_VALUE_SIGNATURES,
  {
    all: [
      /[Ee]rror loading config(?:uration)? (?:from|file|\()|[Ff]ailed parsing config|[Ee]rror parsing config(?:uration)?\b|[Ii]nvalid configuration|[Cc]onfiguration (?:is )?invalid|[Cc]onfig(?:uration)? validation (?:failed|error)|[Ff]ailed to (?:load|parse) (?:the )?config|[Ee]rror parsing [a-z]{3,20} config|cannot unmarshal the config|syntax error in (?:the )?config(?:uration)?\b|cannot load config(?:uration)? file|could not load pg_(?:hba|ident)\.conf|validating config" err=/,
    ],
    confidence: 0.75,
    title: 'The app rejects its configuration',
    // An empty value that fails to parse as a number is an unset variable (missing_env_var), not a bad file.
    not: /parsing "": invalid syntax|with base \d+: ''/,
  },
  {
    // A validator that rejects a section of a configuration it loaded (YARP's "The proxy config is invalid.
    // (Route 'catalog' requires Hosts or Path specified)", "Unable to load or apply the proxy configuration",
    // Envoy's and Traefik's "configuration is not valid"): a key is misspelled or misplaced, not the code.
    all: [
      /\bconfig(?:uration)? (?:is|was) (?:invalid|not valid)\b|\b[Uu]nable to (?:load or )?apply the [\w-]{1,30} config(?:uration)?\b|\b[Uu]nable to (?:load or )?apply the config(?:uration)?\b/,
    ],
    confidence: 0.8,
    title: 'The app rejects a section of its configuration (a key misspelled or misplaced?)',
    // A required value that is absent is an unset variable (missing_env_var) or an absent file (missing_file).
    not: /\bis required\b|\bmust be set\b|\bnot set\b|[Nn]o such file|does not exist|parsing "": invalid syntax/,
  },
  CONFIG_ERROR,
  JS_CONFIG_LOCATION,
  PY_CONFIG_LOCATION,
  {
    // The same complaint worded as a failed load step (Alertmanager "Loading configuration file failed",
    // Vaultwarden "Error loading config:", fluentd "config error file=") with the reason after it.
    all: [
      /[Ll]oading config(?:uration)?(?: file)? failed|[Ee]rror (?:re)?loading config(?:uration)?(?: file)?:|[Cc]ould(?:n't| not) (?:load|parse) (?:the )?config(?:uration)?(?: file)?\b|\bconfig error file=|[Ff]ailed to reload config(?:uration)?\b/,
    ],
    confidence: 0.75,
    title: 'The app rejects its configuration',
    // The file is absent or unreadable (missing_file, permission_denied), or a value is empty (missing_env_var).
    not: /[Nn]o such file|does not exist|doesn't exist|[Nn]ot found|[Pp]ermission denied|parsing "": invalid syntax|with base \d+: ''/,
  },
  {
    // A URL setting without its scheme ("bw.example.com" for "https://bw.example.com"): the value is set but
    // malformed. An empty value fails the same way and is an unset variable, so quoted empties are excluded.
    all: [
      /(?:needs to|must) (?:contain|include|start with|begin with|have) (?:the |a )?(?:protocol|scheme|https?:\/\/)|\b[Mm]issing (?:URL |protocol )?scheme\b|URL must (?:be absolute|start with|include (?:a|the) (?:scheme|protocol))/,
    ],
    confidence: 0.72,
    title: 'A URL setting lacks its scheme (http:// or https://)',
    not: /""|''|``/,
  },
  {
    all: [/Failed to bind properties under|Binding to target [^\s]+ failed/],
    confidence: 0.8,
    title: 'A Spring property has an invalid value',
  },
  {
    all: [
      /yaml: line \d+:|yaml: unmarshal errors|Psych::SyntaxError|field [^\s]+ not found in type [^\s]+|YAMLException|yaml\.(?:scanner|parser)\.(?:Scanner|Parser)Error|while parsing a (?:block|flow) (?:mapping|sequence)|mapping values are not allowed here|found duplicate key [^\s]+|org\.yaml\.snakeyaml\.[a-z]+\.[A-Za-z]+Exception/,
    ],
    confidence: 0.75,
    title: 'A YAML configuration is malformed',
  },
  ...CONFIG_PARSE_SIGNATURES,
  ...CONFIG_SCHEMA_SIGNATURES,
  {
    // Exceptions whose class alone says the configuration was rejected (Flink's memory or option checks,
    // Typesafe config's parse and type errors). Placeholders left unresolved are unset variables instead.
    all: [
      /\b(?:IllegalConfiguration|InvalidConfiguration|InvalidConfig)(?:Exception|Error)\b|\bConfigException\$(?:Parse|BadValue|WrongType|BadPath|ValidationFailed)\b/,
    ],
    confidence: 0.78,
    title: 'The server rejects its configuration',
    not: /[Ee]nvironment variable|\benv var|\bis not set\b|\bmust be set\b|[Cc]ould not resolve placeholder|[Nn]o such file|does not exist/,
  },
  {
    // A network interface (or the address on it) that the config names or a detection pattern selects is not
    // on the node: Calico's IP autodetection, flannel's --iface, keepalived and VPN daemons.
    all: [
      /no valid host interfaces found|[Cc]ould(?:n't| not) auto-?detect an? IPv[46] address|[Uu]nable to auto-?detect an? IPv[46] address|[Cc]ould not find (?:a )?valid interface matching|[Ff]ailed to find (?:the )?interface\b|[Nn]o such network interface|\b[Ii]nterface [`'"]?[\w.@:-]{1,30}[`'"]? (?:not found|does not exist)\b|no interface with (?:name|address) /,
    ],
    confidence: 0.72,
    title: 'The network interface the configuration selects is not on the node',
    not: /host not found|[Nn]o such file/,
  },
  TOML_PARSE,
  JSON_PARSE,
  {
    all: [/config validation of \[|error initializing configuration '[^']+'|\) has unknown fields/],
    confidence: 0.8,
    title: 'The server rejects a configuration value',
  },
  {
    // Kafka validates settings with Scala's require(); MongoDB reports bad options at global init.
    all: [
      /IllegalArgumentException: requirement failed: |Error during global initialization|Unable to validate credentials inherited from the shell environment/,
    ],
    confidence: 0.75,
    title: 'The server rejects a configuration value',
  },
  {
    all: [/Conf file attempted to set unknown variable|Error preparing configuration in phase/],
    confidence: 0.85,
    title: 'RabbitMQ rejects its configuration file',
  },
  {
    all: [
      /[Uu]nrecognized directive|adapting config using [a-z]+:|[Uu]nknown configuration (?:variable|key|option|directive)/,
    ],
    confidence: 0.78,
    title: 'The server rejects a directive in its configuration',
  },
  { all: [/ImproperlyConfigured/], confidence: 0.6, title: 'The app reports it is improperly configured' },
  {
    // php-fpm: a pool setting out of range, an unparsable listen address; the summary line comes after.
    all: [
      /ERROR: \[pool [\w.-]{1,60}\] [a-z_.]{2,60} must be|ERROR: invalid (?:port )?value '|failed to post process the configuration/,
    ],
    confidence: 0.82,
    title: 'php-fpm rejects its pool configuration',
  },
  XML_PARSE,
  {
    // A value the server cannot use: not empty (an unset variable), nor holding the next flag (one args item).
    all: [/\b[Ii]nvalid (?:[a-z_]{1,30} )?value (?:for|of) ['"`]?[\w.-]{1,60}['"`]?:? ['"`]?[^'"`\s]/],
    not: / (?:-c ?|--)[a-z_]{2,60}=/,
    confidence: 0.7,
    title: 'A configuration value is invalid',
  },
  {
    // A parser naming the config file, line and column ("nats.conf:14:3: Expected ...").
    all: [
      /\.(?:conf|cfg|ya?ml|toml|json|hcl|ini|properties):\d{1,6}:\d{1,6}: (?:[Ee]xpected|[Uu]nexpected|[Ii]nvalid|[Uu]nknown|[Mm]issing|[Ss]yntax|[Pp]arse)/,
    ],
    confidence: 0.75,
    title: 'The configuration file does not parse',
  },
  ...LISTEN_AND_SECRET_VALUE_SIGNATURES,
  {
    // The terse summary servers print after the real complaint: a weak reading on its own.
    all: [/\b(?:FPM|[Ss]erver|[Dd]aemon|[Ss]ervice|[Pp]lugin|[Mm]odule) initiali[sz]ation failed\b/],
    confidence: 0.45,
    title: 'The server failed to initialise (a configuration error is the usual reason)',
  },
  {
    // picocli (Keycloak): an option's value, usually set through KC_* variables or keycloak.conf.
    all: [/Invalid value for option '--[^']+'/],
    confidence: 0.6,
    title: 'A configuration option has an invalid value',
  },
];

// The config file is absent rather than invalid: the missing-file rule owns that.
const ABSENT = /[Nn]o such file or directory|[Ff]ile not found|does not exist/;
const LOAD_FAILED = /failed to (?:open|load|read) (?:the )?config/i;

/** The ConfigMap mounted over a path the failing lines name (nginx.conf under /etc/nginx), when there is one. */
const mountedConfigMap = (ctx: RuleContext, hit: SignatureHit): string | undefined => {
  const container = ctx.container;
  if (!container) return undefined;
  const paths = [hit.line, ...hit.lines].flatMap((line) => pathsIn(line.text));
  for (const path of paths) {
    for (const mount of container.volumeMounts) {
      if (!isUnder(path, mount.mountPath)) continue;
      const volume = ctx.pod?.volumes.find((v) => v.name === mount.name);
      if (volume?.kind === 'configMap' && volume.source) return volume.source;
    }
  }
  return undefined;
};

const CLASS_BINDING = /Failed to bind properties under|Binding to target [^\s]+ failed/;
const CLASS_NOT_LOADABLE = /\b(?:ClassNotFoundException|NoClassDefFoundError)\b/;

export const badConfig = signatureRule({
  id: 'bad-config',
  category: 'bad_config',
  signatures: SIGNATURES.map((s) => ({ ...s, not: s.not ?? NOT_CONFIG })),
  // Redis's "Bad directive" is an unknown directive: maybe a typo, maybe a config newer than the
  // server (runtime_version_mismatch ranks that reading just above).
  adjust: (ctx, hit) => {
    // Enum.Parse under no configuration reader is the app parsing its own data (app_bug).
    const boundFromConfig = ctx.log.lines.some((l) => CONFIG_BINDING_FRAME.test(l.text));
    if (hit.signature.title === ENUM_VALUE_NOT_FOUND.title && !boundFromConfig) return 0;
    // A logging handler that failed on a file or a module: the chained cause's rule owns it.
    if (handlerFailedOnAnotherCause(ctx, hit)) return 0;
    // A wrong keystore password is a rejected credential (auth_failure).
    if (hit.lines.some((l) => /password was incorrect/.test(l.text))) return Math.min(hit.confidence, 0.4);
    // A directive or setting of another server version is runtime_version_mismatch's (TAXONOMY.md),
    // wherever the log names it: the line bad_config matched may be only the loader's summary.
    if (ctx.log.lines.some((l) => CONFIG_FOR_ANOTHER_VERSION(l.text) || REMOVED_MYSQL_FLAG.test(l.text)))
      return Math.min(hit.confidence, 0.45);
    if (ctx.log.lines.some((l) => BAD_DIRECTIVE.test(l.text) || NEWER_NGINX_FEATURE.test(l.text)))
      return Math.min(hit.confidence, 0.47);
    // A log or pid file the config names that could not be opened: the path's owner, not the setting.
    if (ctx.log.lines.some((l) => OUTPUT_FILE_NOT_OPENED.test(l.text))) return Math.min(hit.confidence, 0.5);
    // A setting the server does not know is a typo or a key of a newer release (runtime_version_mismatch).
    if (ctx.log.lines.some((l) => UNKNOWN_SETTING.test(l.text))) return Math.min(hit.confidence, 0.8);
    // The config is fine but a path it names cannot be opened by the container user (Redis "Can't open the
    // log file: Permission denied", a pidfile or socket directory owned by root): permission_denied's.
    if (ctx.log.lines.some((l) => openDenied(l.text))) return Math.min(hit.confidence, 0.45);
    // A config that names a plugin the image lacks is right for a server that has it (missing_dependency),
    // unless the name is a slip off a built-in plugin's.
    const missingPlugin = (text: string) => MISSING_PLUGIN.test(text) && !namesMisspeltBuiltinPlugin(text);
    if (ctx.log.lines.some((l) => missingPlugin(l.text))) return Math.min(hit.confidence, 0.45);
    if (ctx.log.lines.some((l) => NAMED_FILE_ABSENT.test(l.text))) return Math.min(hit.confidence, 0.45);
    // A class-valued property (a JDBC driver, a dialect) the class loader cannot find: usually its jar was not
    // packaged (missing_dependency), a typo in the class name only sometimes.
    if (CLASS_BINDING.test(hit.line.text) && ctx.log.lines.some((l) => CLASS_NOT_LOADABLE.test(l.text)))
      return Math.min(hit.confidence, 0.6);
    if (UNEXPANDED_VARIABLE_REFERENCE.test(hit.line.text)) return Math.min(hit.confidence, 0.45);
    if (ctx.log.lines.some((l) => BARE_DIRECTIVE.test(l.text))) return Math.min(hit.confidence, 0.6);
    if (!UNRESOLVED_NAME.test(hit.line.text) && ctx.log.lines.some((l) => UNRESOLVED_NAME.test(l.text)))
      return Math.min(hit.confidence, 0.6);
    if (LOAD_FAILED.test(hit.line.text) && ctx.log.lines.some((l) => LOAD_FAILED.test(l.text) && ABSENT.test(l.text)))
      return Math.min(hit.confidence, 0.45);
    if (hit.signature.title === JS_CONFIG_LOCATION.title) {
      if (ctx.log.lines.some((l) => JS_MODULE_SYSTEM_MISMATCH.test(l.text))) return 0.84;
      if (ctx.log.lines.some((l) => JS_SYNTAX_ERROR.test(l.text))) return 0.78;
    }
    if (hit.signature.title === PY_CONFIG_LOCATION.title && ctx.log.lines.some((l) => PY_SYNTAX_ERROR.test(l.text)))
      return 0.75;
    if (hit.signature.title === CONFIG_ERROR.title && ctx.exitCode === EX_CONFIG) return Math.max(hit.confidence, 0.82);
    return hit.confidence;
  },
  steps: (ctx, hit) => [
    `Read the config the container actually received: ${kubectl.get(ctx.target, 'configmap', mountedConfigMap(ctx, hit) ?? '<name>')}`,
    'Validate the file with the same image tag the pod runs (nginx -t, apachectl configtest, or start the server locally with it)',
  ],
});
