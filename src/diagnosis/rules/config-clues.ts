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
 * registers, so the plugin is absent from the image).
 * The config is right for a server that has it, so the bad-config rule steps back when it sees one of these.
 */
export const MISSING_PLUGIN =
  /\b[Uu]nknown (?:input|output|filter|parser|formatter|buffer|storage|codec|source|sink|match) plugin '|NotFoundPluginError|Couldn't find any (?:input|output|filter|codec) plugin named|[Tt]he plugin is not installed|\b[Pp]lugin is missing: |\bmodule not registered: [a-z]|No configurator for the following root elements|\bClass [a-z][\w$]{0,60}\.[\w.$]{1,200} (?:could not be found|not found)\b|Failed to find any class that implements [A-Z]|\b(?:[Uu]nable to|[Cc]annot|[Cc]ould not) (?:find|resolve) plugin ["'`][\w@/.-]{1,100}["'`]|[Pp]erhaps you need to install its package|\bmissing mandatory plugins \[|\bplugins_not_found\b|\b[Tt]he following plugins could not be found\b|\bis enabled but not installed\b|\bplugin not found in the catalog\b|\bunknown setting \[(?:(?:s3|gcs|azure)\.client|discovery\.(?:ec2|gce|azure)|cloud\.(?:aws|gce|azure)|plugins\.security|opendistro_security)\./;

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
