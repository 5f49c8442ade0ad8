/**
 * Readings about the configuration an app was given that more than one rule weighs (not a rule itself).
 */

/**
 * A plugin or extension the configuration names is not installed in the server's image (fluentd gems,
 * Logstash plugins, Jenkins plugins, Caddy modules, a converter or filesystem class a JVM server loads by
 * the name its config gives: Kafka Connect's "Class X could not be found", Hadoop's "Class X not found", and
 * Node frameworks that resolve configured plugins by package name: Medusa's "Unable to find plugin", Babel's
 * and Gatsby's "Cannot find plugin"; servers that refuse to start without a plugin their config requires or
 * enables: Elasticsearch/OpenSearch "missing mandatory plugins [repository-s3]", RabbitMQ "plugins_not_found",
 * Kong "plugin 'x' is enabled but not installed", Vault "plugin not found in the catalog"; Elasticsearch/OpenSearch
 * "unknown setting [s3.client.default.endpoint]", a setting that only a repository, discovery or security plugin
 * registers, so the plugin is absent from the image; Python apps that import the plugin modules their settings
 * list (NetBox "Unable to import plugin netbox_bgp: Module not found", "Failed to import plugin"); logging
 * frameworks that build sinks named in appsettings or XML from the assemblies and jars present:
 * Serilog.Settings.Configuration "Unable to find a method called Seq for supplied arguments" (the
 * Serilog.Sinks.Seq package is not referenced), NLog "Failed to create Target of type: Seq" / "Target cannot
 * be found").
 * The config is right for a server that has it, so the bad-config rule steps back when it sees one of these.
 */
export const MISSING_PLUGIN =
  /\b[Uu]nknown (?:input|output|filter|parser|formatter|buffer|storage|codec|source|sink|match) plugin '|NotFoundPluginError|Couldn't find any (?:input|output|filter|codec) plugin named|[Tt]he plugin is not installed|\b[Pp]lugin is missing: |\bmodule not registered: [a-z]|No configurator for the following root elements|\bClass [a-z][\w$]{0,60}\.[\w.$]{1,200} (?:could not be found|not found)\b|Failed to find any class that implements [A-Z]|\b(?:[Uu]nable to|[Cc]annot|[Cc]ould not) (?:find|resolve) plugin ["'`][\w@/.-]{1,100}["'`]|[Pp]erhaps you need to install its package|\bmissing mandatory plugins \[|\bplugins_not_found\b|\b[Tt]he following plugins could not be found\b|\bis enabled but not installed\b|\b(?:[Uu]nable to|[Cc]annot|[Cc]ould not|[Ff]ailed to) import plugin\b|\bplugin module has been installed\b|\b[Pp]lugin ['"`]?[\w.-]{1,80}['"`]? (?:is |was )?not installed\b|\bplugin not found in the catalog\b|\bunknown setting \[(?:(?:s3|gcs|azure)\.client|discovery\.(?:ec2|gce|azure)|cloud\.(?:aws|gce|azure)|plugins\.security|opendistro_security)\./;

/** A logging sink, target or appender the configuration names whose package is not in the image. */
export const MISSING_LOGGING_SINK =
  /\bUnable to find a method called [A-Z]\w{0,60} for supplied arguments\b|\bFailed to create (?:Target|Layout|LayoutRenderer|Filter) of type: ?\w|\b(?:Target|Layout renderer|LayoutRenderer) cannot be found: '/;

/** A dotenv file: missing, it leaves every variable it held unset. */
export const DOTENV = /\/\.env\b|'\.env'|"\.env"|^\.env\b/;

/**
 * A server that could not open the log, pid or lock file its configuration names, with no errno (MongoDB's
 * "FileNotOpen: Failed to open /var/log/mongodb/mongod.log", "Failed to open log file /var/log/x.log"). The
 * setting is right; in a pod the directory is usually a volume owned by root while the server runs as
 * another user (permission_denied), so the bad-config rule steps back and the permission rule reads it.
 */
export const OUTPUT_FILE_NOT_OPENED =
  /\bFileNotOpen\b|\b(?:[Ff]ailed to|[Cc]ould not|[Cc]ouldn't|[Uu]nable to|[Cc]annot|[Cc]an't) open (?:the )?(?:log ?file |pid ?file |lock ?file )?['"`]?\/[^\s'"`]{1,200}\.(?:log|pid|lock)\b/;

/**
 * The app logs its listen address as empty ("listen":"", addr="", LISTEN_ADDR="") or the runtime shows the
 * default it fell back to for an empty address (Go's http.ListenAndServe("") listens on ":http"): a bind to
 * port 80 refused to a non-root user then follows from the unset variable (missing_env_var), not from a port
 * chosen on purpose, so the permission rule steps back.
 */
export const EMPTY_LISTEN_ADDRESS =
  /"(?:listen|listen_?addr(?:ess)?|addr(?:ess)?|bind(?:_?addr(?:ess)?)?|http_?addr(?:ess)?|port)": ?""|\b(?:LISTEN|listen|ADDR|addr|BIND|bind|PORT|port)(?:_?[A-Za-z]{1,20})?=""|\blisten tcp6? :https?: bind\b/;

/**
 * The kubelet dropped keys of an envFrom Secret or ConfigMap that are not valid variable names ("Keys
 * [backend-store-uri] from the EnvFrom secret ns/x were skipped since they are considered invalid environment
 * variable names", reason InvalidEnvironmentVariableNames): the variable the command or the app expects is
 * unset, so what it prints next (a mangled argv, an absent setting) is a consequence.
 */
export const ENV_FROM_KEYS_SKIPPED =
  /\bInvalidEnvironmentVariableNames\b|\bKeys? \[[^[\]\n]{1,300}\] from the EnvFrom (?:secret|configMap|config map)\b[^\n]{0,200}\bskipped\b/i;

/**
 * A file the configuration names that is not there, in the words of the directive that names it (Apache's
 * "SSLCertificateFile: file '/usr/local/apache2/conf/server.crt' does not exist or is empty" under its
 * "Syntax error on line 86", HAProxy's "file '/etc/ssl/site.pem' does not exist"): the config parses, a path it
 * names is absent (a Secret mounted elsewhere), so the bad-config rule steps back under missing_file's reading.
 */
export const NAMED_FILE_ABSENT = /\bfile ['"`]\/[^'"`\n]{1,300}['"`] (?:does not exist|not found)\b/;

/**
 * A Kubernetes dependent-variable reference left unexpanded ("--objstore.config=$(OBJSTORE_CONFIG)" reaching the
 * program as the literal "$(OBJSTORE_CONFIG)"): the kubelet expands $(NAME) only for a variable the container
 * defines, so the value the program could not parse is an unset variable (missing_env_var), not a bad file.
 */
export const UNEXPANDED_VARIABLE_REFERENCE = /\$\([A-Z_][A-Z0-9_]{1,80}/;

/**
 * The plugin names log shippers build in (fluentd's in_/out_/filter_/parser_/formatter_/buffer_ plugins, Fluent
 * Bit's, Logstash's default plugins), only those no gem ships a near-namesake of. An unknown plugin whose name
 * is one or two letters off one of these is a misspelt type in the config ("record_transfomer", "muatte"), not
 * a gem the image lacks.
 */
const BUILTIN_PLUGIN_NAMES = [
  'record_transformer',
  'monitor_agent',
  'windows_eventlog',
  'exec_filter',
  'secondary_file',
  'roundrobin',
  'forward',
  'stdout',
  'relabel',
  'syslog',
  'sample',
  'parser',
  'regexp',
  'apache2',
  'apache_error',
  'multiline',
  'msgpack',
  'single_value',
  'memory',
  'modify',
  'throttle',
  'beats',
  'mutate',
  'dissect',
  'useragent',
  'translate',
  'fingerprint',
  'truncate',
  'json_lines',
];

// The name in "Unknown filter plugin 'x'" (fluentd) and "Couldn't find any filter plugin named 'x'" (Logstash).
const UNKNOWN_PLUGIN_NAME = /\b(?:[Uu]nknown [a-z]{3,10} plugin|any [a-z]{3,10} plugin named) ['"`]([\w-]{3,60})['"`]/;

/** Optimal string alignment distance (an adjacent transposition counts as one edit), for short names. */
const editDistance = (a: string, b: string): number => {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
};

/** True when the line rejects a plugin name that is a misspelling of a built-in one (bad_config, not a gem). */
export const namesMisspeltBuiltinPlugin = (text: string): boolean => {
  const name = UNKNOWN_PLUGIN_NAME.exec(text)?.[1]?.toLowerCase().replace(/-/g, '_');
  if (!name) return false;
  // A short name is too close to other real plugin types (kafka2, json5) to call a slip; a built-in's own name
  // reported unknown is a broken install, not a typo.
  if (name.length < 5 || BUILTIN_PLUGIN_NAMES.includes(name)) return false;
  const allowed = name.length >= 8 ? 2 : 1;
  return BUILTIN_PLUGIN_NAMES.some((builtin) => editDistance(name, builtin) <= allowed);
};
